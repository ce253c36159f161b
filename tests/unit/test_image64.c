/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * image64_parse()/zboot_parse() and kernel_load() of arm64 kernels: an
 * Image built in memory, the same gzip-compressed (Debian's vmlinuz) and
 * inside EFI zboot containers as Linux builds them, with every method it
 * offers (encoders.c: the real libraries); then tables of damaged headers,
 * each naming the check it must hit.
 */
#include <string.h>
#include "blob.h"
#include "encoders.h"
#include "hostpack_test.h"
#include "image64.h"
#include "kernel.h"

#define IMAGE_LEN	(64u * 1024)
#define IMAGE_SIZE	(3u * 1024 * 1024)	/* image_size: file + BSS */
#define ZB_PAYLOAD	0x1000

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

static void put64(uint8_t *p, uint64_t v)
{
	memcpy(p, &v, 8);
}

/* An Image of IMAGE_LEN bytes: the header, then words that are not zero. */
static uint8_t *make_image(uint64_t text_offset, uint64_t image_size, uint64_t flags)
{
	uint8_t *p = hp_calloc(IMAGE_LEN);
	uint32_t i;

	put32(p, 0x91005a4d);		/* Linux's code0: "MZ" */
	put32(p + 4, 0x14000010);	/* b */
	put64(p + CB_A64_TEXT_OFFSET_OFF, text_offset);
	put64(p + CB_A64_IMAGE_SIZE_OFF, image_size);
	put64(p + CB_A64_FLAGS_OFF, flags);
	put32(p + CB_A64_MAGIC_OFF, CB_A64_MAGIC);
	put32(p + 0x3c, 0x40);		/* PE offset */
	for (i = 0x100; i + 4 <= IMAGE_LEN; i += 4)
		put32(p + i, i * 2654435761u);
	return p;
}

/* A zboot file: header, payload at ZB_PAYLOAD; *@len its size. */
static uint8_t *make_zboot(const uint8_t *gz, size_t gz_len, const char *comp, size_t *len)
{
	uint8_t *p = hp_calloc(ZB_PAYLOAD + gz_len);

	p[0] = 'M';
	p[1] = 'Z';
	memcpy(p + 4, "zimg", 4);
	put32(p + 8, ZB_PAYLOAD);
	put32(p + 12, (uint32_t)gz_len);
	memcpy(p + 0x18, comp, strlen(comp));
	memcpy(p + ZB_PAYLOAD, gz, gz_len);
	*len = ZB_PAYLOAD + gz_len;
	return p;
}

/*
 * The zboot images Linux builds (drivers/firmware/efi/libstub/
 * Makefile.zboot): the Image padded with zeros to its image_size, then
 * compressed; the header names the method with Linux's comp-type ("xzkern"
 * for .xz, "zstd22" before 6.13), and every method but gzip appends the
 * size as a le32 after the stream, outside the header's payload size.
 */
static void linux_zboots(const uint8_t *img)
{
	static const struct {
		const char *comp;
		int codec;
	} t[] = {
		{ "gzip", DECOMP_GZIP }, { "lz4", DECOMP_LZ4 }, { "lzma", DECOMP_LZMA },
		{ "lzo", DECOMP_LZO }, { "xzkern", DECOMP_XZ }, { "zstd22", DECOMP_ZSTD },
		{ "zstd", DECOMP_ZSTD },
	};
	const struct kernel_opts any = { 0 };
	uint8_t *padded = hp_calloc(IMAGE_SIZE), *stream = hp_malloc(2 * IMAGE_SIZE), *zb;
	size_t i, n, zb_len;
	struct kernel k;
	char what[64];
	int err;

	memcpy(padded, img, IMAGE_LEN);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		n = test_encoders[t[i].codec](padded, IMAGE_SIZE, stream, 2 * IMAGE_SIZE - 4);
		if (t[i].codec != DECOMP_GZIP)
			put32(stream + n, IMAGE_SIZE);
		zb = make_zboot(stream, n + 4 * (t[i].codec != DECOMP_GZIP), t[i].comp, &zb_len);
		put32(zb + 12, (uint32_t)n);
		snprintf(what, sizeof(what), "kernel_load: Linux's zboot, \"%s\"", t[i].comp);
		err = kernel_load("vmlinuz.efi", zb, zb_len, &any, &k);
		hp_check(n && !err && k.arch == CB_ARCH_ARM64 && k.image.len == IMAGE_SIZE &&
			 memcmp(k.image.data, padded, IMAGE_SIZE) == 0 &&
			 k.mem_size == IMAGE_SIZE && strstr(k.format, decomp_name(t[i].codec)),
			 what, "err %d, format '%s'", err, err ? "" : k.format);
		if (!err)
			kernel_free(&k);
		free(zb);
	}
	free(stream);
	free(padded);
}

