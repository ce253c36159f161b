/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memcpy and memset for the arm64 stub, in place of stub/lib.c (with
 * -mstrict-align GCC turns its 32-byte block copy into a call to memcpy
 * itself; its udiv32 is arch.c's here).  The relocation, the initrd and a
 * "none" kernel are 8-byte-aligned copies of megabytes, here 64 bytes a
 * step in four load-pairs and four store-pairs; the rest byte by byte.
 * Aligned accesses only: this runs with the MMU off.
 */
#include "asm.h"

	.text

/* void *memcpy(void *dst, const void *src, size_t n) */
ENTRY(memcpy)
	mov	x3, x0				// x0 stays dst, the result
	orr	x4, x0, x1
	tst	x4, #7
	b.ne	3f
1:	cmp	x2, #64
	b.lo	2f
	ldp	x4, x5, [x1]
	ldp	x6, x7, [x1, #16]
	ldp	x8, x9, [x1, #32]
	ldp	x10, x11, [x1, #48]
	add	x1, x1, #64
	stp	x4, x5, [x3]
	stp	x6, x7, [x3, #16]
	stp	x8, x9, [x3, #32]
	stp	x10, x11, [x3, #48]
	add	x3, x3, #64
	sub	x2, x2, #64
	b	1b
2:	cmp	x2, #8
	b.lo	3f
	ldr	x4, [x1], #8
	str	x4, [x3], #8
	sub	x2, x2, #8
	b	2b
3:	cbz	x2, 4f
	ldrb	w4, [x1], #1
	strb	w4, [x3], #1
	sub	x2, x2, #1
	b	3b
4:	ret
END(memcpy)

/* void *memset(void *dst, int c, size_t n) */
ENTRY(memset)
	mov	x3, x0				// x0 stays dst, the result
	and	x1, x1, #0xff
	mov	x4, #0x0101010101010101
	mul	x1, x1, x4
1:	tst	x3, #7				// bytes up to an 8-byte boundary
	b.eq	2f
	cbz	x2, 4f
	strb	w1, [x3], #1
	sub	x2, x2, #1
	b	1b
2:	cmp	x2, #64
	b.lo	3f
	stp	x1, x1, [x3]
	stp	x1, x1, [x3, #16]
	stp	x1, x1, [x3, #32]
	stp	x1, x1, [x3, #48]
	add	x3, x3, #64
	sub	x2, x2, #64
	b	2b
3:	cbz	x2, 4f
	strb	w1, [x3], #1
	sub	x2, x2, #1
	b	3b
4:	ret
END(memset)

/*
 * The stub's variadic functions (console.h, stub.h) are their word forms:
 * every argument is a word (a pointer, or a 32-bit value in the low bits),
 * and AAPCS64 passes them in x0-x7, then in 8-byte stack slots from sp.
 * x0-x7 stored just below sp make one array with the stacked ones.
 */
.macro	SPILL_ARGS
	stp	x6, x7, [sp, #-16]!
	stp	x4, x5, [sp, #-16]!
	stp	x2, x3, [sp, #-16]!
	stp	x0, x1, [sp, #-16]!
.endm

/* void console_printf(const char *fmt, ...), console_info likewise:
 * console_words(info, fmt, the words from x1 on). */
ENTRY(console_info)
	mov	w9, #1
	b	1f
END(console_info)

ENTRY(console_printf)
	mov	w9, #0
1:	SPILL_ARGS
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp
	mov	x1, x0
	mov	w0, w9
	add	x2, sp, #24
	bl	console_words
	ldp	x29, x30, [sp], #80
	ret
END(console_printf)

/* void stub_fail(struct stub *s, const char *fmt, ...): no return. */
ENTRY(stub_fail)
	SPILL_ARGS
	add	x2, sp, #16
	bl	stub_fail_words
END(stub_fail)
