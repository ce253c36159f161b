/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer harness: the layout planner (stub/layout.c).  The input is
 * decoded into a struct layout_input with bounded values (addresses and
 * sizes below 2^40, so no sum wraps), layout_plan() runs, and on success
 * every promise of stub/include/layout.h is checked: abort() on any
 * violation.  The bytes left over then feed layout_add() (64-bit regions,
 * clipped and joined into a list of 4) and its promises are checked after
 * each call.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "layout.h"

struct reader {
	const uint8_t *p;
	size_t len;
};

static uint64_t take(struct reader *r, unsigned int bytes)
{
	uint64_t v = 0;

	while (bytes--) {
		v = v << 8 | (r->len ? *r->p : 0);
		if (r->len) {
			r->p++;
			r->len--;
		}
	}
	return v;
}

/* An address or size: 4 bytes, in 4 KiB units when the top bit is set so
 * that small maps and big ones are both reachable. */
static uint32_t addr(struct reader *r)
{
	uint32_t v = (uint32_t)take(r, 4);

	if (v & (1u << 31))
		v = (v & 0xfffff) << 12;
	return v;
}

static void decode(struct reader *r, struct layout_input *in)
{
	unsigned int i, flags;

	memset(in, 0, sizeof(*in));
	in->map.nram = take(r, 1) % (LAYOUT_MAX_RAM + 1);
	in->map.nreserved = take(r, 1) % (LAYOUT_MAX_RESERVED + 1);
	in->nkeep = take(r, 1) % 5;
	for (i = 0; i < in->map.nram; i++) {
		in->map.ram[i].base = addr(r);
		in->map.ram[i].size = addr(r);
	}
	for (i = 0; i < in->map.nreserved; i++) {
		in->map.reserved[i].base = addr(r);
		in->map.reserved[i].size = addr(r);
	}
	for (i = 0; i < in->nkeep; i++) {
		in->keep[i].base = addr(r);
		in->keep[i].size = addr(r);
	}
	in->blob.base = addr(r);
	in->blob.size = addr(r) | 1;
	for (i = 0; i < LAYOUT_NSLOTS; i++) {
		struct layout_req *q = &in->req[i];

		flags = take(r, 1);
		q->size = (flags & 0x80) ? 0 : addr(r);
		/* The caller's contract (stub/main.c plan()): the relocation
		 * target is as big as the blob and its stack.  With a smaller
		 * or zero req[LAYOUT_BLOB].size the planner cannot keep its
		 * promises (docs/robustness.md). */
		if (i == LAYOUT_BLOB)
			q->size = in->blob.size;
		/* Mostly powers of two; sometimes not, to reach LAYOUT_EINPUT. */
		q->align = (flags & 0x40) ? take(r, 1) : 1u << (flags & 31);
		q->min = (flags & 0x20) ? addr(r) : 0;
		q->max = (flags & 0x10) ? addr(r) : UINT32_MAX;
		q->fixed = i == LAYOUT_KERNEL && (flags & 0x08);
		q->high = flags & 0x04;
	}
}

static int in_one_bank(const struct layout_map *m, const struct mem_region *s)
{
	unsigned int i;

	for (i = 0; i < m->nram; i++)
		if (s->base >= m->ram[i].base &&
		    (uint64_t)s->base + s->size <= (uint64_t)m->ram[i].base + m->ram[i].size)
			return 1;
	return 0;
}

static void check_slot(const struct layout_input *in, const struct boot_plan *p, int s)
{
	const struct mem_region *r = &p->slot[s];
	const struct layout_req *q = &in->req[s];
	unsigned int i;

	if (r->size != q->size || !in_one_bank(&in->map, r))
		abort();
	if (r->base < q->min || (uint64_t)r->base + r->size > q->max || r->base & (q->align - 1))
		abort();
	if (q->fixed && r->base != q->min)
		abort();
	for (i = 0; i < in->map.nreserved; i++)
		if (region_overlap(r->base, r->size, in->map.reserved[i].base,
				   in->map.reserved[i].size))
			abort();
	if (s == LAYOUT_KERNEL)
		return;
	for (i = 0; i < in->nkeep; i++)
		if (region_overlap(r->base, r->size, in->keep[i].base, in->keep[i].size))
			abort();
	if (region_overlap(r->base, r->size, in->blob.base, in->blob.size))
		abort();
}

