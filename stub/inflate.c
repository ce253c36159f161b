/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Raw deflate decoder (RFC 1951) into one flat output buffer, written for
 * size first.
 *
 * A Huffman code is kept in canonical form (count of codes per length and
 * the symbols in code order, as in puff and tinf) plus a lookup table for
 * the codes of up to FAST_BITS bits, filled by the same bit-by-bit decoder
 * that takes the longer codes and the bit patterns that are no code.
 *
 * The bit buffer is refilled a byte at a time.  Past the end of the input
 * it is fed zero bytes that are only counted (pos runs past in_len): a
 * stream that consumes any of them was truncated.  getbits() and
 * decode_sym() are inline for the host's -O2 builds; -Os keeps them out
 * of line.
 */
#include <stdint.h>
#include <stddef.h>
#include "codec.h"

#ifdef INFLATE_TEST_WORD32	/* host test of the 32-bit targets' path */
typedef uint32_t bitbuf_t;
#else
typedef unsigned long bitbuf_t;
#endif
#define WORD_BITS	(8 * sizeof(bitbuf_t))

#define FAST_BITS	10
#define NO_SYM		0xfffu		/* decode_sym(): no code matches */

struct huff {
	uint16_t count[16];		/* number of codes of each length */
	uint16_t sym[288];		/* symbols in canonical order */
	uint16_t fast[1 << FAST_BITS];	/* canon_decode(, FAST_BITS) */
};

struct inflate {
	const uint8_t *in;
	size_t in_len, pos;		/* pos > in_len: zero bytes fed */
	uint8_t *out, *out_beg, *out_end;
	bitbuf_t bb;			/* bits not yet consumed, LSB first */
	unsigned int bc;		/* number of valid bits in bb */
	uint8_t lens[288 + 32];
	struct huff lit, dist;		/* dist also holds the precode */
};

/*
 * The next @n (at most 16) bits.  A buffer with fewer than 16 bits is first
 * topped up to more than WORD_BITS - 8: getbits(s, 0) only makes sure that
 * 16 bits are there.
 */
static inline unsigned int getbits(struct inflate *s, unsigned int n)
{
	unsigned int v;

	if (s->bc < 16) {
		while (s->bc <= WORD_BITS - 8) {
			bitbuf_t b = 0;

			if (s->pos < s->in_len)
				b = s->in[s->pos];
			s->bb |= b << s->bc;
			s->pos++;
			s->bc += 8;
		}
	}
	v = s->bb & (((bitbuf_t)1 << n) - 1);
	s->bb >>= n;
	s->bc -= n;
	return v;
}

/*
 * The code of @h at the start of @bits, if it is at most @max bits long:
 * its symbol << 4 | its length, else NO_SYM << 4.  Canonical codes of one
 * length are consecutive numbers, sent from their top bit.
 */
static unsigned int canon_decode(const struct huff *h, bitbuf_t bits,
				 unsigned int max)
{
	unsigned int len, code = 0, idx = 0;

	/* @code counts from the first code of length @len. */
	for (len = 1; len <= max; len++) {
		code |= bits & 1;
		bits >>= 1;
		if (code < h->count[len])
			return h->sym[idx + code] << 4 | len;
		idx += h->count[len];
		code = (code - h->count[len]) << 1;
	}
	return NO_SYM << 4;
}

/* The next symbol of code @h, or NO_SYM (then no bits are consumed). */
static inline unsigned int decode_sym(struct inflate *s, const struct huff *h)
{
	unsigned int e;

	if (s->bc < 16)
		getbits(s, 0);
	e = h->fast[s->bb & ((1u << FAST_BITS) - 1)];
	if (!(e & 15))
		e = canon_decode(h, s->bb, 15);
	s->bb >>= e & 15;
	s->bc -= e & 15;
	return e >> 4;
}

/*
 * Code @h from the lengths @lens[0..n-1].  Returns -1 for an over-subscribed
 * code or an incomplete one other than "no code" or a single 1-bit code
 * (as zlib), else the number of unused 15-bit patterns (0: complete).
 */
static int build(struct huff *h, const uint8_t *lens, unsigned int n)
{
	unsigned int i, len, total = 0, first;
	int left = 1;

	for (len = 1; len < 16; len++) {
		first = total;
		for (i = 0; i < n; i++)
			if (lens[i] == len)
				h->sym[total++] = i;
		h->count[len] = total - first;
		left = 2 * left - h->count[len];
		if (left < 0)
			return -1;
	}
	if (left && total != h->count[1])
		return -1;
	for (i = 0; i < 1u << FAST_BITS; i++)
		h->fast[i] = canon_decode(h, i, FAST_BITS);
	return left;
}

/*
 * Base plus extra bits of length (@lg 2) or distance (@lg 1) symbol @sym,
 * counted from 0 (RFC 1951 3.2.5): the first 2 << lg symbols have no extra
 * bits, then each 1 << lg symbols one more.
 */
static unsigned int extra(struct inflate *s, unsigned int sym, unsigned int lg)
{
	unsigned int n;

	if (sym < 2u << lg)
		return sym;
	n = (sym >> lg) - 1;
	return ((sym & ((1u << lg) - 1)) + (1u << lg)) << n | getbits(s, n);
}

