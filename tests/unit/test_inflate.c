/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * inflate_decompress() against zlib and libdeflate: round trips of
 * generated data and of the real Image, hand-made streams that hit each
 * check of the decoder, every truncation and every single-bit flip of a
 * stream mixing stored, fixed and dynamic blocks, and random garbage.
 * Buffers are allocated at their exact size so that the ASan build
 * (test_inflate_asan) catches any access past them.  The decoder's source
 * is included to test its table builder directly on random codes.
 */
#include <zlib.h>
#include <libdeflate.h>
#include "codec.h"
#define CODEC_DECODE inflate_decompress
#include "codec_test.h"
#include "../../stub/inflate.c"

static void canon(const uint8_t *lens, unsigned int n, uint16_t *codes);

/* ---- table builder ----------------------------------------------------- */

/* Random complete prefix code over @nsym of @n symbols, lengths <= 15:
 * split random leaves (deeper ones more often) until there are @n. */
static void random_code(uint8_t *lens, unsigned int nsym, unsigned int n)
{
	uint8_t depth[288];
	unsigned int leaves = 1, i;

	depth[0] = 0;
	while (leaves < n) {
		unsigned int k = rnd() % leaves;

		if (rnd() % 2 && k + 1 < leaves)	/* lean to later, deeper */
			k = leaves - 1 - rnd() % (leaves - k);
		if (depth[k] >= 15)
			continue;
		depth[k]++;
		depth[leaves++] = depth[k];
	}
	memset(lens, 0, nsym);
	for (i = 0; i < n; i++) {
		unsigned int s;

		do
			s = rnd() % nsym;
		while (lens[s]);
		lens[s] = depth[i];
	}
}

/* Every 15-bit input must decode, through the lookup table or bit by bit,
 * to the symbol whose code is its prefix, consuming exactly its length. */
static const char *check_code(const struct huff *h, const uint8_t *lens,
			      unsigned int nsym)
{
	static uint16_t owner[1 << 15];
	uint16_t codes[288];

	canon(lens, nsym, codes);
	memset(owner, 0xff, sizeof(owner));
	for (unsigned int s = 0; s < nsym; s++) {
		uint32_t rev = 0;

		if (!lens[s])
			continue;
		for (unsigned int b = 0; b < lens[s]; b++)
			rev |= (codes[s] >> b & 1u) << (lens[s] - 1 - b);
		for (uint32_t in = rev; in < 1u << 15; in += 1u << lens[s])
			owner[in] = s;
	}
	for (uint32_t in = 0; in < 1u << 15; in++) {
		struct inflate s = { .bb = in, .bc = WORD_BITS - 7 };
		unsigned int sym = decode_sym(&s, h);

		if (owner[in] >= nsym || sym != owner[in])
			return "an input decodes to the wrong symbol";
		if (s.bc != WORD_BITS - 7 - lens[sym] || s.bb != in >> lens[sym])
			return "a symbol consumes the wrong number of bits";
	}
	return NULL;
}

static void table_builder(void)
{
	static struct huff h;
	uint8_t lens[288];
	const char *why = NULL;

	unsigned int deep = 0;

	for (int i = 0; i < 400 && !why; i++) {
		unsigned int nsym = i % 2 ? 286 : 30, n = 2 + rnd() % (nsym - 1);

		random_code(lens, nsym, n);
		for (unsigned int s = 0; s < nsym; s++)
			deep += lens[s] > FAST_BITS;
		memset(&h, 0xff, sizeof(h));
		if (build(&h, lens, nsym) != 0)
			why = "rejected a complete code";
		else
			why = check_code(&h, lens, nsym);
	}
	result("table builder on random complete codes", why);
	printf("  (400 codes, %u symbols decoded bit by bit)\n", deep);
}

/* Raw deflate by zlib; @strategy Z_FIXED gives fixed blocks, level 0
 * stored ones. */
static uint8_t *zlib_deflate(const uint8_t *src, size_t len, int level,
			     int strategy, size_t *out_len)
{
	z_stream z = { 0 };
	size_t cap = deflateBound(NULL, len) + 16;
	uint8_t *out = xmalloc(cap);

	if (deflateInit2(&z, level, Z_DEFLATED, -15, 8, strategy) != Z_OK)
		exit(2);
	z.next_in = (uint8_t *)src;
	z.avail_in = len;
	z.next_out = out;
	z.avail_out = cap;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END)
		exit(2);
	*out_len = z.total_out;
	deflateEnd(&z);
	return out;
}

