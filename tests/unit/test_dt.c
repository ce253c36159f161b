/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of stub/dt*.c on small trees made with dtc: reads (also of
 * the internal look-ups of dt_internal.h), writers (checked byte for byte
 * against libfdt doing the same), boot fix-ups, a table of malformed
 * headers and structures, truncation at every length, and random
 * corruption.  Built with ASan/UBSan: blobs live in
 * buffers of their exact size, so any read past a bound is caught.
 */
#define _GNU_SOURCE
#include <libfdt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blob.h"
#include "dt_internal.h"
#include "dt_ref.h"

#include "case_check.h"

static const char board_dts[] =
	"/dts-v1/;\n"
	"/memreserve/ 0x10000000 0x100000;\n"
	"/ {\n"
	"	#address-cells = <1>; #size-cells = <1>;\n"
	"	compatible = \"acme,board-v2\", \"acme,board\";\n"
	"	model = \"test\";\n"
	"	aliases {\n"
	"		serial0 = \"/soc/bus@1000/serial@200\";\n"
	"		uart1 = &u1;\n"
	"		orphan = \"/nobus/serial@0\";\n"
	"		relative = \"soc\";\n"
	"	};\n"
	"	chosen { stdout-path = \"serial0:115200n8\"; bootargs = \"old\"; };\n"
	"	memory@80000000 { device_type = \"memory\";\n"
	"		reg = <0x80000000 0x10000000 0x90000000 0>; };\n"
	"	memory@a0000000 { device_type = \"memory\";\n"
	"		reg = <0xa0000000 0x1000>; status = \"disabled\"; };\n"
	"	ram { device_type = \"memory\"; reg = <0xc0000000 0x2000>; status = \"okay\"; };\n"
	"	memory { reg = <0xd0000000 0x3000 0xd1000000>; };\n"
	"	memoryx { reg = <0xe0000000 0x3000>; };\n"
	"	reserved-memory { #address-cells = <1>; #size-cells = <1>; ranges;\n"
	"		fb@88000000 { reg = <0x88000000 0x800000>; };\n"
	"		pool { size = <0x100000>; };\n"
	"	};\n"
	"	psci { compatible = \"arm,psci-1.0\", \"arm,psci-0.2\"; method = \"hvc\"; };\n"
	"	soc { compatible = \"simple-bus\"; #address-cells = <1>; #size-cells = <1>;\n"
	"		ranges = <0x0 0x10000000 0x100000>;\n"
	"		bus@1000 { #address-cells = <1>; #size-cells = <1>; ranges;\n"
	"			serial@200 { compatible = \"ti,am3352-uart\", \"ti,omap3-uart\";\n"
	"				reg = <0x1200 0x100>; };\n"
	"		};\n"
	"		u1: serial@3000 { compatible = \"snps,dw-apb-uart\";\n"
	"			reg = <0x3000 0x100>; reg-shift = <2>; };\n"
	"		serial@4000 { compatible = \"fsl,imx6q-uart\"; reg = <0x4000 0x100>; };\n"
	"		serial@5000 { compatible = \"ti,omap2-uart\"; reg = <0x5000 0x100>; };\n"
	"		serial@6000 { compatible = \"ns1655\"; reg = <0x6000 0x100>; };\n"
	"		serial@200000 { compatible = \"arm,pl011\"; reg = <0x200000 0x100>; };\n"
	"	};\n"
	"	nobus { #address-cells = <1>; #size-cells = <1>;\n"
	"		serial@0 { compatible = \"arm,pl011\"; reg = <0x0 0x1000>; };\n"
	"	};\n"
	"	wide { #address-cells = <2>; #size-cells = <2>;\n"
	"		ranges = <0x1 0x0 0x40000000 0x0 0x1000000>;\n"
	"		serial@100000000 { compatible = \"arm,pl011\"; reg = <0x1 0x0 0x0 0x1000>; };\n"
	"	};\n"
	"};\n";

/* A copy of @fdt opened into @size bytes with dt_open_into(). */
static void *opened(const void *fdt, int size)
{
	void *p = calloc(1, size);

	if (!p || dt_open_into(fdt, p, size))
		abort();
	return p;
}

/* dt_setprop_() of a big-endian cell. */
static int setprop_u32(void *fdt, int node, const char *name, uint32_t v)
{
	fdt32_t c = cpu_to_fdt32(v);

	return dt_setprop_(fdt, node, name, &c, 4);
}

/* Exact-size heap copy, for ASan to bound every read. */
static void *dup_exact(const void *p, size_t n)
{
	void *q = malloc(n);

	memcpy(q, p, n);
	return q;
}

