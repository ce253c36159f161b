/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the stub reads from and writes to a device tree to boot a kernel:
 * /chosen, memory and reservations, the console UART, the PSCI conduit,
 * and the root compatible score used to pick a packed DTB.
 */
#include "dt_internal.h"
#include "serial.h"

int dt_set_chosen(void *fdt, const char *bootargs,
		  uint64_t initrd_start, uint64_t initrd_end)
{
	const char *name = "linux,initrd-start\0linux,initrd-end";
	uint64_t v = initrd_start;
	dt_word cell[2];
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
		dt_cells_write_(cell, v, ac);	/* fits: checked above */
		err = dt_setprop_(fdt, node, name, initrd_end ? cell : NULL, ac * 4);
		if (err == DT_ERR_NOTFOUND)
			err = 0;
	}
	return err;
}

int dt_set_chosen_string(void *fdt, const char *name, const char *s)
{
	int node = dt_child_add_(fdt, 0, "chosen");

	return node < 0 ? node : dt_setprop_(fdt, node, name, s, slen(s) + 1);
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
 * bus above it (spec 2.3.8); a bus's parent's cells are the next level's */
static int translate(const void *fdt, const struct dt_path *pa, uint64_t *addr)
{
	const int *st = pa->node;
	int d = pa->n - 2, ac, sc, pac, psc, len, step;
	const char *p, *e;
	uint64_t a, child;

	if (d >= DT_MAX_DEPTH - 1)
		return DT_ERR_NOSPACE;
	if (d < 0)
		return DT_ERR_BADVALUE;
	ac = dt_cells_(fdt, st[d], &sc);
	p = dt_getprop(fdt, st[d + 1], "reg", &len);
	if (ac < 0)
		return ac;
	if (!p || len < ac * 4)
		return DT_ERR_BADVALUE;
	a = dt_cells_read_(p, ac);
	for (; d > 0; d--, ac = pac, sc = psc) {
		p = dt_getprop(fdt, st[d], "ranges", &len);
		pac = dt_cells_(fdt, st[d - 1], &psc);
		if (!p)
			return DT_ERR_BADVALUE;
		if (!len)	/* identity */
			continue;
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

/* A one-cell property of @node, else @dflt */
static uint32_t cell_or(const void *fdt, int node, const char *name, uint32_t dflt)
{
	int len;
	const char *p = dt_getprop(fdt, node, name, &len);

	return p && len == 4 ? dt_ld32(p) : dflt;
}

/* The UART at the end of @pa if its kind (SERIAL_COMPATS) is @want, or
 * any with @want 0 */
static int uart_at(const void *fdt, const struct dt_path *pa, uint32_t want,
		   struct dt_uart *u)
{
	const char *t = SERIAL_COMPATS;
	int node = pa->node[(pa->n - 1) & (DT_MAX_DEPTH - 1)], err;

	u->kind = CB_UART_NONE;
	while (*t && dt_compat_(fdt, node, t + 1, true) < 0)
		t += slen(t) + 1;
	if (!*t || (want && want != (uint8_t)*t >> 4u))
		return DT_ERR_NOTFOUND;
	err = translate(fdt, pa, &u->base);
	if (err)
		return err;
	u->shift = cell_or(fdt, node, "reg-shift", *t & 15);
	u->kind = (uint8_t)*t >> 4;
	if (u->kind == CB_UART_8250_MMIO && cell_or(fdt, node, "reg-io-width", 1) == 4)
		u->kind = CB_UART_8250_MMIO32;
	return 0;
}

int dt_stdout_uart(const void *fdt, struct dt_uart *u)
{
	const char *sp = "linux,stdout-path", *p;
	struct dt_path pa;
	int node = dt_find_(fdt, 0, 0, "chosen"), len;

	u->kind = CB_UART_NONE;
	p = dt_getprop(fdt, node, sp + 6, &len);
	if (!p)
		p = dt_getprop(fdt, node, sp, &len);
	if (!p)
		return len;
	node = dt_path_(fdt, p, &pa);
	return node < 0 ? node : uart_at(fdt, &pa, 0, u);
}

int dt_serial_uart(const void *fdt, uint32_t want, const char *alias, int n,
		   struct dt_uart *u)
{
	struct dt_path pa;
	int off = 0, next, err = dt_path_(fdt, alias, &pa);
	uint32_t tag;

	if (err != DT_ERR_BADPATH)
		return err < 0 ? err : uart_at(fdt, &pa, want, u);
	/* no such alias: the n-th in tree order, as drivers number the
	 * UARTs they probe */
	for (pa.n = 0; (tag = dt_next_tag_(fdt, off, &next)) != TAG_END; off = next) {
		pa.n -= tag == TAG_END_NODE;
		if (tag != TAG_BEGIN_NODE)
			continue;
		pa.node[pa.n++ & (DT_MAX_DEPTH - 1)] = off;
		err = uart_at(fdt, &pa, want, u);
		if (err != DT_ERR_NOTFOUND && dt_available_(fdt, off) && !n--)
			return err;
	}
	u->kind = CB_UART_NONE;
	return next < 0 ? next : DT_ERR_NOTFOUND;
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

int dt_ramoops(const void *fdt, struct dt_ramoops *r)
{
	const char *names = "record-size\0console-size\0ftrace-size\0pmsg-size\0ecc-size";
	int parent = dt_find_(fdt, 0, 0, "reserved-memory");
	int ac, sc, node, len, i;
	const char *p;

	ac = dt_cells_(fdt, parent, &sc);
	if (ac < 0)
		return ac;
	for (node = dt_find_(fdt, parent, 0, NULL); node >= 0;
	     node = dt_find_(fdt, node, 1, NULL))
		if (dt_available_(fdt, node) && dt_compat_(fdt, node, "ramoops", false) >= 0)
			break;
	if (node < 0)
		return node;
	p = dt_getprop(fdt, node, "reg", &len);
	if (!p || len < (ac + sc) * 4)
		return DT_ERR_BADVALUE;
	r->base = dt_cells_read_(p, ac);
	r->size = dt_cells_read_(p + ac * 4, sc);
	for (i = 0; i < RAMOOPS_NSIZES; i++, names += slen(names) + 1)
		r->sz[i] = cell_or(fdt, node, names, 0);
	return 0;
}
