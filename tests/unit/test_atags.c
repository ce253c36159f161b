/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of stub/atags.c: parsing generated ATAG lists, a table of
 * malformed lists, truncation at every length, and atags_to_dt() compared
 * byte for byte with the same conversion written on libfdt, on a dtc-made
 * tree and on every Debian ARM DTB.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <libfdt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atags.h"
#include "dt_internal.h"
#include "dt_ref.h"

#include "case_check.h"

/* ---- list builder ---- */

struct list {
	uint32_t w[512];
	int n;
};

static void tag(struct list *l, uint32_t t, int words, ...)
{
	va_list ap;

	l->w[l->n++] = words + 2;
	l->w[l->n++] = t;
	va_start(ap, words);
	for (int i = 0; i < words; i++)
		l->w[l->n++] = va_arg(ap, uint32_t);
	va_end(ap);
}

static void cmdline(struct list *l, const char *s)
{
	int words = (strlen(s) + 4) / 4;

	l->w[l->n++] = words + 2;
	l->w[l->n++] = ATAG_CMDLINE;
	memset(&l->w[l->n], 0, words * 4);
	memcpy(&l->w[l->n], s, strlen(s));
	l->n += words;
}

static void core(struct list *l)
{
	l->n = 0;
	tag(l, ATAG_CORE, 3, 1u, 4096u, 0u);
}

static void none(struct list *l)
{
	tag(l, ATAG_NONE, -2);	/* size 0 */
}

/* A full list, as an old U-Boot passes it. */
static void sample(struct list *l)
{
	core(l);
	tag(l, ATAG_MEM, 2, 0x10000000u, 0x80000000u);
	tag(l, ATAG_MEM, 2, 0u, 0x90000000u);		/* empty bank: skipped */
	tag(l, ATAG_MEM, 2, 0x08000000u, 0xa0000000u);
	tag(l, 0x54410008, 6, 1u, 2u, 3u, 4u, 5u, 6u);	/* VIDEOLFB: ignored */
	cmdline(l, "console=ttyS0,115200 root=/dev/mmcblk0p2");
	tag(l, ATAG_INITRD2, 2, 0x82000000u, 0x00400000u);
	tag(l, ATAG_SERIAL, 2, 0x89abcdefu, 0x01234567u);
	none(l);
}

/* Exact-size copy for ASan. */
static void *dup_exact(const void *p, size_t n)
{
	void *q = malloc(n ? n : 1);

	memcpy(q, p, n);
	return q;
}

static int parse(const struct list *l, size_t bytes, struct atag_info *ai)
{
	void *p = dup_exact(l->w, bytes);
	int err = atags_parse(p, bytes, ai);

	free(p);
	return err;
}

static void test_parse(void)
{
	struct list l;
	struct atag_info ai;
	int err;

	begin("parse: a full list");
	sample(&l);
	err = atags_parse(l.w, l.n * 4, &ai);
	CHECK(!err, "err %d", err);
	CHECK(ai.nmem == 2 && ai.mem[0].start == 0x80000000 && ai.mem[0].size == 0x10000000 &&
	      ai.mem[1].start == 0xa0000000 && ai.mem[1].size == 0x08000000, "banks");
	CHECK(ai.cmdline && !strcmp(ai.cmdline, "console=ttyS0,115200 root=/dev/mmcblk0p2") &&
	      ai.cmdline_len == strlen(ai.cmdline), "cmdline");
	CHECK(ai.have_serial && ai.serial[1] == 0x89abcdef && ai.serial[0] == 0x01234567,
	      "serial");
	end();

	begin("parse: minimal lists and limits");
	l.n = 0;
	tag(&l, ATAG_CORE, 0);
	none(&l);
	CHECK(!atags_parse(l.w, l.n * 4, &ai) && !ai.cmdline && !ai.nmem && !ai.have_serial,
	      "CORE of size 2, nothing else");
	l.n = 0;
	tag(&l, ATAG_CORE, 0);
	tag(&l, ATAG_NONE, 0);		/* ATAG_NONE with size 2 ends it too */
	CHECK(!atags_parse(l.w, l.n * 4, &ai), "NONE of size 2");
	core(&l);
	for (uint32_t i = 0; i < 12; i++)
		tag(&l, ATAG_MEM, 2, 0x1000u, 0x1000u * (i + 1));
	none(&l);
	CHECK(!atags_parse(l.w, l.n * 4, &ai) && ai.nmem == ATAG_MAX_MEM &&
	      ai.mem[7].start == 0x8000, "banks past the eighth ignored");
	core(&l);
	cmdline(&l, "first");
	tag(&l, ATAG_SERIAL, 2, 1u, 2u);
	tag(&l, ATAG_SERIAL, 2, 3u, 4u);
	cmdline(&l, "");
	none(&l);
	CHECK(!atags_parse(l.w, l.n * 4, &ai) && ai.serial[0] == 4 && ai.serial[1] == 3 &&
	      ai.cmdline && ai.cmdline_len == 0, "last serial and (empty) cmdline win");
	core(&l);
	tag(&l, 0x12345678, 0);
	l.w[l.n++] = 0;		/* size 0 ends the list whatever the tag */
	l.w[l.n++] = 0x54410009;
	CHECK(!atags_parse(l.w, l.n * 4, &ai) && !ai.cmdline, "size 0 ends");
	end();
}

