/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86 hooks: what the multiboot loader handed over, where the bzImage's
 * protected-mode code goes, the zero page and the 32-bit boot protocol
 * (Documentation/arch/x86/boot.rst, zero-page.rst).
 */
#include <string.h>
#include "stub.h"
#include "arch.h"
#include "bootparam.h"
#include "console.h"
#include "pvh.h"
#include "x86.h"

#define MB_CMDLINE_MAX		4096
#define MB_MMAP_MAX_LEN		0x10000
#define MIB			0x100000u

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

/* A loader structure must lie inside the first 4 GiB, away from page 0. */
static bool plausible(uint32_t p, uint32_t size)
{
	return p >= 0x1000 && size <= 0u - p;
}

/* Loader data read again after a relocation (arch_probe): no slot but the
 * kernel may cover it. */
static void keep(struct stub *s, uint32_t base, uint32_t size)
{
	if (s->in.nkeep < sizeof(s->in.keep) / sizeof(s->in.keep[0]))
		s->in.keep[s->in.nkeep++] = (struct mem_region){ base, size };
}

/*
 * Multiboot loaders (GRUB, QEMU, kexec-tools) put the image's path first:
 * a first word holding a '/' is that path, not a kernel parameter.  Linux
 * loaders do not (@mb false): there "root=/dev/sda1" is a parameter.
 */
static void set_loader_cmdline(struct stub *s, const char *c, bool mb)
{
	const char *p = c, *end = c + strnlen(c, MB_CMDLINE_MAX);
	bool path = false;

	/* Read when the zero page is built: no slot may cover it. */
	keep(s, (uint32_t)c, end - c + 1);
	while (mb && p < end && *p != ' ')
		path |= *p++ == '/';
	while (path && p < end && *p == ' ')
		p++;
	s->loader_cmdline = path ? p : c;
	s->loader_cmdline_len = end - s->loader_cmdline;
}

/* The zero-page fields passed on from a Linux loader to the kernel: its
 * screen (what the first kernel's real-mode setup found, or the console
 * kexec inherited), the ACPI RSDP and the EFI system table, which an EFI
 * machine's kernel cannot find otherwise. */
static const uint16_t bp_carry[][2] = {
	{ BP_SCREEN_INFO, BP_SCREEN_INFO_SIZE },
	{ BP_ACPI_RSDP, 8 },
	{ BP_EFI_INFO, BP_EFI_INFO_SIZE },
};

/* Copy the carried fields from the zero page @bp (@in) or back into it. */
static void carry_fields(uint8_t *carry, uint8_t *bp, bool in)
{
	unsigned int i;

	for (i = 0; i < sizeof(bp_carry) / sizeof(bp_carry[0]); i++) {
		uint8_t *f = bp + bp_carry[i][0];

		if (in)
			memcpy(carry, f, bp_carry[i][1]);
		else
			memcpy(f, carry, bp_carry[i][1]);
		carry += bp_carry[i][1];
	}
}

/*
 * What a Linux loader handed over in its zero page (boot.rst): the e820
 * table, the command line, the ramdisk and the setup_data chain; returns
 * how many e820 entries were lost.  Everything is copied now: the zero
 * page itself may be overwritten later.  Data above 4 GiB (an ext_ half
 * set) is out of reach with paging off and is left alone.
 */
static unsigned int probe_linux(struct stub *s, const uint8_t *bp)
{
	const struct setup_header *h = (const void *)(bp + BP_HDR);
	struct arch_state *a = &s->arch;
	unsigned int dropped;

	a->ne820 = e820_from_table(a->e820, (const void *)(bp + BP_E820_TABLE),
				   bp[BP_E820_ENTRIES], &dropped);
	if (h->cmd_line_ptr && !*(const uint32_t *)(bp + BP_EXT_CMD_LINE_PTR) &&
	    plausible(h->cmd_line_ptr, MB_CMDLINE_MAX))
		set_loader_cmdline(s, (const char *)h->cmd_line_ptr, false);
	if (h->ramdisk_size && !*(const uint32_t *)(bp + BP_EXT_RAMDISK_IMAGE) &&
	    !*(const uint32_t *)(bp + BP_EXT_RAMDISK_SIZE)) {
		a->rd_base = h->ramdisk_image;
		a->rd_size = h->ramdisk_size;
	}
	a->sd_next = h->setup_data;
	a->sd_next_hi = h->setup_data_hi;
	if (*(const uint32_t *)(bp + BP_EFI_INFO) != CB_LX_FRONT_MAGIC)
		carry_fields(a->carry, (uint8_t *)bp, true);
	return dropped;
}

