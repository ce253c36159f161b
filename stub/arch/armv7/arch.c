/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ARMv7 hooks: what r2 holds, where the kernel goes (RAM base + TEXT_OFFSET,
 * Documentation/arch/arm/booting.rst), the DTB fixups and the jump.
 */
#include <string.h>
#include "stub.h"
#include "arch.h"
#include "armv7.h"
#include "dt.h"
#include "asm.h"
#include "arm_dt.h"
#include "strlist.h"

#define PSCI_SYSTEM_RESET	0x84000009u

static bool has_generic_timer(void)
{
	uint32_t pfr1;

	__asm__ volatile("mrc p15, 0, %0, c0, c1, 1" : "=r"(pfr1));
	return (pfr1 >> 16) & 0xf;
}

uint64_t arch_ticks(void)
{
	uint32_t lo, hi;

	if (!has_generic_timer())
		return 0;
	__asm__ volatile("isb; mrrc p15, 0, %0, %1, c14" : "=r"(lo), "=r"(hi));
	return ((uint64_t)hi << 32) | lo;
}

uint32_t arch_tick_khz(void)
{
	uint32_t frq;

	if (!has_generic_timer())
		return 0;
	__asm__ volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(frq));
	return frq / 1000;
}

static void add_ram(struct stub *s, uint32_t base, uint32_t size)
{
	layout_add(s->in.map.ram, &s->in.map.nram, LAYOUT_MAX_RAM, base, size);
}

/*
 * r2, if it points where RAM may plausibly be (a window above the 128 MiB
 * aligned base below the blob, AUTO_ZRELADDR's rule, or the board's RAM):
 * a DTB (1) or an ATAG list (2); 0 if neither.
 */
static int probe_r2(struct stub *s, uint32_t p)
{
	struct arch_state *a = &s->arch;
	const struct cb_board *b = s->board;
	const void *fdt = (const void *)p;
	const char *cmd;
	uint32_t size, i;
	int len;

	if (!p || (!arm_inside(p, 64, s->load_base & ~0x07ffffffu, ARM_RAM_WINDOW) &&
		   !(b && arm_inside(p, 64, b->ram_base, b->ram_size))))
		return 0;
	if (dt_check(fdt, ARM_DTB_MAX) == 0) {
		a->loader_fdt = fdt;
		cmd = dt_getprop(fdt, dt_path_offset(fdt, "/chosen"), "bootargs", &len);
		len = cmd && len > 0 ? strnlen(cmd, len) : 0;
		size = dt_totalsize(fdt);
		arm_dt_learn(s, fdt, &a->psci);
	} else if (atags_parse(fdt, ARM_ATAGS_MAX, &a->ai) == 0) {
		a->atags = true;
		for (i = 0; i < a->ai.nmem; i++)
			add_ram(s, a->ai.mem[i].start, a->ai.mem[i].size);
		cmd = a->ai.cmdline;
		len = a->ai.cmdline_len;
		size = ARM_ATAGS_MAX;
	} else {
		return 0;
	}
	s->in.keep[0].base = p;		/* the first keep region */
	s->in.keep[0].size = size;
	s->in.nkeep = 1;
	s->loader_cmdline = cmd;
	s->loader_cmdline_len = len;
	return 1 + a->atags;
}

void arch_probe(struct stub *s)
{
	const char *names = "unusable\0DTB\0ATAGs\0SVC\0HYP";
	struct arch_state *a = &s->arch;
	uint32_t cpsr;
	int got;

	__asm__ volatile("mrs %0, cpsr" : "=r"(cpsr));
	a->hyp = (cpsr & 0x1f) == 0x1a;
	got = probe_r2(s, s->regs[2]);
	if (s->blob_err)
		return;
	/* RAM's last resort: 128 MiB from the 128 MiB-aligned base below the
	 * blob (AUTO_ZRELADDR's guess). */
	arm_dt_choose(s, 0x08000000);
	log_info("entry: %s mode, r1=%08x r2=%08x (%s)", str_nth(names, 3 + a->hyp),
		 s->regs[1], s->regs[2], str_nth(names, got));
	stub_stage_end(s);
}

