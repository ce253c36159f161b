/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ARMv7 hooks: what r2 holds, where the kernel goes (RAM base + TEXT_OFFSET,
 * Documentation/arch/arm/booting.rst), the DTB fixups and the jump.
 */
#include <string.h>
#include "stub.h"
#include "arch.h"
#include "armv7.h"
#include "atags.h"
#include "dt.h"

#define PSCI_SYSTEM_RESET	0x84000009u

static uint32_t read_cpsr(void)
{
	uint32_t v;

	__asm__ volatile("mrs %0, cpsr" : "=r"(v));
	return v;
}

static bool has_generic_timer(void)
{
	uint32_t pfr1;

	__asm__ volatile("mrc p15, 0, %0, c0, c1, 1" : "=r"(pfr1));
	return (pfr1 >> 16) & 0xf;
}

uint64_t arch_ticks(void)
{
	uint32_t lo, hi;

	if (!has_generic_timer())
		return 0;
	__asm__ volatile("isb; mrrc p15, 0, %0, %1, c14" : "=r"(lo), "=r"(hi));
	return ((uint64_t)hi << 32) | lo;
}

uint32_t arch_tick_khz(void)
{
	uint32_t frq;

	if (!has_generic_timer())
		return 0;
	__asm__ volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(frq));
	return frq / 1000;
}

/* r2 is only read where RAM may plausibly be: a window above the 128 MiB
 * aligned base below the blob (AUTO_ZRELADDR's rule), or the board's RAM. */
static bool r2_plausible(const struct stub *s, uintptr_t p)
{
	uint64_t lo = s->load_base & ~0x07ffffffu, hi = lo + ARM_RAM_WINDOW;
	const struct cb_board *b = s->board;

	if (!p || (p & 3))
		return false;
	if (p >= lo && p + 64 <= hi)
		return true;
	return b && b->ram_size && p >= b->ram_base && p + 64 <= b->ram_base + b->ram_size;
}

static unsigned int copy_regions(struct mem_region *to, unsigned int max,
				 const struct dt_region *from, int n)
{
	unsigned int k = 0;
	int i;

	for (i = 0; i < n; i++)
		layout_add(to, &k, max, from[i].base, from[i].size);
	return k;
}

/* RAM and reserved regions; a truncated list keeps its first entries. */
static void map_from_fdt(struct stub *s, const void *fdt)
{
	struct layout_map *m = &s->in.map;
	struct dt_region r[LAYOUT_MAX_RESERVED];
	int n = 0, err;

	err = dt_memory(fdt, r, LAYOUT_MAX_RAM, &n);
	m->nram = (err && err != DT_ERR_NOSPACE) ? 0 :
		  copy_regions(m->ram, LAYOUT_MAX_RAM, r, n);
	n = 0;
	err = dt_memreserve(fdt, r, LAYOUT_MAX_RESERVED, &n);
	m->nreserved = (err && err != DT_ERR_NOSPACE) ? 0 :
		       copy_regions(m->reserved, LAYOUT_MAX_RESERVED, r, n);
}

static void probe_fdt(struct stub *s, const void *fdt)
{
	uint32_t kind, shift;
	uint64_t base;
	int len;
	const char *args;

	s->arch.loader_fdt = fdt;
	map_from_fdt(s, fdt);
	s->in.keep[s->in.nkeep].base = (uintptr_t)fdt;
	s->in.keep[s->in.nkeep++].size = dt_totalsize(fdt);
	if (!console_ready() && dt_stdout_uart(fdt, &kind, &base, &shift) == 0)
		console_init(kind, (uintptr_t)base, shift);
	s->arch.psci = dt_psci_conduit(fdt);
	args = dt_getprop(fdt, dt_path_offset(fdt, "/chosen"), "bootargs", &len);
	if (args && len > 0) {
		s->loader_cmdline = args;
		s->loader_cmdline_len = strnlen(args, (size_t)len);
	}
}

static void probe_atags(struct stub *s, const void *tags, const struct atag_info *ai)
{
	unsigned int i;

	s->arch.atags = tags;
	s->in.map.nram = 0;
	for (i = 0; i < ai->nmem; i++)
		layout_add(s->in.map.ram, &s->in.map.nram, LAYOUT_MAX_RAM,
			   ai->mem[i].start, ai->mem[i].size);
	s->in.keep[s->in.nkeep].base = (uintptr_t)tags;
	s->in.keep[s->in.nkeep++].size = ARM_ATAGS_MAX;
	s->loader_cmdline = ai->cmdline;
	s->loader_cmdline_len = ai->cmdline_len;
}