/* Each entry makes one list broken in one way; the comment names the check. */
static void test_malformed(void)
{
	static const struct {
		const char *what;
		int err;
	} t[] = {
		{ "not ATAG_CORE first", DT_ERR_BADMAGIC },	/* first tag */
		{ "CORE of size 3", DT_ERR_BADMAGIC },		/* CORE size 2 or 5 */
		{ "a DTB", DT_ERR_BADMAGIC },			/* first tag */
		{ "tag of size 1", DT_ERR_BADVALUE },		/* size >= 2 */
		{ "tag past the bound", DT_ERR_TRUNCATED },	/* size inside max_size */
		{ "no ATAG_NONE", DT_ERR_TRUNCATED },		/* end inside max_size */
		{ "huge size", DT_ERR_TRUNCATED },		/* size * 4 overflow */
		{ "cmdline without NUL", DT_ERR_BADVALUE },	/* NUL inside the tag */
		{ "MEM of 1 word", DT_ERR_BADVALUE },		/* known tag length */
		{ "INITRD2 of 1 word", 0 },			/* skipped: the blob has its own */
		{ "SERIAL of 0 words", DT_ERR_BADVALUE },	/* known tag length */
		{ "SERIAL of 1 word", DT_ERR_BADVALUE },	/* known tag length */
		{ "misaligned", DT_ERR_ALIGNMENT },		/* 4-aligned list */
		{ "bound < 8", DT_ERR_TRUNCATED },		/* a header to read */
	};
	struct list l;
	struct atag_info ai;

	begin("malformed lists: each check");
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		size_t bytes;
		int err, shift = 0;

		core(&l);
		switch (i) {
		case 0: l.w[1] = ATAG_MEM; break;
		case 1: l.n = 0; tag(&l, ATAG_CORE, 1, 0u); break;
		case 2: l.w[0] = 0xedfe0dd0; l.w[1] = 0x1000; break;
		case 3: l.w[l.n++] = 1; l.w[l.n++] = ATAG_MEM; break;
		case 4: tag(&l, ATAG_MEM, 2, 1u, 2u); l.w[l.n - 4] = 40; break;
		case 5: tag(&l, ATAG_MEM, 2, 1u, 2u); break;
		case 6: l.w[l.n++] = 0x40000001; l.w[l.n++] = ATAG_MEM; break;
		case 7: tag(&l, ATAG_CMDLINE, 2, 0x41414141u, 0x41414141u); break;
		case 8: tag(&l, ATAG_MEM, 1, 1u); break;
		case 9: tag(&l, ATAG_INITRD2, 1, 1u); break;
		case 10: tag(&l, ATAG_SERIAL, 0); break;
		case 11: tag(&l, ATAG_SERIAL, 1, 1u); break;
		case 12: shift = 2; break;
		case 13: break;
		}
		if (i != 5 && i != 4 && i != 6)
			none(&l);
		bytes = i == 13 ? 7 : l.n * 4;
		{
			char *p = malloc(bytes + shift);

			memcpy(p + shift, l.w, bytes);
			err = atags_parse(p + shift, bytes, &ai);
			free(p);
		}
		CHECK(err == t[i].err, "%s: %d (%s), expected %s", t[i].what, err,
		      dt_strerror(err), dt_strerror(t[i].err));
	}
	end();

	begin("truncation: every length of a full list");
	sample(&l);
	for (size_t len = 0; len < (size_t)l.n * 4; len++) {
		int err = parse(&l, len, &ai);

		CHECK(err == DT_ERR_TRUNCATED, "length %zu: %d", len, err);
	}
	CHECK(parse(&l, l.n * 4, &ai) == 0, "whole list");
	end();
}

