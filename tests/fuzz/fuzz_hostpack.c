/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer harness: hostpack's readers of untrusted files.  The first
 * byte picks the reader, the rest is the file:
 *   0 zimage_parse (+ zimage_inflate when KLSZ says at most 1 MiB)
 *   1 bzimage_parse (whole and setup-only) and bzimage_peek
 *   2 bootimg_parse   3 dtb_split   4 initrd_check
 *   5 verify_open, then verify_blob when every section decodes to <= 1 MiB
 *   6 decomp_alloc (codec from the second byte, at most 1 MiB out)
 *   7 vmlinux_parse (+ vmlinux_image when the image is at most 1 MiB)
 * None of them exits the process on bad input (hp_malloc exits only when
 * out of memory).  hp_error() is wrapped (-Wl,--wrap=hp_error) so that the
 * fuzzer's output is not flooded with messages.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "blob.h"
#include "hostpack.h"
#include "bootimg.h"
#include "bzimage.h"
#include "decomp.h"
#include "dtb.h"
#include "initrd.h"
#include "vmlinux.h"
#include "verify.h"
#include "zimage.h"

#define SMALL	(1u << 20)

/* hostpack/stubimg.c refers to the built-in stubs; none is linked here. */
const uint8_t hp_stub_armv7_start[1], hp_stub_armv7_end[1];
const uint8_t hp_stub_x86_64_start[1], hp_stub_x86_64_end[1];
const uint8_t hp_stub_arm64_start[1], hp_stub_arm64_end[1];

int __wrap_hp_error(int code, const char *file, const char *fmt, ...);
int __wrap_hp_error(int code, const char *file, const char *fmt, ...)
{
	(void)file;
	(void)fmt;
	return code;
}

static void fuzz_zimage(const uint8_t *p, size_t len)
{
	struct zimage_info zi;
	struct hp_buf image;

	if (zimage_parse("f", p, len, &zi) != 0)
		return;
	if (zi.end > len || (zi.has_klsz && zi.size_off + 4 > zi.end))
		abort();
	if (zi.has_klsz && zi.inflated <= SMALL &&
	    zimage_inflate("f", p, &zi, &image) == 0) {
		if (image.len != zi.inflated)
			abort();
		hp_buf_free(&image);
	}
}

static void fuzz_bzimage(const uint8_t *p, size_t len)
{
	struct bzimage_info bi;

	if (bzimage_parse("f", p, len, true, &bi) == 0 && bi.setup_len > len)
		abort();
	bzimage_parse("f", p, len, false, &bi);
	bzimage_peek(p, len, &bi);
}

static bool inside(const uint8_t *s, size_t n, const uint8_t *p, size_t len)
{
	return !s || (s >= p && n <= len && (size_t)(s - p) <= len - n);
}

static void fuzz_bootimg(const uint8_t *p, size_t len)
{
	struct bootimg *bi = malloc(sizeof(*bi));

	if (bootimg_parse("f", p, len, bi) == 0) {
		if (!inside(bi->kernel, bi->kernel_len, p, len) ||
		    !inside(bi->ramdisk, bi->ramdisk_len, p, len) ||
		    !inside(bi->dtb, bi->dtb_len, p, len) ||
		    strlen(bi->cmdline) > BOOTIMG_CMDLINE_MAX)
			abort();
	}
	free(bi);
}

static void fuzz_dtb(const uint8_t *p, size_t len)
{
	struct dtb_list l;

	memset(&l, 0, sizeof(l));
	if (dtb_split("f", p, len, &l) == 0 && (l.n == 0 || l.n > DTB_MAX_COUNT))
		abort();
	dtb_list_free(&l);
}

static void fuzz_verify(const uint8_t *p, size_t len)
{
	char msg[VERIFY_MSG_LEN];
	struct blob_view v;
	unsigned int i;

	if (verify_open(p, len, &v, msg) != 0)
		return;
	for (i = 0; i < v.hdr->nsections; i++)
		if (v.sec[i].size > SMALL || v.sec[i].mem_size > SMALL)
			return;
	verify_blob(p, len, &v, msg);
}

static void fuzz_decomp(const uint8_t *p, size_t len)
{
	struct hp_buf out = { NULL, 0 };
	size_t used;

	if (len < 1)
		return;
	if (decomp_alloc(p[0] % DECOMP_NCODECS, p + 1, len - 1, SMALL, &out, &used) == 0 &&
	    (used > len - 1 || out.len > SMALL))
		abort();
	hp_buf_free(&out);
}

static void fuzz_vmlinux(const uint8_t *p, size_t len)
{
	struct hp_buf img;
	struct vmlinux v;

	if (vmlinux_parse(p, len, &v) != 0 || v.size > SMALL)
		return;
	if (v.mem_size < v.size || (v.has_pvh && v.pvh_entry - v.load >= v.size))
		abort();
	vmlinux_image(&v, p, &img);
	hp_buf_free(&img);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *p;
	size_t len;

	if (size < 1 || size > (4u << 20))
		return 0;
	/* An exact-size heap copy, so that ASan sees reads past the file. */
	len = size - 1;
	p = malloc(len ? len : 1);
	memcpy(p, data + 1, len);
	switch (data[0] % 8) {
	case 0: fuzz_zimage(p, len); break;
	case 1: fuzz_bzimage(p, len); break;
	case 2: fuzz_bootimg(p, len); break;
	case 3: fuzz_dtb(p, len); break;
	case 4: initrd_check("f", p, len); break;
	case 5: fuzz_verify(p, len); break;
	case 6: fuzz_decomp(p, len); break;
	default: fuzz_vmlinux(p, len); break;
	}
	free(p);
	return 0;
}
