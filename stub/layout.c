/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * First-fit placement over a handful of regions.  Pure: no I/O, no globals,
 * so tests/unit/test_layout.c can run it over thousands of generated maps.
 */
#include <stddef.h>
#include "layout.h"

#define MAX_TAKEN (LAYOUT_MAX_RESERVED + LAYOUT_NSLOTS + 6)

struct taken {
	struct mem_region r[MAX_TAKEN];
	unsigned int n;
};

static void take(struct taken *t, uint32_t base, uint32_t size)
{
	if (size && t->n < MAX_TAKEN) {
		t->r[t->n].base = base;
		t->r[t->n].size = size;
		t->n++;
	}
}

/* The first taken region that [base, base+size) hits, or NULL. */
static const struct mem_region *hit(const struct taken *t, uint32_t base, uint32_t size)
{
	unsigned int i;

	for (i = 0; i < t->n; i++)
		if (region_overlap(base, size, t->r[i].base, t->r[i].size))
			return &t->r[i];
	return NULL;
}

static uint32_t align_up(uint32_t v, uint32_t a)
{
	return (v + a - 1) & ~(a - 1);
}

/* Lowest (or highest) aligned start in [lo, hi - size] avoiding @t. */
static bool fit_in(const struct taken *t, const struct layout_req *q,
		   uint32_t lo, uint32_t hi, uint32_t *at)
{
	const struct mem_region *h;
	uint32_t a;

	if (hi < lo || hi - lo < q->size)
		return false;
	a = q->high ? (hi - q->size) & ~(q->align - 1) : align_up(lo, q->align);
	while (a >= lo && a <= hi - q->size) {
		h = hit(t, a, q->size);
		if (!h) {
			*at = a;
			return true;
		}
		if (q->high) {
			if (h->base < q->size)
				return false;
			a = (h->base - q->size) & ~(q->align - 1);
		} else {
			a = align_up(h->base + h->size, q->align);
			if (a < h->base)	/* wrapped */
				return false;
		}
	}
	return false;
}

static bool fit(const struct layout_map *m, const struct taken *t,
		const struct layout_req *q, uint32_t *at)
{
	unsigned int i;
	bool found = false;
	uint32_t best = 0, a;

	for (i = 0; i < m->nram; i++) {
		uint32_t lo = m->ram[i].base, hi = lo + m->ram[i].size;

		if (lo < q->min)
			lo = q->min;
		if (hi > q->max)
			hi = q->max;
		if (!fit_in(t, q, lo, hi, &a))
			continue;
		if (!found || (q->high ? a > best : a < best))
			best = a;
		found = true;
	}
	*at = best;
	return found;
}

static bool in_ram(const struct layout_map *m, uint32_t base, uint32_t size)
{
	unsigned int i;

	for (i = 0; i < m->nram; i++)
		if (base >= m->ram[i].base &&
		    base + size <= m->ram[i].base + m->ram[i].size)
			return true;
	return false;
}

static bool wraps(const struct mem_region *r, unsigned int n)
{
	while (n--)
		if (r[n].base > UINT32_MAX - r[n].size)
			return true;
	return false;
}

/* No region may wrap past the top of the address space (a hostile /memory). */
static bool regions_sane(const struct layout_input *in)
{
	if (in->map.nram > LAYOUT_MAX_RAM || in->map.nreserved > LAYOUT_MAX_RESERVED ||
	    in->nkeep > sizeof(in->keep) / sizeof(in->keep[0]))
		return false;
	return !wraps(in->map.ram, in->map.nram) &&
	       !wraps(in->map.reserved, in->map.nreserved) &&
	       !wraps(in->keep, in->nkeep) && !wraps(&in->blob, 1);
}

static int check_req(const struct layout_req *q)
{
	if (q->align == 0 || (q->align & (q->align - 1)) != 0)
		return LAYOUT_EINPUT;
	if (q->min > UINT32_MAX - q->size)
		return LAYOUT_EINPUT;
	return 0;
}