static void test_reads(const void *fdt)
{
	static const char *const paths[] = {
		"/", "/chosen", "/soc/bus", "/soc/bus@1000/serial@200",
		"//soc///bus@1000/", "/soc/serial", "/nonexistent", "/soc/bus@2000",
		"serial0", "uart1", "orphan", "relative", "nope", "", "soc",
		"serial0/", "/memory", "/memory@a0000000", "/ram/x",
	};
	int node, n1, n2, l1, l2;
	const void *v1, *v2;

	begin("reads: paths, aliases and unit names as libfdt");
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		n1 = dt_path_offset(fdt, paths[i]);
		n2 = fdt_path_offset(fdt, paths[i]);
		/* libfdt follows a relative alias as another alias: we refuse */
		if (!strcmp(paths[i], "relative"))
			CHECK(n1 == DT_ERR_BADPATH, "relative alias: %d", n1);
		else
			CHECK(n1 == n2, "%s: %d vs libfdt %d", paths[i], n1, n2);
	}
	CHECK(dt_path_offset(fdt, "/memory") == fdt_path_offset(fdt, "/memory@80000000"),
	      "/memory is the first memory@ node");
	end();

	begin("reads: subnodes, properties, cells, compatible");
	for (node = 0; node >= 0; node = fdt_next_node(fdt, node, NULL)) {
		int prop, sc;

		CHECK(dt_find_(fdt, node, 0, NULL) == fdt_first_subnode(fdt, node),
		      "first child %d", node);
		CHECK(dt_find_(fdt, node, 1, NULL) == fdt_next_subnode(fdt, node),
		      "next sibling %d", node);
		CHECK(dt_cells_(fdt, node, &sc) == fdt_address_cells(fdt, node) &&
		      sc == fdt_size_cells(fdt, node), "cells %d", node);
		fdt_for_each_property_offset(prop, fdt, node) {
			const char *name;

			v1 = fdt_getprop_by_offset(fdt, prop, &name, &l1);
			v2 = dt_getprop(fdt, node, name, &l2);
			CHECK(v1 == v2 && l1 == l2, "getprop %s", name);
		}
	}
	node = dt_path_offset(fdt, "/chosen");
	CHECK(dt_cells_(fdt, node, &l1) == 2 && l1 == 1, "defaults 2/1");
	CHECK(!dt_getprop(fdt, node, "bootarg", &l1) && l1 == DT_ERR_NOTFOUND,
	      "prefix of a name is not the name");
	CHECK(!dt_getprop(fdt, node, "bootargsx", &l1), "longer name");
	CHECK(dt_getprop(fdt, node, "bootargs:x", &l1) && l1 == 4,
	      "a searched name ends at ':'");
	CHECK(!dt_getprop(fdt, 3, "bootargs", &l1) && l1 == DT_ERR_BADOFFSET,
	      "misaligned node offset: %d", l1);
	CHECK(!dt_getprop(fdt, DT_ERR_NOTFOUND, "bootargs", &l1) &&
	      l1 == DT_ERR_NOTFOUND, "negative node offset passed on: %d", l1);
	CHECK(!dt_getprop(fdt, 8, "bootargs", &l1) && l1 == DT_ERR_BADOFFSET,
	      "property offset as node: %d", l1);
	CHECK(!dt_getprop(fdt, 1 << 20, "x", &l1) && l1 == DT_ERR_BADOFFSET,
	      "offset past the block: %d", l1);
	CHECK(dt_find_(fdt, node, 0, NULL) == DT_ERR_NOTFOUND, "leaf has no child");
	CHECK(dt_compat_(fdt, 0, "acme,board", false) == 1 &&
	      dt_compat_(fdt, 0, "acme,board-v2", false) == 0 &&
	      dt_compat_(fdt, 0, "acme,boar", false) == DT_ERR_NOTFOUND &&
	      dt_compat_(fdt, 0, "acme,boar", true) == 0 &&
	      dt_compat_(fdt, 0, "acme,board-v2x", true) == DT_ERR_NOTFOUND &&
	      dt_compat_(fdt, node, "x", false) == DT_ERR_NOTFOUND,
	      "compatible: index, prefix");
	CHECK(dt_find_(fdt, 0, 0, "soc") == fdt_subnode_offset(fdt, 0, "soc") &&
	      dt_find_(fdt, 0, 0, "memory@a0000000") ==
	      fdt_subnode_offset(fdt, 0, "memory@a0000000") &&
	      dt_find_(fdt, 0, 0, "memory@b") == DT_ERR_NOTFOUND,
	      "child by name");
	CHECK(!strcmp(dt_strerror(DT_ERR_NOSPACE), "no space") &&
	      !strcmp(dt_strerror(DT_ERR_BADNCELLS), "bad #cells") &&
	      !strcmp(dt_strerror(DT_ERR_BADVALUE), "bad value") &&
	      !strcmp(dt_strerror(0), "?") && !strcmp(dt_strerror(-20), "?") &&
	      !strcmp(dt_strerror(7), "?") && !strcmp(dt_strerror(-6), "?"), "strerror");
	CHECK(DT_ERR_NOTFOUND == -FDT_ERR_NOTFOUND &&
	      DT_ERR_NOSPACE == -FDT_ERR_NOSPACE && DT_ERR_BADOFFSET == -FDT_ERR_BADOFFSET &&
	      DT_ERR_BADPATH == -FDT_ERR_BADPATH && DT_ERR_TRUNCATED == -FDT_ERR_TRUNCATED &&
	      DT_ERR_BADMAGIC == -FDT_ERR_BADMAGIC &&
	      DT_ERR_BADVERSION == -FDT_ERR_BADVERSION &&
	      DT_ERR_BADSTRUCTURE == -FDT_ERR_BADSTRUCTURE &&
	      DT_ERR_BADLAYOUT == -FDT_ERR_BADLAYOUT &&
	      DT_ERR_BADNCELLS == -FDT_ERR_BADNCELLS &&
	      DT_ERR_BADVALUE == -FDT_ERR_BADVALUE &&
	      DT_ERR_ALIGNMENT == -FDT_ERR_ALIGNMENT, "codes equal libfdt's");
	end();
}

static void test_cells(const void *fdt)
{
	/* value, length of #address-cells and #size-cells on /soc; result */
	static const struct {
		uint32_t val;
		int len, ac;
	} t[] = {
		{ 1, 4, 1 }, { 2, 4, 2 },
		{ 0, 4, DT_ERR_BADNCELLS },	/* zero address cells */
		{ 3, 4, DT_ERR_BADNCELLS },	/* > 2 cells: no address the stub can use */
		{ 5, 4, DT_ERR_BADNCELLS },	/* > 4 cells (libfdt too) */
		{ 1, 8, DT_ERR_BADNCELLS },	/* not one cell */
		{ 1, 0, DT_ERR_BADNCELLS },	/* empty */
	};
	void *a = opened(fdt, fdt_totalsize(fdt) + 256);
	int soc = dt_path_offset(a, "/soc"), sc;
	uint32_t two = cpu_to_fdt32(2);

	begin("cells: defaults, limits, libfdt agreement");
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		uint32_t be[2] = { cpu_to_fdt32(t[i].val), 0 };
		int ac, fac;

		CHECK(!dt_setprop_(a, soc, "#address-cells", be, t[i].len), "set");
		CHECK(!dt_setprop_(a, soc, "#size-cells", &two, 4), "set");
		ac = dt_cells_(a, soc, &sc);
		CHECK(ac == t[i].ac, "ac %u/%d: %d", t[i].val, t[i].len, ac);
		fac = fdt_address_cells(a, soc);
		CHECK(ac == (fac > 2 ? DT_ERR_BADNCELLS : fac), "libfdt agrees up to 2");
		CHECK(!dt_setprop_(a, soc, "#address-cells", &two, 4), "set");
		CHECK(!dt_setprop_(a, soc, "#size-cells", be, t[i].len), "set");
		ac = dt_cells_(a, soc, &sc);
		CHECK(t[i].ac == DT_ERR_BADNCELLS && t[i].val ? ac == DT_ERR_BADNCELLS :
		      ac == 2 && sc == (int)t[i].val, "sc %u/%d: %d %d", t[i].val,
		      t[i].len, ac, sc);
	}
	CHECK(!dt_setprop_(a, soc, "#size-cells", NULL, 0) && dt_cells_(a, soc, &sc) == 2 &&
	      sc == 1, "size default");
	free(a);
	end();
}

