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
 * source go through memcpy, overlapping ones byte by byte.
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
#define copy_literals(dst, src, n)	memcpy(dst, src, n)

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

/* Literals: whole 16-byte blocks, then the tail byte by byte. */
static void copy_literals(uint8_t *dst, const uint8_t *src, size_t n)
{
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

	if ((size_t)(out_end - end) < 16) {
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

int lz4_decompress(void *dst, size_t *dst_len, const void *src, size_t src_len)
{
	const uint8_t *ip = src, *const iend = ip + src_len;
	uint8_t *op = dst, *const obeg = dst, *const oend = op + *dst_len;
#ifndef LZ4_COMPACT
	/* The fast path's reads and writes fit while ip <= ifast and op <= ofast. */
	const uintptr_t ifast = src_len >= 17 ? (uintptr_t)(iend - 17) : 0;
	const uintptr_t ofast = *dst_len >= 32 ? (uintptr_t)(oend - 32) : 0;
#endif
	int err;

	for (;;) {
		unsigned int token;
		size_t lit, len, off;

#ifndef LZ4_COMPACT
		if ((uintptr_t)ip <= ifast && (uintptr_t)op <= ofast) {
			/* Fast: room to read the token, 16 literal bytes and
			 * the offset, and to write 16 + 18 bytes. */
			token = *ip++;
			lit = token >> 4;
			len = token & 15;
			if (lit == 15)
				goto literals;
			copy16(op, ip);
			op += lit;
			ip += lit;
			off = ip[0] | ip[1] << 8;
			ip += 2;
			if (bad_offset(off, op, obeg)) {
				err = CODEC_EDATA;
				break;
			}
			if (len < 15 && off >= 8) {
				const uint8_t *m = op - off;

				copy8(op, m);
				copy8(op + 8, m + 8);
				__builtin_memcpy(op + 16, m + 16, 2);
				op += len + 4;
				continue;
			}
			goto match;
		}
#endif
		if (ip == iend) {
			err = CODEC_EINPUT;
			break;
		}
		token = *ip++;
		lit = token >> 4;
		len = token & 15;
#ifndef LZ4_COMPACT
literals:
#endif
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
		copy_literals(op, ip, lit);
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
#ifndef LZ4_COMPACT
match:
#endif
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
