/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Decoders for the formats kernels arrive in (zImage payloads, Image.gz),
 * through the real libraries: zlib, liblzma, liblz4, liblzo2, libzstd.
 */
#ifndef HOSTPACK_DECOMP_H
#define HOSTPACK_DECOMP_H
#include "hostpack.h"

enum decomp_codec {
	DECOMP_GZIP,
	DECOMP_XZ,
	DECOMP_LZMA,		/* lzma_alone (.lzma) */
	DECOMP_LZ4,		/* lz4 legacy frame (lz4 -l) */
	DECOMP_LZO,		/* lzop file */
	DECOMP_ZSTD,		/* one zstd frame (Linux's -22 --ultra: a 128 MiB window) */
	DECOMP_NCODECS
};

#define DECOMP_EDATA	(-1)	/* malformed or truncated stream */
#define DECOMP_EFULL	(-2)	/* output would exceed the capacity */

/* The codec whose magic starts @p (@len bytes available), or -1. */
int decomp_sniff(const uint8_t *p, size_t len);

/* "gzip", "xz", "lzma", "lz4", "lzo", "zstd". */
const char *decomp_name(int codec);

/*
 * Decode one complete @codec stream from the start of @src (@src_len bytes
 * available, the stream may end earlier) into @dst (@cap bytes).  Returns 0
 * with the bytes written in *out and read in *used, or DECOMP_EDATA /
 * DECOMP_EFULL.  An lz4 legacy frame has no end mark: it ends at @src_len
 * or at the first word that cannot be a block size.
 */
int decomp_run(int codec, const uint8_t *src, size_t src_len,
	       uint8_t *dst, size_t cap, size_t *out, size_t *used);

/* Like decomp_run into a new buffer grown as needed up to @max bytes. */
int decomp_alloc(int codec, const uint8_t *src, size_t src_len, size_t max,
		 struct hp_buf *out, size_t *used);

#endif
