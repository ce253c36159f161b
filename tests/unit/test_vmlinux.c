// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * hostpack/vmlinux.c: the PT_LOAD segments and PVH note of generated
 * x86_64 ELFs, one rule broken per case, and the ELF unpack writes read
 * back.
 */
#include <string.h>
#include "hostpack_test.h"
#include "vmlinux.h"

#define FILE_SIZE	0x4000
#define PH_OFF		64
#define NOTE_OFF	0x800	/* after up to 35 program headers */
#define LOAD		0x1000000u

struct elf {
	uint8_t b[FILE_SIZE];
	unsigned int nph;
	size_t note_end;
};

static void put64(uint8_t *p, uint64_t v)
{
	hp_put_le32(p, (uint32_t)v);
	hp_put_le32(p + 4, (uint32_t)(v >> 32));
}

static uint8_t *phdr(struct elf *e, unsigned int i)
{
	return e->b + PH_OFF + 56 * i;
}

static void add_ph(struct elf *e, uint32_t type, uint64_t off, uint64_t paddr,
		   uint64_t filesz, uint64_t memsz)
{
	uint8_t *ph = phdr(e, e->nph++);

	hp_put_le32(ph, type);
	put64(ph + 8, off);
	put64(ph + 16, paddr | 0xffffffff80000000ull);	/* vaddr: not used */
	put64(ph + 24, paddr);
	put64(ph + 32, filesz);
	put64(ph + 40, memsz);
	e->b[56] = (uint8_t)e->nph;
}

/* A note appended to the PT_NOTE area: @name (with its NUL), @desc bytes. */
static void add_note(struct elf *e, const char *name, uint32_t type, const void *desc,
		     uint32_t descsz)
{
	uint8_t *p = e->b + e->note_end;
	uint32_t namesz = (uint32_t)strlen(name) + 1;

	hp_put_le32(p, namesz);
	hp_put_le32(p + 4, descsz);
	hp_put_le32(p + 8, type);
	memcpy(p + 12, name, namesz);
	memcpy(p + 12 + ((namesz + 3) & ~3u), desc, descsz);
	e->note_end += 12 + ((namesz + 3) & ~3u) + ((descsz + 3) & ~3u);
}

static void pvh_note(struct elf *e, uint64_t entry)
{
	uint8_t d[8];

	put64(d, entry);
	add_note(e, "Xen", PVH_NOTE_TYPE, d, 8);
}

/*
 * Text 0x100 bytes at LOAD, data 0x80 bytes + BSS at LOAD + 0x2000 (listed
 * first, as a percpu segment may be), a PT_NOTE with a GNU note and the
 * PVH note for LOAD + 0x50.  The PT_NOTE is the last header.
 */
static void make_good(struct elf *e)
{
	memset(e, 0, sizeof(*e));
	memcpy(e->b, "\177ELF\2\1\1", 7);
	e->b[16] = 2;		/* ET_EXEC */
	e->b[18] = 62;		/* EM_X86_64 */
	put64(e->b + 32, PH_OFF);
	e->b[54] = 56;
	for (int i = 0; i < 0x100; i++)
		e->b[0x1000 + i] = (uint8_t)(i + 1);
	memset(e->b + 0x2000, 0xdd, 0x80);
	add_ph(e, 1, 0x2000, LOAD + 0x2000, 0x80, 0x1000);
	add_ph(e, 1, 0x1000, LOAD, 0x100, 0x100);
	e->note_end = NOTE_OFF;
	add_note(e, "GNU", 3, "0123456789abcdef0123", 20);
	pvh_note(e, LOAD + 0x50);
	add_ph(e, 4, NOTE_OFF, 0, e->note_end - NOTE_OFF, e->note_end - NOTE_OFF);
}

/* The PT_NOTE's size after notes were added to it. */
static void seal_notes(struct elf *e)
{
	put64(phdr(e, e->nph - 1) + 32, e->note_end - NOTE_OFF);
}

static void expect(const char *name, struct elf *e, int want)
{
	struct vmlinux v;
	int err = vmlinux_parse(e->b, FILE_SIZE, &v);

	hp_check(err == want, name, "got %d (%s), want %d", err, vmlinux_strerror(err), want);
}

#define CASE(name, code, mutate) do {		\
		struct elf e;			\
		make_good(&e);			\
		mutate;				\
		expect(name, &e, code);		\
	} while (0)

