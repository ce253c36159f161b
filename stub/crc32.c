/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CRC-32 (IEEE 802.3, reflected, polynomial 0xedb88320), slice-by-8:
 * t[k][b] is the CRC of byte b followed by k zero bytes, so two aligned
 * words are folded in with eight independent lookups (27 instructions per
 * 8 bytes on ARMv7, against 19 per 4 for slice-by-4).  Only aligned word
 * loads: this may run with the MMU (and unaligned access) off.
 *
 * arm64 (CRC32_SLICES 1) has the CRC32 instructions instead, one per
 * aligned 8 bytes, when ID_AA64ISAR0_EL1 says so (optional in ARMv8.0,
 * present in every Cortex-A core; required from ARMv8.1), else one table
 * lookup per byte.
 */
#include <stdint.h>
#include <stddef.h>
#include "crc32.h"

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "word loads are LE");

#define POLY		0xedb88320u

/* The CRC is linear: t[0][i ^ j] = t[0][i] ^ t[0][j], so only the eight
 * one-bit bytes are computed bit by bit. */
void crc32_init(struct crc32_table *tab)
{
	uint32_t c = POLY;		/* the CRC of byte 0x80 */
	unsigned int b, k, i;

	tab->t[0][0] = 0;
	for (i = 0x80; i; i >>= 1) {
		for (b = 0; b < 256; b += 2 * i)
			tab->t[0][i + b] = c ^ tab->t[0][b];
		c = (c >> 1) ^ (POLY & -(c & 1));
	}
	for (b = 0; b < 256; b++) {
		c = tab->t[0][b];
		for (k = 1; k < CRC32_SLICES; k++) {
			c = (c >> 8) ^ tab->t[0][c & 0xff];
			tab->t[k][b] = c;
		}
	}
#ifdef __aarch64__
	{
		uint64_t isar0;

		__asm__("mrs %0, id_aa64isar0_el1" : "=r"(isar0));
		tab->hw = ((isar0 >> 16) & 0xf) != 0;	/* CRC32 */
	}
#endif
}

/*
 * A lookup in table k.  ARM loads (arm64's too) take a base and a scaled
 * index but no offset on top, so there each table gets a base register of
 * its own and a lookup is one load (eight bases, the pointer, its end, the CRC and three
 * temporaries: all 14 registers, without a spill at -O2).  i386 loads take
 * the offset as well, and eight bases would not fit its registers: one base
 * there.
 */
#if (defined(__arm__) || defined(__aarch64__)) && !defined(CRC32_TABLE_BASES) && CRC32_SLICES == 8
#define CRC32_TABLE_BASES	1	/* test_crc32_bases builds it on the host */
#endif
#ifdef CRC32_TABLE_BASES
#define LOOKUP(k, i)	t##k[i]
#else
#define LOOKUP(k, i)	tab->t[k][i]
#endif

/* Two aligned words from @p, which moves on by 8.  GCC loads them with two
 * instructions and adds to @p with a third; ARM has one for all three. */
static inline void load2(const uint8_t **p, uint32_t *w, uint32_t *v)
{
#ifdef __arm__
	__asm__("ldrd %1, %2, [%0], #8" : "+r"(*p), "=r"(*w), "=r"(*v) : : "memory");
#else
	const uint8_t *q = __builtin_assume_aligned(*p, 4);

	__builtin_memcpy(w, q, 4);
	__builtin_memcpy(v, q + 4, 4);
	*p += 8;
#endif
}

#ifdef __aarch64__
/* CRC32X and CRC32B (stub/arch/arm64/arch.mk builds this +crc). */
static uint32_t crc32_hw(uint32_t crc, const uint8_t *p, size_t len)
{
	for (; len && ((uintptr_t)p & 7); len--)
		crc = __builtin_aarch64_crc32b(crc, *p++);
	for (; len >= 8; len -= 8, p += 8)
		crc = __builtin_aarch64_crc32x(crc, *(const uint64_t *)__builtin_assume_aligned(p, 8));
	for (; len; len--)
		crc = __builtin_aarch64_crc32b(crc, *p++);
	return crc;
}
#endif

uint32_t crc32_update(const struct crc32_table *tab, uint32_t crc,
		      const void *buf, size_t len)
{
#ifdef CRC32_TABLE_BASES
	const uint32_t *t0 = tab->t[0], *t1 = tab->t[1], *t2 = tab->t[2], *t3 = tab->t[3];
	const uint32_t *t4 = tab->t[4], *t5 = tab->t[5], *t6 = tab->t[6], *t7 = tab->t[7];
#endif
	const uint8_t *p = buf;

	crc = ~crc;
#ifdef __aarch64__
	if (tab->hw)
		return ~crc32_hw(crc, p, len);
#endif
#if CRC32_SLICES == 8
	for (; len && ((uintptr_t)p & 3); len--)
		crc = LOOKUP(0, (crc ^ *p++) & 0xff) ^ (crc >> 8);
	if (len >= 8) {
		const uint8_t *end = p + (len & ~(size_t)7);

		do {
			uint32_t w, v;

			load2(&p, &w, &v);
			w ^= crc;
			crc = LOOKUP(7, w & 0xff) ^ LOOKUP(6, (w >> 8) & 0xff) ^
			      LOOKUP(5, (w >> 16) & 0xff) ^ LOOKUP(4, w >> 24) ^
			      LOOKUP(3, v & 0xff) ^ LOOKUP(2, (v >> 8) & 0xff) ^
			      LOOKUP(1, (v >> 16) & 0xff) ^ LOOKUP(0, v >> 24);
		} while (p != end);
		len &= 7;
	}
#endif
	for (; len; len--)
		crc = LOOKUP(0, (crc ^ *p++) & 0xff) ^ (crc >> 8);
	return ~crc;
}
