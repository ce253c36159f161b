/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86 entry.  The first bytes are a multiboot v1 header with the a.out
 * kludge (flags 0x00010002), so QEMU -kernel and kexec-tools
 * (multiboot-x86) load the blob at CB_MB_LOAD_ADDR and enter it in 32-bit
 * protected mode, paging off, flat segments, EAX = 0x2BADB002, EBX =
 * multiboot info.  The stub keeps the loader's segments and loads its own
 * GDT only to hand over to the kernel (arch_enter).
 */
#include "blob.h"
#include "x86.h"

	.code32
	.section .text.head, "ax"

	.globl	_start
	.hidden	_start
_start:
	.long	CB_MB_MAGIC			/* 0x00 */
	.long	CB_MB_FLAGS			/* 0x04 */
	.long	-(CB_MB_MAGIC + CB_MB_FLAGS)	/* 0x08 checksum */
	.long	_start				/* 0x0c header_addr */
	.long	_start				/* 0x10 load_addr */
	.long	0				/* 0x14 load_end_addr: hostpack */
	.long	0				/* 0x18 bss_end_addr: hostpack */
	.long	start				/* 0x1c entry_addr */

/*
 * Flat 4 GiB code (BOOT_CS) and data (BOOT_DS), accessed bits preset so the
 * CPU never writes into the image (stub_crc covers it).  Selectors 0 and 8
 * are never loaded: the table starts 16 bytes before its first real
 * descriptor, over the end of the multiboot header.
 */
gdt_code:
	.quad	0x00cf9b000000ffff		/* 0x20 */
	.quad	0x00cf93000000ffff
gdt_desc:
	.word	BOOT_DS + 7			/* limit */
	.long	gdt_code - BOOT_CS		/* base */

bad_end:
	/* No stack and no console can be trusted here: stop the CPU. */
	cli
	hlt
	jmp	bad_end

	.org	CB_STUB_INFO_OFFSET
	.long	CB_STUB_MAGIC			/* struct cb_stub_info */
	.word	32, CB_ARCH_X86_64
	.long	0x00010000			/* STUB_VERSION */
	.long	_image_size
	.long	_bss_size
	.long	STACK_SIZE
	.long	CB_FEAT_DEFLATE | CB_FEAT_LZ4
	.long	0

start:
	cli
	cld
	/* Stack: above the blob's end (load_end_addr), below bss_end_addr. */
	movl	_start + CB_MB_LOAD_END_OFFSET, %esp
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
