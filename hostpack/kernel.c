/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel formats: zImage (its payload decoded to the Image it carries),
 * Image, compressed Image (Image.gz and friends: decoded, then an Image),
 * bzImage (split into setup sectors and protected-mode part).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "blob.h"
#include "bzimage.h"
#include "decomp.h"
#include "image64.h"
#include "kernel.h"
#include "vmlinux.h"
#include "zimage.h"

#define ARM_IMAGE_MIN		4096u
#define ARM_SETEND_BE		0xf1010200u	/* BE8 kernels start with it */

static void copy_into(struct hp_buf *b, const uint8_t *p, size_t n)
{
	b->data = hp_malloc(n);
	memcpy(b->data, p, n);
	b->len = n;
}

static int arch_conflict(const char *name, const struct kernel_opts *ko,
			 uint16_t found, const char *what)
{
	if (ko->arch && ko->arch != found)
		return hp_error(HP_EUSAGE, name, "is %s, which does not match --arch %s",
				what, ko->arch == CB_ARCH_ARMV7 ? "armv7" :
				ko->arch == CB_ARCH_ARM64 ? "arm64" : "x86_64");
	return 0;
}

static int set_arm_sizes(const char *name, struct kernel *k, uint32_t bss)
{
	uint64_t mem = (uint64_t)k->image.len + bss;

	if (mem > ZIMAGE_MAX_INFLATED)
		return hp_error(HP_EINPUT, name, "kernel too large (%llu bytes with BSS)",
				(unsigned long long)mem);
	k->arch = CB_ARCH_ARMV7;
	k->mem_size = (uint32_t)mem;
	k->cmdline_max = KERNEL_ARM_CMDLINE;
	return 0;
}

/* The bytes after a zImage's end: appended DTBs, or padding if all zero. */
static void keep_appended(struct kernel *k, const uint8_t *p, size_t from, size_t len)
{
	size_t i;

	for (i = from; i < len; i++)
		if (p[i]) {
			copy_into(&k->appended, p + from, len - from);
			return;
		}
}

static int load_zimage(const char *name, const uint8_t *p, size_t len,
		       const struct kernel_opts *ko, struct kernel *k)
{
	struct zimage_info zi;
	int err = zimage_parse(name, p, len, &zi);

	if (err)
		return err;
	if (!zi.has_klsz && !(ko->text_offset_set && ko->bss_set))
		return hp_error(HP_EINPUT, name,
				"zImage has no KLSZ tag: give --text-offset and --kernel-bss");
	err = zimage_inflate(name, p, &zi, &k->image);
	if (err)
		return err;
	snprintf(k->format, sizeof(k->format), "zImage, %s payload at 0x%x",
		 decomp_name(zi.codec), zi.payload_off);
	k->load_offset = ko->text_offset_set ? ko->text_offset : zi.text_offset;
	keep_appended(k, p, zi.end, len);
	return set_arm_sizes(name, k, ko->bss_set ? ko->bss : zi.bss);
}

static int load_image(const char *name, const uint8_t *p, size_t len,
		      const struct kernel_opts *ko, struct kernel *k)
{
	uint32_t w0 = len >= 4 ? hp_le32(p) : 0;

	/* Linux enters an ARM Image in ARM state: an unconditional-class
	 * first instruction (condition AL) or BE8's setend. */
	if (len < ARM_IMAGE_MIN || ((w0 >> 28) != 0xe && w0 != ARM_SETEND_BE))
		return hp_error(HP_EINPUT, name,
				"unknown kernel format (not a zImage, bzImage or ARM Image)");
	if (!k->format[0])
		snprintf(k->format, sizeof(k->format), "Image");
	copy_into(&k->image, p, len);
	k->load_offset = ko->text_offset_set ? ko->text_offset : KERNEL_DEFAULT_TEXT;
	return set_arm_sizes(name, k, ko->bss_set ? ko->bss : KERNEL_DEFAULT_BSS);
}

/* An arm64 Image: its header gives where it goes and how much it needs
 * (booting.rst); --text-offset and --kernel-bss override. */
static int load_image64(const char *name, const uint8_t *p, size_t len,
			const struct kernel_opts *ko, struct kernel *k)
{
	struct image64_info ii;
	uint64_t mem;
	int err = image64_parse(name, p, len, &ii);

	if (err)
		return err;
	mem = ii.image_size ? ii.image_size : (uint64_t)len + KERNEL_DEFAULT_BSS;
	if (ko->bss_set)
		mem = (uint64_t)len + ko->bss;
	if (mem > ZIMAGE_MAX_INFLATED)
		return hp_error(HP_EINPUT, name, "kernel too large (%llu bytes with BSS)",
				(unsigned long long)mem);
	if (!k->format[0])
		snprintf(k->format, sizeof(k->format), "arm64 Image");
	copy_into(&k->image, p, len);
	k->arch = CB_ARCH_ARM64;
	k->mem_size = (uint32_t)mem;
	k->load_offset = ko->text_offset_set ? ko->text_offset : (uint32_t)ii.text_offset;
	k->cmdline_max = KERNEL_ARM64_CMDLINE;
	return 0;
}

