/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the stub reads and writes of the multiboot v1 information structure
 * (Multiboot spec 3.3) and of Linux's zero page (Documentation/arch/x86/
 * boot.rst, zero-page.rst).  Offsets in comments are the specs'.
 */
#ifndef CHAINBOOT_BOOTPARAM_H
#define CHAINBOOT_BOOTPARAM_H
#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

struct mb_info {
	uint32_t flags;			/* 0x00: MBI_F_* say which fields are valid */
	uint32_t mem_lower;
	uint32_t mem_upper;		/* 0x08: KiB from 1 MiB, contiguous */
	uint32_t boot_device;
	uint32_t cmdline;		/* 0x10 */
	uint32_t mods_count;		/* 0x14 */
	uint32_t mods_addr;		/* 0x18: mods_count struct mb_module */
	uint32_t unused[4];		/* symbols */
	uint32_t mmap_length;		/* 0x2c */
	uint32_t mmap_addr;		/* 0x30 */
};

/* A boot module the loader put in memory (spec 3.3): [start, end). */
struct mb_module {
	uint32_t start;
	uint32_t end;
	uint32_t string;
	uint32_t reserved;
};

#define MBI_F_MEM		(1u << 0)
#define MBI_F_CMDLINE		(1u << 2)
#define MBI_F_MODS		(1u << 3)
#define MBI_F_MMAP		(1u << 6)
#define MBI_SIZE		0x58	/* the whole structure, for bounds */

_Static_assert(offsetof(struct mb_info, mods_addr) == 0x18 &&
	       offsetof(struct mb_info, mmap_length) == 0x2c, "multiboot info layout");

/* The setup header, at 0x1f1 in both the bzImage and the zero page. */
struct setup_header {
	uint8_t setup_sects;		/* 0x1f1 */
	uint8_t unused0[14];
	uint8_t jump[2];		/* 0x200: its offset byte ends the header */
	uint32_t header;		/* 0x202: "HdrS" */
	uint16_t version;		/* 0x206 */
	uint8_t unused1[8];
	uint8_t type_of_loader;		/* 0x210 */
	uint8_t loadflags;		/* 0x211 */
	uint16_t setup_move_size;
	uint32_t code32_start;		/* 0x214 */
	uint32_t ramdisk_image;		/* 0x218 */
	uint32_t ramdisk_size;		/* 0x21c */
	uint8_t unused2[8];
	uint32_t cmd_line_ptr;		/* 0x228 */
	uint32_t initrd_addr_max;	/* 0x22c */
	uint32_t kernel_alignment;	/* 0x230 */
	uint8_t relocatable_kernel;	/* 0x234 */
	uint8_t unused3[3];
	uint32_t cmdline_size;		/* 0x238 */
	uint8_t unused4[20];
	uint32_t setup_data;		/* 0x250: u64, a chain of struct setup_data */
	uint32_t setup_data_hi;
	uint32_t pref_address;		/* 0x258: u64, the high half 0 below 4 GiB */
	uint32_t pref_address_hi;
	uint32_t init_size;		/* 0x260 */
} __attribute__((packed));

/* One link of the setup_data chain (boot.rst); the kernel lists each under
 * /sys/kernel/boot_params/setup_data/<n>/ (type, data). */
struct setup_data {
	uint32_t next;			/* u64: the next link's address, 0 ends */
	uint32_t next_hi;
	uint32_t type;
	uint32_t len;			/* of data */
	char data[];
};

/* Our type for the stub's log: not one Linux defines (SETUP_* are small
 * numbers, SETUP_INDIRECT bit 31), "cblg" in memory order. */
#define SETUP_CHAINBOOT_LOG	0x676c6263u

#endif

#define BP_SIZE			0x1000	/* the zero page */
#define BP_EXT_RAMDISK_IMAGE	0x0c0	/* high halves, 0 below 4 GiB */
#define BP_EXT_RAMDISK_SIZE	0x0c4
#define BP_EXT_CMD_LINE_PTR	0x0c8
#define BP_E820_ENTRIES		0x1e8
#define BP_HDR			0x1f1
#define BP_HDR_MAX_END		0x302	/* the longest header its jump allows */
#define BP_E820_TABLE		0x2d0
#define BP_RAMDISK_IMAGE	0x218	/* the setup header's, for entry.S */
#define BP_RAMDISK_SIZE		0x21c
#define BP_CMD_LINE_PTR		0x228
#define BP_SETUP_DATA		0x250
/* What the kernel needs of a Linux loader's zero page besides memory, command
 * line and ramdisk (zero-page.rst): screen_info, acpi_rsdp_addr, efi_info. */
#define BP_SCREEN_INFO		0x000
#define BP_SCREEN_INFO_SIZE	0x40
#define BP_ACPI_RSDP		0x070
#define BP_EFI_INFO		0x1c0
#define BP_EFI_INFO_SIZE	0x20
#define BP_CARRY_SIZE		(BP_SCREEN_INFO_SIZE + 8 + BP_EFI_INFO_SIZE)
#define HDRS_MAGIC		0x53726448
#define LOADFLAGS_CAN_USE_HEAP	0x80
#define MIN_PROTOCOL		0x020c	/* pref_address, xloadflags */

#ifndef __ASSEMBLER__
_Static_assert(offsetof(struct mb_info, mmap_addr) == 0x30, "mb_info");
_Static_assert(offsetof(struct setup_header, jump) == 0x200 - BP_HDR, "jump");
_Static_assert(offsetof(struct setup_header, type_of_loader) == 0x210 - BP_HDR, "loader");
_Static_assert(offsetof(struct setup_header, cmd_line_ptr) == BP_CMD_LINE_PTR - BP_HDR, "cmdline");
_Static_assert(offsetof(struct setup_header, ramdisk_image) == BP_RAMDISK_IMAGE - BP_HDR &&
	       offsetof(struct setup_header, ramdisk_size) == BP_RAMDISK_SIZE - BP_HDR, "ramdisk");
_Static_assert(offsetof(struct setup_header, cmdline_size) == 0x238 - BP_HDR, "cmdline_size");
_Static_assert(offsetof(struct setup_header, init_size) == 0x260 - BP_HDR, "init_size");
_Static_assert(offsetof(struct setup_header, setup_data) == BP_SETUP_DATA - BP_HDR, "setup_data");

#endif

#endif
