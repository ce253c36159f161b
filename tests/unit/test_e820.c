/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The multiboot mmap and zero-page table to e820 table copiers, on generated maps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "e820.h"

static int failed;

static void result(const char *name, const char *why)
{
	if (why) {
		printf("FAIL: %s: %s\n", name, why);
		failed = 1;
	} else {
		printf("PASS: %s\n", name);
	}
}

/* Append one multiboot mmap entry with size field @esz (up to 40: bytes past 20 zeroed). */
static uint32_t put(uint8_t *m, uint32_t off, uint32_t esz, uint64_t a, uint64_t l, uint32_t t)
{
	memcpy(m + off, &esz, 4);
	memcpy(m + off + 4, &a, 8);
	memcpy(m + off + 12, &l, 8);
	memcpy(m + off + 20, &t, 4);
	if (esz > 20 && esz <= 40)
		memset(m + off + 24, 0, esz - 20);
	return off + esz + 4;
}

/* A multiboot mmap of @n entries into @m, size field 20 or, with @esz, esz[i]. */
static uint32_t to_mmap(uint8_t *m, const struct e820_entry *e, unsigned int n,
			const uint32_t *esz)
{
	uint32_t off = 0;
	unsigned int i;

	for (i = 0; i < n; i++)
		off = put(m, off, esz ? esz[i] : 20, e[i].addr, e[i].size, e[i].type);
	return off;
}

/* A table with exactly the room e820_from_mmap may use: ASan sees overruns. */
static struct e820_entry *new_table(void)
{
	return malloc(E820_MAX_ENTRIES * sizeof(struct e820_entry));
}

/* e820_from_mmap on a copy of the @len bytes at @m, exactly that size: ASan
 * sees reads past the map. */
static unsigned int from(struct e820_entry *out, const uint8_t *m, uint32_t len,
			 unsigned int *d)
{
	uint8_t *c = malloc(len ? len : 1);
	unsigned int n;

	memcpy(c, m, len);
	n = e820_from_mmap(out, c, len, d);
	free(c);
	return n;
}

/*
 * The contract, written plainly: the first of the @k inputs that are neither
 * empty nor reaching 2^64 (an end of exactly 2^64 counts as wrapping), in order, at most E820_MAX_ENTRIES of them; the
 * rest of those counted in *@dropped.
 */
static unsigned int model(struct e820_entry *want, const struct e820_entry *in,
			  unsigned int k, unsigned int *dropped)
{
	unsigned int i, n = 0;

	*dropped = 0;
	for (i = 0; i < k; i++) {
		if (!in[i].size || (unsigned __int128)in[i].addr + in[i].size >=
				   (unsigned __int128)1 << 64)
			continue;
		if (n == E820_MAX_ENTRIES)
			(*dropped)++;
		else
			want[n++] = in[i];
	}
	return n;
}

/* Does the table (@n, @d) match the model of @in? */
static const char *check(const struct e820_entry *o, unsigned int n, unsigned int d,
			 const struct e820_entry *in, unsigned int k)
{
	static struct e820_entry want[E820_MAX_ENTRIES];
	unsigned int wn, wd, i;

	wn = model(want, in, k, &wd);
	if (n != wn)
		return "wrong count";
	if (d != wd)
		return "wrong dropped count";
	for (i = 0; i < n; i++) {
		if (o[i].addr != want[i].addr || o[i].size != want[i].size)
			return "an entry moved, changed or is missing (order not kept?)";
		if (o[i].type != want[i].type)
			return "wrong type";
	}
	return NULL;
}

/* Map @in with size fields @esz (or 20), run it, check it against the model. */
static const char *run(const struct e820_entry *in, unsigned int k, const uint32_t *esz)
{
	static uint8_t m[400 * 64];
	struct e820_entry *out = new_table();
	unsigned int n, d;
	const char *why;

	n = from(out, m, to_mmap(m, in, k, esz), &d);
	why = check(out, n, d, in, k);
	free(out);
	return why;
}

static void test_qemu_like(void)
{
	const struct e820_entry in[] = {
		{ 0, 0x9fc00, 1 },
		{ 0x9fc00, 0x400, 2 },
		{ 0xf0000, 0x10000, 2 },
		{ 0x100000, 0xbfee0000 - 0x100000, 1 },
		{ 0x100000000ull, 0x40000000, 1 },	/* > 4 GiB kept */
	};

	result("qemu-like map", run(in, 5, NULL));
}

