/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm64 cache control (ARM ARM D7.5 "Cache maintenance"; the set/way walk
 * Linux's arch/arm64/mm/cache.S once had).  At EL1 or EL2: CurrentEL
 * selects SCTLR_EL1 or SCTLR_EL2.  No stack: it may run before there is one.
 */
#include "asm.h"

	.text

/*
 * If the D-cache or the MMU is on: turn both off (I-cache kept), then
 * clean and invalidate the data caches by set/way, every level up to LoC,
 * so the memory holds what the caches held.  Then invalidate the I-cache
 * and the TLBs of the current level.
 */
ENTRY(arch_caches_off)
	mrs	x15, CurrentEL
	cmp	x15, #CURRENT_EL2
	b.eq	1f
	mrs	x14, sctlr_el1
	b	2f
1:	mrs	x14, sctlr_el2
2:	tbnz	x14, #0, 21f			// SCTLR_M
	tbz	x14, #2, 8f			// SCTLR_C
21:	bic	x14, x14, #(SCTLR_M | SCTLR_C | SCTLR_A)
	b.eq	3f				// the flags are still the first cmp's
	msr	sctlr_el1, x14
	b	4f
3:	msr	sctlr_el2, x14
4:	isb
	dsb	sy
	mrs	x9, clidr_el1
	ubfx	x10, x9, #24, #3		// LoC
	mov	x11, #0				// CSSELR value: level << 1
5:	add	x2, x11, x11, lsr #1		// level * 3
	lsr	x3, x9, x2
	and	x3, x3, #7			// cache type at this level
	cmp	x3, #2
	b.lo	7f				// no data cache here
	msr	csselr_el1, x11
	isb
	mrs	x3, ccsidr_el1
	and	x4, x3, #7
	add	x4, x4, #4			// log2(line bytes)
	ubfx	x5, x3, #3, #10			// ways - 1
	clz	w6, w5				// position of the way field
	ubfx	x7, x3, #13, #15		// sets - 1
6:	mov	x8, x5				// way
61:	lsl	x12, x8, x6
	orr	x12, x12, x11
	lsl	x13, x7, x4
	orr	x12, x12, x13
	dc	cisw, x12
	subs	x8, x8, #1
	b.hs	61b
	subs	x7, x7, #1
	b.hs	6b
7:	add	x11, x11, #2
	cmp	x11, x10, lsl #1
	b.lo	5b
	dsb	sy
8:	ic	iallu
	cmp	x15, #CURRENT_EL2
	b.eq	9f
	tlbi	vmalle1
	b	10f
9:	tlbi	alle2
10:	dsb	sy
	isb
	ret
END(arch_caches_off)

/*
 * arch_mmu_on_map(table, map, keep_lo, keep_hi): a 1:1 map at @table
 * (A64_PGTABLE_SIZE bytes, 4 KiB-aligned), then MMU and caches on at the
 * current level (ARM ARM D8, 4 KiB granule, 39-bit addresses from level 1).
 * Level 1: the first four entries point at four level-2 tables of 2 MiB
 * blocks for the first 4 GiB, where a block wholly inside a bank of @map
 * is normal write-back memory and every other one device memory,
 * execute-never; above 4 GiB, 1 GiB blocks, normal where they overlap
 * [@keep_lo, @keep_hi) (the blob), else device.  MAIR attribute 0 is
 * Device-nGnRnE, 1 Normal WBWA.  At EL2 without VHE (HCR_EL2.E2H clear)
 * the EL2 TCR layout and AP[1] RES1.  Before the MMU goes on, @table and
 * the stack area [keep_hi - STACK_SIZE, keep_hi) are invalidated by
 * address: the caches must not hold stale lines of what was written with
 * them off.
 */
ENTRY(arch_mmu_on_map)
	mov	x16, x30			// (inval_range is called)
	mrs	x15, CurrentEL
	mov	x14, #0				// x14: AP[1] (bit 6), EL2 without VHE
	cmp	x15, #CURRENT_EL2
	b.ne	1f
	mrs	x4, hcr_el2
	tbnz	x4, #34, 1f			// E2H: the EL1 layout
	mov	x14, #(1 << 6)
	mov	x15, #0				// x15 = 0: EL2 layout
1:	add	x5, x0, #0x1000			// x5: the level-2 entries
	mov	x6, #0				// x6: the block's address
2:	ldr	w7, [x1, #MAP_NRAM]
	add	x8, x1, #MAP_RAM
	mov	x9, #DESC_DEVICE_LO
	movk	x9, #DESC_XN_HI, lsl #48
3:	cbz	w7, 4f
	ldp	w10, w11, [x8], #8		// bank base, size
	sub	w7, w7, #1
	subs	x12, x6, x10
	b.lo	3b
	add	x12, x12, #0x200000
	cmp	x12, x11
	b.hi	3b
	mov	x9, #DESC_NORMAL_LO
4:	orr	x9, x9, x14
	orr	x9, x9, x6
	str	x9, [x5], #8
	add	x6, x6, #0x200000
	lsr	x12, x6, #32
	cbz	x12, 2b
	/* Level 1: four tables, then 1 GiB blocks. */
	mov	x5, x0
	add	x9, x0, #0x1000
	orr	x9, x9, #3			// table descriptor
5:	str	x9, [x5], #8
	add	x9, x9, #0x1000
	tst	x5, #31				// four (@table is 4 KiB-aligned)
	b.ne	5b
	mov	x13, #0x40000000		// 1 GiB
6:	mov	x9, #DESC_DEVICE_LO
	movk	x9, #DESC_XN_HI, lsl #48
	cmp	x6, x3				// block below keep_hi and
	b.hs	7f
	add	x12, x6, x13			// its end above keep_lo: normal
	cmp	x12, x2
	b.ls	7f
	mov	x9, #DESC_NORMAL_LO
7:	orr	x9, x9, x14
	orr	x9, x9, x6
	str	x9, [x5], #8
	add	x6, x6, x13
	tst	x5, #0xfff			// to the table's end
	b.ne	6b

	/* Stale lines of the tables and the stack area out. */
	mov	x5, x0
	add	x6, x0, #A64_PGTABLE_SIZE
	bl	inval_range
	sub	x5, x3, #STACK_SIZE
	mov	x6, x3
	bl	inval_range
	dsb	sy

	mov	x4, #0xff00			// MAIR: attr 1 normal WBWA, attr 0 device
	mrs	x5, id_aa64mmfr0_el1
	and	x5, x5, #7			// PARange
	mov	x6, #TCR_COMMON
	cbz	x15, 8f
	orr	x6, x6, x5, lsl #32		// EL1 layout: IPS, EPD1
	orr	x6, x6, #(1 << 23)
	msr	mair_el1, x4
	msr	tcr_el1, x6
	msr	ttbr0_el1, x0
	isb
	tlbi	vmalle1
	dsb	sy
	isb
	mrs	x4, sctlr_el1
	mov	x5, #(SCTLR_M | SCTLR_C | SCTLR_I)
	orr	x4, x4, x5
	bic	x4, x4, #SCTLR_A
	msr	sctlr_el1, x4
	isb
	ret	x16
8:	orr	x6, x6, x5, lsl #16		// EL2 layout: PS, RES1 bits 31, 23
	orr	x6, x6, #(1 << 31)
	orr	x6, x6, #(1 << 23)
	msr	mair_el2, x4
	msr	tcr_el2, x6
	msr	ttbr0_el2, x0
	isb
	tlbi	alle2
	dsb	sy
	isb
	mrs	x4, sctlr_el2
	mov	x5, #(SCTLR_M | SCTLR_C | SCTLR_I)
	orr	x4, x4, x5
	bic	x4, x4, #SCTLR_A
	msr	sctlr_el2, x4
	isb
	ret	x16

/* dc ivac over [x5, x6), 16 bytes a step: no cache line is shorter, so
 * every line the range touches is hit (some more than once). */
inval_range:
1:	dc	ivac, x5
	add	x5, x5, #16
	cmp	x5, x6
	b.lo	1b
	ret
END(arch_mmu_on_map)
