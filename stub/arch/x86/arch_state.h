/* SPDX-License-Identifier: GPL-2.0-or-later */
/* x86 part of struct stub. */
#ifndef CHAINBOOT_ARCH_STATE_H
#define CHAINBOOT_ARCH_STATE_H
#include <stdint.h>
#include "bootparam.h"
#include "e820.h"

struct setup_header;
struct cb_pvh;

#define CB_ARCH_THIS	CB_ARCH_X86_64
#define CB_FEATURES	(CB_FEAT_DEFLATE | CB_FEAT_LZ4)

/* No stage times: the TSC rate is unknown without calibration. */
static inline uint64_t arch_ticks(void) { return 0; }
static inline uint32_t arch_tick_khz(void) { return 0; }

struct arch_state {
	const struct setup_header *setup;	/* checked, in the SETUP section */
	const struct cb_pvh *pvh;		/* or the fast path's, checked */
	uint32_t rd_base, rd_size;		/* the loader's ramdisk: Linux or module 0 */
	uint32_t sd_next, sd_next_hi;		/* its setup_data chain (u64) */
	uint8_t carry[BP_CARRY_SIZE];		/* the loader's zero page: bp_carry */
	unsigned int ne820;
	struct e820_entry e820[E820_MAX_ENTRIES];	/* for the zero page */
};

#endif
