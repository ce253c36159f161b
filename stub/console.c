/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdarg.h>
#include "console.h"
#include "blob.h"
#include "stub.h"

_Static_assert(sizeof(long) == 4 && sizeof(void *) == 4, "the stub is 32-bit");

struct console_sink {
	uint32_t kind;
	uintptr_t base;
	uint32_t shift;
	bool quiet;
};

static struct console_sink con;

#define PL011_DR	0x00
#define PL011_FR	0x18
#define PL011_FR_TXFF	(1u << 5)
#define UART_THR	0
#define UART_LSR	5
#define UART_LSR_THRE	(1u << 5)

static inline void mmio_write32(uintptr_t a, uint32_t v) { *(volatile uint32_t *)a = v; }
static inline uint32_t mmio_read32(uintptr_t a) { return *(volatile uint32_t *)a; }
static inline void mmio_write8(uintptr_t a, uint8_t v) { *(volatile uint8_t *)a = v; }
static inline uint8_t mmio_read8(uintptr_t a) { return *(volatile uint8_t *)a; }

#if defined(__i386__) || defined(__x86_64__)
static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}
static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
#else
static inline void outb(uint16_t port, uint8_t v) { (void)port; (void)v; }
static inline uint8_t inb(uint16_t port) { (void)port; return UART_LSR_THRE; }
#endif

static void uart_putc(char c)
{
	unsigned int spin = 100000;	/* never hang on a dead UART */

	if (con.kind == CB_UART_PL011) {
		while ((mmio_read32(con.base + PL011_FR) & PL011_FR_TXFF) && --spin)
			;
		mmio_write32(con.base + PL011_DR, (uint8_t)c);
	} else if (con.kind == CB_UART_8250_MMIO) {
		while (!(mmio_read8(con.base + (UART_LSR << con.shift)) & UART_LSR_THRE) && --spin)
			;
		mmio_write8(con.base + (UART_THR << con.shift), (uint8_t)c);
	} else if (con.kind == CB_UART_8250_IO) {
		while (!(inb((uint16_t)(con.base + UART_LSR)) & UART_LSR_THRE) && --spin)
			;
		outb((uint16_t)(con.base + UART_THR), (uint8_t)c);
	}
}

static void putc_crlf(char c)
{
	if (c == '\n')
		uart_putc('\r');
	uart_putc(c);
}

void console_init(uint32_t kind, uintptr_t base, uint32_t shift)
{
	con.kind = base ? kind : CB_UART_NONE;
	con.base = base;
	con.shift = shift;
}

bool console_ready(void)
{
	return con.kind != CB_UART_NONE;
}

void console_set_quiet(bool quiet)
{
	con.quiet = quiet;
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

void console_vprintf(const char *fmt, va_list ap)
{
	char c;

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
			for (s = va_arg(ap, const char *); s && *s; s++)
				putc_crlf(*s);
		} else if (c == 'u' || c == 'x' || c == 'p') {
			if (c == 'p')	/* pointers are 32 bits */
				width = 8;
			put_num(va_arg(ap, uint32_t), c == 'u' ? 10 : 16, width);
		} else if (c) {
			putc_crlf(c);
		} else {
			break;
		}
	}
}

void console_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	console_vprintf(fmt, ap);
	va_end(ap);
}

void console_info(const char *fmt, ...)
{
	va_list ap;

	if (con.quiet)
		return;
	va_start(ap, fmt);
	console_vprintf(fmt, ap);
	va_end(ap);
}
