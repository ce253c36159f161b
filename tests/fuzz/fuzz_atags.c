/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer harness: the ATAG reader (stub/atags.c).  atags_parse() over
 * the input; on success its promises are re-checked and atags_to_dt()
 * applies the list to a small tree, which must stay valid.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>
#include "atags.h"
#include "dt.h"

#define TREE_SIZE	8192

static void check_info(const struct atag_info *ai, const uint8_t *list, size_t size)
{
	if (ai->nmem > ATAG_MAX_MEM)
		abort();
	if (ai->cmdline) {
		const uint8_t *c = (const uint8_t *)ai->cmdline;

		if (c < list || c + ai->cmdline_len >= list + size ||
		    c[ai->cmdline_len] != 0 || memchr(c, 0, ai->cmdline_len))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct atag_info ai;
	uint32_t *list;
	void *tree;
	int err;

	if (size > 65536)
		return 0;
	list = aligned_alloc(4, (size + 3) & ~(size_t)3);
	memcpy(list, data, size);
	err = atags_parse(list, size, &ai);
	if (err == 0) {
		check_info(&ai, (const uint8_t *)list, size);
		tree = aligned_alloc(8, TREE_SIZE);
		if (fdt_create_empty_tree(tree, TREE_SIZE) != 0 ||
		    fdt_setprop_u32(tree, 0, "#address-cells", 1) != 0 ||
		    fdt_setprop_u32(tree, 0, "#size-cells", 1) != 0)
			abort();
		err = atags_to_dt(&ai, tree);
		if (err > 0 || dt_check(tree, TREE_SIZE) != 0 ||
		    fdt_check_full(tree, TREE_SIZE) != 0)
			abort();
		free(tree);
	}
	free(list);
	return 0;
}
