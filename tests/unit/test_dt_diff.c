/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Differential test of stub/dt.c against the real libfdt over every Debian
 * ARM DTB: the same reads and the same /chosen fix-ups done both ways must
 * give identical answers and byte-identical trees.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <libfdt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blob.h"
#include "dt_internal.h"
#include "dt_ref.h"

#define SLACK		4096
#define MAX_FAILS	20
#define MAX_REGIONS	64

struct stats {
	int dtbs, nodes, props, paths, aliases, cells_big;
	int variants, bytes_equal, errors_equal;
	int memory, memreserve, uarts, uart_kinds[CB_UART_KINDS], psci[3], compat;
	int no_uart[16];	/* stdout-path but no UART, by -error */
	int serials;		/* console=<tty><n> look-ups that found one */
	int fails[6];		/* per case below */
};

enum { C_READS, C_FIXUPS, C_OPEN, C_MEMORY, C_UART, C_COMPAT };
static const char *const case_name[] = {
	"reads", "fixups", "open_into+pack", "memory", "stdout_uart", "compat",
};

static struct stats st;

static void fail(int c, const char *dtb, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(int c, const char *dtb, const char *fmt, ...)
{
	va_list ap;

	if (st.fails[c]++ >= MAX_FAILS)
		return;
	printf("FAIL: %s: %s: ", case_name[c], dtb);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* Every node, property, cell count and compatible string; paths and
 * name look-ups (quadratic) on about 24 nodes per DTB. */
static void check_reads(const char *name, const void *fdt)
{
	int stack[64], depth = 0, node = 0, count = 0, step;
	char path[4096];

	for (node = 0; node >= 0; node = fdt_next_node(fdt, node, NULL))
		count++;
	step = count / 24 + 1;
	path[0] = 0;
	for (node = 0, count = 0; node >= 0 && depth >= 0 && depth < 64;
	     node = fdt_next_node(fdt, node, &depth), count++) {
		const char *nname = fdt_get_name(fdt, node, NULL);
		int prop, l1, l2, parent = depth ? stack[depth - 1] : -1;
		char *slash;

		stack[depth] = node;
		st.nodes++;
		/* path of this node, from its parent's */
		slash = path;
		for (int d = 0; d < depth && slash; d++)
			slash = strchr(slash + 1, '/');
		if (depth && slash)
			snprintf(slash, path + sizeof(path) - slash, "/%s", nname);
		else if (depth == 1)
			snprintf(path, sizeof(path), "/%s", nname);
		if (count % step == 0) {
			const char *p = depth ? path : "/";

			st.paths++;
			if (dt_path_offset(fdt, p) != fdt_path_offset(fdt, p))
				fail(C_READS, name, "path %s: %d vs %d", p,
				     dt_path_offset(fdt, p), fdt_path_offset(fdt, p));
			if (parent >= 0 &&
			    dt_find_(fdt, parent, 0, nname) !=
			    fdt_subnode_offset(fdt, parent, nname))
				fail(C_READS, name, "subnode_offset %s", nname);
		}
		if (dt_find_(fdt, node, 0, NULL) != fdt_first_subnode(fdt, node) ||
		    dt_find_(fdt, node, 1, NULL) != fdt_next_subnode(fdt, node))
			fail(C_READS, name, "subnodes of %s", nname);
		{
			/* libfdt's cells, limited to what the stub can use */
			int ac = fdt_address_cells(fdt, node), sc = fdt_size_cells(fdt, node);
			int want = ac < 0 || sc < 0 ? (ac < 0 ? ac : sc) :
				   ac > 2 || sc > 2 ? -FDT_ERR_BADNCELLS : ac, sc2;

			if (dt_cells_(fdt, node, &sc2) != want || (want > 0 && sc2 != sc))
				fail(C_READS, name, "cells of %s", nname);
			st.cells_big += want == -FDT_ERR_BADNCELLS;
		}
		if (dt_getprop(fdt, node, "chainboot,absent", &l1) || l1 != DT_ERR_NOTFOUND)
			fail(C_READS, name, "absent property found in %s", nname);
		fdt_for_each_property_offset(prop, fdt, node) {
			const char *pname;
			const void *v1 = fdt_getprop_by_offset(fdt, prop, &pname, &l1);
			const void *v2 = dt_getprop(fdt, node, pname, &l2);

			st.props++;
			if (v1 != v2 || l1 != l2)
				fail(C_READS, name, "getprop %s/%s", nname, pname);
		}
		if (dt_compat_(fdt, node, "chainboot,none", false) != DT_ERR_NOTFOUND)
			fail(C_READS, name, "compatible of %s", nname);
		for (int i = 0;; i++) {
			const char *c = fdt_stringlist_get(fdt, node, "compatible", i, NULL);

			if (!c)
				break;
			/* the index of its first occurrence */
			if (dt_compat_(fdt, node, c, false) !=
			    fdt_stringlist_search(fdt, node, "compatible", c))
				fail(C_READS, name, "compatible %s of %s", c, nname);
		}
	}
	node = fdt_path_offset(fdt, "/aliases");
	if (node >= 0)
		fdt_for_each_property_offset(count, fdt, node) {
			const char *alias;

			fdt_getprop_by_offset(fdt, count, &alias, NULL);
			st.aliases++;
			if (dt_path_offset(fdt, alias) != fdt_path_offset(fdt, alias))
				fail(C_READS, name, "alias %s", alias);
		}
}

static void check_queries(const char *name, const void *fdt, const void *board)
{
	struct dt_region r1[MAX_REGIONS], r2[MAX_REGIONS];
	int n1, n2, e1, e2;
	struct dt_uart u1, u2;
	uint32_t k;

	e1 = dt_memory(fdt, r1, MAX_REGIONS, &n1);
	e2 = ref_memory(fdt, r2, MAX_REGIONS, &n2);
	st.memory += n1;
	if (e1 != e2 || n1 != n2 || memcmp(r1, r2, n1 * sizeof(r1[0])))
		fail(C_MEMORY, name, "memory: %d/%d regions, err %d/%d", n1, n2, e1, e2);
	e1 = dt_memory(fdt, r1, 0, &n1);
	e2 = ref_memory(fdt, r2, 0, &n2);
	if (e1 != e2 || n1 != n2)
		fail(C_MEMORY, name, "memory with no room: err %d/%d", e1, e2);
	e1 = dt_memreserve(fdt, r1, MAX_REGIONS, &n1);
	e2 = ref_memreserve(fdt, r2, MAX_REGIONS, &n2);
	st.memreserve += n1;
	if (e1 != e2 || n1 != n2 || memcmp(r1, r2, n1 * sizeof(r1[0])))
		fail(C_MEMORY, name, "memreserve: %d/%d regions, err %d/%d", n1, n2, e1, e2);

	e1 = dt_stdout_uart(fdt, &u1);
	e2 = ref_stdout_uart(fdt, &u2);
	if (e1 != e2 || u1.kind != u2.kind || (!e1 && (u1.base != u2.base || u1.shift != u2.shift)))
		fail(C_UART, name, "err %d/%d kind %u/%u base %#llx/%#llx shift %u/%u",
		     e1, e2, u1.kind, u2.kind, (unsigned long long)u1.base,
		     (unsigned long long)u2.base, u1.shift, u2.shift);
	if (!e1) {
		st.uarts++;
		st.uart_kinds[u1.kind % CB_UART_KINDS]++;
	} else if (e1 != DT_ERR_NOTFOUND || fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), "stdout-path", NULL) ||
		   fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), "linux,stdout-path", NULL)) {
		st.no_uart[-e1 & 15]++;
	}
	/* console=<tty><n>: every kind, aliases serial0..3 or the tree order */
	for (k = CB_UART_PL011; k < CB_UART_KINDS; k++) {
		for (int n = 0; n < 4 && k != CB_UART_8250_IO && k != CB_UART_8250_MMIO32; n++) {
			char alias[16];

			snprintf(alias, sizeof(alias), "serial%d", n);
			e1 = dt_serial_uart(fdt, k, alias, n, &u1);
			e2 = ref_serial_uart(fdt, k, n, &u2);
			if (e1 != e2 || u1.kind != u2.kind || (!e1 && (u1.base != u2.base || u1.shift != u2.shift)))
				fail(C_UART, name, "%s kind %u: err %d/%d kind %u/%u base %#llx/%#llx",
				     alias, k, e1, e2, u1.kind, u2.kind, (unsigned long long)u1.base,
				     (unsigned long long)u2.base);
			st.serials += !e1;
		}
	}
	e1 = dt_psci_conduit(fdt);
	if (e1 != ref_psci_conduit(fdt))
		fail(C_UART, name, "psci %d/%d", e1, ref_psci_conduit(fdt));
	st.psci[e1 & 3]++;

	e1 = dt_root_compatible_match(fdt, board);
	e2 = ref_root_compatible_match(fdt, board);
	if (e1 != e2 || dt_root_compatible_match(fdt, fdt) != 0)
		fail(C_COMPAT, name, "match %d/%d, self %d", e1, e2,
		     dt_root_compatible_match(fdt, fdt));
	st.compat += e1 >= 0;
}

