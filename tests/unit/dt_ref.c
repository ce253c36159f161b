/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The stub's device tree fix-ups and queries written again with the real
 * libfdt, so that tests can compare the two on real DTBs.
 */
#define _GNU_SOURCE
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "blob.h"
#include "dt_ref.h"

int ref_setprop(void *fdt, int node, const char *name, const void *val, int len)
{
	void *p;
	int err = fdt_setprop_placeholder(fdt, node, name, len, &p);

	if (err)
		return err;
	memset((char *)p + len, 0, (-len) & 3);
	memcpy(p, val, len);
	return 0;
}

static int ref_setcell(void *fdt, int node, const char *name, uint64_t v, int ac)
{
	fdt32_t c32 = cpu_to_fdt32((uint32_t)v);
	fdt64_t c64 = cpu_to_fdt64(v);

	if (ac == 1)
		return ref_setprop(fdt, node, name, &c32, sizeof(c32));
	return ref_setprop(fdt, node, name, &c64, sizeof(c64));
}

/* #address-cells of @node as the stub takes it: 1 or 2, with a #size-cells
 * of 0 to 2 (dt_cells_()); else -FDT_ERR_BADNCELLS. */
static int ref_cells(const void *fdt, int node, int *sc)
{
	int ac = fdt_address_cells(fdt, node);

	*sc = fdt_size_cells(fdt, node);
	if (ac < 0 || *sc < 0)
		return ac < 0 ? ac : *sc;
	return ac > 2 || *sc > 2 ? -FDT_ERR_BADNCELLS : ac;
}

int ref_set_chosen(void *fdt, const char *bootargs, uint64_t start, uint64_t end)
{
	int sc, ac = ref_cells(fdt, 0, &sc), chosen, err;

	if (ac < 0)
		return ac;
	if (end < start || (ac == 1 && end > 0xffffffffu))
		return -FDT_ERR_BADVALUE;
	chosen = fdt_path_offset(fdt, "/chosen");
	if (chosen == -FDT_ERR_NOTFOUND)
		chosen = fdt_add_subnode(fdt, 0, "chosen");
	if (chosen < 0)
		return chosen;
	if (bootargs) {
		err = ref_setprop(fdt, chosen, "bootargs", bootargs,
				  strlen(bootargs) + 1);
		if (err)
			return err;
	}
	if (start == 0 && end == 0) {
		err = fdt_delprop(fdt, chosen, "linux,initrd-start");
		if (err && err != -FDT_ERR_NOTFOUND)
			return err;
		err = fdt_delprop(fdt, chosen, "linux,initrd-end");
		return err == -FDT_ERR_NOTFOUND ? 0 : err;
	}
	err = ref_setcell(fdt, chosen, "linux,initrd-start", start, ac);
	if (err)
		return err;
	return ref_setcell(fdt, chosen, "linux,initrd-end", end, ac);
}

static uint64_t cells_at(const fdt32_t *p, int n)
{
	uint64_t v = 0;

	while (n-- > 0)
		v = (v << 32) | fdt32_to_cpu(*p++);
	return v;
}

static int str_prop_is(const void *fdt, int node, const char *name,
		       const char *want)
{
	const char *v = fdt_getprop(fdt, node, name, NULL);

	return v && strcmp(v, want) == 0;
}

static int node_enabled(const void *fdt, int node)
{
	if (!fdt_getprop(fdt, node, "status", NULL))
		return 1;
	return str_prop_is(fdt, node, "status", "okay") ||
	       str_prop_is(fdt, node, "status", "ok");
}

/* reg entries of the enabled children of @parent; memory nodes only when
 * @memory is set. */
static int ref_child_regs(const void *fdt, int parent, int memory,
			  struct dt_region *r, int max, int *n)
{
	int sc, ac = ref_cells(fdt, parent, &sc);
	int node, len;

