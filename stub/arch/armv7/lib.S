/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memcpy and memset for the ARMv7 stub (stub/lib.c's portable ones are
 * built without them).  The relocation, the initrd and a "none" kernel
 * are word-aligned copies of megabytes, here 64 bytes a step in two
 * load-multiples and two store-multiples (6 instructions, against 22 for
 * the C loop); the kernel's BSS past its image is hundreds of KB of
 * zeroes, 32 bytes a store-multiple (3 instructions, against 32).  The
 * rest, and any copy with a misaligned end, byte by byte.  Aligned
 * accesses only: this runs with the MMU off too.
 */
#include "asm.h"

	.syntax	unified
	.thumb
	.text

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

/* void *memset(void *dst, int c, size_t n) */
THUMB_ENTRY(memset)
	mov	ip, r0				@ r0 stays dst, the result
	uxtb	r1, r1
	orr	r1, r1, r1, lsl #8
	orr	r1, r1, r1, lsl #16
1:	tst	ip, #3				@ bytes up to a word boundary
	beq	2f
	cbz	r2, 4f
	strb	r1, [ip], #1
	subs	r2, #1
	b	1b
2:	cmp	r2, #32
	blo	3f
	push	{r4-r9}
	mov	r3, r1
	mov	r4, r1
	mov	r5, r1
	mov	r6, r1
	mov	r7, r1
	mov	r8, r1
	mov	r9, r1
	subs	r2, #32
0:	stmia	ip!, {r1, r3-r9}
	subs	r2, #32
	bhs	0b
	adds	r2, #32				@ what is left, < 32
	pop	{r4-r9}
3:	cbz	r2, 4f
5:	strb	r1, [ip], #1
	subs	r2, #1
	bne	5b
4:	bx	lr
END(memset)

/*
 * The stub's variadic functions (console.h, stub.h) are their word forms:
 * every argument is a word (a pointer or a 32-bit value), and AAPCS passes
 * them in r0-r3, then in words on the stack from sp.  r0-r3 pushed just
 * below sp make one array with the stacked ones.
 */

/* void console_printf(const char *fmt, ...), console_info likewise:
 * console_words(info, fmt, the words from r1 on). */
THUMB_ENTRY(console_info)
	push	{r0-r3}
	movs	r0, #1
	b	1f
END(console_info)

THUMB_ENTRY(console_printf)
	push	{r0-r3}
	movs	r0, #0
1:	ldr	r1, [sp]			@ fmt
	add	r2, sp, #4
	push	{r3, lr}			@ (sp 8-byte aligned)
	bl	console_words
	pop	{r3, lr}
	add	sp, #16
	bx	lr
END(console_printf)

/* void stub_fail(struct stub *s, const char *fmt, ...): no return. */
THUMB_ENTRY(stub_fail)
	push	{r0-r3}
	add	r2, sp, #8
	bl	stub_fail_words
END(stub_fail)
