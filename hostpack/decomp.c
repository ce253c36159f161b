/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Input decoders.  Each runs one complete stream through its library and
 * tells how much it read, so a caller can check that a stream ends exactly
 * where the container says it does.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <lz4.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>
#include "decomp.h"
#include "decomp_lzo.h"

#define LZ4_LEGACY_MAGIC	0x184c2102u
#define LZ4_LEGACY_BLOCK	(8u * HP_MiB)	/* decoded size of every block but the last */

static const struct {
	uint8_t len;
	uint8_t magic[9];
} sniff_table[DECOMP_NCODECS] = {
	[DECOMP_GZIP] = { 3, { 0x1f, 0x8b, 0x08 } },
	[DECOMP_XZ] = { 6, { 0xfd, '7', 'z', 'X', 'Z', 0x00 } },
	/* lc=3 lp=0 pb=2, what every lzma encoder writes by default */
	[DECOMP_LZMA] = { 3, { 0x5d, 0x00, 0x00 } },
	[DECOMP_LZ4] = { 4, { 0x02, 0x21, 0x4c, 0x18 } },
	[DECOMP_LZO] = { 9, { 0x89, 'L', 'Z', 'O', 0x00, 0x0d, 0x0a, 0x1a, 0x0a } },
	[DECOMP_ZSTD] = { 4, { 0x28, 0xb5, 0x2f, 0xfd } },
};

int decomp_sniff(const uint8_t *p, size_t len)
{
	int c;

	for (c = 0; c < DECOMP_NCODECS; c++)
		if (len >= sniff_table[c].len &&
		    memcmp(p, sniff_table[c].magic, sniff_table[c].len) == 0)
			return c;
	return -1;
}

const char *decomp_name(int codec)
{
	static const char *const names[DECOMP_NCODECS] = {
		"gzip", "xz", "lzma", "lz4", "lzo", "zstd"
	};

	return codec >= 0 && codec < DECOMP_NCODECS ? names[codec] : "unknown";
}

static unsigned int clamp_uint(size_t v)
{
	return v > UINT_MAX ? UINT_MAX : (unsigned int)v;
}

/*
 * A stream that stopped for lack of room: the output is full and input is
 * left (every format here ends with a trailer, index or end mark that
 * cannot have been read yet).  Out of input first: truncated.
 */
static int full_or_bad(bool stuck, size_t avail_in, size_t avail_out)
{
	return stuck && avail_in != 0 && avail_out == 0 ? DECOMP_EFULL : DECOMP_EDATA;
}

static int run_gzip(const uint8_t *src, size_t src_len, uint8_t *dst,
		    size_t cap, size_t *out, size_t *used)
{
	z_stream z;
	int ret;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		return DECOMP_EDATA;
	z.next_in = (Bytef *)src;
	z.avail_in = clamp_uint(src_len);
	z.next_out = dst;
	z.avail_out = clamp_uint(cap);
	do
		ret = inflate(&z, Z_FINISH);
	while (ret == Z_OK);
	*out = z.total_out;
	*used = z.total_in;
	inflateEnd(&z);
	if (ret == Z_STREAM_END)
		return 0;
	return full_or_bad(ret == Z_BUF_ERROR, z.avail_in, z.avail_out);
}

#define DECOMP_LZMA_MEMLIMIT	(512ull << 20)

static int run_lzma(int codec, const uint8_t *src, size_t src_len,
		    uint8_t *dst, size_t cap, size_t *out, size_t *used)
{
	lzma_stream s = LZMA_STREAM_INIT;
	lzma_ret ret;

	/* No LZMA_CONCATENATED: stop at the end of the first stream.  A
	 * header may ask for a 4 GiB dictionary; kernels use 64 MiB at most
	 * (lzma -9), so more than DECOMP_LZMA_MEMLIMIT is bad data. */
	if (codec == DECOMP_XZ)
		ret = lzma_stream_decoder(&s, DECOMP_LZMA_MEMLIMIT, 0);
	else
		ret = lzma_alone_decoder(&s, DECOMP_LZMA_MEMLIMIT);
	if (ret != LZMA_OK)
		return DECOMP_EDATA;
	s.next_in = src;
	s.avail_in = src_len;
	s.next_out = dst;
	s.avail_out = cap;
	do
		ret = lzma_code(&s, LZMA_FINISH);
	while (ret == LZMA_OK);
	*out = s.total_out;
	*used = s.total_in;
	lzma_end(&s);
	if (ret == LZMA_STREAM_END)
		return 0;
	return full_or_bad(ret == LZMA_BUF_ERROR, s.avail_in, s.avail_out);
}

