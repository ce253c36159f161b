/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86 hooks: what the multiboot loader handed over, where the bzImage's
 * protected-mode code goes, the zero page and the 32-bit boot protocol
 * (Documentation/arch/x86/boot.rst, zero-page.rst).
 */
#include <string.h>
#include "stub.h"
#include "arch.h"
#include "console.h"
#include "e820.h"
#include "x86.h"

/* Multiboot v1 information structure. */
#define MBI_FLAGS		0x00
#define MBI_MEM_LOWER		0x04
#define MBI_MEM_UPPER		0x08
#define MBI_CMDLINE		0x10
#define MBI_MMAP_LENGTH		0x2c
#define MBI_MMAP_ADDR		0x30
#define MBI_SIZE		0x58
#define MBI_F_MEM		(1u << 0)
#define MBI_F_CMDLINE		(1u << 2)
#define MBI_F_MMAP		(1u << 6)
#define MB_CMDLINE_MAX		4096

/* boot_params (the zero page) and its setup header. */
#define BP_SIZE			0x1000
#define BP_EXT_RAMDISK_IMAGE	0x0c0
#define BP_EXT_RAMDISK_SIZE	0x0c4
#define BP_EXT_CMD_LINE_PTR	0x0c8
#define BP_E820_ENTRIES		0x1e8
#define BP_HDR			0x1f1
#define BP_HDR_JUMP		0x200	/* 2-byte jump: its offset byte ends the header */
#define BP_HDR_MAGIC		0x202	/* "HdrS" */
#define BP_VERSION		0x206
#define BP_TYPE_OF_LOADER	0x210
#define BP_LOADFLAGS		0x211
#define BP_CODE32_START		0x214
#define BP_RAMDISK_IMAGE	0x218
#define BP_RAMDISK_SIZE		0x21c
#define BP_CMD_LINE_PTR		0x228
#define BP_INITRD_ADDR_MAX	0x22c
#define BP_KERNEL_ALIGNMENT	0x230
#define BP_RELOCATABLE		0x234
#define BP_CMDLINE_SIZE		0x238
#define BP_PREF_ADDRESS		0x258
#define BP_INIT_SIZE		0x260
#define BP_E820_TABLE		0x2d0
#define HDRS_MAGIC		0x53726448
#define LOADFLAGS_CAN_USE_HEAP	0x80
#define MIN_PROTOCOL		0x020c	/* pref_address, xloadflags */
#define MIB			0x100000ull
#define GIB4			0x100000000ull

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static void wr32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, sizeof(v));
}

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