static int place_kernel(const struct layout_input *in, struct taken *t,
			struct boot_plan *out)
{
	const struct layout_req *q = &in->req[LAYOUT_KERNEL];
	uint32_t at;

	if (!q->fixed) {
		if (!fit(&in->map, t, q, &at))
			return LAYOUT_ENORAM;
	} else {
		at = q->min;
		if (at & (q->align - 1) || at + q->size > q->max ||
		    !in_ram(&in->map, at, q->size) || hit(t, at, q->size))
			return LAYOUT_EFIXED;
	}
	out->slot[LAYOUT_KERNEL].base = at;
	out->slot[LAYOUT_KERNEL].size = q->size;
	out->relocate = region_overlap(at, q->size, in->blob.base, in->blob.size);
	return 0;
}

int layout_plan(const struct layout_input *in, struct boot_plan *out,
		int *bad_slot)
{
	struct taken t = { .n = 0 };
	unsigned int i;
	int s, err;
	uint32_t at;

	*out = (struct boot_plan){ .relocate = false };
	for (s = 0; s < LAYOUT_NSLOTS; s++) {
		*bad_slot = s;
		err = in->req[s].size ? check_req(&in->req[s]) : 0;
		if (err)
			return err;
	}
	*bad_slot = -1;
	if (!regions_sane(in))
		return LAYOUT_EINPUT;
	for (i = 0; i < in->map.nreserved; i++)
		take(&t, in->map.reserved[i].base, in->map.reserved[i].size);
	/* A kernel that may go anywhere avoids the blob rather than move it. */
	if (!in->req[LAYOUT_KERNEL].fixed)
		take(&t, in->blob.base, in->blob.size);
	*bad_slot = LAYOUT_KERNEL;
	err = place_kernel(in, &t, out);
	if (err)
		return err;
	take(&t, out->slot[LAYOUT_KERNEL].base, out->slot[LAYOUT_KERNEL].size);
	if (in->req[LAYOUT_KERNEL].fixed)
		take(&t, in->blob.base, in->blob.size);
	for (i = 0; i < in->nkeep; i++)
		take(&t, in->keep[i].base, in->keep[i].size);
	out->slot[LAYOUT_BLOB] = in->blob;
	for (s = LAYOUT_BLOB; s < LAYOUT_NSLOTS; s++) {
		const struct layout_req *q = &in->req[s];

		*bad_slot = s;
		if (s == LAYOUT_BLOB && out->relocate && q->size < in->blob.size)
			return LAYOUT_EINPUT;
		if (q->size == 0 || (s == LAYOUT_BLOB && !out->relocate))
			continue;
		if (!fit(&in->map, &t, q, &at))
			return LAYOUT_ENORAM;
		out->slot[s].base = at;
		out->slot[s].size = q->size;
		take(&t, at, q->size);
	}
	*bad_slot = -1;
	return 0;
}

bool layout_add(struct mem_region *r, unsigned int *n, unsigned int max,
		uint64_t base, uint64_t size)
{
	uint64_t end = base + size;

	if (end > LAYOUT_TOP)
		end = LAYOUT_TOP;
	if (end <= base)	/* empty, wrapping or wholly above the top */
		return true;
	if (*n >= max)
		return false;
	r[*n].base = (uint32_t)base;
	r[*n].size = (uint32_t)(end - base);
	(*n)++;
	return true;
}

const char *layout_slot_name(int slot)
{
	if (slot == LAYOUT_KERNEL) return "kernel";
	if (slot == LAYOUT_BLOB) return "blob";
	if (slot == LAYOUT_PGTABLE) return "page tables";
	if (slot == LAYOUT_PARAMS) return "boot params";
	if (slot == LAYOUT_CMDLINE) return "cmdline";
	if (slot == LAYOUT_INITRD) return "initrd";
	return "?";
}
