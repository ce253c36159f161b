/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef CHAINBOOT_CRC32_H
#define CHAINBOOT_CRC32_H
#include <stdint.h>
#include <stddef.h>

/* Lookup tables for CRC-32 (IEEE, reflected, poly 0xedb88320), built at run
 * time so the stub image stays small.  The caller owns the storage. */
#ifndef CRC32_SLICES
#ifdef __aarch64__
#define CRC32_SLICES	1	/* the CRC32 instructions, or byte by byte */
#else
#define CRC32_SLICES	8	/* bytes folded in per step (crc32.c) */
#endif
#endif

struct crc32_table {
	uint32_t t[CRC32_SLICES][256];	/* 8 KiB, or 1 */
	uint32_t hw;			/* arm64: the CPU has CRC32X */
};

/* Fill @tab. */
void crc32_init(struct crc32_table *tab);

/* Continue a CRC-32 over @len bytes: crc32_update(tab, 0, buf, len) equals
 * zlib's crc32(0, buf, len).  Never fails. */
uint32_t crc32_update(const struct crc32_table *tab, uint32_t crc,
		      const void *buf, size_t len);

#endif