/* One fix-up both ways on copies of @in opened into @size bytes. */
static void variant(const char *name, const char *what, const void *in,
		    int size, const char *bootargs, uint64_t s, uint64_t e,
		    int again)
{
	void *a = malloc(size), *b = malloc(size);
	int ea, eb;
	char why[256];

	st.variants++;
	ea = dt_open_into(in, a, size);
	eb = fdt_open_into(in, b, size);
	if (ea || eb) {
		fail(C_FIXUPS, name, "%s: open_into %d/%d", what, ea, eb);
		goto out;
	}
	ea = dt_set_chosen(a, bootargs, s, e);
	eb = ref_set_chosen(b, bootargs, s, e);
	if (!ea && again) {	/* a second call on the result */
		ea = dt_set_chosen(a, NULL, again == 1 ? 0 : s + 4096,
				   again == 1 ? 0 : e + 8192);
		eb = ref_set_chosen(b, NULL, again == 1 ? 0 : s + 4096,
				    again == 1 ? 0 : e + 8192);
	}
	if (ea != eb) {
		fail(C_FIXUPS, name, "%s: set_chosen %d (%s) vs %d", what, ea,
		     dt_strerror(ea), eb);
		goto out;
	}
	st.errors_equal += ea != 0;
	/* identical bytes are identical trees; else say where they differ */
	if (same_bytes(a, b))
		st.bytes_equal++;
	else if (tree_diff(a, b, why, sizeof(why)))
		fail(C_FIXUPS, name, "%s: trees differ: %s", what, why);
	else
		fail(C_FIXUPS, name, "%s: same tree, bytes differ", what);
	ea = fdt_pack(a);
	eb = fdt_pack(b);
	if (ea != eb || fdt_totalsize(a) != fdt_totalsize(b) ||
	    memcmp(a, b, fdt_totalsize(a)))
		fail(C_FIXUPS, name, "%s: packed trees differ", what);
	else if (dt_check(a, fdt_totalsize(a)))
		fail(C_FIXUPS, name, "%s: result fails dt_check: %s", what,
		     dt_strerror(dt_check(a, fdt_totalsize(a))));
out:
	free(a);
	free(b);
}