static uint8_t *libdeflate_deflate(const uint8_t *src, size_t len, int level,
				   size_t *out_len)
{
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(level);
	size_t cap = libdeflate_deflate_compress_bound(c, len);
	uint8_t *out = xmalloc(cap);

	*out_len = libdeflate_deflate_compress(c, src, len, out, cap);
	libdeflate_free_compressor(c);
	if (!*out_len)
		exit(2);
	return out;
}

static void generated_roundtrips(void)
{
	static const size_t sizes[] = {
		0, 1, 2, 100, 4095, 65535, 65536, 65537, 131071, 131072, 200000,
	};
	static const struct { int level, strategy; const char *name; } z[] = {
		{ 0, Z_DEFAULT_STRATEGY, "zlib-0" },
		{ 1, Z_DEFAULT_STRATEGY, "zlib-1" },
		{ 6, Z_DEFAULT_STRATEGY, "zlib-6" },
		{ 9, Z_DEFAULT_STRATEGY, "zlib-9" },
		{ 6, Z_FIXED, "zlib-fixed" },
		{ 6, Z_HUFFMAN_ONLY, "zlib-huffman" },
		{ 6, Z_RLE, "zlib-rle" },
	};
	static const int ld_levels[] = { 1, 6, 12 };
	char name[128];

	for (unsigned int k = 0; k < DATA_KINDS; k++)
		for (unsigned int s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			uint8_t *raw = make_data(k, sizes[s]), *comp;
			size_t clen;

			for (unsigned int i = 0; i < sizeof(z) / sizeof(z[0]); i++) {
				comp = zlib_deflate(raw, sizes[s], z[i].level,
						    z[i].strategy, &clen);
				snprintf(name, sizeof(name), "roundtrip %s %s %zu",
					 z[i].name, data_names[k], sizes[s]);
				roundtrip(name, raw, sizes[s], comp, clen);
				free(comp);
			}
			for (unsigned int i = 0; i < 3; i++) {
				comp = libdeflate_deflate(raw, sizes[s], ld_levels[i], &clen);
				snprintf(name, sizeof(name), "roundtrip libdeflate-%d %s %zu",
					 ld_levels[i], data_names[k], sizes[s]);
				roundtrip(name, raw, sizes[s], comp, clen);
				free(comp);
			}
			free(raw);
		}
}

static void image_roundtrips(void)
{
	const char *why;
	size_t len, clen;
	uint8_t *raw = load_image(&len, &why), *comp;

	if (!raw) {
		skip("roundtrip zlib-9 Image", why);
		skip("roundtrip libdeflate-6 Image", why);
		return;
	}
	comp = zlib_deflate(raw, len, 9, Z_DEFAULT_STRATEGY, &clen);
	roundtrip("roundtrip zlib-9 Image", raw, len, comp, clen);
	free(comp);
	comp = libdeflate_deflate(raw, len, 6, &clen);
	roundtrip("roundtrip libdeflate-6 Image", raw, len, comp, clen);
	free(comp);
	free(raw);
}

/* ---- hand-made streams ------------------------------------------------ */

struct bw {
	uint8_t buf[40000];
	size_t bits;
};

static void put(struct bw *w, uint32_t v, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++, w->bits++)
		if (v >> i & 1)
			w->buf[w->bits >> 3] |= 1 << (w->bits & 7);
}

/* Huffman codes go out from their most significant bit. */
static void put_code(struct bw *w, uint32_t code, unsigned int len)
{
	while (len--)
		put(w, code >> len & 1, 1);
}

static void canon(const uint8_t *lens, unsigned int n, uint16_t *codes)
{
	unsigned int count[16] = { 0 }, next[16], code = 0;

	for (unsigned int i = 0; i < n; i++)
		count[lens[i]]++;
	count[0] = 0;
	for (unsigned int l = 1; l < 16; l++) {
		code = (code + count[l - 1]) << 1;
		next[l] = code;
	}
	for (unsigned int i = 0; i < n; i++)
		if (lens[i])
			codes[i] = next[lens[i]]++;
}

/* A Huffman block's codes, for writing its symbols. */
struct code {
	uint8_t lens[288 + 32];
	uint16_t codes[288 + 32];
	unsigned int nlen;
};

