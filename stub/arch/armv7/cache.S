/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ARMv7 cache and MMU control (ARM ARM B4, B6; Linux arch/arm/mm/cache-v7.S
 * describes the same set/way walk).  Works in SVC and in HYP mode.
 */
#include "asm.h"

	.syntax	unified
	.arm
	.text

/* Clean and invalidate the data caches by set/way, all levels up to LoC. */
ENTRY(arch_dcache_flush_all)
	push	{r4-r11, lr}
	dmb
	mrc	p15, 1, r0, c0, c0, 1		@ CLIDR
	ands	r3, r0, #0x07000000
	mov	r3, r3, lsr #23			@ LoC * 2
	beq	5f
	mov	r10, #0				@ level * 2
1:	add	r2, r10, r10, lsr #1		@ level * 3
	mov	r1, r0, lsr r2
	and	r1, r1, #7			@ cache type at this level
	cmp	r1, #2
	blt	4f				@ no data cache here
	mcr	p15, 2, r10, c0, c0, 0		@ CSSELR
	isb
	mrc	p15, 1, r1, c0, c0, 0		@ CCSIDR
	and	r2, r1, #7
	add	r2, r2, #4			@ log2(line bytes)
	movw	r4, #0x3ff
	ands	r4, r4, r1, lsr #3		@ ways - 1
	clz	r5, r4				@ way shift
	movw	r7, #0x7fff
	ands	r7, r7, r1, lsr #13		@ sets - 1
2:	mov	r9, r4				@ way
3:	orr	r11, r10, r9, lsl r5
	orr	r11, r11, r7, lsl r2
	mcr	p15, 0, r11, c7, c14, 2		@ DCCISW
	subs	r9, r9, #1
	bge	3b
	subs	r7, r7, #1
	bge	2b
4:	add	r10, r10, #2
	cmp	r3, r10
	bgt	1b
5:	mov	r10, #0
	mcr	p15, 2, r10, c0, c0, 0		@ back to level 1
	dsb
	isb
	pop	{r4-r11, pc}
END(arch_dcache_flush_all)

/* Invalidate I-cache, branch predictor and TLBs of the current mode. */
ENTRY(arch_icache_tlb_inv)
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6		@ BPIALL
	mrs	r1, cpsr
	and	r1, r1, #MODE_MASK
	cmp	r1, #MODE_HYP
	mcreq	p15, 4, r0, c8, c7, 0		@ TLBIALLH
	mcrne	p15, 0, r0, c8, c7, 0		@ TLBIALL
	dsb
	isb
	bx	lr
END(arch_icache_tlb_inv)

/* Clean caches if the D-cache or MMU is on, then turn both off (I-cache kept). */
ENTRY(arch_caches_off)
	push	{r4, lr}
	mrs	r4, cpsr
	and	r4, r4, #MODE_MASK
	cmp	r4, #MODE_HYP
	mrceq	p15, 4, r0, c1, c0, 0		@ HSCTLR
	mrcne	p15, 0, r0, c1, c0, 0		@ SCTLR
	tst	r0, #(SCTLR_M | SCTLR_C)
	beq	1f
	bl	arch_dcache_flush_all
	cmp	r4, #MODE_HYP
	mrceq	p15, 4, r0, c1, c0, 0
	mrcne	p15, 0, r0, c1, c0, 0
	bic	r0, r0, #(SCTLR_M | SCTLR_C | SCTLR_A)
	mcreq	p15, 4, r0, c1, c0, 0
	mcrne	p15, 0, r0, c1, c0, 0
	isb
1:	bl	arch_icache_tlb_inv
	pop	{r4, pc}
END(arch_caches_off)

/* arch_mmu_on_svc(ttbr0): short descriptors, all domains client. */
ENTRY(arch_mmu_on_svc)
	dsb
	mov	r1, #0
	mcr	p15, 0, r1, c2, c0, 2		@ TTBCR: TTBR0 only, short format
	mcr	p15, 0, r0, c2, c0, 0		@ TTBR0
	ldr	r1, =0x55555555
	mcr	p15, 0, r1, c3, c0, 0		@ DACR
	mov	r1, #0
	mcr	p15, 0, r1, c8, c7, 0		@ TLBIALL
	dsb
	isb
	mrc	p15, 0, r1, c1, c0, 0
	orr	r1, r1, #(SCTLR_M | SCTLR_C)
	orr	r1, r1, #(SCTLR_I | SCTLR_Z)
	bic	r1, r1, #SCTLR_A
	bic	r1, r1, #(3 << 28)		@ TRE, AFE off
	mcr	p15, 0, r1, c1, c0, 0
	isb
	bx	lr
END(arch_mmu_on_svc)

/* arch_mmu_on_hyp(httbr): long descriptors for the HYP regime. */
ENTRY(arch_mmu_on_hyp)
	dsb
	ldr	r1, =0x000004ff			@ HMAIR0: 0 normal WBWA, 1 device
	mcr	p15, 4, r1, c10, c2, 0
	ldr	r1, =0x80003500			@ HTCR: T0SZ 0, WBWA walks, inner shareable
	mcr	p15, 4, r1, c2, c0, 2
	mov	r1, #0
	mcrr	p15, 4, r0, r1, c2		@ HTTBR
	mcr	p15, 4, r1, c8, c7, 0		@ TLBIALLH
	dsb
	isb
	mrc	p15, 4, r1, c1, c0, 0
	orr	r1, r1, #(SCTLR_M | SCTLR_C)
	orr	r1, r1, #SCTLR_I
	bic	r1, r1, #SCTLR_A
	mcr	p15, 4, r1, c1, c0, 0
	isb
	bx	lr
END(arch_mmu_on_hyp)

	.ltorg
