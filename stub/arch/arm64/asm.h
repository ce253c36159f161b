/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef CHAINBOOT_ARM64_ASM_H
#define CHAINBOOT_ARM64_ASM_H

#define ENTRY(name)	.globl name; .hidden name; .type name, %function; name:
#define END(name)	.size name, . - name

#define MAP_NRAM	0		/* offsetof(struct layout_map, nram) */
#define MAP_RAM		8		/* offsetof(struct layout_map, ram) */
/* What follows the blob's end (cb_stub_info.stack_size): the boot log
 * (console.h), the copy of the stub that runs (image and BSS, inflated
 * there by entry.S; the linker script checks it fits), then the stack for
 * struct stub and the decoders' frames. */
#define STUB_LOG_SIZE	0x1000
#define STUB_RUN_MAX	0x8000
#define STACK_SIZE	(STUB_LOG_SIZE + STUB_RUN_MAX + 0x10000)
#define CURRENT_EL2	(2 << 2)	/* CurrentEL at EL2 */
#define SCTLR_M		(1 << 0)
#define SCTLR_A		(1 << 1)
#define SCTLR_C		(1 << 2)
#define SCTLR_I		(1 << 12)
/* The identity map (cache.S): 5 pages, level 1 then four level-2 tables. */
#define A64_PGTABLE_SIZE	0x5000
#define DESC_NORMAL_LO	0x0705	/* block, AttrIndx 1, inner shareable, AF */
#define DESC_DEVICE_LO	0x0401	/* block, AttrIndx 0, AF */
#define DESC_XN_HI	0x0060	/* bits 53, 54 (PXN, UXN/XN) in the top half */
/* TCR: T0SZ 25 (39 bits), walks inner/outer WBWA, inner shareable, 4 KiB */
#define TCR_COMMON	(25 | (1 << 8) | (1 << 10) | (3 << 12))

#endif
