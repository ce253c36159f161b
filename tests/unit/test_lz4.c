/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lz4_decompress() against liblz4: round trips of generated data and of
 * the real Image (LZ4_compress_default and LZ4_compress_HC at several
 * levels), hand-made blocks that hit each check, overlapping matches at
 * every offset below 8 on the fast and the careful path, every
 * truncation and every single-bit flip of a block (compared with
 * LZ4_decompress_safe), and random garbage.  Buffers are allocated at
 * their exact size so that the ASan build (test_lz4_asan) catches any
 * access past them.
 */
#include <lz4.h>
#include <lz4hc.h>
#include "codec.h"
#define CODEC_DECODE lz4_decompress
#include "codec_test.h"

/* level 0: LZ4_compress_default, else LZ4_compress_HC at that level. */
static uint8_t *compress(const uint8_t *src, size_t len, int level, size_t *out_len)
{
	int cap = LZ4_compressBound(len);
	uint8_t *out = xmalloc(cap);

	if (level)
		*out_len = LZ4_compress_HC((const char *)src, (char *)out, len, cap, level);
	else
		*out_len = LZ4_compress_default((const char *)src, (char *)out, len, cap);
	if (!*out_len)
		exit(2);
	return out;
}

static void generated_roundtrips(void)
{
	static const size_t sizes[] = {
		0, 1, 2, 15, 16, 100, 4095, 65535, 65536, 65537, 131072, 200000,
	};
	static const int levels[] = { 0, 1, 4, 9, 12 };
	char name[128];

	for (unsigned int k = 0; k < DATA_KINDS; k++)
		for (unsigned int s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			uint8_t *raw = make_data(k, sizes[s]), *comp;
			size_t clen;

			for (unsigned int i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
				comp = compress(raw, sizes[s], levels[i], &clen);
				if (levels[i])
					snprintf(name, sizeof(name), "roundtrip HC-%d %s %zu",
						 levels[i], data_names[k], sizes[s]);
				else
					snprintf(name, sizeof(name), "roundtrip default %s %zu",
						 data_names[k], sizes[s]);
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
		skip("roundtrip default Image", why);
		skip("roundtrip HC-9 Image", why);
		return;
	}
	comp = compress(raw, len, 0, &clen);
	roundtrip("roundtrip default Image", raw, len, comp, clen);
	free(comp);
	comp = compress(raw, len, 9, &clen);
	roundtrip("roundtrip HC-9 Image", raw, len, comp, clen);
	free(comp);
	free(raw);
}

/* ---- hand-made blocks ------------------------------------------------- */

struct bad_case {
	const char *name;
	const char *in;		/* the block, as a C string with escapes */
	size_t len;
	size_t cap;
	int err;
	const char *out;	/* expected output when err is 0 */
};

#define B(s)	s, sizeof(s) - 1

static const struct bad_case cases[] = {
	{ "literals only", B("\x30" "abc"), 3, 0, "abc" },
	{ "empty block", B("\x00"), 0, 0, "" },
	/* match offset 1 overlapping its own output, then last literals */
	{ "run of one byte", B("\x15" "a\x01\x00" "\x10" "z"), 11, 0, "aaaaaaaaaaz" },
	{ "long literal run", B("\xf0\x02" "0123456789abcdefg"), 17, 0,
	  "0123456789abcdefg" },
	/* token read: no input at all */
	{ "empty input", "", 0, 10, CODEC_EINPUT, NULL },
	/* "lit > iend - ip": 5 literals announced, 3 there */
	{ "literals past input", B("\x50" "abc"), 10, CODEC_EINPUT, NULL },
	/* read_len(): extension byte missing */
	{ "literal length extension missing", B("\xf0"), 40, CODEC_EINPUT, NULL },
	/* read_len(): a 255 promises one more byte */
	{ "literal length extension cut", B("\xf0\xff"), 300, CODEC_EINPUT, NULL },
	/* "iend - ip < 2": one offset byte */
	{ "offset truncated", B("\x10" "a\x01"), 10, CODEC_EINPUT, NULL },
	/* bad_offset(): offset 0 */
	{ "offset 0", B("\x10" "a\x00\x00" "\x10" "z"), 10, CODEC_EDATA, NULL },
	/* bad_offset(): before the start of the output */
	{ "offset beyond output start", B("\x10" "a\x02\x00" "\x10" "z"), 10,
	  CODEC_EDATA, NULL },
	/* read_len(): match length extension missing */
	{ "match length extension missing", B("\x1f" "a\x01\x00"), 40,
	  CODEC_EINPUT, NULL },
	/* token read: a match must be followed by a last literal run */
	{ "ends with a match", B("\x10" "a\x01\x00"), 10, CODEC_EINPUT, NULL },
	/* "lit > oend - op" */
	{ "literals past capacity", B("\x30" "abc"), 2, CODEC_EOUTPUT, NULL },
	/* "len > oend - op" */
	{ "match past capacity", B("\x15" "a\x01\x00" "\x10" "z"), 9,
	  CODEC_EOUTPUT, NULL },
	/* the same checks on the fast path: 16+ bytes of input left */
	{ "fast offset 0", B("\x10" "a\x00\x00" "\xf0\x01" "0123456789abcdef"), 40,
	  CODEC_EDATA, NULL },
	{ "fast offset beyond output start",
	  B("\x20" "ab\x03\x00" "\xf0\x01" "0123456789abcdef"), 40, CODEC_EDATA, NULL },
	{ "fast match past capacity",
	  B("\x1f" "a\x01\x00\x80" "\xf0\x01" "0123456789abcdef"), 60,
	  CODEC_EOUTPUT, NULL },
};

static void bad_blocks(void)
{
	char name[128];

	for (unsigned int i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct bad_case *c = &cases[i];
		uint8_t *in = xmalloc(c->len), *out;
		size_t n;
		int err;

		memcpy(in, c->in, c->len);
		snprintf(name, sizeof(name), "block: %s", c->name);
		err = decode(in, c->len, c->cap, &out, &n);
		if (err != c->err)
			result(name, "got %s, want %s", codec_strerror(err),
			       codec_strerror(c->err));
		else if (!err && (n != strlen(c->out) || memcmp(out, c->out, n)))
			result(name, "wrong output (%zu bytes)", n);
		else
			result(name, NULL);
		free(out);
		free(in);
	}
}

/*
 * Overlapping matches: 1..7 seed literals, a match at that offset of
 * 4..40 bytes, last literals; once with a long tail (fast path, wide
 * copies) and once ending right after (careful byte path).
 */
static void overlaps(void)
{
	unsigned int bad = 0;

	for (unsigned int off = 1; off < 8; off++)
		for (unsigned int mlen = 4; mlen <= 40; mlen++)
			for (unsigned int tail = 1; tail <= 40; tail += 39) {
				uint8_t in[128], want[128], *out;
				size_t len = 0, olen = 0, n;
				unsigned int i, ml = mlen - 4;

				in[len++] = off << 4 | (ml < 15 ? ml : 15);
				for (i = 0; i < off; i++)
					in[len++] = want[olen++] = 'a' + i;
				in[len++] = off;
				in[len++] = 0;
				if (ml >= 15)
					in[len++] = ml - 15;
				for (i = 0; i < mlen; i++, olen++)
					want[olen] = want[olen - off];
				in[len++] = tail < 15 ? tail << 4 : 0xf0;
				if (tail >= 15)
					in[len++] = tail - 15;
				for (i = 0; i < tail; i++)
					in[len++] = want[olen++] = '0' + i;
				if (decode(in, len, olen, &out, &n) || n != olen ||
				    memcmp(out, want, olen))
					bad++;
				free(out);
			}
	if (bad)
		result("overlapping matches, offsets 1-7", "%u cases wrong", bad);
	else
		result("overlapping matches, offsets 1-7", NULL);
}

/* ---- truncation, bit flips, garbage ----------------------------------- */

/* Walk the sequences: is there a match offset of 0?  liblz4 1.9 copies
 * from the output itself there; the format calls it corrupt. */
static int has_offset0(const uint8_t *in, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned int token = in[i++], b;
		size_t lit = token >> 4;

		if (lit == 15)
			do {
				b = i < len ? in[i++] : 0;
				lit += b;
			} while (b == 255);
		if (lit >= len - i || len - i - lit < 2)
			return 0;
		i += lit;
		if (in[i] == 0 && in[i + 1] == 0)
			return 1;
		i += 2;
		if ((token & 15) == 15)
			do
				b = i < len ? in[i++] : 0;
			while (b == 255);
	}
	return 0;
}