/* The same writer call on our copy and on libfdt's must give equal bytes. */
#define BOTH(call_dt, call_ref, what)					\
	do {								\
		int e1_ = (call_dt), e2_ = (call_ref);			\
		CHECK(e1_ == e2_, "%s: %d vs libfdt %d", what, e1_, e2_); \
		CHECK(same_bytes(a, b), "%s: bytes differ", what);	\
	} while (0)

static void test_writers(const void *fdt)
{
	int size = fdt_totalsize(fdt) + 512, chosen, soc, room;
	void *a = calloc(1, size), *b = calloc(1, size), *copy = malloc(size);
	char big[1024];
	uint32_t strsize;

	begin("writers: setprop, delete, add child equal libfdt's bytes");
	memset(big, 'x', sizeof(big));
	CHECK(!dt_open_into(fdt, a, size) && !fdt_open_into(fdt, b, size), "open");
	/* offsets after a change move: look nodes up again each time */
#define CHOSEN (chosen = fdt_path_offset(a, "/chosen"))
#define SOC (soc = fdt_path_offset(a, "/soc"))
	BOTH(dt_setprop_(a, CHOSEN, "bootargs", "console=ttyS0", 14),
	     ref_setprop(b, chosen, "bootargs", "console=ttyS0", 14), "grow");
	BOTH(dt_setprop_(a, CHOSEN, "bootargs", "q", 2),
	     ref_setprop(b, chosen, "bootargs", "q", 2), "shrink");
	BOTH(dt_setprop_(a, CHOSEN, "bootargs", "abc", 4),
	     ref_setprop(b, chosen, "bootargs", "abc", 4), "same aligned size");
	BOTH(dt_setprop_(a, CHOSEN, "bootargs", "", 0),
	     ref_setprop(b, chosen, "bootargs", "", 0), "empty");
	BOTH(dt_setprop_(a, SOC, "new-prop", "abcde", 5),
	     ref_setprop(b, soc, "new-prop", "abcde", 5), "new property, new name");
	{
		const char *first = "";

		fdt_getprop_by_offset(a, fdt_first_property_offset(a, SOC), &first, NULL);
		CHECK(!strcmp(first, "new-prop"), "new property goes first, not %s", first);
	}
	strsize = fdt_size_dt_strings(a);
	BOTH(dt_setprop_(a, SOC, "path", "p", 2), ref_setprop(b, soc, "path", "p", 2),
	     "name found as the tail of stdout-path");
	CHECK(fdt_size_dt_strings(a) == strsize, "tail reused: strings %u -> %u",
	      strsize, fdt_size_dt_strings(a));
	BOTH(dt_setprop_(a, SOC, "model", "m", 2), ref_setprop(b, soc, "model", "m", 2),
	     "existing name reused");
	CHECK(fdt_size_dt_strings(a) == strsize, "no string added");
	BOTH(setprop_u32(a, SOC, "u32", 0x12345678),
	     fdt_setprop_u32(b, soc, "u32", 0x12345678), "a cell");
	BOTH(dt_setprop_(a, SOC, "s", "str", 4), fdt_setprop_string(b, soc, "s", "str"),
	     "a string");
	BOTH(dt_setprop_(a, SOC, "u32", NULL, 0), fdt_delprop(b, soc, "u32"), "delete");
	BOTH(dt_setprop_(a, SOC, "u32", NULL, 0), fdt_delprop(b, soc, "u32"),
	     "delete absent");
	BOTH(dt_child_add_(a, SOC, "child@5"), fdt_add_subnode(b, soc, "child@5"),
	     "child added after the properties");
	SOC;
	CHECK(dt_child_add_(a, soc, "child@5") == fdt_subnode_offset(b, soc, "child@5") &&
	      same_bytes(a, b), "an existing child is found, not added");
	CHECK(dt_child_add_(a, soc, "child") == fdt_subnode_offset(b, soc, "child@5") &&
	      same_bytes(a, b), "child matches child@5");
	BOTH(dt_child_add_(a, 0, "abcdefgh"), fdt_add_subnode(b, 0, "abcdefgh"),
	     "child, name filling its words");
	BOTH(dt_setprop_(a, 12, "x", "", 0), fdt_setprop(b, 12, "x", "", 0),
	     "setprop on a property offset");
	BOTH(dt_child_add_(a, 13, "x"), fdt_add_subnode(b, 13, "x"),
	     "child added to a bad offset");
	/* "name@unit" matches "name@unit@more" only as a whole: libfdt's rule */
	BOTH(dt_child_add_(a, SOC, "odd@1@2"), fdt_add_subnode(b, soc, "odd@1@2"), "odd name");
	CHECK(dt_path_offset(a, "/soc/odd@1") == DT_ERR_NOTFOUND &&
	      dt_path_offset(a, "/soc/odd") == fdt_path_offset(a, "/soc/odd@1@2") &&
	      dt_path_offset(a, "/soc/odd") > 0, "'@' in the searched name");

	/* leave 9 to 12 free bytes: "bootargs" holds 4 bytes now */
	room = size - fdt_off_dt_strings(a) - fdt_size_dt_strings(a);
	CHECK(room > 20 && room < (int)sizeof(big) - 20, "room %d", room);
	BOTH(dt_setprop_(a, CHOSEN, "bootargs", big, room - 8),
	     ref_setprop(b, chosen, "bootargs", big, room - 8), "fill");
	memcpy(copy, a, size);
	CHECK(dt_setprop_(a, CHOSEN, "bootargs", big, room - 8 + 17) == DT_ERR_NOSPACE,
	      "16 more bytes don't fit");
	CHECK(dt_setprop_(a, CHOSEN, "fresh-name", "", 0) == DT_ERR_NOSPACE,
	      "header fits, its new name doesn't");
	CHECK(dt_child_add_(a, 0, "zzzzzzzz") == DT_ERR_NOSPACE, "no space for a node");
	CHECK(!memcmp(copy, a, size), "unchanged after NOSPACE");
	CHECK(!fdt_pack(a) && !fdt_pack(b) && !memcmp(a, b, fdt_totalsize(a)) &&
	      !dt_check(a, fdt_totalsize(a)), "packed equal and valid");

	/* exactly 12 bytes of room: an empty property with a known name */
	size = fdt_off_dt_strings(fdt) + fdt_size_dt_strings(fdt) + 12;
	CHECK(!dt_open_into(fdt, a, size), "open with 12 free bytes");
	CHECK(dt_setprop_(a, CHOSEN, "fresh", "", 0) == DT_ERR_NOSPACE, "new name: no");
	CHECK(!dt_setprop_(a, CHOSEN, "model", "", 0) && !dt_check(a, size) &&
	      fdt_off_dt_strings(a) + fdt_size_dt_strings(a) == (uint32_t)size,
	      "known name: fits exactly");
	CHECK(dt_setprop_(a, CHOSEN, "model", "", 1) == DT_ERR_NOSPACE, "1 byte more: no");
#undef CHOSEN
#undef SOC
	free(copy);
	free(a);
	free(b);
	end();
}