	if (ac < 0)
		return ac;
	fdt_for_each_subnode(node, fdt, parent) {
		const char *name = fdt_get_name(fdt, node, NULL);
		const fdt32_t *reg;
		int entries, i;

		if (memory && !str_prop_is(fdt, node, "device_type", "memory") &&
		    strcmp(name, "memory") != 0 && strncmp(name, "memory@", 7) != 0)
			continue;
		if (!node_enabled(fdt, node))
			continue;
		reg = fdt_getprop(fdt, node, "reg", &len);
		if (!reg)
			continue;
		entries = len / (4 * (ac + sc));
		for (i = 0; i < entries; i++) {
			const fdt32_t *e = reg + i * (ac + sc);
			uint64_t size = cells_at(e + ac, sc);

			if (size == 0)
				continue;
			if (*n == max)
				return -FDT_ERR_NOSPACE;
			r[*n].base = cells_at(e, ac);
			r[*n].size = size;
			(*n)++;
		}
	}
	return node == -FDT_ERR_NOTFOUND ? 0 : node;
}

int ref_memory(const void *fdt, struct dt_region *r, int max, int *n)
{
	*n = 0;
	return ref_child_regs(fdt, 0, 1, r, max, n);
}

int ref_memreserve(const void *fdt, struct dt_region *r, int max, int *n)
{
	int count = fdt_num_mem_rsv(fdt), i, node;

	*n = 0;
	if (count < 0)
		return count;
	for (i = 0; i < count; i++) {
		if (*n == max)
			return -FDT_ERR_NOSPACE;
		fdt_get_mem_rsv(fdt, i, &r[*n].base, &r[*n].size);
		(*n)++;
	}
	node = fdt_path_offset(fdt, "/reserved-memory");
	if (node == -FDT_ERR_NOTFOUND)
		return 0;
	if (node < 0)
		return node;
	return ref_child_regs(fdt, node, 0, r, max, n);
}

/* Translate @addr, an address on the bus below @bus, to the CPU's. */
static int ref_up(const void *fdt, int bus, uint64_t *addr)
{
	const fdt32_t *rg;
	int len, parent, cac, csc, pac, psc, stride, i;

	if (bus == 0)
		return 0;
	rg = fdt_getprop(fdt, bus, "ranges", &len);
	if (!rg)
		return -FDT_ERR_BADVALUE;
	parent = fdt_parent_offset(fdt, bus);
	if (parent < 0)
		return parent;
	if (len > 0) {
		/* the stub also wants the parent's #size-cells usable */
		cac = ref_cells(fdt, bus, &csc);
		pac = ref_cells(fdt, parent, &psc);
		if (cac < 0 || pac < 0)
			return -FDT_ERR_BADNCELLS;
		stride = cac + pac + csc;
		for (i = 0; (i + 1) * stride * 4 <= len; i++) {
			const fdt32_t *e = rg + i * stride;
			uint64_t cbase = cells_at(e, cac);
			uint64_t size = cells_at(e + cac + pac, csc);

			if (*addr >= cbase && *addr - cbase < size) {
				*addr = *addr - cbase + cells_at(e + cac, pac);
				break;
			}
		}
		if ((i + 1) * stride * 4 > len)
			return -FDT_ERR_BADVALUE;
	}
	return ref_up(fdt, parent, addr);
}

/* compatible prefixes, in the stub's order (serial.h SERIAL_COMPATS,
 * written out again) */
static const struct {
	const char *compat;
	uint32_t kind, shift;
} ref_uarts[] = {
	{ "arm,pl011", CB_UART_PL011, 0 },
	{ "ns16550", CB_UART_8250_MMIO, 0 },
	{ "snps,dw-apb-uart", CB_UART_8250_MMIO, 0 },
	{ "nvidia,tegra20-uart", CB_UART_8250_MMIO, 0 },
	{ "ti,omap", CB_UART_8250_MMIO, 2 },
	{ "ti,dra742-uart", CB_UART_8250_MMIO, 2 },
	{ "brcm,bcm2835-aux-uart", CB_UART_8250_MMIO, 2 },
	{ "fsl,imx21-uart", CB_UART_IMX, 0 },
	{ "fsl,imx6q-uart", CB_UART_IMX, 0 },
	{ "samsung,exynos4210-uart", CB_UART_SAMSUNG, 0 },
	{ "cdns,uart-r1p", CB_UART_CADENCE, 0 },
	{ "qcom,msm-uartdm", CB_UART_MSM, 0 },
};

