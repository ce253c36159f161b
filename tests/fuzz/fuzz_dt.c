/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer harness: the stub's FDT module (stub/dt*.c) on arbitrary
 * DTBs.  dt_check() first, compared with libfdt's fdt_check_full(); on a
 * blob it accepts, the boot fix-ups the stub runs: dt_open_into() a bigger
 * buffer, dt_set_chosen(), dt_memory(), dt_memreserve(), dt_stdout_uart(),
 * dt_serial_uart(), dt_psci_conduit(), dt_root_compatible_match().  The edited tree must
 * still pass both dt_check() and fdt_check_full().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>
#include "blob.h"
#include "dt.h"

#define MAX_DTB		(256 * 1024)
#define ROOM		4096

static void fixups(const void *fdt, uint32_t tsize, uint32_t seed)
{
	int bufsize = (int)tsize + (int)(seed % ROOM), n, err;
	uint64_t start = seed & 0xfff000;
	struct dt_uart u;
	struct dt_region r[8];
	void *buf;

	buf = aligned_alloc(8, ((size_t)bufsize + 7) & ~(size_t)7);
	err = dt_open_into(fdt, buf, bufsize);
	if (err == 0) {
		if (dt_check(buf, bufsize) != 0)
			abort();
		err = dt_set_chosen(buf, (seed & 1) ? "console=ttyAMA0 root=/dev/ram" : NULL,
				    (seed & 2) ? start : 0, (seed & 2) ? start + 0x1234 : 0);
		if (err > 0 || dt_check(buf, bufsize) != 0 ||
		    fdt_check_full(buf, bufsize) != 0)
			abort();
		if (dt_memory(buf, r, 8, &n) == 0 && (n < 0 || n > 8))
			abort();
		if (dt_memreserve(buf, r, 8, &n) == 0 && (n < 0 || n > 8))
			abort();
		err = dt_stdout_uart(buf, &u);
		if ((err != 0 && u.kind != 0) || u.kind >= CB_UART_KINDS)
			abort();
		err = dt_serial_uart(buf, CB_UART_PL011, "serial0", seed >> 2 & 3, &u);
		if ((err != 0 && u.kind != 0) || u.kind >= CB_UART_KINDS)
			abort();
		err = dt_psci_conduit(buf);
		if (err < DT_PSCI_NONE || err > DT_PSCI_HVC)
			abort();
		dt_root_compatible_match(buf, fdt);
	}
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t seed = 0;
	void *fdt;
	int ours, ref;

	if (size < 4 || size > MAX_DTB)
		return 0;
	/* The last 4 bytes steer the fix-ups; the rest is the blob. */
	memcpy(&seed, data + size - 4, 4);
	size -= 4;
	fdt = aligned_alloc(8, (size + 7) & ~(size_t)7);
	memcpy(fdt, data, size);
	ours = dt_check(fdt, size);
	ref = size >= FDT_V1_SIZE ? fdt_check_full(fdt, size) : -FDT_ERR_TRUNCATED;
	/* What we accept, libfdt must accept too. */
	if (ours == 0 && ref != 0)
		abort();
	if (ours == 0)
		fixups(fdt, dt_totalsize(fdt), seed);
	free(fdt);
	return 0;
}
