/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared by the tests/a64 harnesses: buffers fenced by inaccessible pages,
 * so that a decoder's access outside one kills the program, and reading
 * the records the test scripts pipe in.
 */
#ifndef CHAINBOOT_A64_FENCE_H
#define CHAINBOOT_A64_FENCE_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* A buffer of @len bytes next to an inaccessible page: after it (@at_end)
 * or before it.  munmap(*map, *map_len) frees it. */
static inline uint8_t *fenced(size_t len, int at_end, void **map, size_t *map_len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t span = (len + page - 1) / page * page;
	uint8_t *m;

	*map_len = span + 2 * page;
	m = mmap(NULL, *map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	mprotect(m, page, PROT_NONE);
	mprotect(m + page + span, page, PROT_NONE);
	*map = m;
	return at_end ? m + page + span - len : m + page;
}

/* @n bytes of the current record from stdin, else exit 2. */
static inline void read_all(void *p, size_t n)
{
	if (n && fread(p, 1, n, stdin) != n) {
		fprintf(stderr, "a64 harness: short record\n");
		exit(2);
	}
}

#endif