/* Blocks of @fdt rearranged to strings, structure, map (libfdt's
 * "misordered"), with gaps, into a buffer of @size. */
static void *misordered(const void *fdt, size_t *size)
{
	uint32_t str = fdt_size_dt_strings(fdt), st = fdt_size_dt_struct(fdt);
	uint32_t rsv = (fdt_num_mem_rsv(fdt) + 1) * 16, off = 48;
	char *p = calloc(1, *size = 48 + str + 8 + st + 8 + rsv + 12);

	memcpy(p, fdt, 40);
	memcpy(p + off, (const char *)fdt + fdt_off_dt_strings(fdt), str);
	fdt_set_off_dt_strings(p, off);
	off = (off + str + 8 + 7) & ~7u;
	memcpy(p + off, (const char *)fdt + fdt_off_dt_struct(fdt), st);
	fdt_set_off_dt_struct(p, off);
	off = (off + st + 8 + 7) & ~7u;
	memcpy(p + off, (const char *)fdt + fdt_off_mem_rsvmap(fdt), rsv);
	fdt_set_off_mem_rsvmap(p, off);
	fdt_set_totalsize(p, *size);
	return p;
}

static void test_layouts(const void *fdt)
{
	size_t msize, n = fdt_totalsize(fdt);
	char *mis = misordered(fdt, &msize);
	int big = n + 1024;
	char *a = calloc(1, 2 * big), *b = calloc(1, 2 * big);

	begin("open_into: in place, overlapping, errors; block order");
	CHECK(dt_check(mis, msize) == DT_ERR_BADLAYOUT && fdt_check_full(mis, msize) == 0,
	      "blocks out of libfdt's order: refused (libfdt reads them)");
	CHECK(dt_open_into(fdt, a, n - 1) == DT_ERR_NOSPACE &&
	      fdt_open_into(fdt, b, n - 1) == -FDT_ERR_NOSPACE, "too small");
	CHECK(dt_open_into(fdt, a + 2, big) == DT_ERR_ALIGNMENT, "misaligned buffer");
	CHECK(dt_open_into(fdt, a, big) == 0 && fdt_open_into(fdt, b, big) == 0 &&
	      same_bytes(a, b) && fdt_totalsize(a) == (uint32_t)big, "as libfdt");
	/* in place, and moved up or down over itself */
	for (int shift = -8; shift <= 8; shift += 8) {
		memset(a, 0, 2 * big);
		memset(b, 0, 2 * big);
		memcpy(a + 16, fdt, n);
		memcpy(b + 16, fdt, n);
		CHECK(dt_open_into(a + 16, a + 16 + shift, big) == 0 &&
		      fdt_open_into(b + 16, b + 16 + shift, big) == 0 &&
		      same_bytes(a + 16 + shift, b + 16 + shift) &&
		      !dt_check(a + 16 + shift, big), "moved by %d", shift);
	}
	end();

	begin("versions: 16 refused, 18 opened as 17");
	{
		char *v = dup_exact(fdt, n);

		fdt_set_version(v, 16);
		CHECK(dt_check(v, n) == DT_ERR_BADVERSION, "v16: no size_dt_struct");
		fdt_set_version(v, 18);
		CHECK(!dt_check(v, n) && !dt_open_into(v, a, big) && fdt_version(a) == 17 &&
		      !fdt_open_into(v, b, big) && same_bytes(a, b),
		      "v18 (compatible with 16) written as 17");
		free(v);
	}
	end();
	free(mis);
	free(a);
	free(b);
}