/* Decode symbols up to the end-of-block code. */
static int huffman_block(struct inflate *s)
{
	unsigned int sym, len, dist;
	uint8_t *out, *end;

	for (;;) {
		sym = decode_sym(s, &s->lit);
		if (sym < 256) {
			if (s->out == s->out_end)
				return CODEC_EOUTPUT;
			*s->out++ = sym;
			continue;
		}
		if (sym == 256)
			return 0;
		if (sym > 285)
			return CODEC_EDATA;	/* symbol 286, 287 or no code */
		len = sym == 285 ? 258 : 3 + extra(s, sym - 257, 2);
		sym = decode_sym(s, &s->dist);
		if (sym > 29)
			return CODEC_EDATA;	/* symbol 30, 31 or no code */
		dist = 1 + extra(s, sym, 1);
		if (dist > (size_t)(s->out - s->out_beg))
			return CODEC_EDATA;	/* before the start of the output */
		if (len > (size_t)(s->out_end - s->out))
			return CODEC_EOUTPUT;
		out = s->out;
		s->out = end = out + len;
		do
			*out = out[-(ptrdiff_t)dist];
		while (++out != end);
	}
}

/*
 * RFC 1951 3.2.7: the code lengths of a dynamic block, themselves Huffman
 * coded by the precode, into s->lens: *@nlen literal/length lengths, then
 * *@ndist distance lengths.
 */
static int dynamic_lens(struct inflate *s, unsigned int *nlen, unsigned int *ndist)
{
	static const uint8_t order[19] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
	};
	/* Code length codes 16 (3-6 x the previous length), 17 (3-10 x 0)
	 * and 18 (11-138 x 0): extra bits, base count. */
	static const uint8_t rep[] = { 2, 3, 3, 3, 7, 11 };
	uint8_t *p = s->lens;
	unsigned int ncode, i, n, v;

	n = getbits(s, 14);		/* HLIT, HDIST, HCLEN */
	*nlen = (n & 31) + 257;
	*ndist = (n >> 5 & 31) + 1;
	ncode = (n >> 10) + 4;
	if (*nlen > 286 || *ndist > 30)
		return CODEC_EDATA;	/* too many length or distance codes */
	for (i = 0; i < 19; i++)
		p[order[i]] = i < ncode ? getbits(s, 3) : 0;
	if (build(&s->dist, p, 19))
		return CODEC_EDATA;	/* the precode must be complete */
	n = *nlen + *ndist;
	for (i = 0; i < n; ) {
		/* A complete precode (lengths <= 7) never gives NO_SYM. */
		unsigned int k = 1;

		v = decode_sym(s, &s->dist);
		if (v == 16 && i == 0)
			return CODEC_EDATA;	/* repeat with no previous length */
		if (v > 15) {
			k = rep[2 * v - 31] + getbits(s, rep[2 * v - 32]);
			v = v == 16 ? p[i - 1] : 0;
		}
		if (k > n - i)
			return CODEC_EDATA;	/* repeat past the last code */
		while (k--)
			p[i++] = v;
	}
	if (p[256] == 0)
		return CODEC_EDATA;	/* no end-of-block code */
	return 0;
}

/*
 * A Huffman block: its two codes, fixed (RFC 1951 3.2.6, with the unused
 * symbols 286, 287, 30 and 31) for @type 1, else sent (@type 2); then its
 * symbols.
 */
static int huffman_codes(struct inflate *s, unsigned int type)
{
	static const uint8_t runs[] = { 144, 8, 112, 9, 24, 7, 8, 8, 32, 5 };
	unsigned int nlen = 288, ndist = 32, i, n;
	uint8_t *p = s->lens;
	int err;

	if (type == 1) {
		for (i = 0; i < sizeof(runs); i += 2)
			for (n = runs[i]; n; n--)
				*p++ = runs[i + 1];
	} else if (type == 3) {
		return CODEC_EDATA;	/* reserved block type */
	} else {
		err = dynamic_lens(s, &nlen, &ndist);
		if (err)
			return err;
	}
	p = s->lens;
	if ((build(&s->lit, p, nlen) | build(&s->dist, p + nlen, ndist)) < 0)
		return CODEC_EDATA;
	return huffman_block(s);
}

static int stored_block(struct inflate *s)
{
	unsigned int len;

	getbits(s, s->bc & 7);		/* to the byte boundary */
	len = getbits(s, 16);
	if ((len ^ getbits(s, 16)) != 0xffff)
		return CODEC_EDATA;	/* LEN and NLEN disagree */
	for (; len; len--) {
		if (s->out == s->out_end)
			return CODEC_EOUTPUT;
		*s->out++ = getbits(s, 8);
	}
	return 0;
}

int inflate_decompress(void *dst, size_t *dst_len, const void *src, size_t src_len)
{
	struct inflate s;
	unsigned int final, type;
	size_t used;
	int err;

	s.in = src;
	s.in_len = src_len;
	s.pos = 0;
	s.out = s.out_beg = dst;
	s.out_end = s.out + *dst_len;
	s.bb = 0;
	s.bc = 0;
	do {
		type = getbits(&s, 3);	/* BFINAL, BTYPE */
		final = type & 1;
		type >>= 1;
		err = type ? huffman_codes(&s, type) : stored_block(&s);
	} while (!err && !final);

	*dst_len = s.out - s.out_beg;
	used = s.pos - (s.bc >> 3);	/* bytes with a consumed bit */
	if (used > src_len)
		return CODEC_EINPUT;
	if (err)
		return err;
	if (used != src_len)
		return CODEC_ETRAIL;
	return 0;
}