static void sym(struct bw *w, const struct code *c, unsigned int s)
{
	put_code(w, c->codes[s], c->lens[s]);
}

static void dist_sym(struct bw *w, const struct code *c, unsigned int s)
{
	put_code(w, c->codes[c->nlen + s], c->lens[c->nlen + s]);
}

static void fixed_block(struct bw *w, int final, struct code *c)
{
	for (unsigned int i = 0; i < 288; i++)
		c->lens[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
	for (unsigned int i = 0; i < 32; i++)
		c->lens[288 + i] = 5;
	c->nlen = 288;
	canon(c->lens, 288, c->codes);
	canon(c->lens + 288, 32, c->codes + 288);
	put(w, final, 1);
	put(w, 1, 2);
}

/* Dynamic header with the lengths sent one by one, by a complete precode
 * (13 symbols of 4 bits, 6 of 5).  @lit and @dist list symbol, length
 * pairs; the others get length 0. */
static void dynamic_block(struct bw *w, struct code *c, unsigned int nlen,
			  unsigned int ndist, const uint16_t *lit, const uint16_t *dist)
{
	static const uint8_t order[19] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
	};
	uint8_t pre[19];
	uint16_t pcodes[19];

	memset(c, 0, sizeof(*c));
	for (; lit && lit[1]; lit += 2)
		c->lens[lit[0]] = lit[1];
	for (; dist && dist[1]; dist += 2)
		c->lens[nlen + dist[0]] = dist[1];
	c->nlen = nlen;
	canon(c->lens, nlen, c->codes);
	canon(c->lens + nlen, ndist, c->codes + nlen);
	for (unsigned int i = 0; i < 19; i++)
		pre[i] = i < 13 ? 4 : 5;
	canon(pre, 19, pcodes);
	put(w, 1, 1);
	put(w, 2, 2);
	put(w, nlen - 257, 5);
	put(w, ndist - 1, 5);
	put(w, 19 - 4, 4);
	for (unsigned int i = 0; i < 19; i++)
		put(w, pre[order[i]], 3);
	for (unsigned int i = 0; i < nlen + ndist; i++)
		put_code(w, pcodes[c->lens[i]], pre[c->lens[i]]);
}

/* A dynamic header whose precode and precode symbols are given raw:
 * @pre[19] in symbol order, @syms as symbol, extra-bits value pairs. */
static void raw_header(struct bw *w, unsigned int nlen, unsigned int ndist,
		       const uint8_t *pre, const uint16_t *syms, unsigned int nsyms)
{
	static const uint8_t order[19] = {
		16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
	};
	uint16_t pcodes[19];

	canon(pre, 19, pcodes);
	put(w, 1, 1);
	put(w, 2, 2);
	put(w, nlen - 257, 5);
	put(w, ndist - 1, 5);
	put(w, 19 - 4, 4);
	for (unsigned int i = 0; i < 19; i++)
		put(w, pre[order[i]], 3);
	for (unsigned int i = 0; i < nsyms; i++) {
		unsigned int s = syms[2 * i];

		put_code(w, pcodes[s], pre[s]);
		put(w, syms[2 * i + 1], s == 16 ? 2 : s == 17 ? 3 : s == 18 ? 7 : 0);
	}
}

static const uint8_t pre_all[19] = {	/* complete: 13 x 4 bits, 6 x 5 */
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5,
};

/* 'a' 'b' EOB and length 3 in 2 bits each; distances 1 and 2 in 1 bit. */
static const uint16_t lit_ab[] = { 'a', 2, 'b', 2, 256, 2, 257, 2, 0, 0 };
static const uint16_t dist_12[] = { 0, 1, 1, 1, 0, 0 };

struct bad_case {
	const char *name;
	void (*make)(struct bw *w);
	size_t cap;		/* output capacity */
	int err;		/* expected result */
	const char *out;	/* expected output when err is 0 */
};

/* "ab", then length 3 at distance 2: "ababa" (the valid base case). */
static void mk_dynamic_ok(struct bw *w)
{
	struct code c;

	dynamic_block(w, &c, 258, 2, lit_ab, dist_12);
	sym(w, &c, 'a');
	sym(w, &c, 'b');
	sym(w, &c, 257);
	dist_sym(w, &c, 1);
	sym(w, &c, 256);
}

