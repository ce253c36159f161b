/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A raw LZMA1 decoder for the arm64 stub's own image (entry.S inflates
 * the run copy with it; scripts/stub-compress.py encodes with liblzma).
 * The properties are fixed at build time, lc 0, lp 2, pb 2 (A64 code is
 * words: the literal and match contexts are the byte's place in its
 * word), and the output size is known, so the stream has no header and
 * the end marker, if any, is never read.
 *
 * After the algorithm of the LZMA SDK's reference decoder (LzmaSpec.cpp,
 * public domain): a range decoder, adaptive bit probabilities, bit trees
 * for literals, lengths and distance slots, four recent distances and a
 * twelve-state machine.  The whole output is the dictionary.  Every
 * distance and length is checked against the output, and reading past
 * the input fails, so a damaged stream can only give wrong bytes, which
 * entry.S's CRC-32 check then refuses.
 */
#include <stdint.h>
#include <stddef.h>
#include "unlzma.h"

#define LC		0
#define LP		2
#define PB		2
#define NPOS		(1 << PB)
#define STATES		12
#define PROB_INIT	1024		/* one half, of 1 << 11 */

/* The length coder: choice, choice2, low and mid trees per pos state, high. */
#define LEN_LOW		2
#define LEN_MID		(LEN_LOW + (NPOS << 3))
#define LEN_HIGH	(LEN_MID + (NPOS << 3))
#define LEN_PROBS	(LEN_HIGH + 256)

/* Every probability in one array, by offset. */
enum {
	IS_MATCH = 0,				/* [state][pos state] */
	IS_REP = IS_MATCH + (STATES << PB),
	IS_REP_G0 = IS_REP + STATES,
	IS_REP_G1 = IS_REP_G0 + STATES,
	IS_REP_G2 = IS_REP_G1 + STATES,
	IS_REP0_LONG = IS_REP_G2 + STATES,	/* [state][pos state] */
	POS_SLOT = IS_REP0_LONG + (STATES << PB), /* [length state][64] */
	SPEC_POS = POS_SLOT + (4 << 6),		/* slots 4-13's low bits */
	ALIGN = SPEC_POS + 115,			/* the low 4 bits of far ones */
	MATCH_LEN = ALIGN + 16,
	REP_LEN = MATCH_LEN + LEN_PROBS,
	LITERAL = REP_LEN + LEN_PROBS,		/* [pos & lp mask][0x300] */
	NPROBS = LITERAL + (0x300 << (LC + LP)),
};

struct rc {
	const uint8_t *in, *end;
	uint32_t range, code;
	uint16_t p[NPROBS];
};

static void normalize(struct rc *rc)
{
	if (rc->range < (1u << 24)) {
		rc->range <<= 8;
		rc->code <<= 8;
		if (rc->in < rc->end)	/* past it, zeros: the CRC fails */
			rc->code |= *rc->in++;
	}
}

static unsigned int bit(struct rc *rc, unsigned int i)
{
	uint16_t *p = &rc->p[i];
	uint32_t bound = (rc->range >> 11) * *p;
	unsigned int b = rc->code >= bound;

	if (b) {
		rc->range -= bound;
		rc->code -= bound;
		*p -= *p >> 5;
	} else {
		rc->range = bound;
		*p += (2048 - *p) >> 5;
	}
	normalize(rc);
	return b;
}

/* @n bits through the bit tree at @i (nodes from 1): the most significant
 * first, or with @rev the least. */
static unsigned int tree(struct rc *rc, unsigned int i, unsigned int n, int rev)
{
	unsigned int m = 1, v = 0, k, b;

	for (k = 0; k < n; k++) {
		b = bit(rc, i + m);
		m = (m << 1) | b;
		v |= b << k;
	}
	return rev ? v : m - (1u << n);
}

/* A length less 2: 3 bits by pos state, 3 more, or 8. */
static unsigned int length(struct rc *rc, unsigned int i, unsigned int ps)
{
	unsigned int base = i + LEN_LOW + (ps << 3), n = 3, add = 0;

	if (bit(rc, i)) {
		base += NPOS << 3;
		add = 8;
		if (bit(rc, i + 1)) {
			base = i + LEN_HIGH;
			n = 8;
			add = 16;
		}
	}
	return add + tree(rc, base, n, 0);
}

int unlzma(uint8_t *out, size_t out_len, const uint8_t *in, size_t in_len)
{
	struct rc rc;
	uint32_t rep[4] = { 0, 0, 0, 0 }, d;
	unsigned int state = 0, ps, sym, n, i;
	size_t pos = 0;

	for (i = 0; i < NPROBS; i++)
		rc.p[i] = PROB_INIT;
	rc.in = in;
	rc.end = in + in_len;
	for (i = 0; i < 5; i++) {	/* the first byte is always 0 */
		rc.range = 0;
		normalize(&rc);
	}
	rc.range = 0xffffffffu;
	while (pos < out_len) {
		ps = pos & (NPOS - 1);
		if (!bit(&rc, IS_MATCH + (state << PB) + ps)) {
			unsigned int lit = LITERAL + 0x300 * (pos & ((1u << LP) - 1));

			sym = 1;
			if (state >= 7) {	/* after a match: rep[0] < pos */
				unsigned int mb = out[pos - rep[0] - 1], m, b;

				do {
					m = (mb >> 7) & 1;
					mb <<= 1;
					b = bit(&rc, lit + ((1 + m) << 8) + sym);
					sym = (sym << 1) | b;
				} while (m == b && sym < 0x100);
			}
			while (sym < 0x100)
				sym = (sym << 1) | bit(&rc, lit + sym);
			out[pos++] = sym;
			state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
			continue;
		}
		if (bit(&rc, IS_REP + state)) {
			/* A recent distance, i: moved to the front. */
			i = 0;
			if (!bit(&rc, IS_REP_G0 + state)) {
				if (!bit(&rc, IS_REP0_LONG + (state << PB) + ps)) {
					state = state < 7 ? 9 : 11;
					n = 1;
					goto copy;
				}
			} else {
				i = 1;
				if (bit(&rc, IS_REP_G1 + state))
					i = 2 + bit(&rc, IS_REP_G2 + state);
			}
			d = rep[i];
			n = length(&rc, REP_LEN, ps);
			state = state < 7 ? 8 : 11;
		} else {
			/* A new distance: the oldest is dropped. */
			i = 3;
			n = length(&rc, MATCH_LEN, ps);
			state = state < 7 ? 7 : 10;
			sym = tree(&rc, POS_SLOT + ((n < 3 ? n : 3) << 6), 6, 0);
			d = sym;
			if (sym >= 4) {
				unsigned int nd = (sym >> 1) - 1;

				d = (2 | (sym & 1)) << nd;
				if (sym < 14) {
					d += tree(&rc, SPEC_POS + d - sym, nd, 1);
				} else {
					for (nd -= 4; nd; nd--) {	/* direct bits */
						rc.range >>= 1;
						if (rc.code >= rc.range) {
							rc.code -= rc.range;
							d += 1u << (nd + 3);
						}
						normalize(&rc);
					}
					d += tree(&rc, ALIGN, 4, 1);
				}
			}
		}
		for (; i; i--)
			rep[i] = rep[i - 1];
		rep[0] = d;
		n += 2;
copy:
		/* rep[0] >= pos also catches the end marker, 0xffffffff */
		if (rep[0] >= pos || n > out_len - pos)
			return -1;
		for (; n; n--, pos++)
			out[pos] = out[pos - rep[0] - 1];
	}
	return 0;
}
