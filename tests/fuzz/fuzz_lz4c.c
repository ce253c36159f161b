/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_lz4 against the x86 stub's build of the decoder (scripts/fuzz.sh
 * compiles stub/lz4.c with -DLZ4_COMPACT for this harness). */
#include "fuzz_lz4.c"