static void mk_type3(struct bw *w)
{
	put(w, 1, 1);
	put(w, 3, 2);
}

static void mk_stored_nlen(struct bw *w)
{
	put(w, 1, 3);		/* final, stored; then pad to the byte */
	w->bits = 8;
	put(w, 2, 16);
	put(w, 0xfffe, 16);	/* should be 0xfffd */
	put(w, 'x', 8);
	put(w, 'y', 8);
}

static void mk_stored_short(struct bw *w)
{
	put(w, 1, 3);
	w->bits = 8;
	put(w, 5, 16);
	put(w, 0xfffa, 16);
	put(w, 'x', 8);		/* 1 of 5 bytes */
}

static void mk_stored_hdr_short(struct bw *w)
{
	put(w, 1, 3);
	w->bits = 8;
	put(w, 5, 16);		/* NLEN missing */
}

static void mk_stored_ok(struct bw *w)
{
	put(w, 0, 3);		/* not final */
	w->bits = 8;
	put(w, 2, 16);
	put(w, 0xfffd, 16);
	put(w, 'x', 8);
	put(w, 'y', 8);
	put(w, 1, 3);		/* final, empty */
	w->bits = (w->bits + 7) & ~7u;
	put(w, 0, 16);
	put(w, 0xffff, 16);
}

static void mk_too_many_lit(struct bw *w)
{
	struct code c;

	dynamic_block(w, &c, 287, 2, lit_ab, dist_12);	/* HLIT = 30 */
	sym(w, &c, 'a');
	sym(w, &c, 256);
}

static void mk_too_many_dist(struct bw *w)
{
	struct code c;

	dynamic_block(w, &c, 258, 32, lit_ab, dist_12);	/* HDIST = 31 */
	sym(w, &c, 'a');
	sym(w, &c, 256);
}

static void mk_pre_over(struct bw *w)
{
	static const uint8_t pre[19] = { 1, 1, 1 };

	raw_header(w, 257, 1, pre, NULL, 0);
}

static void mk_pre_incomplete(struct bw *w)
{
	static const uint8_t pre[19] = { 1 };	/* one 1-bit code */

	raw_header(w, 257, 1, pre, NULL, 0);
}

static void mk_pre_empty(struct bw *w)
{
	static const uint8_t pre[19] = { 0 };

	raw_header(w, 257, 1, pre, NULL, 0);
}

static void mk_repeat_first(struct bw *w)
{
	static const uint16_t syms[] = { 16, 0 };

	raw_header(w, 257, 1, pre_all, syms, 1);
}

static void mk_repeat_past(struct bw *w)
{
	static const uint16_t syms[] = { 18, 127, 18, 127 };	/* 2 x 138 > 258 */

	raw_header(w, 257, 1, pre_all, syms, 2);
}

static void mk_repeat16_past(struct bw *w)
{
	uint16_t syms[2 * 70];
	unsigned int i;

	syms[0] = 8;
	syms[1] = 0;
	for (i = 1; i < 70; i++) {	/* 1 + 69 * 4 = 277 > 258 */
		syms[2 * i] = 16;
		syms[2 * i + 1] = 1;
	}
	raw_header(w, 257, 1, pre_all, syms, 70);
}

/* Lengths 0 x 255, 1, 1 (a complete literal code), then a 16 (3 x) with
 * only the 2 distance lengths left; the block itself is just EOB. */
static void mk_repeat16_past_by_one(struct bw *w)
{
	static const uint16_t syms[] = { 18, 127, 18, 106, 1, 0, 1, 0, 16, 0 };

	raw_header(w, 257, 2, pre_all, syms, 5);
	put_code(w, 1, 1);	/* EOB: the second of two 1-bit codes */
}

static void mk_no_eob(struct bw *w)
{
	static const uint16_t lit[] = { 'a', 2, 'b', 2, 'c', 2, 257, 2, 0, 0 };
	struct code c;

	dynamic_block(w, &c, 258, 2, lit, dist_12);
	sym(w, &c, 'a');
}

static void mk_lit_over(struct bw *w)
{
	static const uint16_t lit[] = { 'a', 2, 'b', 2, 'c', 2, 256, 2, 257, 2, 0, 0 };
	struct code c;

	dynamic_block(w, &c, 258, 2, lit, dist_12);
}