/* atags_to_dt() again, on libfdt. */
static int ref_atags_to_dt(const struct atag_info *ai, void *fdt)
{
	int node, err = 0, ac, sc;
	fdt32_t reg[ATAG_MAX_MEM * 4];
	int n = 0;

	if (ai->have_serial) {
		char s[32];

		snprintf(s, sizeof(s), "%08X%08X", ai->serial[0], ai->serial[1]);
		err = ref_setprop(fdt, 0, "serial-number", s, strlen(s) + 1);
	}
	if (err || !ai->nmem)
		return err;
	ac = fdt_address_cells(fdt, 0);
	sc = fdt_size_cells(fdt, 0);
	if (ac < 1 || ac > 2 || sc < 1 || sc > 2)
		return -FDT_ERR_BADNCELLS;
	for (uint32_t i = 0; i < ai->nmem; i++) {
		if (ac == 2)
			reg[n++] = 0;
		reg[n++] = cpu_to_fdt32(ai->mem[i].start);
		if (sc == 2)
			reg[n++] = 0;
		reg[n++] = cpu_to_fdt32(ai->mem[i].size);
	}
	node = fdt_subnode_offset(fdt, 0, "memory");
	if (node == -FDT_ERR_NOTFOUND)
		node = fdt_add_subnode(fdt, 0, "memory");
	if (node < 0)
		return node;
	err = ref_setprop(fdt, node, "device_type", "memory", 7);
	return err ? err : ref_setprop(fdt, node, "reg", reg, n * 4);
}

/* Both conversions on copies of @fdt opened with @room free bytes. */
static int convert_both(const char *what, const void *fdt, const struct atag_info *ai,
			int room, int want)
{
	int size = fdt_totalsize(fdt) + room;
	void *a = calloc(1, size), *b = calloc(1, size);
	int e1, e2, ok = 1;

	dt_open_into(fdt, a, size);
	fdt_open_into(fdt, b, size);
	e1 = atags_to_dt(ai, a);
	e2 = ref_atags_to_dt(ai, b);
	if (e1 != e2 || (want != 1 && e1 != want) || !same_bytes(a, b)) {
		CHECK(0, "%s: %d vs libfdt %d, bytes %s", what, e1, e2,
		      same_bytes(a, b) ? "equal" : "differ");
		ok = 0;
	}
	if (!e1 && dt_check(a, size)) {
		CHECK(0, "%s: result fails dt_check", what);
		ok = 0;
	}
	free(a);
	free(b);
	return ok;
}

static const char board_dts[] =
	"/dts-v1/;\n/ { #address-cells = <1>; #size-cells = <1>;\n"
	"	chosen { bootargs = \"dtb args\"; stdout-path = \"/uart\"; };\n"
	"	memory@0 { device_type = \"memory\"; reg = <0 0x1000>; };\n"
	"	uart { };\n};\n";
static const char bare_dts[] =
	"/dts-v1/;\n/ { #address-cells = <2>; #size-cells = <2>; cpus { }; };\n";

