/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The multiboot mmap to e820 table builder, on generated maps. */
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

/* Append one multiboot mmap entry with size field @esz. */
static uint32_t put(uint8_t *m, uint32_t off, uint32_t esz, uint64_t a, uint64_t l, uint32_t t)
{
	memcpy(m + off, &esz, 4);
	memcpy(m + off + 4, &a, 8);
	memcpy(m + off + 12, &l, 8);
	memcpy(m + off + 20, &t, 4);
	return off + esz + 4;
}

/* Every output entry sorted, non-empty, same-type neighbours not touching. */
static const char *check_table(const struct e820_entry *o, unsigned int n)
{
	unsigned int i;

	if (n > E820_MAX_ENTRIES)
		return "more than 128 entries";
	for (i = 0; i < n; i++) {
		if (!o[i].size)
			return "zero-length entry";
		if (i && o[i].addr < o[i - 1].addr)
			return "not sorted";
		if (i && o[i].type == o[i - 1].type && o[i].addr <= o[i - 1].addr + o[i - 1].size)
			return "mergeable neighbours left";
	}
	return NULL;
}

/* Is [a, a+l) of @type covered by the table? */
static int covered(const struct e820_entry *o, unsigned int n, uint64_t a, uint64_t l, uint32_t t)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (o[i].type == t && o[i].addr <= a && a + l <= o[i].addr + o[i].size)
			return 1;
	return 0;
}

/* A multiboot mmap of @n entries (size field 20 each) into @m. */
static uint32_t to_mmap(uint8_t *m, const struct e820_entry *e, unsigned int n)
{
	uint32_t off = 0;
	unsigned int i;

	for (i = 0; i < n; i++)
		off = put(m, off, 20, e[i].addr, e[i].size, e[i].type);
	return off;
}

/* A table with exactly the room e820_from_mmap may use: ASan sees overruns. */
static struct e820_entry *new_table(void)
{
	return malloc((E820_MAX_ENTRIES + 1) * sizeof(struct e820_entry));
}

/* Each output entry starts and ends where an input of its type does. */
static const char *check_bounds(const struct e820_entry *o, unsigned int n,
				const struct e820_entry *in, unsigned int k)
{
	unsigned int i, j, lo, hi;

	for (i = 0; i < n; i++) {
		for (j = lo = hi = 0; j < k; j++) {
			if (!in[j].size || in[j].type != o[i].type)
				continue;
			lo |= in[j].addr == o[i].addr;
			hi |= in[j].addr + in[j].size == o[i].addr + o[i].size;
		}
		if (!lo || !hi)
			return "an output entry reaches beyond its inputs";
	}
	return NULL;
}

static void test_qemu_like(void)
{
	uint8_t m[256];
	struct e820_entry *out = new_table();
	uint32_t off = 0;
	unsigned int n, d;

	off = put(m, off, 20, 0, 0x9fc00, 1);
	off = put(m, off, 20, 0x9fc00, 0x400, 2);
	off = put(m, off, 20, 0xf0000, 0x10000, 2);
	off = put(m, off, 20, 0x100000, 0xbfee0000 - 0x100000, 1);
	off = put(m, off, 20, 0x100000000ull, 0x40000000, 1);	/* > 4 GiB kept */
	n = e820_from_mmap(out, m, off, &d);
	result("qemu-like map", n != 5 ? "wrong count" : d ? "dropped" :
	       out[4].addr != 0x100000000ull || out[4].size != 0x40000000 ? "high RAM lost" :
	       out[3].addr != 0x100000 || out[3].type != 1 ? "RAM at 1 MiB lost" :
	       check_table(out, n));
	free(out);
}

static void test_unsorted_overlapping(void)
{
	const struct e820_entry in[] = {
		{ 0x200000, 0x100000, 1 },
		{ 0, 0x9f000, 1 },
		{ 0x100000, 0x180000, 1 },	/* overlaps the first: merged */
		{ 0x280000, 0, 1 },		/* zero length: skipped */
		{ 0xe0000, 0x20000, 2 },	/* other type: kept apart */
		{ 0x300000, 0x1000, 1 },	/* touches: merged */
		{ 0xfffffffffffff000ull, 0x2000, 1 },	/* wraps past 2^64: skipped */
	};
	struct e820_entry *out = new_table();
	uint8_t m[sizeof(in) / sizeof(in[0]) * 24];
	unsigned int n, d;

	n = e820_from_mmap(out, m, to_mmap(m, in, sizeof(in) / sizeof(in[0])), &d);
	result("unsorted, overlapping, touching, empty, wrapping", n != 3 ? "wrong count" :
	       !covered(out, n, 0x100000, 0x201000, 1) ? "merge lost RAM" :
	       out[2].addr + out[2].size != 0x301000 ? "wrapping entry kept" :
	       check_table(out, n));
	free(out);
}

