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

static const char *check_arm64(const uint8_t *p, size_t len)
{
	if (len < CB_STUB_INFO_OFFSET)
		return "too short for an arm64 Image header";
	if (hp_le32(p + CB_A64_MAGIC_OFF) != CB_A64_MAGIC)
		return "arm64 Image magic \"ARM\\x64\" missing";
	if (hp_le64(p + CB_A64_FLAGS_OFF) != CB_A64_FLAGS)
		return "arm64 Image flags are not little-endian, 4 KiB, anywhere";
	/* code1, the re-entry after relocation: a branch (B imm26) */
	if ((hp_le32(p + CB_A64_RESTART_OFF) >> 26) != 0x05)
		return "no branch at the arm64 re-entry (code1)";
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
	if (p[0] != 0xeb)	/* the Linux 32-bit entry: a short jump */
		return "no jump to the Linux entry at offset 0";
	return NULL;
}

static uint16_t le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

const char *front_check_linux(const uint8_t *p, size_t len)
{
	if (len < CB_LX_FRONT_SIZE)
		return "too short for the Linux boot sector and setup sector";
	if (le16(p + CB_LX_BOOT_FLAG_OFF) != 0xaa55 || hp_le32(p + CB_LX_HDRS_OFF) != CB_LX_HDRS)
		return "no boot flag 0xaa55 or no \"HdrS\"";
	if (p[CB_LX_SETUP_SECTS_OFF] != CB_LX_SETUP_SECTS ||
	    le16(p + CB_LX_VERSION_OFF) != CB_LX_VERSION)
		return "setup_sects or boot protocol version not the stub's";
	if (p[CB_LX_LOADFLAGS_OFF] != CB_LX_LOADED_HIGH ||
	    hp_le32(p + CB_LX_CODE32_OFF) != CB_MB_LOAD_ADDR ||
	    hp_le32(p + CB_LX_PREF_ADDR_OFF) != CB_MB_LOAD_ADDR ||
	    hp_le32(p + CB_LX_PREF_ADDR_OFF + 4) != 0 || p[CB_LX_RELOC_OFF] != 0)
		return "loadflags, code32_start, pref_address or relocatable_kernel wrong";
	if (hp_le32(p + CB_LX_INITRD_MAX_OFF) != CB_LX_INITRD_MAX ||
	    hp_le32(p + CB_LX_CMDLINE_SIZE_OFF) != CB_LX_CMDLINE_SIZE ||
	    le16(p + CB_LX_XLOADFLAGS_OFF) != CB_LX_XLOADFLAGS)
		return "initrd_addr_max, cmdline_size or xloadflags wrong";
	return NULL;
}

size_t front_linux_size(const uint8_t *file, size_t len)
{
	if (len < CB_LX_FRONT_SIZE || le16(file + CB_LX_BOOT_FLAG_OFF) != 0xaa55 ||
	    hp_le32(file + CB_LX_HDRS_OFF) != CB_LX_HDRS ||
	    file[CB_LX_SETUP_SECTS_OFF] != CB_LX_SETUP_SECTS)
		return 0;
	return CB_LX_FRONT_SIZE;
}

/* What hostpack writes into the Linux front: the protected-mode part is the
 * blob; the stub needs it, its stack_size and, entered in 64-bit mode, the
 * params copy from the load address (blob.h). */
static void linux_fields(const struct blob_view *v, struct front_field *f)
{
	uint32_t blob_size = v->hdr->blob_size;

	f[0] = (struct front_field){ CB_LX_SYSSIZE_OFF, (blob_size + 15) / 16, "syssize" };
	f[1] = (struct front_field){ CB_LX_INIT_SIZE_OFF, blob_size + v->si->stack_size +
				     CB_LX_PARAMS_COPY, "init_size" };
}

void front_patch_linux(uint8_t *front, const struct blob_view *v)
{
	struct front_field f[2];
	unsigned int i;

	linux_fields(v, f);
	for (i = 0; i < 2; i++)
		hp_put_le32(front + f[i].off, f[i].val);
}

int front_check_linux_blob(const uint8_t *front, size_t len, const struct blob_view *v,
			   char *why, size_t why_len)
{
	struct front_field f[2];
	const char *bad = front_check_linux(front, len);
	unsigned int i;

	if (!bad && len != CB_LX_FRONT_SIZE)
		bad = "the blob does not start right after the setup sector";
	if (bad) {
		snprintf(why, why_len, "%s", bad);
		return -1;
	}
	linux_fields(v, f);
	for (i = 0; i < 2; i++)
		if (hp_le32(front + f[i].off) != f[i].val) {
			snprintf(why, why_len, "Linux %s at 0x%x: expected 0x%08x, found 0x%08x",
				 f[i].what, f[i].off, f[i].val, hp_le32(front + f[i].off));
			return -1;
		}
	return 0;
}

const char *front_check_stub(const uint8_t *p, size_t len, uint16_t arch)
{
	if (arch == CB_ARCH_ARMV7)
		return check_arm(p, len);
	if (arch == CB_ARCH_X86_64)
		return check_x86(p, len);
	if (arch == CB_ARCH_ARM64)
		return check_arm64(p, len);
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

/* image_size: the blob rounded up, then the stub's stack area (blob.h).
 * The high words of text_offset and image_size are 0. */
static unsigned int arm64_fields(const struct blob_view *v, struct front_field *f)
{
	uint32_t end = (v->hdr->blob_size + CB_A64_BLOB_ALIGN - 1) & ~(CB_A64_BLOB_ALIGN - 1u);

	f[0] = (struct front_field){ CB_A64_TEXT_OFFSET_OFF, 0, "Image text_offset" };
	f[1] = (struct front_field){ CB_A64_TEXT_OFFSET_OFF + 4, 0, "Image text_offset" };
	f[2] = (struct front_field){ CB_A64_IMAGE_SIZE_OFF, end + v->si->stack_size,
				     "Image image_size" };
	f[3] = (struct front_field){ CB_A64_IMAGE_SIZE_OFF + 4, 0, "Image image_size" };
	return 4;
}

/*
 * The multiboot "bss" is the stub's stack; with PVH it reaches to the end
 * of the kernel's fixed place too, so that multiboot loaders, which keep
 * modules and their info out of [load_addr, bss_end_addr) (spec 3.1.3),
 * leave that place free (GRUB puts a module right after the bss).
 */
static unsigned int x86_fields(const struct blob_view *v, struct front_field *f)
{
	const struct cb_section *k = blob_find(v, CB_SEC_KERNEL, 0);
	uint32_t end = CB_MB_LOAD_ADDR + v->hdr->blob_size;
	uint32_t bss_end = end + v->si->stack_size;

	if (blob_find(v, CB_SEC_PVH, 0) && k->load_offset + k->mem_size > bss_end)
		bss_end = k->load_offset + k->mem_size;
	f[0] = (struct front_field){ CB_X86_BLOB_END_OFFSET, end, "the blob's end" };
	f[1] = (struct front_field){ CB_MB_HEADER_OFFSET + CB_MB_LOAD_END_OFFSET, 0,
				     "multiboot load_end_addr (0: the whole file)" };
	f[2] = (struct front_field){ CB_MB_HEADER_OFFSET + CB_MB_BSS_END_OFFSET,
				     bss_end, "multiboot bss_end_addr" };
	return 3;
}

static unsigned int front_fields(const struct blob_view *v, struct front_field *f)
{
	if (v->hdr->arch == CB_ARCH_ARM64)
		return arm64_fields(v, f);
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
