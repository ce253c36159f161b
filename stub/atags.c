/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ATAG list reader and its conversion to device tree properties, after
 * Linux's arch/arm/boot/compressed/atags_to_fdt.c behaviour.
 */
#include "atags.h"
#include "dt_internal.h"

/* The tags differ from ATAG_CORE's upper half in their low bits only */
#define LOW(tag)	((tag) ^ 0x54410000u)

int atags_parse(const void *list, size_t max_size, struct atag_info *info)
{
	const dt_word *w = list;
	const char *s;
	uint32_t size, tag, i;

	__builtin_memset(info, 0, sizeof(*info));
	if ((uintptr_t)w & 3)
		return DT_ERR_ALIGNMENT;
	for (;; max_size -= size * 4, w += size) {
		if (max_size < 8)
			return DT_ERR_TRUNCATED;
		size = w[0];
		tag = LOW(w[1]);
		if (w == list && (tag != LOW(ATAG_CORE) || (size != 2 && size != 5)))
			return DT_ERR_BADMAGIC;
		if (!size || !w[1])
			return 0;
		if (size < 2)
			return DT_ERR_BADVALUE;
		if (size > max_size / 4)
			return DT_ERR_TRUNCATED;
		s = (const char *)(w + 2);
		if (tag == LOW(ATAG_CMDLINE)) {
			for (i = 0; i < size * 4 - 8 && s[i]; i++)
				;
			if (i == size * 4 - 8)
				return DT_ERR_BADVALUE;
			info->cmdline = s;
			info->cmdline_len = i;
		} else if ((tag == LOW(ATAG_MEM) || tag == LOW(ATAG_SERIAL)) &&
			   size < 4) {
			return DT_ERR_BADVALUE;
		} else if (tag == LOW(ATAG_SERIAL)) {
			info->have_serial = true;
			info->serial[0] = w[3];
			info->serial[1] = w[2];
		} else if (tag == LOW(ATAG_MEM) && w[2] && info->nmem < ATAG_MAX_MEM) {
			info->mem[info->nmem].size = w[2];
			info->mem[info->nmem++].start = w[3];
		}
	}
}

int atags_to_dt(const struct atag_info *info, void *fdt)
{
	dt_word reg[ATAG_MAX_MEM * 4], *r = reg;
	uint32_t i, d;
	char s[17];
	int ac, sc, node, err = 0;

	if (info->have_serial) {
		for (i = 0; i < 16; i++) {
			d = info->serial[i / 8] >> (28 - i % 8 * 4) & 15;
			s[i] = d < 10 ? '0' + d : 'A' - 10 + d;
		}
		s[16] = 0;
		err = dt_setprop_(fdt, 0, "serial-number", s, 17);
	}
	if (err || !info->nmem)
		return err;
	ac = dt_cells_(fdt, 0, &sc);
	if (ac < 0 || !sc)
		return DT_ERR_BADNCELLS;
	for (i = 0; i < info->nmem; i++) {
		dt_cells_write_(r, info->mem[i].start, ac);
		r += ac;
		dt_cells_write_(r, info->mem[i].size, sc);
		r += sc;
	}
	node = dt_child_add_(fdt, 0, "memory");
	err = node < 0 ? node : dt_setprop_(fdt, node, "device_type", "memory", 7);
	return err ? err : dt_setprop_(fdt, node, "reg", reg, (char *)r - (char *)reg);
}
