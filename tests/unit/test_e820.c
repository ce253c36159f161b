/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The multiboot mmap reader and the e820 table builder, on generated maps. */
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

static void test_qemu_like(void)
{
	uint8_t m[256];
	struct e820_entry in[16], out[E820_MAX_ENTRIES];
	uint32_t off = 0;
	unsigned int n, d;

	off = put(m, off, 20, 0, 0x9fc00, 1);
	off = put(m, off, 20, 0x9fc00, 0x400, 2);
	off = put(m, off, 20, 0xf0000, 0x10000, 2);
	off = put(m, off, 20, 0x100000, 0xbfee0000 - 0x100000, 1);
	off = put(m, off, 20, 0x100000000ull, 0x40000000, 1);	/* > 4 GiB kept */
	n = mb_mmap_read(m, off, in, 16);
	n = e820_build(in, n, out, &d);
	result("qemu-like map", n != 5 ? "wrong count" : d ? "dropped" :
	       out[4].addr != 0x100000000ull || out[4].size != 0x40000000 ? "high RAM lost" :
	       check_table(out, n));
}

static void test_unsorted_overlapping(void)
{
	struct e820_entry in[6] = {
		{ 0x200000, 0x100000, 1 },
		{ 0, 0x9f000, 1 },
		{ 0x100000, 0x180000, 1 },	/* overlaps the first: merged */
		{ 0x280000, 0, 1 },		/* zero length: dropped */
		{ 0xe0000, 0x20000, 2 },	/* other type: kept apart */
		{ 0x300000, 0x1000, 1 },	/* touches: merged */
	}, out[E820_MAX_ENTRIES];
	unsigned int n, d;

	n = e820_build(in, 6, out, &d);
	result("unsorted, overlapping, touching", n != 3 ? "wrong count" :
	       !covered(out, n, 0x100000, 0x201000, 1) ? "merge lost RAM" :
	       check_table(out, n));
}

static void test_many(void)
{
	static struct e820_entry in[300], out[E820_MAX_ENTRIES];
	unsigned int i, n, d;

	/* 300 separated RAM/reserved entries in reverse order. */
	for (i = 0; i < 300; i++)
		in[i] = (struct e820_entry){ (uint64_t)(299 - i) * 0x2000, 0x1000, 1 + (i & 1) };
	n = e820_build(in, 300, out, &d);
	result("more than 128 entries", n != E820_MAX_ENTRIES ? "not 128 kept" :
	       d != 300 - E820_MAX_ENTRIES ? "wrong dropped count" :
	       out[0].addr != 0 ? "lowest not kept" : check_table(out, n));
}

static void test_random(void)
{
	struct e820_entry in[64], copy[64], out[E820_MAX_ENTRIES];
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
		memcpy(copy, in, sizeof(in));
		n = e820_build(in, k, out, &d);
		why = check_table(out, n);
		for (i = 0; i < k && !why; i++)	/* nothing lost: every input covered */
			if (copy[i].size && !covered(out, n, copy[i].addr, copy[i].size, copy[i].type))
				why = "an input range is not covered";
	}
	result("random maps (2000)", why);
}

static void test_malformed(void)
{
	uint8_t m[256];
	struct e820_entry in[16];
	uint32_t off = 0;
	unsigned int n;

	off = put(m, off, 20, 0, 0x9f000, 1);
	off = put(m, off, 24, 0x100000, 0x1000000, 1);	/* larger size field: skipped over */
	off = put(m, off, 20, 0x2000000, 0x1000, 2);
	n = mb_mmap_read(m, off, in, 16);
	result("entry size 24", n != 3 || in[2].addr != 0x2000000 ? "misread" : NULL);
	/* size < 20: stops at the malformed entry */
	off = put(m, 0, 20, 0, 0x9f000, 1);
	off = put(m, off, 8, 0x100000, 0x1000000, 1);
	n = mb_mmap_read(m, off + 16, in, 16);
	result("entry size 8", n != 1 ? "read past a malformed entry" : NULL);
	/* size running past the length: stops */
	off = put(m, 0, 200, 0, 0x9f000, 1);
	n = mb_mmap_read(m, 60, in, 16);
	result("entry past length", n != 0 ? "read past mmap_length" : NULL);
	/* truncated tail shorter than an entry: ignored */
	off = put(m, 0, 20, 0, 0x9f000, 1);
	n = mb_mmap_read(m, off + 10, in, 16);
	result("truncated tail", n != 1 ? "tail misread" : NULL);
	/* @max bounds the output */
	off = 0;
	for (n = 0; n < 8; n++)
		off = put(m, off, 20, n * 0x1000ull, 0x1000, 1);
	n = mb_mmap_read(m, off, in, 3);
	result("max entries", n != 3 ? "wrote past max" : NULL);
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
