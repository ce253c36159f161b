/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Decode benchmark: the stub's inflate, LZ4 and CRC-32 against zlib,
 * libdeflate and liblz4 on the same data, in one process.
 *
 *   bench_decode [--quick] [--runs N] [IMAGE]
 *
 * IMAGE defaults to $CB_CACHE/armhf/Image (CB_CACHE defaults to .cache).
 * --quick uses 1 MiB from its middle (or generated data if it is missing)
 * and 3 runs, for a CI smoke run.  Prints a markdown table of the best
 * run of each: MB/s of output (10^6 bytes/s) and the ratio to the
 * reference library.  No pass/fail on speed; exits 1 only if a decoder
 * fails or its output differs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>
#include <lz4.h>
#include <lz4hc.h>
#include <libdeflate.h>
#include "codec.h"
#include "crc32.h"

struct data {
	const uint8_t *raw;
	size_t raw_len;
	uint8_t *out;		/* decode buffer, raw_len bytes */
	uint8_t *deflate;	/* raw deflate, zlib level 9 */
	size_t deflate_len;
	uint8_t *lz4;		/* one LZ4 block, LZ4_compress_HC level 9 */
	size_t lz4_len;
	struct crc32_table crc_tab;
	uint32_t crc_ref;
};

/* Each decoder returns 0 when it wrote the whole expected output. */
typedef int (*run_fn)(struct data *d);

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int run_memcpy(struct data *d)
{
	memcpy(d->out, d->raw, d->raw_len);
	return 0;
}

static int run_inflate(struct data *d)
{
	size_t n = d->raw_len;

	return inflate_decompress(d->out, &n, d->deflate, d->deflate_len) ||
	       n != d->raw_len;
}

static int run_zlib(struct data *d)
{
	z_stream z = { 0 };
	int ret;

	if (inflateInit2(&z, -15) != Z_OK)
		return -1;
	z.next_in = d->deflate;
	z.avail_in = d->deflate_len;
	z.next_out = d->out;
	z.avail_out = d->raw_len;
	ret = inflate(&z, Z_FINISH);
	inflateEnd(&z);
	return ret != Z_STREAM_END || z.total_out != d->raw_len;
}

static int run_libdeflate(struct data *d)
{
	static struct libdeflate_decompressor *dec;
	size_t n;

	if (!dec)
		dec = libdeflate_alloc_decompressor();
	return libdeflate_deflate_decompress(dec, d->deflate, d->deflate_len,
					     d->out, d->raw_len, &n) ||
	       n != d->raw_len;
}

static int run_lz4(struct data *d)
{
	size_t n = d->raw_len;

	return lz4_decompress(d->out, &n, d->lz4, d->lz4_len) ||
	       n != d->raw_len;
}

static int run_liblz4(struct data *d)
{
	return LZ4_decompress_safe((const char *)d->lz4, (char *)d->out,
				   d->lz4_len, d->raw_len) != (int)d->raw_len;
}

static int run_crc32(struct data *d)
{
	return crc32_update(&d->crc_tab, 0, d->raw, d->raw_len) != d->crc_ref;
}

static int run_zlib_crc32(struct data *d)
{
	return crc32(0, d->raw, d->raw_len) != d->crc_ref;
}

/* Best of @runs, in seconds; negative if the decoder failed. */
static double best_of(struct data *d, run_fn fn, int runs, int check_out)
{
	double best = 1e9;
	int i;

	for (i = 0; i < runs; i++) {
		double t;

		if (check_out)
			memset(d->out, 0xa5, d->raw_len);
		t = now();
		if (fn(d))
			return -1;
		t = now() - t;
		if (t < best)
			best = t;
		if (check_out && memcmp(d->out, d->raw, d->raw_len))
			return -1;
	}
	return best;
}