/*
 * The Linux loader's ramdisk and each link of its setup_data chain (below
 * 4 GiB) are reserved, as multiboot modules are: the ramdisk may become
 * the kernel's (arch_prepare_params), the chain stays the kernel's (after
 * the stub's own link, arch_boot).  A chain longer than the planner holds,
 * or one that cannot be read, makes the map unusable: reserve_modules().
 */
static void reserve_linux(struct layout_map *m, const struct arch_state *a)
{
	const struct setup_data *sd;
	struct mem_region *r = m->reserved;
	uint32_t p = a->sd_next, hi = a->sd_next_hi;

	m->nreserved = 0;
	if (a->rd_size) {
		*r++ = (struct mem_region){ a->rd_base, a->rd_size };
		m->nreserved++;
		log_info(" ramdisk %08x+%x\n", a->rd_base, a->rd_size);
	}
	for (; p && !hi; p = sd->next, hi = sd->next_hi, r++) {
		sd = (const struct setup_data *)p;
		if (m->nreserved == LAYOUT_MAX_RESERVED || !plausible(p, sizeof(*sd)) ||
		    !plausible(p, sizeof(*sd) + sd->len)) {
			m->nreserved = LAYOUT_MAX_RESERVED + 1;
			return;
		}
		*r = (struct mem_region){ p, sizeof(*sd) + sd->len };
		m->nreserved++;
		log_info(" setup_data %08x+%x\n", r->base, r->size);
	}
}

/*
 * The e820 table from the multiboot mmap, else from mem_upper, else 64 MiB;
 * returns how many entries did not fit.  Each field is read only when its
 * flag says it is valid.  Out of line (as request() below), its stores are
 * short offsets from @a rather than long ones from struct stub.
 */
static __attribute__((noinline)) unsigned int
probe_memory(struct arch_state *a, const struct mb_info *mbi, uint32_t flags)
{
	uint32_t len, kib = 0;
	unsigned int dropped = 0;

	if (flags & MBI_F_MMAP) {
		len = mbi->mmap_length;
		if (len > MB_MMAP_MAX_LEN)
			len = MB_MMAP_MAX_LEN;
		if (plausible(mbi->mmap_addr, len))
			a->ne820 = e820_from_mmap(a->e820, (const uint8_t *)mbi->mmap_addr,
						  len, &dropped);
		if (a->ne820)
			return dropped;
	}
	if (flags & MBI_F_MEM)
		kib = mbi->mem_upper;
	if (kib > (0u - MIB) >> 10)
		kib = (0u - MIB) >> 10;
	if (!kib) {
		kib = 63 << 10;
		log_info("64 MiB assumed\n");
	}
	a->e820[0] = (struct e820_entry){ 0, 0x9f000, E820_RAM };
	a->e820[1] = (struct e820_entry){ MIB, kib << 10, E820_RAM };
	a->ne820 = 2;
	return 0;
}

/*
 * Boot modules the loader placed (GRUB's `module`, QEMU's -initrd) are not
 * ours to overwrite: they become reserved regions, which no slot, not even
 * the kernel, may touch.  More than the planner holds, or a list that cannot
 * be read, makes the map unusable, and so does a module ending before it
 * starts (layout_plan refuses a wrapping region): better no boot than a
 * clobbered module.  The first module is the loader's ramdisk, as a Linux
 * loader's is: the kernel's when no initrd is packed (arch_prepare_params).
 */
static void reserve_modules(struct layout_map *m, struct arch_state *a,
			    const struct mb_info *mbi)
{
	const struct mb_module *mod = (const struct mb_module *)mbi->mods_addr;
	struct mem_region *r = m->reserved;
	uint32_t n = mbi->mods_count;

	m->nreserved = n;	/* the only reserved regions on x86 */
	if (n > LAYOUT_MAX_RESERVED || (n && !plausible(mbi->mods_addr, n * sizeof(*mod)))) {
		m->nreserved = LAYOUT_MAX_RESERVED + 1;
		return;
	}
	for (; n--; mod++, r++) {
		r->base = mod->start;
		r->size = mod->end - mod->start;
		log_info(" module %08x+%x\n", r->base, r->size);
	}
	if (m->nreserved) {
		a->rd_base = m->reserved[0].base;
		a->rd_size = m->reserved[0].size;
	}
}

