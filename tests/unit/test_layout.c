/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * layout_plan over fixed cases and thousands of generated memory maps: every
 * plan it returns must keep the promises in layout.h, and when it says
 * "no room" for a single free slot, an exhaustive search must agree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "layout.h"

static int failures;

static void result(int ok, const char *name, const char *why)
{
	if (ok)
		printf("PASS: %s\n", name);
	else
		printf("FAIL: %s: %s\n", name, why);
	failures += !ok;
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(uint64_t n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return n ? rng_state % n : 0;
}

static int in_one_bank(const struct layout_map *m, const struct mem_region *r)
{
	for (unsigned int i = 0; i < m->nram; i++)
		if (r->base >= m->ram[i].base &&
		    r->base + r->size <= m->ram[i].base + m->ram[i].size)
			return 1;
	return 0;
}

/* Every promise of layout_plan(); returns NULL or what was broken. */
static const char *check_plan(const struct layout_input *in, const struct boot_plan *p)
{
	for (int s = 0; s < LAYOUT_NSLOTS; s++) {
		const struct mem_region *r = &p->slot[s];
		const struct layout_req *q = &in->req[s];

		if (s == LAYOUT_BLOB && !p->relocate) {
			if (r->base != in->blob.base || r->size != in->blob.size)
				return "blob slot is not the current blob";
			continue;
		}
		if (q->size == 0) {
			if (r->size)
				return "unrequested slot placed";
			continue;
		}
		if (r->size != q->size)
			return "slot size differs from request";
		if (!in_one_bank(&in->map, r))
			return "slot not inside one RAM bank";
		if (r->base < q->min || r->base + r->size > q->max)
			return "slot outside [min, max]";
		if (r->base & (q->align - 1))
			return "slot misaligned";
		if (q->fixed && r->base != q->min)
			return "fixed slot moved";
		for (unsigned int i = 0; i < in->map.nreserved; i++)
			if (region_overlap(r->base, r->size, in->map.reserved[i].base,
					   in->map.reserved[i].size))
				return "slot overlaps reserved memory";
		if (s != LAYOUT_KERNEL) {
			for (unsigned int i = 0; i < in->nkeep; i++)
				if (region_overlap(r->base, r->size, in->keep[i].base,
						   in->keep[i].size))
					return "slot overlaps loader data";
			if (region_overlap(r->base, r->size, in->blob.base, in->blob.size))
				return "slot overlaps the current blob";
		}
		for (int t = 0; t < s; t++) {
			const struct mem_region *o = &p->slot[t];

			if (t == LAYOUT_BLOB && !p->relocate)
				continue;
			if (region_overlap(r->base, r->size, o->base, o->size))
				return "two slots overlap";
		}
	}
	if (p->relocate != region_overlap(p->slot[LAYOUT_KERNEL].base,
					  p->slot[LAYOUT_KERNEL].size,
					  in->blob.base, in->blob.size))
		return "relocate flag wrong";
	return NULL;
}

static void qemu_virt(uint64_t ram_size, const char *name)
{
	struct layout_input in = { 0 };
	struct boot_plan p;
	int bad, err;

	in.map.ram[0] = (struct mem_region){ 0x40000000, ram_size };
	in.map.nram = 1;
	in.blob = (struct mem_region){ 0x40010000, 9 << 20 };
	in.keep[0] = (struct mem_region){ 0x48000000, 0x100000 };
	in.nkeep = 1;
	in.req[LAYOUT_KERNEL] = (struct layout_req){ 20968840, 1, 0x40208000, UINT32_MAX, true, false };
	in.req[LAYOUT_BLOB] = (struct layout_req){ 9 << 20, 4096, 0, UINT32_MAX, false, false };
	in.req[LAYOUT_PGTABLE] = (struct layout_req){ 0x5000, 0x4000, 0, UINT32_MAX, false, false };
	in.req[LAYOUT_PARAMS] = (struct layout_req){ 0x10000, 4096, 0x41600000, 0x6f000000, false, false };
	in.req[LAYOUT_INITRD] = (struct layout_req){ 0x400000, 4096, 0x41600000, 0x6f000000, false, false };
	err = layout_plan(&in, &p, &bad);
	result(err == 0 && p.relocate && !check_plan(&in, &p), name,
	       err ? "planning failed" : check_plan(&in, &p) ? check_plan(&in, &p) : "no relocation");
}

static void fixed_cases(void)
{
	struct layout_input in = { 0 };
	struct boot_plan p;
	int bad;

	qemu_virt(256 << 20, "qemu-virt-256M-relocates");
	qemu_virt(2048ull << 20, "qemu-virt-2G-relocates");

	in.map.ram[0] = (struct mem_region){ 0x80000000, 64 << 20 };
	in.map.nram = 1;
	in.map.reserved[0] = (struct mem_region){ 0x80100000, 0x1000 };
	in.map.nreserved = 1;
	in.blob = (struct mem_region){ 0x83000000, 1 << 20 };
	in.req[LAYOUT_KERNEL] = (struct layout_req){ 1 << 20, 1, 0x80008000, UINT32_MAX, true, false };
	result(layout_plan(&in, &p, &bad) == LAYOUT_EFIXED && bad == LAYOUT_KERNEL,
	       "fixed-kernel-on-reserved", "accepted a kernel over reserved memory");

	in.map.nreserved = 0;
	in.req[LAYOUT_KERNEL].size = 128 << 20;
	result(layout_plan(&in, &p, &bad) == LAYOUT_EFIXED, "fixed-kernel-beyond-ram",
	       "accepted a kernel past the end of RAM");

	/* Found by fuzzing: a fixed slot whose max lies below its start. */
	in.req[LAYOUT_KERNEL].size = 1 << 20;
	in.req[LAYOUT_KERNEL].max = 0x80004000;
	result(layout_plan(&in, &p, &bad) == LAYOUT_EFIXED, "fixed-kernel-past-max",
	       "placed a fixed kernel that ends above its max");
	in.req[LAYOUT_KERNEL].max = UINT32_MAX;

	in.req[LAYOUT_INITRD] = (struct layout_req){ 63 << 20, 4096, 0, UINT32_MAX, false, false };
	result(layout_plan(&in, &p, &bad) == LAYOUT_ENORAM && bad == LAYOUT_INITRD,
	       "initrd-too-big", "placed an initrd that cannot fit");

	in.req[LAYOUT_INITRD] = (struct layout_req){ 1 << 20, 3, 0, UINT32_MAX, false, false };
	result(layout_plan(&in, &p, &bad) == LAYOUT_EINPUT, "bad-alignment",
	       "accepted alignment 3");

	/* Found by fuzzing: a relocation target smaller than the blob. */
	in.req[LAYOUT_INITRD].size = 0;
	in.blob = (struct mem_region){ 0x80000000, 1 << 20 };
	in.req[LAYOUT_BLOB] = (struct layout_req){ 0, 4096, 0, UINT32_MAX, false, false };
	result(layout_plan(&in, &p, &bad) == LAYOUT_EINPUT, "relocation-target-too-small",
	       "planned a relocation with no room for the blob");
	in.req[LAYOUT_BLOB].size = 1 << 20;
	result(layout_plan(&in, &p, &bad) == 0 && p.relocate, "relocation-target-full-size",
	       "refused a proper relocation");
	in.blob = (struct mem_region){ 0x83000000, 1 << 20 };

	/* A /memory entry that wraps past 2^32. */
	in.map.ram[1] = (struct mem_region){ UINT32_MAX - 4095, 8192 };
	in.map.nram = 2;
	result(layout_plan(&in, &p, &bad) == LAYOUT_EINPUT, "wrapping-ram-region",
	       "accepted a RAM bank that wraps");
	in.map.nram = 1;

	in.req[LAYOUT_INITRD] = (struct layout_req){ 1 << 20, 1 << 20, 0, UINT32_MAX, false, true };
	result(layout_plan(&in, &p, &bad) == 0 &&
	       p.slot[LAYOUT_INITRD].base == 0x83f00000, "high-preference",
	       "high slot not at the top of RAM");
}

/* Does any aligned position for a single free slot exist?  (4 KiB grid) */
static int exists_fit(const struct layout_input *in, const struct boot_plan *p, int s)
{
	const struct layout_req *q = &in->req[s];

	for (unsigned int b = 0; b < in->map.nram; b++) {
		for (uint64_t a = in->map.ram[b].base; a + q->size <= in->map.ram[b].base +
		     in->map.ram[b].size; a += 4096) {
			struct boot_plan t = *p;
			struct layout_input one = *in;

			if (a & (q->align - 1) || a < q->min || a + q->size > q->max)
				continue;
			t.slot[s] = (struct mem_region){ a, q->size };
			for (int o = s + 1; o < LAYOUT_NSLOTS; o++)
				one.req[o].size = 0, t.slot[o].size = 0;
			if (!check_plan(&one, &t))
				return 1;
		}
	}
	return 0;
}

static void random_maps(int n)
{
	int planned = 0, refused = 0, wrong = 0, incomplete = 0;
	const char *why = NULL;

	for (int i = 0; i < n; i++) {
		struct layout_input in = { 0 };
		struct boot_plan p;
		uint64_t unit = 4096, base = rnd(4) * 0x40000000ull;
		int bad, err;

		in.map.nram = 1 + (unsigned int)rnd(3);
		for (unsigned int b = 0; b < in.map.nram; b++) {
			in.map.ram[b].base = base + rnd(64) * unit;
			in.map.ram[b].size = (1 + rnd(1024)) * unit;
			base = in.map.ram[b].base + in.map.ram[b].size + rnd(4) * unit;
		}
		in.map.nreserved = (unsigned int)rnd(4);
		for (unsigned int r = 0; r < in.map.nreserved; r++)
			in.map.reserved[r] = (struct mem_region){
				in.map.ram[0].base + rnd(1024) * unit, (1 + rnd(16)) * unit };
		in.blob = (struct mem_region){ in.map.ram[0].base + rnd(512) * unit,
					       (1 + rnd(128)) * unit };
		in.nkeep = (unsigned int)rnd(2);
		in.keep[0] = (struct mem_region){ in.map.ram[0].base + rnd(1024) * unit, unit };
		in.req[LAYOUT_KERNEL] = (struct layout_req){ (1 + rnd(256)) * unit, unit,
			in.map.ram[0].base + rnd(64) * unit, UINT32_MAX, rnd(2), false };
		in.req[LAYOUT_BLOB] = (struct layout_req){ in.blob.size, unit, 0, UINT32_MAX, false, false };
		for (int s = LAYOUT_PGTABLE; s < LAYOUT_NSLOTS; s++)
			if (rnd(3))
				in.req[s] = (struct layout_req){ (1 + rnd(64)) * unit,
					unit << rnd(3), rnd(2) ? 0 : in.map.ram[0].base + rnd(256) * unit,
					rnd(2) ? UINT32_MAX : in.map.ram[0].base + rnd(2048) * unit,
					false, rnd(2) };
		err = layout_plan(&in, &p, &bad);
		if (err == 0) {
			const char *w = check_plan(&in, &p);

			planned++;
			if (w) {
				wrong++;
				why = w;
			}
		} else {
			refused++;
			/* A refused free slot must really have no place. */
			if (err == LAYOUT_ENORAM && bad > LAYOUT_BLOB && exists_fit(&in, &p, bad))
				incomplete++;
		}
	}
	printf("# layout: %d maps, %d planned, %d refused\n", n, planned, refused);
	result(wrong == 0, "random-maps-promises-kept", why ? why : "");
	result(planned > n / 4 && refused > 0, "random-maps-cover-both-outcomes",
	       "generator too lenient or too strict");
	result(incomplete == 0, "random-maps-no-false-refusal",
	       "planner refused a slot that had room");
}

/* layout_add: what the arch code feeds the planner from 64-bit maps. */
static void add_cases(void)
{
	struct mem_region r[2];
	unsigned int n = 0;

	result(layout_add(r, &n, 2, 0x40000000, 0x10000000) && n == 1 &&
	       r[0].base == 0x40000000 && r[0].size == 0x10000000, "add-plain",
	       "a plain bank was not added as is");
	result(layout_add(r, &n, 2, 0x100000000ull, 0x40000000) && n == 1, "add-above-4g",
	       "a bank above 4 GiB was added");
	result(layout_add(r, &n, 2, 0x80000000, 0) && n == 1, "add-empty",
	       "an empty region was added");
	result(layout_add(r, &n, 2, 0xfffffffffffff000ull, 0x2000) && n == 1, "add-wrapping",
	       "a region wrapping past 2^64 was added");
	result(layout_add(r, &n, 2, 0xc0000000, 0x80000000) && n == 2 &&
	       r[1].base == 0xc0000000 && r[1].size == LAYOUT_TOP - 0xc0000000,
	       "add-clipped-at-top", "a bank crossing 4 GiB was not clipped to LAYOUT_TOP");
	result(!layout_add(r, &n, 2, 0x1000, 0x1000) && n == 2, "add-full",
	       "a full list did not report the dropped region");

	/* Touching entries (a loader's map copied as given) make one bank,
	 * even when the list is full; a gap or an overlap keeps them apart. */
	n = 0;
	result(layout_add(r, &n, 2, 0x100000, 0x1000) && layout_add(r, &n, 2, 0x101000, 0x3000) &&
	       n == 1 && r[0].base == 0x100000 && r[0].size == 0x4000, "add-touching",
	       "a region continuing the last one was not merged into it");
	result(layout_add(r, &n, 2, 0x105000, 0x1000) && n == 2 &&
	       layout_add(r, &n, 2, 0x106000, 0xfff00000ull) && n == 2 &&
	       r[1].base == 0x105000 && r[1].size == LAYOUT_TOP - 0x105000,
	       "add-touching-full-clipped", "a touching region was dropped from a full list "
	       "or not clipped at LAYOUT_TOP");
	n = 1;
	result(layout_add(r, &n, 2, 0x103000, 0x2000) && n == 2 && r[0].size == 0x4000,
	       "add-overlapping-kept-apart", "an overlapping region was merged");
}

int main(void)
{
	add_cases();
	fixed_cases();
	random_maps(20000);
	return failures ? 1 : 0;
}
