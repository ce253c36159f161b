/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86 entry, two ways in, both 32-bit protected mode, paging off, flat
 * segments, the blob at CB_MB_LOAD_ADDR (the stub is linked there):
 * - Linux boot protocol (boot.rst; QEMU -kernel, GRUB linux, kexec-tools
 *   bzImage): at the first byte, ESI = boot_params.  The real-mode entry
 *   of the Linux front (setup.S) ends here too.
 * - Multiboot v1 (GRUB multiboot, kexec-tools multiboot-x86): the header
 *   at CB_MB_HEADER_OFFSET with the a.out kludge (flags 0x00010002),
 *   entry_addr = start, EAX = 0x2BADB002, EBX = multiboot info.
 * The stub keeps the loader's segments and loads its own GDT only to hand
 * over to the kernel (arch_enter).
 */
#include "blob.h"
#include "x86.h"

	.code32
	.section .text.head, "ax"

	.globl	_start
	.hidden	_start
_start:
	jmp	linux32
	.balign	4
mb_header:
	.long	CB_MB_MAGIC			/* 0x04 */
	.long	CB_MB_FLAGS
	.long	-(CB_MB_MAGIC + CB_MB_FLAGS)	/* checksum */
	.long	mb_header			/* header_addr */
	.long	_start				/* load_addr */
	.long	0				/* load_end_addr: hostpack */
	.long	0				/* bss_end_addr: hostpack */
	.long	start				/* entry_addr */

/*
 * Flat 4 GiB code (BOOT_CS) and data (BOOT_DS), accessed bits preset so the
 * CPU never writes into the image (stub_crc covers it).  Selectors 0 and 8
 * are never loaded: the table starts 16 bytes before its first real
 * descriptor, over the end of the multiboot header.
 */
	.balign	8
gdt_code:
	.quad	0x00cf9b000000ffff		/* 0x28 */
	.quad	0x00cf93000000ffff
gdt_desc:
	.word	BOOT_DS + 7			/* limit */
	.long	gdt_code - BOOT_CS		/* base */

	.org	CB_STUB_INFO_OFFSET
	.long	CB_STUB_MAGIC			/* struct cb_stub_info */
	.word	32, CB_ARCH_X86_64
	.long	0x00010000			/* STUB_VERSION */
	.long	_image_size
	.long	_bss_size
	.long	STACK_SIZE
	.long	CB_FEAT_DEFLATE | CB_FEAT_LZ4
	.long	0

bad_end:
	/* No stack and no console can be trusted here: stop the CPU. */
	cli
	hlt
	jmp	bad_end

linux32:
	/* A Linux loader: stub_main gets ("HdrS", boot_params) as a multiboot
	 * loader's (magic, info). */
	movl	$LINUX_BOOT_MARK, %eax
	movl	%esi, %ebx
start:
	cli
	cld
	/* Stack: above the blob's end (load_end_addr), below bss_end_addr. */
	movl	mb_header + CB_MB_LOAD_END_OFFSET, %esp
	cmpl	$_image_end, %esp
	jb	bad_end
	cmpl	$0x40000000, %esp
	jae	bad_end
	addl	$STACK_SIZE, %esp
	andl	$~15, %esp

	/* Keep the boot registers: stub_main(eax, ebx, 0, load base, flags 0),
	 * regparm(3): EAX, EDX, ECX, then the stack. */
	pushl	$0
	pushl	$_start
	pushl	%eax
	movl	%ebx, %edx

	/* Clear BSS. */
	movl	$_bss_start, %edi
	movl	$_bss_size, %ecx
	xorl	%eax, %eax
	rep stosb

	popl	%eax
	call	stub_main
	jmp	bad_end

/*
 * arch_enter(entry = EAX, params = EDX): our GDT, DS = ES = SS = BOOT_DS,
 * ESI = params, EBP = EDI = EBX = 0, then a far return loads CS = BOOT_CS
 * and lands on the kernel's 32-bit entry (boot.rst).
 */
	.globl	arch_enter
	.hidden	arch_enter
	.type	arch_enter, @function
arch_enter:
	movl	%edx, %esi
	lgdt	gdt_desc
	pushl	$BOOT_DS
	popl	%ecx
	movl	%ecx, %ds
	movl	%ecx, %es
	movl	%ecx, %ss
	xorl	%ebp, %ebp
	xorl	%edi, %edi
	xorl	%ebx, %ebx
	pushl	$BOOT_CS
	pushl	%eax
	lret
	.size	arch_enter, . - arch_enter

	.section .note.GNU-stack, "", @progbits
