/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * blob_open and the CRC checks on a small blob built here, then one
 * malformed variant per rule of docs/blob-format.md: each must fail with the
 * error code of the check it breaks, never another.
 */
#include <stdio.h>
#include <string.h>
#include <zlib.h>
#include "blob.h"
#include "crc32.h"

#define IMAGE	256
#define BLOBSZ	2048	/* room for a CARRY section past CB_CARRY_MAX */

static int failures;
static uint16_t open_arch = CB_ARCH_ARMV7;	/* what the "stub" opening the blob is */
static struct crc32_table tab;

struct blob {
	uint8_t b[BLOBSZ] __attribute__((aligned(8)));
};

static struct cb_header *hdr(struct blob *x)
{
	return (struct cb_header *)(x->b + 256);
}

static struct cb_section *sec(struct blob *x, int i)
{
	return (struct cb_section *)(hdr(x) + 1) + i;
}

static void seal(struct blob *x)
{
	struct cb_header *h = hdr(x);

	for (int i = 0; i < h->nsections; i++) {
		struct cb_section *s = sec(x, i);

		if (s->offset < BLOBSZ && s->stored_size <= BLOBSZ - s->offset)
			s->crc = (uint32_t)crc32(0, x->b + s->offset, s->stored_size);
	}
	h->stub_crc = (uint32_t)crc32(0, x->b, IMAGE);
	h->hdr_crc = 0;
	if (h->hdr_size <= BLOBSZ - 256)
		h->hdr_crc = (uint32_t)crc32(0, (const uint8_t *)h, h->hdr_size);
}

/* A stub image of 256 bytes (bss 0), header at 256, kernel and cmdline. */
static void make_good(struct blob *x)
{
	struct cb_stub_info *si = (struct cb_stub_info *)(x->b + CB_STUB_INFO_OFFSET);
	struct cb_header *h = hdr(x);

	memset(x, 0, sizeof(*x));
	for (int i = 0; i < BLOBSZ; i++)
		x->b[i] = (uint8_t)(i * 7);
	memset(x->b + CB_STUB_INFO_OFFSET, 0, sizeof(*si));
	si->magic = CB_STUB_MAGIC;
	si->info_size = sizeof(*si);
	si->arch = CB_ARCH_ARMV7;
	si->image_size = IMAGE;
	memset(h, 0, cb_hdr_size(2));
	h->magic = CB_HDR_MAGIC;
	h->version = CB_FORMAT_VERSION;
	h->hdr_size = (uint16_t)cb_hdr_size(2);
	h->arch = CB_ARCH_ARMV7;
	h->nsections = 2;
	h->blob_size = 960 + 40;
	*sec(x, 0) = (struct cb_section){ .type = CB_SEC_KERNEL, .offset = 384,
		.stored_size = 512, .size = 512, .mem_size = 600, .load_offset = 0x8000 };
	*sec(x, 1) = (struct cb_section){ .type = CB_SEC_CMDLINE, .offset = 960,
		.stored_size = 40, .size = 40, .mem_size = 40 };
	seal(x);
}

static void expect(const char *name, struct blob *x, int want, int want_bad)
{
	struct blob_view v;
	int err = blob_open(&v, x->b, BLOBSZ, open_arch,
			    CB_FEAT_DEFLATE | CB_FEAT_LZ4, &tab);
	int ok = err == want && (want_bad < -1 || v.bad == want_bad);

	if (ok)
		printf("PASS: %s\n", name);
	else
		printf("FAIL: %s: got %d (%s), section %d; want %d\n", name, err,
		       blob_strerror(err), v.bad, want);
	failures += !ok;
}

#define CASE(name, code, bad, mutate) do {		\
		struct blob x;				\
		make_good(&x);				\
		mutate;					\
		expect(name, &x, code, bad);		\
	} while (0)

/* The good blob made an x86 one: section 1 (@type, @size bytes) follows
 * the kernel, where the cmdline was. */
static void x86(struct blob *x, uint16_t type, uint32_t size)
{
	((struct cb_stub_info *)(x->b + CB_STUB_INFO_OFFSET))->arch = CB_ARCH_X86_64;
	hdr(x)->arch = CB_ARCH_X86_64;
	sec(x, 1)->type = type;
	sec(x, 1)->stored_size = sec(x, 1)->size = sec(x, 1)->mem_size = size;
	hdr(x)->blob_size = 960 + size;
	seal(x);
}