static void good_cases(void)
{
	struct elf e;
	struct vmlinux v;
	struct hp_buf img, elf;
	int err;

	make_good(&e);
	err = vmlinux_parse(e.b, FILE_SIZE, &v);
	hp_check(!err && v.nsegs == 2 && v.seg[0].paddr == LOAD && v.has_pvh &&
		 v.pvh_entry == LOAD + 0x50 && v.load == LOAD && v.size == 0x2080 &&
		 v.mem_size == 0x3000, "good",
		 "err %d, %u segs, pvh %d at 0x%x, load 0x%x size 0x%x mem 0x%x", err, v.nsegs,
		 v.has_pvh, v.pvh_entry, v.load, v.size, v.mem_size);
	vmlinux_image(&v, e.b, &img);
	hp_check(img.len == 0x2080 && img.data[0] == 1 && img.data[0xff] == 0 + 0x100 % 256 &&
		 img.data[0x100] == 0 && img.data[0x1fff] == 0 && img.data[0x2000] == 0xdd &&
		 img.data[0x207f] == 0xdd, "image", "segments not at paddr - load, or gap not zero");
	/* what unpack writes, read back: one segment, the same image and entry */
	vmlinux_write(img.data, (uint32_t)img.len, v.mem_size, v.load, v.pvh_entry, &elf);
	err = vmlinux_parse(elf.data, elf.len, &v);
	hp_check(!err && v.nsegs == 1 && v.has_pvh && v.pvh_entry == LOAD + 0x50 &&
		 v.load == LOAD && v.size == 0x2080 && v.mem_size == 0x3000 &&
		 memcmp(elf.data + v.seg[0].offset, img.data, img.len) == 0,
		 "write-read", "err %d, %u segs", err, v.nsegs);
	hp_buf_free(&elf);
	hp_buf_free(&img);

	make_good(&e);
	e.nph = 2;			/* drop the PT_NOTE */
	e.b[56] = 2;
	err = vmlinux_parse(e.b, FILE_SIZE, &v);
	hp_check(!err && !v.has_pvh, "no-note", "err %d, pvh %d", err, v.has_pvh);
	/* a type-18 note of another owner, and a 4-byte PVH entry */
	CASE("note-other-name", 0, (e.note_end = NOTE_OFF, add_note(&e, "Xe", 18, "abcd", 4),
				    seal_notes(&e)));
	CASE("note-4-bytes", 0, (e.note_end = NOTE_OFF, add_note(&e, "Xen", 18, "\x50\0\0\1", 4),
				 seal_notes(&e)));
	CASE("bss-only-segment", 0, add_ph(&e, 1, 0, LOAD + 0x3000, 0, 0x1000));
	CASE("empty-segment-ignored", 0, add_ph(&e, 1, 0, 0x200000000ull, 0, 0));
}

int main(void)
{
	good_cases();
	/* header: what vmlinux_parse takes */
	CASE("not-elf", VMLINUX_ENOTELF, e.b[1] = 'e');
	CASE("elf32", VMLINUX_ENOTELF, e.b[4] = 1);
	CASE("big-endian", VMLINUX_ENOTELF, e.b[5] = 2);
	CASE("not-exec", VMLINUX_ENOTELF, e.b[16] = 3);
	CASE("i386", VMLINUX_ENOTELF, e.b[18] = 3);
	CASE("phentsize", VMLINUX_ENOTELF, e.b[54] = 32);
	CASE("phdrs-beyond-file", VMLINUX_ETRUNC, put64(e.b + 32, FILE_SIZE - 100));
	CASE("segment-beyond-file", VMLINUX_ETRUNC, put64(phdr(&e, 1) + 32, FILE_SIZE));
	CASE("note-beyond-file", VMLINUX_ETRUNC, put64(phdr(&e, 2) + 8, FILE_SIZE - 8));
	/* segments */
	CASE("no-load", VMLINUX_ESEGS, (hp_put_le32(phdr(&e, 0), 6), hp_put_le32(phdr(&e, 1), 6)));
	CASE("filesz-over-memsz", VMLINUX_ESEGS, put64(phdr(&e, 1) + 40, 0x80));
	CASE("overlap", VMLINUX_ESEGS, put64(phdr(&e, 1) + 40, 0x2001));
	CASE("gap-too-large", VMLINUX_ESEGS,
	     (put64(phdr(&e, 0) + 24, LOAD + VMLINUX_MAX_GAP + 0x101)));
	CASE("above-4g", VMLINUX_ESEGS, put64(phdr(&e, 0) + 24, 0x100000000ull));
	CASE("ends-past-4g", VMLINUX_ESEGS,
	     (put64(phdr(&e, 0) + 24, 0xfffff000u), put64(phdr(&e, 0) + 40, 0x2000)));
	CASE("too-large", VMLINUX_ESEGS, put64(phdr(&e, 0) + 40, VMLINUX_MAX_MEM));
	CASE("too-many", VMLINUX_ESEGS, ({
		for (unsigned int i = 0; i < VMLINUX_MAX_SEGS - 1; i++)
			add_ph(&e, 1, 0x1000, LOAD + 0x100000 + i * 0x1000, 0x10, 0x10);
	}));
	CASE("max-segments", 0, ({
		for (unsigned int i = 0; i < VMLINUX_MAX_SEGS - 2; i++)
			add_ph(&e, 1, 0x1000, LOAD + 0x100000 + i * 0x1000, 0x10, 0x10);
	}));
	/* notes */
	CASE("note-desc-overrun", VMLINUX_ENOTE, put64(phdr(&e, 2) + 32, e.note_end - NOTE_OFF - 4));
	CASE("note-trailing-bytes", VMLINUX_ENOTE, put64(phdr(&e, 2) + 32, e.note_end - NOTE_OFF + 4));
	CASE("pvh-desc-size", VMLINUX_ENOTE, (e.note_end = NOTE_OFF,
		add_note(&e, "Xen", 18, "\0\0\0\1\0\0", 6), seal_notes(&e)));
	CASE("pvh-above-4g", VMLINUX_ENOTE, (e.note_end = NOTE_OFF,
		pvh_note(&e, 0x100000000ull | LOAD), seal_notes(&e)));
	CASE("pvh-below-image", VMLINUX_ENOTE, (e.note_end = NOTE_OFF,
		pvh_note(&e, LOAD - 1), seal_notes(&e)));
	CASE("pvh-in-bss", VMLINUX_ENOTE, (e.note_end = NOTE_OFF,
		pvh_note(&e, LOAD + 0x2080), seal_notes(&e)));
	return hp_test_done();
}
