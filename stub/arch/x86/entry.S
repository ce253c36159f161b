/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86 entry, two ways in, both 32-bit protected mode, paging off, flat
 * segments, the blob at CB_MB_LOAD_ADDR (the stub is linked there):
 * - Linux boot protocol (boot.rst; QEMU -kernel, GRUB linux, kexec-tools
 *   bzImage): at the first byte, ESI = boot_params.  The real-mode entry
 *   of the Linux front (setup.S) ends here too.
 * - Multiboot v1 (GRUB multiboot, kexec-tools multiboot-x86): the header
 *   at CB_MB_HEADER_OFFSET with the a.out kludge (flags 0x00010002),
 *   load_end_addr 0 (blob.h says why), entry_addr = start,
 *   EAX = 0x2BADB002, EBX = multiboot info.
 * The stub keeps the loader's segments and loads its own GDT only to hand
 * over to the kernel (arch_enter).
 */
#include "blob.h"
#include "x86.h"
#include "bootparam.h"

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
	.long	0				/* load_end_addr: the whole file */
	.long	0				/* bss_end_addr: hostpack */
	.long	start				/* entry_addr */
	.org	CB_X86_BLOB_END_OFFSET
blob_end:
	.long	0				/* hostpack */

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
	/* Stack: above the blob's end, below bss_end_addr. */
	movl	blob_end, %esp
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
 * arch_restart(base = EAX, a0 = EDX, a1 = ECX), after arch_relocate copied
 * the blob and its log to base: the stack at the top of the copy's stack
 * area, then stub_main(a0, a1, 0, base, STUB_F_VERIFIED), the code where
 * it is (linked at CB_MB_LOAD_ADDR).
 */
	.globl	arch_restart
	.hidden	arch_restart
	.type	arch_restart, @function
arch_restart:
	movl	blob_end, %esp
	subl	$_start - STACK_SIZE, %esp
	addl	%eax, %esp
	andl	$~15, %esp
	pushl	$1				/* STUB_F_VERIFIED */
	pushl	%eax
	movl	%edx, %eax
	movl	%ecx, %edx
	xorl	%ecx, %ecx
	call	stub_main
	jmp	bad_end
	.size	arch_restart, . - arch_restart

/*
 * arch_enter(entry = EAX, params = EDX, ebx = ECX): our GDT, DS = ES = SS
 * = BOOT_DS, ESI = params, EBX = ebx (0 for Linux's 32-bit entry, the
 * start info for a PVH entry), EBP = EDI = 0, then a far return loads CS =
 * BOOT_CS and lands on the kernel's 32-bit entry (boot.rst; pvh.pandoc).
 */
	.globl	arch_enter
	.hidden	arch_enter
	.type	arch_enter, @function
arch_enter:
	movl	%edx, %esi
	movl	%ecx, %ebx
	lgdt	gdt_desc
	pushl	$BOOT_DS
	popl	%ecx
	movl	%ecx, %ds
	movl	%ecx, %es
	movl	%ecx, %ss
	xorl	%ebp, %ebp
	xorl	%edi, %edi
	pushl	$BOOT_CS
	pushl	%eax
	lret
	.size	arch_enter, . - arch_enter

/*
 * The 64-bit entry (boot.rst, "64-bit Boot Protocol"), at
 * CB_LX_ENTRY64_OFF: long mode, RSI = boot_params, the blob wherever the
 * loader liked, even above 4 GiB, and boot_params and the command line
 * too.  Still in long mode, the blob's home [CB_MB_LOAD_ADDR, home_end)
 * (blob, stack, CB_LX_PARAMS_COPY) must be RAM in the loader's e820 table
 * and clear of the current copy (unless it is the current copy), the zero
 * page, the command line, the ramdisk and every setup_data link.  Then the
 * zero page and the command line go to the params copy, the blob home, and
 * a compatibility-mode segment, paging off and EFER.LME off lead to the
 * 32-bit entry.  The loader's page tables must map that low RAM as they
 * map RAM elsewhere (kexec's and UEFI's map all of it).
 * R15 = current base, R14 = boot_params, R13 = home_end, R12 = blob end at
 * home, RBP = params copy, RBX = command line.
 */
	.code64
/* Fails unless [RAX, RAX + RCX) misses home; clobbers RCX. */
home_clear:
	testq	%rcx, %rcx
	jz	1f
	cmpq	%r13, %rax
	jae	1f
	addq	%rax, %rcx
	cmpq	$CB_MB_LOAD_ADDR, %rcx
	ja	lm_fail
1:	ret

/* No console yet: the PC's COM1 as Linux left it, then stop. */
lm_fail:
	leaq	lm_msg(%rip), %rsi
1:	movw	$0x3fd, %dx
2:	inb	%dx, %al
	testb	$0x20, %al
	jz	2b
	lodsb
	testb	%al, %al
	jz	bad_end
	movw	$0x3f8, %dx
	outb	%al, %dx
	jmp	1b

	.code32
compat32:
	movl	%cr0, %eax
	btrl	$31, %eax			/* paging off */
	movl	%eax, %cr0
	movl	$0xc0000080, %ecx		/* EFER.LME off */
	rdmsr
	btrl	$8, %eax
	wrmsr
	movl	$BOOT_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	$LINUX64_BOOT_MARK, %eax
	movl	%ebp, %ebx
	jmp	start

lm_msg:
	.asciz	"chainboot: 64-bit entry: 1 MiB is not free RAM\r\n"

	.org	CB_LX_ENTRY64_OFF
	.code64
lm_main:
	cli
	cld
	leaq	_start(%rip), %r15
	movq	%rsi, %r14
	movl	blob_end(%rip), %r12d
	leal	STACK_SIZE + 15(%r12), %ebp
	andl	$~15, %ebp
	leal	CB_LX_PARAMS_COPY(%rbp), %r13d
	/* A stack at the top of the current copy's stack area (init_size). */
	leaq	-CB_MB_LOAD_ADDR(%r15,%rbp), %rsp

	/* Home is RAM: inside one E820_RAM entry. */
	movzbl	BP_E820_ENTRIES(%r14), %ecx
	leaq	BP_E820_TABLE(%r14), %rdx
	testl	%ecx, %ecx
	jz	lm_fail
1:	cmpl	$1, 16(%rdx)
	jne	2f
	movq	(%rdx), %rax
	cmpq	$CB_MB_LOAD_ADDR, %rax
	ja	2f
	addq	8(%rdx), %rax
	cmpq	%r13, %rax
	jae	3f
2:	addq	$20, %rdx
	loop	1b
	jmp	lm_fail

	/* Home is clear of what the loader placed. */
3:	movq	%r15, %rax
	leaq	-CB_MB_LOAD_ADDR(%r13), %rcx
	cmpq	$CB_MB_LOAD_ADDR, %rax
	je	4f
	call	home_clear
4:	movq	%r14, %rax
	movl	$BP_SIZE, %ecx
	call	home_clear
	movl	BP_EXT_CMD_LINE_PTR(%r14), %ebx
	shlq	$32, %rbx
	movl	BP_CMD_LINE_PTR(%r14), %eax
	orq	%rax, %rbx
	movq	%rbx, %rax
	movl	$CB_LX_CMDLINE_SIZE + 1, %ecx
	call	home_clear
	movl	BP_EXT_RAMDISK_IMAGE(%r14), %eax
	shlq	$32, %rax
	movl	BP_RAMDISK_IMAGE(%r14), %ecx
	orq	%rcx, %rax
	movl	BP_EXT_RAMDISK_SIZE(%r14), %ecx
	shlq	$32, %rcx
	movl	BP_RAMDISK_SIZE(%r14), %edx
	orq	%rdx, %rcx
	call	home_clear
	movq	BP_SETUP_DATA(%r14), %rdx
	movl	$64, %esi			/* links, against a looping chain */
5:	testq	%rdx, %rdx
	jz	6f
	decl	%esi
	jz	lm_fail
	movq	%rdx, %rax
	movl	12(%rdx), %ecx
	addq	$16, %rcx
	call	home_clear
	movq	(%rdx), %rdx
	jmp	5b

	/* The zero page and the command line (NUL-terminated) to the copy. */
6:	movq	%r14, %rsi
	movl	%ebp, %edi
	movl	$BP_SIZE, %ecx
	rep movsb
	testq	%rbx, %rbx
	jz	8f
	movq	%rbx, %rsi
	movl	$CB_LX_CMDLINE_SIZE, %ecx
7:	lodsb
	stosb
	testb	%al, %al
	loopnz	7b
	movb	$0, (%rdi)
	leal	BP_SIZE(%rbp), %eax
	movl	%eax, BP_CMD_LINE_PTR(%rbp)
	movl	$0, BP_EXT_CMD_LINE_PTR(%rbp)

	/* The blob home. */
8:	movq	%r15, %rsi
	movl	$CB_MB_LOAD_ADDR, %edi
	leal	-CB_MB_LOAD_ADDR(%r12), %ecx
	rep movsb

	/* Out of long mode: our GDT (a 10-byte pointer here), BOOT_CS. */
	subq	$16, %rsp
	movw	$BOOT_DS + 7, (%rsp)
	movl	$gdt_code - BOOT_CS, %eax
	movq	%rax, 2(%rsp)
	lgdt	(%rsp)
	pushq	$BOOT_CS
	movl	$compat32, %eax
	pushq	%rax
	lretq

/*
 * The stub's variadic functions (console.h, stub.h) are their word forms:
 * every argument is a word, and i386 passes a variadic function's
 * arguments on the stack after the return address, a word each
 * (-mregparm does not apply to variadic functions).  console_words() and stub_fail_words() take theirs in EAX, EDX
 * and ECX (-mregparm=3).
 */
	.code32
	.text
	.globl	console_info, console_printf, stub_fail
	.hidden	console_info, console_printf, stub_fail
	.type	console_info, @function
	.type	console_printf, @function
	.type	stub_fail, @function
console_info:
	movl	$1, %eax
	jmp	1f
console_printf:
	xorl	%eax, %eax
1:	movl	4(%esp), %edx			/* fmt */
	leal	8(%esp), %ecx			/* the words after it */
	jmp	console_words
	.size	console_info, console_printf - console_info
	.size	console_printf, . - console_printf

stub_fail:					/* (s, fmt, ...): no return */
	movl	4(%esp), %eax
	movl	8(%esp), %edx
	leal	12(%esp), %ecx
	call	stub_fail_words
	.size	stub_fail, . - stub_fail

	.section .note.GNU-stack, "", @progbits
