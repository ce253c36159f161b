/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm64 entry.  The first 64 bytes are an Image header (Linux
 * Documentation/arch/arm64/booting.rst), so QEMU, U-Boot's booti and
 * kexec-tools take the blob as a kernel Image; then struct cb_stub_info.
 */
#include "blob.h"
#include "asm.h"

	.section .text.head, "ax"

/*
 * Register contract from the loader (booting.rst): x0 = DTB, x1-x3 = 0,
 * EL2 or non-secure EL1, MMU off, D-cache off or cleaned, interrupts
 * masked.  Re-entry after relocation (CB_A64_RESTART_OFF): the same plus
 * x3 = STUB_F_*.
 */
ENTRY(_start)
	mov	x3, #0				// 0x00 code0: first entry
	b	restart				// 0x04 code1: re-entry
	.quad	0				// 0x08 text_offset: runs anywhere
	.quad	0				// 0x10 image_size: hostpack
	.quad	CB_A64_FLAGS			// 0x18 flags
	.quad	0, 0, 0				// 0x20 res2-res4
	.word	CB_A64_MAGIC			// 0x38 "ARM\x64"
	.word	0				// 0x3c res5: no PE header

	.if	. - _start != CB_STUB_INFO_OFFSET
	.error	"cb_stub_info misplaced"
	.endif
	.word	CB_STUB_MAGIC			// struct cb_stub_info
	.hword	32, CB_ARCH_ARM64
	.word	0x00010000			// STUB_VERSION
	.word	_image_size			// stub-compress.py: the stored size
	.word	0				// bss_size: the run copy's BSS is in the stack area
	.word	STACK_SIZE
	.word	CB_FEAT_DEFLATE | CB_FEAT_LZ4 | CB_FEAT_MERGE
	.word	0

	.globl	run_crc
	.hidden	run_crc
run_crc:
	.word	0		// stub-compress.py: CRC-32 of the inflated part

restart:
	msr	daifset, #0xf
	mov	x19, x0
	mov	x20, x1
	mov	x21, x2
	mov	x22, x3
	/* Find where we run. */
	adr	x23, _start
	/* The stack area is the last stack_size bytes of image_size: that
	 * must lie in [stored image size + STACK_SIZE, 1 GiB), else stop,
	 * with no stack and no console to trust. */
	ldr	x4, [x23, #CB_A64_IMAGE_SIZE_OFF]
	ldr	w5, [x23, #CB_STUB_INFO_OFFSET + 12]	// cb_stub_info.image_size
	ldr	w6, stack_size
	add	x7, x5, x6
	cmp	x4, x7
	b.lo	hang
	tst	x4, #~0x3fffffff
	b.ne	hang
	add	x24, x23, x4
	sub	x24, x24, x6
	and	x24, x24, #~15			// x24 = the log, then the run copy
	add	sp, x24, x6

	/*
	 * The run copy at x25, after the log: the image less its front (no
	 * code after the front refers to it; scripts/stub-compress.py
	 * checks), that is the rest unpacked from the stored image: LZMA,
	 * then the branch filter undone (scripts/stub-compress.py).  Its
	 * bytes keep their image offsets, from x25.  The decoder's
	 * probabilities are on the stack.
	 */
	add	x25, x24, #STUB_LOG_SIZE
	adr	x26, _image_front
	sub	x26, x26, x23			// x26 = front size
	adr	x27, _image_end
	sub	x27, x27, x23			// x27 = linked image size
	add	x28, x25, x26			// x28 = run, the first unpacked byte
	mov	x0, x28				// out
	sub	x1, x27, x26			// out_len
	add	x2, x23, x26			// in
	sub	x3, x5, x26			// in_len
	bl	unlzma
	cbnz	w0, hang
	/*
	 * Word by word: each BL's imm26 back to relative (minus the word's
	 * image index), then the word into the CRC-32 (stub/crc32.c's, bit
	 * by bit: a few KiB; a little-endian word is its four bytes).
	 * Nothing unpacked runs unless it is what was linked: the CRC is
	 * run_crc, else stop here.
	 */
	mov	w9, #0x8320
	movk	w9, #0xedb8, lsl #16
	mov	w0, #-1
	mov	x1, x26
4:	ldr	w3, [x25, x1]
	lsr	w2, w3, #26
	cmp	w2, #0x25			// BL
	b.ne	5f
	sub	w3, w3, w1, lsr #2
	bfi	w3, w2, #26, #6
	str	w3, [x25, x1]
5:	eor	w0, w0, w3
	mov	w4, #32
3:	sbfx	w5, w0, #0, #1
	and	w5, w5, w9
	eor	w0, w5, w0, lsr #1
	subs	w4, w4, #1
	b.ne	3b
	add	x1, x1, #4
	cmp	x1, x27
	b.lo	4b
	mvn	w0, w0
	ldr	w1, run_crc
	cmp	w0, w1
	b.ne	hang

	/* New code: out to where instruction fetches see it, should the
	 * loader have left the D-cache on (booting.rst says off), and the
	 * I-cache forgets the old bytes. */
	mov	x1, x28				// every line: none is under 16 bytes
	add	x2, x25, x27
6:	dc	cvau, x1
	add	x1, x1, #16
	cmp	x1, x2
	b.lo	6b
	dsb	sy
	ic	iallu
	dsb	sy
	isb
	br	x28

hang:	wfi
	b	hang
END(_start)

	.balign	4
stack_size:
	.word	STACK_SIZE

	/* The rest is unpacked (ld/stub-arm64.lds) and runs in the run copy
	 * (x25), its BSS after its image.  Caches and MMU off first, whatever
	 * the loader left: it was all unpacked with them as they were. */
	.text
	.globl	run
	.hidden	run
run:
	bl	arch_caches_off
	adr	x0, _bss_start
	adr	x2, _bss_end
	sub	x2, x2, x0
	mov	w1, #0
	bl	memset

	/* stub_main(x0, x1, x2, load base, flags) */
	mov	x0, x19
	mov	x1, x20
	mov	x2, x21
	mov	x3, x23
	mov	w4, w22
	bl	stub_main
1:	wfi
	b	1b

/* arch_jump(regs[3], x3, entry): caches and MMU off, x0-x2 = regs, jump. */
ENTRY(arch_jump)
	mov	x19, x0
	mov	x20, x1
	mov	x21, x2
	bl	arch_caches_off
	ldp	x0, x1, [x19]
	ldr	x2, [x19, #16]
	mov	x3, x20
	br	x21
END(arch_jump)
