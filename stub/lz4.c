/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * LZ4 block decoder (lz4 doc/lz4_Block_format.md).  A block is a run of
 * sequences: token (literal length << 4 | match length - 4), length
 * extension bytes, literals, 16-bit LE offset, match length extension.
 * The last sequence is literals only and ends exactly at the end of the
 * input.  The end-of-block restrictions on the last match (MFLIMIT,
 * LASTLITERALS) are not enforced: every read and write is checked anyway.
 *
 * Short literal runs and short matches, the common case, are copied as
 * fixed-size blocks when both buffers have room for the overshoot.  Built
 * with LZ4_COMPACT (the x86 stub, whose memcpy is one `rep movsb`), there
 * is no such fast path: literals and matches that do not overlap their
 * source go through memcpy, overlapping ones byte by byte.  The arm64
 * stub has this decoder in assembly instead (stub/arch/arm64/lz4.S, tested
 * against this one).
 */
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include "codec.h"

/* Add a length extension: every byte of 255 is followed by another. */
static int read_len(const uint8_t **ip, const uint8_t *end, size_t *len)
{
	unsigned int b;

	do {
		if (*ip == end)
			return CODEC_EINPUT;
		b = *(*ip)++;
		*len += b;
	} while (b == 255);
	return 0;
}

#ifdef LZ4_COMPACT
#define copy_literals(dst, src, n, spare)	memcpy(dst, src, n)

static void copy_match(uint8_t *out, size_t off, size_t len, const uint8_t *out_end)
{
	const uint8_t *from = out - off;

	(void)out_end;
	if (off >= len) {
		memcpy(out, from, len);
		return;
	}
	while (len--)
		*out++ = *from++;
}
#else /* !LZ4_COMPACT */
/* Word by word, unrolled: at -Os a 16-byte __builtin_memcpy becomes a
 * loop of four, twice the instructions on the decoder's hottest path. */
static inline void copy8(uint8_t *dst, const uint8_t *src)
{
	uint32_t a, b;

	__builtin_memcpy(&a, src, 4);
	__builtin_memcpy(&b, src + 4, 4);
	__builtin_memcpy(dst, &a, 4);
	__builtin_memcpy(dst + 4, &b, 4);
}

static inline void copy16(uint8_t *dst, const uint8_t *src)
{
	copy8(dst, src);
	copy8(dst + 8, src + 8);
}

/* The careful path's copies may overrun by up to 15 bytes when both
 * buffers have that to spare. */
#define SPARE	16

/* Literals: whole 16-byte blocks, then the tail byte by byte; blocks only
 * when both buffers have SPARE bytes after the @n (@spare). */
static void copy_literals(uint8_t *dst, const uint8_t *src, size_t n, int spare)
{
	if (spare)
		n = (n + 15) & ~(size_t)15;
	for (; n >= 16; n -= 16, dst += 16, src += 16)
		copy16(dst, src);
	while (n--)
		*dst++ = *src++;
}

/* @len bytes from @off back, @off <= bytes written; @out_end - @out >= @len. */
static void copy_match(uint8_t *out, size_t off, size_t len, const uint8_t *out_end)
{
	const uint8_t *from = out - off;
	uint8_t *end = out + len;
	size_t step = off;
	unsigned int i;

	if ((size_t)(out_end - end) < SPARE) {
		while (out < end)
			*out++ = *from++;
		return;
	}
	if (off >= 16) {
		do {
			copy16(out, from);
			out += 16;
			from += 16;
		} while (out < end);
		return;
	}
	if (off < 8) {
		/* Spread the pattern over 8 bytes, then copy from a multiple
		 * of @off at least 8 back, where words do not overlap. */
		for (i = 0; i < 8; i++)
			out[i] = from[i];
		while (step < 8)
			step += off;
		out += 8;
		from = out - step;
	}
	while (out < end) {
		copy8(out, from);
		out += 8;
		from += 8;
	}
}
#endif /* LZ4_COMPACT */

/* Validate a match offset: not 0, not before the start of the output. */
static inline int bad_offset(size_t off, const uint8_t *op, const uint8_t *obeg)
{
	return off - 1 >= (size_t)(op - obeg);
}

#ifndef LZ4_COMPACT
/*
 * How many sequences the fast loop may take with no bound check.  One
 * reads at most 17 bytes from its token on (1 + 14 literals, read as 16,
 * + 2 of offset) and writes at most 32 from op on (16 literals, or 14
 * then an 18-byte match), and moves ip and op no further: n steps fit
 * when n * 32 <= both rooms.  Below 64 KiB (an address) op - off could
 * wrap, and the fast loop's offset check would not hold.
 */
static inline size_t fast_steps(const uint8_t *ip, const uint8_t *iend,
				const uint8_t *op, const uint8_t *oend)
{
	size_t in = (size_t)(iend - ip), out = (size_t)(oend - op);

	if ((uintptr_t)op < 0x10000)
		return 0;
	return (in < out ? in : out) / 32;
}

/*
 * A match of 19 or more bytes met in the fast loop (offset 8 or more,
 * checked), *@ipp at its length extension: read that and copy the match
 * 32 bytes a step, if the input holds the extension and the output has
 * 32 bytes to spare after the match.  Returns the match's end and moves
 * *@ipp past the extension, or returns NULL (for the careful path).
 */
static __attribute__((noinline))	/* else the fast loop runs out of registers */
uint8_t *long_match(const uint8_t **ipp, const uint8_t *iend,
		    uint8_t *o, const uint8_t *m, const uint8_t *oend)
{
	const uint8_t *ip = *ipp;
	size_t len = 15 + 4, room = (size_t)(oend - o);
	unsigned int b;
	uint8_t *end;

	do {
		if (ip == iend)
			return NULL;
		b = *ip++;
		len += b;
	} while (b == 255);
	if (room < 32 || len > room - 32)
		return NULL;
	end = o + len;
	do {	/* copy8 by copy8: right for offsets of 8 or more */
		copy16(o, m);
		copy16(o + 16, m + 16);
		o += 32;
		m += 32;
	} while (o < end);
	*ipp = ip;
	return end;
}

/*
 * The fast loop: up to @n (> 0) sequences with at most 14 literals and 18
 * match bytes at an offset of 8 or more (95% of the Debian Image's
 * sequences), no bound checks.  8 literal and 8 match bytes cover 95% and 80% of them.
 * A longer match it hands to long_match().  It stops at the first other
 * sequence, ip at its token and op where it starts, and returns 1 for the
 * careful path (what it wrote past op is rewritten there); else 0.
 */
static int fast_loop(const uint8_t **ipp, uint8_t **opp, size_t n, const uint8_t *iend,
		     const uint8_t *obeg, const uint8_t *oend)
{
	const uint8_t *ip = *ipp;
	uint8_t *op = *opp;

	do {
		unsigned int token = *ip, lit, len = token & 15;
		uint8_t *o;
		const uint8_t *m, *t;
		uint16_t off;

		lit = token >> 4;
		o = op + lit;
		t = ip + lit;
		copy8(op, ip + 1);
		if (lit > 8) {
			if (token >= 0xf0)	/* lit == 15 */
				goto careful;
			copy8(op + 8, ip + 9);
		}
		__builtin_memcpy(&off, t + 1, 2);	/* little-endian */
		m = (const uint8_t *)((uintptr_t)o - off);
		if (off < 8 || (uintptr_t)m < (uintptr_t)obeg)
			goto careful;	/* overlapping a copy8, or bad */
		copy8(o, m);
		if (len > 4) {
			if (len == 15) {
				const uint8_t *e = t + 3;

				o = long_match(&e, iend, o, m, oend);
				if (!o)
					goto careful;
				*ipp = e;
				*opp = o;
				return 0;	/* past the batch's budget */
			}
			copy8(o + 8, m + 8);
			__builtin_memcpy(o + 16, m + 16, 2);
		}
		ip = t + 3;
		op = o + len + 4;
	} while (--n);
	*ipp = ip;
	*opp = op;
	return 0;
careful:
	*ipp = ip;
	*opp = op;
	return 1;
}
#endif

int lz4_decompress(void *dst, size_t *dst_len, const void *src, size_t src_len)
{
	const uint8_t *ip = src, *const iend = ip + src_len;
	uint8_t *op = dst, *const obeg = dst, *const oend = op + *dst_len;
	int err;

	for (;;) {
		unsigned int token;
		size_t lit, len, off;
#ifndef LZ4_COMPACT
		size_t n = fast_steps(ip, iend, op, oend);

		if (n && !fast_loop(&ip, &op, n, iend, obeg, oend))
			continue;	/* a new batch */
#endif
		if (ip == iend) {
			err = CODEC_EINPUT;
			break;
		}
		token = *ip++;
		lit = token >> 4;
		len = token & 15;
		if (lit == 15 && (err = read_len(&ip, iend, &lit)))
			break;
		if (lit > (size_t)(iend - ip)) {
			err = CODEC_EINPUT;
			break;
		}
		if (lit > (size_t)(oend - op)) {
			err = CODEC_EOUTPUT;
			break;
		}
		copy_literals(op, ip, lit, (size_t)(iend - ip) - lit >= SPARE &&
				  (size_t)(oend - op) - lit >= SPARE);
		op += lit;
		ip += lit;
		if (ip == iend) {
			err = 0;	/* the last literals end the block */
			break;
		}
		if (iend - ip < 2) {
			err = CODEC_EINPUT;
			break;
		}
		off = ip[0] | ip[1] << 8;
		ip += 2;
		if (bad_offset(off, op, obeg)) {
			err = CODEC_EDATA;
			break;
		}
		if (len == 15 && (err = read_len(&ip, iend, &len)))
			break;
		len += 4;
		if (len > (size_t)(oend - op)) {
			err = CODEC_EOUTPUT;
			break;
		}
		copy_match(op, off, len, oend);
		op += len;
	}
	*dst_len = op - obeg;
	return err;
}
