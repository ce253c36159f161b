/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * stub/lib.c (the ARM stub's memcpy, memset and udiv32) against libc and C's
 * own division.  lib.c is built here with its functions renamed
 * (lib.mk: -Dmemcpy=cb_memcpy -Dmemset=cb_memset) so that it does not
 * replace the host's.  Every source and destination alignment 0-7 with
 * lengths 0-300 and a few long ones, guard bytes around the destination
 * checked after each call; udiv32 on edge values and random pairs.
 */
#include "codec_test.h"
#include "stub.h"

void *cb_memcpy(void *dst, const void *src, size_t n);
void *cb_memset(void *dst, int c, size_t n);

/* The -D renames reach this file too: the set-up uses the host's own. */
#define host_memset(d, c, n)	__builtin_memset(d, c, n)

#define GUARD	16
#define MAXLEN	70000

static int lengths[] = { 1000, 4095, 4096, 4097, 65536 + 31, MAXLEN };

/* Is [buf, buf + GUARD + off) and the tail after the copy still @g? */
static int guards_intact(const uint8_t *buf, size_t size, size_t from, size_t to, uint8_t g)
{
	for (size_t i = 0; i < size; i++)
		if ((i < from || i >= to) && buf[i] != g)
			return 0;
	return 1;
}

static void memcpy_cases(void)
{
	size_t size = MAXLEN + 2 * GUARD + 8;
	uint8_t *src = make_data(DATA_RANDOM, size), *dst = xmalloc(size);
	unsigned int bad = 0, runs = 0;

	for (int li = -301; li < (int)(sizeof(lengths) / sizeof(lengths[0])); li++) {
		size_t len = li < 0 ? (size_t)(li + 301) : (size_t)lengths[li];

		for (size_t sa = 0; sa < 8; sa++)
			for (size_t da = 0; da < 8; da++) {
				uint8_t *d = dst + GUARD + da;

				host_memset(dst, 0xa5, size);
				if (cb_memcpy(d, src + sa, len) != d || memcmp(d, src + sa, len) ||
				    !guards_intact(dst, size, GUARD + da, GUARD + da + len, 0xa5)) {
					if (!bad++)
						printf("  first memcpy mismatch: length %zu, src %zu, dst %zu\n",
						       len, sa, da);
				}
				runs++;
			}
	}
	result("memcpy: lengths 0-300 and long, alignments 0-7 x 0-7",
	       bad ? "%u of %u copies wrong" : NULL, bad, runs);
	free(src);
	free(dst);
}

static void memset_cases(void)
{
	size_t size = MAXLEN + 2 * GUARD + 8;
	uint8_t *buf = xmalloc(size);
	static const int values[] = { 0, 0xff, 0x5a, 0x1ff, -1 };
	unsigned int bad = 0, runs = 0;

	for (int li = -301; li < (int)(sizeof(lengths) / sizeof(lengths[0])); li++) {
		size_t len = li < 0 ? (size_t)(li + 301) : (size_t)lengths[li];

		for (size_t a = 0; a < 8; a++)
			for (unsigned int v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
				uint8_t *d = buf + GUARD + a, want = (uint8_t)values[v];
				size_t i;

				host_memset(buf, 0xa5 ^ want ^ 0x11, size);
				if (cb_memset(d, values[v], len) != d)
					bad++;
				for (i = 0; i < len && d[i] == want; i++)
					;
				if (i != len || !guards_intact(buf, size, GUARD + a, GUARD + a + len,
							       0xa5 ^ want ^ 0x11))
					if (!bad++)
						printf("  first memset mismatch: length %zu, alignment %zu\n",
						       len, a);
				runs++;
			}
	}
	result("memset: lengths 0-300 and long, alignments 0-7, 5 values",
	       bad ? "%u of %u fills wrong" : NULL, bad, runs);
	free(buf);
}

static void udiv32_cases(void)
{
	static const uint32_t edge[] = { 0, 1, 2, 3, 7, 10, 16, 1000, 0x7fffffff, 0x80000000,
					 0x80000001, 0xfffffffe, 0xffffffff };
	unsigned int bad = 0, n = sizeof(edge) / sizeof(edge[0]);
	uint32_t q, r;

	for (unsigned int i = 0; i < n; i++)
		for (unsigned int j = 0; j < n; j++) {
			if (!edge[j])
				continue;
			q = udiv32(edge[i], edge[j], &r);
			bad += q != edge[i] / edge[j] || r != edge[i] % edge[j];
		}
	for (unsigned int i = 0; i < 200000; i++) {
		uint32_t a = rnd(), b = rnd() >> (rnd() & 31);

		if (!b)
			continue;
		q = udiv32(a, b, &r);
		bad += q != a / b || r != a % b || udiv32(a, b, NULL) != q;
	}
	result("udiv32: edge values and 200000 random pairs", bad ? "%u wrong" : NULL, bad);
}

int main(void)
{
	memcpy_cases();
	memset_cases();
	udiv32_cases();
	return failures ? 1 : 0;
}
