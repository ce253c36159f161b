/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Every hook an architecture provides (stub/arch/<arch>/).  No weak
 * symbols: a missing hook fails at link time.
 */
#ifndef CHAINBOOT_ARCH_H
#define CHAINBOOT_ARCH_H
#include <stdint.h>

struct stub;

/*
 * Read what the loader handed over (s->regs): validate it, fill the memory
 * map (s->in.map), the loader data to keep (s->in.keep), the loader's
 * command line, and set up the console from it when none is set yet.
 * Never fails: what cannot be trusted is ignored and said so.
 */
void arch_probe(struct stub *s);

/* Where the boot log lives for a blob at @load_base (console.h): the first
 * STUB_LOG_SIZE bytes of its stack area, the same place after a
 * relocation (arch_relocate() copies the log there). */
struct stub_log *arch_log_area(uintptr_t load_base);

/* Fill the arch's placement rules in s->in.req[] (kernel, params, page tables). */
int arch_plan_requests(struct stub *s);

/* Identity map with caches on for the planned work (may do nothing). */
void arch_mmu_on(struct stub *s);

/* Move the blob to s->plan.slot[LAYOUT_BLOB] and restart there. */
__attribute__((noreturn)) void arch_relocate(struct stub *s);

/* Build the kernel's boot parameters (DTB or zero page) in their slots. */
int arch_prepare_params(struct stub *s);

/* Caches and MMU off, registers as the boot protocol wants, jump. */
__attribute__((noreturn)) void arch_boot(struct stub *s);

/* Reset through the board's method, else halt; says which. */
__attribute__((noreturn)) void arch_reset(struct stub *s);

/* The stage timer, from arch_state.h (static inline where there is none):
 *	uint64_t arch_ticks(void);	free-running counter
 *	uint32_t arch_tick_khz(void);	its rate, 0 if unknown */

#endif
