/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The codecs of blob sections (CB_COMP_*): raw deflate and one raw LZ4
 * block, encoded and decoded with libdeflate and liblz4.
 */
#ifndef HOSTPACK_BLOBCODEC_H
#define HOSTPACK_BLOBCODEC_H
#include "hostpack.h"

/* CB_COMP_* for "none", "deflate" (alias "gzip") or "lz4"; -1 otherwise. */
int blobcodec_parse(const char *s);

/*
 * Encode @len bytes at @src with @comp into a new buffer @out.  Both
 * encoders are deterministic (same input, same output): libdeflate at its
 * best level, 12; LZ4_compress_HC at level 12.  With HOSTPACK_CODEC_CACHE
 * set, an earlier encode of the same input may be reused (blobcodec.c).
 * Returns 0 or -1 if the input is beyond what the codec takes.
 */
int blobcodec_encode(uint8_t comp, const uint8_t *src, size_t len, struct hp_buf *out);

/* Decode @len bytes at @src into exactly @size bytes at @dst; 0 if the
 * stream is valid, uses all @len bytes and yields exactly @size bytes. */
int blobcodec_decode(uint8_t comp, const uint8_t *src, size_t len,
		     uint8_t *dst, size_t size);

#endif
