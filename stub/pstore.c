/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The failure record for Linux's pstore/ram (pstore.h). */
#include <string.h>
#include "pstore.h"
#include "stub.h"

static uint32_t pow2_floor(uint32_t v)
{
	while (v & (v - 1))
		v &= v - 1;
	return v;
}

int pstore_console_zone(const struct dt_ramoops *r, struct dt_region *zone)
{
	uint32_t sz[RAMOOPS_ECC], size = (uint32_t)r->size, dump, cnt, off = 0;
	int i;

	for (i = 0; i < RAMOOPS_ECC; i++)
		sz[i] = pow2_floor(r->sz[i]);
	dump = size - sz[RAMOOPS_CONSOLE] - sz[RAMOOPS_FTRACE] - sz[RAMOOPS_PMSG];
	if (r->size >> 32 || r->base + r->size > 0x100000000ull ||
	    r->base & 3 || sz[RAMOOPS_CONSOLE] <= PSTORE_HDR_SIZE || dump > size)
		return -1;
	if (dump && sz[RAMOOPS_RECORD]) {
		/* ramoops_init_przs(): cnt zones of dump / cnt bytes */
		cnt = udiv32(dump, sz[RAMOOPS_RECORD], NULL);
		if (!cnt)
			return -1;	/* Linux refuses the region */
		off = udiv32(dump, cnt, NULL) * cnt;
	}
	zone->base = r->base + off;
	zone->size = sz[RAMOOPS_CONSOLE];
	return 0;
}

void pstore_write_console(void *zone, uint32_t size, const char *text, uint32_t len,
			  bool ecc)
{
	uint32_t *hdr = zone, cap = size - PSTORE_HDR_SIZE;

	if (ecc)
		cap /= 2;
	if (len > cap) {
		text += len - cap;
		len = cap;
	}
	memcpy(hdr + 3, text, len);
	hdr[0] = PSTORE_SIG;		/* 0 ^ PERSISTENT_RAM_SIG */
	hdr[1] = len;			/* start: where the next byte goes */
	hdr[2] = len;			/* size: bytes held */
}
