/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "console.h"
#include "serial.h"
#include "stub.h"

/* %u and %x read 32 bits, %p a pointer (64 bits on arm64). */

static struct {
	struct uart u;
	struct stub_log *log;
	bool quiet;
	bool mute;		/* an info line of a quiet blob: the log only */
} con;

static void putc_crlf(char c)
{
	struct stub_log *l = con.log;

	if (l && l->len < sizeof(l->text) - 1)
		l->text[l->len++] = c;
	if (con.mute)
		return;
	if (c == '\n')
		uart_putc(&con.u, '\r');
	uart_putc(&con.u, c);
}

void console_init(uint32_t kind, uintptr_t base, uint32_t shift)
{
	con.u.kind = base ? kind : CB_UART_NONE;
	con.u.base = base;
	con.u.shift = shift;
}

bool console_ready(void)
{
	return con.u.kind != CB_UART_NONE;
}

void console_set_quiet(bool quiet)
{
	con.quiet = quiet;
}

void console_log_to(struct stub_log *log, bool keep)
{
	con.log = log;
	if (!keep)
		log->len = 0;
}

const struct stub_log *console_log(void)
{
	struct stub_log *l = con.log;

	if (l)
		l->text[l->len] = '\0';
	return l;
}

/* @v in @base, zero-padded to @width digits. */
static void put_num(uint32_t v, unsigned int base, int width)
{
	char buf[10];
	int n = 0;

	do {
		uint32_t d;

		v = udiv32(v, base, &d);
		buf[n++] = "0123456789abcdef"[d];
	} while (v);
	while (width-- > n)
		putc_crlf('0');
	while (n)
		putc_crlf(buf[--n]);
}

void console_words(bool info, const char *fmt, const uintptr_t *arg)
{
	char c;

	con.mute = info && con.quiet;
	while ((c = *fmt++)) {
		int width = 0;
		const char *s;

		if (c != '%') {
			putc_crlf(c);
			continue;
		}
		while ((c = *fmt++) >= '0' && c <= '9')
			width = width * 10 + (c - '0');
		if (c == 's') {
			for (s = (const char *)*arg++; s && *s; s++)
				putc_crlf(*s);
		} else if (c == 'p') {
			/* 8 digits, more above 4 GiB (constant 0 on 32-bit stubs) */
			uint64_t v = *arg++;

			if (v >> 32)
				put_num((uint32_t)(v >> 32), 16, 0);
			put_num((uint32_t)v, 16, 8);
		} else if (c == 'u' || c == 'x') {
			put_num((uint32_t)*arg++, c == 'u' ? 10 : 16, width);
		} else if (c) {
			putc_crlf(c);
		} else {
			break;
		}
	}
	con.mute = false;
}
