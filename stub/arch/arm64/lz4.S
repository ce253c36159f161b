/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * int lz4_decompress(void *dst, size_t *dst_len, const void *src,
 *		      size_t src_len)
 *
 * The arm64 stub's LZ4 block decoder (lz4 doc/lz4_Block_format.md), with
 * stub/lz4.c's contract and results (codec.h): the same error, the same
 * *dst_len and the same bytes up to it, for any input; what it writes past
 * *dst_len, inside the capacity, may differ.  Half the size of lz4.c built
 * for A64, and as fast.  It runs only with the 1:1 map on (normal memory,
 * alignment checks off): unaligned word accesses.  tests/a64/test-lz4.sh
 * runs it under qemu-aarch64 against lz4.c on liblz4's streams, damaged
 * ones and garbage.
 *
 * A sequence: token (literal length << 4 | match length - 4), length
 * extension bytes, literals, 16-bit LE offset, match length extension.
 * The last one is literals only and ends exactly at the end of the input.
 *
 * The fast path takes a sequence whole when both buffers have 32 bytes
 * left, it has at most 14 literals and 18 match bytes, at an offset of 8
 * or more: 16 literal and 18 match bytes copied, no length checks (what
 * lands past the sequence's end is rewritten by the next one).  One takes
 * at most 17 bytes in and 32 out, so it runs min(rooms) / 32 sequences
 * before it looks at the rooms again.  Any other
 * sequence goes through the careful path, which is lz4.c's: every length
 * checked before it is used, in lz4.c's order.
 *
 * Registers: x0 dst, x1 dst_len, x2 ip, x3 the input's end, x4 op, x5 the
 * output's end, x6 the token, x7 a length, x8 the token's match length,
 * x16 the offset, x17 the return address; x9-x15 scratch.
 */
#include "asm.h"

	.text

ENTRY(lz4_decompress)
	mov	x17, x30
	ldr	x5, [x1]
	add	x5, x0, x5
	add	x3, x2, x3
	mov	x4, x0

seq:	sub	x9, x3, x2			// x9: how many sequences may take
	sub	x10, x5, x4			// the fast path, 32 bytes of room in
	cmp	x9, x10				// and out each
	csel	x9, x9, x10, lo
	lsr	x9, x9, #5
	cbz	x9, careful
fast:	ldrb	w6, [x2]
	lsr	w7, w6, #4
	and	w8, w6, #15
	cmp	w7, #15
	ccmp	w8, #15, #4, ne			// eq: either length extended
	b.eq	careful
	ldur	x14, [x2, #1]			// 16 literal bytes
	ldur	x15, [x2, #9]
	stp	x14, x15, [x4]
	add	x12, x2, x7			// the offset at x12 + 1
	ldurh	w16, [x12, #1]
	add	x13, x4, x7			// the match's start
	subs	x15, x13, x16			// from before address 0,
	ccmp	x15, x0, #0, hs			// or before dst, or an offset
	ccmp	x16, #8, #0, hs			// under 8 (0 too): lo
	b.lo	careful
	ldr	x14, [x15]			// 18 match bytes, 8 at a time
	str	x14, [x13]
	ldr	x14, [x15, #8]
	str	x14, [x13, #8]
	ldrh	w14, [x15, #16]
	strh	w14, [x13, #16]
	add	x2, x12, #3
	add	x4, x13, x8
	add	x4, x4, #4
	subs	x9, x9, #1
	b.ne	fast
	b	seq

careful:
	cmp	x2, x3
	b.hs	einput
	ldrb	w6, [x2], #1
	ubfx	x7, x6, #4, #4
	and	x8, x6, #15
	cmp	x7, #15
	b.ne	1f
	bl	readlen
1:	sub	x9, x3, x2
	cmp	x7, x9
	b.hi	einput
	sub	x10, x5, x4
	cmp	x7, x10
	b.hi	eoutput
	mov	x12, x2				// the literals; whole words when
	mov	x13, x4				// both buffers have 16 bytes after
	mov	x11, x7
	sub	x9, x9, x7
	sub	x10, x10, x7
	cmp	x9, #16
	ccmp	x10, #16, #0, hs
	b.lo	2f
	add	x11, x11, #7
	and	x11, x11, #~7
2:	bl	copy
	add	x2, x2, x7
	add	x4, x4, x7
	cmp	x2, x3
	b.eq	done				// the last literals end the block
	sub	x9, x3, x2
	cmp	x9, #2
	b.lo	einput
	ldrh	w16, [x2], #2
	sub	x9, x4, x0
	sub	x15, x16, #1
	cmp	x15, x9
	b.hs	edata				// offset 0, or before dst
	mov	x7, x8
	cmp	x7, #15
	b.ne	3f
	bl	readlen
3:	add	x7, x7, #4
	sub	x10, x5, x4
	cmp	x7, x10
	b.hi	eoutput
	sub	x12, x4, x16			// the match
	mov	x13, x4
	mov	x11, x7
	sub	x10, x10, x7
	cmp	x10, #16			// under 16 bytes after it: by bytes
	b.lo	6f
	cmp	x16, #8
	b.hs	5f
	mov	x11, #8				// offset under 8: its pattern over
	bl	copy_bytes			// 8 bytes, then words from a
	mov	x15, #0				// multiple of it 8 or more back
4:	add	x15, x15, x16
	cmp	x15, #8
	b.lo	4b
	sub	x12, x13, x15
	subs	x11, x7, #8
	b.ls	8f
5:	add	x11, x11, #7			// words, rounded up
	and	x11, x11, #~7
	bl	copy
	b	8f
6:	bl	copy_bytes
8:	add	x4, x4, x7
	b	seq

einput:	mov	w6, #-1				// CODEC_EINPUT
	b	9f
eoutput:
	mov	w6, #-2				// CODEC_EOUTPUT
	b	9f
edata:	mov	w6, #-3				// CODEC_EDATA
	b	9f
done:	mov	w6, #0
9:	sub	x4, x4, x0
	str	x4, [x1]
	mov	w0, w6
	ret	x17

/* readlen: add a length extension to x7 (every byte of 255 is followed by
 * another), or stop with CODEC_EINPUT at the input's end. */
readlen:
	cmp	x2, x3
	b.hs	einput
	ldrb	w14, [x2], #1
	add	x7, x7, x14
	cmp	w14, #255
	b.eq	readlen
	ret

/* copy: x11 bytes from x12 to x13, words while 8 or more are left (right
 * for buffers apart or 8 or more bytes behind), then bytes; x12 and x13
 * end past them. */
copy:	cmp	x11, #8
	b.lo	copy_bytes
	ldr	x14, [x12], #8
	str	x14, [x13], #8
	sub	x11, x11, #8
	b	copy
copy_bytes:
	cbz	x11, 1f
	ldrb	w14, [x12], #1
	strb	w14, [x13], #1
	sub	x11, x11, #1
	b	copy_bytes
1:	ret
END(lz4_decompress)
