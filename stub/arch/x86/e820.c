/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The multiboot memory map to the zero page's e820 table, copied in the
 * loader's order.  Sorting and resolving overlaps is the kernel's job: Linux
 * (arch/x86/kernel/e820.c, e820__memory_setup_default()) appends
 * boot_params.e820_table with append_e820_table() and then runs
 * e820__update_table(), which sorts the entries by address, resolves
 * overlaps (the higher type wins) and joins touching ones of the same type.
 * What it does not forgive is an entry wrapping past 2^64:
 * __append_e820_table() then rejects the whole table and falls back to
 * alt_mem_k, so such entries are left out here.
 */
#include <stdbool.h>
#include "e820.h"

static bool usable(const struct e820_entry *e)
{
	return e->addr + e->size > e->addr;	/* neither empty nor wrapping */
}

unsigned int e820_from_table(struct e820_entry *t, const struct e820_entry *src,
			     unsigned int n, unsigned int *dropped)
{
	unsigned int i, out = 0;

	*dropped = n > E820_MAX_ENTRIES ? n - E820_MAX_ENTRIES : 0;
	for (i = 0; i < n && i < E820_MAX_ENTRIES; i++, src++)
		if (usable(src))
			t[out++] = *src;
	return out;
}

unsigned int e820_from_mmap(struct e820_entry *t, const uint8_t *mmap,
			    uint32_t len, unsigned int *dropped)
{
	const uint8_t *end = mmap + len;
	const struct e820_entry *e;
	uint32_t esz;
	unsigned int n = 0;

	*dropped = 0;
	for (; end - mmap >= 4 + MB_MMAP_ENTRY_SIZE; mmap += 4 + esz) {
		__builtin_memcpy(&esz, mmap, 4);
		if (esz < MB_MMAP_ENTRY_SIZE || esz > (uint32_t)(end - mmap) - 4)
			break;
		e = (const struct e820_entry *)(mmap + 4);	/* packed: any alignment */
		if (!usable(e))
			continue;
		if (n < E820_MAX_ENTRIES)
			t[n++] = *e;
		else
			(*dropped)++;
	}
	return n;
}
