/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ARMv7 entry.  The first bytes are a zImage header (Linux
 * arch/arm/boot/compressed/head.S) so QEMU, U-Boot's bootz and kexec-tools
 * take the blob as a zImage, then struct cb_stub_info and the KLSZ tag.
 */
#include "blob.h"
#include "asm.h"

	.syntax	unified
	.arm
	.section .text.head, "ax"

ENTRY(_start)
	.rept	8
	mov	r0, r0
	.endr
	b	start				@ 0x20
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

/*
 * Register contract from the loader (Documentation/arch/arm/booting.rst):
 * r0 = 0, r1 = machine type, r2 = DTB or ATAG list, SVC or HYP mode,
 * MMU off (caches in any state).  restart: the same plus r3 = STUB_F_*.
 */
start:
	mov	r4, r0
	mov	r5, r1
	mov	r6, r2
	mov	r7, #0
	b	1f
restart:
	mov	r4, r0
	mov	r5, r1
	mov	r6, r2
	mov	r7, r3
1:	cpsid	aif

	/* Find where we run. */
	adr	r8, _start

	/* Stack: above the blob's end, the zImage convention. */
	ldr	r0, [r8, #CB_ZIMAGE_END_OFFSET]
	ldr	r1, =_image_size
	cmp	r0, r1
	blo	bad_end
	cmp	r0, #0x40000000
	bhs	bad_end
	add	r0, r0, r8
	add	r0, r0, #7
	bic	r0, r0, #7
	add	sp, r0, #STACK_SIZE

	/* Caches and MMU off, whatever the loader left. */
	bl	arch_caches_off

	/* Clear BSS. */
	ldr	r0, =_bss_start
	ldr	r1, =_bss_size
	add	r0, r0, r8
	mov	r2, #0
2:	subs	r1, r1, #4
	strhs	r2, [r0], #4
	bhi	2b

	/* stub_main(r0, r1, r2, load base, flags) */
	str	r7, [sp, #-8]!
	mov	r0, r4
	mov	r1, r5
	mov	r2, r6
	mov	r3, r8
	blx	stub_main
bad_end:
	/* No stack and no console can be trusted here: stop the CPU. */
	wfi
	b	bad_end
END(_start)

/* arch_restart(regs[3], flags, entry): caches off, jump to the moved copy. */
ENTRY(arch_restart)
	mov	r4, r0
	mov	r5, r1
	mov	r6, r2
	bl	arch_caches_off
	ldm	r4, {r0-r2}
	mov	r3, r5
	bx	r6
END(arch_restart)

/* arch_enter(entry, machine, dtb): caches off, r0 = 0, jump in ARM state. */
ENTRY(arch_enter)
	mov	r4, r0
	mov	r5, r1
	mov	r6, r2
	bl	arch_caches_off
	mov	r0, #0
	mov	r1, r5
	mov	r2, r6
	bx	r4
END(arch_enter)

	.ltorg