static void good_images(void)
{
	const struct kernel_opts any = { 0 }, a64 = { .arch = CB_ARCH_ARM64 };
	uint8_t *img = make_image(0, IMAGE_SIZE, 0xa), *gz = hp_malloc(2 * IMAGE_LEN), *zb;
	size_t gz_len = test_encoders[DECOMP_GZIP](img, IMAGE_LEN, gz, 2 * IMAGE_LEN), zb_len;
	struct image64_info ii;
	struct kernel k;
	int err;

	err = image64_parse("Image", img, IMAGE_LEN, &ii);
	hp_check(!err && ii.text_offset == 0 && ii.image_size == IMAGE_SIZE && ii.flags == 0xa,
		 "image64: header read", "err %d, text_offset %llx", err,
		 (unsigned long long)ii.text_offset);

	err = kernel_load("Image", img, IMAGE_LEN, &any, &k);
	hp_check(!err && k.arch == CB_ARCH_ARM64 && k.image.len == IMAGE_LEN &&
		 memcmp(k.image.data, img, IMAGE_LEN) == 0 && k.mem_size == IMAGE_SIZE &&
		 k.load_offset == 0 && k.cmdline_max == 2047,
		 "kernel_load: arm64 Image", "err %d arch %u mem %u", err, k.arch, k.mem_size);
	if (!err)
		kernel_free(&k);

	err = kernel_load("Image.gz", gz, gz_len, &a64, &k);
	hp_check(gz_len && !err && k.arch == CB_ARCH_ARM64 && k.image.len == IMAGE_LEN &&
		 memcmp(k.image.data, img, IMAGE_LEN) == 0 && strstr(k.format, "gzip"),
		 "kernel_load: Image.gz", "err %d, format '%s'", err, err ? "" : k.format);
	if (!err)
		kernel_free(&k);

	zb = make_zboot(gz, gz_len, "gzip", &zb_len);
	err = kernel_load("vmlinuz.efi", zb, zb_len, &any, &k);
	hp_check(!err && k.arch == CB_ARCH_ARM64 && k.image.len == IMAGE_LEN &&
		 memcmp(k.image.data, img, IMAGE_LEN) == 0 && strstr(k.format, "zboot"),
		 "kernel_load: EFI zboot, gzip payload", "err %d", err);
	if (!err)
		kernel_free(&k);
	free(zb);

	linux_zboots(img);

	/* --arch armv7 with an arm64 kernel: a usage error. */
	{
		const struct kernel_opts v7 = { .arch = CB_ARCH_ARMV7 };

		err = kernel_load("Image", img, IMAGE_LEN, &v7, &k);
		hp_check(err == HP_EUSAGE, "kernel_load: --arch armv7 with an arm64 Image",
			 "err %d", err);
	}
	/* An old Image (image_size 0): text_offset 0x80000, size guessed. */
	free(img);
	img = make_image(0x1234, 0, 0);
	err = kernel_load("old-Image", img, IMAGE_LEN, &any, &k);
	hp_check(!err && k.load_offset == A64_OLD_TEXT_OFFSET && k.mem_size > IMAGE_LEN,
		 "kernel_load: image_size 0 means text_offset 0x80000", "err %d", err);
	if (!err)
		kernel_free(&k);
	free(img);
	free(gz);
}

