/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86 versions of stub/lib.c: the string instructions and divl are both the
 * shortest code and fast.  rep movs/stos count up: entry.S clears DF.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "stub.h"

void *memcpy(void *dst, const void *src, size_t n)
{
	void *d = dst;
	size_t words = n >> 2;

	__asm__ volatile("rep movsl\n\tmov %3, %%ecx\n\trep movsb"
			 : "+D"(d), "+S"(src), "+c"(words) : "r"(n & 3) : "memory");
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	void *d = dst;

	__asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return dst;
}

uint32_t udiv32(uint32_t n, uint32_t d, uint32_t *rem)
{
	uint32_t q, r;

	__asm__("divl %4" : "=a"(q), "=d"(r) : "0"(n), "1"(0), "rm"(d));
	if (rem)
		*rem = r;
	return q;
}