static void test_chosen(const void *fdt)
{
	int size = fdt_totalsize(fdt) + 512, node, len;
	void *a = opened(fdt, size), *b = opened(fdt, size);
	const void *p;

	begin("set_chosen: bootargs, initrd cells by root #address-cells");
	BOTH(dt_set_chosen(a, "console=ttyAMA0", 0x48000000, 0x48100000),
	     ref_set_chosen(b, "console=ttyAMA0", 0x48000000, 0x48100000), "ac 1");
	node = dt_path_offset(a, "/chosen");
	p = dt_getprop(a, node, "linux,initrd-start", &len);
	CHECK(p && len == 4 && dt_ld32(p) == 0x48000000, "one cell");
	p = dt_getprop(a, node, "stdout-path", &len);
	CHECK(p && !strcmp(p, "serial0:115200n8"), "stdout-path kept");
	BOTH(dt_set_chosen(a, NULL, 0x48000000, 0x148100000ull),
	     ref_set_chosen(b, NULL, 0x48000000, 0x148100000ull), "beyond 4 GiB, ac 1");
	CHECK(dt_set_chosen(a, NULL, 0x48000000, 0x148100000ull) == DT_ERR_BADVALUE,
	      "BADVALUE");
	BOTH(dt_set_chosen(a, NULL, 0x2000, 0x1000), ref_set_chosen(b, NULL, 0x2000, 0x1000),
	     "end before start");
	BOTH(dt_set_chosen(a, NULL, 0, 0), ref_set_chosen(b, NULL, 0, 0), "drop initrd");
	CHECK(!dt_getprop(a, node, "linux,initrd-end", &len), "dropped");
	p = dt_getprop(a, node, "bootargs", &len);
	CHECK(p && !strcmp(p, "console=ttyAMA0"), "NULL bootargs keep the old ones");
	BOTH(dt_set_chosen(a, NULL, 0, 0), ref_set_chosen(b, NULL, 0, 0), "drop twice");
	BOTH(setprop_u32(a, 0, "#address-cells", 2),
	     fdt_setprop_u32(b, 0, "#address-cells", 2), "root ac 2");
	BOTH(dt_set_chosen(a, "x", 0x148000000ull, 0x148100000ull),
	     ref_set_chosen(b, "x", 0x148000000ull, 0x148100000ull), "ac 2");
	p = dt_getprop(a, node, "linux,initrd-end", &len);
	CHECK(p && len == 8 && dt_ld64(p) == 0x148100000ull, "two cells");
	BOTH(setprop_u32(a, 0, "#address-cells", 0),
	     fdt_setprop_u32(b, 0, "#address-cells", 0), "root ac 0");
	CHECK(dt_set_chosen(a, "x", 1, 2) == DT_ERR_BADNCELLS, "ac 0 refused");
	BOTH(setprop_u32(a, 0, "#address-cells", 3),
	     fdt_setprop_u32(b, 0, "#address-cells", 3), "root ac 3");
	BOTH(dt_set_chosen(a, "x", 1, 2), ref_set_chosen(b, "x", 1, 2), "ac 3 refused");
	BOTH(dt_setprop_(a, 0, "#address-cells", NULL, 0), fdt_delprop(b, 0, "#address-cells"),
	     "root ac default");
	BOTH(dt_set_chosen(a, "x", 1, 2), ref_set_chosen(b, "x", 1, 2), "default is 2 cells");
	BOTH(dt_setprop_(a, dt_path_offset(a, "/chosen"), "bootargs", NULL, 0),
	     fdt_delprop(b, fdt_path_offset(b, "/chosen"), "bootargs"), "no bootargs");
	free(a);
	free(b);

	/* /chosen missing: created after the root's properties */
	a = calloc(1, size);
	b = calloc(1, size);
	memcpy(a, fdt, fdt_totalsize(fdt));
	fdt_open_into(a, a, size);
	fdt_del_node(a, fdt_path_offset(a, "/chosen"));
	memcpy(b, a, size);
	BOTH(dt_set_chosen(a, "root=/dev/ram", 0x1000, 0x2000),
	     ref_set_chosen(b, "root=/dev/ram", 0x1000, 0x2000), "chosen created");
	CHECK(dt_path_offset(a, "/chosen") > 0, "exists now");
	memcpy(a, b, size);
	fdt_del_node(a, fdt_path_offset(a, "/chosen"));
	fdt_pack(a);
	CHECK(dt_set_chosen(a, "x", 0, 0) == DT_ERR_NOSPACE, "packed: no room for /chosen");
	free(a);
	free(b);
	end();
}

