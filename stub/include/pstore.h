/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A failure record Linux's pstore/ram reads after the reset: the stub's log
 * in the console zone of a ramoops region, which the next boot shows as
 * /sys/fs/pstore/console-ramoops-0 (docs/hardboot.md).
 */
#ifndef CHAINBOOT_PSTORE_H
#define CHAINBOOT_PSTORE_H
#include <stdbool.h>
#include <stdint.h>
#include "dt.h"

/* persistent_ram_buffer (fs/pstore/ram_core.c): this header, then data. */
#define PSTORE_SIG		0x43474244u	/* "DBGC"; the console zone's sig is 0 ^ it */
#define PSTORE_HDR_SIZE		12		/* sig, start, size: u32 each */

/*
 * Where ramoops_probe() (fs/pstore/ram.c) puts the console zone of @r:
 * sizes rounded down to powers of two, the dmesg zones first (as many
 * record-size zones as the rest leaves room for), then the console zone.
 * Returns 0 and the zone in *@zone, or -1 when there is none (no
 * console-size, sizes that do not fit, a region beyond 4 GiB or not
 * word-aligned, a zone too small for a header).
 */
int pstore_console_zone(const struct dt_ramoops *r, struct dt_region *zone);

/*
 * Write @len bytes of @text as the zone's whole content (its tail when
 * they do not fit: the failure is the last line), in the layout
 * persistent_ram_save_old() reads.  With @ecc (ecc-size set) only half the
 * zone is used, leaving Linux's ECC blocks alone.
 */
void pstore_write_console(void *zone, uint32_t size, const char *text, uint32_t len,
			  bool ecc);

#endif
