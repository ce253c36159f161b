/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runs the arm64 stub's LZMA decoder (stub/arch/arm64/unlzma.S, the same
 * source the stub links) as a Linux aarch64 program under qemu-aarch64,
 * for tests/a64/test-unlzma.sh, which feeds it records on stdin:
 *
 *   u32 kind (0: must decode to the bytes that follow; 1: damaged, any
 *   result; 2: damaged, must not decode to the bytes that follow),
 *   u32 name length, u32 output size, u32 stream size, name, stream,
 *   [kinds 0 and 2: the output]
 *
 * and gets a PASS: or FAIL: line for each.  The stream is copied to end
 * at a page that cannot be read, and the output is decoded twice, once
 * ending at a page that cannot be written and once starting just after
 * one, so that any access outside either buffer kills the program (the
 * script counts that as a failure).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "fence.h"

int unlzma(uint8_t *out, size_t out_len, const uint8_t *in, size_t in_len);

int main(void)
{
	uint32_t rec[4];
	int failures = 0;

	while (fread(rec, sizeof(rec), 1, stdin) == 1) {
		char name[256];
		size_t out_len = rec[2], in_len = rec[3], ml_in, ml_out;
		void *m_in, *m_out;
		uint8_t *in = fenced(in_len, 1, &m_in, &ml_in), *want = malloc(out_len + 1);
		const char *why = NULL;

		if (rec[1] >= sizeof(name))
			exit(2);
		read_all(name, rec[1]);
		name[rec[1]] = 0;
		read_all(in, in_len);
		if (rec[0] != 1)
			read_all(want, out_len);
		for (int at_end = 1; at_end >= 0 && !why; at_end--) {
			uint8_t *out = fenced(out_len, at_end, &m_out, &ml_out);
			int err = unlzma(out, out_len, in, in_len);

			if (rec[0] == 0 && err)
				why = "returned -1";
			else if (rec[0] == 0 && memcmp(out, want, out_len))
				why = "output differs";
			else if (rec[0] == 2 && !err && !memcmp(out, want, out_len))
				why = "a damaged stream decoded to the original";
			munmap(m_out, ml_out);
		}
		if (why) {
			printf("FAIL: %s: %s\n", name, why);
			failures++;
		} else {
			printf("PASS: %s\n", name);
		}
		fflush(stdout);
		munmap(m_in, ml_in);
		free(want);
	}
	return failures ? 1 : 0;
}
