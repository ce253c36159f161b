/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm64 hooks (Documentation/arch/arm64/booting.rst): what x0 holds, where
 * the kernel goes (a 2 MiB-aligned base + text_offset, anywhere in RAM),
 * the DTB fixups and the jump at the exception level we were given.
 */
#include <string.h>
#include "stub.h"
#include "arch.h"
#include "arm64.h"
#include "console.h"
#include "arm_dt.h"
#include "dt.h"
#include "asm.h"
#include "strlist.h"

#define PSCI_SYSTEM_RESET	0x84000009u
#define A64_RAM_GUESS		0x08000000u	/* RAM assumed without a map */

/* x0, if it points where RAM may plausibly be (the windows of arm64.h, or
 * the board's RAM) and holds a valid DTB: kept for the kernel and read. */
static bool probe_x0(struct stub *s, uintptr_t p)
{
	const struct cb_board *b = s->board;
	const void *fdt = (const void *)p;
	uintptr_t lo = s->load_base & ~(uintptr_t)0x3fffffff;
	const char *cmd;
	uint32_t size;
	int len;

	if (!p || (p & 7) || ((p + A64_BELOW_WINDOW < lo || p > lo + A64_RAM_WINDOW - 64) &&
			      !(b && p >= b->ram_base && p - b->ram_base < b->ram_size)))
		return false;
	if (dt_check(fdt, A64_DTB_MAX))
		return false;
	s->arch.loader_fdt = fdt;
	cmd = dt_getprop(fdt, dt_path_offset(fdt, "/chosen"), "bootargs", &len);
	s->loader_cmdline = cmd;
	s->loader_cmdline_len = cmd && len > 0 ? strnlen(cmd, len) : 0;
	size = dt_totalsize(fdt);
	/* The planner works below 4 GiB: a DTB above is out of its way. */
	if (p + size <= LAYOUT_TOP) {
		s->in.keep[0].base = (uint32_t)p;
		s->in.keep[0].size = size;
		s->in.nkeep = 1;
	}
	arm_dt_learn(s, fdt, &s->arch.psci);
	return true;
}

void arch_probe(struct stub *s)
{
	const char *names = "unusable\0DTB\0EL1\0EL2";
	struct arch_state *a = &s->arch;
	uint64_t el;
	bool got;

	__asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
	a->el2 = el == CURRENT_EL2;
	got = probe_x0(s, s->regs[0]);
	if (s->blob_err)
		return;
	arm_dt_choose(s, A64_RAM_GUESS);
	log_info("entry: %s, x0=%p (%s)", str_nth(names, 2 + a->el2), (void *)s->regs[0],
		 str_nth(names, got));
	stub_stage_end(s);
}

/* A64 divides in one instruction (stub/lib.c's loop is for ARMv7 cores
 * without one); small enough to inline where it is called. */
uint32_t udiv32(uint32_t n, uint32_t d, uint32_t *rem)
{
	uint32_t q = n / d;

	if (rem)
		*rem = n - q * d;
	return q;
}

/* The smallest power of two >= @v. */
static uint32_t pow2_ceil(uint32_t v)
{
	uint32_t p = 1;

	while (p < v)
		p <<= 1;
	return p;
}

