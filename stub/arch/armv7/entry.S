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
	 * must lie in [stored image size, 1 GiB), else stop, with no stack
	 * and no console to trust. */
	ldr	r5, [r4, #CB_ZIMAGE_END_OFFSET]
	ldr	r6, [r4, #CB_STUB_INFO_OFFSET + 12]	@ cb_stub_info.image_size
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
	.word	_image_size			@ stub-compress.py: the stored size
	.word	0				@ bss_size: the run copy's BSS is in the stack area
	.word	STACK_SIZE
	.word	CB_FEAT_DEFLATE | CB_FEAT_LZ4 | CB_FEAT_ATAGS
	.word	0

	.if	. - _start != CB_ARM_TAGS_OFFSET
	.error	"tag table misplaced"
	.endif
	.word	6, CB_ZIMAGE_KLSZ_TAG, 0, 0, 0, 0	@ filled by hostpack
	.word	0

	.globl	run_crc
	.hidden	run_crc
run_crc:
	.word	0		@ stub-compress.py: CRC-32 of the inflated part

	.thumb
	.thumb_func
start:
	cpsid	aif
	/* r5 = the blob's end: the log, the stub's run copy, then the stack. */
	add	r5, r4
	adds	r5, #7
	bic	r5, #7
	add	r6, r5, #STACK_SIZE
	mov	sp, r6
	push	{r0-r3}

	/* Caches and MMU off, whatever the loader left. */
	bl	arch_caches_off

	/*
	 * The run copy at r6, after the log: the front as is, then the rest
	 * inflated from the stored image (its size in cb_stub_info, the
	 * front's end at _image_front; asm.h, ld/stub-armv7.lds).  A stream
	 * that does not inflate to exactly the linked image's size stops
	 * here, with no console to say so.
	 */
	add	r6, r5, #STUB_LOG_SIZE
	ldr	r7, =_image_front
	movs	r0, #0
1:	ldr	r1, [r4, r0]
	str	r1, [r6, r0]
	adds	r0, #4
	cmp	r0, r7
	blo	1b
	ldr	r3, =_image_end
	subs	r3, r7
	push	{r3}				@ size_t len: capacity, then output
	add	r0, r6, r7			@ dst
	mov	r1, sp
	add	r2, r4, r7			@ src
	ldr	r3, [r4, #CB_STUB_INFO_OFFSET + 12]	@ stored image_size
	subs	r3, r7
	bl	inflate_decompress
	pop	{r1}
	ldr	r3, =_image_end
	subs	r3, r7
	cmp	r1, r3
	it	eq
	cmpeq	r0, #0
2:	it	ne
	wfine
	bne	2b

	/* Nothing inflated runs unless it is what was linked: its CRC-32
	 * (stub/crc32.c's) is run_crc, else stop here.  A nibble at a time,
	 * from a 16-word table on the stack: t[i] is nibble i's CRC, built a
	 * bit at a time (10 instructions a byte, against 36 bit by bit). */
	ldr	r9, =0xedb88320
	sub	sp, #64
	movs	r0, #15
5:	mov	r1, r0
	movs	r3, #4
4:	lsrs	r1, #1
	it	cs
	eorcs	r1, r9
	subs	r3, #1
	bne	4b
	str	r1, [sp, r0, lsl #2]
	subs	r0, #1
	bpl	5b
	mov	r0, #-1
	add	r1, r6, r7
	ldr	r2, =_image_end
	add	r2, r6
3:	ldrb	r3, [r1], #1
	eors	r0, r3
	and	r3, r0, #15
	ldr	r3, [sp, r3, lsl #2]
	eor	r0, r3, r0, lsr #4
	and	r3, r0, #15
	ldr	r3, [sp, r3, lsl #2]
	eor	r0, r3, r0, lsr #4
	cmp	r1, r2
	blo	3b
	add	sp, #64
	mvns	r0, r0
	ldr	r1, run_crc
	cmp	r0, r1
	bne	2b

	/* New code: the I-cache and branch predictor forget the old bytes. */
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU (r0 = 0)
	mcr	p15, 0, r0, c7, c5, 6		@ BPIALL
	dsb
	isb
	adr	r0, run
	subs	r0, r4
	add	r0, r6
	adds	r0, #1				@ Thumb state
	bx	r0

	/* From here on, in the run copy (r6): its BSS follows its image. */
run:
	ldr	r0, =_bss_start
	add	r0, r6
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
