/* SPDX-License-Identifier: GPL-2.0-or-later */
/* arm64 internals shared by the arch's C and assembly files. */
#ifndef CHAINBOOT_ARM64_H
#define CHAINBOOT_ARM64_H
#include <stdint.h>

#define A64_KERNEL_ALIGN	0x200000u	/* booting.rst: 2 MiB-aligned base */
#define A64_DTB_MAX		0x200000u	/* booting.rst: at most 2 MiB */
/* Where x0 may point: the 32 GiB above the 1 GiB-aligned base below the
 * blob, or the 4 GiB below it (RAM is there on every board seen; reading
 * elsewhere with the MMU off may fault). */
#define A64_RAM_WINDOW		(32ull << 30)
#define A64_BELOW_WINDOW	(4ull << 30)

/* cache.S: clean and invalidate the data caches to the point of coherency,
 * MMU and D-cache off (I-cache kept, then invalidated), TLBs invalidated:
 * at the current exception level, EL1 or EL2. */
void arch_caches_off(void);

struct layout_map;

/* cache.S: a 1:1 map at @table (A64_PGTABLE_SIZE bytes, asm.h): @map's RAM
 * banks below 4 GiB and, above, the 1 GiB blocks that [@keep_lo, @keep_hi)
 * (the blob and its stack area) overlaps normal cacheable memory, all else
 * device memory; then MMU and caches on at the current level. */
void arch_mmu_on_map(uint64_t *table, const struct layout_map *map, uintptr_t keep_lo,
		     uintptr_t keep_hi);

/* entry.S: caches and MMU off, x0-x2 = @regs, x3 = @x3, jump to @entry. */
__attribute__((noreturn)) void arch_jump(const uintptr_t regs[3], uint64_t x3,
					 uintptr_t entry);

#endif