/* 0 if a string of @node's compatible list starts with @prefix */
static int compat_prefix(const void *fdt, int node, const char *prefix)
{
	const char *c;
	int len;

	c = fdt_getprop(fdt, node, "compatible", &len);
	while (c && len > 0) {
		size_t l = strnlen(c, len);

		if (l < (size_t)len && strncmp(c, prefix, strlen(prefix)) == 0)
			return 0;
		len -= l + 1;
		c += l + 1;
	}
	return 1;
}

/* The UART at @node if its kind is @want (0: any) */
static int ref_uart_at(const void *fdt, int node, uint32_t want, struct dt_uart *u)
{
	const fdt32_t *reg, *rs;
	int parent, len, ac, err;
	size_t i;

	u->kind = CB_UART_NONE;
	for (i = 0; i < sizeof(ref_uarts) / sizeof(ref_uarts[0]); i++)
		if (compat_prefix(fdt, node, ref_uarts[i].compat) == 0)
			break;
	if (i == sizeof(ref_uarts) / sizeof(ref_uarts[0]) ||
	    (want && ref_uarts[i].kind != want))
		return -FDT_ERR_NOTFOUND;
	parent = fdt_parent_offset(fdt, node);
	if (parent < 0)
		return -FDT_ERR_BADVALUE;
	ac = ref_cells(fdt, parent, &err);
	if (ac < 0)
		return ac;
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || len < 4 * ac)
		return -FDT_ERR_BADVALUE;
	u->base = cells_at(reg, ac);
	err = ref_up(fdt, parent, &u->base);
	if (err)
		return err;
	rs = fdt_getprop(fdt, node, "reg-shift", &len);
	u->shift = rs && len == 4 ? fdt32_to_cpu(*rs) : ref_uarts[i].shift;
	rs = fdt_getprop(fdt, node, "reg-io-width", &len);
	u->kind = ref_uarts[i].kind;
	if (u->kind == CB_UART_8250_MMIO && rs && len == 4 && fdt32_to_cpu(*rs) == 4)
		u->kind = CB_UART_8250_MMIO32;
	return 0;
}

int ref_stdout_uart(const void *fdt, struct dt_uart *u)
{
	const char *path;
	int chosen, node, len;

	u->kind = CB_UART_NONE;
	chosen = fdt_path_offset(fdt, "/chosen");
	if (chosen < 0)
		return chosen;
	path = fdt_getprop(fdt, chosen, "stdout-path", &len);
	if (!path)
		path = fdt_getprop(fdt, chosen, "linux,stdout-path", &len);
	if (!path)
		return len;
	node = fdt_path_offset_namelen(fdt, path, strcspn(path, ":"));
	if (node < 0)
		return node;
	return ref_uart_at(fdt, node, 0, u);
}

int ref_serial_uart(const void *fdt, uint32_t want, int n, struct dt_uart *u)
{
	char alias[16];
	const char *path;
	int node, err;

	snprintf(alias, sizeof(alias), "serial%d", n);
	u->kind = CB_UART_NONE;
	path = fdt_get_alias(fdt, alias);
	if (path && path[0] == '/') {	/* a relative one counts as none */
		node = fdt_path_offset(fdt, path);
		return node < 0 ? node : ref_uart_at(fdt, node, want, u);
	}
	/* libfdt's walk in tree order; disabled nodes are not counted */
	for (node = fdt_next_node(fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL)) {
		const char *st = fdt_getprop(fdt, node, "status", NULL);

		err = ref_uart_at(fdt, node, want, u);
		if (err == -FDT_ERR_NOTFOUND ||
		    (st && strcmp(st, "okay") && strcmp(st, "ok")))
			continue;
		if (!n--)
			return err;
	}
	u->kind = CB_UART_NONE;
	return -FDT_ERR_NOTFOUND;
}