/*
 * Compare with LZ4_decompress_safe: whatever it accepts (but offset 0)
 * must decode to the same bytes here.  Here may accept more (the end-of-block rules are not
 * enforced), but then the output must still be what the sequences say: a
 * prefix of @raw for a truncated block.  Returns a reason or NULL.
 */
static const char *against_liblz4(const uint8_t *in, size_t len, size_t cap,
				  const uint8_t *raw)
{
	uint8_t *out, *ref = xmalloc(cap);
	int rn = LZ4_decompress_safe((const char *)in, (char *)ref, len, cap);
	const char *why = NULL;
	size_t n;
	int err = decode(in, len, cap, &out, &n);

	if (err < CODEC_ETRAIL || err > 0)
		why = "unknown return code";
	else if (rn >= 0 && !(err == CODEC_EDATA && has_offset0(in, len)) &&
		 (err || n != (size_t)rn || memcmp(out, ref, n)))
		why = "liblz4 decodes it, we do not or differently";
	else if (!err && raw && memcmp(out, raw, n))
		why = "decoded bytes are not a prefix of the original";
	free(out);
	free(ref);
	return why;
}

static void truncations_and_flips(void)
{
	size_t len = 3000, clen;
	uint8_t *raw = make_data(DATA_TEXT, len), *comp = compress(raw, len, 9, &clen);
	const char *why = NULL;
	size_t at = 0;

	roundtrip("small HC block", raw, len, comp, clen);
	for (size_t cut = 0; cut < clen && !why; cut++) {
		uint8_t *part = xmalloc(cut);

		memcpy(part, comp, cut);
		why = against_liblz4(part, cut, len, raw);
		at = cut;
		free(part);
	}
	if (why)
		result("truncation at every length", "cut at %zu of %zu: %s", at, clen, why);
	else
		result("truncation at every length", NULL);

	why = NULL;
	for (size_t bit = 0; bit < 8 * clen && !why; bit++) {
		uint8_t *flip = xmalloc(clen);

		memcpy(flip, comp, clen);
		flip[bit >> 3] ^= 1 << (bit & 7);
		why = against_liblz4(flip, clen, len, NULL);
		at = bit;
		free(flip);
	}
	if (why)
		result("single-bit flips", "bit %zu: %s", at, why);
	else
		result("single-bit flips", NULL);
	free(raw);
	free(comp);
}

static void garbage(void)
{
	const char *why = NULL;

	for (int i = 0; i < 20000 && !why; i++) {
		size_t len = rnd() % 200;
		uint8_t *in = xmalloc(len);

		for (size_t k = 0; k < len; k++)
			in[k] = rnd() >> (rnd() % 8);
		why = against_liblz4(in, len, rnd() % 2000, NULL);
		free(in);
	}
	result("random garbage", why);
}

int main(void)
{
	bad_blocks();
	overlaps();
	generated_roundtrips();
	truncations_and_flips();
	garbage();
	image_roundtrips();
	return failures != 0;
}
