/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Raw deflate decoder (RFC 1951) into one flat output buffer.
 *
 * Each block's Huffman codes become two-level lookup tables in a local
 * struct: a primary table indexed by the next LITLEN_BITS (DIST_BITS) input
 * bits, and subtables for the few longer codes.  A table entry is
 *
 *   bit 31      E_LIT: a literal byte, in bits 16-23
 *   bits 16-30  value: length or distance base, precode symbol, or the
 *               index of a subtable
 *   bits 12-14  E_SUB, E_EOB, E_BAD
 *   bits 8-11   extra bits after the code, or a subtable's index bits
 *   bits 0-3    code length (the whole code, also in subtables)
 *
 * The bit buffer is a machine word.  Near the end of the input it is
 * refilled with zero bytes that are only counted (s->pad): a stream that
 * consumes any of them was truncated.  The count stops at PAD_MAX, more
 * than the buffer holds, which already proves that.
 */
#include <stdint.h>
#include <stddef.h>
#include "codec.h"

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "word refill is LE");

#ifdef INFLATE_TEST_WORD32	/* host test of the 32-bit targets' path */
typedef uint32_t bitbuf_t;
#else
typedef unsigned long bitbuf_t;
#endif
#define WORD_BITS	(8 * sizeof(bitbuf_t))

#define LITLEN_BITS	10
#define DIST_BITS	8
#define PRECODE_BITS	7
/* Worst-case table sizes for these root sizes (zlib's examples/enough.c:
 * "enough 288 10 15" and "enough 32 8 15"); the builder checks them too. */
#define LITLEN_ENOUGH	1334
#define DIST_ENOUGH	402

#define E_LIT		0x80000000u
#define E_SUB		0x4000u
#define E_EOB		0x2000u
#define E_BAD		0x1000u

enum code_kind { PRECODE, LITLEN, DIST };

struct inflate {
	const uint8_t *in, *in_end;
	uint8_t *out, *out_beg, *out_end;
	bitbuf_t bb;		/* bits not yet consumed, LSB first */
	unsigned int bc;	/* number of valid bits in bb */
	unsigned int pad;	/* zero bytes fed in past in_end */
};

struct inflate_tables {
	uint32_t litlen[LITLEN_ENOUGH];
	uint32_t dist[DIST_ENOUGH];	/* also the precode table */
	uint8_t lens[288 + 32];
	uint16_t sorted[288];
};

#define MASK(n)		(((bitbuf_t)1 << (n)) - 1)
#define PAD_MAX		(2 * sizeof(bitbuf_t))

/* Top the buffer up to at least WORD_BITS - 8 bits. */
static inline __attribute__((always_inline)) void refill(struct inflate *s)
{
	bitbuf_t w;

	if ((size_t)(s->in_end - s->in) >= sizeof(w)) {
		__builtin_memcpy(&w, s->in, sizeof(w));
		s->bb |= w << s->bc;
		s->in += (WORD_BITS - 1 - s->bc) >> 3;
		s->bc |= WORD_BITS - 8;
		return;
	}
	while (s->bc <= WORD_BITS - 8) {
		if (s->in < s->in_end)
			s->bb |= (bitbuf_t)*s->in++ << s->bc;
		else if (s->pad < PAD_MAX)
			s->pad++;
		s->bc += 8;
	}
}

/* The next @n bits, not consumed. */
static unsigned int peek(struct inflate *s, unsigned int n)
{
	if (s->bc < n)
		refill(s);
	return s->bb & MASK(n);
}

static inline void drop(struct inflate *s, unsigned int n)
{
	s->bb >>= n;
	s->bc -= n;
}

static unsigned int getbits(struct inflate *s, unsigned int n)
{
	unsigned int v = peek(s, n);

	drop(s, n);
	return v;
}

