/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the stub reads from and writes to a device tree to boot a kernel:
 * /chosen, memory and reservations, the console UART, the PSCI conduit,
 * and the root compatible score used to pick a packed DTB.
 */
#include "blob.h"
#include "dt_internal.h"

int dt_set_chosen(void *fdt, const char *bootargs,
		  uint64_t initrd_start, uint64_t initrd_end)
{
	const char *name = "linux,initrd-start\0linux,initrd-end";
	uint64_t v = initrd_start;
	uint32_t cell[2];
	int sc, ac = dt_cells_(fdt, 0, &sc), node, i, err = 0;

	if (ac < 0)
		return ac;
	if (initrd_end < initrd_start || (ac == 1 && initrd_end >> 32))
		return DT_ERR_BADVALUE;
	node = dt_child_add_(fdt, 0, "chosen");
	if (node < 0)
		return node;
	if (bootargs)
		err = dt_setprop_(fdt, node, "bootargs", bootargs, slen(bootargs) + 1);
	/* both deleted (if there) when there is no initrd */
	for (i = 0; !err && i < 2; i++, name += 19, v = initrd_end) {
		dt_st32(&cell[0], v >> 32);
		dt_st32(&cell[1], v);
		err = dt_setprop_(fdt, node, name, initrd_end ?
				  (char *)cell + 8 - ac * 4 : NULL, ac * 4);
		if (err == DT_ERR_NOTFOUND)
			err = 0;
	}
	return err;
}

/* The caller's region array, and the cells of the entries being read. */
struct regs {
	struct dt_region *r;
	int max, *n;
	int ac, sc;
};

/* Entries of @o's cells in the @len bytes at @p with a non-zero size. */
static int add_regs(struct regs *o, const char *p, int len)
{
	int step = (o->ac + o->sc) * 4;
	uint64_t size;

	for (; len >= step; len -= step, p += step) {
		size = dt_cells_read_(p + o->ac * 4, o->sc);
		if (!size)
			continue;
		if (*o->n >= o->max)
			return DT_ERR_NOSPACE;
		o->r[*o->n].base = dt_cells_read_(p, o->ac);
		o->r[(*o->n)++].size = size;
	}
	return 0;
}

/* The words read are inside the block: values are padded, tags follow. */
bool dt_available_(const void *fdt, int node)
{
	int len;
	const char *p = dt_getprop(fdt, node, "status", &len);
	uint32_t w = p ? dt_ld32(p) : 0;

	return !p || w >> 8 == 0x6f6b00 || (w == 0x6f6b6179 && !p[4]);
}

bool dt_is_memory_(const void *fdt, int node)
{
	int len;
	/* "memory" and its NUL: two words inside the block */
	const char *p = dt_getprop(fdt, node, "device_type", &len);

	return (p && dt_ld64(p) >> 8 == 0x6d656d6f727900ull) ||
	       dt_name_is_(sblock(fdt) + node + 4, "memory", true);
}

/* RAM or, with @reserved, the reservation map and /reserved-memory: the
 * reg of the available children of the root (memory nodes only: those of
 * device_type "memory", or named "memory[@...]") or of /reserved-memory */
static int regions(const void *fdt, struct regs *o, bool reserved)
{
	const char *map = (const char *)fdt + hd(fdt, H_OFF_RSVMAP), *e, *p;
	int parent = 0, node, len, err;

	*o->n = 0;
	if (reserved) {
		/* dt_check() saw the terminating entry */
		for (e = map; dt_ld64(e + 8); e += RSV_SIZE)
			;
		o->ac = o->sc = 2;
		err = add_regs(o, map, e - map);
		parent = dt_find_(fdt, 0, 0, "reserved-memory");
		if (err || parent == DT_ERR_NOTFOUND)
			return err;
	}
	o->ac = dt_cells_(fdt, parent, &o->sc);
	if (o->ac < 0)
		return o->ac;
	for (node = dt_find_(fdt, parent, 0, NULL); node >= 0;
	     node = dt_find_(fdt, node, 1, NULL)) {
		if (!dt_available_(fdt, node) || (!reserved && !dt_is_memory_(fdt, node)))
			continue;
		p = dt_getprop(fdt, node, "reg", &len);
		err = add_regs(o, p, len);
		if (err)
			return err;
	}
	return node == DT_ERR_NOTFOUND ? 0 : node;
}