static void x86_checks(void)
{
	open_arch = CB_ARCH_X86_64;
	CASE("x86-setup", 0, -1, x86(&x, CB_SEC_SETUP, 1024));
	CASE("x86-pvh", 0, -1, x86(&x, CB_SEC_PVH, sizeof(struct cb_pvh)));
	/* neither the bzImage path's SETUP nor PVH */
	CASE("x86-no-path", BLOB_ENOKERNEL, -1, x86(&x, CB_SEC_CMDLINE, 16));
	CASE("x86-pvh-short", BLOB_ESECTSIZE, 1, x86(&x, CB_SEC_PVH, sizeof(struct cb_pvh) - 4));
	CASE("x86-pvh-long", BLOB_ESECTSIZE, 1, x86(&x, CB_SEC_PVH, sizeof(struct cb_pvh) + 4));
	CASE("x86-pvh-compressed", BLOB_ESECTSIZE, 1, (x86(&x, CB_SEC_PVH, sizeof(struct cb_pvh)),
	     sec(&x, 1)->comp = CB_COMP_LZ4, seal(&x)));
	/* both paths: the kernel's slot taken by SETUP leaves no KERNEL */
	CASE("x86-setup-and-pvh", BLOB_ENOKERNEL, -1, (x86(&x, CB_SEC_PVH, sizeof(struct cb_pvh)),
	     sec(&x, 0)->type = CB_SEC_SETUP, seal(&x)));
	open_arch = CB_ARCH_ARMV7;
}

static void crc_checks(void)
{
	struct blob x;
	struct blob_view v;
	uint32_t found;
	int ok;

	make_good(&x);
	ok = blob_open(&v, x.b, BLOBSZ, CB_ARCH_ARMV7, 0, &tab) == 0 &&
	     blob_check_stub(&v, &tab, &found) == 0 &&
	     blob_check_section(&v, 0, &tab, &found) == 0 &&
	     blob_check_section(&v, 1, &tab, &found) == 0;
	printf("%s: good-blob-all-crcs\n", ok ? "PASS" : "FAIL");
	failures += !ok;

	x.b[384 + 100] ^= 0x10;		/* one bit of the kernel */
	ok = blob_check_section(&v, 0, &tab, &found) == BLOB_ESECTCRC &&
	     found != sec(&x, 0)->crc && blob_check_section(&v, 1, &tab, &found) == 0;
	printf("%s: kernel-bit-flip-caught\n", ok ? "PASS" : "FAIL");
	failures += !ok;

	make_good(&x);
	x.b[0x20] ^= 1;			/* the stub image, outside the header */
	ok = blob_open(&v, x.b, BLOBSZ, CB_ARCH_ARMV7, 0, &tab) == 0 &&
	     blob_check_stub(&v, &tab, &found) == BLOB_ESTUBCRC;
	printf("%s: stub-bit-flip-caught\n", ok ? "PASS" : "FAIL");
	failures += !ok;

	/* Every single-byte change of the header is caught. */
	ok = 1;
	for (uint32_t i = 0; i < cb_hdr_size(2); i++) {
		make_good(&x);
		((uint8_t *)hdr(&x))[i] ^= 0x5a;
		if (blob_open(&v, x.b, BLOBSZ, CB_ARCH_ARMV7, 0, &tab) == 0)
			ok = 0;
	}
	printf("%s: every-header-byte-flip-rejected\n", ok ? "PASS" : "FAIL");
	failures += !ok;
}

