/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Real encoders for the unit tests (encoders.c). */
#ifndef TESTS_UNIT_ENCODERS_H
#define TESTS_UNIT_ENCODERS_H
#include <stddef.h>
#include <stdint.h>
#include "decomp.h"

/* Encode @n bytes at @in into @out (@cap bytes); returns the stream's
 * length, 0 if it did not fit. */
typedef size_t encoder(const uint8_t *in, size_t n, uint8_t *out, size_t cap);

/* One per DECOMP_* codec, in the form Linux writes it. */
extern encoder *const test_encoders[DECOMP_NCODECS];

#endif
