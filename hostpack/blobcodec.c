/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Section codecs.  libdeflate level 12 beats zlib level 9 by about 4% on
 * the Debian armmp Image (7.58 vs 7.87 MB) in about the same time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libdeflate.h>
#include <lz4.h>
#include <lz4hc.h>
#include <zlib.h>
#include "blob.h"
#include "blobcodec.h"

#define DEFLATE_LEVEL	12
#define LZ4HC_LEVEL	12

int blobcodec_parse(const char *s)
{
	if (strcmp(s, "none") == 0)
		return CB_COMP_NONE;
	if (strcmp(s, "deflate") == 0 || strcmp(s, "gzip") == 0)
		return CB_COMP_DEFLATE;
	if (strcmp(s, "lz4") == 0)
		return CB_COMP_LZ4;
	return -1;
}

static int encode_deflate(const uint8_t *src, size_t len, struct hp_buf *out)
{
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(DEFLATE_LEVEL);
	size_t cap;

	if (!c)
		return -1;
	cap = libdeflate_deflate_compress_bound(c, len);
	out->data = hp_malloc(cap);
	out->len = libdeflate_deflate_compress(c, src, len, out->data, cap);
	libdeflate_free_compressor(c);
	return out->len ? 0 : -1;
}

static int encode_lz4(const uint8_t *src, size_t len, struct hp_buf *out)
{
	int cap, n;

	if (len > LZ4_MAX_INPUT_SIZE)
		return -1;
	cap = LZ4_compressBound((int)len);
	out->data = hp_malloc((size_t)cap);
	n = LZ4_compress_HC((const char *)src, (char *)out->data, (int)len, cap,
			    LZ4HC_LEVEL);
	out->len = n > 0 ? (size_t)n : 0;
	return n > 0 || len == 0 ? 0 : -1;
}

static int encode(uint8_t comp, const uint8_t *src, size_t len, struct hp_buf *out)
{
	int err = -1;

	out->data = NULL;
	out->len = 0;
	if (comp == CB_COMP_NONE) {
		out->data = hp_malloc(len);
		memcpy(out->data, src, len);
		out->len = len;
		return 0;
	}
	if (comp == CB_COMP_DEFLATE)
		err = encode_deflate(src, len, out);
	else if (comp == CB_COMP_LZ4)
		err = encode_lz4(src, len, out);
	if (err)
		hp_buf_free(out);
	return err;
}

/*
 * HOSTPACK_CODEC_CACHE=DIR keeps encoded sections in DIR, for test suites
 * and scripts that pack the same kernel many times: level 12 of LZ4HC or
 * libdeflate takes seconds on a 33 MB Image.  An entry's name holds the
 * codec, its level and library version, and the input's length, CRC-32
 * and Adler-32; it is used only if it decodes to exactly the input, so a
 * damaged or colliding entry costs an encode, never a different blob.
 * Returns the entry's path, or NULL when the cache is off.
 */
static char *cache_path(uint8_t comp, const uint8_t *src, size_t len)
{
	const char *dir = getenv("HOSTPACK_CODEC_CACHE");
	char *path;
	size_t n;

	if (!dir || !*dir)
		return NULL;
	n = strlen(dir) + 96;
	path = hp_malloc(n);
	if (comp == CB_COMP_LZ4)
		snprintf(path, n, "%s/lz4hc%d-%d-", dir, LZ4HC_LEVEL, LZ4_versionNumber());
	else
		snprintf(path, n, "%s/deflate%d-%s-", dir, DEFLATE_LEVEL,
			 LIBDEFLATE_VERSION_STRING);
	snprintf(path + strlen(path), n - strlen(path), "%zu-%08lx-%08lx", len,
		 crc32_z(0, src, len), adler32_z(1, src, len));
	return path;
}

static bool cache_get(const char *path, uint8_t comp, const uint8_t *src, size_t len,
		      struct hp_buf *out)
{
	uint8_t *check;
	bool ok;

	if (access(path, R_OK) != 0 || hp_read_file(path, SIZE_MAX - 1, out) != 0)
		return false;
	check = hp_malloc(len ? len : 1);
	ok = blobcodec_decode(comp, out->data, out->len, check, len) == 0 &&
	     memcmp(check, src, len) == 0;
	free(check);
	if (!ok)
		hp_buf_free(out);
	return ok;
}

int blobcodec_encode(uint8_t comp, const uint8_t *src, size_t len, struct hp_buf *out)
{
	char *cached = comp == CB_COMP_NONE ? NULL : cache_path(comp, src, len);
	int err;

	if (cached && cache_get(cached, comp, src, len, out)) {
		free(cached);
		return 0;
	}
	err = encode(comp, src, len, out);
	if (!err && cached)
		hp_write_atomic(cached, out->data, out->len);
	free(cached);
	return err;
}

int blobcodec_decode(uint8_t comp, const uint8_t *src, size_t len,
		     uint8_t *dst, size_t size)
{
	struct libdeflate_decompressor *d;
	enum libdeflate_result r;
	size_t in_used = 0;

	if (comp == CB_COMP_NONE) {
		if (len != size)
			return -1;
		memcpy(dst, src, len);
		return 0;
	}
	if (comp == CB_COMP_LZ4)
		return len <= LZ4_MAX_INPUT_SIZE && size <= LZ4_MAX_INPUT_SIZE &&
		       LZ4_decompress_safe((const char *)src, (char *)dst, (int)len,
					   (int)size) == (int)size ? 0 : -1;
	if (comp != CB_COMP_DEFLATE)
		return -1;
	d = libdeflate_alloc_decompressor();
	if (!d)
		return -1;
	/* NULL for the output count: succeed only if exactly @size come out. */
	r = libdeflate_deflate_decompress_ex(d, src, len, dst, size, &in_used, NULL);
	libdeflate_free_decompressor(d);
	return r == LIBDEFLATE_SUCCESS && in_used == len ? 0 : -1;
}
