/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared by the codec and CRC unit tests: result lines, a seeded PRNG,
 * generated data sets and the real Image from the fixture cache.
 */
#ifndef CHAINBOOT_CODEC_TEST_H
#define CHAINBOOT_CODEC_TEST_H
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

/* One line per case; @fmt says why it failed (NULL: passed). */
static inline void result(const char *name, const char *fmt, ...)
{
	va_list ap;

	if (!fmt) {
		printf("PASS: %s\n", name);
		return;
	}
	printf("FAIL: %s: ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	failures++;
}

static inline void skip(const char *name, const char *why)
{
	printf("SKIP: %s: %s\n", name, why);
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static inline uint32_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state >> 16;
}

static inline void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p) {
		perror("malloc");
		exit(2);
	}
	return p;
}

enum data_kind { DATA_RANDOM, DATA_RUNS, DATA_TEXT, DATA_PERIODIC, DATA_KINDS };

static const char *const data_names[DATA_KINDS] = {
	"random", "runs", "text", "periodic",
};

/* @len bytes of a kind: incompressible, byte runs of random lengths,
 * words with repeats at every distance, short periods (1..7: overlap). */
static inline uint8_t *make_data(enum data_kind kind, size_t len)
{
	static const char *const words[] = {
		"the ", "kernel ", "boot", "stub ", "chain", "inflate ", "\n",
		"0x", "ldr r0, [r1]\n", "lz4 ", "device tree ", "cmdline=",
	};
	uint8_t *p = xmalloc(len);
	size_t i = 0;

	while (i < len) {
		size_t n = 1 + rnd() % 300;
		uint8_t b = rnd();

		if (kind == DATA_RANDOM) {
			p[i++] = b;
		} else if (kind == DATA_RUNS) {
			while (n-- && i < len)
				p[i++] = b & 3 ? b : 0;
		} else if (kind == DATA_TEXT) {
			const char *w = words[rnd() % (sizeof(words) / sizeof(words[0]))];

			if (i > 64 && rnd() % 4 == 0) {	/* a repeat from further back */
				size_t from = rnd() % i;

				n = 3 + rnd() % 40;
				while (n-- && i < len)
					p[i++] = p[from++];
			}
			while (*w && i < len)
				p[i++] = *w++;
		} else {
			size_t period = 1 + rnd() % 7, k;

			for (k = 0; k < n && i < len; k++, i++)
				p[i] = k < period ? (uint8_t)rnd() : p[i - period];
		}
	}
	return p;
}

/* The decompressed ARM Image from the fixture cache, or NULL (and why). */
static inline uint8_t *load_image(size_t *len, const char **why)
{
	static char path[4096], msg[4200];
	const char *cache = getenv("CB_CACHE");
	FILE *f;
	uint8_t *p;
	long n;

	snprintf(path, sizeof(path), "%s/armhf/Image", cache ? cache : ".cache");
	f = fopen(path, "rb");
	if (!f) {
		snprintf(msg, sizeof(msg), "%s absent (scripts/fixtures.sh makes it)", path);
		*why = msg;
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	p = xmalloc(n);
	if (fread(p, 1, n, f) != (size_t)n) {
		snprintf(msg, sizeof(msg), "%s: short read", path);
		*why = msg;
		free(p);
		p = NULL;
	}
	fclose(f);
	*len = n;
	return p;
}

#ifdef CODEC_DECODE
/* The decoder under test (codec.h signature) is CODEC_DECODE, defined by
 * the including test before this header; codec.h must come first. */

/* Decode into a buffer of exactly @cap bytes. */
static inline int decode(const uint8_t *src, size_t len, size_t cap, uint8_t **out,
		  size_t *out_len)
{
	int err;

	*out = xmalloc(cap);
	*out_len = cap;
	err = CODEC_DECODE(*out, out_len, src, len);
	if (*out_len > cap) {
		printf("FAIL: reported %zu bytes for capacity %zu\n", *out_len, cap);
		failures++;
	}
	return err;
}

/* Exact capacity, more room, and one byte short. */
static inline void roundtrip(const char *name, const uint8_t *raw, size_t len,
		      const uint8_t *comp, size_t clen)
{
	uint8_t *out;
	size_t n;
	int err;

	err = decode(comp, clen, len, &out, &n);
	if (err || n != len || memcmp(out, raw, len))
		result(name, "exact capacity: %s, %zu of %zu bytes%s",
		       codec_strerror(err), n, len,
		       !err && n == len ? ", content differs" : "");
	else
		result(name, NULL);
	free(out);

	err = decode(comp, clen, len + 300, &out, &n);
	if (err || n != len || memcmp(out, raw, len))
		printf("FAIL: %s: larger capacity: %s\n", name, codec_strerror(err)),
		failures++;
	free(out);

	if (len) {
		err = decode(comp, clen, len - 1, &out, &n);
		if (err != CODEC_EOUTPUT)
			printf("FAIL: %s: capacity one short gave %s\n", name,
			       codec_strerror(err)), failures++;
		free(out);
	}
}
#endif

#endif
