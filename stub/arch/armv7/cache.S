/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ARMv7 cache and MMU control (ARM ARM B4, B6; Linux arch/arm/mm/cache-v7.S
 * describes the same set/way walk).  Works in SVC and in HYP mode: the
 * flags of "cmp rN, #MODE_HYP" select the HYP or the PL1 register.
 */
#include "asm.h"

	.syntax	unified
	.thumb
	.text

/*
 * If the D-cache or the MMU is on: clean and invalidate the data caches by
 * set/way, every level up to LoC, then turn both off (I-cache kept).  Then
 * invalidate the I-cache, branch predictor and TLBs of the current mode.
 */
THUMB_ENTRY(arch_caches_off)
	push	{r4-r9, lr}
	mrs	r4, cpsr
	and	r4, r4, #MODE_MASK
	cmp	r4, #MODE_HYP
	ite	eq
	mrceq	p15, 4, r5, c1, c0, 0		@ HSCTLR
	mrcne	p15, 0, r5, c1, c0, 0		@ SCTLR
	tst	r5, #(SCTLR_M | SCTLR_C)
	beq	5f
	dmb
	mrc	p15, 1, r0, c0, c0, 1		@ CLIDR
	ubfx	r3, r0, #24, #3			@ LoC
	movs	r1, #0				@ CSSELR value: level << 1
1:	add	r2, r1, r1, lsr #1		@ level * 3
	lsr	r2, r0, r2
	and	r2, r2, #7			@ cache type at this level
	cmp	r2, #2
	blo	4f				@ no data cache here
	mcr	p15, 2, r1, c0, c0, 0		@ CSSELR
	isb
	mrc	p15, 1, r2, c0, c0, 0		@ CCSIDR
	and	r6, r2, #7
	adds	r6, #4				@ log2(line bytes)
	ubfx	r7, r2, #3, #10			@ ways - 1
	clz	r8, r7				@ position of the way field
	ubfx	r2, r2, #13, #15		@ sets - 1
2:	mov	r9, r7				@ way
3:	lsl	ip, r9, r8
	orr	ip, ip, r1
	lsl	lr, r2, r6
	orr	ip, ip, lr
	mcr	p15, 0, ip, c7, c14, 2		@ DCCISW
	subs	r9, #1
	bhs	3b
	subs	r2, #1
	bhs	2b
4:	adds	r1, #2
	cmp	r1, r3, lsl #1
	blo	1b
	dsb
	bic	r5, r5, #(SCTLR_M | SCTLR_C | SCTLR_A)
	cmp	r4, #MODE_HYP
	ite	eq
	mcreq	p15, 4, r5, c1, c0, 0
	mcrne	p15, 0, r5, c1, c0, 0
	isb
5:	movs	r0, #0
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6		@ BPIALL
	cmp	r4, #MODE_HYP
	ite	eq
	mcreq	p15, 4, r0, c8, c7, 0		@ TLBIALLH
	mcrne	p15, 0, r0, c8, c7, 0		@ TLBIALL
	dsb
	isb
	pop	{r4-r9, pc}
END(arch_caches_off)

/*
 * arch_mmu_on_map(table, map): a 1:1 map at @table, RAM (@map's banks)
 * normal write-back cacheable, everything else device and execute-never,
 * then MMU and caches on (ARM ARM B3.5, B3.6).
 * SVC: 4096 short-descriptor 1 MiB sections in TTBR0, every domain client,
 * TEX remap and access flag off.
 * HYP: 2048 LPAE 2 MiB blocks (four level-2 tables), then the four level-1
 * entries pointing at them in HTTBR; HMAIR0 attribute 0 strongly ordered,
 * 1 normal write-back write-allocate.
 */
THUMB_ENTRY(arch_mmu_on_map)
	push	{r4-r8, lr}
	mrs	r6, cpsr
	and	r6, r6, #MODE_MASK
	subs	r6, #MODE_HYP
	it	ne
	movne	r6, #1				@ r6 = 0 in HYP mode, else 1
	rsb	r8, r6, #21			@ log2(block size)
	movs	r7, #1
	lsl	r7, r7, r8			@ block size
	movs	r4, #0				@ address
	mov	r5, r0				@ next entry
1:	ldr	r8, [r1, #MAP_NRAM]
	add	ip, r1, #MAP_RAM
	movs	r2, #0				@ 1 if a bank holds the block
2:	subs	r8, #1
	blo	3f
	ldm	ip!, {r3, lr}			@ bank base, size
	subs	lr, lr, r7
	blo	2b
	subs	r3, r4, r3
	cmp	r3, lr
	bhi	2b
	movs	r2, #1
3:	add	r3, r2, r6, lsl #1
	adr	lr, desc
	ldr	r3, [lr, r3, lsl #2]
	orrs	r3, r4
	eor	r2, r2, #1
	lsls	r2, r2, #22			@ LPAE upper word: XN unless RAM
	strd	r3, r2, [r5]			@ (a short entry overwrites it)
	adds	r5, #8
	sub	r5, r5, r6, lsl #2
	adds	r4, r4, r7
	bcc	1b

	adds	r3, r0, #3			@ LPAE level 1: table descriptors
	movs	r2, #0
	movs	r7, #4
4:	strd	r3, r2, [r5], #8
	add	r3, r3, #0x1000
	subs	r7, #1
	bne	4b

	dsb
	cbnz	r6, 5f
	mov	r3, #0xff00
	mcr	p15, 4, r3, c10, c2, 0		@ HMAIR0
	ldr	r3, =0x80003500			@ T0SZ 0, WBWA walks, inner shareable
	mcr	p15, 4, r3, c2, c0, 2		@ HTCR
	subs	r5, #32
	mcrr	p15, 4, r5, r2, c2		@ HTTBR
	mcr	p15, 4, r2, c8, c7, 0		@ TLBIALLH
	b	6f
5:	mcr	p15, 0, r2, c2, c0, 2		@ TTBCR: TTBR0 only, short format
	mcr	p15, 0, r0, c2, c0, 0		@ TTBR0
	mov	r3, #0x55555555
	mcr	p15, 0, r3, c3, c0, 0		@ DACR
	mcr	p15, 0, r2, c8, c7, 0		@ TLBIALL
6:	dsb
	isb
	cmp	r6, #0
	ite	eq
	mrceq	p15, 4, r0, c1, c0, 0		@ HSCTLR
	mrcne	p15, 0, r0, c1, c0, 0		@ SCTLR
	orr	r0, r0, #(SCTLR_M | SCTLR_C)
	orr	r0, r0, #(SCTLR_I | SCTLR_Z)	@ (Z: RES1 in HSCTLR)
	bic	r0, r0, #SCTLR_A
	itee	eq
	mcreq	p15, 4, r0, c1, c0, 0
	bicne	r0, r0, #(3 << 28)		@ TRE, AFE (RES1 in HSCTLR)
	mcrne	p15, 0, r0, c1, c0, 0
	isb
	pop	{r4-r8, pc}
END(arch_mmu_on_map)

	.align	2
desc:	.word	0x00000441	@ LPAE: block, AF, AP[1], AttrIndx 0
	.word	0x00000745	@ LPAE: block, AF, inner shareable, AP[1], AttrIndx 1
	.word	0x00000c16	@ short: section, AP=11, XN, B: shared device
	.word	0x00001c0e	@ short: section, AP=11, TEX=001 C B: WBWA

	.ltorg
