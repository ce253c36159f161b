/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdlib.h>
#include <string.h>
#include "blobcodec.h"
#include "build.h"
#include "crc32.h"
#include "front.h"
#include "verify.h"

int build_add(struct build *b, const char *name, uint16_t type, uint8_t comp,
	      const uint8_t *data, size_t len, uint32_t mem_size,
	      uint32_t load_offset)
{
	struct build_section *s = &b->sec[b->n];

	if (b->n == CB_MAX_SECTIONS)
		return hp_error(HP_EINPUT, name, "more than %u sections", CB_MAX_SECTIONS);
	if (len > UINT32_MAX)
		return hp_error(HP_EINPUT, name, "too large for a blob section");
	if (blobcodec_encode(comp, data, len, &s->stored))
		return hp_error(HP_EINPUT, name, "%s compression failed", blob_comp_name(comp));
	s->type = type;
	s->comp = comp;
	s->size = (uint32_t)len;
	s->mem_size = mem_size ? mem_size : (uint32_t)len;
	s->load_offset = load_offset;
	b->n++;
	return 0;
}

/* Section offsets and the blob size; false if it would not fit 32 bits. */
static bool layout(const struct build *b, uint32_t *offsets, uint32_t *blob_size)
{
	const struct cb_stub_info *si = &b->stub->info;
	uint64_t at = cb_header_offset(si) + cb_hdr_size((uint16_t)b->n);
	unsigned int i;

	for (i = 0; i < b->n; i++) {
		at = hp_align(at, CB_SECT_ALIGN);
		offsets[i] = (uint32_t)at;
		at += b->sec[i].stored.len;
		if (at > UINT32_MAX)
			return false;
	}
	*blob_size = (uint32_t)at;
	/* An x86 blob and the stub's stack must fit below 4 GiB. */
	return si->arch != CB_ARCH_X86_64 ||
	       CB_MB_LOAD_ADDR + at + si->stack_size <= UINT32_MAX;
}

static void fill(const struct build *b, uint8_t *blob, const uint32_t *offsets,
		 uint32_t blob_size, struct blob_view *v)
{
	const struct stub_image *stub = b->stub;
	struct cb_header *h = (struct cb_header *)(blob + cb_header_offset(&stub->info));
	struct cb_section *sec = (struct cb_section *)(h + 1);
	unsigned int i;

	memcpy(blob, stub->image.data, stub->image.len);
	h->magic = CB_HDR_MAGIC;
	h->version = CB_FORMAT_VERSION;
	h->hdr_size = (uint16_t)cb_hdr_size((uint16_t)b->n);
	h->arch = stub->info.arch;
	h->nsections = (uint16_t)b->n;
	h->flags = b->flags;
	h->blob_size = blob_size;
	for (i = 0; i < b->n; i++) {
		const struct build_section *s = &b->sec[i];

		sec[i] = (struct cb_section){
			.type = s->type, .comp = s->comp, .offset = offsets[i],
			.stored_size = (uint32_t)s->stored.len, .size = s->size,
			.mem_size = s->mem_size, .load_offset = s->load_offset,
		};
		memcpy(blob + offsets[i], s->stored.data, s->stored.len);
	}
	*v = (struct blob_view){ blob, (const void *)(blob + CB_STUB_INFO_OFFSET), h, sec, -1 };
}

/* The stub CRC covers the patched front; the header CRC covers all CRCs. */
static void checksum(uint8_t *blob, const struct blob_view *v)
{
	struct cb_header *h = (struct cb_header *)v->hdr;
	struct cb_section *sec = (struct cb_section *)v->sec;
	struct crc32_table t;
	unsigned int i;

	crc32_init(&t);
	h->stub_crc = crc32_update(&t, 0, blob, v->si->image_size);
	for (i = 0; i < h->nsections; i++)
		sec[i].crc = crc32_update(&t, 0, blob + sec[i].offset, sec[i].stored_size);
	h->hdr_crc = blob_header_crc(h, &t);
}

/* The file: the stub's Linux front (x86), then the blob. */
int build_blob(const struct build *b, struct hp_buf *out)
{
	uint32_t offsets[CB_MAX_SECTIONS], blob_size;
	size_t pre = b->stub->front.len;
	char msg[VERIFY_MSG_LEN];
	struct blob_view v;
	uint8_t *file, *blob;

	out->data = NULL;
	out->len = 0;
	if (!layout(b, offsets, &blob_size))
		return hp_error(HP_EINPUT, NULL, "the blob would not fit in 4 GiB");
	file = hp_calloc(pre + blob_size);
	blob = file + pre;
	fill(b, blob, offsets, blob_size, &v);
	front_patch(blob, &v);
	checksum(blob, &v);
	if (pre) {
		memcpy(file, b->stub->front.data, pre);
		front_patch_linux(file, &v);
	}
	if (verify_blob(blob, blob_size, &v, msg) ||
	    (pre && front_check_linux_blob(file, pre, &v, msg, sizeof(msg)))) {
		free(file);
		return hp_error(HP_EVERIFY, NULL,
				"internal error: the packed blob fails verification: %s", msg);
	}
	out->data = file;
	out->len = pre + blob_size;
	return 0;
}

void build_free(struct build *b)
{
	while (b->n)
		hp_buf_free(&b->sec[--b->n].stored);
}