static void check_plan(const struct layout_input *in, const struct boot_plan *p)
{
	const struct mem_region *k = &p->slot[LAYOUT_KERNEL];
	int s, t;

	if (p->relocate != region_overlap(k->base, k->size, in->blob.base, in->blob.size))
		abort();
	for (s = 0; s < LAYOUT_NSLOTS; s++) {
		if (s == LAYOUT_BLOB && !p->relocate) {
			if (memcmp(&p->slot[s], &in->blob, sizeof(in->blob)) != 0)
				abort();
			continue;
		}
		if (in->req[s].size == 0) {
			if (p->slot[s].size != 0)
				abort();
			continue;
		}
		check_slot(in, p, s);
	}
	for (s = 0; s < LAYOUT_NSLOTS; s++)
		for (t = s + 1; t < LAYOUT_NSLOTS; t++)
			if (region_overlap(p->slot[s].base, p->slot[s].size,
					   p->slot[t].base, p->slot[t].size))
				abort();
}

/*
 * layout_add(): after each call, the entries before the last are unchanged;
 * a region that was kept (true, non-empty once clipped to LAYOUT_TOP) lies
 * inside the last entry, which grew from the previous last entry only if the
 * region starts where it ended; every entry is non-empty and ends at or
 * below LAYOUT_TOP; false means the list was full and nothing changed.
 */
static void check_add(struct reader *r)
{
	struct mem_region list[4] = { { 0, 0 } }, before[4];
	unsigned int n = 0, n0;

	while (r->len) {
		uint64_t base = take(r, 8), size = take(r, 1) & 1 ? take(r, 8) : take(r, 3) << 12;
		/* a sum wrapping past 2^64 is below base: dropped, as empty */
		uint64_t end = base + size > LAYOUT_TOP ? LAYOUT_TOP : base + size;
		bool kept, added;

		memcpy(before, list, sizeof(list));
		n0 = n;
		kept = layout_add(list, &n, 4, base, size);
		added = end > base;
		if (!kept) {
			if (!added || n != n0 || n0 != 4 || memcmp(before, list, sizeof(list)))
				abort();
			continue;
		}
		if (!added) {
			if (n != n0 || memcmp(before, list, sizeof(list)))
				abort();
			continue;
		}
		if (n < 1 || n > 4 || n < n0 || n > n0 + 1 ||
		    memcmp(before, list, (n0 ? n0 - 1 : 0) * sizeof(list[0])))
			abort();
		if (list[n - 1].base > base || (uint64_t)list[n - 1].base + list[n - 1].size < end ||
		    (uint64_t)list[n - 1].base + list[n - 1].size > LAYOUT_TOP || !list[n - 1].size)
			abort();
		/* joined (n == n0) only onto a last entry that ended at base */
		if (n == n0 && ((uint64_t)before[n - 1].base + before[n - 1].size != base ||
				list[n - 1].base != before[n - 1].base))
			abort();
		if (n == n0 + 1 && n0 && memcmp(&before[n0 - 1], &list[n0 - 1], sizeof(list[0])))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reader r = { data, size };
	struct layout_input in;
	struct boot_plan plan;
	int bad, err;

	decode(&r, &in);
	err = layout_plan(&in, &plan, &bad);
	if (err == 0) {
		if (bad != -1)
			abort();
		check_plan(&in, &plan);
	} else if (err < LAYOUT_EINPUT || err > 0 || bad < -1 || bad >= LAYOUT_NSLOTS ||
		   (bad == -1 && err != LAYOUT_EINPUT)) {
		abort();
	}
	check_add(&r);
	return 0;
}
