/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stub images: the ones built into hostpack (build/stub-<arch>.bin, linked
 * in through a generated .incbin file) or one given with --stub, and the
 * arch "front" each begins with: a zImage header (ARM) or a multiboot v1
 * header (x86) that loaders read and hostpack fills in.
 */
#ifndef HOSTPACK_STUBIMG_H
#define HOSTPACK_STUBIMG_H
#include "blob.h"
#include "hostpack.h"

struct stub_image {
	const char *name;	/* for messages: the file, or "built-in armv7 stub" */
	struct hp_buf image;	/* exactly info.image_size bytes */
	struct hp_buf front;	/* x86: the Linux front the .bin starts with
				 * (CB_LX_FRONT_SIZE bytes), written before the blob */
	struct cb_stub_info info;
};

/* "armv7" / "x86_64" for CB_ARCH_*, "unknown" otherwise. */
const char *stubimg_arch_name(uint16_t arch);

/* CB_ARCH_* for "armv7" / "x86_64", 0 otherwise. */
uint16_t stubimg_arch_parse(const char *s);

/* The built-in stub image for @arch; false if this hostpack has none. */
bool stubimg_builtin(uint16_t arch, const uint8_t **p, size_t *len);

/* The stubs of @arch boot a kernel with a device tree (ARMv7, arm64). */
static inline bool stubimg_arch_dt(uint16_t arch)
{
	return arch == CB_ARCH_ARMV7 || arch == CB_ARCH_ARM64;
}

/*
 * Load the stub for @arch from @path, or the built-in one when @path is
 * NULL, and check it (stubimg_check).  An x86 stub file starts with the
 * Linux front (front_check_linux), then the image.  Returns 0, HP_EINPUT or HP_EIO.
 */
int stubimg_load(uint16_t arch, const char *path, struct stub_image *s);

/*
 * Check a stub image of @len bytes: a valid struct cb_stub_info at
 * CB_STUB_INFO_OFFSET for @arch, nothing but zeros after image_size, and
 * the arch front's magic values in place.  A file up to CB_HDR_ALIGN bytes
 * shorter than image_size is taken as ending in zeros (objcopy -O binary
 * stops at the last section; the linker script may round _image_size up).
 * Returns 0 or HP_EINPUT.
 */
int stubimg_check(const char *name, const uint8_t *p, size_t len, uint16_t arch);

#endif