/* Length symbols 257..285 and distance symbols 0..29 (RFC 1951 3.2.5). */
static uint32_t entry(enum code_kind kind, unsigned int sym, unsigned int len)
{
	unsigned int extra = 0, base;

	if (kind == PRECODE)
		return sym << 16 | len;
	if (kind == LITLEN) {
		if (sym < 256)
			return E_LIT | sym << 16 | len;
		if (sym == 256)
			return E_EOB | len;
		if (sym > 285)
			return E_BAD;
		sym -= 257;
		base = sym + 3;
		if (sym == 28)
			base = 258;
		else if (sym >= 8) {
			extra = (sym - 4) >> 2;
			base = ((4 + (sym & 3)) << extra) + 3;
		}
	} else {
		if (sym > 29)
			return E_BAD;
		base = sym + 1;
		if (sym >= 4) {
			extra = (sym >> 1) - 1;
			base = ((2 + (sym & 1)) << extra) + 1;
		}
	}
	return base << 16 | extra << 8 | len;
}

/*
 * Build the table for the code with lengths @lens[0..n-1].  Codes are
 * placed in canonical order, so a long code's subtable is filled by the
 * codes that follow it; its size comes from the counts still to place.
 */
static int build(uint32_t *t, unsigned int bits, unsigned int size,
		 const uint8_t *lens, unsigned int n, enum code_kind kind,
		 uint16_t *sorted)
{
	uint16_t count[16] = { 0 }, offs[16];
	unsigned int i, len, code = 0, next = 1u << bits, sub = 0, prefix = ~0u;
	int left = 1;

	for (i = 0; i < n; i++)
		count[lens[i]]++;
	offs[1] = 0;
	for (len = 1; len < 16; len++) {
		left = (left << 1) - count[len];
		if (left < 0)
			return CODEC_EDATA;	/* over-subscribed */
		if (len < 15)
			offs[len + 1] = offs[len] + count[len];
	}
	if (left) {
		/* Incomplete: only "no code" or one 1-bit code, as zlib. */
		if (kind == PRECODE || offs[15] + count[15] != count[1])
			return CODEC_EDATA;
		for (i = 0; i < next; i++)
			t[i] = E_BAD;
	}
	for (i = 0; i < n; i++)
		if (lens[i])
			sorted[offs[lens[i]]++] = i;

	for (i = 0, len = 1; len < 16; len++) {
		unsigned int k;

		for (k = count[len]; k; k--) {
			uint32_t e = entry(kind, sorted[i++], len);
			unsigned int j = code, step = 1u << len, end = 1u << bits;
			uint32_t *dst = t;

			if (len > bits) {
				if ((code & MASK(bits)) != prefix) {
					unsigned int sb = len - bits, l = len;
					int avail = (1 << sb) - k;

					while (avail > 0 && ++l < 16) {
						avail = (avail << 1) - count[l];
						sb++;
					}
					prefix = code & MASK(bits);
					sub = next;
					next += 1u << sb;
					if (next > size)
						return CODEC_EDATA;
					t[prefix] = sub << 16 | E_SUB | sb << 8 | bits;
				}
				dst = t + sub;
				j = code >> bits;
				step >>= bits;
				end = next - sub;
			}
			for (; j < end; j += step)
				dst[j] = e;
			/* Next canonical code, bit-reversed. */
			step = 1u << (len - 1);
			while (code & step)
				step >>= 1;
			code = step ? (code & (step - 1)) + step : 0;
		}
	}
	return 0;
}

static void copy8(uint8_t *dst, const uint8_t *src)
{
	__builtin_memcpy(dst, src, 8);
}

/* Copy a match of @len bytes from @dist bytes back; the caller checked
 * both.  Whole words are copied while they fit before @out_end. */
static inline __attribute__((always_inline))
void copy_match(uint8_t *out, size_t dist, size_t len, const uint8_t *out_end)
{
	const uint8_t *from = out - dist;
	uint8_t *end = out + len;
	size_t step = dist;
	unsigned int i;

	if ((size_t)(out_end - end) < 8) {
		while (out < end)
			*out++ = *from++;
		return;
	}
	if (dist < 8) {
		/* Spread the pattern over 8 bytes, then copy from a multiple
		 * of @dist at least 8 back, where words do not overlap. */
		for (i = 0; i < 8; i++)
			out[i] = from[i];
		while (step < 8)
			step += dist;
		out += 8;
		from = out - step;
	}
	while (out < end) {
		copy8(out, from);
		out += 8;
		from += 8;
	}
}

