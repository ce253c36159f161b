/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stand-in for the hardboot check of a primary kernel patched for
 * `kexec --load-hardboot` (MultiROM style), entered as QEMU's -kernel in
 * place of the phone's bootloader + primary kernel after the reboot.
 *
 * What a patched primary kernel's early code does, and what this does:
 *   - look at the hardboot page: magic at +0, entry at +4, machine type at
 *     +8, r2 (DTB/ATAGs the old kernel saw) at +12;
 *   - no magic: normal boot (here: say so and stop);
 *   - magic: clear it (a second reset must boot normally), turn the MMU and
 *     caches off, r0 = 0, r1 = machine type, r2 = the saved r2, jump to the
 *     entry in ARM state.  Nothing checks the image behind the entry.
 * Before that it scribbles over the first WIPE_SIZE bytes of RAM, as some
 * bootloaders do on reboot (the reason for hostpack's --mem-min), so it
 * first moves itself to HOME, just below the hardboot page.
 *
 * Knobs (-D): RAM_BASE, WIPE_SIZE, HB_PAGE, HB_MAGIC, UART (a PL011).
 * Link it at HOME (-Ttext=HOME); it may be loaded anywhere.
 */

#ifndef RAM_BASE
#define RAM_BASE	0x40000000	/* QEMU virt */
#endif
#ifndef WIPE_SIZE
#define WIPE_SIZE	0x08000000	/* 128 MiB */
#endif
#ifndef HB_PAGE
#define HB_PAGE		0x4ff00000
#endif
#ifndef HB_MAGIC
#define HB_MAGIC	0x4a5db007
#endif
#ifndef UART
#define UART		0x09000000	/* QEMU virt PL011 */
#endif
#define WIPE_PATTERN	0xdeadbeef
#define UART_FR		0x18
#define UART_FR_TXFF	(1 << 5)

	.syntax	unified
	.arm
	.text

	.global	_start
_start:
	cpsid	aif

	/* MMU, D-cache and I-cache off (they are off under QEMU already). */
	mrc	p15, 0, r0, c1, c0, 0
	bic	r0, r0, #0x1000			@ I
	bic	r0, r0, #0x0005			@ C, M
	mcr	p15, 0, r0, c1, c0, 0
	isb

	/* Move to HOME (the link address), out of the range we will wipe. */
	adr	r0, _start
	ldr	r1, =_start
	ldr	r2, =_end
1:	ldr	r3, [r0], #4
	str	r3, [r1], #4
	cmp	r1, r2
	blo	1b
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU
	dsb
	isb
	ldr	pc, =home

home:
	ldr	sp, =_start			@ stack grows down from HOME
	ldr	r7, =HB_PAGE
	ldr	r0, [r7]
	ldr	r1, =HB_MAGIC
	cmp	r0, r1
	bne	no_magic

	/* The saved boot state, then clear the magic. */
	ldr	r8, [r7, #4]			@ entry
	ldr	r9, [r7, #8]			@ machine type
	ldr	r10, [r7, #12]			@ r2
	mov	r0, #0
	str	r0, [r7]
	dsb

	ldr	r0, =msg_found
	bl	puts
	mov	r0, r8
	bl	puthex
	ldr	r0, =msg_mach
	bl	puts
	mov	r0, r9
	bl	puthex
	ldr	r0, =msg_r2
	bl	puts
	mov	r0, r10
	bl	puthex
	ldr	r0, =msg_wipe
	bl	puts

	/* The bootloader's wipe: WIPE_SIZE bytes from RAM_BASE. */
	ldr	r0, =RAM_BASE
	ldr	r1, =RAM_BASE + WIPE_SIZE
	ldr	r2, =WIPE_PATTERN
	mov	r3, r2
	mov	r4, r2
	mov	r5, r2
2:	stmia	r0!, {r2-r5}
	cmp	r0, r1
	blo	2b
	dsb

	ldr	r0, =msg_jump
	bl	puts
	mov	r0, r8
	bl	puthex
	mov	r0, #'\n'
	bl	putc

	/* booting.rst contract: r0 = 0, r1 = machine type, r2 = params. */
	mov	r0, #0
	mov	r1, r9
	mov	r2, r10
	bx	r8

no_magic:
	ldr	r0, =msg_none
	bl	puts
3:	wfi
	b	3b

/* putc(r0): clobbers r1, r2. */
putc:
	ldr	r1, =UART
4:	ldr	r2, [r1, #UART_FR]
	tst	r2, #UART_FR_TXFF
	bne	4b
	str	r0, [r1]
	bx	lr

/* puts(r0 = NUL-terminated string): clobbers r0-r3. */
puts:
	push	{lr}
	mov	r3, r0
5:	ldrb	r0, [r3], #1
	cmp	r0, #0
	popeq	{pc}
	bl	putc
	b	5b

/* puthex(r0): eight hex digits; clobbers r0-r4. */
puthex:
	push	{lr}
	mov	r3, r0
	mov	r4, #28
6:	lsr	r0, r3, r4
	and	r0, r0, #0xf
	cmp	r0, #10
	addlo	r0, r0, #'0'
	addhs	r0, r0, #'a' - 10
	bl	putc
	subs	r4, r4, #4
	bpl	6b
	pop	{pc}

msg_found:	.asciz	"hardboot-standin: magic found; entry "
msg_mach:	.asciz	" machine "
msg_r2:		.asciz	" r2 "
msg_wipe:	.asciz	"\nhardboot-standin: magic cleared; wiping low RAM\n"
msg_jump:	.asciz	"hardboot-standin: jumping to "
msg_none:	.asciz	"hardboot-standin: no hardboot magic; normal boot (halted)\n"
	.balign	4
	.ltorg
	.balign	4
_end:
