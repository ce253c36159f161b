/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The multiboot memory map or a loader's zero page to the e820 table (pure,
 * host-testable). */
#ifndef CHAINBOOT_E820_H
#define CHAINBOOT_E820_H
#include <stdint.h>

#define E820_MAX_ENTRIES	128	/* boot_params.e820_table */
#define E820_RAM		1
#define MB_MMAP_ENTRY_SIZE	20	/* smallest multiboot mmap entry after its size word */

/* One entry as both the multiboot mmap (after its size word) and
 * boot_params.e820_table store it. */
struct e820_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
} __attribute__((packed));

/*
 * Read the multiboot mmap (@len bytes at @mmap; each entry is a u32 size not
 * counting itself, then u64 base, u64 length, u32 type) into the table @t,
 * which has room for E820_MAX_ENTRIES entries.  The walk stops at a
 * malformed entry (size < 20 or running past @len); empty entries and
 * entries wrapping past 2^64 (or ending right at it) are skipped.  The rest
 * are copied in the loader's order, unsorted and unmerged (the kernel
 * sanitizes the table, see e820.c), the first E820_MAX_ENTRIES of them;
 * *@dropped counts the others.  Returns the number of entries.
 */
unsigned int e820_from_mmap(struct e820_entry *t, const uint8_t *mmap,
			    uint32_t len, unsigned int *dropped);

/*
 * Copy a zero page's e820_table (@n entries of 20 bytes at @src, as
 * boot_params.e820_entries says) into @t (room for E820_MAX_ENTRIES),
 * skipping empty and wrapping entries as e820_from_mmap does.  Entries
 * past E820_MAX_ENTRIES are not in the table: *@dropped counts them.
 * Returns the number of entries.
 */
unsigned int e820_from_table(struct e820_entry *t, const struct e820_entry *src,
			     unsigned int n, unsigned int *dropped);

#endif