int dt_memory(const void *fdt, struct dt_region *r, int max, int *n)
{
	struct regs o = { r, max, n, 0, 0 };

	return regions(fdt, &o, false);
}

int dt_memreserve(const void *fdt, struct dt_region *r, int max, int *n)
{
	struct regs o = { r, max, n, 0, 0 };

	return regions(fdt, &o, true);
}

/* First reg address of the path's last node, through the ranges of every
 * bus above it (spec 2.3.8) */
static int translate(const void *fdt, const struct dt_path *pa, uint64_t *addr)
{
	const int *st = pa->node;
	int d = pa->n, ac, sc, pac, len, step;
	const char *p, *e;
	uint64_t a, child;

	if (d > DT_MAX_DEPTH)
		return DT_ERR_NOSPACE;
	if (d < 2)
		return DT_ERR_BADVALUE;
	ac = dt_cells_(fdt, st[d - 2], &sc);
	p = dt_getprop(fdt, st[d - 1], "reg", &len);
	if (ac < 0)
		return ac;
	if (!p || len < ac * 4)
		return DT_ERR_BADVALUE;
	a = dt_cells_read_(p, ac);
	for (d -= 2; d > 0; d--) {
		p = dt_getprop(fdt, st[d], "ranges", &len);
		if (!p)
			return DT_ERR_BADVALUE;
		if (!len)	/* identity */
			continue;
		ac = dt_cells_(fdt, st[d], &sc);
		pac = dt_cells_(fdt, st[d - 1], &step);
		if (ac < 0 || pac < 0)
			return DT_ERR_BADNCELLS;
		step = (ac + pac + sc) * 4;
		for (e = p;; e += step) {
			if (p + len - e < step)
				return DT_ERR_BADVALUE;
			child = dt_cells_read_(e, ac);
			if (a >= child && a - child < dt_cells_read_(e + step - sc * 4, sc))
				break;
		}
		a += dt_cells_read_(e + ac * 4, pac) - child;
	}
	*addr = a;
	return 0;
}

int dt_stdout_uart(const void *fdt, uint32_t *kind, uint64_t *base,
		   uint32_t *reg_shift)
{
	/* CB_UART_* << 4 | the family's reg-shift, then a compatible prefix */
	const char *t = "\x10" "arm,pl011\0"
			"\x20" "ns16550\0"
			"\x20" "snps,dw-apb-uart\0"
			"\x20" "nvidia,tegra20-uart\0"
			"\x22" "ti,omap\0"
			"\x22" "ti,dra742-uart\0"
			"\x22" "brcm,bcm2835-aux-uart\0";
	const char *sp = "linux,stdout-path", *p;
	struct dt_path pa;
	int node = dt_find_(fdt, 0, 0, "chosen"), len, err;

	*kind = CB_UART_NONE;
	p = dt_getprop(fdt, node, sp + 6, &len);
	if (!p)
		p = dt_getprop(fdt, node, sp, &len);
	if (!p)
		return len;
	node = dt_path_(fdt, p, &pa);
	if (node < 0)
		return node;
	while (*t && dt_compat_(fdt, node, t + 1, true) < 0)
		t += slen(t) + 1;
	if (!*t)
		return DT_ERR_NOTFOUND;
	err = translate(fdt, &pa, base);
	if (err)
		return err;
	p = dt_getprop(fdt, node, "reg-shift", &len);
	*reg_shift = p && len == 4 ? dt_ld32(p) : (uint32_t)(*t & 15);
	*kind = *t >> 4;
	return 0;
}

int dt_psci_conduit(const void *fdt)
{
	/* the binding names the node "psci"; method "hvc" / "smc" and a NUL
	 * are a word inside the block */
	int len, node = dt_find_(fdt, 0, 0, "psci");
	const char *m = dt_getprop(fdt, node, "method", &len);
	uint32_t w = m ? dt_ld32(m) : 0;

	if (w == 0x68766300)
		return DT_PSCI_HVC;
	return w == 0x736d6300 ? DT_PSCI_SMC : DT_PSCI_NONE;
}

int dt_root_compatible_match(const void *dtb, const void *board)
{
	const char *p, *end;
	int n, i;

	p = dt_getprop(board, 0, "compatible", &n);
	if (!p)
		return n;
	for (end = p + n, i = 0; p < end; p += n + 1, i++) {
		n = dt_str_in_(p, end);
		if (p + n < end && dt_compat_(dtb, 0, p, false) >= 0)
			return i;
	}
	return DT_ERR_NOTFOUND;
}