static void test_queries(const void *fdt)
{
	struct dt_region r[8];
	void *a = opened(fdt, fdt_totalsize(fdt) + 512);
	int chosen = dt_path_offset(a, "/chosen"), n, err;
	struct dt_uart u;
	/* stdout-path, expected error, kind, base, shift */
	static const struct {
		const char *path;
		int err;
		uint32_t kind;
		uint64_t base;
		uint32_t shift;
	} uarts[] = {
		{ "serial0:115200n8", 0, CB_UART_8250_MMIO, 0x10001200, 2 },	/* omap: stride 2 */
		{ "serial0", 0, CB_UART_8250_MMIO, 0x10001200, 2 },
		{ "uart1", 0, CB_UART_8250_MMIO, 0x10003000, 2 },		/* reg-shift */
		{ "/soc/serial@3000:9600", 0, CB_UART_8250_MMIO, 0x10003000, 2 },
		{ "/soc/serial@200000", DT_ERR_BADVALUE, 0, 0, 0 },	/* outside soc's ranges */
		{ "/soc/serial@4000", 0, CB_UART_IMX, 0x10004000, 0 },	/* i.MX */
		{ "/soc/serial@5000", 0, CB_UART_8250_MMIO, 0x10005000, 2 },	/* "ti,omap" prefix */
		{ "/soc/serial@6000", DT_ERR_NOTFOUND, 0, 0, 0 },	/* ns1655: too short */
		{ "orphan", DT_ERR_BADVALUE, 0, 0, 0 },			/* parent without ranges */
		{ "/wide/serial@100000000", 0, CB_UART_PL011, 0x40000000, 0 },
		{ "nope:115200", DT_ERR_BADPATH, 0, 0, 0 },		/* unknown alias */
		{ "/nothing", DT_ERR_NOTFOUND, 0, 0, 0 },
		{ "/", DT_ERR_NOTFOUND, 0, 0, 0 },			/* root: no compatible UART */
	};

	begin("memory and memreserve");
	err = dt_memory(a, r, 8, &n);
	CHECK(!err && n == 3, "memory: err %d n %d", err, n);
	CHECK(n == 3 && r[0].base == 0x80000000 && r[0].size == 0x10000000 &&
	      r[1].base == 0xc0000000 && r[1].size == 0x2000 &&
	      r[2].base == 0xd0000000 && r[2].size == 0x3000,
	      "regions: zero size, disabled, partial entry, memoryx skipped");
	CHECK(dt_memory(a, r, 2, &n) == DT_ERR_NOSPACE && n == 2, "NOSPACE keeps 2");
	err = dt_memreserve(a, r, 8, &n);
	CHECK(!err && n == 2 && r[0].base == 0x10000000 && r[0].size == 0x100000 &&
	      r[1].base == 0x88000000 && r[1].size == 0x800000, "memreserve: %d %d", err, n);
	CHECK(dt_memreserve(a, r, 1, &n) == DT_ERR_NOSPACE && n == 1 &&
	      dt_memreserve(a, r, 0, &n) == DT_ERR_NOSPACE && n == 0, "memreserve NOSPACE");
	fdt_setprop_u32(a, 0, "#size-cells", 3);
	CHECK(dt_memory(a, r, 8, &n) == DT_ERR_BADNCELLS, "3 size cells");
	fdt_setprop_u32(a, 0, "#size-cells", 2);
	fdt_setprop_u32(a, 0, "#address-cells", 2);
	err = dt_memory(a, r, 8, &n);
	CHECK(!err && n == 1 && r[0].base == 0x8000000010000000ull &&
	      r[0].size == 0x9000000000000000ull, "2+2 cells: %d %d", err, n);
	fdt_setprop_u32(a, 0, "#address-cells", 1);
	fdt_setprop_u32(a, 0, "#size-cells", 1);
	end();

	begin("stdout_uart: aliases, options, ranges, kinds");
	for (size_t i = 0; i < sizeof(uarts) / sizeof(uarts[0]); i++) {
		struct dt_uart r;

		fdt_setprop_string(a, chosen, "stdout-path", uarts[i].path);
		u.kind = 99;
		err = dt_stdout_uart(a, &u);
		CHECK(err == uarts[i].err, "%s: err %d (%s)", uarts[i].path, err,
		      dt_strerror(err));
		CHECK(err == ref_stdout_uart(a, &r), "%s: libfdt version",
		      uarts[i].path);
		if (!err)
			CHECK(u.kind == uarts[i].kind && u.base == uarts[i].base &&
			      u.shift == uarts[i].shift, "%s: kind %u base %#llx shift %u",
			      uarts[i].path, u.kind, (unsigned long long)u.base, u.shift);
		else
			CHECK(u.kind == CB_UART_NONE, "%s: kind NONE on error", uarts[i].path);
	}
	fdt_delprop(a, chosen, "stdout-path");
	CHECK(dt_stdout_uart(a, &u) == DT_ERR_NOTFOUND, "no stdout-path");
	fdt_setprop_string(a, chosen, "linux,stdout-path", "uart1");
	CHECK(dt_stdout_uart(a, &u) == 0 && u.base == 0x10003000,
	      "linux,stdout-path");
	n = fdt_path_offset(a, "/soc/serial@3000");
	fdt_setprop_u32(a, n, "reg-io-width", 4);
	CHECK(dt_stdout_uart(a, &u) == 0 && u.kind == CB_UART_8250_MMIO32,
	      "reg-io-width 4: 32-bit 8250");
	fdt_setprop_u32(a, n, "reg-io-width", 1);
	CHECK(dt_stdout_uart(a, &u) == 0 && u.kind == CB_UART_8250_MMIO,
	      "reg-io-width 1: bytes");
	fdt_delprop(a, n, "reg-io-width");
	end();

	begin("serial_uart: console=<tty><n> by alias, else the n-th in tree order");
	CHECK(dt_serial_uart(a, CB_UART_8250_MMIO, "serial0", 0, &u) == 0 &&
	      u.base == 0x10001200 && u.shift == 2, "alias serial0");
	CHECK(dt_serial_uart(a, CB_UART_PL011, "serial0", 0, &u) == DT_ERR_NOTFOUND &&
	      u.kind == CB_UART_NONE, "alias of another kind");
	CHECK(dt_serial_uart(a, CB_UART_PL011, "serial1", 0, &u) == DT_ERR_BADVALUE,
	      "no alias: 1st pl011, outside soc's ranges");
	CHECK(dt_serial_uart(a, CB_UART_PL011, "serial1", 2, &u) == 0 &&
	      u.base == 0x40000000, "no alias: 3rd pl011 (2 cells)");
	CHECK(dt_serial_uart(a, CB_UART_PL011, "serial1", 3, &u) == DT_ERR_NOTFOUND,
	      "no 4th pl011");
	CHECK(dt_serial_uart(a, CB_UART_IMX, "serial7", 0, &u) == 0 &&
	      u.kind == CB_UART_IMX && u.base == 0x10004000, "no alias: 1st i.MX");
	for (n = 0; n < 4; n++) {
		struct dt_uart r;
		int e2 = ref_serial_uart(a, CB_UART_PL011, n + 1, &r);
		char alias[16];

		snprintf(alias, sizeof(alias), "serial%d", n + 1);
		err = dt_serial_uart(a, CB_UART_PL011, alias, n + 1, &u);
		CHECK(err == e2 && u.kind == r.kind && (err || u.base == r.base),
		      "pl011 %d: %d/%d", n, err, e2);
	}
	end();

	begin("psci conduit and root compatible match");
	/* the root child the binding names "psci", whatever its compatible */
	n = dt_path_offset(a, "/psci");
	CHECK(dt_psci_conduit(a) == DT_PSCI_HVC, "hvc");
	fdt_setprop_string(a, n, "method", "smc");
	CHECK(dt_psci_conduit(a) == DT_PSCI_SMC, "smc");
	fdt_setprop_string(a, n, "method", "svc");
	CHECK(dt_psci_conduit(a) == DT_PSCI_NONE, "unknown method");
	fdt_setprop(a, n, "method", "hvc", 3);
	CHECK(dt_psci_conduit(a) == ref_psci_conduit(a), "unterminated: as strcmp on the padding");
	fdt_setprop(a, n, "method", "hv", 3);
	CHECK(dt_psci_conduit(a) == DT_PSCI_NONE, "\"hv\"");
	fdt_delprop(a, n, "method");
	CHECK(dt_psci_conduit(a) == DT_PSCI_NONE, "no method");
	fdt_setprop_string(a, n, "method", "hvc");
	fdt_set_name(a, n, "psci@0");
	CHECK(dt_psci_conduit(a) == DT_PSCI_HVC, "psci@0");
	fdt_set_name(a, n, "firmware");
	CHECK(dt_psci_conduit(a) == DT_PSCI_NONE && ref_psci_conduit(a) == DT_PSCI_NONE,
	      "another name");
	{
		void *bd = opened(fdt, fdt_totalsize(fdt) + 256);
		static const char l1[] = "acme,board-v3\0acme,board";
		static const char l2[] = "acme,board-v2";
		static const char l3[] = "other\0acme,board-v2x";
		static const char l4[] = "x\0acme,board";	/* no final NUL below */

		fdt_setprop(bd, 0, "compatible", l1, sizeof(l1));
		CHECK(dt_root_compatible_match(a, bd) == 1, "second string");
		fdt_setprop(bd, 0, "compatible", l2, sizeof(l2));
		CHECK(dt_root_compatible_match(a, bd) == 0, "first string");
		fdt_setprop(bd, 0, "compatible", l3, sizeof(l3));
		CHECK(dt_root_compatible_match(a, bd) == DT_ERR_NOTFOUND, "none");
		fdt_setprop(bd, 0, "compatible", l4, sizeof(l4) - 1);
		CHECK(dt_root_compatible_match(a, bd) == DT_ERR_NOTFOUND,
		      "unterminated last string never matches");
		fdt_delprop(bd, 0, "compatible");
		CHECK(dt_root_compatible_match(a, bd) == DT_ERR_NOTFOUND &&
		      dt_root_compatible_match(bd, a) == DT_ERR_NOTFOUND, "no compatible");
		free(bd);
	}
	end();
	free(a);
}