static int load_compressed(const char *name, const uint8_t *p, size_t len,
			   int codec, const struct kernel_opts *ko, struct kernel *k)
{
	struct hp_buf img;
	size_t used;
	int err;

	if (decomp_alloc(codec, p, len, ZIMAGE_MAX_INFLATED, &img, &used))
		return hp_error(HP_EINPUT, name, "corrupt or truncated %s-compressed kernel",
				decomp_name(codec));
	if (used != len) {
		hp_buf_free(&img);
		return hp_error(HP_EINPUT, name, "%zu bytes of trailing data after the %s stream",
				len - used, decomp_name(codec));
	}
	if (image64_detect(img.data, img.len)) {
		snprintf(k->format, sizeof(k->format), "arm64 Image, %s-compressed",
			 decomp_name(codec));
		err = load_image64(name, img.data, img.len, ko, k);
	} else {
		snprintf(k->format, sizeof(k->format), "Image, %s-compressed", decomp_name(codec));
		err = load_image(name, img.data, img.len, ko, k);
	}
	hp_buf_free(&img);
	return err;
}

/* An EFI zboot image: its payload is a compressed arm64 Image. */
static int load_zboot(const char *name, const uint8_t *p, size_t len,
		      const struct kernel_opts *ko, struct kernel *k)
{
	struct zboot_info zi;
	int codec, err = zboot_parse(name, p, len, &zi);

	if (err)
		return err;
	codec = zboot_codec(zi.comp);
	if (codec < 0)
		return hp_error(HP_EINPUT, name, "zboot payload compressed with \"%s\", which "
				"hostpack does not decode", zi.comp);
	if (decomp_sniff(p + zi.payload_off, zi.payload_size) != codec)
		return hp_error(HP_EINPUT, name, "zboot payload at 0x%x is not a %s stream "
				"(the header says \"%s\")", zi.payload_off, decomp_name(codec),
				zi.comp);
	err = load_compressed(name, p + zi.payload_off, zi.payload_size, codec, ko, k);
	if (!err && k->arch != CB_ARCH_ARM64)
		return hp_error(HP_EINPUT, name, "zboot payload is not an arm64 Image");
	if (!err)
		snprintf(k->format, sizeof(k->format), "EFI zboot, %s payload at 0x%x", decomp_name(codec),
			 zi.payload_off);
	return err;
}

static int load_bzimage(const char *name, const uint8_t *p, size_t len,
			const struct kernel_opts *ko, struct kernel *k)
{
	struct bzimage_info bi;
	int err = bzimage_parse(name, p, len, true, &bi);

	if (err)
		return err;
	if (ko->text_offset_set || ko->bss_set)
		return hp_error(HP_EUSAGE, name,
				"--text-offset and --kernel-bss are for ARM kernels");
	err = bzimage_check_usable(name, &bi);
	if (err)
		return err;
	snprintf(k->format, sizeof(k->format), "bzImage, boot protocol %u.%02u",
		 bi.version >> 8, bi.version & 0xff);
	k->arch = CB_ARCH_X86_64;
	copy_into(&k->setup, p, bi.setup_len);
	copy_into(&k->image, p + bi.setup_len, len - bi.setup_len);
	k->mem_size = bi.init_size > k->image.len ? bi.init_size : (uint32_t)k->image.len;
	k->cmdline_max = bi.cmdline_size < KERNEL_X86_CMDLINE ? bi.cmdline_size
							      : KERNEL_X86_CMDLINE;
	return kernel_x86_path(name, p, len, &bi, ko, k);
}

int kernel_load(const char *name, const uint8_t *p, size_t len,
		const struct kernel_opts *ko, struct kernel *k)
{
	int codec, err = 0;

	memset(k, 0, sizeof(*k));
	if (zimage_detect(p, len))
		err = arch_conflict(name, ko, CB_ARCH_ARMV7, "an ARM zImage");
	else if (bzimage_detect(p, len))
		err = arch_conflict(name, ko, CB_ARCH_X86_64, "an x86 bzImage");
	else if (vmlinux_detect(p, len))
		err = arch_conflict(name, ko, CB_ARCH_X86_64, "an ELF vmlinux");
	else if (ko->arch == CB_ARCH_X86_64)
		err = hp_error(HP_EINPUT, name, "not a bzImage (no HdrS setup header)");
	if (err)
		return err;
	if (zimage_detect(p, len))
		err = load_zimage(name, p, len, ko, k);
	else if (bzimage_detect(p, len))
		err = load_bzimage(name, p, len, ko, k);
	else if (vmlinux_detect(p, len))
		err = kernel_load_vmlinux(name, p, len, ko, k);
	else if (zboot_detect(p, len))
		err = load_zboot(name, p, len, ko, k);
	else if (image64_detect(p, len))
		err = load_image64(name, p, len, ko, k);
	else if ((codec = decomp_sniff(p, len)) >= 0)
		err = load_compressed(name, p, len, codec, ko, k);
	else
		err = load_image(name, p, len, ko, k);
	if (!err && ko->arch && ko->arch != k->arch)
		err = arch_conflict(name, ko, k->arch, k->arch == CB_ARCH_ARM64 ?
				    "an arm64 kernel" : "a 32-bit ARM kernel");
	if (err)
		kernel_free(k);
	return err;
}

void kernel_free(struct kernel *k)
{
	hp_buf_free(&k->image);
	hp_buf_free(&k->setup);
	hp_buf_free(&k->appended);
}
