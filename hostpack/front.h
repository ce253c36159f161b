/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The arch front of a stub image, the header loaders read before the stub
 * runs: a zImage header and KLSZ tag (ARM, CB_ZIMAGE_* / CB_ARM_TAGS_*) or
 * a multiboot v1 header with the a.out kludge (x86, CB_MB_*).
 */
#ifndef HOSTPACK_FRONT_H
#define HOSTPACK_FRONT_H
#include "blob.h"

/* NULL if the stub image @p (@len bytes) carries the fixed values of the
 * @arch front (magics, the tag table placeholder, the multiboot addresses);
 * else what is missing. */
const char *front_check_stub(const uint8_t *p, size_t len, uint16_t arch);

/* NULL if @p (@len bytes) starts with the stub build's Linux front (x86:
 * boot sector and setup header with the fixed values of setup.S); else
 * what is wrong. */
const char *front_check_linux(const uint8_t *p, size_t len);

/* CB_LX_FRONT_SIZE if the file @file starts with a Linux front (boot flag,
 * "HdrS", the stub's setup_sects), so that the blob follows it; else 0. */
size_t front_linux_size(const uint8_t *file, size_t len);

/* Fill the Linux front @front for the blob @v: syssize = blob_size / 16
 * rounded up, init_size = blob_size + stack_size. */
void front_patch_linux(uint8_t *front, const struct blob_view *v);

/* 0 if the @len bytes before the blob @v are its Linux front as
 * front_patch_linux() writes it, else -1 with what differs in @why. */
int front_check_linux_blob(const uint8_t *front, size_t len, const struct blob_view *v,
			   char *why, size_t why_len);

/*
 * Fill the front of the laid-out blob @v (header and section table final):
 * ARM: zImage start = 0, end = blob_size, the KLSZ tag {6, KLSZ, file
 * offset of the KERNEL section's size field, mem_size - size, load_offset,
 * stack_size} then 0; x86: the blob's end CB_MB_LOAD_ADDR + blob_size at
 * CB_X86_BLOB_END_OFFSET, multiboot load_end_addr 0 (blob.h) and
 * bss_end_addr = the blob's end + stack_size.
 */
void front_patch(uint8_t *blob, const struct blob_view *v);

/* 0 if the front of @v holds what front_patch() writes, else -1 with what
 * differs in @why (@len bytes). */
int front_check_blob(const struct blob_view *v, char *why, size_t len);

#endif