int arch_plan_requests(struct stub *s)
{
	const struct cb_section *k = blob_find(&s->blob, CB_SEC_KERNEL, 0);
	const struct cb_section *rd = blob_find(&s->blob, CB_SEC_INITRD, 0);
	const struct layout_map *m = &s->in.map;
	struct layout_req *r = s->in.req;	/* zeroed by stub_main */
	uint32_t ram = m->ram[0].base, lowmem;
	unsigned int i;

	if (!s->arch.fdt)
		return -1;	/* no DTB at r2, none packed */
	/* The (first) RAM bank the blob runs in (AUTO_ZRELADDR), else the first. */
	for (i = m->nram; i--;)
		if (s->load_base - m->ram[i].base < m->ram[i].size)
			ram = m->ram[i].base;
	lowmem = ram + ARM_LOWMEM_MAX;
	if (lowmem < ram)
		lowmem = UINT32_MAX;
	ram += k->load_offset;
	r[LAYOUT_KERNEL].size = k->mem_size;
	r[LAYOUT_KERNEL].align = 1;
	r[LAYOUT_KERNEL].min = ram;
	r[LAYOUT_KERNEL].max = UINT32_MAX;
	r[LAYOUT_KERNEL].fixed = true;
	r[LAYOUT_PGTABLE].size = ARM_PGTABLE_SIZE;
	r[LAYOUT_PGTABLE].align = ARM_PGTABLE_ALIGN;
	r[LAYOUT_PGTABLE].max = UINT32_MAX;
	/* DTB and initrd above the kernel's BSS, inside lowmem. */
	ram += k->mem_size;
	r[LAYOUT_PARAMS].size = arm_dt_params_size(s->arch.fdt,
						    arm_dt_merging(s) ? s->arch.loader_fdt : NULL);
	r[LAYOUT_PARAMS].align = 0x1000;
	r[LAYOUT_PARAMS].min = ram;
	r[LAYOUT_PARAMS].max = lowmem;
	r[LAYOUT_INITRD].size = rd ? rd->size : 0;
	r[LAYOUT_INITRD].align = 0x1000;
	r[LAYOUT_INITRD].min = ram;
	r[LAYOUT_INITRD].max = lowmem;
	return 0;
}

/* The stack area starts at the blob's end, which the zImage header holds
 * (entry.S puts the stack at its top). */
struct stub_log *arch_log_area(uintptr_t load_base)
{
	return (struct stub_log *)((load_base + *(const uint32_t *)(load_base +
					CB_ZIMAGE_END_OFFSET) + 7) & ~7u);
}

/* Out of line: make bench stops at its entry (the end of the check stage). */
__attribute__((noinline)) void arch_relocate(struct stub *s)
{
	arch_jump(s->regs, STUB_F_VERIFIED, stub_move_blob(s) + 0x3c);
}

_Static_assert(offsetof(struct layout_map, nram) == MAP_NRAM &&
	       offsetof(struct layout_map, ram) == MAP_RAM &&
	       sizeof(struct mem_region) == 8, "cache.S reads struct layout_map");

/* A 1:1 map with RAM cacheable, everything else device, only while the
 * stub copies and inflates (as Linux's own decompressor does): inflate with
 * caches off is many times slower on real cores. */
void arch_mmu_on(struct stub *s)
{
	arch_mmu_on_map((uint32_t *)s->plan.slot[LAYOUT_PGTABLE].base, &s->in.map);
	log_info("caches on");
	stub_stage_end(s);
}

/* The ATAG list r2 held, as DTB nodes (arm_dt_prepare's extra step). */
static int atags_in(struct stub *s, void *fdt)
{
	return s->arch.atags ? atags_to_dt(&s->arch.ai, fdt) : 0;
}

int arch_prepare_params(struct stub *s)
{
	arm_dt_prepare(s, atags_in);
	return 0;
}

void arch_boot(struct stub *s)
{
	void *fdt = (void *)s->plan.slot[LAYOUT_PARAMS].base;

	arm_dt_finish(fdt);
	s->regs[0] = 0;
	s->regs[2] = (uintptr_t)fdt;
	arch_jump(s->regs, 0, s->plan.slot[LAYOUT_KERNEL].base);
}

void arch_psci_reset(int smc)
{
	register uint32_t r0 __asm__("r0") = PSCI_SYSTEM_RESET;

	if (smc)
		__asm__ volatile(".arch_extension sec\n\tsmc #0" : "+r"(r0) : : "r1", "r2", "r3", "memory");
	else
		__asm__ volatile(".arch_extension virt\n\thvc #0" : "+r"(r0) : : "r1", "r2", "r3", "memory");
}

void arch_reset(struct stub *s)
{
	arm_reset(s, s->arch.psci, s->arch.hyp);
}