void arch_probe(struct stub *s)
{
	const struct mb_info *mbi = (const struct mb_info *)s->regs[1];
	const struct e820_entry *e = s->arch.e820;
	bool lx = (s->regs[0] == LINUX_BOOT_MARK || s->regs[0] == LINUX64_BOOT_MARK) &&
		  plausible(s->regs[1], BP_SIZE);
	uint32_t flags = 0;
	unsigned int i, dropped = 0;

	if (!console_ready())
		console_init(CB_UART_8250_IO, 0x3f8, 0);
	if (s->regs[0] == MB_BOOT_MAGIC && plausible(s->regs[1], MBI_SIZE)) {
		flags = mbi->flags;
		keep(s, s->regs[1], MBI_SIZE);
		if (flags & MBI_F_MMAP)
			keep(s, mbi->mmap_addr, mbi->mmap_length);
	}
	if (lx) {
		keep(s, s->regs[1], BP_SIZE);
		dropped = probe_linux(s, (const uint8_t *)s->regs[1]);
	}
	if (!s->arch.ne820)	/* multiboot, or a zero page without a map */
		dropped = probe_memory(&s->arch, mbi, flags);
	/* Low RAM too: every request here starts at 1 MiB or above. */
	for (i = 0; i < s->arch.ne820; i++, e++)
		if (e->type == E820_RAM)
			layout_add(s->in.map.ram, &s->in.map.nram, LAYOUT_MAX_RAM,
				   e->addr, e->size);
	if ((flags & MBI_F_CMDLINE) && plausible(mbi->cmdline, MB_CMDLINE_MAX))
		set_loader_cmdline(s, (const char *)mbi->cmdline, true);
	log_info("%s %x %x: e820 %u (%u lost)", lx ? "linux" : "mb",
		 (uint32_t)s->regs[0], (uint32_t)s->regs[1], s->arch.ne820, dropped);
	stub_stage_end(s);
	if (lx)
		reserve_linux(&s->in.map, &s->arch);
	if (flags & MBI_F_MODS)
		reserve_modules(&s->in.map, &s->arch, mbi);
	/* After a relocation the code still runs at CB_MB_LOAD_ADDR. */
	if (s->load_base != CB_MB_LOAD_ADDR && s->in.map.nreserved < LAYOUT_MAX_RESERVED)
		s->in.map.reserved[s->in.map.nreserved++] =
			(struct mem_region){ CB_MB_LOAD_ADDR, _bss_end - _start };
}

static uint32_t align_up(uint32_t v, uint32_t a)
{
	return (v + a - 1) & ~(a - 1);
}

__attribute__((noinline)) void
x86_request(struct layout_req *q, uint32_t size, uint32_t align, uint32_t min, uint32_t max)
{
	q->size = size;
	q->align = align;
	q->min = min;
	q->max = max;
}

/* s->in.req[] starts zeroed (stub_main): only what differs is set. */
int arch_plan_requests(struct stub *s)
{
	/* blob_open made sure an x86 blob has KERNEL, and SETUP or PVH. */
	const struct cb_section *sec = blob_find(&s->blob, CB_SEC_SETUP, 0);
	const struct setup_header *h;
	struct layout_req *r = s->in.req;
	uint32_t ver = 0, size;

	if (!sec) {
		pvh_plan_requests(s);
		return 0;
	}
	h = (const void *)(s->blob.base + sec->offset + BP_HDR);
	if (sec->comp == CB_COMP_NONE && sec->size >= BP_HDR_MAX_END) {
		/* Planning reads it before the full verification: check it first. */
		stub_check_section(s, sec);
		if (h->header == HDRS_MAGIC && h->relocatable_kernel)
			ver = h->version;
	}
	/* Like hostpack, take only relocatable kernels: never one on the blob. */
	if (ver < MIN_PROTOCOL) {
		log_err("chainboot: bad setup header v%x\n", ver);
		return -1;
	}
	s->arch.setup = h;
	log_info("path: bzImage\n");
	/*
	 * boot.rst: a relocatable kernel runs from align_up(max(load, pref))
	 * and needs init_size from there; the layout checks the alignment.
	 * pref_address is below 4 GiB for a kernel entered in 32-bit mode.
	 */
	sec = blob_find(&s->blob, CB_SEC_KERNEL, 0);
	size = h->init_size > sec->mem_size ? h->init_size : sec->mem_size;
	x86_request(&r[LAYOUT_KERNEL], size, h->kernel_alignment,
		align_up(h->pref_address > MIB ? h->pref_address : MIB, h->kernel_alignment),
		UINT32_MAX);
	/* The command line follows the zero page in its slot, then the log. */
	x86_request(&r[LAYOUT_PARAMS], BP_SIZE + STUB_MAX_CMDLINE + sizeof(struct setup_data) +
		STUB_LOG_SIZE, 0x1000, MIB, UINT32_MAX);
	sec = blob_find(&s->blob, CB_SEC_INITRD, 0);
	x86_request(&r[LAYOUT_INITRD], sec ? sec->size : 0, 0x1000, MIB, h->initrd_addr_max);
	r[LAYOUT_INITRD].high = true;
	return 0;
}