static void test_unsorted_overlapping(void)
{
	const struct e820_entry in[] = {
		{ 0x200000, 0x100000, 1 },
		{ 0, 0x9f000, 1 },
		{ 0x100000, 0x180000, 1 },	/* overlaps the first: kept as is */
		{ 0x280000, 0, 1 },		/* zero length: skipped */
		{ 0xe0000, 0x20000, 2 },	/* other type */
		{ 0x300000, 0x1000, 1 },	/* touches: kept apart */
		{ 0xfffffffffffff000ull, 0x2000, 1 },	/* wraps past 2^64: skipped */
		{ 0xfffffffffffff000ull, 0x1000, 2 },	/* ends exactly at 2^64: skipped too */
		{ 0x150000, 0x10000, 2 },	/* inside RAM, other type: kept */
	};
	struct e820_entry *out = new_table();
	uint8_t m[sizeof(in) / sizeof(in[0]) * 24];
	unsigned int n, d;

	n = e820_from_mmap(out, m, to_mmap(m, in, 9, NULL), &d);
	result("unsorted, overlapping, touching, empty, wrapping",
	       n != 6 || d ? "wrong count" :
	       out[0].addr != 0x200000 || out[1].addr != 0 || out[2].addr != 0x100000 ||
	       out[3].addr != 0xe0000 || out[4].addr != 0x300000 ||
	       out[5].addr != 0x150000 || out[5].type != 2 ? "order not kept" :
	       check(out, n, d, in, 9));
	free(out);
}

static void test_many(void)
{
	struct e820_entry in[300], *out = new_table();
	static uint8_t m[300 * 24];
	unsigned int i, n, d;

	/* 300 separated RAM/reserved entries in reverse order: the first 128 stay. */
	for (i = 0; i < 300; i++)
		in[i] = (struct e820_entry){ (uint64_t)(299 - i) * 0x2000, 0x1000, 1 + (i & 1) };
	n = e820_from_mmap(out, m, to_mmap(m, in, 300, NULL), &d);
	result("more than 128 entries", n != E820_MAX_ENTRIES ? "not 128 kept" :
	       d != 300 - E820_MAX_ENTRIES ? "wrong dropped count" :
	       out[0].addr != 299 * 0x2000 || out[127].addr != 172 * 0x2000 ?
	       "not the first 128 in order" : check(out, n, d, in, 300));
	/* Exactly 128, then 129. */
	n = e820_from_mmap(out, m, to_mmap(m, in, 128, NULL), &d);
	result("exactly 128 entries", n != 128 || d ? "count or dropped wrong" :
	       check(out, n, d, in, 128));
	n = e820_from_mmap(out, m, to_mmap(m, in, 129, NULL), &d);
	result("129 entries", n != 128 || d != 1 ? "count or dropped wrong" :
	       check(out, n, d, in, 129));
	/* 300 touching RAM entries: no merging, 172 dropped. */
	for (i = 0; i < 300; i++)
		in[i] = (struct e820_entry){ (uint64_t)i * 0x1000, 0x1000, 1 };
	n = e820_from_mmap(out, m, to_mmap(m, in, 300, NULL), &d);
	result("300 touching entries", n != 128 || d != 172 ? "count or dropped wrong" :
	       check(out, n, d, in, 300));
	/* Empty, wrapping and ending-at-2^64 ones among them (and i = 0: empty)
	 * are skipped, not counted as dropped. */
	for (i = 0; i < 300; i += 3)
		in[i].size = i % 2 ? 0 : 0 - in[i].addr + 0x1000 * (i % 4 / 2);
	n = e820_from_mmap(out, m, to_mmap(m, in, 300, NULL), &d);
	result("skipped entries beyond 128", n != 128 || d != 200 - 128 ?
	       "count or dropped wrong" : check(out, n, d, in, 300));
	free(out);
}

/* An address, length and type, with empty and wrapping entries now and then. */
static struct e820_entry random_entry(void)
{
	uint64_t a = (uint64_t)(rand() % 4096) << 20, l = (uint64_t)(rand() % 64) << 20;

	if (rand() % 4 == 0)
		a += 0x100000000ull;
	if (rand() % 16 == 0)
		a = 0 - ((uint64_t)(1 + rand() % 4) << 20);	/* near 2^64: fits, ends there, wraps */
	if (rand() % 16 == 0)
		l = 0;
	return (struct e820_entry){ a, l, 1 + (uint32_t)(rand() % 5) };
}

static void test_random(void)
{
	struct e820_entry in[300];
	uint32_t esz[300];
	unsigned int seed, i;
	const char *why = NULL;

	srand(1);
	for (seed = 0; seed < 2000 && !why; seed++) {
		unsigned int k = 1 + (unsigned int)rand() % (seed % 8 ? 64 : 300);

		for (i = 0; i < k; i++) {
			in[i] = random_entry();
			esz[i] = 20 + (seed % 2 ? (uint32_t)(rand() % 21) : 0);	/* odd sizes too */
		}
		why = run(in, k, esz);
	}
	result("random maps (2000), entry sizes 20..40", why);
}

