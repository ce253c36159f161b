/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * int unlzma(u8 *out, size_t out_len, const u8 *in, size_t in_len)
 *
 * A raw LZMA1 decoder for the stub's own image: entry.S unpacks the run
 * copy with it, with the MMU off (aligned accesses only), before there is
 * anything else to call.  It sits in the stored image's front, which is
 * not compressed, hence assembly: half the size of the same decoder in C.
 * scripts/stub-compress.py encodes with liblzma; tests/a64/test-unlzma.sh
 * runs this file under qemu-aarch64 against liblzma's streams.
 *
 * The algorithm is the LZMA SDK reference decoder's (LzmaSpec.cpp, public
 * domain): a range decoder, adaptive 11-bit probabilities, bit trees for
 * literals, lengths and distance slots, four recent distances, a
 * twelve-state machine.  Fixed properties lc 0, lp 2, pb 2 (A64 code is
 * words: a byte's place in its word is its context); the output size is
 * known, so no header and no end marker is read; the whole output is the
 * dictionary.  A distance reaching before the output or a length past its
 * end fails (returns -1); reading past the input gives zeros.  A damaged
 * stream can only give wrong bytes, which entry.S's CRC-32 check refuses.
 *
 * Registers: x0 out, x1 out_len, x2 in, x3 in end, w4 range, w5 code,
 * x6 the probabilities, x7 pos, w8 state, w19 the length, w20 pos & 3,
 * w21 a match byte or a distance, w12 and w17 in a literal offs and
 * the match byte's bit, w17 in a match 0 (after a literal) or 3; the
 * four distances at [sp].  bit, norm, tree and length below keep to
 * their own registers (each says which it clobbers).
 */
#include "asm.h"

/* Probability offsets (in 16-bit units), LzmaSpec's arrays in one. */
#define IS_REP		48		/* after IS_MATCH[12 states][4] at 0 */
#define IS_REP_G0	60
#define IS_REP_G1	72
#define IS_REP_G2	84
#define IS_REP0_LONG	96		/* [12][4] */
#define POS_SLOT	144		/* [4 length states][64] */
#define SPEC_POS	400		/* 115 */
#define ALIGN_BITS	515		/* 16 */
#define MATCH_LEN	531		/* the length coders: 322 each */
#define REP_LEN		853
#define LITERAL		1175		/* [4 (pos & 3)][0x300] */
#define NPROBS		4247
#define LEN_HIGH	66		/* choice, choice2, low[4][8], mid[4][8], high */
/* The distances (16 bytes) and the probabilities, rounded up to what one
 * SUB of a shifted immediate makes room for. */
#define FRAME		0x3000
	.if	FRAME < 16 + NPROBS * 2
	.error	"unlzma's frame is too small"
	.endif

	.section .text.front, "ax"	/* ld/stub-arm64.lds: in the front */

/* bit: decode one bit with probability w13; w14 = the bit.  Clobbers
 * w15, w16. */
bit:
	add	x16, x6, w13, uxtw #1
	ldrh	w15, [x16]
	lsr	w14, w4, #11
	mul	w14, w14, w15			// bound
	cmp	w5, w14
	b.hs	1f
	mov	w4, w14				// 0: range = bound, p += (2048 - p) >> 5
	mov	w14, #2048
	sub	w14, w14, w15
	add	w15, w15, w14, lsr #5
	b	2f
1:	sub	w4, w4, w14			// 1: range -= bound, code -= bound, p -= p >> 5
	sub	w5, w5, w14
	sub	w15, w15, w15, lsr #5
2:	cset	w14, hs				// the flags are still the cmp's
	strh	w15, [x16]
	/* fall through */
/* norm: below 2^24, the range takes one more input byte (0 past the
 * end).  Clobbers w16. */
norm:
	lsr	w16, w4, #24
	cbnz	w16, 4f
	lsl	w4, w4, #8
	cmp	x2, x3
	b.hs	3f
	ldrb	w16, [x2], #1
3:	orr	w5, w16, w5, lsl #8
4:	ret

/* tree: w12 bits through the bit tree at w11 (nodes from 1): w9 = the
 * node reached, 1 then the bits most significant first (1 << w12 more
 * than their value), w10 = the bits least significant first.  Clobbers
 * w13-w17, x18. */
tree:
	mov	x18, x30
	mov	w9, #1
	mov	w10, #0
	mov	w17, #0
1:	add	w13, w11, w9
	bl	bit
	add	w9, w14, w9, lsl #1
	lsl	w14, w14, w17
	orr	w10, w10, w14
	add	w17, w17, #1
	cmp	w17, w12
	b.lo	1b
	ret	x18

/* length: the length coder at w11; w19 = the length (2 to 273).  Clobbers
 * w9-w18, x21. */
length:
	mov	x21, x30
	mov	w12, #3
	mov	w19, #(2 - 8)			// the base less tree's 1 << w12
	mov	w13, w11
	bl	bit				// choice
	cbz	w14, 1f
	mov	w19, #(2 + 8 - 8)
	add	w13, w11, #1
	add	w11, w11, #32			// the mid trees follow the low ones
	bl	bit				// choice2
	cbz	w14, 1f
	mov	w19, #(2 + 16 - 256)
	mov	w12, #8
	add	w11, w11, #(LEN_HIGH - 32)
	b	2f
1:	add	w11, w11, w20, lsl #3
	add	w11, w11, #2
2:	bl	tree
	add	w19, w19, w9
	ret	x21

ENTRY(unlzma)
	stp	x19, x20, [sp, #-32]!
	stp	x21, x30, [sp, #16]
	sub	sp, sp, #FRAME
	add	x3, x2, x3
	add	x6, sp, #16
	stp	xzr, xzr, [sp]			// rep0-rep3
	mov	w15, #1024			// every probability one half
	mov	x4, #NPROBS
1:	subs	x4, x4, #1
	strh	w15, [x6, x4, lsl #1]
	b.ne	1b
	mov	w8, #5				// code: bytes 1-4 (byte 0 is 0):
2:	bl	norm				// five shifted in, range 0
	subs	w8, w8, #1
	b.ne	2b				// state 0
	mov	w4, #-1
	mov	x7, #0

loop:
	cmp	x7, x1
	b.hs	done
	and	w20, w7, #3
	add	w13, w20, w8, lsl #2		// IS_MATCH[state][pos & 3]
	bl	bit
	cbnz	w14, match

	/* A literal, through the tree of its pos & 3; after a match, led
	 * by the byte at rep0 while their bits agree: w12 (offs) is 0x100
	 * while they do, then 0, and each bit's probability is at
	 * offs + (the match byte's bit & offs) + the bits so far (xz's
	 * form of LzmaSpec's two loops). */
	mov	w15, #0x300
	mov	w11, #LITERAL
	madd	w11, w20, w15, w11
	mov	w19, #1
	mov	w12, #0
	cmp	w8, #7
	b.lo	3f
	ldr	w15, [sp]
	sub	x15, x7, x15
	sub	x15, x15, #1
	ldrb	w21, [x0, x15]
	mov	w12, #0x100
3:	lsl	w21, w21, #1
	and	w17, w21, w12			// the match byte's bit, at 0x100
	add	w13, w11, w19
	add	w13, w13, w12
	add	w13, w13, w17
	bl	bit
	orr	w19, w14, w19, lsl #1
	eor	w15, w12, w17			// a 0 bit keeps offs if it agrees,
	cmp	w14, #0				// a 1 bit if it agrees: w17
	csel	w12, w15, w17, eq
	cmp	w19, #0x100
	b.lo	3b
	strb	w19, [x0, x7]
	add	x7, x7, #1
	cmp	w8, #10				// state < 4 ? 0 : < 10 ? - 3 : - 6
	sub	w15, w8, #6
	sub	w8, w8, #3
	csel	w8, w15, w8, hs
	bic	w8, w8, w8, asr #31
	b	loop

match:						// w17: 0 after a literal, else 3
	cmp	w8, #7
	cset	w17, hs
	add	w17, w17, w17, lsl #1
	add	w13, w8, #IS_REP
	bl	bit
	cbz	w14, newdist
	mov	w12, #0				// which recent distance
	add	w13, w8, #IS_REP_G0
	bl	bit
	cbnz	w14, 6f
	add	w13, w20, w8, lsl #2
	add	w13, w13, #IS_REP0_LONG
	bl	bit
	cbnz	w14, 7f
	mov	w19, #1				// a short rep: one byte at rep0
	and	w8, w17, #2			// state 9 or 11
	add	w8, w8, #9
	b	copy
6:	mov	w12, #1
	add	w13, w8, #IS_REP_G1
	bl	bit
	cbz	w14, 7f
	add	w13, w8, #IS_REP_G2
	bl	bit
	add	w12, w14, #2
7:	ldr	w15, [sp, w12, uxtw #2]		// rep[w12] to the front
8:	cbz	w12, 9f
	sub	w12, w12, #1
	add	x13, sp, w12, uxtw #2
	ldr	w16, [x13]
	str	w16, [x13, #4]
	b	8b
9:	str	w15, [sp]
	add	w8, w17, #8			// state 8 or 11
	mov	w11, #REP_LEN
	bl	length
	b	copy

newdist:					// the oldest distance dropped
	add	w8, w17, #7			// state 7 or 10
	ldp	w15, w16, [sp]
	ldr	w17, [sp, #8]
	stp	w15, w16, [sp, #4]
	str	w17, [sp, #12]
	mov	w11, #MATCH_LEN
	bl	length
	mov	w15, #5				// the slot's tree: by min(length - 2, 3)
	cmp	w19, #5
	csel	w15, w19, w15, lo
	mov	w11, #(POS_SLOT - 2 * 64)
	add	w11, w11, w15, lsl #6
	mov	w12, #6
	bl	tree
	sub	w9, w9, #64			// the slot
	cmp	w9, #4
	b.lo	12f				// slots 0-3: the distance
	lsr	w12, w9, #1
	sub	w12, w12, #1			// nd: its low bits
	and	w15, w9, #1
	orr	w15, w15, #2
	lsl	w21, w15, w12			// (2 | slot & 1) << nd
	cmp	w9, #14
	b.hs	10f
	mov	w11, #SPEC_POS			// slots 4-13: nd bits, reversed
	add	w11, w11, w21
	sub	w11, w11, w9
	b	11f
10:	sub	w12, w12, #4			// else nd - 4 direct bits, then 4 reversed
	mov	w10, #0
13:	lsr	w4, w4, #1
	subs	w16, w5, w4			// the bit: code >= range, C set
	csel	w5, w16, w5, hs
	adc	w10, w10, w10
	bl	norm
	subs	w12, w12, #1
	b.ne	13b
	add	w21, w21, w10, lsl #4
	mov	w11, #ALIGN_BITS
	mov	w12, #4
11:	bl	tree
	add	w9, w21, w10
12:	str	w9, [sp]

copy:						// w19 bytes from rep0 + 1 back
	ldr	w15, [sp]
	cmp	x15, x7
	b.hs	fail				// before the output (or the end marker)
	sub	x16, x1, x7
	cmp	x19, x16
	b.hi	fail				// past its end
	sub	x15, x7, x15
	sub	x15, x15, #1
14:	ldrb	w16, [x0, x15]
	strb	w16, [x0, x7]
	add	x15, x15, #1
	add	x7, x7, #1
	subs	w19, w19, #1
	b.ne	14b
	b	loop

fail:						// pos < out_len: -1
done:	cmp	x7, x1				// pos == out_len: 0
	csetm	w0, ne
	add	sp, sp, #FRAME
	ldp	x21, x30, [sp, #16]
	ldp	x19, x20, [sp], #32
	ret
END(unlzma)
