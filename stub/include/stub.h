/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The state of one boot, owned by stub_main and passed to every stage. */
#ifndef CHAINBOOT_STUB_H
#define CHAINBOOT_STUB_H
#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "blob.h"
#include "crc32.h"
#include "layout.h"
#include "arch_state.h"

#define STUB_VERSION		0x00010000
#define STUB_F_VERIFIED		(1u << 0)	/* restart after relocation: CRCs done */
#define STUB_MAX_CMDLINE	2048
_Static_assert(CB_LX_CMDLINE_SIZE == STUB_MAX_CMDLINE - 1, "the x86 front's cmdline_size");

struct stub {				/* small, often used fields first:
					 * short offsets are short instructions */
	uintptr_t regs[3];		/* boot registers as the loader set them */
	uintptr_t load_base;		/* where the blob runs now */
	uint32_t entry_flags;		/* STUB_F_* */
	int blob_err;			/* blob_open's result */
	struct blob_view blob;
	const struct cb_board *board;	/* checked board data, or NULL */
	const char *loader_cmdline;	/* the loader's command line, or NULL */
	size_t loader_cmdline_len;
	uint32_t t_last;		/* low 32 bits of the ticks at the last stage line */
	struct boot_plan plan;
	struct arch_state arch;
	struct layout_input in;
	struct crc32_table crc;
};

/* Data of section @sec, which must be stored uncompressed. */
static inline const void *stub_section_data(const struct stub *s,
					    const struct cb_section *sec)
{
	return s->blob.base + sec->offset;
}

/* @n / @d (d != 0), remainder in *rem when @rem is not NULL (stub/lib.c, or
 * the arch's). */
uint32_t udiv32(uint32_t n, uint32_t d, uint32_t *rem);

/* Print the time since the previous stage line, then the line's end. */
void stub_stage_end(struct stub *s);

/* The first half of arch_relocate: copy the blob to its planned slot and
 * this run's log to that copy's log area (the restart goes on with it).
 * Returns the copy's base. */
uintptr_t stub_move_blob(struct stub *s);

/* Build the command line the kernel gets, per the header's mode, into
 * @out (capacity @cap, NUL-terminated).  Returns its length or -1 if too long. */
int stub_cmdline(const struct stub *s, char *out, size_t cap);

/* CRC-check one section now; on mismatch name it and the values, then fail. */
void stub_check_section(struct stub *s, const struct cb_section *sec);

/* Print "chainboot: " and the message (what failed, with the values), then
 * reset (arch_reset: halts with a message only if no reset method works). */
__attribute__((noreturn, format(printf, 2, 3)))
void stub_fail(struct stub *s, const char *fmt, ...);

/* stub_fail with the arguments as words (console_words()). */
__attribute__((noreturn))
void stub_fail_words(struct stub *s, const char *fmt, const uintptr_t *arg);

void stub_main(uintptr_t a0, uintptr_t a1, uintptr_t a2, uintptr_t load_base,
	       uint32_t entry_flags);

#endif
