/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The multiboot memory map and the zero page's e820 table (pure, host-testable). */
#ifndef CHAINBOOT_E820_H
#define CHAINBOOT_E820_H
#include <stdint.h>
#include <stddef.h>

#define E820_MAX_ENTRIES	128	/* boot_params.e820_table */
#define E820_ENTRY_SIZE		20
#define E820_RAM		1
#define MB_MMAP_MAX_LEN		0x10000	/* longest multiboot mmap we read */

struct e820_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
} __attribute__((packed));

/*
 * Walk the multiboot mmap (@len bytes at @mmap; each entry is a u32 size not
 * counting itself, u64 base, u64 length, u32 type).  Calls nothing; stops at
 * a malformed entry (size < 20 or running past @len).  Returns the number of
 * entries read into @out (at most @max), in the loader's order.
 */
unsigned int mb_mmap_read(const uint8_t *mmap, uint32_t len,
			  struct e820_entry *out, unsigned int max);

/*
 * Make the zero page's table from @n entries at @in: zero-length entries
 * dropped, sorted by address, touching or overlapping entries of the same
 * type merged (overlaps of different types are left to the kernel's
 * sanitizer).  At most E820_MAX_ENTRIES are written to @out, the lowest;
 * *dropped says how many did not fit.  @in is sorted in place.
 */
unsigned int e820_build(struct e820_entry *in, unsigned int n,
			struct e820_entry *out, unsigned int *dropped);

#endif