void arch_mmu_on(struct stub *s)
{
	(void)s;	/* paging off, caches on: nothing to do */
}

/* The stack area starts at the blob's end, the word hostpack writes at
 * CB_X86_BLOB_END_OFFSET (entry.S puts the stack at its top). */
struct stub_log *arch_log_area(uintptr_t load_base)
{
	uint32_t end = *(const uint32_t *)(load_base + CB_X86_BLOB_END_OFFSET);

	return (struct stub_log *)((load_base + end - CB_MB_LOAD_ADDR + 7) & ~7u);
}

/*
 * Only the fast path's kernel, fixed at its load address, may be planned
 * over the blob (a relocatable one is placed off it).  The blob and the
 * log move; the code goes on running at CB_MB_LOAD_ADDR, below any
 * kernel (arch_probe reserves it on the restart).
 */
void arch_relocate(struct stub *s)
{
	arch_restart(stub_move_blob(s), s->regs[0], s->regs[1]);
}

int arch_prepare_params(struct stub *s)
{
	const struct mem_region *slot = s->plan.slot;
	uint8_t *bp = (uint8_t *)slot[LAYOUT_PARAMS].base;
	struct setup_header *h = (struct setup_header *)(bp + BP_HDR);
	char *cmd = (char *)bp + BP_SIZE;
	uint32_t cap;

	if (s->arch.pvh)
		return pvh_prepare_params(s);
	cap = s->arch.setup->cmdline_size + 1;
	if (cap - 1 >= STUB_MAX_CMDLINE)	/* cmdline_size excludes the NUL */
		cap = STUB_MAX_CMDLINE;
	if (stub_cmdline(s, cmd, cap) < 0) {
		log_err("chainboot: cmdline > %u\n", cap - 1);
		return -1;
	}
	memset(bp, 0, BP_SIZE);
	carry_fields(s->arch.carry, bp, false);	/* zeros after multiboot */
	memcpy(h, s->arch.setup, 0x202 + s->arch.setup->jump[1] - BP_HDR);
	h->type_of_loader = 0xff;
	h->loadflags &= (uint8_t)~LOADFLAGS_CAN_USE_HEAP;
	h->code32_start = slot[LAYOUT_KERNEL].base;
	h->cmd_line_ptr = (uint32_t)cmd;
	/* The packed initrd, else the loader's ramdisk (or first module), else 0/0; the
	 * ext_ fields stay 0: all below 4 GiB. */
	h->ramdisk_image = slot[LAYOUT_INITRD].base;
	h->ramdisk_size = slot[LAYOUT_INITRD].size;
	if (!h->ramdisk_size) {
		h->ramdisk_image = s->arch.rd_base;
		h->ramdisk_size = s->arch.rd_size;
	}
	/* Our placements are RAM to the kernel: it reserves what it is told of. */
	memcpy(bp + BP_E820_TABLE, s->arch.e820, s->arch.ne820 * sizeof(struct e820_entry));
	bp[BP_E820_ENTRIES] = (uint8_t)s->arch.ne820;
	log_info("zero page %p: \"%s\"", bp, cmd);
	stub_stage_end(s);
	return 0;
}

void arch_boot(struct stub *s)
{
	uint8_t *bp = (uint8_t *)s->plan.slot[LAYOUT_PARAMS].base;
	struct setup_header *h = (struct setup_header *)(bp + BP_HDR);
	struct setup_data *sd = (struct setup_data *)(bp + BP_SIZE + STUB_MAX_CMDLINE);
	const struct stub_log *l = console_log();

	if (s->arch.pvh)
		pvh_boot(s);
	/* The log to its last line, first in the chain, then the Linux
	 * loader's links, untouched (/sys/kernel/boot_params/setup_data/N). */
	sd->next = s->arch.sd_next;
	sd->next_hi = s->arch.sd_next_hi;
	sd->type = SETUP_CHAINBOOT_LOG;
	sd->len = l->len + 1;
	memcpy(sd->data, l->text, l->len + 1);
	h->setup_data = (uint32_t)sd;
	arch_enter(s->plan.slot[LAYOUT_KERNEL].base, (uint32_t)bp, 0);
}

void arch_reset(struct stub *s)
{
	(void)s;
	log_err("chainboot: reset, else halt\n");
	outb(0xcf9, 0x02);
	outb(0xcf9, 0x06);
	outb(0x64, 0xfe);
	for (;;)
		__asm__ volatile("cli; hlt");
}
