/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * zimage_parse()/zimage_inflate() and the decoders under them (decomp.c,
 * decomp_lzo.c): zImages built in memory around payloads made with the
 * real encoders (zlib, liblzma .xz and .lzma, liblz4 legacy frames, liblzo2
 * in an lzop container), with decoy magics in the "decompressor code",
 * with and without a KLSZ tag; then tables of damaged zImages and streams,
 * each naming the check it must hit.
 */
#include <string.h>
#include <lzo/lzo1x.h>
#include "blob.h"
#include "decomp.h"
#include "encoders.h"
#include "hostpack_test.h"
#include "zimage.h"

#define TABLE		0x400
#define PAYLOAD		0x1000
#define TAIL		256
#define SMALL		(300u * 1024)
#define BIG		(9u * 1024 * 1024)	/* two lz4 legacy blocks */
#define ALLOC		(3u * 1024 * 1024)	/* more than decomp_alloc's first guess */

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

/* Compressible but not trivial: words from a small vocabulary. */
static uint8_t *make_data(size_t n)
{
	static const char *const words[] = { "kernel ", "image ", "0x8000 ", "zImage\n",
					     "\x01\x02\x03", "decompress ", "stub " };
	uint8_t *d = hp_malloc(n);
	uint32_t x = 12345;
	size_t at = 0;

	while (at < n) {
		const char *w;
		size_t l;

		x = x * 1103515245 + 12345;
		w = words[(x >> 16) % 7];
		l = strlen(w) < n - at ? strlen(w) : n - at;
		memcpy(d + at, w, l);
		at += l;
	}
	return d;
}

/* A zImage around @codec's stream of @data; returns its length. */
static size_t make_zimage(uint8_t *z, size_t cap, int codec, const uint8_t *data,
			  size_t n, bool klsz)
{
	size_t len, end, size_off;

	memset(z, 0xe1, PAYLOAD);		/* "code" */
	memcpy(z + 0x100, "\xfd" "7zXZ", 6);	/* decoys */
	memcpy(z + 0x200, "\x1f\x8b\x08\x00", 4);
	memcpy(z + 0x300, "\x5d\x00\x00\x00", 4);
	memcpy(z + 0x340, "\x02\x21\x4c\x18\x10\x00\x00\x00", 8);
	put32(z + CB_ZIMAGE_MAGIC_OFFSET, CB_ZIMAGE_MAGIC);
	put32(z + CB_ZIMAGE_START_OFFSET, 0);
	put32(z + CB_ZIMAGE_ENDIAN_OFFSET, CB_ZIMAGE_ENDIAN);
	put32(z + CB_ZIMAGE_MAGIC2_OFFSET, klsz ? CB_ZIMAGE_MAGIC2 : 0);
	put32(z + CB_ZIMAGE_TABLE_OFFSET, TABLE);
	len = test_encoders[codec](data, n, z + PAYLOAD, cap - PAYLOAD - TAIL - 4);
	if (codec != DECOMP_GZIP) {	/* Linux's size_append */
		put32(z + PAYLOAD + len, (uint32_t)n);
		len += 4;
	}
	size_off = PAYLOAD + len - 4;
	end = PAYLOAD + len + TAIL;
	memset(z + PAYLOAD + len, 0x42, TAIL);
	put32(z + CB_ZIMAGE_END_OFFSET, (uint32_t)end);
	put32(z + TABLE, 6);
	put32(z + TABLE + 4, CB_ZIMAGE_KLSZ_TAG);
	put32(z + TABLE + 8, (uint32_t)size_off);
	put32(z + TABLE + 12, 0x5e4d4);
	put32(z + TABLE + 16, 0x208000);
	put32(z + TABLE + 20, 0x10000);
	put32(z + TABLE + 24, 0);
	return end;
}

static int inflate_ok(uint8_t *z, size_t len, const uint8_t *data, size_t n, int codec)
{
	struct zimage_info zi;
	struct hp_buf img;
	int ok;

	if (zimage_parse("t", z, len, &zi) || zimage_inflate("t", z, &zi, &img))
		return 0;
	ok = img.len == n && memcmp(img.data, data, n) == 0 && zi.codec == codec &&
	     zi.payload_off == PAYLOAD && zi.inflated == n;
	hp_buf_free(&img);
	return ok;
}

