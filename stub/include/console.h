/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The early console: one UART, found from the DTB's stdout-path, the board
 * data or the arch default.  The only global state in the stub.
 */
#ifndef CHAINBOOT_CONSOLE_H
#define CHAINBOOT_CONSOLE_H
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>

/* Use UART @kind (CB_UART_*) at @base with register stride 1 << @shift.
 * CB_UART_NONE silences the console. */
void console_init(uint32_t kind, uintptr_t base, uint32_t shift);

/* True once a UART is set. */
bool console_ready(void);

/* Drop info messages (errors still print). */
void console_set_quiet(bool quiet);

/* printf subset: %s %u %x %p (as %08x) and a width, which always pads
 * with zeros (%08x); values are 32 bits, no 'l' or 'z'.  Any other
 * character after '%' is printed as is (%% prints %). */
void console_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void console_vprintf(const char *fmt, va_list ap);

/* The same, but printed only when not quiet. */
void console_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define log_info(...)	console_info(__VA_ARGS__)
#define log_err(...)	console_printf(__VA_ARGS__)

#endif
