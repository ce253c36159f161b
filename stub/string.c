/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The few libc functions the stub and GCC need.  The "none" codec and
 * initrd copies run in memcpy: rep movs on x86 (DF is clear: entry.S),
 * word copies when both pointers are word aligned elsewhere.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__i386__)
/* x86: the string instructions are both the shortest and a fast copy. */
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
#else
void *memcpy(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	if ((((uintptr_t)d | (uintptr_t)s) & 3) == 0) {
		uint32_t *dw = (uint32_t *)d;
		const uint32_t *sw = (const uint32_t *)s;

		for (; n >= 16; n -= 16, dw += 4, sw += 4) {
			uint32_t a = sw[0], b = sw[1], c = sw[2], e = sw[3];

			dw[0] = a;
			dw[1] = b;
			dw[2] = c;
			dw[3] = e;
		}
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

void *memmove(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const uint8_t *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

#if defined(__i386__)
/* x86 divides in one instruction. */
uint32_t udiv32(uint32_t n, uint32_t d, uint32_t *rem)
{
	uint32_t q, r;

	__asm__("divl %4" : "=a"(q), "=d"(r) : "0"(n), "1"(0), "rm"(d));
	if (rem)
		*rem = r;
	return q;
}
#else
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
#endif