static void test_to_dt(void)
{
	struct list l;
	struct atag_info ai;
	size_t s1, s2;
	void *board = dtc_compile(board_dts, &s1), *bare = dtc_compile(bare_dts, &s2);
	int size, len;
	char *a;
	const char *p;
	struct dt_region r[8];

	begin("to_dt: values as Linux's ATAG_DTB_COMPAT writes them");
	sample(&l);
	atags_parse(l.w, l.n * 4, &ai);
	size = s1 + 512;
	a = calloc(1, size);
	CHECK(board && !dt_open_into(board, a, size) && !atags_to_dt(&ai, a), "convert");
	/* /chosen is dt_set_chosen()'s: the stub passes the ATAG command line
	 * to it, and its own initrd */
	p = dt_getprop(a, dt_path_offset(a, "/chosen"), "bootargs", &len);
	CHECK(p && !strcmp(p, "dtb args"), "bootargs left to dt_set_chosen()");
	CHECK(!dt_getprop(a, dt_path_offset(a, "/chosen"), "linux,initrd-end", &len),
	      "no initrd from ATAG_INITRD2");
	p = dt_getprop(a, 0, "serial-number", &len);
	CHECK(p && !strcmp(p, "0123456789ABCDEF"), "serial-number %s", p ? p : "-");
	CHECK(!dt_memory(a, r, 8, &len) && len == 2 && r[0].base == 0x80000000 &&
	      r[0].size == 0x10000000 && r[1].base == 0xa0000000, "memory banks");
	free(a);
	end();

	begin("to_dt: byte-identical to the libfdt version");
	convert_both("board", board, &ai, 512, 0);
	convert_both("bare (2+2 cells, no memory)", bare, &ai, 512, 0);
	convert_both("no room", board, &ai, 16, DT_ERR_NOSPACE);
	memset(&ai, 0, sizeof(ai));
	convert_both("empty info", board, &ai, 0, 0);
	l.n = 0;
	tag(&l, ATAG_CORE, 0);
	tag(&l, ATAG_MEM, 2, 0x1000u, 0x2000u);
	none(&l);
	atags_parse(l.w, l.n * 4, &ai);
	convert_both("memory only, packed tree", bare, &ai, 0, DT_ERR_NOSPACE);
	convert_both("memory only", bare, &ai, 128, 0);
	{
		/* root cells Linux could not use either */
		int sz = s2 + 256;
		char *t = calloc(1, sz);

		dt_open_into(bare, t, sz);
		fdt_setprop_u32(t, 0, "#size-cells", 3);
		CHECK(atags_to_dt(&ai, t) == DT_ERR_BADNCELLS, "3 size cells");
		free(t);
	}
	end();

	begin("to_dt + set_chosen: the stub's ATAG flow");
	{
		/* arch_prepare_params(): atags_to_dt(), then dt_set_chosen() with
		 * the command line stub_cmdline() made from ATAG_CMDLINE and the
		 * blob's own initrd; libfdt does the same on a copy */
		char *b;

		sample(&l);
		atags_parse(l.w, l.n * 4, &ai);
		size = s1 + 512;
		a = calloc(1, size);
		b = calloc(1, size);
		CHECK(!dt_open_into(board, a, size) && !fdt_open_into(board, b, size), "open");
		CHECK(!atags_to_dt(&ai, a) && !dt_set_chosen(a, ai.cmdline, 0x48000000, 0x48100000),
		      "ours");
		CHECK(!ref_atags_to_dt(&ai, b) &&
		      !ref_set_chosen(b, ai.cmdline, 0x48000000, 0x48100000), "libfdt's");
		CHECK(same_bytes(a, b) && !dt_check(a, size), "same bytes, valid");
		p = dt_getprop(a, dt_path_offset(a, "/chosen"), "bootargs", &len);
		CHECK(p && !strcmp(p, ai.cmdline), "bootargs = ATAG_CMDLINE");
		p = dt_getprop(a, dt_path_offset(a, "/chosen"), "linux,initrd-start", &len);
		CHECK(p && len == 4 && dt_ld32(p) == 0x48000000, "the blob's initrd, not ATAG_INITRD2's");
		CHECK(!dt_memory(a, r, 8, &len) && len == 2 && r[1].base == 0xa0000000 &&
		      r[1].size == 0x08000000, "memory = ATAG_MEM banks");
		free(a);
		free(b);
	}
	end();

	begin("to_dt: every Debian DTB");
	{
		const char *dir = dtb_dir();
		struct dirent **list;
		int n = scandir(dir, &list, NULL, alphasort), done = 0;
		char path[4400];

		sample(&l);
		atags_parse(l.w, l.n * 4, &ai);
		for (int i = 0; i < n; i++) {
			size_t sz, nl = strlen(list[i]->d_name);
			void *fdt;

			if (nl > 4 && !strcmp(list[i]->d_name + nl - 4, ".dtb")) {
				snprintf(path, sizeof(path), "%s/%s", dir, list[i]->d_name);
				fdt = read_file(path, &sz, 0);
				if (fdt && !dt_check(fdt, sz))
					done += convert_both(list[i]->d_name, fdt, &ai, 1024, 1);
				free(fdt);
			}
			free(list[i]);
		}
		if (n > 0)
			free(list);
		if (done == 0 && !case_failed) {
			printf("SKIP: %s: no DTBs in %s\n", case_name, dir);
			case_failed = 1;
		} else if (!case_failed) {
			printf("PASS: %s (%d DTBs)\n", case_name, done);
			case_failed = 1;
		}
	}
	end();
	free(board);
	free(bare);
}

int main(void)
{
	test_parse();
	test_malformed();
	test_to_dt();
	return failures != 0;
}