static void compress_inputs(struct data *d)
{
	z_stream z = { 0 };
	int cap;

	d->deflate_len = deflateBound(NULL, d->raw_len) + 64;
	d->deflate = malloc(d->deflate_len);
	if (!d->deflate ||
	    deflateInit2(&z, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		exit(2);
	z.next_in = (uint8_t *)d->raw;
	z.avail_in = d->raw_len;
	z.next_out = d->deflate;
	z.avail_out = d->deflate_len;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END)
		exit(2);
	d->deflate_len = z.total_out;
	deflateEnd(&z);

	cap = LZ4_compressBound(d->raw_len);
	d->lz4 = malloc(cap);
	if (!d->lz4)
		exit(2);
	d->lz4_len = LZ4_compress_HC((const char *)d->raw, (char *)d->lz4,
				     d->raw_len, cap, 9);
	if (!d->lz4_len)
		exit(2);
}

/* Text-like, compressible stand-in when no Image is available. */
static uint8_t *generate(size_t len)
{
	static const char *words[] = {
		"kernel ", "boot ", "stub ", "inflate ", "\n", "0x", "mov r0, ",
		"ldr ", "str ", "chain", "blob ", "\0\0\0\0", "dtb ",
	};
	uint8_t *p = malloc(len);
	uint32_t x = 12345;
	size_t i = 0;

	while (p && i < len) {
		const char *w;
		size_t n;

		x = x * 1103515245 + 12345;
		w = words[(x >> 16) % (sizeof(words) / sizeof(words[0]))];
		n = strlen(w) ? strlen(w) : 4;
		while (n-- && i < len)
			p[i++] = *w ? *w++ : 0;
	}
	return p;
}

static uint8_t *load(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *p;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	p = malloc(n ? n : 1);
	if (!p || fread(p, 1, n, f) != (size_t)n) {
		fclose(f);
		free(p);
		return NULL;
	}
	fclose(f);
	*len = n;
	return p;
}

#define NROWS 8

struct row {
	const char *name;
	const char *input;
	run_fn fn;
	int ref;		/* index of the row to compare with, or -1 */
	int check_out;
};

int main(int argc, char **argv)
{
	static const struct row rows[NROWS] = {
		{ "memcpy (floor)", "raw", run_memcpy, -1, 1 },
		{ "chainboot inflate", "deflate -9", run_inflate, 2, 1 },
		{ "zlib inflate", "deflate -9", run_zlib, -1, 1 },
		{ "libdeflate", "deflate -9", run_libdeflate, 2, 1 },
		{ "chainboot lz4", "lz4 HC -9", run_lz4, 5, 1 },
		{ "LZ4_decompress_safe", "lz4 HC -9", run_liblz4, -1, 1 },
		{ "chainboot crc32", "raw", run_crc32, 7, 0 },
		{ "zlib crc32", "raw", run_zlib_crc32, -1, 0 },
	};
	double secs[NROWS];
	const char *cache = getenv("CB_CACHE"), *path = NULL;
	char buf[4096];
	struct data d = { 0 };
	int quick = 0, runs = 0, failed = 0, i;
	size_t offset = 0;
	uint8_t *raw;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--quick"))
			quick = 1;
		else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (argv[i][0] != '-')
			path = argv[i];
		else {
			fprintf(stderr, "usage: %s [--quick] [--runs N] [IMAGE]\n", argv[0]);
			return 2;
		}
	}
	if (!path) {
		snprintf(buf, sizeof(buf), "%s/armhf/Image", cache ? cache : ".cache");
		path = buf;
	}
	if (runs <= 0)
		runs = quick ? 3 : 7;
	raw = load(path, &d.raw_len);
	if (!raw && !quick) {
		fprintf(stderr, "bench_decode: %s: %s (run scripts/fixtures.sh, or use --quick)\n",
			path, strerror(errno));
		return 2;
	}
	if (!raw) {
		path = "generated text-like data";
		d.raw_len = 1 << 20;
		raw = generate(d.raw_len);
		d.raw = raw;
	} else if (quick && d.raw_len > (1 << 20)) {
		offset = ((d.raw_len - (1 << 20)) / 2) & ~(size_t)4095;
		d.raw = raw + offset;
		d.raw_len = 1 << 20;
	} else {
		d.raw = raw;
	}
	d.out = malloc(d.raw_len);
	if (!raw || !d.out)
		return 2;
	compress_inputs(&d);
	crc32_init(&d.crc_tab);
	d.crc_ref = crc32(0, d.raw, d.raw_len);

	printf("Input: %s, %zu bytes from offset %zu; raw deflate level 9: %zu bytes; "
	       "LZ4 HC level 9 block: %zu bytes. Best of %d runs, MB/s of output.\n\n",
	       path, d.raw_len, offset, d.deflate_len, d.lz4_len, runs);
	printf("| decoder | input | best ms | MB/s | vs reference |\n");
	printf("|---|---|---:|---:|---:|\n");
	for (i = 0; i < NROWS; i++)
		secs[i] = best_of(&d, rows[i].fn, runs, rows[i].check_out);
	for (i = 0; i < NROWS; i++) {
		const struct row *r = &rows[i];

		if (secs[i] < 0) {
			printf("| %s | %s | FAILED | | |\n", r->name, r->input);
			failed = 1;
			continue;
		}
		printf("| %s | %s | %.2f | %.0f |", r->name, r->input,
		       secs[i] * 1e3, d.raw_len / secs[i] / 1e6);
		if (r->ref >= 0 && secs[r->ref] > 0)
			printf(" %.2fx %s |\n", secs[r->ref] / secs[i], rows[r->ref].name);
		else
			printf(" |\n");
	}
	return failed;
}