static void mk_lit_incomplete(struct bw *w)
{
	static const uint16_t lit[] = { 'a', 2, 'b', 2, 256, 2, 257, 3, 0, 0 };
	struct code c;

	dynamic_block(w, &c, 258, 2, lit, dist_12);
}

static void mk_lit_single2(struct bw *w)
{
	static const uint16_t lit[] = { 256, 2, 0, 0 };
	struct code c;

	dynamic_block(w, &c, 257, 1, lit, NULL);
}

static void mk_lit_only_eob(struct bw *w)
{
	static const uint16_t lit[] = { 256, 1, 0, 0 };
	struct code c;

	dynamic_block(w, &c, 257, 1, lit, NULL);
	sym(w, &c, 256);
}

static void mk_dist_over(struct bw *w)
{
	static const uint16_t dist[] = { 0, 1, 1, 1, 2, 1, 0, 0 };
	struct code c;

	dynamic_block(w, &c, 258, 3, lit_ab, dist);
}

static void mk_dist_incomplete(struct bw *w)
{
	static const uint16_t dist[] = { 0, 1, 1, 2, 0, 0 };
	struct code c;

	dynamic_block(w, &c, 258, 2, lit_ab, dist);
}

static void mk_dist_single(struct bw *w)
{
	static const uint16_t dist[] = { 1, 1, 0, 0 };	/* distance 2 only */
	struct code c;

	dynamic_block(w, &c, 258, 2, lit_ab, dist);
	sym(w, &c, 'a');
	sym(w, &c, 'b');
	sym(w, &c, 257);
	dist_sym(w, &c, 1);
	sym(w, &c, 256);
}

static void mk_dist_single_unused(struct bw *w)
{
	static const uint16_t dist[] = { 1, 1, 0, 0 };
	struct code c;

	dynamic_block(w, &c, 258, 2, lit_ab, dist);
	sym(w, &c, 'a');
	sym(w, &c, 'b');
	sym(w, &c, 257);
	put(w, 1, 1);		/* the half with no code */
	sym(w, &c, 256);
}

static void mk_dist_empty_unused(struct bw *w)
{
	struct code c;

	dynamic_block(w, &c, 258, 1, lit_ab, NULL);
	sym(w, &c, 'a');
	sym(w, &c, 'b');
	sym(w, &c, 256);
}

static void mk_dist_empty_used(struct bw *w)
{
	struct code c;

	dynamic_block(w, &c, 258, 1, lit_ab, NULL);
	sym(w, &c, 'a');
	sym(w, &c, 'b');
	sym(w, &c, 257);
	put(w, 0, 5);
	sym(w, &c, 256);
}

static void mk_long_codes(struct bw *w)
{
	/* 15-bit codes (longer than the lookup table): lengths 1, 2, ..., 14, 15, 15. */
	uint16_t lit[2 * 17 + 2];
	struct code c;
	unsigned int i;

	for (i = 0; i < 16; i++) {
		lit[2 * i] = 'a' + i;
		lit[2 * i + 1] = i < 15 ? i + 1 : 15;
	}
	lit[2 * 15] = 256;
	lit[32] = lit[33] = 0;
	dynamic_block(w, &c, 257, 1, lit, NULL);
	for (i = 0; i < 15; i++)
		sym(w, &c, 'a' + 14 - i);
	sym(w, &c, 256);
}

static void mk_fixed_far(struct bw *w)
{
	struct code c;

	fixed_block(w, 1, &c);
	sym(w, &c, 'a');
	sym(w, &c, 257);
	dist_sym(w, &c, 1);	/* distance 2, 1 byte written */
	sym(w, &c, 256);
}

static void mk_fixed_dist30(struct bw *w)
{
	struct code c;

	fixed_block(w, 1, &c);
	sym(w, &c, 'a');
	sym(w, &c, 257);
	dist_sym(w, &c, 30);
	sym(w, &c, 256);
}

static void mk_fixed_lit286(struct bw *w)
{
	struct code c;

	fixed_block(w, 1, &c);
	sym(w, &c, 'a');
	sym(w, &c, 286);
	sym(w, &c, 256);
}

static void mk_fixed_258(struct bw *w)
{
	struct code c;

	fixed_block(w, 1, &c);
	sym(w, &c, 'a');
	sym(w, &c, 285);	/* length 258 */
	dist_sym(w, &c, 0);
	sym(w, &c, 256);
}

