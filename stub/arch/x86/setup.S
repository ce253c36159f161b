/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Linux front: boot sector and one setup sector, which hostpack writes
 * before the blob so that the file is a bzImage (Documentation/arch/x86/
 * boot.rst).  The blob is the protected-mode part: loaders put it at
 * code32_start (CB_MB_LOAD_ADDR, not relocatable) and enter its first byte
 * in 32-bit mode with ESI = boot_params (entry.S).  hostpack fills in
 * syssize and init_size.  Linked at 0 (real-mode offsets), stored just
 * before the stub image in build/stub-x86_64.bin (ld/stub-x86_64.lds).
 *
 * Loaders that start the real-mode part (QEMU -kernel, syslinux, GRUB
 * linux16) jump to offset 0x200 with CS = DS + 0x20 and DS = ES = SS = the
 * segment of this sector, the setup header filled in.  The code below
 * makes that a 32-bit entry: boot_params is this very area (the header is
 * at 0x1f1 in both); the BIOS e820 map goes to its table at 0x2d0, past
 * the header, where only padding was.
 */
#include "blob.h"
#include "x86.h"

#define SMAP		0x534d4150
#define BP_E820_ENTRIES	0x1e8
#define BP_E820_TABLE	0x2d0
#define BP_EXT_FIELDS	0x0c0	/* ext_ramdisk_*, ext_cmd_line_ptr: must stay 0 */

	.code16
	.section .linux_front, "ax"

rm_main:				/* CS = DS = the setup segment, IRQs off */
	cld
	/* A20 on through the fast gate (port 0x92), never a reset. */
	inb	$0x92, %al
	orb	$2, %al
	andb	$~1, %al
	outb	%al, $0x92

	/* The BIOS memory map, INT 15h AX=E820h, 20-byte entries, at most 128. */
	pushw	%ds
	popw	%es
	movw	$BP_E820_TABLE, %di
	xorl	%ebx, %ebx
	movb	%bl, BP_E820_ENTRIES
1:	movl	$0xe820, %eax
	movl	$20, %ecx
	movl	$SMAP, %edx
	int	$0x15
	jc	2f
	cmpl	$SMAP, %eax
	jne	2f
	addw	$20, %di
	incb	BP_E820_ENTRIES
	js	2f				/* 128 entries */
	testl	%ebx, %ebx
	jnz	1b
2:	cli

	/* ESI = boot_params, EBP = the stack's linear address, ECX = entry. */
	xorl	%esi, %esi
	movw	%ds, %si
	shll	$4, %esi
	xorl	%ebp, %ebp
	movw	%ss, %bp
	shll	$4, %ebp
	movzwl	%sp, %eax
	addl	%eax, %ebp
	leal	gdt_code - BOOT_CS(%esi), %eax
	movl	%eax, gdt_desc + 2
	lgdtl	gdt_desc
	movl	CB_LX_CODE32_OFF, %ecx

	/* Protected mode, flat segments, then a far return to code32_start. */
	movl	%cr0, %eax
	orb	$1, %al
	movl	%eax, %cr0
	movw	$BOOT_DS, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	movl	%ebp, %esp
	pushl	$BOOT_CS
	pushl	%ecx
	lretl

	.balign	8
gdt_desc:				/* over the unused null descriptor */
	.word	BOOT_DS + 7
	.long	0			/* base: set above */
	.word	0
gdt_code:				/* BOOT_CS, BOOT_DS: flat 4 GiB */
	.quad	0x00cf9b000000ffff
	.quad	0x00cf93000000ffff
	.org	BP_EXT_FIELDS		/* an error if the code ran into them */

	/* At efi_info: entered through here, boot_params is this sector. */
	.org	0x1c0
	.long	CB_LX_FRONT_MAGIC

	/* The setup header (boot.rst "The real-mode kernel header"). */
	.org	CB_LX_SETUP_SECTS_OFF
	.byte	CB_LX_SETUP_SECTS
	.word	0			/* root_flags */
	.long	0			/* 0x1f4 syssize: hostpack */
	.word	0			/* ram_size */
	.word	0xffff			/* vid_mode: normal */
	.word	0			/* root_dev */
	.word	0xaa55			/* 0x1fe boot_flag */
	.byte	0xeb, hdr_end - 0x202	/* 0x200 jump */
	.long	CB_LX_HDRS		/* 0x202 */
	.word	CB_LX_VERSION		/* 0x206 */
	.long	0			/* realmode_swtch */
	.word	0			/* start_sys_seg (obsolete) */
	.word	0			/* kernel_version: none */
	.byte	0			/* 0x210 type_of_loader */
	.byte	CB_LX_LOADED_HIGH	/* 0x211 loadflags */
	.word	0			/* setup_move_size */
	.long	CB_MB_LOAD_ADDR		/* 0x214 code32_start */
	.long	0, 0			/* ramdisk_image, ramdisk_size */
	.long	0			/* bootsect_kludge */
	.word	0			/* 0x224 heap_end_ptr */
	.byte	0, 0			/* ext_loader_ver, ext_loader_type */
	.long	0			/* 0x228 cmd_line_ptr */
	.long	CB_LX_INITRD_MAX	/* 0x22c initrd_addr_max */
	.long	0x1000			/* 0x230 kernel_alignment */
	.byte	0			/* 0x234 relocatable_kernel */
	.byte	12			/* min_alignment: 4 KiB */
	.word	CB_LX_XLOADFLAGS	/* 0x236 xloadflags: the 64-bit entry, anywhere */
	.long	CB_LX_CMDLINE_SIZE	/* 0x238 cmdline_size */
	.long	0			/* hardware_subarch: PC */
	.quad	0			/* hardware_subarch_data */
	.long	0, 0			/* payload_offset, payload_length */
	.quad	0			/* 0x250 setup_data */
	.quad	CB_MB_LOAD_ADDR		/* 0x258 pref_address */
	.long	0			/* 0x260 init_size: hostpack */
	.long	0			/* 0x264 handover_offset: no EFI */
hdr_end:

	/* Entered here through the jump at 0x200, CS = DS + 0x20: continue at
	 * rm_main with CS = DS. */
	cli
	pushw	%ds
	pushw	$rm_main
	lret

	.org	CB_LX_FRONT_SIZE

	.section .note.GNU-stack, "", @progbits
