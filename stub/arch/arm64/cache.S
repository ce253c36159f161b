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
2:	mov	x13, #(SCTLR_M | SCTLR_C)
	tst	x14, x13
	b.eq	8f
	bic	x14, x14, #(SCTLR_M | SCTLR_C | SCTLR_A)
	cmp	x15, #CURRENT_EL2
	b.eq	3f
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
