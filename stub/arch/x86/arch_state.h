/* SPDX-License-Identifier: GPL-2.0-or-later */
/* x86 part of struct stub. */
#ifndef CHAINBOOT_ARCH_STATE_H
#define CHAINBOOT_ARCH_STATE_H
#include <stdint.h>
#include <stdbool.h>

#define CB_ARCH_THIS	CB_ARCH_X86_64
#define CB_FEATURES	(CB_FEAT_DEFLATE | CB_FEAT_LZ4)

struct arch_state {
	const uint8_t *mbi;		/* multiboot info when EAX said so */
	const uint8_t *mmap;		/* its memory map, or NULL */
	uint32_t mmap_len;
	const uint8_t *setup;		/* the SETUP section (boot sector + setup) */
	uint32_t setup_len;
};

#endif
