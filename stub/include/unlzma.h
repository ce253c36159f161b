/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef CHAINBOOT_UNLZMA_H
#define CHAINBOOT_UNLZMA_H
#include <stddef.h>
#include <stdint.h>

/* Raw LZMA1, lc 0, lp 2, pb 2 (stub/unlzma.c): exactly @out_len bytes from
 * @in.  0, or -1 for a stream that is damaged or ends too soon. */
int unlzma(uint8_t *out, size_t out_len, const uint8_t *in, size_t in_len);

#endif
