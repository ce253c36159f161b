// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Host side of tests/a64/test-lz4.sh: LZ4 blocks made by liblz4, then
 * damaged ones and garbage, as records on stdout for tests/a64/lz4_harness.c:
 *
 *   u32 kind (0: must decode to the bytes that follow; 1: any result, as
 *   long as it is stub/lz4.c's), u32 name length, u32 output capacity,
 *   u32 stream size, name, stream, [kind 0: the output]
 *
 *	lz4_streams [FILE LIMIT]...	also each FILE's first LIMIT bytes
 *
 * Deterministic: the same records every run.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lz4.h>
#include <lz4hc.h>

static uint64_t rng = 18;

static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n ? (uint32_t)(rng % n) : 0;
}

static void rec(uint32_t kind, const char *name, uint32_t cap, const uint8_t *s, uint32_t slen,
		const uint8_t *raw)
{
	uint32_t h[4] = { kind, (uint32_t)strlen(name), cap, slen };

	fwrite(h, sizeof(h), 1, stdout);
	fwrite(name, h[1], 1, stdout);
	fwrite(s, slen, 1, stdout);
	if (kind == 0)
		fwrite(raw, cap, 1, stdout);
}

/* @n bytes of a kind of data: random, byte runs, text with repeats,
 * short periods (matches at offsets under 8), zeros. */
static void data(uint8_t *b, int kind, uint32_t n)
{
	static const char *const words[] = { "the ", "kernel ", "stub ", "ldr x0, [x1]\n", "0x", "\n" };
	uint32_t i = 0, k;

	while (i < n) {
		switch (kind) {
		case 0:
			b[i++] = (uint8_t)rnd(256);
			break;
		case 1:
			for (k = 1 + rnd(300), b[i] = (uint8_t)rnd(256); k-- && i < n; i++)
				b[i] = b[i - (i > 0 && k > 0)];
			break;
		case 2:
			if (i > 64 && !rnd(4)) {
				uint32_t at = rnd(i), len = 3 + rnd(40);

				for (k = 0; k < len && i < n && at + k < i; k++)
					b[i++] = b[at + k];
			}
			for (const char *w = words[rnd(6)]; *w && i < n; w++)
				b[i++] = (uint8_t)*w;
			break;
		case 3: {
			uint32_t p = 1 + rnd(7), reps = 1 + rnd(60), start = i;

			for (k = 0; k < p && i < n; k++)
				b[i++] = (uint8_t)rnd(256);
			for (; i < n && i - start < p * reps; i++)
				b[i] = b[i - p];
			break;
		}
		default:
			b[i++] = 0;
		}
	}
}

/* @raw (@n bytes) packed: mode 0 LZ4 default, 1 fast (acceleration 8),
 * 2 HC level 9, 3 HC level 12. */
static int pack(uint8_t *out, int cap, const uint8_t *raw, uint32_t n, int mode)
{
	if (mode == 0)
		return LZ4_compress_default((const char *)raw, (char *)out, (int)n, cap);
	if (mode == 1)
		return LZ4_compress_fast((const char *)raw, (char *)out, (int)n, cap, 8);
	return LZ4_compress_HC((const char *)raw, (char *)out, (int)n, cap, mode == 2 ? 9 : 12);
}

static void roundtrip(const char *what, const uint8_t *raw, uint32_t n, int mode)
{
	static const char *const modes[] = { "default", "fast", "hc9", "hc12" };
	int cap = LZ4_compressBound((int)n), len;
	uint8_t *s = malloc((size_t)cap + 1);
	char name[200];

	len = pack(s, cap, raw, n, mode);
	if (len <= 0 && n) {
		fprintf(stderr, "lz4_streams: liblz4 failed on %s\n", what);
		exit(1);
	}
	snprintf(name, sizeof(name), "roundtrip %s %s %u", modes[mode], what, n);
	rec(0, name, n, s, (uint32_t)len, raw);
	free(s);
}

int main(int argc, char **argv)
{
	static const char *const kinds[] = { "random", "runs", "text", "periodic", "zeros" };
	static const uint32_t sizes[] = { 0, 1, 5, 12, 13, 16, 31, 32, 33, 100, 4096, 65537, 200000 };
	uint8_t *raw = malloc(200000), *s = malloc(LZ4_compressBound(200000)), *b;
	char name[200];
	int len, i;

	for (int k = 0; k < 5; k++)
		for (size_t z = 0; z < sizeof(sizes) / sizeof(sizes[0]); z++) {
			data(raw, k, sizes[z]);
			for (int mode = 0; mode < 4; mode++)
				roundtrip(kinds[k], raw, sizes[z], mode);
		}
	for (i = 1; i + 1 < argc; i += 2) {
		uint32_t limit = (uint32_t)strtoul(argv[i + 1], NULL, 0), n;
		uint8_t *f = malloc(limit);
		FILE *fp = fopen(argv[i], "rb");

		if (!fp)
			continue;	/* a fixture not made here */
		n = (uint32_t)fread(f, 1, limit, fp);
		fclose(fp);
		snprintf(name, sizeof(name), "%s (first bytes)", argv[i]);
		roundtrip(name, f, n, 0);
		roundtrip(name, f, n, 3);
		free(f);
	}

	/* Damage: every truncation of one block, bit flips in another,
	 * then garbage. */
	data(raw, 2, 3000);
	len = LZ4_compress_default((const char *)raw, (char *)s, 3000, LZ4_compressBound(3000));
	for (i = 0; i < len; i++) {
		snprintf(name, sizeof(name), "truncated to %d of %d", i, len);
		rec(1, name, 3000, s, (uint32_t)i, NULL);
	}
	data(raw, 3, 20000);
	len = LZ4_compress_HC((const char *)raw, (char *)s, 20000, LZ4_compressBound(20000), 9);
	b = malloc((size_t)len);
	for (i = 0; i < 2000; i++) {
		uint32_t bit = rnd((uint32_t)len * 8);

		memcpy(b, s, (size_t)len);
		b[bit / 8] ^= (uint8_t)(1 << (bit % 8));
		snprintf(name, sizeof(name), "bit %u flipped", bit);
		rec(1, name, 20000 - rnd(2) * rnd(100), b, (uint32_t)len, NULL);
	}
	for (i = 0; i < 300; i++) {
		uint32_t n = rnd(4000);

		for (uint32_t k = 0; k < n; k++)
			s[k] = (uint8_t)rnd(256);
		snprintf(name, sizeof(name), "garbage %d", i);
		rec(1, name, rnd(100000), s, n, NULL);
	}
	return fflush(stdout) ? 1 : 0;
}