/* Tell a full output apart from bad data: LZ4_decompress_safe() cannot. */
static int lz4_block_fits(const uint8_t *src, uint32_t bs)
{
	char *scratch = hp_malloc(LZ4_LEGACY_BLOCK);
	int n = LZ4_decompress_safe((const char *)src, scratch, (int)bs,
				    LZ4_LEGACY_BLOCK);

	free(scratch);
	return n < 0 ? DECOMP_EDATA : DECOMP_EFULL;
}

static int run_lz4(const uint8_t *src, size_t src_len, uint8_t *dst,
		   size_t cap, size_t *out, size_t *used)
{
	size_t pos = 4, done = 0;
	uint32_t max_block = (uint32_t)LZ4_compressBound(LZ4_LEGACY_BLOCK);

	while (src_len - pos >= 4) {
		uint32_t bs = hp_le32(src + pos);
		size_t room = cap - done;
		int n;

		if (bs == LZ4_LEGACY_MAGIC) {	/* concatenated frames */
			pos += 4;
			continue;
		}
		if (bs == 0 || bs > max_block || bs > src_len - pos - 4)
			break;		/* not a block: the frame ended */
		n = LZ4_decompress_safe((const char *)src + pos + 4,
					(char *)dst + done, (int)bs,
					(int)(room > LZ4_LEGACY_BLOCK ? LZ4_LEGACY_BLOCK : room));
		if (n < 0)
			return room < LZ4_LEGACY_BLOCK ? lz4_block_fits(src + pos + 4, bs)
						       : DECOMP_EDATA;
		done += (size_t)n;
		pos += 4 + bs;
	}
	*out = done;
	*used = pos;
	return pos > 4 ? 0 : DECOMP_EDATA;
}

/* One frame; a window up to 2^27 (zstd's default limit, what Linux's
 * `zstd -22 --ultra` uses), more is refused as bad data. */
static int run_zstd(const uint8_t *src, size_t src_len, uint8_t *dst,
		    size_t cap, size_t *out, size_t *used)
{
	ZSTD_DCtx *d = ZSTD_createDCtx();
	ZSTD_inBuffer in = { src, src_len, 0 };
	ZSTD_outBuffer o = { dst, cap, 0 };
	size_t ret;

	if (!d)
		return DECOMP_EDATA;
	do
		ret = ZSTD_decompressStream(d, &o, &in);
	while (!ZSTD_isError(ret) && ret != 0 && o.pos < o.size && in.pos < in.size);
	ZSTD_freeDCtx(d);
	*out = o.pos;
	*used = in.pos;
	if (ZSTD_isError(ret))
		return DECOMP_EDATA;
	if (ret == 0)
		return 0;
	return full_or_bad(true, in.size - in.pos, o.size - o.pos);
}

int decomp_run(int codec, const uint8_t *src, size_t src_len,
	       uint8_t *dst, size_t cap, size_t *out, size_t *used)
{
	*out = 0;
	*used = 0;
	if (decomp_sniff(src, src_len) != codec)
		return DECOMP_EDATA;
	if (codec == DECOMP_GZIP)
		return run_gzip(src, src_len, dst, cap, out, used);
	if (codec == DECOMP_XZ || codec == DECOMP_LZMA)
		return run_lzma(codec, src, src_len, dst, cap, out, used);
	if (codec == DECOMP_LZ4)
		return run_lz4(src, src_len, dst, cap, out, used);
	if (codec == DECOMP_LZO)
		return decomp_lzo(src, src_len, dst, cap, out, used);
	if (codec == DECOMP_ZSTD)
		return run_zstd(src, src_len, dst, cap, out, used);
	return DECOMP_EDATA;
}

int decomp_alloc(int codec, const uint8_t *src, size_t src_len, size_t max,
		 struct hp_buf *out, size_t *used)
{
	size_t cap = src_len < max / 8 ? src_len * 8 : max;
	int err;

	if (cap < HP_MiB)
		cap = max < HP_MiB ? max : HP_MiB;
	for (;;) {
		out->data = hp_malloc(cap);
		err = decomp_run(codec, src, src_len, out->data, cap, &out->len, used);
		if (err != DECOMP_EFULL || cap >= max)
			break;
		hp_buf_free(out);
		cap = cap > max / 2 ? max : cap * 2;
	}
	if (err) {
		hp_buf_free(out);
		return err;
	}
	out->data = hp_realloc(out->data, out->len);
	return 0;
}
