/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The x86_64 vmlinux ELF: PT_LOAD segments and the PVH entry note
 * (System V gABI "Program Header", "Note Section"; Xen's elfnote.h).
 */
#include <stdlib.h>
#include <string.h>
#include "vmlinux.h"

#define EHDR_SIZE	64
#define PHDR_SIZE	56
#define PT_LOAD		1
#define PT_NOTE		4
#define EM_X86_64	62
#define ET_EXEC		2

bool vmlinux_detect(const uint8_t *p, size_t len)
{
	return len >= 4 && memcmp(p, "\177ELF", 4) == 0;
}

static bool in_file(uint64_t off, uint64_t n, size_t len)
{
	return off <= len && n <= len - off;
}

static uint64_t align4(uint64_t v)
{
	return (v + 3) & ~(uint64_t)3;
}

/* The PVH entry from one PT_NOTE's notes ([off, off + n) of the file). */
static int read_notes(const uint8_t *p, uint64_t off, uint64_t n, struct vmlinux *v)
{
	const uint8_t *q = p + off, *end = q + n;

	while (end - q >= 12) {
		uint32_t namesz = hp_le32(q), descsz = hp_le32(q + 4), type = hp_le32(q + 8);
		uint64_t name_end = 12 + align4(namesz), total = name_end + align4(descsz);

		if (total > (uint64_t)(end - q))
			return VMLINUX_ENOTE;
		if (type == PVH_NOTE_TYPE && namesz == 4 && memcmp(q + 12, "Xen", 4) == 0) {
			if ((descsz != 4 && descsz != 8) ||
			    (descsz == 8 && hp_le32(q + name_end + 4) != 0))
				return VMLINUX_ENOTE;
			v->has_pvh = true;
			v->pvh_entry = hp_le32(q + name_end);
		}
		q += total;
	}
	return q == end ? 0 : VMLINUX_ENOTE;
}

static int add_segment(struct vmlinux *v, const uint8_t *ph, size_t len)
{
	struct vmlinux_seg s = { hp_le64(ph + 8), hp_le64(ph + 24), hp_le64(ph + 32),
				 hp_le64(ph + 40) };
	unsigned int i;

	if (s.memsz == 0)
		return 0;
	if (!in_file(s.offset, s.filesz, len))
		return VMLINUX_ETRUNC;
	if (s.filesz > s.memsz || v->nsegs == VMLINUX_MAX_SEGS ||
	    s.paddr >= 1ull << 32 || s.memsz > (1ull << 32) - s.paddr)
		return VMLINUX_ESEGS;
	for (i = v->nsegs; i > 0 && v->seg[i - 1].paddr > s.paddr; i--)
		v->seg[i] = v->seg[i - 1];	/* insertion: by paddr */
	v->seg[i] = s;
	v->nsegs++;
	return 0;
}

/* Sorted segments: disjoint, small gaps; the image's extent. */
static int check_segments(struct vmlinux *v)
{
	uint64_t end = 0, file_end = 0;
	unsigned int i;

	if (!v->nsegs)
		return VMLINUX_ESEGS;
	v->load = (uint32_t)v->seg[0].paddr;
	for (i = 0; i < v->nsegs; i++) {
		const struct vmlinux_seg *s = &v->seg[i];

		if (i && (s->paddr < end || s->paddr - end > VMLINUX_MAX_GAP))
			return VMLINUX_ESEGS;
		end = s->paddr + s->memsz;
		if (s->filesz)
			file_end = s->paddr + s->filesz;
	}
	if (end - v->load > VMLINUX_MAX_MEM)
		return VMLINUX_ESEGS;
	v->size = (uint32_t)(file_end ? file_end - v->load : 0);
	v->mem_size = (uint32_t)(end - v->load);
	if (v->has_pvh && (v->pvh_entry < v->load || v->pvh_entry - v->load >= v->size))
		return VMLINUX_ENOTE;
	return 0;
}

int vmlinux_parse(const uint8_t *p, size_t len, struct vmlinux *v)
{
	uint64_t phoff;
	unsigned int i, phnum;
	int err = 0;

	memset(v, 0, sizeof(*v));
	if (len < EHDR_SIZE || !vmlinux_detect(p, len) || p[4] != 2 || p[5] != 1 ||
	    hp_le16(p + 16) != ET_EXEC || hp_le16(p + 18) != EM_X86_64)
		return VMLINUX_ENOTELF;
	phoff = hp_le64(p + 32);
	phnum = hp_le16(p + 56);
	if (hp_le16(p + 54) != PHDR_SIZE)
		return VMLINUX_ENOTELF;
	if (!in_file(phoff, (uint64_t)phnum * PHDR_SIZE, len))
		return VMLINUX_ETRUNC;
	for (i = 0; i < phnum && !err; i++) {
		const uint8_t *ph = p + phoff + (size_t)i * PHDR_SIZE;
		uint32_t type = hp_le32(ph);

		if (type == PT_LOAD)
			err = add_segment(v, ph, len);
		else if (type == PT_NOTE && !in_file(hp_le64(ph + 8), hp_le64(ph + 32), len))
			err = VMLINUX_ETRUNC;
		else if (type == PT_NOTE)
			err = read_notes(p, hp_le64(ph + 8), hp_le64(ph + 32), v);
	}
	return err ? err : check_segments(v);
}

const char *vmlinux_strerror(int err)
{
	switch (err) {
	case VMLINUX_ENOTELF: return "not an ELF64 x86_64 executable";
	case VMLINUX_ETRUNC: return "truncated ELF (headers or data beyond the file)";
	case VMLINUX_ESEGS: return "unusable PT_LOAD segments (none, overlapping, far apart or above 4 GiB)";
	case VMLINUX_ENOTE: return "malformed ELF note or PVH entry outside the kernel";
	default: return "unknown error";
	}
}

void vmlinux_image(const struct vmlinux *v, const uint8_t *p, struct hp_buf *out)
{
	unsigned int i;

	out->len = v->size;
	out->data = hp_calloc(v->size ? v->size : 1);
	for (i = 0; i < v->nsegs; i++)
		memcpy(out->data + (v->seg[i].paddr - v->load), p + v->seg[i].offset,
		       v->seg[i].filesz);
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static void put64(uint8_t *p, uint64_t v)
{
	hp_put_le32(p, (uint32_t)v);
	hp_put_le32(p + 4, (uint32_t)(v >> 32));
}

static void put_phdr(uint8_t *ph, uint32_t type, uint32_t flags, uint64_t off,
		     uint64_t addr, uint64_t filesz, uint64_t memsz, uint64_t align)
{
	hp_put_le32(ph, type);
	hp_put_le32(ph + 4, flags);
	put64(ph + 8, off);
	put64(ph + 16, addr);
	put64(ph + 24, addr);
	put64(ph + 32, filesz);
	put64(ph + 40, memsz);
	put64(ph + 48, align);
}

void vmlinux_write(const uint8_t *image, uint32_t size, uint32_t mem_size,
		   uint32_t load, uint32_t entry, struct hp_buf *out)
{
	const size_t note_off = EHDR_SIZE + 2 * PHDR_SIZE, note_len = 12 + 4 + 4;
	const size_t data_off = 4096;	/* page-aligned, as the segment's address */
	uint8_t *p;

	out->len = data_off + size;
	out->data = p = hp_calloc(out->len);
	memcpy(p, "\177ELF\2\1\1", 7);
	put16(p + 16, ET_EXEC);
	put16(p + 18, EM_X86_64);
	hp_put_le32(p + 20, 1);
	put64(p + 24, entry);
	put64(p + 32, EHDR_SIZE);
	put16(p + 52, EHDR_SIZE);
	put16(p + 54, PHDR_SIZE);
	put16(p + 56, 2);
	put_phdr(p + EHDR_SIZE, PT_LOAD, 7, data_off, load, size, mem_size, 4096);
	put_phdr(p + EHDR_SIZE + PHDR_SIZE, PT_NOTE, 4, note_off, 0, note_len, note_len, 4);
	hp_put_le32(p + note_off, 4);
	hp_put_le32(p + note_off + 4, 4);
	hp_put_le32(p + note_off + 8, PVH_NOTE_TYPE);
	memcpy(p + note_off + 12, "Xen", 4);
	hp_put_le32(p + note_off + 16, entry);
	memcpy(p + data_off, image, size);
}
