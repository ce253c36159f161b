/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ARMv7 internals shared by the arch's C and assembly files. */
#ifndef CHAINBOOT_ARMV7_H
#define CHAINBOOT_ARMV7_H
#include <stdint.h>
#include "console.h"

#define ARM_PGTABLE_SIZE	0x5000	/* 16 KiB short table, or LPAE 16 KiB + 32 B */
#define ARM_PGTABLE_ALIGN	0x4000
#define ARM_LOWMEM_MAX		0x2f000000u	/* lowmem of a 3G/1G kernel, with margin */
#define ARM_DTB_MAX		0x200000u
#define ARM_ATAGS_MAX		0x4000u	/* bound of an ATAG list (Linux: 16 KiB) */
#define ARM_RAM_WINDOW		0x80000000u	/* where r2 may point without a memory map */

void arch_mmu_on_svc(uint32_t ttbr0);
void arch_mmu_on_hyp(uint32_t httbr);
void arch_dcache_flush_all(void);
void arch_caches_off(void);
__attribute__((noreturn)) void arch_restart(const uintptr_t regs[3], uint32_t flags,
					    uintptr_t entry);
__attribute__((noreturn)) void arch_enter(uintptr_t entry, uintptr_t machine,
					  uintptr_t dtb);

#endif
