/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Android boot image: a header page, then kernel, ramdisk, second stage,
 * recovery DTBO (v1, v2) and DTB (v2), each padded to whole pages.
 */
#include <string.h>
#include "bootimg.h"

#define BOOT_MAGIC		"ANDROID!"
#define BOOT_MAGIC_LEN		8
#define BOOT_V3_PAGE		4096u
#define BOOT_MAX_VERSION	4

/* Field offsets: v0-v2 */
#define V0_KERNEL_SIZE		8
#define V0_RAMDISK_SIZE		16
#define V0_SECOND_SIZE		24
#define V0_PAGE_SIZE		36
#define HDR_VERSION		40	/* the same place in every version */
#define V0_CMDLINE		64
#define V0_CMDLINE_LEN		512
#define V0_EXTRA_CMDLINE	608
#define V0_EXTRA_LEN		1024
#define V1_DTBO_SIZE		1632
#define V2_DTB_SIZE		1648
#define V2_HDR_END		1660
/* v3, v4 */
#define V3_KERNEL_SIZE		8
#define V3_RAMDISK_SIZE		12
#define V3_CMDLINE		44
#define V3_CMDLINE_LEN		1536
#define V4_SIGNATURE_SIZE	1580
#define V4_HDR_END		1584

bool bootimg_detect(const uint8_t *p, size_t len)
{
	return len >= BOOT_MAGIC_LEN && memcmp(p, BOOT_MAGIC, BOOT_MAGIC_LEN) == 0;
}

struct walk {
	const char *name;
	size_t file_len;
	uint32_t page;
	uint64_t at;		/* next section's offset */
};

/* Take the next page-aligned section of @size bytes; NULL + error if it
 * reaches past the end of the file. */
static int take(struct walk *w, const uint8_t *p, const char *what, uint32_t size,
		const uint8_t **out, size_t *out_len)
{
	if (w->at + size > w->file_len)
		return hp_error(HP_EINPUT, w->name,
				"boot image %s (%u bytes at 0x%llx) extends beyond the file (%zu bytes)",
				what, size, (unsigned long long)w->at, w->file_len);
	if (out) {
		*out = size ? p + w->at : NULL;
		*out_len = size;
	}
	w->at += ((uint64_t)size + w->page - 1) / w->page * w->page;
	return 0;
}

static void copy_cmdline(char *dst, const uint8_t *src, size_t max)
{
	size_t n = strnlen((const char *)src, max);

	memcpy(dst, src, n);
	dst[n] = 0;
}

static int parse_v0(const char *name, const uint8_t *p, size_t len, struct bootimg *bi)
{
	struct walk w = { name, len, hp_le32(p + V0_PAGE_SIZE), 0 };
	int err;

	bi->page_size = w.page;
	if (w.page < 2048 || w.page > 16384 || (w.page & (w.page - 1)))
		return hp_error(HP_EINPUT, name, "impossible boot image page size %u", w.page);
	copy_cmdline(bi->cmdline, p + V0_CMDLINE, V0_CMDLINE_LEN);
	if (strlen(bi->cmdline) == V0_CMDLINE_LEN)	/* continued in extra_cmdline */
		copy_cmdline(bi->cmdline + V0_CMDLINE_LEN, p + V0_EXTRA_CMDLINE, V0_EXTRA_LEN);
	err = take(&w, p, "header", V2_HDR_END, NULL, NULL);
	err = err ? err : take(&w, p, "kernel", hp_le32(p + V0_KERNEL_SIZE),
			       &bi->kernel, &bi->kernel_len);
	err = err ? err : take(&w, p, "ramdisk", hp_le32(p + V0_RAMDISK_SIZE),
			       &bi->ramdisk, &bi->ramdisk_len);
	err = err ? err : take(&w, p, "second stage", hp_le32(p + V0_SECOND_SIZE), NULL, NULL);
	if (bi->version >= 1)
		err = err ? err : take(&w, p, "recovery DTBO", hp_le32(p + V1_DTBO_SIZE),
				       NULL, NULL);
	if (bi->version >= 2)
		err = err ? err : take(&w, p, "dtb", hp_le32(p + V2_DTB_SIZE),
				       &bi->dtb, &bi->dtb_len);
	return err;
}

static int parse_v3(const char *name, const uint8_t *p, size_t len, struct bootimg *bi)
{
	struct walk w = { name, len, BOOT_V3_PAGE, 0 };
	int err;

	bi->page_size = BOOT_V3_PAGE;
	copy_cmdline(bi->cmdline, p + V3_CMDLINE, V3_CMDLINE_LEN);
	err = take(&w, p, "header", V4_HDR_END, NULL, NULL);
	err = err ? err : take(&w, p, "kernel", hp_le32(p + V3_KERNEL_SIZE),
			       &bi->kernel, &bi->kernel_len);
	err = err ? err : take(&w, p, "ramdisk", hp_le32(p + V3_RAMDISK_SIZE),
			       &bi->ramdisk, &bi->ramdisk_len);
	if (bi->version >= 4)
		err = err ? err : take(&w, p, "boot signature",
				       hp_le32(p + V4_SIGNATURE_SIZE), NULL, NULL);
	return err;
}

int bootimg_parse(const char *name, const uint8_t *p, size_t len,
		  struct bootimg *bi)
{
	int err;

	memset(bi, 0, sizeof(*bi));
	if (!bootimg_detect(p, len))
		return hp_error(HP_EINPUT, name, "not an Android boot image (no ANDROID! magic)");
	if (len < V2_HDR_END)
		return hp_error(HP_EINPUT, name, "truncated boot image header (%zu bytes)", len);
	bi->version = hp_le32(p + HDR_VERSION);
	if (bi->version > BOOT_MAX_VERSION)
		return hp_error(HP_EINPUT, name, "unsupported boot image header version %u",
				bi->version);
	err = bi->version >= 3 ? parse_v3(name, p, len, bi) : parse_v0(name, p, len, bi);
	if (!err && !bi->kernel_len)
		return hp_error(HP_EINPUT, name, "boot image has no kernel");
	return err;
}
