/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The early console: one UART, found from the DTB's stdout-path, the board
 * data or the arch default.  The only global state in the stub.
 */
#ifndef CHAINBOOT_CONSOLE_H
#define CHAINBOOT_CONSOLE_H
#include <stdint.h>
#include <stdbool.h>

/* Use UART @kind (CB_UART_*) at @base with register stride 1 << @shift.
 * CB_UART_NONE silences the console. */
void console_init(uint32_t kind, uintptr_t base, uint32_t shift);

/* True once a UART is set. */
bool console_ready(void);

/* Print no info messages (errors still print; the log keeps both). */
void console_set_quiet(bool quiet);

/*
 * The boot log: every character the console prints, '\r' excepted, info
 * messages included when quiet, and whether a UART is set or not.  It lives
 * in RAM the arch sets aside (arch_log_area()), is handed to the kernel
 * (ARM: /chosen chainboot,log; x86: a setup_data entry) and, when the stub
 * fails, written where the next boot can read it (ARM: a ramoops console
 * zone).  Text past the end is dropped.
 */
#define STUB_LOG_SIZE	0x1000		/* also in stub/arch/armv7/asm.h */
struct stub_log {
	uint32_t len;				/* text bytes, the NUL not counted */
	char text[STUB_LOG_SIZE - 4];		/* room for the NUL included */
};

/* Record into @log from now on; it starts empty unless @keep (a restart
 * after relocation, the first run's lines copied there). */
void console_log_to(struct stub_log *log, bool keep);

/* The log, its text NUL-terminated; NULL before console_log_to(). */
const struct stub_log *console_log(void);

/* printf subset: %s %u %x %p (as %08x) and a width, which always pads
 * with zeros (%08x); values are 32 bits, no 'l' or 'z'.  Any other
 * character after '%' is printed as is (%% prints %). */
void console_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The same, but printed only when not quiet. */
void console_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * What both do, with the arguments as an array of words, one per
 * conversion in order (%s and %p: a pointer; %u and %x: the value in the
 * low 32 bits); @info: printed only when not quiet.  The variadic
 * functions (these two and stub_fail) are a few instructions of assembly
 * in each arch (lib.S, x86 entry.S): every calling convention the stub
 * is built for passes such arguments as consecutive words once the
 * argument registers are stored below the stacked ones.
 */
void console_words(bool info, const char *fmt, const uintptr_t *arg);

#define log_info(...)	console_info(__VA_ARGS__)
#define log_err(...)	console_printf(__VA_ARGS__)

#endif
