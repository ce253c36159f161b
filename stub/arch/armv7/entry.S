/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ARMv7 entry.  The first bytes are a zImage header (Linux
 * arch/arm/boot/compressed/head.S) so QEMU, U-Boot's bootz and kexec-tools
 * take the blob as a zImage, then struct cb_stub_info and the KLSZ tag.
 * Loaders look only at the words from 0x24: the nine words before them,
 * nops in Linux, hold the ARM-state part of the entry here.
 */
#include "blob.h"
#include "asm.h"

	.syntax	unified
	.section .text.head, "ax"

/*
 * Register contract from the loader (Documentation/arch/arm/booting.rst):
 * r0 = 0, r1 = machine type, r2 = DTB or ATAG list, ARM state, SVC or HYP
 * mode, MMU off (caches in any state).  Re-entry after relocation (0x3c):
 * the same plus r3 = STUB_F_*.
 */
	.arm
ENTRY(_start)
	mov	r3, #0				@ 0x00: first entry
restart:
	/* Find where we run. */
	adr	r4, _start			@ 0x04: r4 = load base
	/* The stack goes above the blob's end (zImage convention): the end
	 * must lie in [image size, 1 GiB), else stop, with no stack and no
	 * console to trust. */
	ldr	r5, [r4, #CB_ZIMAGE_END_OFFSET]
	ldr	r6, =_bss_start			@ the image's end
	cmp	r5, r6
	rsbshs	r6, r5, #0x40000000		@ lo, or end >= 1 GiB: ls
1:	wfils
	bls	1b
	blx	start				@ 0x20: on in Thumb state

	.if	. - _start != CB_ZIMAGE_MAGIC_OFFSET
	.error	"zImage header misplaced"
	.endif
	.word	CB_ZIMAGE_MAGIC			@ 0x24
	.word	0				@ 0x28 start: runs anywhere
	.word	0				@ 0x2c end: hostpack writes the blob size
	.word	CB_ZIMAGE_ENDIAN		@ 0x30
	.word	CB_ZIMAGE_MAGIC2		@ 0x34
	.word	CB_ARM_TAGS_OFFSET		@ 0x38
	b	restart				@ 0x3c: re-entry after relocation

	.if	. - _start != CB_STUB_INFO_OFFSET
	.error	"cb_stub_info misplaced"
	.endif
	.word	CB_STUB_MAGIC			@ struct cb_stub_info
	.hword	32, CB_ARCH_ARMV7
	.word	0x00010000			@ STUB_VERSION
	.word	_image_size
	.word	_bss_size
	.word	STACK_SIZE
	.word	CB_FEAT_DEFLATE | CB_FEAT_LZ4 | CB_FEAT_ATAGS
	.word	0

	.if	. - _start != CB_ARM_TAGS_OFFSET
	.error	"tag table misplaced"
	.endif
	.word	6, CB_ZIMAGE_KLSZ_TAG, 0, 0, 0, 0	@ filled by hostpack
	.word	0

	.thumb
	.thumb_func
start:
	cpsid	aif
	/* Stack: r5 = the blob's end. */
	add	r5, r4
	adds	r5, #7
	bic	r5, #7
	add	r5, #STACK_SIZE
	mov	sp, r5
	push	{r0-r3}

	/* Caches and MMU off, whatever the loader left. */
	bl	arch_caches_off

	/* Clear BSS (it follows the image). */
	ldr	r0, =_bss_start
	add	r0, r4
	movs	r1, #0
	ldr	r2, =_bss_size
	bl	memset

	/* stub_main(r0, r1, r2, load base, flags on the stack) */
	pop	{r0-r3}
	push	{r3, r4}
	mov	r3, r4
	bl	stub_main
END(_start)

/* arch_jump(regs[3], r3, entry): caches and MMU off, r0-r2 = regs, jump in
 * ARM state (entry is even). */
THUMB_ENTRY(arch_jump)
	mov	r4, r0
	mov	r5, r1
	mov	r6, r2
	bl	arch_caches_off
	mov	r3, r5
	ldm	r4, {r0-r2}
	bx	r6
END(arch_jump)

	.ltorg