static void mk_fixed_overflow(struct bw *w)
{
	struct code c;

	fixed_block(w, 1, &c);
	for (int i = 0; i < 5; i++)
		sym(w, &c, 'a');
	sym(w, &c, 256);
}

static void mk_not_final(struct bw *w)
{
	struct code c;

	fixed_block(w, 0, &c);
	sym(w, &c, 'a');
	sym(w, &c, 256);
}

static void mk_trailing(struct bw *w)
{
	struct code c;

	fixed_block(w, 1, &c);
	sym(w, &c, 'a');
	sym(w, &c, 256);
	w->bits = (w->bits + 7) & ~7u;
	put(w, 0, 8);
}

/* @stored bytes in a stored block, then length 3 at distance 32768. */
static void far_match(struct bw *w, unsigned int stored)
{
	struct code c;

	put(w, 0, 3);
	w->bits = 8;
	put(w, stored, 16);
	put(w, ~stored & 0xffff, 16);
	for (unsigned int i = 0; i < stored; i++)
		put(w, i * 7 >> 3, 8);
	fixed_block(w, 1, &c);
	sym(w, &c, 257);
	dist_sym(w, &c, 29);
	put(w, 8191, 13);	/* 24577 + 8191 = 32768 */
	sym(w, &c, 256);
}

static void mk_dist_32768(struct bw *w)
{
	far_match(w, 32768);
}

static void mk_dist_too_far(struct bw *w)
{
	far_match(w, 32767);
}

static const struct bad_case cases[] = {
	{ "dynamic block ok", mk_dynamic_ok, 5, 0, "ababa" },
	/* block type 3 is reserved */
	{ "reserved block type", mk_type3, 10, CODEC_EDATA, NULL },
	/* stored block: NLEN must be ~LEN */
	{ "stored LEN/NLEN mismatch", mk_stored_nlen, 10, CODEC_EDATA, NULL },
	/* stored block longer than the input left */
	{ "stored block truncated", mk_stored_short, 10, CODEC_EINPUT, NULL },
	/* input ends inside LEN/NLEN */
	{ "stored header truncated", mk_stored_hdr_short, 10, CODEC_EINPUT, NULL },
	{ "stored blocks ok", mk_stored_ok, 2, 0, "xy" },
	/* HLIT above 286: "too many length or distance codes" */
	{ "too many literal/length codes", mk_too_many_lit, 10, CODEC_EDATA, NULL },
	/* HDIST above 30 */
	{ "too many distance codes", mk_too_many_dist, 10, CODEC_EDATA, NULL },
	/* build(): over-subscribed precode */
	{ "precode over-subscribed", mk_pre_over, 10, CODEC_EDATA, NULL },
	/* build(): an incomplete precode is never allowed */
	{ "precode incomplete", mk_pre_incomplete, 10, CODEC_EDATA, NULL },
	{ "precode empty", mk_pre_empty, 10, CODEC_EDATA, NULL },
	/* "repeat with no previous length" */
	{ "repeat 16 first", mk_repeat_first, 10, CODEC_EDATA, NULL },
	/* "repeat past the last code" (18) */
	{ "repeat 18 past the end", mk_repeat_past, 10, CODEC_EDATA, NULL },
	/* "repeat past the last code" (16) */
	{ "repeat 16 past the end", mk_repeat16_past, 10, CODEC_EDATA, NULL },
	/* "repeat past the last code", by one length */
	{ "repeat 16 past the end by one", mk_repeat16_past_by_one, 10, CODEC_EDATA, NULL },
	/* "no end-of-block code" */
	{ "missing end-of-block code", mk_no_eob, 10, CODEC_EDATA, NULL },
	/* build(): over-subscribed literal/length code */
	{ "literal code over-subscribed", mk_lit_over, 10, CODEC_EDATA, NULL },
	/* build(): incomplete with more than one code */
	{ "literal code incomplete", mk_lit_incomplete, 10, CODEC_EDATA, NULL },
	/* build(): one code, but not of 1 bit */
	{ "literal code single 2-bit", mk_lit_single2, 10, CODEC_EDATA, NULL },
	{ "literal code only EOB", mk_lit_only_eob, 10, 0, "" },
	/* build(): over-subscribed distance code */
	{ "distance code over-subscribed", mk_dist_over, 10, CODEC_EDATA, NULL },
	{ "distance code incomplete", mk_dist_incomplete, 10, CODEC_EDATA, NULL },
	{ "distance code single", mk_dist_single, 5, 0, "ababa" },
	/* E_BAD entry: the unused half of a one-code distance table */
	{ "distance code single, unused half", mk_dist_single_unused, 10,
	  CODEC_EDATA, NULL },
	{ "distance code empty, unused", mk_dist_empty_unused, 2, 0, "ab" },
	/* E_BAD entry: a distance with no distance codes */
	{ "distance code empty, used", mk_dist_empty_used, 10, CODEC_EDATA, NULL },
	{ "15-bit codes", mk_long_codes, 15, 0, "onmlkjihgfedcba" },
	/* "before the start of the output" */
	{ "distance beyond output start", mk_fixed_far, 10, CODEC_EDATA, NULL },
	/* E_BAD entry: distance symbols 30 and 31 */
	{ "distance symbol 30", mk_fixed_dist30, 10, CODEC_EDATA, NULL },
	/* E_BAD entry: literal/length symbols 286 and 287 */
	{ "length symbol 286", mk_fixed_lit286, 10, CODEC_EDATA, NULL },
	{ "length 258", mk_fixed_258, 259, 0, NULL },
	/* literal with the output full */
	{ "literal past capacity", mk_fixed_overflow, 4, CODEC_EOUTPUT, NULL },
	/* match longer than the room left */
	{ "match past capacity", mk_fixed_258, 258, CODEC_EOUTPUT, NULL },
	/* input ends before a final block */
	{ "no final block", mk_not_final, 10, CODEC_EINPUT, NULL },
	/* a whole byte after the final block */
	{ "trailing byte", mk_trailing, 10, CODEC_ETRAIL, NULL },
	{ "distance 32768", mk_dist_32768, 32771, 0, NULL },
	/* "before the start of the output", at the largest distance */
	{ "distance 32768 too far", mk_dist_too_far, 32770, CODEC_EDATA, NULL },
};

