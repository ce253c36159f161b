/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The x86 fast path (blob.h CB_SEC_PVH): the vmlinux image decoded where
 * it runs, entered at its PVH entry with an hvm_start_info (pvh.h) built
 * from the same facts the zero page gets on the bzImage path.
 */
#include <string.h>
#include "stub.h"
#include "console.h"
#include "pvh.h"
#include "x86.h"

#define MIB	0x100000u

void pvh_plan_requests(struct stub *s)
{
	const struct cb_section *sec = blob_find(&s->blob, CB_SEC_PVH, 0);
	struct layout_req *r = s->in.req;

	/* Planning reads it before the full verification: check it first. */
	stub_check_section(s, sec);
	s->arch.pvh = stub_section_data(s, sec);
	sec = blob_find(&s->blob, CB_SEC_KERNEL, 0);
	x86_request(&r[LAYOUT_KERNEL], sec->mem_size, 1, sec->load_offset, UINT32_MAX);
	r[LAYOUT_KERNEL].fixed = true;
	x86_request(&r[LAYOUT_PARAMS], PVH_CMDLINE + STUB_MAX_CMDLINE, 0x1000, MIB, UINT32_MAX);
	sec = blob_find(&s->blob, CB_SEC_INITRD, 0);
	x86_request(&r[LAYOUT_INITRD], sec ? sec->size : 0, 0x1000, MIB, UINT32_MAX);
	r[LAYOUT_INITRD].high = true;
	log_info("path: pvh, entry %08x\n", s->arch.pvh->entry);
}

/* The packed initrd, else the Linux loader's ramdisk, as module 0. */
static uint32_t set_module(const struct stub *s, struct hvm_modlist_entry *m)
{
	const struct mem_region *rd = &s->plan.slot[LAYOUT_INITRD];

	m->paddr = rd->size ? rd->base : s->arch.rd_base;
	m->size = rd->size ? rd->size : s->arch.rd_size;
	return m->size ? 1 : 0;
}

int pvh_prepare_params(struct stub *s)
{
	uint8_t *p = (uint8_t *)s->plan.slot[LAYOUT_PARAMS].base;
	struct hvm_start_info *si = (struct hvm_start_info *)p;
	struct hvm_modlist_entry *mod = (struct hvm_modlist_entry *)(p + PVH_MODLIST);
	struct hvm_memmap_entry *mm = (struct hvm_memmap_entry *)(p + PVH_MEMMAP);
	char *cmd = (char *)p + PVH_CMDLINE;
	unsigned int i;

	if (stub_cmdline(s, cmd, STUB_MAX_CMDLINE) < 0) {
		log_err("chainboot: cmdline > %u\n", STUB_MAX_CMDLINE - 1);
		return -1;
	}
	memset(p, 0, PVH_CMDLINE);
	si->magic = HVM_START_MAGIC;
	si->version = HVM_START_VERSION;
	si->cmdline_paddr = (uint32_t)cmd;
	/* Our placements are RAM to the kernel, as on the bzImage path. */
	for (i = 0; i < s->arch.ne820; i++, mm++) {
		mm->addr = s->arch.e820[i].addr;
		mm->size = s->arch.e820[i].size;
		mm->type = s->arch.e820[i].type;
	}
	si->memmap_paddr = (uint32_t)(p + PVH_MEMMAP);
	si->memmap_entries = s->arch.ne820;
	si->nr_modules = set_module(s, mod);
	if (si->nr_modules)
		si->modlist_paddr = (uint32_t)mod;
	log_info("start info %p: \"%s\"", si, cmd);
	stub_stage_end(s);
	return 0;
}

void pvh_boot(struct stub *s)
{
	uint32_t si = s->plan.slot[LAYOUT_PARAMS].base;

	arch_enter(s->arch.pvh->entry, si, si);
}