static void good_cases(uint8_t *z, size_t cap, const uint8_t *small, const uint8_t *big)
{
	struct zimage_info zi;
	char name[64];
	int c;

	for (c = 0; c < DECOMP_NCODECS; c++) {
		size_t len = make_zimage(z, cap, c, small, SMALL, true);

		snprintf(name, sizeof(name), "klsz-%s", decomp_name(c));
		hp_check(zimage_parse("t", z, len, &zi) == 0 && zi.has_klsz &&
			 zi.bss == 0x5e4d4 && zi.text_offset == 0x208000 && zi.inflated == SMALL &&
			 inflate_ok(z, len, small, SMALL, c), name, "not decoded");
		len = make_zimage(z, cap, c, small, SMALL, false);
		snprintf(name, sizeof(name), "no-klsz-%s", decomp_name(c));
		hp_check(zimage_parse("t", z, len, &zi) == 0 && !zi.has_klsz &&
			 inflate_ok(z, len, small, SMALL, c), name, "not decoded");
	}
	hp_check(inflate_ok(z, make_zimage(z, cap, DECOMP_LZ4, big, BIG, true), big, BIG,
			    DECOMP_LZ4), "klsz-lz4-2-blocks", "not decoded");
	hp_check(inflate_ok(z, make_zimage(z, cap, DECOMP_LZ4, big, BIG, false), big, BIG,
			    DECOMP_LZ4), "no-klsz-lz4-2-blocks", "not decoded");
}

struct bad {
	const char *name;
	int codec;
	uint32_t off;		/* word to overwrite; 0: flip the payload's middle byte */
	uint32_t val;
	bool parse_fails;	/* else zimage_inflate() must fail */
};

static const struct bad bad_cases[] = {
	/* zimage_parse: header words */
	{ "bigendian", DECOMP_GZIP, CB_ZIMAGE_ENDIAN_OFFSET, 0x01020304, true },
	{ "end-0", DECOMP_GZIP, CB_ZIMAGE_END_OFFSET, 0, true },
	{ "end-beyond-file", DECOMP_GZIP, CB_ZIMAGE_END_OFFSET, 0x7fffffff, true },
	/* walk_tags: table pointer, sizes, no terminator */
	{ "table-unaligned", DECOMP_GZIP, CB_ZIMAGE_TABLE_OFFSET, TABLE + 1, true },
	{ "table-beyond", DECOMP_GZIP, CB_ZIMAGE_TABLE_OFFSET, 0x7ffffff0, true },
	{ "tag-size-1", DECOMP_GZIP, TABLE, 1, true },
	{ "tag-size-huge", DECOMP_GZIP, TABLE, 0x10000000, true },
	/* read_klsz */
	{ "klsz-short", DECOMP_GZIP, TABLE, 3, true },
	{ "klsz-size-off-beyond", DECOMP_GZIP, TABLE + 8, 0x7ffffff0, true },
	{ "klsz-size-off-header", DECOMP_GZIP, TABLE + 8, 0x10, true },
	{ "klsz-inflated-0", DECOMP_XZ, 0xffffffff, 0, true },
	/* zimage_inflate: KLSZ disagrees with the stream, or damaged streams */
	{ "inflated-plus-1", DECOMP_XZ, 0xfffffffe, SMALL + 1, false },
	{ "inflated-minus-1", DECOMP_LZ4, 0xfffffffe, SMALL - 1, false },
	{ "corrupt-gzip", DECOMP_GZIP, 0, 0, false },
	{ "corrupt-xz", DECOMP_XZ, 0, 0, false },
	{ "corrupt-lzo", DECOMP_LZO, 0, 0, false },
};

static void bad_zimages(uint8_t *z, size_t cap, const uint8_t *small)
{
	struct zimage_info zi;
	struct hp_buf img;
	unsigned int i;
	size_t len;

	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad *b = &bad_cases[i];
		uint32_t size_off;
		int err, stage = 1;

		len = make_zimage(z, cap, b->codec, small, SMALL, true);
		memcpy(&size_off, z + TABLE + 8, 4);
		if (b->off == 0)
			z[PAYLOAD + (size_off - PAYLOAD) / 2] ^= 0x55;
		else if (b->off >= 0xfffffffe)	/* the inflated-size word itself */
			put32(z + size_off, b->val);
		else
			put32(z + b->off, b->val);
		err = zimage_parse(b->name, z, len, &zi);
		if (!err) {
			stage = 2;
			err = zimage_inflate(b->name, z, &zi, &img);
			hp_buf_free(&img);
		}
		hp_check(err == HP_EINPUT && stage == (b->parse_fails ? 1 : 2), b->name,
			 "got %d at stage %d", err, stage);
	}
	len = make_zimage(z, cap, DECOMP_GZIP, small, SMALL, true);
	hp_check(zimage_parse("t", z, len - 1, &zi) == HP_EINPUT, "truncated-file", "accepted");
	hp_check(zimage_parse("t", z, 0x20, &zi) == HP_EINPUT, "tiny-file", "accepted");
}