int main(void)
{
	crc32_init(&tab);
	CASE("good", 0, -1, (void)0);
	/* Each case breaks one rule; seal() keeps the CRCs right so the rule
	 * itself is what must catch it. */
	CASE("stub-info-magic", BLOB_ESTUBINFO, -2, x.b[CB_STUB_INFO_OFFSET] ^= 1);
	CASE("stub-image-too-big", BLOB_ESTUBINFO, -2,
	     ((struct cb_stub_info *)(x.b + CB_STUB_INFO_OFFSET))->image_size = CB_STUB_MAX_SIZE + 4);
	CASE("header-magic", BLOB_EMAGIC, -2, (hdr(&x)->magic ^= 1, seal(&x)));
	CASE("newer-version", BLOB_EVERSION, -2, (hdr(&x)->version = 2, seal(&x)));
	CASE("other-arch", BLOB_EARCH, -2, (hdr(&x)->arch = CB_ARCH_X86_64, seal(&x)));
	CASE("no-sections", BLOB_EHDRSIZE, -2, (hdr(&x)->nsections = 0, seal(&x)));
	CASE("hdr-size-mismatch", BLOB_EHDRSIZE, -2, (hdr(&x)->hdr_size += 4, seal(&x)));
	CASE("unknown-flag", BLOB_EFLAGS, -2, (hdr(&x)->flags = 1u << 9, seal(&x)));
	CASE("bad-cmdline-mode", BLOB_EFLAGS, -2,
	     (hdr(&x)->flags = 3u << CB_HF_CMDLINE_SHIFT, seal(&x)));
	CASE("reserved-nonzero", BLOB_EFLAGS, -2, (hdr(&x)->reserved[1] = 1, seal(&x)));
	CASE("blob-size-beyond", BLOB_ESIZE, -2, (hdr(&x)->blob_size = BLOBSZ + 64, seal(&x)));
	CASE("trailing-bytes", BLOB_ESIZE, -1, (hdr(&x)->blob_size += 8, seal(&x)));
	CASE("header-crc", BLOB_EHDRCRC, -2, hdr(&x)->hdr_crc ^= 1);
	CASE("section-type", BLOB_ESECTTYPE, 1, (sec(&x, 1)->type = 9, seal(&x)));
	CASE("two-kernels", BLOB_ESECTTYPE, 1, (sec(&x, 1)->type = CB_SEC_KERNEL, seal(&x)));
	CASE("section-codec", BLOB_ESECTCOMP, 0, (sec(&x, 0)->comp = 7, seal(&x)));
	CASE("section-flags", BLOB_EFLAGS, 0, (sec(&x, 0)->flags = 1, seal(&x)));
	CASE("misaligned", BLOB_ESECTRANGE, 1, (sec(&x, 1)->offset = 964,
	     sec(&x, 1)->stored_size = sec(&x, 1)->size = sec(&x, 1)->mem_size = 36, seal(&x)));
	CASE("overlap", BLOB_ESECTRANGE, 1, (sec(&x, 1)->offset = 832,
	     sec(&x, 1)->stored_size = sec(&x, 1)->size = sec(&x, 1)->mem_size = 168, seal(&x)));
	CASE("over-header", BLOB_ESECTRANGE, 0, (sec(&x, 0)->offset = 256, seal(&x)));
	CASE("size-wraps", BLOB_ESECTRANGE, 0, (sec(&x, 0)->stored_size = 0xfffffff0u, seal(&x)));
	CASE("none-size-differs", BLOB_ESECTSIZE, 0, (sec(&x, 0)->size = 500, seal(&x)));
	CASE("mem-below-size", BLOB_ESECTSIZE, 0, (sec(&x, 0)->mem_size = 100, seal(&x)));
	/* CARRY: stored uncompressed, at most CB_CARRY_MAX bytes */
	CASE("carry", 0, -1, (sec(&x, 1)->type = CB_SEC_CARRY, seal(&x)));
	CASE("carry-1024", 0, -1, (sec(&x, 1)->type = CB_SEC_CARRY,
	     sec(&x, 1)->stored_size = sec(&x, 1)->size = sec(&x, 1)->mem_size = CB_CARRY_MAX,
	     hdr(&x)->blob_size = 960 + CB_CARRY_MAX, seal(&x)));
	CASE("carry-too-large", BLOB_ESECTSIZE, 1, (sec(&x, 1)->type = CB_SEC_CARRY,
	     sec(&x, 1)->stored_size = sec(&x, 1)->size = sec(&x, 1)->mem_size = CB_CARRY_MAX + 1,
	     hdr(&x)->blob_size = 960 + CB_CARRY_MAX + 1, seal(&x)));
	CASE("carry-compressed", BLOB_ESECTSIZE, 1, (sec(&x, 1)->type = CB_SEC_CARRY,
	     sec(&x, 1)->comp = CB_COMP_LZ4, seal(&x)));
	CASE("carry-mem-size", BLOB_ESECTSIZE, 1, (sec(&x, 1)->type = CB_SEC_CARRY,
	     sec(&x, 1)->mem_size = 8, seal(&x)));
	CASE("type-after-last", BLOB_ESECTTYPE, 1, (sec(&x, 1)->type = CB_SEC_LAST + 1, seal(&x)));
	/* PVH: x86 only, 16 bytes uncompressed (an x86 blob: test_blob_x86) */
	CASE("pvh-on-arm", BLOB_ESECTTYPE, 1, (sec(&x, 1)->type = CB_SEC_PVH,
	     sec(&x, 1)->stored_size = sec(&x, 1)->size = sec(&x, 1)->mem_size = sizeof(struct cb_pvh),
	     hdr(&x)->blob_size = 960 + sizeof(struct cb_pvh), seal(&x)));
	CASE("no-kernel", BLOB_ENOKERNEL, -1, (sec(&x, 0)->type = CB_SEC_INITRD, seal(&x)));
	x86_checks();
	crc_checks();
	return failures ? 1 : 0;
}
