/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * unlzma() (stub/unlzma.c) against liblzma's raw LZMA1 encoder with
 * the properties the stub is built for (lc 0, lp 2, pb 2), as
 * scripts/stub-compress.py encodes the arm64 stub: round trips of
 * generated data at every preset, of the real Image's first MiB and of
 * the built arm64 stub; then damaged streams (every truncation, single
 * bit flips, random garbage), which must either fail or give bytes the
 * CRC check would refuse, never touch memory outside the buffers: the
 * buffers are exact-size allocations, for the ASan build (test_lzma_asan).
 */
#include <lzma.h>
#include "unlzma.h"
#include "codec_test.h"

/* Raw LZMA1 at @preset, the stub's properties, 64 KiB dictionary. */
static uint8_t *compress(const uint8_t *src, size_t len, uint32_t preset, size_t *out_len)
{
	lzma_options_lzma opt;
	lzma_filter f[2] = { { LZMA_FILTER_LZMA1, &opt }, { LZMA_VLI_UNKNOWN, NULL } };
	size_t cap = len + len / 2 + 1024, pos = 0;
	uint8_t *out = xmalloc(cap);

	if (lzma_lzma_preset(&opt, preset))
		exit(2);
	opt.lc = 0;
	opt.lp = 2;
	opt.pb = 2;
	opt.dict_size = 1 << 16;
	if (lzma_raw_buffer_encode(f, NULL, src, len, out, &pos, cap) != LZMA_OK) {
		fprintf(stderr, "lzma_raw_buffer_encode failed\n");
		exit(2);
	}
	*out_len = pos;
	return out;
}

/* Decodes @clen bytes (copied to an exact-size buffer) into exactly @len. */
static int decode(const uint8_t *comp, size_t clen, size_t len, uint8_t **out)
{
	uint8_t *in = xmalloc(clen);
	int err;

	memcpy(in, comp, clen);
	*out = xmalloc(len);
	err = unlzma(*out, len, in, clen);
	free(in);
	return err;
}

static void roundtrip(const char *name, const uint8_t *raw, size_t len, uint32_t preset)
{
	size_t clen;
	uint8_t *comp = compress(raw, len, preset, &clen), *out;
	int err = decode(comp, clen, len, &out);

	if (err)
		result(name, "unlzma returned %d", err);
	else if (len && memcmp(out, raw, len))
		result(name, "output differs");
	else
		result(name, NULL);
	free(out);
	free(comp);
}

static void generated(void)
{
	static const size_t sizes[] = { 0, 1, 2, 3, 4, 5, 17, 100, 4096, 65536, 65537, 200000 };
	static const uint32_t presets[] = { 0, 6, 9 | LZMA_PRESET_EXTREME };
	char name[128];

	for (unsigned int k = 0; k < DATA_KINDS; k++)
		for (unsigned int s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			uint8_t *raw = make_data(k, sizes[s]);

			for (unsigned int p = 0; p < sizeof(presets) / sizeof(presets[0]); p++) {
				snprintf(name, sizeof(name), "roundtrip preset %u%s %s %zu",
					 presets[p] & 0xff, presets[p] & LZMA_PRESET_EXTREME ? "e" : "",
					 data_names[k], sizes[s]);
				roundtrip(name, raw, sizes[s], presets[p]);
			}
			free(raw);
		}
}

/* A file's bytes, up to @max, or NULL. */
static uint8_t *load(const char *path, size_t max, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *p;

	if (!f)
		return NULL;
	p = xmalloc(max);
	*len = fread(p, 1, max, f);
	fclose(f);
	return p;
}

static void real_inputs(void)
{
	const char *why;
	size_t len;
	uint8_t *img = load_image(&len, &why);

	if (img) {
		roundtrip("roundtrip Image first MiB, preset 9e", img, len < (1 << 20) ? len : 1 << 20,
			  9 | LZMA_PRESET_EXTREME);
		free(img);
	} else {
		skip("roundtrip Image first MiB", why);
	}
	img = load("build/arm64/stub.raw", 1 << 20, &len);
	if (img) {
		roundtrip("roundtrip build/arm64/stub.raw, preset 9e", img, len, 9 | LZMA_PRESET_EXTREME);
		free(img);
	} else {
		skip("roundtrip build/arm64/stub.raw", "absent (make stub ARCH=arm64)");
	}
}

/* Damaged streams: every truncation and 2000 one-bit flips of a text
 * stream, and garbage.  ASan checks the accesses; here, a stream cut
 * before its last data must not give the right output by accident of
 * reading on (the last 16 bytes may hold only the end marker and the
 * range coder's flush, which the decoder, knowing the size, never needs). */
static void damaged(void)
{
	size_t len = 20000, clen, cut, bad = 0;
	uint8_t *raw = make_data(DATA_TEXT, len), *comp = compress(raw, len, 6, &clen), *out;
	char name[128];

	for (cut = 0; cut + 16 < clen; cut++) {
		if (!decode(comp, cut, len, &out) && !memcmp(out, raw, len))
			bad++;
		free(out);
	}
	snprintf(name, sizeof(name), "every truncation of a %zu-byte stream", clen);
	result(name, bad ? "%zu truncations decoded to the original" : NULL, bad);

	for (unsigned int i = 0; i < 2000; i++) {
		size_t b = rnd() % (clen * 8);

		comp[b / 8] ^= 1 << (b % 8);
		decode(comp, clen, len, &out);
		free(out);
		comp[b / 8] ^= 1 << (b % 8);
	}
	result("2000 one-bit flips: no access outside the buffers", NULL);

	for (unsigned int i = 0; i < 300; i++) {
		size_t n = 1 + rnd() % 4000;
		uint8_t *g = make_data(DATA_RANDOM, n);

		decode(g, n, 1 + rnd() % 100000, &out);
		free(out);
		free(g);
	}
	result("300 garbage streams: no access outside the buffers", NULL);

	/* A match reaching before the output's start: a stream whose first
	 * symbol is a match must fail (the encoder never makes one). */
	{
		static const uint8_t first_match[] = { 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

		result("a match before any output fails",
		       decode(first_match, sizeof(first_match), 100, &out) ? NULL : "decoded");
		free(out);
	}
	free(comp);
	free(raw);
}

int main(void)
{
	generated();
	real_inputs();
	damaged();
	return failures ? 1 : 0;
}