/* Damaged Images: each hits one check of image64_parse. */
static void bad_images(void)
{
	static const struct {
		const char *name;
		uint64_t text_offset, image_size, flags;
		uint32_t magic;
	} t[] = {
		{ "no magic", 0, IMAGE_SIZE, 0xa, 0x644d5242 },
		{ "big-endian (flags bit 0)", 0, IMAGE_SIZE, 0xb, CB_A64_MAGIC },
		{ "text_offset not a page", 0x80010, IMAGE_SIZE, 0xa, CB_A64_MAGIC },
		{ "text_offset 2 MiB", 0x200000, IMAGE_SIZE, 0xa, CB_A64_MAGIC },
		{ "image_size below the file", 0, IMAGE_LEN - 8, 0xa, CB_A64_MAGIC },
	};
	struct image64_info ii;
	unsigned int i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		uint8_t *img = make_image(t[i].text_offset, t[i].image_size, t[i].flags);
		int err;

		put32(img + CB_A64_MAGIC_OFF, t[i].magic);
		err = image64_parse("bad", img, IMAGE_LEN, &ii);
		hp_check(err == HP_EINPUT, t[i].name, "accepted (err %d)", err);
		free(img);
	}
}

/* Damaged zboot containers: each hits one check of zboot_parse or load_zboot. */
static void bad_zboots(void)
{
	const struct kernel_opts any = { 0 };
	uint8_t *img = make_image(0, IMAGE_SIZE, 0xa), *gz = hp_malloc(2 * IMAGE_LEN), *zb;
	size_t gz_len = test_encoders[DECOMP_GZIP](img, IMAGE_LEN, gz, 2 * IMAGE_LEN), zb_len;
	struct zboot_info zi;
	struct kernel k;
	int err;

	zb = make_zboot(gz, gz_len, "gzip", &zb_len);
	put32(zb + 12, (uint32_t)gz_len + 1);
	err = zboot_parse("zb", zb, zb_len, &zi);
	hp_check(err == HP_EINPUT, "zboot: payload past the file's end", "err %d", err);
	put32(zb + 12, (uint32_t)gz_len);
	put32(zb + 8, 0x10);
	err = zboot_parse("zb", zb, zb_len, &zi);
	hp_check(err == HP_EINPUT, "zboot: payload inside the header", "err %d", err);
	put32(zb + 8, ZB_PAYLOAD);
	memset(zb + 0x18, 0, 32);
	err = zboot_parse("zb", zb, zb_len, &zi);
	hp_check(err == HP_EINPUT, "zboot: empty compression name", "err %d", err);
	zb[0x18] = 'g';
	zb[0x19] = '\n';
	err = zboot_parse("zb", zb, zb_len, &zi);
	hp_check(err == HP_EINPUT, "zboot: compression name not text", "err %d", err);
	free(zb);

	zb = make_zboot(gz, gz_len, "bzip2", &zb_len);
	err = kernel_load("zb", zb, zb_len, &any, &k);
	hp_check(err == HP_EINPUT, "zboot: a codec hostpack does not decode", "err %d", err);
	free(zb);
	zb = make_zboot(gz, gz_len, "zstd22", &zb_len);
	err = kernel_load("zb", zb, zb_len, &any, &k);
	hp_check(err == HP_EINPUT, "zboot: name says zstd22, payload is gzip", "err %d", err);
	free(zb);
	zb = make_zboot(gz, gz_len, "xz", &zb_len);
	err = kernel_load("zb", zb, zb_len, &any, &k);
	hp_check(err == HP_EINPUT, "zboot: name says xz, payload is gzip", "err %d", err);
	free(zb);
	gz[gz_len / 2] ^= 0xff;
	zb = make_zboot(gz, gz_len, "gzip", &zb_len);
	err = kernel_load("zb", zb, zb_len, &any, &k);
	hp_check(err == HP_EINPUT, "zboot: corrupt gzip payload", "err %d", err);
	free(zb);
	free(img);
	free(gz);
}

int main(void)
{
	good_images();
	bad_images();
	bad_zboots();
	return hp_test_done();
}