/* The node the PSCI binding names "psci", under the root */
int ref_psci_conduit(const void *fdt)
{
	int node = fdt_subnode_offset(fdt, 0, "psci");

	if (str_prop_is(fdt, node, "method", "hvc"))
		return DT_PSCI_HVC;
	if (str_prop_is(fdt, node, "method", "smc"))
		return DT_PSCI_SMC;
	return DT_PSCI_NONE;
}

int ref_root_compatible_match(const void *dtb, const void *board)
{
	const char *list;
	int len, i, count;

	list = fdt_getprop(board, 0, "compatible", &len);
	if (!list)
		return len;
	count = fdt_stringlist_count(board, 0, "compatible");
	for (i = 0; i < count; i++) {
		const char *s = fdt_stringlist_get(board, 0, "compatible", i, NULL);

		if (s && fdt_node_check_compatible(dtb, 0, s) == 0)
			return i;
	}
	return -FDT_ERR_NOTFOUND;
}

int tree_diff(const void *a, const void *b, char *why, size_t whylen)
{
	int na = fdt_num_mem_rsv(a), nb = fdt_num_mem_rsv(b), i;
	int oa = 0, ob = 0, da = 0, db = 0;

	if (na != nb) {
		snprintf(why, whylen, "memreserve count %d vs %d", na, nb);
		return 1;
	}
	for (i = 0; i < na; i++) {
		uint64_t a1, s1, a2, s2;

		fdt_get_mem_rsv(a, i, &a1, &s1);
		fdt_get_mem_rsv(b, i, &a2, &s2);
		if (a1 != a2 || s1 != s2) {
			snprintf(why, whylen, "memreserve entry %d", i);
			return 1;
		}
	}
	while (oa >= 0 && ob >= 0 && da >= 0 && db >= 0) {
		const char *n1 = fdt_get_name(a, oa, NULL), *n2 = fdt_get_name(b, ob, NULL);
		int pa = fdt_first_property_offset(a, oa);
		int pb = fdt_first_property_offset(b, ob);

		if (da != db || !n1 || !n2 || strcmp(n1, n2)) {
			snprintf(why, whylen, "node %s vs %s (depth %d/%d)",
				 n1 ? n1 : "?", n2 ? n2 : "?", da, db);
			return 1;
		}
		while (pa >= 0 && pb >= 0) {
			const char *s1, *s2;
			int l1, l2;
			const void *v1 = fdt_getprop_by_offset(a, pa, &s1, &l1);
			const void *v2 = fdt_getprop_by_offset(b, pb, &s2, &l2);

			if (!v1 || !v2 || strcmp(s1, s2) || l1 != l2 ||
			    memcmp(v1, v2, l1)) {
				snprintf(why, whylen, "node %s property %s vs %s",
					 n1, v1 ? s1 : "?", v2 ? s2 : "?");
				return 1;
			}
			pa = fdt_next_property_offset(a, pa);
			pb = fdt_next_property_offset(b, pb);
		}
		if (pa != pb) {
			snprintf(why, whylen, "node %s: property counts differ", n1);
			return 1;
		}
		oa = fdt_next_node(a, oa, &da);
		ob = fdt_next_node(b, ob, &db);
	}
	if ((oa < 0) != (ob < 0) || da != db) {
		snprintf(why, whylen, "node counts differ (%d vs %d)", oa, ob);
		return 1;
	}
	return 0;
}

int same_bytes(const void *a, const void *b)
{
	size_t la = fdt_off_dt_strings(a) + fdt_size_dt_strings(a);
	size_t lb = fdt_off_dt_strings(b) + fdt_size_dt_strings(b);

	return la == lb && memcmp(a, b, la) == 0;
}

void *read_file(const char *path, size_t *size, size_t extra)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	void *buf = NULL;

	if (!f)
		return NULL;
	if (fstat(fileno(f), &st) == 0 && st.st_size >= 0) {
		buf = calloc(1, st.st_size + extra + 8);
		if (buf && fread(buf, 1, st.st_size, f) != (size_t)st.st_size) {
			free(buf);
			buf = NULL;
		}
		*size = st.st_size;
	}
	fclose(f);
	return buf;
}

