/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Device trees going into DTB sections, checked with libfdt.
 */
#ifndef HOSTPACK_DTB_H
#define HOSTPACK_DTB_H
#include "blob.h"
#include "hostpack.h"

#define DTB_MAX_SIZE	(2u * HP_MiB)
#define DTB_MAX_COUNT	CB_MAX_SECTIONS

struct dtb_list {
	struct hp_buf dtb[DTB_MAX_COUNT];
	unsigned int n;
};

/* 0 if @p is exactly one DTB of @len bytes that passes fdt_check_full()
 * and is at most DTB_MAX_SIZE; else HP_EINPUT with a message. */
int dtb_check(const char *name, const uint8_t *p, size_t len);

/*
 * Append to @l a copy of each of the DTBs laid end to end in @p (a --dtb
 * file, a boot.img dtb section, DTBs appended to a zImage); zero bytes after
 * the last one are padding.  Returns 0 or HP_EINPUT (not DTBs, corrupt, too
 * large, too many).
 */
int dtb_split(const char *name, const uint8_t *p, size_t len, struct dtb_list *l);

void dtb_list_free(struct dtb_list *l);

#endif
