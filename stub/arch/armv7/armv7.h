/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ARMv7 internals shared by the arch's C and assembly files. */
#ifndef CHAINBOOT_ARMV7_H
#define CHAINBOOT_ARMV7_H
#include <stdbool.h>
#include <stdint.h>
#include "console.h"

#define ARM_PGTABLE_SIZE	0x5000	/* 16 KiB of entries, then the LPAE level 1 */
#define ARM_PGTABLE_ALIGN	0x4000
#define ARM_LOWMEM_MAX		0x2f000000u	/* lowmem of a 3G/1G kernel, with margin */
#define ARM_DTB_MAX		0x200000u
#define ARM_ATAGS_MAX		0x4000u	/* bound of an ATAG list (Linux: 16 KiB) */
#define ARM_RAM_WINDOW		0x80000000u	/* where r2 may point without a memory map */

struct layout_map;

/* cache.S: build a 1:1 map of @map's RAM at @table (ARM_PGTABLE_SIZE bytes)
 * for the current mode, turn MMU and caches on; clean and turn them off. */
void arch_mmu_on_map(uint32_t *table, const struct layout_map *map);
void arch_caches_off(void);

/* entry.S: caches and MMU off, r0-r2 = @regs, r3 = @r3, jump to @entry in
 * ARM state. */
__attribute__((noreturn)) void arch_jump(const uintptr_t regs[3], uint32_t r3,
					 uint32_t entry);

/* [p, p + len) lies inside [base, base + size), without overflow. */
static inline bool arm_inside(uint32_t p, uint32_t len, uint32_t base, uint32_t size)
{
	return size >= len && p - base <= size - len;
}

#endif