/* ---- malformed blobs ---- */

enum where { HDR, STRUCT_OFF, PROP0, NODE1 };

/* Each entry patches one word of a valid blob and names the check it hits. */
static const struct bad {
	const char *what;
	enum where at;		/* HDR: header byte offset; else a structure place */
	int off;		/* byte offset from there */
	uint32_t val;
	int err;
} bad[] = {
	{ "magic", HDR, 0, 0xd00dfeee, DT_ERR_BADMAGIC },		/* magic */
	{ "version 15", HDR, 20, 15, DT_ERR_BADVERSION },		/* version >= 16 */
	{ "last_comp 18", HDR, 24, 18, DT_ERR_BADVERSION },		/* last_comp <= 17 */
	{ "version 16", HDR, 20, 16, DT_ERR_BADVERSION },		/* version >= 17 */
	{ "totalsize > buffer", HDR, 4, 0x10000, DT_ERR_TRUNCATED },	/* totalsize <= max_size */
	{ "totalsize < header", HDR, 4, 39, DT_ERR_TRUNCATED },		/* totalsize >= header */
	{ "totalsize 2 GiB", HDR, 4, 0x80000000, DT_ERR_TRUNCATED },	/* INT32_MAX (max huge) */
	{ "rsvmap in header", HDR, 16, 8, DT_ERR_BADLAYOUT },		/* blocks after the header */
	{ "rsvmap misaligned", HDR, 16, 42, DT_ERR_BADLAYOUT },		/* 4-aligned map */
	{ "struct misaligned", HDR, 8, 0x3a, DT_ERR_BADLAYOUT },	/* 4-aligned structure */
	{ "struct in header", HDR, 8, 0x20, DT_ERR_BADLAYOUT },		/* blocks after the header */
	{ "strings in header", HDR, 12, 0, DT_ERR_BADLAYOUT },		/* blocks after the header */
	{ "struct past end", HDR, 8, 0x10000, DT_ERR_BADLAYOUT },	/* structure before strings */
	{ "strings past end", HDR, 12, 0x10000, DT_ERR_TRUNCATED },	/* strings inside totalsize */
	{ "strings too long", HDR, 32, 0x10000, DT_ERR_TRUNCATED },	/* strings inside totalsize */
	{ "struct too long", HDR, 36, 0x10000, DT_ERR_BADLAYOUT },	/* structure before strings */
	{ "struct size odd", HDR, 36, 0x41, DT_ERR_BADLAYOUT },		/* size multiple of 4 */
	{ "map after struct", HDR, 16, 0x50, DT_ERR_BADLAYOUT },	/* map before structure */
	{ "map unterminated", HDR, 0x44, 1, DT_ERR_BADLAYOUT },		/* size 0 entry before structure */
	{ "map over struct", HDR, 8, 0x30, DT_ERR_BADLAYOUT },		/* size 0 entry before structure */
	{ "strings over struct", HDR, 12, 0x40, DT_ERR_BADLAYOUT },	/* strings after structure */
	{ "root not first", STRUCT_OFF, 0, 4, DT_ERR_BADSTRUCTURE },	/* root at offset 0 */
	{ "root named", STRUCT_OFF, 4, 0x61000000, DT_ERR_BADSTRUCTURE }, /* root name "" */
	{ "unknown tag", PROP0, 0, 5, DT_ERR_BADSTRUCTURE },		/* tag 1..4 or 9 */
	{ "tag 0", PROP0, 0, 0, DT_ERR_BADSTRUCTURE },			/* tag 1..4 or 9 */
	{ "prop length huge", PROP0, 4, 0x7ffffff0, DT_ERR_TRUNCATED },	/* value inside block */
	{ "prop length -1", PROP0, 4, 0xffffffff, DT_ERR_TRUNCATED },	/* value inside block */
	{ "prop name outside", PROP0, 8, 0x10000, DT_ERR_TRUNCATED },	/* name inside strings */
	{ "prop name at end", PROP0, 8, 0xffffffff, DT_ERR_TRUNCATED },	/* name inside strings */
	{ "END inside root", NODE1, 0, 9, DT_ERR_BADSTRUCTURE },	/* nesting at FDT_END */
	{ "END_NODE too many", NODE1, 0, 2, DT_ERR_BADSTRUCTURE },	/* extra END_NODE (root closed, then a prop) */
	{ "name unterminated", NODE1, 4, 0x41414141, DT_ERR_TRUNCATED },	/* name runs to the end (patched below) */
};

