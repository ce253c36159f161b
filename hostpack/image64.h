/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm64 kernel files: the Image header (Documentation/arch/arm64/
 * booting.rst) and the EFI zboot container (Linux
 * drivers/firmware/efi/libstub/zboot-header.S: "MZ", "zimg" at 4, the
 * payload's offset and size at 8 and 12, the compression's name at 0x18),
 * whose payload is a compressed Image.
 */
#ifndef HOSTPACK_IMAGE64_H
#define HOSTPACK_IMAGE64_H
#include "hostpack.h"

#define A64_HDR_SIZE		64
#define A64_OLD_TEXT_OFFSET	0x80000u	/* booting.rst: image_size 0 (before 3.17) */
#define A64_FLAG_BE		(1u << 0)

struct image64_info {
	uint64_t text_offset;
	uint64_t image_size;	/* 0: an old kernel, size unknown */
	uint64_t flags;
};

struct zboot_info {
	uint32_t payload_off;
	uint32_t payload_size;
	char comp[33];		/* the compression's name, NUL-terminated */
};

/* An Image header at @p: "ARM\x64" at 0x38. */
bool image64_detect(const uint8_t *p, size_t len);

/* Read and check the header of the Image @name (@len bytes): little-endian,
 * text_offset below 2 MiB, image_size 0 or covering the file... Returns 0 or
 * HP_EINPUT, having printed why. */
int image64_parse(const char *name, const uint8_t *p, size_t len, struct image64_info *ii);

/* An EFI zboot image at @p: "MZ" at 0, "zimg" at 4. */
bool zboot_detect(const uint8_t *p, size_t len);

/* Read the zboot header of @name: the payload inside the file, a name of
 * printable characters.  Returns 0 or HP_EINPUT, having printed why. */
int zboot_parse(const char *name, const uint8_t *p, size_t len, struct zboot_info *zi);

/* The DECOMP_* codec of a zboot compression name (Linux's names, such as
 * "xzkern" and "zstd22", and the plain ones), or -1. */
int zboot_codec(const char *comp);

#endif