uint64_t arch_ticks(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

uint32_t arch_tick_khz(void)
{
	return 0;	/* TSC rate unknown without calibration */
}

/* A loader structure must lie inside the first 4 GiB, away from page 0. */
static bool plausible(uint32_t p, uint32_t size)
{
	return p >= 0x1000 && p + (uint64_t)size <= GIB4;
}

static void keep(struct stub *s, uint32_t base, uint32_t size)
{
	if (s->in.nkeep < sizeof(s->in.keep) / sizeof(s->in.keep[0])) {
		s->in.keep[s->in.nkeep].base = base;
		s->in.keep[s->in.nkeep++].size = size;
	}
}

/* RAM from the mmap, clamped to [1 MiB, 4 GiB) for planning. */
static void map_from_mmap(struct stub *s)
{
	struct e820_entry e[LAYOUT_MAX_RAM * 4];
	struct layout_map *m = &s->in.map;
	unsigned int i, n;

	n = mb_mmap_read(s->arch.mmap, s->arch.mmap_len, e, sizeof(e) / sizeof(e[0]));
	for (i = 0; i < n && m->nram < LAYOUT_MAX_RAM; i++) {
		uint64_t lo = e[i].addr, hi = e[i].addr + e[i].size;

		if (e[i].type != E820_RAM || hi < lo)
			continue;
		if (lo < MIB)
			lo = MIB;
		if (hi > lo)
			layout_add(m->ram, &m->nram, LAYOUT_MAX_RAM, lo, hi - lo);
	}
}

/*
 * Multiboot loaders (GRUB, QEMU, kexec-tools) put the image's path first:
 * a first word holding a '/' is that path, not a kernel parameter.
 */
static void set_loader_cmdline(struct stub *s, const char *c, size_t len)
{
	size_t w = 0;
	bool path = false;

	for (; w < len && c[w] != ' '; w++)
		path |= c[w] == '/';
	if (path) {
		while (w < len && c[w] == ' ')
			w++;
		c += w;
		len -= w;
	}
	s->loader_cmdline = c;
	s->loader_cmdline_len = len;
}

static void probe_mbi(struct stub *s, const uint8_t *mbi)
{
	uint32_t flags = rd32(mbi + MBI_FLAGS);

	s->arch.mbi = mbi;
	keep(s, (uint32_t)(uintptr_t)mbi, MBI_SIZE);
	if (flags & MBI_F_MMAP) {
		uint32_t addr = rd32(mbi + MBI_MMAP_ADDR), len = rd32(mbi + MBI_MMAP_LENGTH);

		if (len > MB_MMAP_MAX_LEN)
			len = MB_MMAP_MAX_LEN;
		if (plausible(addr, len)) {
			s->arch.mmap = (const uint8_t *)(uintptr_t)addr;
			s->arch.mmap_len = len;
			keep(s, addr, len);
			map_from_mmap(s);
		}
	}
	if (s->in.map.nram == 0 && (flags & MBI_F_MEM)) {
		/* mem_upper: KiB from 1 MiB, contiguous. */
		uint64_t upper = (uint64_t)rd32(mbi + MBI_MEM_UPPER) * 1024;

		if (upper > GIB4 - MIB)
			upper = GIB4 - MIB;
		s->in.map.ram[0].base = MIB;
		s->in.map.ram[0].size = upper;
		s->in.map.nram = upper ? 1 : 0;
	}
	if (flags & MBI_F_CMDLINE) {
		uint32_t addr = rd32(mbi + MBI_CMDLINE);

		if (plausible(addr, MB_CMDLINE_MAX)) {
			const char *c = (const char *)(uintptr_t)addr;

			keep(s, addr, (uint32_t)strnlen(c, MB_CMDLINE_MAX) + 1);
			set_loader_cmdline(s, c, strnlen(c, MB_CMDLINE_MAX));
		}
	}
}

void arch_probe(struct stub *s)
{
	uint32_t magic = (uint32_t)s->regs[0], mbi = (uint32_t)s->regs[1];

	if (!console_ready())
		console_init(CB_UART_8250_IO, 0x3f8, 0);
	if (magic == MB_BOOT_MAGIC && plausible(mbi, MBI_SIZE))
		probe_mbi(s, (const uint8_t *)(uintptr_t)mbi);
	if (s->blob_err)
		return;
	if (s->in.map.nram == 0) {
		s->in.map.ram[0].base = MIB;
		s->in.map.ram[0].size = 63 * MIB;
		s->in.map.nram = 1;
		log_info("memory: assuming 64 MiB\n");
	}
	log_info("entry: eax=%08x ebx=%08x (%s), %u RAM ranges", magic, mbi,
		 s->arch.mbi ? "multiboot" : "not multiboot", s->in.map.nram);
	stub_stage_end(s);
}

/* The SETUP section's setup header, checked; NULL when unusable. */
static const uint8_t *setup_header(struct stub *s)
{
	const struct cb_section *sec = blob_find(&s->blob, CB_SEC_SETUP, 0);
	const uint8_t *p;

	if (!sec || sec->comp != CB_COMP_NONE || sec->size < BP_INIT_SIZE + 8)
		return NULL;
	/* Planning reads it before the full verification: check it first. */
	stub_check_section(s, sec);
	p = stub_section_data(s, sec);
	if (rd32(p + BP_HDR_MAGIC) != HDRS_MAGIC ||
	    (p[BP_VERSION] | p[BP_VERSION + 1] << 8) < MIN_PROTOCOL)
		return NULL;
	s->arch.setup = p;
	s->arch.setup_len = sec->size;
	return p;
}

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

int arch_plan_requests(struct stub *s)
{
	const struct cb_section *k = blob_find(&s->blob, CB_SEC_KERNEL, 0);
	const struct cb_section *rd = blob_find(&s->blob, CB_SEC_INITRD, 0);
	const uint8_t *h = setup_header(s);
	struct layout_req *r = s->in.req;
	uint64_t pref, align, size, rdmax;

	if (!h || !k) {
		log_err("chainboot: no usable bzImage setup header (protocol 2.12+)\n");
		return -1;
	}
	pref = rd32(h + BP_PREF_ADDRESS) | (uint64_t)rd32(h + BP_PREF_ADDRESS + 4) << 32;
	align = rd32(h + BP_KERNEL_ALIGNMENT);
	if (!align || (align & (align - 1)))
		align = 2 * MIB;
	size = rd32(h + BP_INIT_SIZE);
	if (size < k->mem_size)
		size = k->mem_size;
	r[LAYOUT_KERNEL] = (struct layout_req){ .size = size, .align = align,
		.min = h[BP_RELOCATABLE] ? align_up(pref, align) : pref,
		.max = UINT32_MAX, .fixed = !h[BP_RELOCATABLE] };
	r[LAYOUT_PARAMS] = (struct layout_req){ .size = BP_SIZE, .align = 0x1000,
		.min = MIB, .max = UINT32_MAX };
	r[LAYOUT_CMDLINE] = (struct layout_req){ .size = STUB_MAX_CMDLINE, .align = 16,
		.min = MIB, .max = UINT32_MAX };
	rdmax = (uint64_t)rd32(h + BP_INITRD_ADDR_MAX) + 1;
	r[LAYOUT_INITRD] = (struct layout_req){ .size = rd ? rd->size : 0,
		.align = 0x1000, .min = MIB, .max = rdmax > UINT32_MAX ? UINT32_MAX : rdmax,
		.high = true };
	return 0;
}

void arch_mmu_on(struct stub *s)
{
	(void)s;	/* paging off, caches on: nothing to do */
}

void arch_relocate(struct stub *s)
{
	/* The kernel is never fixed on top of the blob at 1 MiB. */
	stub_fail(s, "relocation: the x86 stub runs only at its link address");
}

/* The multiboot map as e820; RAM is RAM whatever we placed in it. */
static void fill_e820(struct stub *s, uint8_t *bp)
{
	struct e820_entry in[E820_MAX_ENTRIES + 32];
	unsigned int n = 0, dropped = 0;

	if (s->arch.mmap)
		n = mb_mmap_read(s->arch.mmap, s->arch.mmap_len, in,
				 sizeof(in) / sizeof(in[0]));
	if (n == 0) {
		unsigned int i;

		for (i = 0; i < s->in.map.nram; i++)
			in[n++] = (struct e820_entry){ s->in.map.ram[i].base,
						       s->in.map.ram[i].size, E820_RAM };
		in[n++] = (struct e820_entry){ 0, 0x9f000, E820_RAM };
	}
	n = e820_build(in, n, (struct e820_entry *)(bp + BP_E820_TABLE), &dropped);
	bp[BP_E820_ENTRIES] = (uint8_t)n;
	if (dropped)
		log_info("e820: %u entries did not fit\n", dropped);
}

int arch_prepare_params(struct stub *s)
{
	uint8_t *bp = (uint8_t *)(uintptr_t)s->plan.slot[LAYOUT_PARAMS].base;
	char *cmd = (char *)(uintptr_t)s->plan.slot[LAYOUT_CMDLINE].base;
	const struct cb_section *rd = blob_find(&s->blob, CB_SEC_INITRD, 0);
	const uint8_t *h = s->arch.setup;
	uint32_t hdr_end = BP_HDR_JUMP + 2 + h[BP_HDR_JUMP + 1];
	uint32_t cmax = rd32(h + BP_CMDLINE_SIZE);
	int len = stub_cmdline(s, cmd, STUB_MAX_CMDLINE);

	if (len < 0 || (uint32_t)len > cmax) {
		log_err("chainboot: command line longer than %u bytes\n",
			len < 0 ? STUB_MAX_CMDLINE : cmax);
		return -1;
	}
	if (hdr_end > s->arch.setup_len)
		hdr_end = s->arch.setup_len;
	memset(bp, 0, BP_SIZE);
	memcpy(bp + BP_HDR, h + BP_HDR, hdr_end - BP_HDR);
	bp[BP_TYPE_OF_LOADER] = 0xff;
	bp[BP_LOADFLAGS] &= (uint8_t)~LOADFLAGS_CAN_USE_HEAP;
	wr32(bp + BP_CODE32_START, (uint32_t)s->plan.slot[LAYOUT_KERNEL].base);
	wr32(bp + BP_CMD_LINE_PTR, (uint32_t)(uintptr_t)cmd);
	if (rd) {
		wr32(bp + BP_RAMDISK_IMAGE, (uint32_t)s->plan.slot[LAYOUT_INITRD].base);
		wr32(bp + BP_RAMDISK_SIZE, rd->size);
	}
	/* ext_ramdisk_image/size and ext_cmd_line_ptr stay 0: all below 4 GiB. */
	fill_e820(s, bp);
	log_info("zero page at %p, %u e820 entries; cmdline \"%s\"", bp,
		 bp[BP_E820_ENTRIES], cmd);
	stub_stage_end(s);
	return 0;
}

void arch_boot(struct stub *s)
{
	arch_enter((uint32_t)s->plan.slot[LAYOUT_KERNEL].base,
		   (uint32_t)s->plan.slot[LAYOUT_PARAMS].base);
}

void arch_reset(struct stub *s)
{
	(void)s;
	log_err("chainboot: resetting (port 0xcf9, then keyboard controller)\n");
	outb(0xcf9, 0x02);
	outb(0xcf9, 0x06);
	outb(0x64, 0xfe);
	log_err("chainboot: no reset method worked; halted\n");
	for (;;)
		__asm__ volatile("cli; hlt");
}