/* @in modified with libfdt, then packed: the input of a variant. */
static void *edited(const void *in, int how)
{
	int size = fdt_totalsize(in) + SLACK, node;
	void *t = malloc(size);

	if (fdt_open_into(in, t, size))
		abort();
	if (how == 0) {
		node = fdt_path_offset(t, "/chosen");
		if (node >= 0 && fdt_del_node(t, node))
			abort();
	} else if (fdt_setprop_u32(t, 0, "#address-cells", how)) {
		abort();
	}
	fdt_pack(t);
	return t;
}

static void check_fixups(const char *name, const void *fdt)
{
	static char longargs[6000];
	int size = fdt_totalsize(fdt);
	void *nochosen = edited(fdt, 0), *ac1 = edited(fdt, 1), *ac2 = edited(fdt, 2);
	const char *args = "console=ttyS0,115200n8 root=/dev/ram0 rw";

	if (!longargs[0])
		for (size_t i = 0; i < sizeof(longargs) - 1; i++)
			longargs[i] = i % 64 == 63 ? ' ' : 'a' + i % 26;
	variant(name, "short", fdt, size + SLACK, args, 0x48000000, 0x48800000, 0);
	variant(name, "long", fdt, size + 2 * SLACK, longargs, 0x48000000, 0x48800000, 0);
	variant(name, "nospace", fdt, size + 1024, longargs, 0x48000000, 0x48800000, 0);
	variant(name, "exact", fdt, size, NULL, 0, 0, 0);
	variant(name, "drop-initrd", fdt, size + SLACK, args, 0x48000000, 0x48800000, 1);
	variant(name, "move-initrd", fdt, size + SLACK, NULL, 0x48000000, 0x48800000, 2);
	variant(name, "no-chosen", nochosen, size + SLACK, args, 0x48000000, 0x48800000, 0);
	variant(name, "no-chosen-keep", nochosen, size + SLACK, NULL, 0, 0, 0);
	variant(name, "ac1", ac1, size + SLACK, args, 0x48000000, 0x48800000, 0);
	variant(name, "ac1-above-4G", ac1, size + SLACK, args, 0x100000000ull,
		0x100800000ull, 0);
	variant(name, "ac2", ac2, size + SLACK, args, 0x100000000ull, 0x100800000ull, 2);
	variant(name, "bad-range", fdt, size + SLACK, args, 0x48800000, 0x48000000, 0);
	free(nochosen);
	free(ac1);
	free(ac2);
}

