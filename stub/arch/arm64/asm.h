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

#endif