void *dtc_compile(const char *dts, size_t *size)
{
	char src[] = "/tmp/cb-dt-XXXXXX";
	char out[sizeof(src) + 4], cmd[128];
	void *blob = NULL;
	int fd = mkstemp(src);
	FILE *f;

	if (fd < 0)
		return NULL;
	f = fdopen(fd, "w");
	if (f && fputs(dts, f) >= 0 && fclose(f) == 0) {
		snprintf(out, sizeof(out), "%s.dtb", src);
		snprintf(cmd, sizeof(cmd), "dtc -q -I dts -O dtb -o %s %s", out, src);
		if (system(cmd) == 0)
			blob = read_file(out, size, 0);
		unlink(out);
	}
	unlink(src);
	return blob;
}

const char *dtb_dir(void)
{
	static char path[4096];
	const char *cache = getenv("CB_CACHE");
	struct stat st;

	snprintf(path, sizeof(path), "%s/armhf/dtbs", cache ? cache : ".cache");
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return path;
	return "/usr/lib/debian-installer/images/12/armhf/text/"
	       "debian-installer/armhf/dtbs";
}

/* ---- dt_merge_loader() with libfdt ------------------------------------ */

static int ref_is_memory(const void *fdt, int node)
{
	const char *name = fdt_get_name(fdt, node, NULL);

	return str_prop_is(fdt, node, "device_type", "memory") ||
	       strcmp(name, "memory") == 0 || strncmp(name, "memory@", 7) == 0;
}

static int ref_recode(void *to, int tn, const void *from, int fn,
		      int fac, int fsc, int tac, int tsc)
{
	fdt32_t out[32];
	const fdt32_t *p;
	int len, n = 0, step = fac + fsc;

	p = fdt_getprop(from, fn, "reg", &len);
	if (!p || (fac == tac && fsc == tsc))
		return 0;
	for (len /= 4; len >= step && n < 32 - 4; len -= step, p += step) {
		uint64_t base = cells_at(p, fac), size = cells_at(p + fac, fsc);

		if ((tac < 2 && base >> 32) || (tsc < 2 && size >> (32 * tsc)))
			continue;
		if (tac == 2)
			out[n++] = cpu_to_fdt32(base >> 32);
		out[n++] = cpu_to_fdt32(base);
		if (tsc == 2)
			out[n++] = cpu_to_fdt32(size >> 32);
		if (tsc)
			out[n++] = cpu_to_fdt32(size);
	}
	return ref_setprop(to, tn, "reg", out, n * 4);
}

int ref_exact_child(const void *fdt, int parent, const char *name)
{
	int node;

	fdt_for_each_subnode(node, fdt, parent)
		if (!strcmp(fdt_get_name(fdt, node, NULL), name))
			return node;
	return node;
}

static int ref_copy_node(void *to, int tparent, const void *from, int fn)
{
	const char *name = fdt_get_name(from, fn, NULL);
	int tn = ref_exact_child(to, tparent, name), p, c, err;

	if (tn >= 0 && (err = fdt_del_node(to, tn)) < 0)
		return err;
	if (tn != -FDT_ERR_NOTFOUND && tn < 0)
		return tn;
	/* fdt_add_subnode() refuses "fb" beside "fb@9f000000": add under a
	 * name no node has, then rename; the bytes are the same */
	tn = fdt_add_subnode(to, tparent, "\x01");
	if (tn >= 0)
		tn = fdt_set_name(to, tn, name) ?: tn;
	if (tn < 0)
		return tn;
	/* the name's padding, which fdt_set_name() leaves as it was */
	c = strlen(name) + 1;
	memset((char *)fdt_get_name(to, tn, NULL) + c, 0, (-c) & 3);
	fdt_for_each_property_offset(p, from, fn) {
		const char *pname;
		int len;
		const void *v = fdt_getprop_by_offset(from, p, &pname, &len);

		err = ref_setprop(to, tn, pname, v, len);
		if (err)
			return err;
	}
	fdt_for_each_subnode(c, from, fn) {
		err = ref_copy_node(to, tn, from, c);
		if (err < 0)
			return err;
	}
	return tn;
}

