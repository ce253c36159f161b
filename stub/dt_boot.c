/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the stub reads from and writes to a device tree to boot a kernel:
 * /chosen, memory and reservations, the console UART, the PSCI conduit,
 * and the root compatible score used to pick a packed DTB.
 */
#include "blob.h"
#include "dt_internal.h"

#define DT_MAX_DEPTH	16	/* ancestors kept for address translation */

int dt_set_chosen(void *fdt, const char *bootargs,
		  uint64_t initrd_start, uint64_t initrd_end)
{
	const char *name = "linux,initrd-start\0linux,initrd-end";
	uint64_t v = initrd_start;
	uint32_t cell[2];
	int node, len, i, err = 0;

	len = dt_address_cells(fdt, 0);
	if (len < 0)
		return len;
	len = len > 1 ? 8 : 4;
	if (initrd_end < initrd_start || (len == 4 && initrd_end >> 32))
		return DT_ERR_BADVALUE;
	node = dt_path_offset(fdt, "/chosen");
	if (node == DT_ERR_NOTFOUND)
		node = dt_add_subnode(fdt, 0, "chosen");
	if (node < 0)
		return node;
	if (bootargs)
		err = dt_setprop_string(fdt, node, "bootargs", bootargs);
	for (i = 0; !err && i < 2; i++, name += slen(name) + 1, v = initrd_end) {
		if (!initrd_start && !initrd_end) {
			err = dt_delprop(fdt, node, name);
			if (err == DT_ERR_NOTFOUND)
				err = 0;
			continue;
		}
		dt_st32(&cell[0], v >> 32);
		dt_st32(&cell[1], v);
		err = dt_setprop(fdt, node, name, (char *)cell + 8 - len, len);
	}
	return err;
}

static uint64_t read_cells(const char *p, int n)
{
	uint64_t v = 0;

	for (; n > 0; n--, p += 4)
		v = v << 32 | dt_ld32(p);
	return v;
}

/* Cells of the reg / ranges entries of @node's children, 2 at most. */
static int bus_cells(const void *fdt, int node, int *ac, int *sc)
{
	*ac = dt_address_cells(fdt, node);
	*sc = dt_size_cells(fdt, node);
	if (*ac < 0)
		return *ac;
	if (*sc < 0)
		return *sc;
	return *ac > 2 || *sc > 2 ? DT_ERR_BADNCELLS : 0;
}

/* Linux's of_fdt_device_is_available(): no status, "okay" or "ok" */
static bool available(const void *fdt, int node)
{
	return dt_prop_is_(fdt, node, "status", "okay") ||
	       dt_prop_is_(fdt, node, "status", "ok");
}

static bool is_memory(const void *fdt, int node)
{
	return dt_prop_is_(fdt, node, "device_type", "memory") > 0 ||
	       dt_name_eq_(fdt, node, "memory", 6);
}

/* Non-empty reg entries of the available children of @parent. */
static int child_regs(const void *fdt, int parent, bool memory_only,
		      struct dt_region *r, int max, int *n)
{
	int node, ac, sc, len, i, err;
	const char *reg;
	uint64_t size;

	err = bus_cells(fdt, parent, &ac, &sc);
	for (node = dt_first_subnode(fdt, parent); !err && node >= 0;
	     node = dt_next_subnode(fdt, node)) {
		if ((memory_only && !is_memory(fdt, node)) ||
		    !available(fdt, node))
			continue;
		reg = dt_getprop(fdt, node, "reg", &len);
		for (i = 0; reg && len - i >= (ac + sc) * 4; i += (ac + sc) * 4) {
			size = read_cells(reg + i + ac * 4, sc);
			if (!size)
				continue;
			if (*n >= max)
				return DT_ERR_NOSPACE;
			r[*n].base = read_cells(reg + i, ac);
			r[*n].size = size;
			++*n;
		}
	}
	if (err)
		return err;
	return node == DT_ERR_NOTFOUND ? 0 : node;
}

int dt_memory(const void *fdt, struct dt_region *regions, int max, int *n)
{
	*n = 0;
	return child_regs(fdt, 0, true, regions, max, n);
}

int dt_memreserve(const void *fdt, struct dt_region *regions, int max, int *n)
{
	const char *e = (const char *)fdt + hd(fdt, H_OFF_RSVMAP);
	int i, node, count = dt_rsv_count_(fdt);

	*n = 0;
	for (i = 0; i < count; i++, e += RSV_SIZE) {
		if (*n >= max)
			return DT_ERR_NOSPACE;
		regions[*n].base = dt_ld64(e);
		regions[*n].size = dt_ld64(e + 8);
		++*n;
	}
	if (count < 0)
		return count;
	node = dt_path_offset(fdt, "/reserved-memory");
	if (node == DT_ERR_NOTFOUND)
		return 0;
	if (node < 0)
		return node;
	return child_regs(fdt, node, false, regions, max, n);
}

