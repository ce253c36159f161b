/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A 1:1 map with RAM cacheable, everything else device, only while the
 * stub copies and inflates (as Linux's own decompressor does): inflate with
 * caches off is many times slower on real cores.
 */
#include "stub.h"
#include "armv7.h"

#define SECTION_RAM	0x00001c0eu	/* section, AP=11, TEX=001 C B: WBWA */
#define SECTION_DEV	0x00000c16u	/* section, AP=11, XN, B: shared device */
#define LPAE_BLOCK	0x00000441u	/* block, AF, AP[1] (RES1 at PL2) */
#define LPAE_ATTR_DEV	(1u << 2)	/* AttrIndx 1 = device in HMAIR0 */
#define LPAE_XN_HI	(1u << 22)	/* XN, bit 54 */
#define LPAE_SH_INNER	(3u << 8)

static bool ram_covers(const struct layout_map *m, uint64_t base, uint64_t size)
{
	unsigned int i;

	for (i = 0; i < m->nram; i++)
		if (base >= m->ram[i].base &&
		    base + size <= m->ram[i].base + m->ram[i].size)
			return true;
	return false;
}

static void build_short(uint32_t *l1, const struct layout_map *m)
{
	uint32_t i;

	for (i = 0; i < 4096; i++) {
		bool ram = ram_covers(m, (uint64_t)i << 20, 1u << 20);

		l1[i] = (i << 20) | (ram ? SECTION_RAM : SECTION_DEV);
	}
}

/* 4 level-2 tables of 512 2 MiB blocks, then the 4-entry level-1 table. */
static uint32_t build_lpae(uint32_t *base, const struct layout_map *m)
{
	uint32_t *l1 = base + 4 * 512 * 2;
	uint32_t i;

	for (i = 0; i < 2048; i++) {
		bool ram = ram_covers(m, (uint64_t)i << 21, 1u << 21);

		base[2 * i] = (i << 21) | LPAE_BLOCK |
			      (ram ? LPAE_SH_INNER : LPAE_ATTR_DEV);
		base[2 * i + 1] = ram ? 0 : LPAE_XN_HI;
	}
	for (i = 0; i < 4; i++) {
		l1[2 * i] = (uint32_t)(uintptr_t)(base + i * 1024) | 3;
		l1[2 * i + 1] = 0;
	}
	return (uint32_t)(uintptr_t)l1;
}

void arch_mmu_on(struct stub *s)
{
	uint32_t *tables = (uint32_t *)(uintptr_t)s->plan.slot[LAYOUT_PGTABLE].base;

	if (s->arch.hyp)
		arch_mmu_on_hyp(build_lpae(tables, &s->in.map));
	else {
		build_short(tables, &s->in.map);
		arch_mmu_on_svc((uint32_t)(uintptr_t)tables);
	}
	log_info("caches on (%s map at %p)", s->arch.hyp ? "HYP LPAE" : "short",
		 (void *)tables);
	stub_stage_end(s);
}
