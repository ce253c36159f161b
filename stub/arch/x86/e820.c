/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The multiboot memory map to the zero page's e820 table. */
#include <string.h>
#include "e820.h"

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static uint64_t rd64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

unsigned int mb_mmap_read(const uint8_t *mmap, uint32_t len,
			  struct e820_entry *out, unsigned int max)
{
	uint32_t off = 0, esz;
	unsigned int n = 0;

	if (len > MB_MMAP_MAX_LEN)
		len = MB_MMAP_MAX_LEN;
	while (n < max && len - off >= 4 + E820_ENTRY_SIZE) {
		esz = rd32(mmap + off);
		if (esz < E820_ENTRY_SIZE || esz > len - off - 4)
			break;
		out[n].addr = rd64(mmap + off + 4);
		out[n].size = rd64(mmap + off + 12);
		out[n].type = rd32(mmap + off + 20);
		n++;
		off += esz + 4;
	}
	return n;
}

static uint64_t entry_end(const struct e820_entry *e)
{
	uint64_t end = e->addr + e->size;

	return end < e->addr ? UINT64_MAX : end;	/* saturate at 2^64 */
}

unsigned int e820_build(struct e820_entry *in, unsigned int n,
			struct e820_entry *out, unsigned int *dropped)
{
	unsigned int i, j, m = 0;
	struct e820_entry t;

	/* Insertion sort: maps are short and nearly sorted. */
	for (i = 1; i < n; i++) {
		t = in[i];
		for (j = i; j > 0 && in[j - 1].addr > t.addr; j--)
			in[j] = in[j - 1];
		in[j] = t;
	}
	*dropped = 0;
	for (i = 0; i < n; i++) {
		struct e820_entry *last = m ? &out[m - 1] : NULL;

		if (!in[i].size)
			continue;
		if (last && last->type == in[i].type && in[i].addr <= entry_end(last)) {
			if (entry_end(&in[i]) > entry_end(last))
				last->size = entry_end(&in[i]) - last->addr;
			continue;
		}
		if (m == E820_MAX_ENTRIES) {
			(*dropped)++;
			continue;
		}
		out[m++] = in[i];
	}
	return m;
}