static void test_malformed(void)
{
	uint8_t m[256];
	struct e820_entry *out = new_table();
	uint32_t off = 0;
	unsigned int n, d;

	off = put(m, off, 20, 0, 0x9f000, 1);
	off = put(m, off, 24, 0x100000, 0x1000000, 1);	/* larger size field: skipped over */
	off = put(m, off, 21, 0x3000000, 0x1000, 3);	/* odd size: next entry unaligned */
	off = put(m, off, 20, 0x2000000, 0x1000, 2);
	n = from(out, m, off, &d);
	result("entry sizes 24 and 21", n != 4 || out[1].addr != 0x100000 ||
	       out[2].addr != 0x3000000 || out[3].addr != 0x2000000 || out[3].type != 2 ?
	       "misread" : NULL);
	/* size < 20: stops at the malformed entry (the size check) */
	off = put(m, 0, 20, 0, 0x9f000, 1);
	off = put(m, off, 19, 0x100000, 0x1000000, 1);
	off = put(m, off, 20, 0x2000000, 0x1000, 1);
	n = from(out, m, off, &d);
	result("entry size 19", n != 1 ? "read past a malformed entry" : NULL);
	/* size running past the length: stops (the length check) */
	put(m, 0, 200, 0, 0x9f000, 1);
	n = from(out, m, 60, &d);
	result("entry past length", n != 0 ? "read past mmap_length" : NULL);
	/* size 0xffffffff: must not wrap the bound (the length check) */
	off = put(m, 0, 20, 0, 0x9f000, 1);
	put(m, off, 0xffffffffu, 0x100000, 0x1000, 1);
	put(m, off + 24, 20, 0x200000, 0x1000, 1);
	n = from(out, m, off + 48, &d);
	result("entry size 0xffffffff", n != 1 ? "size field wrapped the bound" : NULL);
	/* the last entry one byte short: not read (the length check) */
	off = put(m, 0, 20, 0, 0x9f000, 1);
	off = put(m, off, 20, 0x100000, 0x1000, 1);
	n = from(out, m, off - 1, &d);
	result("last entry one byte short", n != 1 ? "read past mmap_length" : NULL);
	/* entry size 22 with 24 bytes left: 2 short (the length check) */
	off = put(m, 0, 20, 0, 0x9f000, 1);
	put(m, off, 22, 0x100000, 0x1000, 1);
	n = from(out, m, off + 24, &d);
	result("entry size 22, 2 bytes short", n != 1 ? "read past mmap_length" : NULL);
	/* truncated tails shorter than an entry: ignored (the loop bound) */
	for (off = 1; off < 24; off++) {
		put(m, 24, 20, 0x100000, 0x1000, 1);
		n = from(out, m, 24 + off, &d);
		if (n != 1)
			break;
	}
	result("truncated tails of 1..23 bytes", off != 24 ? "tail misread" : NULL);
	/* nothing at all */
	n = from(out, m, 0, &d);
	result("empty map", n != 0 || d ? "entries from nothing" : NULL);
	free(out);
}

/*
 * A zero page's table (Linux loaders): e820_from_table over 0..255 entries
 * (e820_entries is a byte) of a table that holds 128, exactly sized so
 * ASan sees a read past it; empty and wrapping entries skipped, order kept.
 */
static void test_zero_page_table(void)
{
	struct e820_entry *src = new_table(), *out = new_table();
	unsigned int n, i, k, got, d;
	const char *why = NULL;

	for (i = 0; i < E820_MAX_ENTRIES; i++)
		src[i] = (struct e820_entry){ (uint64_t)i << 20, i % 7 ? 0x1000 : 0, 1 + i % 4 };
	src[5] = (struct e820_entry){ ~0ull - 0xfff, 0x1000, 1 };	/* ends at 2^64 */
	src[9] = (struct e820_entry){ ~0ull - 0xfff, 0x2000, 2 };	/* wraps */
	for (n = 0; n < 256 && !why; n++) {
		got = e820_from_table(out, src, n, &d);
		for (i = k = 0; i < n && i < E820_MAX_ENTRIES; i++)
			if (src[i].size && i != 5 && i != 9 &&
			    (k >= got || memcmp(&out[k++], &src[i], sizeof(*src))))
				why = "entry missing, changed or out of order";
		if (!why && k != got)
			why = "an empty or wrapping entry was copied";
		if (!why && d != (n > E820_MAX_ENTRIES ? n - E820_MAX_ENTRIES : 0))
			why = "dropped count wrong";
	}
	result("zero-page-table", why);
	free(src);
	free(out);
}

int main(void)
{
	test_zero_page_table();
	test_qemu_like();
	test_unsorted_overlapping();
	test_many();
	test_random();
	test_malformed();
	return failed;
}