/* decomp_run(): a full output and bad data are told apart; lzop headers. */
static void decomp_cases(const uint8_t *small)
{
	static uint8_t s[SMALL + 65536], out[SMALL];
	size_t n, o, u;
	int c;

	for (c = 0; c < DECOMP_NCODECS; c++) {
		char name[64];

		n = test_encoders[c](small, SMALL, s, sizeof(s));
		snprintf(name, sizeof(name), "decomp-%s-exact", decomp_name(c));
		hp_check(decomp_run(c, s, n, out, SMALL, &o, &u) == 0 && o == SMALL && u == n &&
			 memcmp(out, small, SMALL) == 0, name, "o=%zu u=%zu", o, u);
		snprintf(name, sizeof(name), "decomp-%s-full", decomp_name(c));
		hp_check(decomp_run(c, s, n, out, SMALL - 1, &o, &u) == DECOMP_EFULL, name,
			 "not EFULL");
		/* lz4 legacy has no end mark: a cut frame ends early instead */
		snprintf(name, sizeof(name), "decomp-%s-truncated", decomp_name(c));
		hp_check(c == DECOMP_LZ4 ? decomp_run(c, s, n - 1, out, SMALL, &o, &u) != 0 || o < SMALL
					 : decomp_run(c, s, n - 1, out, SMALL, &o, &u) == DECOMP_EDATA,
			 name, "accepted");
		snprintf(name, sizeof(name), "decomp-%s-wrong-magic", decomp_name(c));
		s[0] ^= 0xff;
		hp_check(decomp_run(c, s, n, out, SMALL, &o, &u) == DECOMP_EDATA, name, "accepted");
	}
	/* lzop header: checksum, filter flag, method; a block's adler32 */
	n = test_encoders[DECOMP_LZO](small, SMALL, s, sizeof(s));
	s[22] ^= 1;			/* mode: under the header checksum */
	hp_check(decomp_run(DECOMP_LZO, s, n, out, SMALL, &o, &u) == DECOMP_EDATA,
		 "lzo-header-checksum", "accepted");
	n = test_encoders[DECOMP_LZO](small, SMALL, s, sizeof(s));
	s[19] |= 0x08;			/* flags: F_H_FILTER (0x800) */
	hp_check(decomp_run(DECOMP_LZO, s, n, out, SMALL, &o, &u) == DECOMP_EDATA,
		 "lzo-filter", "accepted");
	n = test_encoders[DECOMP_LZO](small, SMALL, s, sizeof(s));
	s[15] = 9;			/* method */
	hp_check(decomp_run(DECOMP_LZO, s, n, out, SMALL, &o, &u) == DECOMP_EDATA,
		 "lzo-method", "accepted");
	n = test_encoders[DECOMP_LZO](small, SMALL, s, sizeof(s));
	s[46] ^= 1;			/* first block's adler32 of the data */
	hp_check(decomp_run(DECOMP_LZO, s, n, out, SMALL, &o, &u) == DECOMP_EDATA,
		 "lzo-block-checksum", "accepted");
}

/* decomp_alloc() starts at max(8 x input, 1 MiB) and doubles up to its limit. */
static void alloc_cases(const uint8_t *big)
{
	static uint8_t s[ALLOC];
	struct hp_buf b = { NULL, 0 };
	size_t n = test_encoders[DECOMP_GZIP](big, ALLOC, s, sizeof(s)), u;

	hp_check(n * 8 < ALLOC && decomp_alloc(DECOMP_GZIP, s, n, 64u << 20, &b, &u) == 0 &&
		 b.len == ALLOC && u == n && memcmp(b.data, big, ALLOC) == 0, "alloc-grows",
		 "wrong (input %zu bytes)", n);
	hp_buf_free(&b);
	hp_check(decomp_alloc(DECOMP_GZIP, s, n, ALLOC - 1, &b, &u) == DECOMP_EFULL && !b.data,
		 "alloc-limit", "not EFULL");
}

int main(void)
{
	size_t cap = BIG + BIG / 4 + PAYLOAD + 4096;
	uint8_t *z = hp_malloc(cap), *small = make_data(SMALL), *big = make_data(BIG);

	good_cases(z, cap, small, big);
	bad_zimages(z, cap, small);
	decomp_cases(small);
	alloc_cases(big);
	free(z);
	free(small);
	free(big);
	return hp_test_done();
}
