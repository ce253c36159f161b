/* SPDX-License-Identifier: GPL-2.0-or-later */
/* arm64 Image headers and EFI zboot containers (image64.h). */
#include <string.h>
#include "blob.h"
#include "decomp.h"
#include "image64.h"

#define A64_TEXT_OFFSET_MAX	0x200000u
#define ZBOOT_TYPE_OFF		0x04
#define ZBOOT_PAYLOAD_OFF	0x08
#define ZBOOT_PAYLOAD_SIZE	0x0c
#define ZBOOT_COMP_OFF		0x18
#define ZBOOT_COMP_LEN		32
#define ZBOOT_HDR_SIZE		(ZBOOT_COMP_OFF + ZBOOT_COMP_LEN)

bool image64_detect(const uint8_t *p, size_t len)
{
	return len >= A64_HDR_SIZE && hp_le32(p + CB_A64_MAGIC_OFF) == CB_A64_MAGIC;
}

int image64_parse(const char *name, const uint8_t *p, size_t len, struct image64_info *ii)
{
	if (!image64_detect(p, len))
		return hp_error(HP_EINPUT, name, "no arm64 Image magic \"ARM\\x64\" at 0x38");
	ii->text_offset = hp_le64(p + CB_A64_TEXT_OFFSET_OFF);
	ii->image_size = hp_le64(p + CB_A64_IMAGE_SIZE_OFF);
	ii->flags = hp_le64(p + CB_A64_FLAGS_OFF);
	if (ii->image_size == 0) {	/* booting.rst: text_offset is not valid then */
		ii->text_offset = A64_OLD_TEXT_OFFSET;
		ii->flags = 0;
	}
	if (ii->flags & A64_FLAG_BE)
		return hp_error(HP_EINPUT, name, "big-endian arm64 kernel (flags bit 0)");
	if (ii->text_offset >= A64_TEXT_OFFSET_MAX || ii->text_offset % 4096)
		return hp_error(HP_EINPUT, name, "text_offset 0x%llx is not a page below 2 MiB",
				(unsigned long long)ii->text_offset);
	if (ii->image_size && ii->image_size < len)
		return hp_error(HP_EINPUT, name, "image_size %llu is less than the file (%zu bytes)",
				(unsigned long long)ii->image_size, len);
	return 0;
}

bool zboot_detect(const uint8_t *p, size_t len)
{
	return len >= ZBOOT_HDR_SIZE && p[0] == 'M' && p[1] == 'Z' &&
	       memcmp(p + ZBOOT_TYPE_OFF, "zimg", 4) == 0;
}

int zboot_parse(const char *name, const uint8_t *p, size_t len, struct zboot_info *zi)
{
	size_t i;

	if (!zboot_detect(p, len))
		return hp_error(HP_EINPUT, name, "no EFI zboot header (\"MZ\", \"zimg\" at 4)");
	zi->payload_off = hp_le32(p + ZBOOT_PAYLOAD_OFF);
	zi->payload_size = hp_le32(p + ZBOOT_PAYLOAD_SIZE);
	if (zi->payload_off < ZBOOT_HDR_SIZE || zi->payload_off > len ||
	    zi->payload_size == 0 || zi->payload_size > len - zi->payload_off)
		return hp_error(HP_EINPUT, name, "zboot payload 0x%x+0x%x outside the file (%zu bytes)",
				zi->payload_off, zi->payload_size, len);
	memcpy(zi->comp, p + ZBOOT_COMP_OFF, ZBOOT_COMP_LEN);
	zi->comp[ZBOOT_COMP_LEN] = '\0';
	for (i = 0; zi->comp[i]; i++)
		if (zi->comp[i] < 0x21 || zi->comp[i] > 0x7e)
			return hp_error(HP_EINPUT, name, "zboot compression name is not text");
	if (i == 0)
		return hp_error(HP_EINPUT, name, "zboot compression name is empty");
	return 0;
}

int zboot_codec(const char *comp)
{
	/* Linux's Makefile.zboot writes its comp-type: "gzip", "lz4", "lzma"
	 * (.lzma), "lzo" (lzop), "xzkern" (.xz) and, before 6.13, "zstd22";
	 * "xz" and "zstd" are the plain names. */
	static const struct {
		const char *name;
		int codec;
	} names[] = {
		{ "gzip", DECOMP_GZIP }, { "lz4", DECOMP_LZ4 }, { "lzma", DECOMP_LZMA },
		{ "lzo", DECOMP_LZO }, { "xzkern", DECOMP_XZ }, { "xz", DECOMP_XZ },
		{ "zstd22", DECOMP_ZSTD }, { "zstd", DECOMP_ZSTD },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(comp, names[i].name) == 0)
			return names[i].codec;
	return -1;
}