/* Offsets of the root .. @node into @st; returns how many. */
static int ancestors(const void *fdt, int node, int *st)
{
	int off, next = 0, depth = 0;
	uint32_t tag;

	for (;;) {
		off = next;
		tag = dt_next_tag_(fdt, off, &next);
		if (tag == TAG_BEGIN_NODE) {
			if (depth < DT_MAX_DEPTH)
				st[depth] = off;
			if (++depth, off == node)
				return depth > DT_MAX_DEPTH ? DT_ERR_NOSPACE : depth;
		} else if (tag == TAG_END_NODE) {
			if (--depth < 0)
				return DT_ERR_BADSTRUCTURE;
		} else if (tag == TAG_END) {
			return next < 0 ? next : DT_ERR_BADOFFSET;
		}
	}
}

/* First reg address of @node, through every parent bus's ranges (spec 2.3.8) */
static int translate(const void *fdt, int node, uint64_t *addr)
{
	int st[DT_MAX_DEPTH], d, ac, sc, pac, psc, len, i, step, err;
	const char *p;
	uint64_t a, child;

	d = ancestors(fdt, node, st);
	if (d < 2)
		return d < 0 ? d : DT_ERR_BADVALUE;
	err = bus_cells(fdt, st[d - 2], &ac, &sc);
	p = dt_getprop(fdt, node, "reg", &len);
	if (err)
		return err;
	if (!p || len < ac * 4)
		return DT_ERR_BADVALUE;
	a = read_cells(p, ac);
	/* bus st[d] has @ac/@sc cells; its parent st[d - 1], @pac/@psc */
	for (d -= 2; d > 0; d--, ac = pac, sc = psc) {
		err = bus_cells(fdt, st[d - 1], &pac, &psc);
		if (err)
			return err;
		p = dt_getprop(fdt, st[d], "ranges", &len);
		if (!p)
			return DT_ERR_BADVALUE;
		step = (ac + pac + sc) * 4;
		for (i = 0; len; i += step) {	/* empty ranges: identity */
			if (len - i < step)
				return DT_ERR_BADVALUE;
			child = read_cells(p + i, ac);
			if (a >= child &&
			    a - child < read_cells(p + i + (ac + pac) * 4, sc)) {
				a = a - child + read_cells(p + i + ac * 4, pac);
				break;
			}
		}
	}
	*addr = a;
	return 0;
}

/* CB_UART_* << 4 | the family's reg-shift, or 0 for a UART we can't drive */
static int uart_kind(const void *fdt, int node)
{
	const char *t = "\x10" "arm,pl011\0"
			"\x20" "ns16550a\0"
			"\x20" "ns16550\0"
			"\x20" "snps,dw-apb-uart\0"
			"\x20" "nvidia,tegra20-uart\0"
			"\x22" "ti,omap3-uart\0"
			"\x22" "ti,omap4-uart\0"
			"\x22" "ti,dra742-uart\0"
			"\x22" "brcm,bcm2835-aux-uart\0";

	for (; *t; t += slen(t) + 1)
		if (!dt_node_check_compatible(fdt, node, t + 1))
			return *t;
	return 0;
}

int dt_stdout_uart(const void *fdt, uint32_t *kind, uint64_t *base,
		   uint32_t *reg_shift)
{
	const char *p;
	int node, len, n, k, err;

	*kind = CB_UART_NONE;
	node = dt_path_offset(fdt, "/chosen");
	if (node < 0)
		return node;
	p = dt_getprop(fdt, node, "stdout-path", &len);
	if (!p)
		p = dt_getprop(fdt, node, "linux,stdout-path", &len);
	if (!p)
		return len;
	for (n = 0; n < len && p[n] && p[n] != ':'; n++)
		;
	node = dt_path_offset_(fdt, p, n);
	if (node < 0)
		return node;
	k = uart_kind(fdt, node);
	if (!k)
		return DT_ERR_NOTFOUND;
	err = translate(fdt, node, base);
	if (err)
		return err;
	p = dt_getprop(fdt, node, "reg-shift", &len);
	*reg_shift = p && len == 4 ? dt_ld32(p) : (uint32_t)(k & 15);
	*kind = k >> 4;
	return 0;
}

int dt_psci_conduit(const void *fdt)
{
	int node;

	for (node = dt_first_subnode(fdt, 0); node >= 0;
	     node = dt_next_subnode(fdt, node)) {
		if (dt_compat_(fdt, node, "arm,psci", 8, true))
			continue;
		if (dt_prop_is_(fdt, node, "method", "hvc") > 0)
			return DT_PSCI_HVC;
		if (dt_prop_is_(fdt, node, "method", "smc") > 0)
			return DT_PSCI_SMC;
	}
	return DT_PSCI_NONE;
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
		if (p + n < end && !dt_compat_(dtb, 0, p, n, false))
			return i;
	}
	return DT_ERR_NOTFOUND;
}