/* Decode symbols up to the end-of-block code. */
static int huffman_block(struct inflate *ps, const struct inflate_tables *t)
{
	struct inflate s = *ps;
	int err;

	for (;;) {
		uint32_t e;
		size_t len, dist;

		refill(&s);
		e = t->litlen[s.bb & MASK(LITLEN_BITS)];
		if (e & E_SUB)
			e = t->litlen[(e >> 16) + ((s.bb >> LITLEN_BITS) & MASK(e >> 8 & 15))];
		s.bb >>= e & 15;
		s.bc -= e & 15;
		if ((int32_t)e < 0) {
			if (s.out == s.out_end) {
				err = CODEC_EOUTPUT;
				break;
			}
			*s.out++ = (uint8_t)(e >> 16);
			/* A 64-bit buffer still holds 41 bits: one more literal. */
			e = t->litlen[s.bb & MASK(LITLEN_BITS)];
			if (WORD_BITS >= 64 && (int32_t)e < 0 && s.out != s.out_end) {
				s.bb >>= e & 15;
				s.bc -= e & 15;
				*s.out++ = (uint8_t)(e >> 16);
			}
			continue;
		}
		if (e & (E_EOB | E_BAD)) {
			err = e & E_BAD ? CODEC_EDATA : 0;
			break;
		}
		len = (e >> 16) + (s.bb & MASK(e >> 8 & 15));
		s.bb >>= e >> 8 & 15;
		s.bc -= e >> 8 & 15;

		if (WORD_BITS < 48)
			refill(&s);
		e = t->dist[s.bb & MASK(DIST_BITS)];
		if (e & E_SUB)
			e = t->dist[(e >> 16) + ((s.bb >> DIST_BITS) & MASK(e >> 8 & 15))];
		s.bb >>= e & 15;
		s.bc -= e & 15;
		if (e & E_BAD) {
			err = CODEC_EDATA;	/* distance symbol 30, 31 or unused */
			break;
		}
		if (WORD_BITS < 48)
			refill(&s);
		dist = (e >> 16) + (s.bb & MASK(e >> 8 & 15));
		s.bb >>= e >> 8 & 15;
		s.bc -= e >> 8 & 15;
		if (dist > (size_t)(s.out - s.out_beg)) {
			err = CODEC_EDATA;	/* before the start of the output */
			break;
		}
		if (len > (size_t)(s.out_end - s.out)) {
			err = CODEC_EOUTPUT;
			break;
		}
		copy_match(s.out, dist, len, s.out_end);
		s.out += len;
	}
	*ps = s;
	return err;
}

static int stored_block(struct inflate *s)
{
	unsigned int n, len;

	/* Drop to a byte boundary and hand the buffered bytes back. */
	s->bb >>= s->bc & 7;
	n = s->bc >> 3;
	if (n < s->pad)
		return CODEC_EINPUT;
	s->in -= n - s->pad;
	s->bb = 0;
	s->bc = 0;
	s->pad = 0;
	if (s->in_end - s->in < 4)
		return CODEC_EINPUT;
	len = s->in[0] | s->in[1] << 8;
	if ((len ^ 0xffff) != (unsigned int)(s->in[2] | s->in[3] << 8))
		return CODEC_EDATA;	/* LEN and NLEN disagree */
	s->in += 4;
	if (len > (size_t)(s->in_end - s->in))
		return CODEC_EINPUT;
	if (len > (size_t)(s->out_end - s->out))
		return CODEC_EOUTPUT;
	__builtin_memcpy(s->out, s->in, len);
	s->in += len;
	s->out += len;
	return 0;
}

