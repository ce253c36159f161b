/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Streams made with the real encoders, in the forms Linux's build writes
 * for compressed kernels (scripts/Makefile.lib): gzip -9, xz with CRC32,
 * .lzma (lzma_alone), lz4 legacy frames of 8 MiB blocks (lz4 -l), lzop
 * 1.03 containers, one zstd frame.  Shared by the unit tests of the
 * kernel parsers (test_zimage.c, test_image64.c).
 */
#include <string.h>
#include <lz4.h>
#include <lzma.h>
#include <lzo/lzo1x.h>
#include <zlib.h>
#include <zstd.h>
#include "encoders.h"

#define LZ4_BLOCK	(8u * 1024 * 1024)

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24, p[1] = v >> 16, p[2] = v >> 8, p[3] = v;
}

static size_t enc_gzip(const uint8_t *in, size_t n, uint8_t *out, size_t cap)
{
	z_stream z = { 0 };
	size_t len;

	if (deflateInit2(&z, 9, Z_DEFLATED, 16 + 15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	z.next_in = (Bytef *)in, z.avail_in = n, z.next_out = out, z.avail_out = cap;
	len = deflate(&z, Z_FINISH) == Z_STREAM_END ? z.total_out : 0;
	deflateEnd(&z);
	return len;
}

static size_t enc_xz(const uint8_t *in, size_t n, uint8_t *out, size_t cap)
{
	size_t pos = 0;

	if (lzma_easy_buffer_encode(6, LZMA_CHECK_CRC32, NULL, in, n, out, &pos, cap) != LZMA_OK)
		return 0;
	return pos;
}

static size_t enc_lzma(const uint8_t *in, size_t n, uint8_t *out, size_t cap)
{
	lzma_stream s = LZMA_STREAM_INIT;
	lzma_options_lzma opt;
	size_t len;

	if (lzma_lzma_preset(&opt, 6) || lzma_alone_encoder(&s, &opt) != LZMA_OK)
		return 0;
	s.next_in = in, s.avail_in = n, s.next_out = out, s.avail_out = cap;
	while (lzma_code(&s, LZMA_FINISH) == LZMA_OK)
		;
	len = s.total_out;
	lzma_end(&s);
	return len;
}

static size_t enc_lz4(const uint8_t *in, size_t n, uint8_t *out, size_t cap)
{
	size_t at = 4, done;

	put32(out, 0x184c2102);
	for (done = 0; done < n; done += LZ4_BLOCK) {
		int chunk = n - done < LZ4_BLOCK ? (int)(n - done) : (int)LZ4_BLOCK;
		int c = LZ4_compress_default((const char *)in + done, (char *)out + at + 4,
					     chunk, (int)(cap - at - 4));

		put32(out + at, (uint32_t)c);
		at += 4 + (size_t)c;
	}
	return at;
}

/* lzop 1.03-style container: version 0x1030, method 1, adler32 of each block. */
static size_t enc_lzo(const uint8_t *in, size_t n, uint8_t *out, size_t cap)
{
	static const uint8_t magic[9] = { 0x89, 'L', 'Z', 'O', 0, 0x0d, 0x0a, 0x1a, 0x0a };
	static uint8_t wrk[LZO1X_1_MEM_COMPRESS];
	size_t at = 9, done;

	(void)cap;
	lzo_init();
	memcpy(out, magic, 9);
	out[at++] = 0x10, out[at++] = 0x30;	/* version */
	out[at++] = 0x20, out[at++] = 0xa0;	/* lib version */
	out[at++] = 0x09, out[at++] = 0x40;	/* version needed */
	out[at++] = 1;				/* method: LZO1X-1 */
	out[at++] = 5;				/* level */
	put_be32(out + at, 1), at += 4;		/* flags: F_ADLER32_D */
	put_be32(out + at, 0644), at += 4;	/* mode */
	put_be32(out + at, 0), at += 4;		/* mtime low */
	put_be32(out + at, 0), at += 4;		/* mtime high */
	out[at++] = 0;				/* name length */
	put_be32(out + at, lzo_adler32(1, out + 9, at - 9)), at += 4;
	for (done = 0; done < n; done += 256 * 1024) {
		lzo_uint chunk = n - done < 256 * 1024 ? n - done : 256 * 1024, c;

		lzo1x_1_compress(in + done, chunk, out + at + 12, &c, wrk);
		put_be32(out + at, chunk);
		put_be32(out + at + 4, c);
		put_be32(out + at + 8, lzo_adler32(1, in + done, chunk));
		at += 12 + c;
	}
	put_be32(out + at, 0);
	return at + 4;
}

/* One frame with its content size, as Linux's `zstd -22 --ultra` writes. */
static size_t enc_zstd(const uint8_t *in, size_t n, uint8_t *out, size_t cap)
{
	return ZSTD_compress(out, cap, in, n, 19);
}

encoder *const test_encoders[DECOMP_NCODECS] = {
	[DECOMP_GZIP] = enc_gzip, [DECOMP_XZ] = enc_xz, [DECOMP_LZMA] = enc_lzma,
	[DECOMP_LZ4] = enc_lz4, [DECOMP_LZO] = enc_lzo, [DECOMP_ZSTD] = enc_zstd,
};

