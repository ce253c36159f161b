/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Arch fronts.  The words hostpack writes are listed once, by front_fields(),
 * and both front_patch() and front_check_blob() use that list.
 */
#include <stdio.h>
#include <string.h>
#include "front.h"
#include "hostpack.h"

/* Multiboot v1 header words not in blob.h (Multiboot spec 3.1.1, 3.1.3). */
#define MB_CHECKSUM		0x08
#define MB_HEADER_ADDR		0x0c
#define MB_LOAD_ADDR		0x10
#define MB_ENTRY_ADDR		0x1c
#define MB_HEADER_END		0x20

#define FRONT_MAX_FIELDS	(3 + CB_ARM_TAGS_WORDS)

struct front_field {
	uint32_t off;
	uint32_t val;
	const char *what;
};

static const char *check_arm(const uint8_t *p, size_t len)
{
	const uint8_t *tags = p + CB_ARM_TAGS_OFFSET;

	if (len < CB_ARM_TAGS_OFFSET + CB_ARM_TAGS_WORDS * 4)
		return "too short for a zImage front and tag table";
	if (hp_le32(p + CB_ZIMAGE_MAGIC_OFFSET) != CB_ZIMAGE_MAGIC ||
	    hp_le32(p + CB_ZIMAGE_ENDIAN_OFFSET) != CB_ZIMAGE_ENDIAN ||
	    hp_le32(p + CB_ZIMAGE_MAGIC2_OFFSET) != CB_ZIMAGE_MAGIC2)
		return "zImage magic numbers missing";
	if (hp_le32(p + CB_ZIMAGE_TABLE_OFFSET) != CB_ARM_TAGS_OFFSET)
		return "zImage tag table pointer is not CB_ARM_TAGS_OFFSET";
	if (hp_le32(tags) != CB_ARM_TAGS_WORDS - 1 || hp_le32(tags + 4) != CB_ZIMAGE_KLSZ_TAG ||
	    hp_le32(tags + (CB_ARM_TAGS_WORDS - 1) * 4) != 0)
		return "KLSZ tag placeholder missing";
	return NULL;
}

static const char *check_x86(const uint8_t *p, size_t len)
{
	const uint8_t *mb = p + CB_MB_HEADER_OFFSET;
	uint32_t entry;

	if (len < CB_MB_HEADER_OFFSET + MB_HEADER_END)
		return "too short for a multiboot header";
	if (hp_le32(mb) != CB_MB_MAGIC || hp_le32(mb + 4) != CB_MB_FLAGS ||
	    hp_le32(mb) + hp_le32(mb + 4) + hp_le32(mb + MB_CHECKSUM) != 0)
		return "multiboot magic, flags or checksum wrong";
	if (hp_le32(mb + MB_LOAD_ADDR) != CB_MB_LOAD_ADDR ||
	    hp_le32(mb + MB_HEADER_ADDR) != CB_MB_LOAD_ADDR + CB_MB_HEADER_OFFSET)
		return "multiboot load_addr/header_addr not CB_MB_LOAD_ADDR";
	entry = hp_le32(mb + MB_ENTRY_ADDR);
	if (entry < CB_MB_LOAD_ADDR || entry - CB_MB_LOAD_ADDR >= len)
		return "multiboot entry_addr outside the stub";
	return NULL;
}

const char *front_check_stub(const uint8_t *p, size_t len, uint16_t arch)
{
	if (arch == CB_ARCH_ARMV7)
		return check_arm(p, len);
	if (arch == CB_ARCH_X86_64)
		return check_x86(p, len);
	return "unknown architecture";
}

static unsigned int arm_fields(const struct blob_view *v, struct front_field *f)
{
	const struct cb_section *k = blob_find(v, CB_SEC_KERNEL, 0);
	uint32_t size_off = (uint32_t)((const uint8_t *)&k->size - v->base);
	const uint32_t tag[CB_ARM_TAGS_WORDS] = {
		CB_ARM_TAGS_WORDS - 1, CB_ZIMAGE_KLSZ_TAG, size_off,
		k->mem_size - k->size, k->load_offset, v->si->stack_size, 0
	};
	unsigned int i, n = 0;

	f[n++] = (struct front_field){ CB_ZIMAGE_START_OFFSET, 0, "zImage start" };
	f[n++] = (struct front_field){ CB_ZIMAGE_END_OFFSET, v->hdr->blob_size, "zImage end" };
	for (i = 0; i < CB_ARM_TAGS_WORDS; i++)
		f[n++] = (struct front_field){ CB_ARM_TAGS_OFFSET + 4 * i, tag[i], "KLSZ tag" };
	return n;
}

static unsigned int x86_fields(const struct blob_view *v, struct front_field *f)
{
	uint32_t end = CB_MB_LOAD_ADDR + v->hdr->blob_size;

	f[0] = (struct front_field){ CB_MB_HEADER_OFFSET + CB_MB_LOAD_END_OFFSET, end,
				     "multiboot load_end_addr" };
	f[1] = (struct front_field){ CB_MB_HEADER_OFFSET + CB_MB_BSS_END_OFFSET,
				     end + v->si->stack_size, "multiboot bss_end_addr" };
	return 2;
}

static unsigned int front_fields(const struct blob_view *v, struct front_field *f)
{
	return v->hdr->arch == CB_ARCH_ARMV7 ? arm_fields(v, f) : x86_fields(v, f);
}

void front_patch(uint8_t *blob, const struct blob_view *v)
{
	struct front_field f[FRONT_MAX_FIELDS];
	unsigned int i, n = front_fields(v, f);

	for (i = 0; i < n; i++)
		hp_put_le32(blob + f[i].off, f[i].val);
}

int front_check_blob(const struct blob_view *v, char *why, size_t len)
{
	struct front_field f[FRONT_MAX_FIELDS];
	unsigned int i, n;
	const char *bad = front_check_stub(v->base, v->si->image_size, v->hdr->arch);

	if (bad) {
		snprintf(why, len, "%s", bad);
		return -1;
	}
	n = front_fields(v, f);
	for (i = 0; i < n; i++) {
		uint32_t found = hp_le32(v->base + f[i].off);

		if (found != f[i].val) {
			snprintf(why, len, "%s at 0x%x: expected 0x%08x, found 0x%08x",
				 f[i].what, f[i].off, f[i].val, found);
			return -1;
		}
	}
	return 0;
}
