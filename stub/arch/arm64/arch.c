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

static void add_ram(struct stub *s, uint64_t base, uint64_t size)
{
	layout_add(s->in.map.ram, &s->in.map.nram, LAYOUT_MAX_RAM, base, size);
}

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
	const struct cb_board *b = s->board;
	uint64_t el;
	bool got;

	__asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
	a->el2 = el == CURRENT_EL2;
	got = probe_x0(s, s->regs[0]);
	if (s->blob_err)
		return;
	a->fdt = arm_dt_packed(s, a->loader_fdt);
	if (a->fdt)
		arm_dt_learn(s, a->fdt, &a->psci);
	else
		a->fdt = a->loader_fdt;
	/* Last resorts: the board's RAM, else 128 MiB from the 128 MiB-aligned
	 * base below the blob. */
	if (!s->in.map.nram) {
		if (b && b->ram_size)
			add_ram(s, b->ram_base, b->ram_size);
		else
			add_ram(s, s->load_base & ~(uintptr_t)(A64_RAM_GUESS - 1), A64_RAM_GUESS);
	}
	log_info("entry: %s, x0=%p (%s)", str_nth(names, 2 + a->el2), (void *)s->regs[0],
		 str_nth(names, got));
	stub_stage_end(s);
}

/* A packed DTB for the kernel, the machine's facts from the loader's. */
static bool merging(const struct stub *s)
{
	return s->arch.loader_fdt && s->arch.fdt != s->arch.loader_fdt;
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
	dtb = arm_dt_params_size(s->arch.fdt, merging(s) ? s->arch.loader_fdt : NULL);
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
	uintptr_t to = s->plan.slot[LAYOUT_BLOB].base;
	const struct stub_log *l = console_log();

	log_info("relocating blob to %08x", (uint32_t)to);
	stub_stage_end(s);
	memcpy((void *)to, (const void *)s->load_base, s->blob.hdr->blob_size);
	/* the restart goes on with this run's log */
	memcpy(arch_log_area(to), l, l->len + 4);
	arch_jump(s->regs, STUB_F_VERIFIED, to + CB_A64_RESTART_OFF);
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
	char cmd[STUB_MAX_CMDLINE];
	const struct mem_region *rd = &s->plan.slot[LAYOUT_INITRD];
	void *fdt = (void *)(uintptr_t)s->plan.slot[LAYOUT_PARAMS].base;
	int err;

	if (stub_cmdline(s, cmd, sizeof(cmd)) < 0)
		stub_fail(s, "cmdline: too long");
	err = dt_open_into(s->arch.fdt, fdt, s->plan.slot[LAYOUT_PARAMS].size);
	if (!err && merging(s))
		err = arm_dt_merge(s, fdt, s->arch.loader_fdt);
	if (!err)
		err = dt_set_chosen(fdt, cmd, rd->base, rd->base + rd->size);
	if (err)
		stub_fail(s, "dtb fixup: %s", dt_strerror(err));
	log_info("dtb: %s \"%s\"", s->arch.fdt == s->arch.loader_fdt ? "loader's" : "packed",
		 cmd);
	stub_stage_end(s);
	return 0;
}

void arch_boot(struct stub *s)
{
	const struct cb_section *k = blob_find(&s->blob, CB_SEC_KERNEL, 0);
	void *fdt = (void *)(uintptr_t)s->plan.slot[LAYOUT_PARAMS].base;

	/* The log to its last line, for /proc/device-tree/chosen/chainboot,log
	 * (the slot has room for it: arch_plan_requests) */
	dt_set_chosen_string(fdt, "chainboot,log", console_log()->text);
	dt_pack(fdt);
	s->regs[0] = (uintptr_t)fdt;
	s->regs[1] = 0;
	s->regs[2] = 0;
	arch_jump(s->regs, 0, s->plan.slot[LAYOUT_KERNEL].base + k->load_offset);
}

void arch_reset(struct stub *s)
{
	const void *const fdt[2] = { s->arch.loader_fdt, s->arch.fdt };
	const struct cb_board *b = s->board;
	uint32_t kind = b ? b->reset_kind : CB_RESET_NONE;
	int conduit = s->arch.psci, el2 = s->arch.el2;

	arch_caches_off();
	arm_dt_save_log(s, fdt);

	if (kind == CB_RESET_REG && b->reset_addr) {
		log_err("chainboot: resetting (%s)\n", "register");
		*(volatile uint32_t *)(uintptr_t)b->reset_addr = b->reset_value;
	}
	/* The board says PSCI, the DTB not how: smc from EL2, else hvc. */
	if (!conduit && kind == CB_RESET_PSCI)
		conduit = DT_PSCI_HVC - el2;
	/* smc, or hvc when not at EL2 (it would trap to ourselves). */
	if (conduit && conduit + el2 <= DT_PSCI_HVC) {
		register uint64_t x0 __asm__("x0");

		log_err("chainboot: resetting (%s)\n", "PSCI");
		x0 = PSCI_SYSTEM_RESET;	/* after the call, which clobbers x0 */
		if (conduit == DT_PSCI_SMC)
			__asm__ volatile("smc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
		else
			__asm__ volatile("hvc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
	}
	log_err("chainboot: halted\n");
	for (;;)
		__asm__ volatile("wfi");
}
