/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86_64 vmlinux ELF (the bzImage's decoded payload, or a vmlinux file):
 * its PT_LOAD segments and its PVH entry note (XEN_ELFNOTE_PHYS32_ENTRY,
 * Xen's include/public/elfnote.h), for the fast path of docs/blob-format.md
 * (CB_SEC_PVH).  Pure functions: tests/unit/test_vmlinux.c feeds them
 * malformed ELFs.
 */
#ifndef HOSTPACK_VMLINUX_H
#define HOSTPACK_VMLINUX_H
#include "hostpack.h"

#define VMLINUX_MAX_SEGS	16
#define VMLINUX_MAX_GAP		(16u * HP_MiB)	/* zeros between segments in the image */
#define VMLINUX_MAX_MEM		(512u * HP_MiB)	/* image + BSS */
#define PVH_NOTE_TYPE		18		/* XEN_ELFNOTE_PHYS32_ENTRY, name "Xen" */

struct vmlinux_seg {
	uint64_t offset;	/* in the file */
	uint64_t paddr;
	uint64_t filesz;
	uint64_t memsz;
};

struct vmlinux {
	unsigned int nsegs;
	struct vmlinux_seg seg[VMLINUX_MAX_SEGS];	/* by physical address */
	bool has_pvh;
	uint32_t pvh_entry;	/* physical address, when has_pvh */
	uint32_t load;		/* the lowest segment's physical address */
	uint32_t size;		/* image bytes: to the end of the last file data */
	uint32_t mem_size;	/* to the end of the highest segment's memsz */
};

#define VMLINUX_ENOTELF	(-1)	/* not a little-endian ELF64 x86_64 executable */
#define VMLINUX_ETRUNC	(-2)	/* headers, notes or segment data beyond the file */
#define VMLINUX_ESEGS	(-3)	/* no PT_LOAD, too many, filesz > memsz, overlapping,
				 * gaps over VMLINUX_MAX_GAP or beyond VMLINUX_MAX_MEM
				 * or 4 GiB */
#define VMLINUX_ENOTE	(-4)	/* a malformed note, or a PVH entry outside the image */

/* true if @p starts with the ELF magic. */
bool vmlinux_detect(const uint8_t *p, size_t len);

/*
 * Read the program headers and notes of the ELF @p (@len bytes) into @v.
 * A missing PVH note is not an error (v->has_pvh false).  Returns 0 or a
 * VMLINUX_E* code.
 */
int vmlinux_parse(const uint8_t *p, size_t len, struct vmlinux *v);

/* Message for a VMLINUX_E* code. */
const char *vmlinux_strerror(int err);

/* The memory image (v->size bytes from v->load: every segment's file data
 * at paddr - load, zeros elsewhere) of the ELF @p that vmlinux_parse read
 * into @v. */
void vmlinux_image(const struct vmlinux *v, const uint8_t *p, struct hp_buf *out);

/*
 * An ELF64 file QEMU's `-kernel` and hostpack take back: one PT_LOAD of
 * @image (@size bytes, @mem_size with BSS) at physical and virtual @load,
 * and a PT_NOTE with the PVH entry note for @entry, e_entry = @entry.
 */
void vmlinux_write(const uint8_t *image, uint32_t size, uint32_t mem_size,
		   uint32_t load, uint32_t entry, struct hp_buf *out);

#endif
