/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CRC-32 (IEEE 802.3, reflected, polynomial 0xedb88320), slice-by-4:
 * t[k][b] is the CRC of byte b followed by k zero bytes, so one aligned
 * word is folded in with four independent lookups.  Only aligned word
 * loads: this may run with the MMU (and unaligned access) off.
 *
 * One word's lookups depend on the previous word's result, so long buffers
 * are cut into four streams of SPAN bytes whose CRCs run interleaved and
 * are then joined: crc(A B) = crc(A) * x^(8 |B|) + crc(B), in GF(2)[x]
 * modulo the polynomial (the same algebra as zlib's crc32_combine()).
 */
#include <stdint.h>
#include <stddef.h>
#include "crc32.h"

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "word loads are LE");

#define POLY		0xedb88320u
#define SPAN		4096
/* x^(8 * SPAN) mod POLY, bit-reflected like the CRC (bit 31 is x^0). */
#define X_SPAN		0x09fe548fu

void crc32_init(struct crc32_table *tab)
{
	unsigned int b, k, i;

	for (b = 0; b < 256; b++) {
		uint32_t c = b;

		for (i = 0; i < 8; i++)
			c = (c >> 1) ^ (POLY & -(c & 1));
		tab->t[0][b] = c;
	}
	for (k = 1; k < 4; k++)
		for (b = 0; b < 256; b++) {
			uint32_t c = tab->t[k - 1][b];

			tab->t[k][b] = (c >> 8) ^ tab->t[0][c & 0xff];
		}
}

static inline __attribute__((always_inline))
uint32_t crc32_word(const struct crc32_table *tab, uint32_t crc,
				  const uint8_t *p)
{
	uint32_t w;

	__builtin_memcpy(&w, __builtin_assume_aligned(p, 4), 4);
	crc ^= w;
	return tab->t[3][crc & 0xff] ^ tab->t[2][(crc >> 8) & 0xff] ^
	       tab->t[1][(crc >> 16) & 0xff] ^ tab->t[0][crc >> 24];
}

/* a * b mod POLY, both bit-reflected. */
static uint32_t gf2_mul(uint32_t a, uint32_t b)
{
	uint32_t p = 0;
	unsigned int i;

	for (i = 0; i < 32; i++, a <<= 1) {
		p ^= b & -(a >> 31);
		b = (b >> 1) ^ (POLY & -(b & 1));
	}
	return p;
}

uint32_t crc32_update(const struct crc32_table *tab, uint32_t crc,
		      const void *buf, size_t len)
{
	const uint8_t *p = buf;

	crc = ~crc;
	for (; len && ((uintptr_t)p & 3); len--)
		crc = tab->t[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
	for (; len >= 4 * SPAN; len -= 4 * SPAN, p += 4 * SPAN) {
		uint32_t c1 = 0, c2 = 0, c3 = 0;
		unsigned int i;

		for (i = 0; i < SPAN; i += 4) {
			crc = crc32_word(tab, crc, p + i);
			c1 = crc32_word(tab, c1, p + SPAN + i);
			c2 = crc32_word(tab, c2, p + 2 * SPAN + i);
			c3 = crc32_word(tab, c3, p + 3 * SPAN + i);
		}
		crc = gf2_mul(crc, X_SPAN) ^ c1;
		crc = gf2_mul(crc, X_SPAN) ^ c2;
		crc = gf2_mul(crc, X_SPAN) ^ c3;
	}
	for (; len >= 4; len -= 4, p += 4)
		crc = crc32_word(tab, crc, p);
	for (; len; len--)
		crc = tab->t[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}