static void bad_streams(void)
{
	static struct bw w;
	char name[128];

	for (unsigned int i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct bad_case *c = &cases[i];
		uint8_t *out;
		size_t n, len;
		int err;

		memset(&w, 0, sizeof(w));
		c->make(&w);
		len = (w.bits + 7) / 8;
		snprintf(name, sizeof(name), "stream: %s", c->name);
		err = decode(w.buf, len, c->cap, &out, &n);
		if (err != c->err)
			result(name, "got %s, want %s", codec_strerror(err),
			       codec_strerror(c->err));
		else if (!err && c->out && (n != strlen(c->out) || memcmp(out, c->out, n)))
			result(name, "wrong output (%zu bytes)", n);
		else if (!err && !c->out && n != c->cap)
			result(name, "wrote %zu bytes, want %zu", n, c->cap);
		else
			result(name, NULL);
		free(out);
	}
}

/*
 * The longest symbol plus extra bits: 15-bit length code 284 with 5 extra
 * bits, 15-bit distance code 29 with 13, after literals of 1..14 bits so
 * that they start at every bit position.  Compared with zlib's output.
 */
static void longest_codes(void)
{
	static struct bw w;
	uint16_t lit[2 * 17], dist[2 * 17];
	size_t n, zn;
	uint8_t *out, *ref = xmalloc(200000);
	struct code c;
	z_stream z = { 0 };
	int err;

	memset(&w, 0, sizeof(w));
	put(&w, 0, 3);
	w.bits = 8;
	put(&w, 32768, 16);
	put(&w, ~32768 & 0xffff, 16);
	for (unsigned int i = 0; i < 32768; i++)
		put(&w, rnd(), 8);
	for (unsigned int i = 0; i < 16; i++) {
		lit[2 * i] = i < 14 ? 'a' + i : i == 14 ? 284 : 256;
		lit[2 * i + 1] = i < 15 ? i + 1 : 15;
		dist[2 * i] = i < 15 ? i : 29;
		dist[2 * i + 1] = i < 15 ? i + 1 : 15;
	}
	lit[32] = lit[33] = dist[32] = dist[33] = 0;
	dynamic_block(&w, &c, 285, 30, lit, dist);
	for (unsigned int k = 0; k < 100; k++) {
		sym(&w, &c, 'a' + k % 14);
		sym(&w, &c, 284);
		put(&w, k % 31, 5);
		dist_sym(&w, &c, 29);
		put(&w, k * 37 % 8192, 13);
	}
	sym(&w, &c, 256);

	if (inflateInit2(&z, -15) != Z_OK)
		exit(2);
	z.next_in = w.buf;
	z.avail_in = (w.bits + 7) / 8;
	z.next_out = ref;
	z.avail_out = 200000;
	if (inflate(&z, Z_FINISH) != Z_STREAM_END)
		exit(2);
	zn = z.total_out;
	inflateEnd(&z);

	err = decode(w.buf, (w.bits + 7) / 8, zn, &out, &n);
	if (err || n != zn || memcmp(out, ref, n))
		result("longest codes and extra bits", "%s, %zu of %zu bytes",
		       codec_strerror(err), n, zn);
	else
		result("longest codes and extra bits", NULL);
	free(out);
	free(ref);
}

