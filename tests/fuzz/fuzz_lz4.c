/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer harness: lz4_decompress() (stub/lz4.c).  The first two bytes
 * give the output capacity (LE16); the rest is the block.  The output
 * buffer is exactly that big, so ASan sees any write past it.  Whatever
 * liblz4's LZ4_decompress_safe() accepts must decode to the same bytes,
 * except blocks with a match offset of 0 (liblz4 1.9 copies from the
 * output there; the format calls it corrupt).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <lz4.h>
#include "codec.h"

/* Does any sequence of the block carry a match offset of 0? */
static int has_offset0(const uint8_t *in, size_t len)
{
	size_t i = 0, lit;
	unsigned int token, b;

	while (i < len) {
		token = in[i++];
		lit = token >> 4;
		if (lit == 15)
			do {
				b = i < len ? in[i++] : 0;
				lit += b;
			} while (b == 255 && i < len);
		if (lit > len - i || len - i - lit < 2)
			return 0;
		i += lit;
		if (in[i] == 0 && in[i + 1] == 0)
			return 1;
		i += 2;
		if ((token & 15) == 15)
			do
				b = i < len ? in[i++] : 0;
			while (b == 255 && i < len);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t cap, n;
	uint8_t *out, *ref;
	int err, rn;

	if (size < 2 || size - 2 > INT32_MAX)
		return 0;
	cap = data[0] | (size_t)data[1] << 8;
	data += 2;
	size -= 2;
	out = malloc(cap ? cap : 1);
	ref = malloc(cap ? cap : 1);
	n = cap;
	err = lz4_decompress(out, &n, data, size);
	if (err > 0 || err < CODEC_ETRAIL || (err == 0 && n > cap))
		abort();
	rn = LZ4_decompress_safe((const char *)data, (char *)ref, (int)size, (int)cap);
	if (rn >= 0 && !(err == CODEC_EDATA && has_offset0(data, size))) {
		if (err != 0 || n != (size_t)rn || memcmp(out, ref, n) != 0)
			abort();
	}
	free(out);
	free(ref);
	return 0;
}