int arch_plan_requests(struct stub *s)
{
	const struct cb_section *k = blob_find(&s->blob, CB_SEC_KERNEL, 0);
	const struct cb_section *rd = blob_find(&s->blob, CB_SEC_INITRD, 0);
	struct layout_req *r = s->in.req;	/* zeroed by stub_main */
	uint32_t dtb;

	if (!s->arch.fdt)
		return -1;	/* no DTB at x0, none packed */
	/* The planner works below 4 GiB: a blob above is out of its way (and
	 * never needs to move). */
	if (s->load_base + s->in.blob.size > LAYOUT_TOP)
		s->in.blob = (struct mem_region){ 0, 0 };
	/* From a 2 MiB-aligned base: text_offset, then image_size bytes. */
	r[LAYOUT_KERNEL].size = k->load_offset + k->mem_size;
	r[LAYOUT_KERNEL].align = A64_KERNEL_ALIGN;
	r[LAYOUT_KERNEL].max = LAYOUT_TOP;
	r[LAYOUT_PGTABLE].size = A64_PGTABLE_SIZE;
	r[LAYOUT_PGTABLE].align = 0x1000;
	r[LAYOUT_PGTABLE].max = LAYOUT_TOP;
	/* The DTB, 8-byte aligned and within one 2 MiB block (booting.rst):
	 * a slot aligned to its own power-of-two size never crosses one. */
	dtb = arm_dt_params_size(s->arch.fdt, arm_dt_merging(s) ? s->arch.loader_fdt : NULL);
	if (dtb > A64_DTB_MAX)
		return -1;
	r[LAYOUT_PARAMS].size = dtb;
	r[LAYOUT_PARAMS].align = pow2_ceil(dtb);
	r[LAYOUT_PARAMS].max = LAYOUT_TOP;
	/* The initrd anywhere: below 4 GiB it shares a 32 GiB window with
	 * the kernel, as booting.rst asks. */
	r[LAYOUT_INITRD].size = rd ? rd->size : 0;
	r[LAYOUT_INITRD].align = 0x1000;
	r[LAYOUT_INITRD].max = LAYOUT_TOP;
	return 0;
}

/* The stack area is the end of the Image header's image_size (entry.S). */
struct stub_log *arch_log_area(uintptr_t load_base)
{
	uint64_t size = *(const uint64_t *)(load_base + CB_A64_IMAGE_SIZE_OFF);

	return (struct stub_log *)((load_base + size - STACK_SIZE) & ~(uintptr_t)15);
}

/* Out of line: make bench stops at its entry (the end of the check stage). */
__attribute__((noinline)) void arch_relocate(struct stub *s)
{
	arch_jump(s->regs, STUB_F_VERIFIED, stub_move_blob(s) + CB_A64_RESTART_OFF);
}

_Static_assert(offsetof(struct layout_map, nram) == MAP_NRAM &&
	       offsetof(struct layout_map, ram) == MAP_RAM &&
	       sizeof(struct mem_region) == 8, "cache.S reads struct layout_map");

/* A 1:1 map with RAM cacheable, everything else device, only while the
 * stub copies and decodes (as Linux's decompressors do): with the MMU off
 * every access is a device access, many times slower on real cores, and
 * LZ4's unaligned copies would fault. */
void arch_mmu_on(struct stub *s)
{
	arch_mmu_on_map((uint64_t *)(uintptr_t)s->plan.slot[LAYOUT_PGTABLE].base, &s->in.map,
			s->load_base, (uintptr_t)arch_log_area(s->load_base) + STACK_SIZE);
	log_info("caches on");
	stub_stage_end(s);
}

int arch_prepare_params(struct stub *s)
{
	arm_dt_prepare(s, NULL);
	return 0;
}

void arch_boot(struct stub *s)
{
	const struct cb_section *k = blob_find(&s->blob, CB_SEC_KERNEL, 0);
	void *fdt = (void *)(uintptr_t)s->plan.slot[LAYOUT_PARAMS].base;

	arm_dt_finish(fdt);
	s->regs[0] = (uintptr_t)fdt;
	s->regs[1] = 0;
	s->regs[2] = 0;
	arch_jump(s->regs, 0, s->plan.slot[LAYOUT_KERNEL].base + k->load_offset);
}

void arch_psci_reset(int smc)
{
	register uint64_t x0 __asm__("x0") = PSCI_SYSTEM_RESET;

	if (smc)
		__asm__ volatile("smc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
	else
		__asm__ volatile("hvc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
}

void arch_reset(struct stub *s)
{
	arm_reset(s, s->arch.psci, s->arch.el2);
}