/* The first packed DTB whose CRC and structure check out, for facts the
 * loader did not give (memory, PSCI). */
static const void *packed_fdt(struct stub *s)
{
	const struct cb_section *sec = blob_find(&s->blob, CB_SEC_DTB, 0);
	uint32_t found;

	if (s->blob_err || !sec || sec->comp != CB_COMP_NONE ||
	    blob_check_section(&s->blob, (unsigned int)(sec - s->blob.sec), &s->crc, &found) ||
	    dt_check(stub_section_data(s, sec), sec->size))
		return NULL;
	return stub_section_data(s, sec);
}

static void fallback_map(struct stub *s)
{
	struct layout_map *m = &s->in.map;
	const void *fdt = packed_fdt(s);
	uint32_t kind, shift;
	uint64_t base;

	if (!console_ready() && fdt && dt_stdout_uart(fdt, &kind, &base, &shift) == 0)
		console_init(kind, (uintptr_t)base, shift);
	if (m->nram == 0 && fdt)
		map_from_fdt(s, fdt);
	if (s->arch.psci == DT_PSCI_NONE && fdt)
		s->arch.psci = dt_psci_conduit(fdt);
	if (m->nram == 0 && s->board && s->board->ram_size) {
		m->ram[0].base = s->board->ram_base;
		m->ram[0].size = s->board->ram_size;
		m->nram = 1;
	}
	if (m->nram == 0) {
		m->ram[0].base = s->load_base & ~0x07ffffffu;
		m->ram[0].size = 0x08000000;
		m->nram = 1;
		log_info("memory: assuming 128 MiB at %08x\n", m->ram[0].base);
	}
}

void arch_probe(struct stub *s)
{
	uintptr_t r2 = s->regs[2];
	struct atag_info ai;

	s->arch.hyp = (read_cpsr() & 0x1f) == 0x1a;
	s->arch.psci = DT_PSCI_NONE;
	if (r2_plausible(s, r2) && dt_check((const void *)r2, ARM_DTB_MAX) == 0)
		probe_fdt(s, (const void *)r2);
	else if (r2_plausible(s, r2) && atags_parse((const void *)r2, ARM_ATAGS_MAX, &ai) == 0)
		probe_atags(s, (const void *)r2, &ai);
	if (s->blob_err)
		return;
	fallback_map(s);
	log_info("entry: %s mode, r1=%08x r2=%08x (%s)", s->arch.hyp ? "HYP" : "SVC",
		 (unsigned int)s->regs[1], (unsigned int)r2,
		 s->arch.loader_fdt ? "DTB" : s->arch.atags ? "ATAGs" : "unusable");
	stub_stage_end(s);
}

/* The DTB the kernel gets: a packed one (best match with the loader's), else
 * the loader's. */
static const void *choose_fdt(struct stub *s)
{
	const struct cb_section *sec, *best = NULL;
	int score, best_score = -1;
	unsigned int i;

	for (i = 0; (sec = blob_find(&s->blob, CB_SEC_DTB, i)) != NULL; i++) {
		/* Read before the full verification: check this one first. */
		stub_check_section(s, sec);
		if (dt_check(stub_section_data(s, sec), sec->size)) {
			log_err("chainboot: section %u (dtb): not a valid device tree\n",
				(unsigned int)(sec - s->blob.sec));
			stub_fail(s, "dtb: bad packed DTB");
		}
		score = s->arch.loader_fdt ?
			dt_root_compatible_match(stub_section_data(s, sec),
						 s->arch.loader_fdt) : 0;
		if (!best || (score >= 0 && (best_score < 0 || score < best_score))) {
			best = sec;
			best_score = score;
		}
	}
	if (best)
		return stub_section_data(s, best);
	return s->arch.loader_fdt;
}

static uint64_t ram_base_of(const struct layout_map *m, uintptr_t addr)
{
	unsigned int i;

	for (i = 0; i < m->nram; i++)
		if (addr >= m->ram[i].base && addr < m->ram[i].base + m->ram[i].size)
			return m->ram[i].base;
	return m->ram[0].base;
}