static void test_many(void)
{
	struct e820_entry in[300], *out = new_table();
	static uint8_t m[300 * 24];
	unsigned int i, n, d;

	/* 300 separated RAM/reserved entries in reverse order. */
	for (i = 0; i < 300; i++)
		in[i] = (struct e820_entry){ (uint64_t)(299 - i) * 0x2000, 0x1000, 1 + (i & 1) };
	n = e820_from_mmap(out, m, to_mmap(m, in, 300), &d);
	result("more than 128 entries", n != E820_MAX_ENTRIES ? "not 128 kept" :
	       d != 300 - E820_MAX_ENTRIES ? "wrong dropped count" :
	       out[0].addr != 0 || out[127].addr != 127 * 0x2000 ? "lowest not kept" :
	       check_table(out, n));
	/* 300 touching RAM entries merge into one: nothing dropped. */
	for (i = 0; i < 300; i++)
		in[i] = (struct e820_entry){ (uint64_t)(299 - i) * 0x1000, 0x1000, 1 };
	n = e820_from_mmap(out, m, to_mmap(m, in, 300), &d);
	result("300 touching entries", n != 1 || d ? "not merged into one" :
	       out[0].addr != 0 || out[0].size != 300 * 0x1000 ? "wrong range" : NULL);
	free(out);
}

static void test_random(void)
{
	struct e820_entry in[64], *out = new_table();
	uint8_t m[64 * 24];
	unsigned int seed, i, n, d;
	const char *why = NULL;

	srand(1);
	for (seed = 0; seed < 2000 && !why; seed++) {
		unsigned int k = 1 + (unsigned int)rand() % 64;

		for (i = 0; i < k; i++) {
			uint64_t a = (uint64_t)(rand() % 4096) << 20;

			if (rand() % 4 == 0)
				a += 0x100000000ull;
			in[i] = (struct e820_entry){ a, (uint64_t)(rand() % 64) << 20,
						     1 + (uint32_t)(rand() % 3) };
		}
		n = e820_from_mmap(out, m, to_mmap(m, in, k), &d);
		why = d ? "dropped" : check_table(out, n);
		for (i = 0; i < k && !why; i++)	/* nothing lost: every input covered */
			if (in[i].size && !covered(out, n, in[i].addr, in[i].size, in[i].type))
				why = "an input range is not covered";
		if (!why)
			why = check_bounds(out, n, in, k);
	}
	result("random maps (2000)", why);
	free(out);
}

static void test_malformed(void)
{
	uint8_t m[256];
	struct e820_entry *out = new_table();
	uint32_t off = 0;
	unsigned int n, d;

	off = put(m, off, 20, 0, 0x9f000, 1);
	off = put(m, off, 24, 0x100000, 0x1000000, 1);	/* larger size field: skipped over */
	off = put(m, off, 20, 0x2000000, 0x1000, 2);
	n = e820_from_mmap(out, m, off, &d);
	result("entry size 24", n != 3 || out[2].addr != 0x2000000 ? "misread" : NULL);
	/* size < 20: stops at the malformed entry */
	off = put(m, 0, 20, 0, 0x9f000, 1);
	off = put(m, off, 8, 0x100000, 0x1000000, 1);
	n = e820_from_mmap(out, m, off + 16, &d);
	result("entry size 8", n != 1 ? "read past a malformed entry" : NULL);
	/* size running past the length: stops */
	put(m, 0, 200, 0, 0x9f000, 1);
	n = e820_from_mmap(out, m, 60, &d);
	result("entry past length", n != 0 ? "read past mmap_length" : NULL);
	/* truncated tail shorter than an entry: ignored */
	off = put(m, 0, 20, 0, 0x9f000, 1);
	n = e820_from_mmap(out, m, off + 10, &d);
	result("truncated tail", n != 1 ? "tail misread" : NULL);
	/* nothing at all */
	n = e820_from_mmap(out, m, 0, &d);
	result("empty map", n != 0 || d ? "entries from nothing" : NULL);
	free(out);
}

int main(void)
{
	test_qemu_like();
	test_unsorted_overlapping();
	test_many();
	test_random();
	test_malformed();
	return failed;
}
