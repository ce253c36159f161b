/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer harness: blob_open() and blob_check_section() (stub/blob.c).
 * When the first byte is odd the harness writes the right hdr_crc into its
 * copy first, so half the inputs get past the header CRC to the section
 * table rules.  On success every promise of blob_open() is re-checked.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "blob.h"
#include "crc32.h"

static struct crc32_table tab;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	crc32_init(&tab);
	return 0;
}

/* Write the header CRC the input would need, when its header is readable. */
static void fix_hdr_crc(uint8_t *p, size_t len)
{
	const struct cb_stub_info *si = (const void *)(p + CB_STUB_INFO_OFFSET);
	struct cb_header *h;
	uint32_t hoff;

	if (len < CB_STUB_INFO_OFFSET + sizeof(*si))
		return;
	if (si->image_size > CB_STUB_MAX_SIZE || si->bss_size > CB_STUB_MAX_SIZE)
		return;
	hoff = cb_header_offset(si);
	if ((size_t)hoff + sizeof(*h) > len)
		return;
	h = (void *)(p + hoff);
	if (h->hdr_size < sizeof(*h) || (size_t)hoff + h->hdr_size > len)
		return;
	h->hdr_crc = blob_header_crc(h, &tab);
}

static void check_view(const struct blob_view *v, size_t len)
{
	const struct cb_header *h = v->hdr;
	uint32_t prev = (uint32_t)((const uint8_t *)h - v->base) + h->hdr_size;
	unsigned int i;

	if (h->blob_size > len || h->nsections == 0 || h->nsections > CB_MAX_SECTIONS)
		abort();
	for (i = 0; i < h->nsections; i++) {
		const struct cb_section *s = &v->sec[i];
		uint32_t found;

		if (s->offset % CB_SECT_ALIGN || s->offset < prev ||
		    (uint64_t)s->offset + s->stored_size > h->blob_size)
			abort();
		if (s->mem_size < s->size)
			abort();
		prev = s->offset + s->stored_size;
		blob_check_section(v, i, &tab, &found);
	}
	if (!blob_find(v, CB_SEC_KERNEL, 0))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct blob_view v;
	uint8_t *p;
	uint32_t found;
	int err;

	/* A malloc'd copy: aligned like a loaded blob, and writable. */
	p = malloc(size ? size : 1);
	memcpy(p, data, size);
	if (size && (p[0] & 1))
		fix_hdr_crc(p, size);
	err = blob_open(&v, p, size, 0, CB_FEAT_DEFLATE | CB_FEAT_LZ4, &tab);
	if (err > 0 || err < BLOB_ESECTCRC)
		abort();
	if (!blob_strerror(err))
		abort();
	if (err == 0) {
		check_view(&v, size);
		blob_check_stub(&v, &tab, &found);
	}
	free(p);
	return 0;
}
