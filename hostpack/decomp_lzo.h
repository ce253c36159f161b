/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HOSTPACK_DECOMP_LZO_H
#define HOSTPACK_DECOMP_LZO_H
#include "hostpack.h"

/* One lzop file (what `lzop -9` writes and Linux's unlzo reads), decoded
 * with liblzo2.  decomp_run()'s contract; called through it. */
int decomp_lzo(const uint8_t *src, size_t src_len, uint8_t *dst, size_t cap,
	       size_t *out, size_t *used);

#endif
