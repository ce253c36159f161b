/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The layout planner: a pure function from the memory map and what must be
 * placed to where everything goes.  Nothing is copied until a plan exists.
 */
#ifndef CHAINBOOT_LAYOUT_H
#define CHAINBOOT_LAYOUT_H
#include <stdint.h>
#include <stdbool.h>

#define LAYOUT_MAX_RAM		8
#define LAYOUT_MAX_RESERVED	16

/* The stub runs with 32-bit addresses (ARM without LPAE, x86 with paging
 * off): the planner works below 4 GiB only.  A region never wraps:
 * base + size <= 2^32 - 1 (layout_add clips what the loader reports). */
struct mem_region {
	uint32_t base;
	uint32_t size;
};

#define LAYOUT_TOP		0xfffff000u	/* end of what can be planned */

struct layout_map {
	unsigned int nram;
	unsigned int nreserved;
	struct mem_region ram[LAYOUT_MAX_RAM];		/* usable RAM banks */
	struct mem_region reserved[LAYOUT_MAX_RESERVED];	/* never to be overwritten */
};

/* What is placed, in planning order. */
enum layout_slot {
	LAYOUT_KERNEL,		/* decoded kernel incl. BSS */
	LAYOUT_BLOB,		/* the blob and the stub's stack, after relocation */
	LAYOUT_PGTABLE,		/* the stub's identity-map page tables */
	LAYOUT_PARAMS,		/* DTB (ARM) or zero page (x86) */
	LAYOUT_CMDLINE,		/* x86 command line */
	LAYOUT_INITRD,
	LAYOUT_NSLOTS
};

struct layout_req {
	uint32_t size;		/* 0: slot not needed */
	uint32_t align;		/* power of two, >= 1 */
	uint32_t min;		/* lowest acceptable start (exact start if fixed) */
	uint32_t max;		/* the slot must end at or below this */
	bool fixed;		/* must start exactly at min */
	bool high;		/* prefer the highest fitting address */
};

struct layout_input {
	struct layout_req req[LAYOUT_NSLOTS];	/* req[LAYOUT_BLOB]: relocation target rules */
	struct mem_region blob;	/* where the blob and stack are now */
	unsigned int nkeep;
	struct mem_region keep[4];	/* loader data read before the kernel is
					 * decoded (its DTB, multiboot info): only
					 * the kernel may overlap them */
	struct layout_map map;
};

struct boot_plan {
	struct mem_region slot[LAYOUT_NSLOTS];	/* size 0: not placed */
	bool relocate;		/* the blob must move to slot[LAYOUT_BLOB] first */
};

#define LAYOUT_ENORAM	(-1)	/* a slot does not fit anywhere in RAM */
#define LAYOUT_EFIXED	(-2)	/* a fixed slot is outside RAM or on reserved memory */
#define LAYOUT_EINPUT	(-3)	/* impossible input: bad alignment, a region or size that
				 * wraps, a relocation target smaller than the blob */

/*
 * Place every requested slot.  Guarantees on success: each placed slot lies
 * inside one RAM bank, within [req.min, req.max], aligned; no two placed slots
 * overlap; none overlaps a reserved region; none but the kernel overlaps a
 * keep region or the current blob; if the kernel overlaps the current blob,
 * relocate is set and slot[LAYOUT_BLOB] is disjoint from the current blob
 * (otherwise slot[LAYOUT_BLOB] is the current blob).  Returns 0 or LAYOUT_E*, with the
 * failing slot in *bad_slot (-1 when no slot is to blame: a region of the map
 * that wraps, or too many regions).
 */
int layout_plan(const struct layout_input *in, struct boot_plan *out,
		int *bad_slot);

const char *layout_slot_name(int slot);

/*
 * Append [base, base + size) to the list @r of *@n entries (capacity @max),
 * clipped to [0, LAYOUT_TOP).  A region starting where the last entry ends
 * extends that entry.  Empty, wrapping or wholly clipped regions and regions
 * beyond capacity are dropped; returns false only in the last case.
 */
bool layout_add(struct mem_region *r, unsigned int *n, unsigned int max,
		uint64_t base, uint64_t size);

static inline bool region_overlap(uint32_t a, uint32_t asz, uint32_t b, uint32_t bsz)
{
	return asz && bsz && a < b + bsz && b < a + asz;
}

#endif
