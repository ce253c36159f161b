// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Runs the arm64 stub's LZ4 decoder (stub/arch/arm64/lz4.S, the source the
 * stub links) as a Linux aarch64 program under qemu-aarch64, beside
 * stub/lz4.c built for aarch64 (lz4_ref) as the reference, for
 * tests/a64/test-lz4.sh, which feeds it tests/a64/lz4_streams.c's records
 * on stdin and gets a PASS: or FAIL: line for each.
 *
 * Each stream is decoded into capacities (kind 0: the size, 37 more, one
 * less, half and about three quarters; kind 1: the one given) by both
 * decoders, which must agree on the error, the length written and those
 * bytes; kind 0 must also decode whole where it fits.  The stream ends
 * at a page that cannot be read; the output of lz4.S ends at a page that
 * cannot be written, then starts just after one, so that an access
 * outside either buffer kills the program (the script counts that as a
 * failure).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "fence.h"
#include "codec.h"

int lz4_ref(void *dst, size_t *dst_len, const void *src, size_t src_len);

/* Both decoders into @cap bytes; NULL, or what was wrong. */
static const char *one(const uint8_t *in, size_t in_len, size_t cap, const uint8_t *want,
		       size_t want_len)
{
	uint8_t *ref = malloc(cap + 1);
	size_t ref_len = cap, ml;
	int ref_err = lz4_ref(ref, &ref_len, in, in_len);
	const char *why = NULL;
	void *m;

	for (int at_end = 1; at_end >= 0 && !why; at_end--) {
		uint8_t *out = fenced(cap, at_end, &m, &ml);
		size_t len = cap;
		int err = lz4_decompress(out, &len, in, in_len);

		if (err != ref_err)
			why = "a different error from lz4.c's";
		else if (len != ref_len)
			why = "a different length written from lz4.c's";
		else if (memcmp(out, ref, len))
			why = "different bytes from lz4.c's";
		else if (want && cap >= want_len && (err || len != want_len || memcmp(out, want, len)))
			why = "did not decode to the original";
		else if (want && cap < want_len && err != CODEC_EOUTPUT)
			why = "no CODEC_EOUTPUT in too small a buffer";
		munmap(m, ml);
	}
	free(ref);
	return why;
}

int main(void)
{
	uint32_t rec[4];
	int failures = 0;

	while (fread(rec, sizeof(rec), 1, stdin) == 1) {
		char name[256];
		size_t cap = rec[2], in_len = rec[3], ml_in;
		void *m_in;
		uint8_t *in = fenced(in_len, 1, &m_in, &ml_in), *want = NULL;
		const char *why;

		if (rec[1] >= sizeof(name))
			exit(2);
		read_all(name, rec[1]);
		name[rec[1]] = 0;
		read_all(in, in_len);
		if (rec[0] == 0) {
			want = malloc(cap + 1);
			read_all(want, cap);
			why = one(in, in_len, cap, want, cap);
			if (!why)
				why = one(in, in_len, cap + 37, want, cap);
			/* short of room at the end, or midway with much input left */
			if (!why && cap)
				why = one(in, in_len, cap - 1, want, cap);
			if (!why && cap)
				why = one(in, in_len, cap / 2, want, cap);
			if (!why && cap)
				why = one(in, in_len, cap - cap / 4 - 7 % cap, want, cap);
		} else {
			why = one(in, in_len, cap, NULL, 0);
		}
		if (why) {
			printf("FAIL: lz4-a64: %s: %s\n", name, why);
			failures++;
		} else {
			printf("PASS: lz4-a64: %s\n", name);
		}
		fflush(stdout);
		munmap(m_in, ml_in);
		free(want);
	}
	return failures ? 1 : 0;
}
