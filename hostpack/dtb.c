/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>
#include "dtb.h"

static size_t fdt_size(const uint8_t *p, size_t len)
{
	/* Byte loads: DTBs laid end to end need not be aligned. */
	if (len < sizeof(struct fdt_header) || hp_be32(p) != FDT_MAGIC)
		return 0;
	return hp_be32(p + 4);
}

int dtb_check(const char *name, const uint8_t *p, size_t len)
{
	size_t size = fdt_size(p, len);
	int err;

	if (!size)
		return hp_error(HP_EINPUT, name, "not a DTB (no FDT magic)");
	if (size > DTB_MAX_SIZE)
		return hp_error(HP_EINPUT, name, "DTB too large (%zu bytes, limit %u)",
				size, DTB_MAX_SIZE);
	if (size > len)
		return hp_error(HP_EINPUT, name, "truncated DTB (%zu of %zu bytes)", len, size);
	if (size != len)
		return hp_error(HP_EINPUT, name, "%zu bytes after the DTB", len - size);
	err = fdt_check_full(p, len);
	if (err)
		return hp_error(HP_EINPUT, name, "corrupt DTB: %s", fdt_strerror(err));
	return 0;
}

static bool all_zero(const uint8_t *p, size_t len)
{
	while (len--)
		if (*p++)
			return false;
	return true;
}

int dtb_split(const char *name, const uint8_t *p, size_t len, struct dtb_list *l)
{
	size_t at = 0;
	int err;

	do {
		size_t size = fdt_size(p + at, len - at);

		if (!size || size > len - at)
			size = len - at;	/* let dtb_check say what is wrong */
		if (l->n == DTB_MAX_COUNT)
			return hp_error(HP_EINPUT, name, "more than %u DTBs", DTB_MAX_COUNT);
		/* Check the (aligned) copy: libfdt wants 8-byte aligned trees. */
		l->dtb[l->n].data = hp_malloc(size);
		l->dtb[l->n].len = size;
		memcpy(l->dtb[l->n].data, p + at, size);
		err = dtb_check(name, l->dtb[l->n].data, size);
		if (err) {
			hp_buf_free(&l->dtb[l->n]);
			return err;
		}
		l->n++;
		at += size;
	} while (at < len && !all_zero(p + at, len - at));
	return 0;
}

void dtb_list_free(struct dtb_list *l)
{
	while (l->n)
		hp_buf_free(&l->dtb[--l->n]);
}
