/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memcpy for the ARMv7 stub (stub/lib.c's portable one is built without
 * it): the relocation, the initrd and a "none" kernel are word-aligned
 * copies of megabytes, here 64 bytes a step in two load-multiples and two
 * store-multiples (6 instructions, against 22 for the C loop).  The rest,
 * and any copy with a misaligned end, byte by byte.  Aligned accesses only:
 * this runs with the MMU off too.
 */
#include "asm.h"

	.syntax	unified
	.thumb
	.section .text.memcpy, "ax"

/* void *memcpy(void *dst, const void *src, size_t n) */
THUMB_ENTRY(memcpy)
	mov	ip, r0				@ r0 stays dst, the result
	orr	r3, r0, r1
	tst	r3, #3
	bne	2f
	cmp	r2, #32
	blo	2f
	push	{r4-r10}
	subs	r2, #64
	blo	1f
0:	ldmia	r1!, {r3-r10}
	stmia	ip!, {r3-r10}
	ldmia	r1!, {r3-r10}
	subs	r2, #64
	stmia	ip!, {r3-r10}
	bhs	0b
1:	adds	r2, #32				@ lo: fewer than 32 left
	blo	5f
	ldmia	r1!, {r3-r10}
	stmia	ip!, {r3-r10}
	subs	r2, #32
5:	adds	r2, #32				@ what is left, < 32
	pop	{r4-r10}
2:	cbz	r2, 4f
3:	ldrb	r3, [r1], #1
	subs	r2, #1
	strb	r3, [ip], #1
	bne	3b
4:	bx	lr
END(memcpy)
