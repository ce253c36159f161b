/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Decoders.  One signature for every codec:
 *   capacity of @dst in *dst_len, bytes written out in *dst_len;
 *   returns 0 when the whole of @src was one complete, valid stream,
 *   or a negative CODEC_E* error.  No allocation, no static state; every
 *   read of @src and write of @dst is bounds-checked.  @dst and @src must
 *   not overlap.
 */
#ifndef CHAINBOOT_CODEC_H
#define CHAINBOOT_CODEC_H
#include <stddef.h>

#define CODEC_EINPUT	(-1)	/* stream ends early (truncated input) */
#define CODEC_EOUTPUT	(-2)	/* output would exceed the capacity */
#define CODEC_EDATA	(-3)	/* malformed stream (bad block type, code, distance) */
#define CODEC_ETRAIL	(-4)	/* bytes left after the end of the stream */

/* Raw deflate (RFC 1951), no zlib or gzip wrapper. */
int inflate_decompress(void *dst, size_t *dst_len, const void *src, size_t src_len);

/* One raw LZ4 block (the format LZ4_decompress_safe() reads). */
int lz4_decompress(void *dst, size_t *dst_len, const void *src, size_t src_len);

/* Name of an error, for messages. */
const char *codec_strerror(int err);

#endif