int arch_plan_requests(struct stub *s)
{
	const struct cb_section *k = blob_find(&s->blob, CB_SEC_KERNEL, 0);
	const struct cb_section *rd = blob_find(&s->blob, CB_SEC_INITRD, 0);
	uint64_t ram = ram_base_of(&s->in.map, s->load_base);
	uint64_t kend = ram + k->load_offset + k->mem_size, lowmem = ram + ARM_LOWMEM_MAX;
	struct layout_req *r = s->in.req;

	s->arch.params_src = choose_fdt(s);
	if (!s->arch.params_src) {
		log_err("chainboot: no device tree: r2 holds none and none is packed\n");
		return -1;
	}
	r[LAYOUT_KERNEL] = (struct layout_req){ .size = k->mem_size, .align = 1,
		.min = ram + k->load_offset, .max = UINT32_MAX, .fixed = true };
	r[LAYOUT_PGTABLE] = (struct layout_req){ .size = ARM_PGTABLE_SIZE,
		.align = ARM_PGTABLE_ALIGN, .max = UINT32_MAX };
	r[LAYOUT_PARAMS] = (struct layout_req){
		.size = dt_totalsize(s->arch.params_src) + STUB_MAX_CMDLINE + 0x1000,
		.align = 0x1000, .min = kend, .max = lowmem };
	r[LAYOUT_INITRD] = (struct layout_req){ .size = rd ? rd->size : 0,
		.align = 0x1000, .min = kend, .max = lowmem };
	return 0;
}

void arch_relocate(struct stub *s)
{
	uintptr_t to = (uintptr_t)s->plan.slot[LAYOUT_BLOB].base;

	log_info("relocating blob to %p", (void *)to);
	stub_stage_end(s);
	memcpy((void *)to, (const void *)s->load_base, s->blob.hdr->blob_size);
	arch_restart(s->regs, STUB_F_VERIFIED, to + 0x3c);
}

int arch_prepare_params(struct stub *s)
{
	char cmd[STUB_MAX_CMDLINE];
	void *fdt = (void *)(uintptr_t)s->plan.slot[LAYOUT_PARAMS].base;
	const struct cb_section *rd = blob_find(&s->blob, CB_SEC_INITRD, 0);
	uint64_t rd_start = rd ? s->plan.slot[LAYOUT_INITRD].base : 0;
	int err, len = stub_cmdline(s, cmd, sizeof(cmd));

	if (len < 0) {
		log_err("chainboot: command line longer than %u bytes\n", STUB_MAX_CMDLINE);
		return -1;
	}
	err = dt_open_into(s->arch.params_src, fdt, s->plan.slot[LAYOUT_PARAMS].size);
	if (!err && s->arch.atags && s->arch.params_src != s->arch.loader_fdt) {
		struct atag_info ai;

		if (atags_parse(s->arch.atags, ARM_ATAGS_MAX, &ai) == 0)
			err = atags_to_dt(&ai, fdt);
	}
	if (!err)
		err = dt_set_chosen(fdt, cmd, rd_start, rd_start + (rd ? rd->size : 0));
	if (err) {
		log_err("chainboot: dtb: %s\n", dt_strerror(err));
		return err;
	}
	log_info("dtb: %s, %u bytes at %p; bootargs \"%s\"",
		 s->arch.params_src == s->arch.loader_fdt ? "loader's" : "packed",
		 dt_totalsize(fdt), fdt, cmd);
	stub_stage_end(s);
	return 0;
}

void arch_boot(struct stub *s)
{
	arch_enter((uintptr_t)s->plan.slot[LAYOUT_KERNEL].base, s->regs[1],
		   (uintptr_t)s->plan.slot[LAYOUT_PARAMS].base);
}

static void psci_reset(int conduit)
{
	register uint32_t r0 __asm__("r0") = PSCI_SYSTEM_RESET;

	if (conduit == DT_PSCI_SMC)
		__asm__ volatile(".arch_extension sec\n\tsmc #0" : "+r"(r0) : : "r1", "r2", "r3", "memory");
	else if (conduit == DT_PSCI_HVC)
		__asm__ volatile(".arch_extension virt\n\thvc #0" : "+r"(r0) : : "r1", "r2", "r3", "memory");
}

void arch_reset(struct stub *s)
{
	const struct cb_board *b = s->board;
	int conduit = s->arch.psci;

	/* An hvc from HYP mode would trap to ourselves. */
	if (conduit == DT_PSCI_NONE && b && b->reset_kind == CB_RESET_PSCI)
		conduit = s->arch.hyp ? DT_PSCI_SMC : DT_PSCI_HVC;
	if (conduit == DT_PSCI_HVC && s->arch.hyp)
		conduit = DT_PSCI_NONE;
	if (b && b->reset_kind == CB_RESET_REG && b->reset_addr) {
		log_err("chainboot: resetting (register %08x)\n", b->reset_addr);
		*(volatile uint32_t *)(uintptr_t)b->reset_addr = b->reset_value;
	}
	if (conduit != DT_PSCI_NONE) {
		log_err("chainboot: resetting (PSCI)\n");
		psci_reset(conduit);
	}
	log_err("chainboot: no reset method worked; halted\n");
	for (;;)
		__asm__ volatile("wfi");
}
