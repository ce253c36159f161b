/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Structural and integrity checks of a blob, shared by the stub (before it
 * touches memory) and by `hostpack verify`.  Rules: docs/blob-format.md.
 */
#include <string.h>
#include "blob.h"
#include "crc32.h"
#include "strlist.h"

static int check_section(const struct blob_view *v, const struct cb_section *s,
			 uint32_t prev_end, uint32_t features)
{
	uint32_t end = s->offset + s->stored_size;

	if (s->type < CB_SEC_KERNEL || s->type > CB_SEC_LAST)
		return BLOB_ESECTTYPE;
	/* CB_COMP_n needs feature bit n - 1; "none" needs nothing. */
	if (s->comp > CB_COMP_LZ4 || !((features << 1 | 1) >> s->comp & 1))
		return BLOB_ESECTCOMP;
	if (s->flags != 0 || s->reserved != 0)
		return BLOB_EFLAGS;
	if (s->offset % CB_SECT_ALIGN != 0 || s->offset < prev_end)
		return BLOB_ESECTRANGE;
	if (end < s->offset || end > v->hdr->blob_size)
		return BLOB_ESECTRANGE;
	if (s->comp == CB_COMP_NONE && s->size != s->stored_size)
		return BLOB_ESECTSIZE;
	if (s->mem_size < s->size)
		return BLOB_ESECTSIZE;
	if (s->type == CB_SEC_BOARD &&
	    (s->comp != CB_COMP_NONE || s->size != sizeof(struct cb_board)))
		return BLOB_ESECTSIZE;
	if (s->type == CB_SEC_CARRY &&
	    (s->comp != CB_COMP_NONE || s->size > CB_CARRY_MAX))
		return BLOB_ESECTSIZE;
	if (s->type == CB_SEC_PVH &&
	    (s->comp != CB_COMP_NONE || s->size != sizeof(struct cb_pvh)))
		return BLOB_ESECTSIZE;
	return 0;
}

static int check_table(struct blob_view *v, uint32_t first, uint32_t features)
{
	const struct cb_header *h = v->hdr;
	uint32_t prev_end = first, seen = 0;
	unsigned int i;
	int err;

	for (i = 0; i < h->nsections; i++) {
		const struct cb_section *s = &v->sec[i];

		v->bad = (int)i;
		err = check_section(v, s, prev_end, features);
		if (err)
			return err;
		if (s->type != CB_SEC_DTB && (seen & (1u << s->type)))
			return BLOB_ESECTTYPE;
		if (s->type == CB_SEC_PVH && h->arch != CB_ARCH_X86_64)
			return BLOB_ESECTTYPE;
		seen |= 1u << s->type;
		prev_end = s->offset + s->stored_size;
	}
	v->bad = -1;
	if (prev_end != h->blob_size)
		return BLOB_ESIZE;
	if (!(seen & (1u << CB_SEC_KERNEL)))
		return BLOB_ENOKERNEL;
	/* x86: the bzImage path (SETUP) or the PVH fast path, one of them. */
	if (h->arch == CB_ARCH_X86_64 &&
	    !(seen & (1u << CB_SEC_SETUP)) == !(seen & (1u << CB_SEC_PVH)))
		return BLOB_ENOKERNEL;

	return 0;
}

uint32_t blob_header_crc(const struct cb_header *h, const struct crc32_table *t)
{
	static const uint8_t zero[4];
	const uint8_t *p = (const uint8_t *)h;
	size_t at = offsetof(struct cb_header, hdr_crc);
	uint32_t crc;

	crc = crc32_update(t, 0, p, at);
	crc = crc32_update(t, crc, zero, sizeof(zero));
	return crc32_update(t, crc, p + at + 4, h->hdr_size - at - 4);
}

static int open_stub_info(struct blob_view *v, size_t avail, uint32_t *hoff)
{
	const struct cb_stub_info *si;

	if (avail < CB_STUB_INFO_OFFSET + sizeof(*si))
		return BLOB_ESTUBINFO;
	si = (const void *)(v->base + CB_STUB_INFO_OFFSET);
	if (si->magic != CB_STUB_MAGIC || si->info_size != sizeof(*si))
		return BLOB_ESTUBINFO;
	if (si->image_size > CB_STUB_MAX_SIZE || si->bss_size > CB_STUB_MAX_SIZE ||
	    si->image_size < CB_STUB_INFO_OFFSET + sizeof(*si))
		return BLOB_ESTUBINFO;
	v->si = si;
	*hoff = cb_header_offset(si);
	if (*hoff + sizeof(struct cb_header) > avail)
		return BLOB_ESIZE;
	return 0;
}

