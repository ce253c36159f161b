/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Android boot image reader, header versions 0-4 (AOSP bootimg.h layout;
 * v3 and v4 use 4096-byte pages and carry no dtb or second stage; the v4
 * vendor_boot parts live in another image).
 */
#ifndef HOSTPACK_BOOTIMG_H
#define HOSTPACK_BOOTIMG_H
#include "hostpack.h"

#define BOOTIMG_MAX_FILE	(1536u * HP_MiB)
#define BOOTIMG_CMDLINE_MAX	1536u	/* v0-2: 512 + 1024 extra; v3/v4: 1536 */

struct bootimg {
	uint32_t version;	/* header_version */
	uint32_t page_size;
	const uint8_t *kernel;	/* slices of the image passed in */
	size_t kernel_len;
	const uint8_t *ramdisk;	/* NULL if none */
	size_t ramdisk_len;
	const uint8_t *dtb;	/* v2 dtb section, NULL if none */
	size_t dtb_len;
	char cmdline[BOOTIMG_CMDLINE_MAX + 1];
};

/* true if @p starts with the "ANDROID!" magic. */
bool bootimg_detect(const uint8_t *p, size_t len);

/*
 * Parse the boot image @p (@len bytes of @name).  Returns 0 or HP_EINPUT
 * (bad magic, unsupported header version, impossible page size, a section
 * reaching past the end of the file, no kernel).
 */
int bootimg_parse(const char *name, const uint8_t *p, size_t len,
		  struct bootimg *bi);

#endif
