/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bzimage_parse() and bzimage_check_usable() on setup headers built in
 * memory (Documentation/arch/x86/boot.rst offsets), plus a table of
 * damaged ones, each naming the check it must hit.
 */
#include <string.h>
#include "bzimage.h"
#include "hostpack_test.h"

#define SECTS	30
#define SYSSIZE	(64 * 1024)
#define FILE_LEN	((SECTS + 1) * 512 + SYSSIZE)

static void put(uint8_t *p, unsigned int off, uint32_t v, unsigned int n)
{
	memcpy(p + off, &v, n);
}

static void make(uint8_t *p)
{
	memset(p, 0, FILE_LEN);
	p[0x1f1] = SECTS;
	put(p, 0x1f4, SYSSIZE / 16, 4);
	put(p, 0x1fe, 0xaa55, 2);
	memcpy(p + 0x202, "HdrS", 4);
	put(p, 0x206, 0x020f, 2);
	p[0x211] = 1;				/* LOADED_HIGH */
	put(p, 0x230, 0x200000, 4);		/* kernel_alignment */
	p[0x234] = 1;				/* relocatable */
	put(p, 0x236, 0x7f, 2);			/* xloadflags */
	put(p, 0x238, 2047, 4);			/* cmdline_size */
	put(p, 0x258, 0x1000000, 4);		/* pref_address */
	put(p, 0x260, 0x3000000, 4);		/* init_size */
}

struct bad {
	const char *name;
	unsigned int off, len;	/* field to overwrite (len 0: cut the file to off) */
	uint32_t val;
	int usable_only;	/* parses, but bzimage_check_usable() refuses */
};

static const struct bad bad_cases[] = {
	/* length: the header itself */
	{ "short-header", 0x200, 0, 0, 0 },
	/* signature and boot flag */
	{ "no-HdrS", 0x202, 4, 0x53726448 + 1, 0 },
	{ "boot-flag", 0x1fe, 2, 0x55aa, 0 },
	/* boot protocol older than 2.12 */
	{ "protocol-2.11", 0x206, 2, 0x020b, 0 },
	/* zImage (loaded low) */
	{ "loaded-low", 0x211, 1, 0, 0 },
	/* kernel_alignment power of two */
	{ "alignment-0", 0x230, 4, 0, 0 },
	{ "alignment-3M", 0x230, 4, 0x300000, 0 },
	/* setup + syssize beyond the file */
	{ "syssize-beyond", 0x1f4, 4, SYSSIZE / 16 + 1, 0 },
	{ "syssize-huge", 0x1f4, 4, 0xffffffff, 0 },
	{ "syssize-0", 0x1f4, 4, 0, 0 },
	{ "setup-beyond", 0x1f1, 1, 250, 0 },
	{ "cut-in-kernel", FILE_LEN - 1, 0, 0, 0 },
	/* usable: relocatable, 64-bit */
	{ "not-relocatable", 0x234, 1, 0, 1 },
	{ "32-bit-only", 0x236, 2, 0x7e, 1 },
};

int main(void)
{
	static uint8_t img[FILE_LEN];
	struct bzimage_info bi;
	unsigned int i;

	make(img);
	hp_check(bzimage_parse("t", img, FILE_LEN, true, &bi) == 0 &&
		 bi.setup_len == (SECTS + 1) * 512 && bi.syssize == SYSSIZE &&
		 bi.version == 0x020f && bi.init_size == 0x3000000 &&
		 bi.pref_address == 0x1000000 && bi.cmdline_size == 2047 &&
		 bzimage_check_usable("t", &bi) == 0, "good", "fields differ");
	img[0x1f1] = 0;		/* 0 means 4 */
	hp_check(bzimage_parse("t", img, FILE_LEN, true, &bi) == 0 && bi.setup_len == 5 * 512,
		 "setup-sects-0", "setup_len %u", bi.setup_len);
	make(img);
	hp_check(bzimage_parse("t", img, (SECTS + 1) * 512, false, &bi) == 0,
		 "setup-only", "rejected");
	hp_check(bzimage_peek(img, 0x264, &bi) && !bzimage_peek(img, 0x263, &bi),
		 "peek-length", "wrong");
	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad *b = &bad_cases[i];
		size_t len = FILE_LEN;
		int err;

		make(img);
		if (b->len)
			put(img, b->off, b->val, b->len);
		else
			len = b->off;
		err = bzimage_parse(b->name, img, len, true, &bi);
		if (b->usable_only)
			err = err ? -1 : bzimage_check_usable(b->name, &bi);
		hp_check(err == HP_EINPUT, b->name, "got %d", err);
	}
	return hp_test_done();
}
