/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * crc32_update() against zlib's crc32(): the table, known answers, random
 * buffers of many lengths at every alignment (short ones, and long ones
 * that take the word loop and its tails), chaining at every split,
 * the error classes the blob format relies on (every burst of up to 32
 * bits, every single-byte change), and the real Image when present.
 */
#include <zlib.h>
#include "crc32.h"
#include "codec_test.h"

static struct crc32_table tab;

static void known_answers(void)
{
	static const char check[] = "123456789";

	if (tab.t[0][1] != 0x77073096 || tab.t[0][255] != 0x2d02ef8d)
		result("table", "t[0][1] %08x t[0][255] %08x", tab.t[0][1], tab.t[0][255]);
	else
		result("table", NULL);
	if (crc32_update(&tab, 0, check, 9) != 0xcbf43926)
		result("check value", "crc32(\"123456789\") = %08x",
		       crc32_update(&tab, 0, check, 9));
	else
		result("check value", NULL);
	if (crc32_update(&tab, 0, check, 0) != 0 ||
	    crc32_update(&tab, 0x12345678, NULL, 0) != 0x12345678)
		result("empty buffer", "changes the CRC");
	else
		result("empty buffer", NULL);
}

static void lengths_and_alignments(void)
{
	size_t max = 200000;
	uint8_t *buf = make_data(DATA_RANDOM, max + 8);
	unsigned int bad = 0;
	size_t len;

	for (len = 0; len < max; len += len < 300 ? 1 : 1 + rnd() % 20000)
		for (unsigned int a = 0; a < 8; a++)
			if (crc32_update(&tab, 0, buf + a, len) != crc32(0, buf + a, len) &&
			    !bad++)
				printf("  first mismatch: length %zu, alignment %u\n", len, a);
	/* long lengths around 16 KiB multiples, every alignment 0-3 */
	for (len = 16384 - 9; len < 16384 + 9; len++)
		for (unsigned int a = 0; a < 4; a++)
			bad += crc32_update(&tab, 0, buf + a, len) != crc32(0, buf + a, len);
	for (len = 3 * 16384 - 5; len < 3 * 16384 + 5; len++)
		bad += crc32_update(&tab, 0, buf + 1, len) != crc32(0, buf + 1, len);
	if (bad)
		result("lengths 0-200000 at alignments 0-7", "%u mismatches", bad);
	else
		result("lengths 0-200000 at alignments 0-7", NULL);
	free(buf);
}

static void chaining(void)
{
	size_t len = 40000;
	uint8_t *buf = make_data(DATA_TEXT, len);
	uint32_t want = crc32(0, buf, len);
	unsigned int bad = 0;

	for (size_t cut = 0; cut <= len; cut += cut < 100 ? 1 : 1 + rnd() % 997) {
		uint32_t c = crc32_update(&tab, 0, buf, cut);

		bad += crc32_update(&tab, c, buf + cut, len - cut) != want;
	}
	/* many small pieces, and a non-zero starting value */
	{
		uint32_t c = 0;

		for (size_t at = 0, n; at < len; at += n) {
			n = 1 + rnd() % 50;
			if (n > len - at)
				n = len - at;
			c = crc32_update(&tab, c, buf + at, n);
		}
		bad += c != want;
		bad += crc32_update(&tab, 0xdeadbeef, buf, len) != crc32(0xdeadbeef, buf, len);
	}
	if (bad)
		result("chaining", "%u mismatches", bad);
	else
		result("chaining", NULL);
	free(buf);
}

/* Flip the bits of @pat (bit 0 first) from bit @at of @buf on. */
static void flip(uint8_t *buf, size_t at, uint32_t pat)
{
	for (; pat; pat >>= 1, at++)
		if (pat & 1)
			buf[at / 8] ^= (uint8_t)(1u << (at % 8));
}

/*
 * A burst of length L flips its first and last bit and any bits between.
 * A CRC whose polynomial has degree 32 and a constant term catches every
 * burst with L <= 32: at every bit of buffers that take the byte and the
 * word paths, every L, with the middle bits all set, all clear and random.
 */
static void bursts(void)
{
	size_t len = 100;
	uint8_t *buf = make_data(DATA_RANDOM, len + 3);
	unsigned int bad = 0, tried = 0;

	for (unsigned int a = 0; a < 4; a++) {
		uint8_t *p = buf + a;
		uint32_t want = crc32_update(&tab, 0, p, len);

		for (size_t at = 0; at < len * 8; at++)
			for (unsigned int l = 1; l <= 32 && at + l <= len * 8; l++)
				for (unsigned int k = 0; k < 3; k++) {
					uint32_t ends = 1u | 1u << (l - 1), mid = ~0u >> (32 - l);

					mid = k == 0 ? mid : k == 1 ? 0 : mid & rnd();
					flip(p, at, ends | mid);
					bad += crc32_update(&tab, 0, p, len) == want;
					flip(p, at, ends | mid);
					tried++;
				}
	}
	if (bad)
		result("bursts of 1-32 bits", "%u of %u not caught", bad, tried);
	else
		result("bursts of 1-32 bits", NULL);
	free(buf);
}

/* Every value of every byte, in a buffer that takes every path. */
static void byte_changes(void)
{
	size_t len = 301;
	uint8_t *buf = make_data(DATA_TEXT, len + 1), *p = buf + 1;
	uint32_t want = crc32_update(&tab, 0, p, len);
	unsigned int bad = 0;

	for (size_t at = 0; at < len; at++) {
		uint8_t keep = p[at];

		for (unsigned int x = 1; x < 256; x++) {
			p[at] = (uint8_t)(keep ^ x);
			bad += crc32_update(&tab, 0, p, len) == want;
		}
		p[at] = keep;
	}
	if (bad)
		result("single-byte changes", "%u not caught", bad);
	else
		result("single-byte changes", NULL);
	free(buf);
}

static void image(void)
{
	const char *why;
	size_t len;
	uint8_t *raw = load_image(&len, &why);

	if (!raw) {
		skip("Image", why);
		return;
	}
	if (crc32_update(&tab, 0, raw, len) != crc32(0, raw, len))
		result("Image", "differs from zlib");
	else
		result("Image", NULL);
	free(raw);
}

int main(void)
{
	crc32_init(&tab);
	known_answers();
	lengths_and_alignments();
	chaining();
	bursts();
	byte_changes();
	image();
	return failures != 0;
}