/* ---- truncation, bit flips, garbage ----------------------------------- */

/* Stored, fixed and dynamic blocks in one stream. */
static uint8_t *mixed_stream(const uint8_t *raw, size_t len, size_t *clen)
{
	z_stream z = { 0 };
	size_t cap = deflateBound(NULL, len) + 64;
	uint8_t *out = xmalloc(cap);
	size_t part = len / 3;

	if (deflateInit2(&z, 0, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		exit(2);
	z.next_out = out;
	z.avail_out = cap;
	z.next_in = (uint8_t *)raw;
	z.avail_in = part;
	deflate(&z, Z_NO_FLUSH);
	deflateParams(&z, 6, Z_FIXED);
	z.avail_in = part;
	deflate(&z, Z_NO_FLUSH);
	deflateParams(&z, 9, Z_DEFAULT_STRATEGY);
	z.avail_in = len - 2 * part;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END)
		exit(2);
	*clen = z.total_out;
	deflateEnd(&z);
	return out;
}

static void truncations_and_flips(void)
{
	size_t len = 3000, clen, n;
	uint8_t *raw = make_data(DATA_TEXT, len), *comp = mixed_stream(raw, len, &clen);
	unsigned int bad = 0, ok = 0, wrong = 0;
	uint8_t *out;
	int err;

	roundtrip("mixed stored/fixed/dynamic stream", raw, len, comp, clen);
	for (size_t cut = 0; cut < clen; cut++) {
		uint8_t *part = xmalloc(cut);

		memcpy(part, comp, cut);
		err = decode(part, cut, len, &out, &n);
		if (err != CODEC_EINPUT && !bad++)
			result("truncation at every length", "cut at %zu of %zu: %s",
			       cut, clen, codec_strerror(err));
		free(out);
		free(part);
	}
	if (!bad)
		result("truncation at every length", NULL);

	/* Any result but a crash or overrun; a "success" must fit. */
	for (size_t bit = 0; bit < 8 * clen; bit++) {
		uint8_t *flip = xmalloc(clen);

		memcpy(flip, comp, clen);
		flip[bit >> 3] ^= 1 << (bit & 7);
		err = decode(flip, clen, len, &out, &n);
		if (err < CODEC_ETRAIL || err > 0)
			wrong++;
		ok += !err;
		free(out);
		free(flip);
	}
	if (wrong)
		result("single-bit flips", "%u unknown return codes", wrong);
	else
		result("single-bit flips", NULL);
	printf("  (%zu flips, %u decoded without error)\n", 8 * clen, ok);
	free(raw);
	free(comp);
}

static void garbage(void)
{
	unsigned int wrong = 0;

	for (int i = 0; i < 20000; i++) {
		size_t len = rnd() % 200, n;
		uint8_t *in = xmalloc(len), *out;
		int err;

		for (size_t k = 0; k < len; k++)
			in[k] = rnd() >> (rnd() % 8);
		if (len && i % 4 == 0)
			in[0] = (in[0] & ~6) | 4;	/* dynamic block header */
		err = decode(in, len, rnd() % 2000, &out, &n);
		wrong += err < CODEC_ETRAIL || err > 0;
		free(out);
		free(in);
	}
	if (wrong)
		result("random garbage", "%u unknown return codes", wrong);
	else
		result("random garbage", NULL);
}

int main(void)
{
	table_builder();
	bad_streams();
	longest_codes();
	generated_roundtrips();
	truncations_and_flips();
	garbage();
	image_roundtrips();
	return failures != 0;
}
