/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bootimg_parse(): Android boot images v0-v4 built in memory (the AOSP
 * layout mkbootimg writes), the parts they yield, and a table of damaged
 * headers, each naming the check it must hit.
 */
#include <stdint.h>
#include <string.h>
#include "bootimg.h"
#include "hostpack_test.h"

#define KSIZE	5000u
#define RSIZE	3000u
#define SSIZE	100u
#define DSIZE	700u

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

static size_t pages(size_t n, size_t page)
{
	return (n + page - 1) / page * page;
}

/* v0-v2: header page, kernel, ramdisk, second, recovery DTBO (v1+), dtb (v2). */
static size_t make_v0(uint8_t *img, uint32_t version, uint32_t page, const char *cmdline)
{
	size_t at = page, n;

	memset(img, 0, 1 << 20);
	memcpy(img, "ANDROID!", 8);
	put32(img + 8, KSIZE);
	put32(img + 16, RSIZE);
	put32(img + 24, SSIZE);
	put32(img + 36, page);
	put32(img + 40, version);
	n = strlen(cmdline);
	memcpy(img + 64, cmdline, n < 512 ? n : 512);
	if (n > 512)
		memcpy(img + 608, cmdline + 512, n - 512);
	if (version >= 1)
		put32(img + 1632, SSIZE);
	if (version >= 2)
		put32(img + 1648, DSIZE);
	memset(img + at, 'K', KSIZE);
	at += pages(KSIZE, page);
	memset(img + at, 'R', RSIZE);
	at += pages(RSIZE, page) + pages(SSIZE, page);
	if (version >= 1)
		at += pages(SSIZE, page);
	if (version >= 2) {
		memset(img + at, 'D', DSIZE);
		at += pages(DSIZE, page);
	}
	return at;
}

/* v3/v4: 4096-byte pages, header, kernel, ramdisk, signature (v4). */
static size_t make_v3(uint8_t *img, uint32_t version, const char *cmdline)
{
	size_t at = 4096;

	memset(img, 0, 1 << 20);
	memcpy(img, "ANDROID!", 8);
	put32(img + 8, KSIZE);
	put32(img + 12, RSIZE);
	put32(img + 40, version);
	memcpy(img + 44, cmdline, strlen(cmdline));
	memset(img + at, 'K', KSIZE);
	at += pages(KSIZE, 4096);
	memset(img + at, 'R', RSIZE);
	at += pages(RSIZE, 4096);
	if (version == 4) {
		put32(img + 1580, 256);
		at += 4096;
	}
	return at;
}

static int all(const uint8_t *p, size_t n, uint8_t c)
{
	while (n--)
		if (*p++ != c)
			return 0;
	return 1;
}

static void good_cases(uint8_t *img)
{
	static const uint32_t page_sizes[] = { 2048, 4096, 8192, 16384 };
	char name[64], longline[1400];
	struct bootimg bi;
	unsigned int v, i;
	size_t len;

	for (v = 0; v <= 2; v++)
		for (i = 0; i < 4; i++) {
			len = make_v0(img, v, page_sizes[i], "console=ttyS0");
			snprintf(name, sizeof(name), "v%u-page%u", v, page_sizes[i]);
			hp_check(bootimg_parse("t", img, len, &bi) == 0 && bi.version == v &&
				 bi.kernel_len == KSIZE && all(bi.kernel, KSIZE, 'K') &&
				 bi.ramdisk_len == RSIZE && all(bi.ramdisk, RSIZE, 'R') &&
				 (v < 2 ? !bi.dtb : bi.dtb_len == DSIZE && all(bi.dtb, DSIZE, 'D')) &&
				 strcmp(bi.cmdline, "console=ttyS0") == 0, name, "wrong parts");
		}
	for (v = 3; v <= 4; v++) {
		len = make_v3(img, v, "root=/dev/ram0");
		snprintf(name, sizeof(name), "v%u", v);
		hp_check(bootimg_parse("t", img, len, &bi) == 0 && bi.page_size == 4096 &&
			 all(bi.kernel, KSIZE, 'K') && all(bi.ramdisk, RSIZE, 'R') && !bi.dtb &&
			 strcmp(bi.cmdline, "root=/dev/ram0") == 0, name, "wrong parts");
	}
	/* 1300 bytes: 512 in cmdline (no NUL), the rest in extra_cmdline */
	memset(longline, 'a', 1300);
	longline[1300] = 0;
	len = make_v0(img, 0, 2048, longline);
	hp_check(bootimg_parse("t", img, len, &bi) == 0 && strcmp(bi.cmdline, longline) == 0,
		 "v0-extra-cmdline", "got %zu bytes", strlen(bi.cmdline));
	len = make_v0(img, 0, 2048, "x");
	put32(img + 16, 0);
	hp_check(bootimg_parse("t", img, len, &bi) == 0 && !bi.ramdisk, "v0-no-ramdisk",
		 "ramdisk reported");
}

struct bad {
	const char *name;
	uint32_t version;	/* 3: a v3 image, else v0-v2 at 2048 */
	uint32_t off;		/* header field to overwrite */
	uint32_t val;
	long cut;		/* bytes to drop from the end (-1: keep 100 bytes) */
};

static const struct bad bad_cases[] = {
	/* page size checks: power of two in 2048..16384 */
	{ "page-0", 0, 36, 0, 0 },
	{ "page-1024", 0, 36, 1024, 0 },
	{ "page-3000", 0, 36, 3000, 0 },
	{ "page-32768", 0, 36, 32768, 0 },
	/* section reaching past the end of the file */
	{ "kernel-beyond", 0, 8, 1u << 20, 0 },
	{ "kernel-4g", 0, 8, 0xffffffffu, 0 },
	{ "ramdisk-beyond", 1, 16, 1u << 20, 0 },
	{ "second-beyond", 0, 24, 1u << 20, 0 },
	{ "dtbo-beyond", 1, 1632, 1u << 20, 0 },
	{ "dtb-beyond", 2, 1648, 1u << 20, 0 },
	{ "v3-kernel-beyond", 3, 8, 1u << 20, 0 },
	{ "v4-signature-beyond", 4, 1580, 1u << 20, 0 },
	{ "truncated-file", 2, 0, 0, 1500 },	/* into the dtb, past its padding */
	/* header version */
	{ "version-5", 0, 40, 5, 0 },
	/* no kernel */
	{ "kernel-0", 0, 8, 0, 0 },
	{ "v3-kernel-0", 3, 8, 0, 0 },
	/* magic and header length */
	{ "bad-magic", 0, 0, 0x44494f52, 0 },
	{ "short-header", 0, 0, 0, -1 },
};

int main(void)
{
	static uint8_t img[1 << 20];
	struct bootimg bi;
	unsigned int i;

	good_cases(img);
	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad *b = &bad_cases[i];
		size_t len = b->version >= 3 ? make_v3(img, b->version, "") :
			     make_v0(img, b->version, 2048, "");

		if (b->off || b->val)
			put32(img + b->off, b->val);
		len = b->cut < 0 ? 100 : len - (size_t)b->cut;
		hp_check(bootimg_parse("bad", img, len, &bi) == HP_EINPUT, b->name,
			 "accepted");
	}
	return hp_test_done();
}