/* Open in place, both ways; libfdt's pack gives the input back. */
static void check_open(const char *name, const void *fdt)
{
	int size = fdt_totalsize(fdt), big = size + SLACK;
	char *a = calloc(1, big), *b = calloc(1, big);
	int ea, eb;

	memcpy(a, fdt, size);
	memcpy(b, fdt, size);
	ea = dt_open_into(a, a, big);
	eb = fdt_open_into(b, b, big);
	if (ea != eb || !same_bytes(a, b) || fdt_totalsize(a) != fdt_totalsize(b))
		fail(C_OPEN, name, "in place: %d/%d", ea, eb);
	ea = fdt_pack(a);
	eb = fdt_pack(b);
	if (ea != eb || fdt_totalsize(a) != (uint32_t)size ||
	    memcmp(a, b, size) || memcmp(a, fdt, size))
		fail(C_OPEN, name, "pack: %d/%d", ea, eb);
	if (dt_open_into(fdt, a, size - 1) != DT_ERR_NOSPACE ||
	    fdt_open_into(fdt, b, size - 1) != -FDT_ERR_NOSPACE)
		fail(C_OPEN, name, "open_into a buffer too small");
	free(a);
	free(b);
}

static int is_dtb(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	return n > 4 && strcmp(d->d_name + n - 4, ".dtb") == 0;
}

int main(void)
{
	const char *dir = dtb_dir();
	struct dirent **list;
	void *board = NULL;
	char path[4096];
	int n, i, c, failed = 0;
	size_t size;

	n = scandir(dir, &list, is_dtb, alphasort);
	if (n <= 0) {
		printf("SKIP: dt-diff: no DTBs in %s\n", dir);
		return 0;
	}
	snprintf(path, sizeof(path), "%s/am335x-boneblack.dtb", dir);
	board = read_file(path, &size, 0);
	for (i = 0; i < n; i++) {
		void *fdt;
		int err;

		snprintf(path, sizeof(path), "%s/%s", dir, list[i]->d_name);
		fdt = read_file(path, &size, 0);
		if (!fdt) {
			fail(C_READS, list[i]->d_name, "cannot read");
			continue;
		}
		st.dtbs++;
		err = dt_check(fdt, size);
		if (err || fdt_check_full(fdt, size) ||
		    dt_check(fdt, size - 1) != DT_ERR_TRUNCATED) {
			fail(C_READS, list[i]->d_name, "dt_check: %s", dt_strerror(err));
		} else {
			check_reads(list[i]->d_name, fdt);
			check_queries(list[i]->d_name, fdt, board ? board : fdt);
			check_fixups(list[i]->d_name, fdt);
			check_open(list[i]->d_name, fdt);
		}
		free(fdt);
		free(list[i]);
	}
	free(list);
	free(board);
	for (c = 0; c <= C_COMPAT; c++) {
		failed |= st.fails[c] != 0;
		if (st.fails[c])
			printf("FAIL: %s: %d differences\n", case_name[c], st.fails[c]);
	}
	if (!st.fails[C_READS])
		printf("PASS: reads: %d DTBs, %d nodes (%d with > 2 cells), %d properties, %d paths, %d aliases equal libfdt's\n",
		       st.dtbs, st.nodes, st.cells_big, st.props, st.paths, st.aliases);
	if (!st.fails[C_FIXUPS])
		printf("PASS: fixups: %d variants on %d DTBs, %d byte-identical trees, %d equal errors\n",
		       st.variants, st.dtbs, st.bytes_equal, st.errors_equal);
	if (!st.fails[C_OPEN])
		printf("PASS: open_into+pack: %d DTBs in place, equal to libfdt and to the input\n",
		       st.dtbs);
	if (!st.fails[C_MEMORY])
		printf("PASS: memory: %d /memory regions, %d reservations equal\n",
		       st.memory, st.memreserve);
	if (!st.fails[C_UART])
		printf("PASS: stdout_uart+psci: %d consoles (pl011 %d, 8250 %d, 8250 32-bit %d, i.MX %d, Samsung %d, Cadence %d, UARTDM %d), "
		       "none with stdout-path: %d unknown UART or node, %d bad value, %d bad alias; "
		       "%d console=<tty><n> look-ups; psci smc %d hvc %d none %d\n",
		       st.uarts, st.uart_kinds[CB_UART_PL011], st.uart_kinds[CB_UART_8250_MMIO],
		       st.uart_kinds[CB_UART_8250_MMIO32], st.uart_kinds[CB_UART_IMX],
		       st.uart_kinds[CB_UART_SAMSUNG], st.uart_kinds[CB_UART_CADENCE],
		       st.uart_kinds[CB_UART_MSM], st.no_uart[-DT_ERR_NOTFOUND],
		       st.no_uart[-DT_ERR_BADVALUE], st.no_uart[-DT_ERR_BADPATH], st.serials,
		       st.psci[1], st.psci[2], st.psci[0]);
	if (!st.fails[C_COMPAT])
		printf("PASS: compat: %d DTBs share a root compatible with am335x-boneblack\n",
		       st.compat);
	return failed;
}
