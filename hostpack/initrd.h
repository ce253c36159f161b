/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HOSTPACK_INITRD_H
#define HOSTPACK_INITRD_H
#include "hostpack.h"

#define INITRD_MAX_SIZE	(1024u * HP_MiB)

/*
 * Check that @p (@len bytes of @name) is something Linux unpacks as an
 * initramfs or mounts as an initrd: a newc cpio archive, a compressed one
 * (gzip, bzip2, lzma, xz, lzo, lz4, zstd) or a filesystem image (ext2,
 * squashfs, cramfs).  gzip and xz streams are decoded to their end, which
 * catches truncation and corruption.  Returns 0 or HP_EINPUT.
 */
int initrd_check(const char *name, const uint8_t *p, size_t len);

#endif
