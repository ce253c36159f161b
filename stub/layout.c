/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * First-fit placement over a handful of regions.  Pure: no I/O, no globals,
 * so tests/unit/test_layout.c can run it over thousands of generated maps.
 */
#include <stddef.h>
#include "layout.h"
#include "strlist.h"

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

/*
 * Can the slot start at @a?  Inside one bank, within [min, max] and clear of
 * everything taken.  The bank test comes first: it also rules out a + size
 * wrapping past 2^32.
 */
static __attribute__((noinline)) bool fits_at(const struct layout_map *m, const struct taken *t,
		    const struct layout_req *q, uint32_t a, uint32_t max)
{
	const struct mem_region *r = m->ram;
	unsigned int i;

	for (i = 0; i < m->nram; i++, r++)
		if (a >= r->base && q->size <= r->size && a - r->base <= r->size - q->size)
			break;
	if (i == m->nram || a < q->min || a + q->size > max)
		return false;
	for (i = 0; i < t->n; i++)
		if (region_overlap(a, q->size, t->r[i].base, t->r[i].size))
			return false;
	return true;
}

/*
 * The lowest (highest, for q->high) start that fits.  If a is the lowest,
 * a - align does not fit: it is below min or a bank's base, or it hits a
 * region that ends in (a - align, a]; so a is min, a bank's base or a taken
 * region's end, aligned up.  For the highest, mirror: max, a bank's end or a
 * taken region's base, less the size, aligned down.  Try just those.  A
 * fixed slot's window is exactly [min, min + size).
 */
static bool fit(const struct layout_map *m, const struct taken *t,
		const struct layout_req *q, uint32_t *at)
{
	uint32_t max = q->max, mask = ~(q->align - 1), a, best = 0;
	unsigned int i;
	bool found = false;

	if (q->fixed && max > q->min + q->size)
		max = q->min + q->size;
	for (i = 0; i <= m->nram + t->n; i++) {
		uint32_t lo = q->min, hi = max;	/* candidates for low, high */

		if (i > m->nram) {		/* a taken region: its end, its base */
			hi = t->r[i - 1 - m->nram].base;
			lo = hi + t->r[i - 1 - m->nram].size;
		} else if (i > 0) {		/* a bank: its base, its end */
			lo = m->ram[i - 1].base;
			hi = lo + m->ram[i - 1].size;
		}
		a = q->high ? (hi - q->size) & mask : (lo + ~mask) & mask;
		if ((!found || (q->high ? a > best : a < best)) && fits_at(m, t, q, a, max)) {
			best = a;
			found = true;
		}
	}
	*at = best;
	return found;
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

static bool req_sane(const struct layout_req *q)
{
	return q->align && !(q->align & (q->align - 1)) && q->min <= UINT32_MAX - q->size;
}

static int place(const struct layout_map *m, struct taken *t,
		 const struct layout_req *q, struct mem_region *slot)
{
	uint32_t at;

	if (!fit(m, t, q, &at))
		return q->fixed ? LAYOUT_EFIXED : LAYOUT_ENORAM;
	slot->base = at;
	slot->size = q->size;
	take(t, at, q->size);
	return 0;
}

int layout_plan(const struct layout_input *in, struct boot_plan *out,
		int *bad_slot)
{
	const struct layout_req *k = &in->req[LAYOUT_KERNEL];
	struct taken t;
	unsigned int i;
	int s, err = 0;

	t.n = 0;
	*out = (struct boot_plan){ .relocate = false };
	for (s = 0; s < LAYOUT_NSLOTS; s++) {
		*bad_slot = s;
		if (in->req[s].size && !req_sane(&in->req[s]))
			return LAYOUT_EINPUT;
	}
	*bad_slot = -1;
	if (!regions_sane(in))
		return LAYOUT_EINPUT;
	for (i = 0; i < in->map.nreserved; i++)
		take(&t, in->map.reserved[i].base, in->map.reserved[i].size);
	/* A kernel that may go anywhere avoids the blob rather than move it,
	 * unless there is no room beside it. */
	if (!k->fixed)
		take(&t, in->blob.base, in->blob.size);
	*bad_slot = LAYOUT_KERNEL;
	err = place(&in->map, &t, k, &out->slot[LAYOUT_KERNEL]);
	if (err && !k->fixed && in->blob.size) {
		t.n--;		/* the blob, taken last */
		err = place(&in->map, &t, k, &out->slot[LAYOUT_KERNEL]);
	}
	if (err)
		return err;
	out->relocate = region_overlap(out->slot[LAYOUT_KERNEL].base, k->size,
				       in->blob.base, in->blob.size);
	if (k->fixed || out->relocate)
		take(&t, in->blob.base, in->blob.size);
	for (i = 0; i < in->nkeep; i++)
		take(&t, in->keep[i].base, in->keep[i].size);
	out->slot[LAYOUT_BLOB] = in->blob;
	for (s = LAYOUT_BLOB; s < LAYOUT_NSLOTS && !err; s++) {
		const struct layout_req *q = &in->req[s];

		*bad_slot = s;
		if (s == LAYOUT_BLOB && out->relocate && q->size < in->blob.size)
			return LAYOUT_EINPUT;
		if (q->size && (s != LAYOUT_BLOB || out->relocate))
			err = place(&in->map, &t, q, &out->slot[s]);
	}
	if (!err)
		*bad_slot = -1;
	return err;
}

bool layout_add(struct mem_region *r, unsigned int *n, unsigned int max,
		uint64_t base, uint64_t size)
{
	uint64_t end = base + size;
	uint32_t b = (uint32_t)base;

	if (end > LAYOUT_TOP)
		end = LAYOUT_TOP;
	if (end <= base)	/* empty, wrapping or wholly above the top */
		return true;
	/* Both fit in 32 bits now.  Loaders split RAM into touching entries (an
	 * e820 map is copied as given): one that continues the last region
	 * extends it. */
	if (*n && r[*n - 1].base + r[*n - 1].size == b)
		b = r[--*n].base;	/* rewritten below, grown */
	if (*n >= max)
		return false;
	r[*n].base = b;
	r[*n].size = (uint32_t)end - b;
	(*n)++;
	return true;
}

const char *layout_slot_name(int slot)
{
	return str_nth("kernel\0" "blob\0" "pgtable\0" "params\0" "cmdline\0" "initrd\0",
		       (unsigned int)slot);
}
