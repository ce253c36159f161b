/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Portable memcpy, memset and udiv32, which an arch may replace with its own
 * arch/lib.c (its arch.mk then filters this file out), or memcpy and
 * memset alone (its arch.mk defines ARCH_MEMCPY_MEMSET for this file).
 * The "none" codec and initrd copies run in memcpy: word copies when both
 * pointers are word aligned.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "stub.h"

#ifndef ARCH_MEMCPY_MEMSET		/* ARMv7: stub/arch/armv7/lib.S */
/* 32 aligned bytes: ARM copies such a struct with load/store-multiple. */
struct block32 {
	uint32_t w[8];
};

void *memcpy(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	if ((((uintptr_t)d | (uintptr_t)s) & 3) == 0) {
		uint32_t *dw = (uint32_t *)d;
		const uint32_t *sw = (const uint32_t *)s;

		for (; n >= 32; n -= 32, dw += 8, sw += 8)
			*(struct block32 *)dw = *(const struct block32 *)sw;
		for (; n >= 4; n -= 4)
			*dw++ = *sw++;
		d = (uint8_t *)dw;
		s = (const uint8_t *)sw;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	uint8_t *d = dst;

	while (n && ((uintptr_t)d & 3)) {
		*d++ = (uint8_t)c;
		n--;
	}
	if (n >= 4) {
		uint32_t w = (uint8_t)c * 0x01010101u;
		uint32_t *dw = (uint32_t *)d;

		for (; n >= 4; n -= 4)
			*dw++ = w;
		d = (uint8_t *)dw;
	}
	while (n--)
		*d++ = (uint8_t)c;
	return dst;
}
#endif

/* Shift-and-subtract division: ARMv7-A cores before the A15 have no udiv,
 * and libgcc's routines cost more than the stub's budget allows. */
uint32_t udiv32(uint32_t n, uint32_t d, uint32_t *rem)
{
	uint32_t q = 0, r = 0;
	int i;

	for (i = 31; i >= 0; i--) {
		r = (r << 1) | ((n >> i) & 1);
		if (r >= d) {
			r -= d;
			q |= 1u << i;
		}
	}
	if (rem)
		*rem = r;
	return q;
}