#define FLAGS_END	((CB_CMDLINE_KEEP + 1u) << CB_HF_CMDLINE_SHIFT)
_Static_assert(CB_HF_KNOWN == CB_HF_CMDLINE_MASK + (1u << CB_HF_CMDLINE_SHIFT) - 1,
	       "the command line mode is the top known flag field");

static int check_header(const struct cb_header *h, size_t room, uint16_t arch)
{
	if (h->magic != CB_HDR_MAGIC)
		return BLOB_EMAGIC;
	if (h->version != CB_FORMAT_VERSION)
		return BLOB_EVERSION;
	if (arch != 0 && h->arch != arch)
		return BLOB_EARCH;
	if (h->nsections == 0 || h->nsections > CB_MAX_SECTIONS ||
	    h->hdr_size != cb_hdr_size(h->nsections) || h->hdr_size > room)
		return BLOB_EHDRSIZE;
	/* Known bits only and a known command line mode: the mode field is the
	 * top of the known bits, so both hold exactly below FLAGS_END. */
	if (h->flags >= FLAGS_END || h->reserved[0] || h->reserved[1])
		return BLOB_EFLAGS;
	return 0;
}

int blob_open(struct blob_view *v, const void *base, size_t avail,
	      uint16_t arch, uint32_t features, const struct crc32_table *t)
{
	uint32_t hoff;
	int err;

	memset(v, 0, sizeof(*v));
	v->base = base;
	v->bad = -1;
	err = open_stub_info(v, avail, &hoff);
	if (err)
		return err;
	v->hdr = (const void *)(v->base + hoff);
	v->sec = cb_sections(v->hdr);
	err = check_header(v->hdr, avail - hoff, arch);
	if (err)
		return err;
	if (v->hdr->blob_size > avail || v->hdr->blob_size < hoff + v->hdr->hdr_size)
		return BLOB_ESIZE;
	if (blob_header_crc(v->hdr, t) != v->hdr->hdr_crc)
		return BLOB_EHDRCRC;
	return check_table(v, hoff + v->hdr->hdr_size, features);
}

int blob_check_stub(const struct blob_view *v, const struct crc32_table *t,
		    uint32_t *found)
{
	*found = crc32_update(t, 0, v->base, v->si->image_size);
	return *found == v->hdr->stub_crc ? 0 : BLOB_ESTUBCRC;
}

int blob_check_section(const struct blob_view *v, unsigned int i,
		       const struct crc32_table *t, uint32_t *found)
{
	const struct cb_section *s = &v->sec[i];

	*found = crc32_update(t, 0, v->base + s->offset, s->stored_size);
	return *found == s->crc ? 0 : BLOB_ESECTCRC;
}

const struct cb_section *blob_find(const struct blob_view *v, uint16_t type,
				   unsigned int nth)
{
	unsigned int i;

	for (i = 0; i < v->hdr->nsections; i++)
		if (v->sec[i].type == type && nth-- == 0)
			return &v->sec[i];
	return NULL;
}

const char *blob_strerror(int err)
{
	return str_nth("bad stub info\0" "bad magic\0" "bad version\0" "wrong arch\0"
		       "bad header size\0" "bad flags\0" "bad blob size\0" "bad header CRC\0"
		       "bad section type\0" "bad codec\0" "bad section range\0"
		       "bad section size\0" "missing section\0" "bad stub CRC\0"
		       "bad section CRC\0", (unsigned int)-err - 1);
}

const char *blob_section_name(uint16_t type)
{
	return str_nth("?\0" "kernel\0" "initrd\0" "dtb\0" "cmdline\0" "board\0" "setup\0" "carry\0"
		       "pvh\0",
		       type);
}

const char *blob_comp_name(uint8_t comp)
{
	return str_nth("none\0" "deflate\0" "lz4\0", comp);
}
