/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86 entry.  The first bytes are a multiboot v1 header with the a.out
 * kludge (flags 0x00010002), so QEMU -kernel and kexec-tools
 * (multiboot-x86) load the blob at CB_MB_LOAD_ADDR and enter it in 32-bit
 * protected mode, paging off, EAX = 0x2BADB002, EBX = multiboot info.
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
	jmp	start				/* 0x20 */

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
	movl	%eax, %esi			/* loader magic */
	movl	%ebx, %edi			/* multiboot info */
	lgdt	gdt_desc
	ljmp	$BOOT_CS, $1f
1:	movl	$BOOT_DS, %eax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movw	%ax, %fs
	movw	%ax, %gs

	/* Stack: above the blob's end (load_end_addr), below bss_end_addr. */
	movl	_start + CB_MB_LOAD_END_OFFSET, %eax
	cmpl	$_image_end, %eax
	jb	bad_end
	cmpl	$0x40000000, %eax
	jae	bad_end
	addl	$STACK_SIZE, %eax
	andl	$~15, %eax
	movl	%eax, %esp

	/* Clear BSS. */
	movl	%edi, %ebx
	movl	$_bss_start, %edi
	movl	$_bss_size, %ecx
	xorl	%eax, %eax
	rep stosb

	/* stub_main(eax, ebx, 0, load base, flags 0) */
	pushl	$0
	pushl	$_start
	pushl	$0
	pushl	%ebx
	pushl	%esi
	call	stub_main
bad_end:
	/* No stack and no console can be trusted here: stop the CPU. */
	cli
	hlt
	jmp	bad_end

/* arch_enter(entry, params): our GDT, ESI = params, jump in protected mode. */
	.globl	arch_enter
	.hidden	arch_enter
	.type	arch_enter, @function
arch_enter:
	cli
	movl	4(%esp), %eax
	movl	8(%esp), %esi
	lgdt	gdt_desc
	ljmp	$BOOT_CS, $2f
2:	movl	$BOOT_DS, %ecx
	movw	%cx, %ds
	movw	%cx, %es
	movw	%cx, %ss
	movw	%cx, %fs
	movw	%cx, %gs
	xorl	%ebp, %ebp
	xorl	%edi, %edi
	xorl	%ebx, %ebx
	jmp	*%eax
	.size	arch_enter, . - arch_enter

/* Flat 4 GiB code (0x10) and data (0x18), accessed bits preset so the CPU
 * never writes into the image (stub_crc covers it). */
	.balign	8
gdt:
	.quad	0
	.quad	0
	.quad	0x00cf9b000000ffff
	.quad	0x00cf93000000ffff
gdt_end:
	.balign	4
gdt_desc:
	.word	gdt_end - gdt - 1
	.long	gdt

	.section .note.GNU-stack, "", @progbits