static const char small_dts[] =
	"/dts-v1/;\n/memreserve/ 0x1000 0x1000;\n"
	"/ { a = <1>; n { b = \"x\"; }; m { }; };\n";

static void test_malformed(void)
{
	size_t size;
	char *good = dtc_compile(small_dts, &size);
	uint32_t st = fdt_off_dt_struct(good);
	int prop0 = fdt_first_property_offset(good, 0), node1 = fdt_first_subnode(good, 0);

	begin("malformed: each check of dt_check");
	CHECK(!dt_check(good, size), "the base blob is valid");
	CHECK(fdt_off_dt_struct(good) == 0x48 && fdt_size_dt_struct(good) == 0x48,
	      "layout as the table expects (struct %#x + %#x)", st,
	      fdt_size_dt_struct(good));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *p = dup_exact(good, size);
		size_t max = size;
		uint32_t at = bad[i].at == HDR ? 0 : st;
		int err;

		at += bad[i].at == PROP0 ? prop0 : bad[i].at == NODE1 ? node1 : 0;
		*(uint32_t *)(p + at + bad[i].off) = cpu_to_fdt32(bad[i].val);
		if (!strcmp(bad[i].what, "totalsize 2 GiB"))
			max = 0xffffffffu;
		if (!strcmp(bad[i].what, "END_NODE too many")) {
			/* close the root early: "n" becomes a property outside */
			*(uint32_t *)(p + st + node1) = cpu_to_fdt32(2);
			*(uint32_t *)(p + st + node1 + 4) = cpu_to_fdt32(3);
		}
		if (!strcmp(bad[i].what, "name unterminated"))
			memset(p + st + node1 + 4, 'A', fdt_size_dt_struct(p) - node1 - 4);
		err = dt_check(p, max);
		CHECK(err == bad[i].err, "%s: %d (%s), expected %s", bad[i].what, err,
		      dt_strerror(err), dt_strerror(bad[i].err));
		free(p);
	}
	CHECK(dt_check(good + 0, 39) == DT_ERR_TRUNCATED, "buffer < header");
	{
		char *q = malloc(size + 4);

		memcpy(q + 2, good, size);
		CHECK(dt_check(q + 2, size) == DT_ERR_ALIGNMENT, "misaligned blob");
		free(q);
	}
	end();

	begin("truncation: every length, both bound and totalsize");
	for (size_t len = 0; len < size; len++) {
		char *p = dup_exact(good, len ? len : 1);
		int e1 = dt_check(p, len), e2;

		if (len >= 40)
			fdt_set_totalsize(p, len);
		e2 = len >= 40 ? dt_check(p, len) : DT_ERR_TRUNCATED;
		CHECK(e1 == DT_ERR_TRUNCATED, "bound %zu: %d", len, e1);
		CHECK(e2 < 0, "totalsize %zu accepted", len);
		free(p);
	}
	end();
	free(good);
}

/* Random corruption: dt_check must never read out of bounds and must
 * never accept what libfdt's full check rejects; whatever it accepts,
 * every reader and fix-up must handle. */
static void fuzz_one(const char *base, size_t size, uint32_t *seed, int *accepted)
{
	char *p = dup_exact(base, size);
	int flips = 1 + (*seed >> 8) % 4;
	struct dt_region r[16];
	struct dt_uart u;
	int n;

	for (int i = 0; i < flips; i++) {
		*seed = *seed * 1103515245 + 12345;
		p[(*seed >> 4) % size] ^= 1 << ((*seed >> 24) & 7);
	}
	if (dt_check(p, size) == 0) {
		int big = size + 512;
		char *q = calloc(1, big);

		++*accepted;
		CHECK(fdt_check_full(p, size) == 0, "accepted what libfdt rejects");
		dt_memory(p, r, 16, &n);
		dt_memreserve(p, r, 16, &n);
		dt_stdout_uart(p, &u);
		dt_serial_uart(p, CB_UART_PL011, "serial0", 0, &u);
		dt_serial_uart(p, CB_UART_8250_MMIO, "serial9", 1, &u);
		dt_psci_conduit(p);
		dt_root_compatible_match(p, p);
		for (n = 0; n >= 0; n = fdt_next_node(p, n, NULL))
			dt_getprop(p, n, "compatible", &flips);
		if (dt_open_into(p, q, big) == 0) {
			dt_set_chosen(q, "console=ttyS0", 0x1000, 0x2000);
			CHECK(dt_check(q, big) == 0, "fix-ups broke an accepted tree");
		}
		free(q);
	}
	free(p);
}

static void test_fuzz(void)
{
	size_t s1, s2;
	char *small = dtc_compile(board_dts, &s1);
	char path[4200];
	char *real;
	uint32_t seed = 1;
	int accepted = 0;

	snprintf(path, sizeof(path), "%s/vexpress-v2p-ca15-tc1.dtb", dtb_dir());
	real = read_file(path, &s2, 0);
	begin("corruption: 30000 random bit flips");
	for (int i = 0; i < 20000; i++)
		fuzz_one(small, s1, &seed, &accepted);
	for (int i = 0; real && i < 10000; i++)
		fuzz_one(real, s2, &seed, &accepted);
	CHECK(accepted > 1000, "only %d mutants accepted", accepted);
	if (!case_failed)
		printf("PASS: %s (%d accepted)\n", case_name, accepted), case_failed = 1;
	end();
	free(small);
	free(real);
}

int main(void)
{
	size_t size;
	void *fdt = dtc_compile(board_dts, &size);

	if (!fdt) {
		printf("SKIP: dt: dtc not available\n");
		return 0;
	}
	begin("check: dtc output");
	CHECK(dt_check(fdt, size) == 0, "dt_check: %s", dt_strerror(dt_check(fdt, size)));
	CHECK(dt_totalsize(fdt) == size, "totalsize");
	end();
	test_reads(fdt);
	test_cells(fdt);
	test_writers(fdt);
	test_layouts(fdt);
	test_chosen(fdt);
	test_queries(fdt);
	test_malformed();
	test_fuzz();
	free(fdt);
	return failures != 0;
}
