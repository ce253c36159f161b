/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer harness: inflate_decompress() (stub/inflate.c).  The first two
 * bytes give the output capacity (LE16, times 4 when the top bit is set);
 * the rest is a raw deflate stream.  The output buffer is exactly that big
 * for ASan.  When zlib's raw inflate decodes the whole input to its end
 * within the capacity, the result here must be the same bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "codec.h"

/* zlib's verdict: decoded length, or -1 unless the stream ends exactly at
 * the end of the input and fits in @cap. */
static long zlib_inflate(const uint8_t *in, size_t len, uint8_t *out, size_t cap)
{
	z_stream z;
	long ret = -1;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, -15) != Z_OK)
		abort();
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	if (inflate(&z, Z_FINISH) == Z_STREAM_END && z.avail_in == 0)
		ret = (long)z.total_out;
	inflateEnd(&z);
	return ret;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t cap, n;
	uint8_t *out, *ref;
	long rn;
	int err;

	if (size < 2 || size > (1u << 20))
		return 0;
	cap = data[0] | (size_t)(data[1] & 0x7f) << 8;
	if (data[1] & 0x80)
		cap *= 4;
	data += 2;
	size -= 2;
	out = malloc(cap ? cap : 1);
	ref = malloc(cap ? cap : 1);
	n = cap;
	err = inflate_decompress(out, &n, data, size);
	if (err > 0 || err < CODEC_ETRAIL || (err == 0 && n > cap))
		abort();
	rn = zlib_inflate(data, size, ref, cap);
	if (rn >= 0 && (err != 0 || n != (size_t)rn || memcmp(out, ref, n) != 0))
		abort();
	free(out);
	free(ref);
	return 0;
}
