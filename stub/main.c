/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The boot sequence, the same on every arch: check the blob, plan memory,
 * verify every section, then (and only then) move, decode and jump.
 */
#include <string.h>
#include "stub.h"
#include "arch.h"
#include "codec.h"
#include "console.h"

#define BLOB_MAX_BYTES	(1u << 30)

/* The banner spells the version out. */
_Static_assert(STUB_VERSION == 0x00010000, "banner says chainboot 1.0");

void stub_stage_end(struct stub *s)
{
	/* 32 bits of ticks: ARMv7 generic timers run at 70 MHz or less, so a
	 * wrap takes over 60 s, far longer than a stage */
	uint32_t now = (uint32_t)arch_ticks();
	uint32_t mhz = arch_tick_khz() / 1000;

	if (mhz)
		log_info(" (%u us)", udiv32(now - s->t_last, mhz, NULL));
	log_info("\n");
	s->t_last = now;
}

uintptr_t stub_move_blob(struct stub *s)
{
	uintptr_t to = s->plan.slot[LAYOUT_BLOB].base;
	const struct stub_log *l = console_log();

	log_info("relocating blob to %08x", (uint32_t)to);
	stub_stage_end(s);
	memcpy((void *)to, (const void *)s->load_base, s->blob.hdr->blob_size);
	memcpy(arch_log_area(to), l, l->len + 4);
	return to;
}

void stub_fail_words(struct stub *s, const char *fmt, const uintptr_t *arg)
{
	log_err("chainboot: ");
	console_words(false, fmt, arg);
	log_err("\n");
	arch_reset(s);
}

void stub_check_section(struct stub *s, const struct cb_section *sec)
{
	unsigned int i = (unsigned int)(sec - s->blob.sec);
	uint32_t found;

	if (blob_check_section(&s->blob, i, &s->crc, &found))
		stub_fail(s, "section %u (%s): expected CRC %08x, found %08x",
			  i, blob_section_name(sec->type), sec->crc, found);
}

static void use_board(struct stub *s)
{
	const struct cb_section *sec = blob_find(&s->blob, CB_SEC_BOARD, 0);
	uint32_t found;

	if (!sec || blob_check_section(&s->blob, (unsigned int)(sec - s->blob.sec),
				       &s->crc, &found))
		return;
	s->board = stub_section_data(s, sec);
	console_init(s->board->uart_kind, s->board->uart_base, s->board->uart_shift);
}

static void open_blob(struct stub *s)
{
	uint32_t found;

	s->blob_err = blob_open(&s->blob, (const void *)s->load_base,
				BLOB_MAX_BYTES, CB_ARCH_THIS, CB_FEATURES, &s->crc);
	if (!s->blob_err) {
		use_board(s);
		console_set_quiet(s->blob.hdr->flags & CB_HF_QUIET);
	}
	arch_probe(s);
	if (s->blob_err) {
		const char *why = blob_strerror(s->blob_err);

		if (s->blob.bad >= 0)
			stub_fail(s, "blob: section %u: %s", (unsigned int)s->blob.bad, why);
		stub_fail(s, "blob: %s", why);
	}
	if (blob_check_stub(&s->blob, &s->crc, &found))
		stub_fail(s, "stub: expected CRC %08x, found %08x", s->blob.hdr->stub_crc, found);
	log_info("chainboot 1.0: blob at %p, %u bytes", (void *)s->load_base,
		 s->blob.hdr->blob_size);
	stub_stage_end(s);
}

static void plan(struct stub *s)
{
	int bad, i;

	s->in.blob.base = s->load_base;
	/* the stack area starts at the blob's end rounded up (8 bytes on
	 * ARMv7, 16 on arm64) */
	s->in.blob.size = ((s->blob.hdr->blob_size + 15) & ~15u) + s->blob.si->stack_size;
	/* s is zeroed: min 0, not fixed, low */
	s->in.req[LAYOUT_BLOB].size = s->in.blob.size;
	s->in.req[LAYOUT_BLOB].align = 4096;
	s->in.req[LAYOUT_BLOB].max = UINT32_MAX;
	if (arch_plan_requests(s))
		stub_fail(s, "plan: no boot params");
	if (layout_plan(&s->in, &s->plan, &bad)) {
		if (bad < 0)
			stub_fail(s, "plan: bad memory map");
		stub_fail(s, "plan: no room for %s (%u bytes)", layout_slot_name(bad),
			  s->in.req[bad].size);
	}
	log_info("plan%s", s->plan.relocate ? ", relocate" : "");
	stub_stage_end(s);
	for (i = 0; i < LAYOUT_NSLOTS; i++) {
		const struct mem_region *r = &s->plan.slot[i];

		if (r->size)
			log_info(" %s %08x+%x\n", layout_slot_name(i), r->base, r->size);
	}
}

static void verify_sections(struct stub *s)
{
	unsigned int i;

	if (s->entry_flags & STUB_F_VERIFIED)
		return;
	for (i = 0; i < s->blob.hdr->nsections; i++)
		stub_check_section(s, &s->blob.sec[i]);
	log_info("verified");
	stub_stage_end(s);
}

/* Decode section @type into plan slot @slot, checking the exact size. */
static void load_section(struct stub *s, uint16_t type, int slot)
{
	const struct cb_section *sec = blob_find(&s->blob, type, 0);
	void *dst = (void *)(uintptr_t)s->plan.slot[slot].base;
	const char *name = blob_section_name(type), *codec;
	const void *src;
	size_t len;
	int err = 0;

	if (!sec)
		return;
	src = stub_section_data(s, sec);
	codec = blob_comp_name(sec->comp);
	len = sec->size;
	if (sec->comp == CB_COMP_DEFLATE)
		err = inflate_decompress(dst, &len, src, sec->stored_size);
	else if (sec->comp == CB_COMP_LZ4)
		err = lz4_decompress(dst, &len, src, sec->stored_size);
	else
		memcpy(dst, src, len);
	if (err == 0 && len != sec->size)
		err = CODEC_EINPUT;
	if (err)
		stub_fail(s, "%s: %s: %s", name, codec, codec_strerror(err));
	memset((uint8_t *)dst + len, 0, sec->mem_size - len);
	log_info("%s: %s %u->%u at %p", name, codec, sec->stored_size, (uint32_t)len, dst);
	stub_stage_end(s);
}

void stub_main(uintptr_t a0, uintptr_t a1, uintptr_t a2, uintptr_t load_base,
	       uint32_t entry_flags)
{
	struct stub s;

	memset(&s, 0, sizeof(s));
	s.regs[0] = a0;
	s.regs[1] = a1;
	s.regs[2] = a2;
	s.load_base = load_base;
	s.entry_flags = entry_flags;
	console_log_to(arch_log_area(load_base), entry_flags & STUB_F_VERIFIED);
	s.t_last = (uint32_t)arch_ticks();
	crc32_init(&s.crc);

	open_blob(&s);
	plan(&s);
	arch_mmu_on(&s);
	verify_sections(&s);
	if (s.plan.relocate)
		arch_relocate(&s);
	if (arch_prepare_params(&s))
		stub_fail(&s, "params failed");
	load_section(&s, CB_SEC_INITRD, LAYOUT_INITRD);
	load_section(&s, CB_SEC_KERNEL, LAYOUT_KERNEL);
	log_info("starting kernel at %08x\n", s.plan.slot[LAYOUT_KERNEL].base);
	arch_boot(&s);
}
