/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The PVH boot ABI's start info, version 1 (Xen's
 * include/public/arch-x86/hvm/start_info.h, docs/misc/pvh.pandoc), as a
 * PVH kernel (Linux arch/x86/platform/pvh/) reads it.
 */
#ifndef CHAINBOOT_PVH_H
#define CHAINBOOT_PVH_H
#include <stddef.h>
#include <stdint.h>
#include "e820.h"

#define HVM_START_MAGIC		0x336ec578
#define HVM_START_VERSION	1	/* the first with memmap */

struct hvm_start_info {
	uint32_t magic;
	uint32_t version;
	uint32_t flags;
	uint32_t nr_modules;
	uint64_t modlist_paddr;		/* nr_modules struct hvm_modlist_entry */
	uint64_t cmdline_paddr;		/* NUL-terminated */
	uint64_t rsdp_paddr;		/* 0: the kernel looks for the RSDP itself */
	uint64_t memmap_paddr;		/* memmap_entries struct hvm_memmap_entry */
	uint32_t memmap_entries;
	uint32_t reserved;
};

/* Linux takes module 0 as its initrd. */
struct hvm_modlist_entry {
	uint64_t paddr;
	uint64_t size;
	uint64_t cmdline_paddr;
	uint64_t reserved;
};

struct hvm_memmap_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;			/* e820 types */
	uint32_t reserved;
};

_Static_assert(sizeof(struct hvm_start_info) == 56 &&
	       offsetof(struct hvm_start_info, modlist_paddr) == 16 &&
	       offsetof(struct hvm_start_info, memmap_paddr) == 40 &&
	       offsetof(struct hvm_start_info, memmap_entries) == 48, "hvm_start_info");
_Static_assert(sizeof(struct hvm_modlist_entry) == 32, "hvm_modlist_entry");
_Static_assert(sizeof(struct hvm_memmap_entry) == 24, "hvm_memmap_entry");

/*
 * The params slot of the fast path, in place of the zero page: the start
 * info, module 0, the memory map, then the command line at PVH_CMDLINE
 * (the zero page's BP_SIZE, so the slot has the bzImage path's size).
 */
#define PVH_MODLIST		0x40
#define PVH_MEMMAP		0x100
#define PVH_CMDLINE		0x1000
_Static_assert(PVH_MEMMAP + E820_MAX_ENTRIES * sizeof(struct hvm_memmap_entry) <= PVH_CMDLINE &&
	       PVH_MODLIST + sizeof(struct hvm_modlist_entry) <= PVH_MEMMAP, "PVH params");

struct stub;

/* Plan the fast path's slots: the kernel image exactly at its load
 * address (pvh_start_xen is not relocatable), the start info, the initrd. */
void pvh_plan_requests(struct stub *s);

/* The start info for the kernel, in the params slot.  0 or -1 (the
 * command line does not fit), having said why. */
int pvh_prepare_params(struct stub *s);

/* Enter the kernel at its PVH entry: EBX = the start info. */
__attribute__((noreturn)) void pvh_boot(struct stub *s);

#endif
