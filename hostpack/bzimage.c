/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86 bzImage: the setup header at 0x1f1 (boot.rst "The real-mode kernel
 * header").  The protected-mode kernel starts at (setup_sects + 1) * 512.
 */
#include <string.h>
#include "bzimage.h"

#define BZ_SETUP_SECTS		0x1f1
#define BZ_SYSSIZE		0x1f4
#define BZ_BOOT_FLAG		0x1fe
#define BZ_HEADER		0x202
#define BZ_VERSION		0x206
#define BZ_LOADFLAGS		0x211
#define BZ_KERNEL_ALIGNMENT	0x230
#define BZ_RELOCATABLE		0x234
#define BZ_XLOADFLAGS		0x236
#define BZ_CMDLINE_SIZE		0x238
#define BZ_PAYLOAD_OFFSET	0x248
#define BZ_PAYLOAD_LENGTH	0x24c
#define BZ_PREF_ADDRESS		0x258
#define BZ_INIT_SIZE		0x260
#define BZ_HEADER_END		0x264

bool bzimage_detect(const uint8_t *p, size_t len)
{
	return len >= BZ_HEADER + 4 && memcmp(p + BZ_HEADER, "HdrS", 4) == 0;
}

static void read_fields(const uint8_t *p, struct bzimage_info *bi)
{
	unsigned int sects = p[BZ_SETUP_SECTS];

	bi->setup_len = ((sects ? sects : 4) + 1) * 512;	/* 0 means 4 */
	bi->syssize = (uint64_t)hp_le32(p + BZ_SYSSIZE) * 16;
	bi->version = hp_le16(p + BZ_VERSION);
	bi->loadflags = p[BZ_LOADFLAGS];
	bi->kernel_alignment = hp_le32(p + BZ_KERNEL_ALIGNMENT);
	bi->relocatable = p[BZ_RELOCATABLE];
	bi->xloadflags = hp_le16(p + BZ_XLOADFLAGS);
	bi->cmdline_size = hp_le32(p + BZ_CMDLINE_SIZE);
	bi->pref_address = hp_le64(p + BZ_PREF_ADDRESS);
	bi->init_size = hp_le32(p + BZ_INIT_SIZE);
	bi->payload_offset = hp_le32(p + BZ_PAYLOAD_OFFSET);
	bi->payload_length = hp_le32(p + BZ_PAYLOAD_LENGTH);
}

bool bzimage_peek(const uint8_t *p, size_t len, struct bzimage_info *bi)
{
	memset(bi, 0, sizeof(*bi));
	if (len < BZ_HEADER_END || !bzimage_detect(p, len))
		return false;
	read_fields(p, bi);
	return true;
}

int bzimage_parse(const char *name, const uint8_t *p, size_t len, bool whole,
		  struct bzimage_info *bi)
{
	memset(bi, 0, sizeof(*bi));
	if (len < BZ_HEADER_END)
		return hp_error(HP_EINPUT, name, "truncated bzImage (%zu bytes)", len);
	if (!bzimage_detect(p, len) || hp_le16(p + BZ_BOOT_FLAG) != 0xaa55)
		return hp_error(HP_EINPUT, name, "not a bzImage (no HdrS setup header)");
	read_fields(p, bi);
	if (bi->version < BZ_MIN_VERSION)
		return hp_error(HP_EINPUT, name,
				"boot protocol %u.%02u too old (2.12 needed)",
				bi->version >> 8, bi->version & 0xff);
	if (!(bi->loadflags & BZ_LOADED_HIGH))
		return hp_error(HP_EINPUT, name, "not a bzImage (zImage loaded low)");
	if (bi->kernel_alignment == 0 ||
	    (bi->kernel_alignment & (bi->kernel_alignment - 1)))
		return hp_error(HP_EINPUT, name, "kernel_alignment 0x%x not a power of two",
				bi->kernel_alignment);
	if (len < bi->setup_len + (whole ? bi->syssize : 0) || (whole && !bi->syssize))
		return hp_error(HP_EINPUT, name,
				"truncated bzImage (%zu bytes, setup header says %llu)", len,
				(unsigned long long)(bi->setup_len + bi->syssize));
	return 0;
}

int bzimage_check_usable(const char *name, const struct bzimage_info *bi)
{
	if (!bi->relocatable)
		return hp_error(HP_EINPUT, name,
				"kernel is not relocatable: the stub cannot place it");
	if (!(bi->xloadflags & BZ_XLF_KERNEL_64))
		return hp_error(HP_EINPUT, name,
				"32-bit-only kernel (no 64-bit entry): the x86_64 stub cannot start it");
	return 0;
}