/* Children of @fp into @tp; @which 1: available ones, 2: memory too. */
static int ref_copy_children(void *to, int tp, const void *from, int fp, int which)
{
	int fsc, tsc, fac = ref_cells(from, fp, &fsc), tac = ref_cells(to, tp, &tsc);
	int node, tn;

	fdt_for_each_subnode(node, from, fp) {
		if (!node_enabled(from, node) || (which == 2 && !ref_is_memory(from, node)))
			continue;
		if (fac < 0 || tac < 0)
			return -FDT_ERR_BADNCELLS;
		tn = ref_copy_node(to, tp, from, node);
		if (tn >= 0)
			tn = ref_recode(to, tn, from, node, fac, fsc, tac, tsc);
		if (tn < 0)
			return tn;
	}
	return 0;
}

/* The node at the first @len bytes of absolute @path, added if missing. */
static int ref_mkpath(void *fdt, const char *path, int len)
{
	int node = 0;
	const char *p = path, *end = path + len, *q;

	while (p < end && node >= 0) {
		while (p < end && *p == '/')
			p++;
		if (p == end)
			break;
		for (q = p; q < end && *q != '/'; q++)
			;
		int n = fdt_subnode_offset_namelen(fdt, node, p, q - p);

		node = n == -FDT_ERR_NOTFOUND ? fdt_add_subnode_namelen(fdt, node, p, q - p) : n;
		p = q;
	}
	return node;
}

static int ref_carry(void *to, const void *from, const char *path)
{
	const char *last = strrchr(path, '/');
	const void *v = NULL;
	int fn, tn, len = 0;

	if (*path != '/' || !last || !last[1])
		return 0;
	last++;
	fn = fdt_path_offset(from, path);
	if (fn <= 0) {
		int plen = last - path - 1;
		int fp = plen ? fdt_path_offset_namelen(from, path, plen) : 0;

		v = fp >= 0 ? fdt_getprop(from, fp, last, &len) : NULL;
		if (!v)
			return 0;
	}
	tn = ref_mkpath(to, path, last - path);
	if (tn >= 0)
		tn = fn > 0 ? ref_copy_node(to, tn, from, fn) : ref_setprop(to, tn, last, v, len);
	return tn < 0 ? tn : 0;
}

int ref_merge_loader(void *to, const void *from, const char *carry, int len)
{
	static const char seeds[] = "/chosen/kaslr-seed\0/chosen/rng-seed";
	struct dt_region r[1];
	int n = 0, node, err = 0, i, fr, tr;
	uint64_t a, s, a2, s2;

	/* memory */
	ref_memory(from, r, 1, &n);
	if (n) {
		for (;;) {
			fdt_for_each_subnode(node, to, 0)
				if (ref_is_memory(to, node))
					break;
			if (node < 0)
				break;
			err = fdt_del_node(to, node);
			if (err)
				return err;
		}
		err = ref_copy_children(to, 0, from, 0, 2);
		if (err)
			return err;
	}
	/* /memreserve/ */
	for (i = 0; i < fdt_num_mem_rsv(from); i++) {
		int j, dup = 0;

		fdt_get_mem_rsv(from, i, &a, &s);
		for (j = 0; j < fdt_num_mem_rsv(to); j++) {
			fdt_get_mem_rsv(to, j, &a2, &s2);
			dup |= a == a2 && s == s2;
		}
		if (!dup && (err = fdt_add_mem_rsv(to, a, s)))
			return err;
	}
	/* /reserved-memory */
	fr = fdt_subnode_offset(from, 0, "reserved-memory");
	if (fr >= 0) {
		tr = fdt_subnode_offset(to, 0, "reserved-memory");
		err = tr >= 0 ? ref_copy_children(to, tr, from, fr, 1) : ref_copy_node(to, 0, from, fr);
		if (err < 0)
			return err;
	}
	for (i = 0; i < 2; i++) {
		const char *list = i ? carry : seeds, *p;
		int l = i ? len : (int)sizeof(seeds);

		for (p = list; list && p < list + l; p += strlen(p) + 1) {
			if (!memchr(p, 0, list + l - p))
				break;
			err = ref_carry(to, from, p);
			if (err)
				return err;
		}
	}
	return 0;
}
