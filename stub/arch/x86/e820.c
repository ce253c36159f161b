/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The multiboot memory map to the zero page's e820 table.  The helpers stay
 * out of line: the i386 stub's code is smaller so (64-bit values, few registers).
 */
#include <stdbool.h>
#include <string.h>
#include "e820.h"

/* Does a[1] (starting at or after a[0]) continue a[0]? Then a[0] grows
 * to cover it. */
static __attribute__((noinline)) bool merge(struct e820_entry *a)
{
	uint64_t d = a[1].addr - a[0].addr;

	if (a[0].type != a[1].type || d > a[0].size)
		return false;
	if (d + a[1].size > a[0].size)
		a[0].size = d + a[1].size;
	return true;
}

/* Insertion sort, then merge: the table of @n entries stays sorted and merged. */
static __attribute__((noinline)) unsigned int
insert(struct e820_entry *t, unsigned int n, const struct e820_entry *e)
{
	unsigned int k;

	for (k = n++; k && t[k - 1].addr > e->addr; k--)
		t[k] = t[k - 1];
	t[k] = *e;
	for (k = 0; k + 1 < n;) {
		if (merge(&t[k]))
			memmove(&t[k + 1], &t[k + 2], (--n - k - 1) * sizeof(*t));
		else
			k++;
	}
	return n;
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
		if (e->addr + e->size <= e->addr)	/* empty or wrapping */
			continue;
		n = insert(t, n, e);
		if (n > E820_MAX_ENTRIES) {	/* the spare entry: drop the highest */
			n--;
			(*dropped)++;
		}
	}
	return n;
}