/* Both tables from t->lens: @nlen literal/length then @ndist distance lengths. */
static int build_tables(struct inflate_tables *t, unsigned int nlen,
			unsigned int ndist)
{
	int err;

	err = build(t->litlen, LITLEN_BITS, LITLEN_ENOUGH, t->lens, nlen,
		    LITLEN, t->sorted);
	if (!err)
		err = build(t->dist, DIST_BITS, DIST_ENOUGH, t->lens + nlen,
			    ndist, DIST, t->sorted);
	return err;
}

/* RFC 1951 3.2.6, with the unused symbols 286, 287, 30 and 31. */
static int fixed_tables(struct inflate_tables *t)
{
	static const uint8_t runs[] = { 144, 8, 112, 9, 24, 7, 8, 8, 32, 5 };
	uint8_t *p = t->lens;
	unsigned int i, n;

	for (i = 0; i < sizeof(runs); i += 2)
		for (n = runs[i]; n; n--)
			*p++ = runs[i + 1];
	return build_tables(t, 288, 32);
}

/* RFC 1951 3.2.7: code lengths, themselves Huffman coded by the precode. */
static int dynamic_tables(struct inflate *s, struct inflate_tables *t)
{
	static const uint8_t order[19] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
	};
	unsigned int nlen, ndist, ncode, i, n, v;
	int err;

	nlen = getbits(s, 5) + 257;
	ndist = getbits(s, 5) + 1;
	ncode = getbits(s, 4) + 4;
	if (nlen > 286 || ndist > 30)
		return CODEC_EDATA;	/* too many length or distance codes */
	for (i = 0; i < 19; i++)
		t->lens[order[i]] = i < ncode ? getbits(s, 3) : 0;
	err = build(t->dist, PRECODE_BITS, 1u << PRECODE_BITS, t->lens, 19,
		    PRECODE, t->sorted);
	if (err)
		return err;
	for (i = 0; i < nlen + ndist; ) {
		uint32_t e = t->dist[peek(s, PRECODE_BITS)];

		drop(s, e & 15);
		v = e >> 16;
		if (v < 16) {
			t->lens[i++] = v;
			continue;
		}
		if (v == 16) {
			if (i == 0)
				return CODEC_EDATA;	/* repeat with no previous length */
			v = t->lens[i - 1];
			n = 3 + getbits(s, 2);
		} else if (v == 17) {
			v = 0;
			n = 3 + getbits(s, 3);
		} else {
			v = 0;
			n = 11 + getbits(s, 7);
		}
		if (n > nlen + ndist - i)
			return CODEC_EDATA;	/* repeat past the last code */
		while (n--)
			t->lens[i++] = v;
	}
	if (t->lens[256] == 0)
		return CODEC_EDATA;	/* no end-of-block code */
	return build_tables(t, nlen, ndist);
}

int inflate_decompress(void *dst, size_t *dst_len, const void *src, size_t src_len)
{
	struct inflate_tables t;
	struct inflate s = {
		.in = src, .in_end = (const uint8_t *)src + src_len,
		.out = dst, .out_beg = dst, .out_end = (uint8_t *)dst + *dst_len,
	};
	unsigned int final, type;
	int err;

	do {
		final = getbits(&s, 1);
		type = getbits(&s, 2);
		if (type == 0) {
			err = stored_block(&s);
			continue;
		}
		if (type == 1)
			err = fixed_tables(&t);
		else if (type == 2)
			err = dynamic_tables(&s, &t);
		else
			err = CODEC_EDATA;	/* block type 3 */
		if (!err)
			err = huffman_block(&s, &t);
	} while (!err && !final);

	*dst_len = s.out - s.out_beg;
	if (s.bc < 8 * s.pad)
		return CODEC_EINPUT;	/* used bits past the end of @src */
	if (err)
		return err;
	if (s.in != s.in_end || s.bc - 8 * s.pad >= 8)
		return CODEC_ETRAIL;
	return 0;
}
