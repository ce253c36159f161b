/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdarg.h>
#include "console.h"
#include "blob.h"
#include "stub.h"

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

static void put_num32(uint32_t v, unsigned int base, int width, char pad)
{
	char buf[12];
	int n = 0;

	do {
		uint32_t d;

		v = udiv32(v, base, &d);
		buf[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
	} while (v);
	while (width-- > n)
		putc_crlf(pad);
	while (n)
		putc_crlf(buf[--n]);
}

/* 64-bit values print in hex above 4 GiB: no 64-bit division in the stub. */
static void put_num(unsigned long long v, unsigned int base, int width, char pad)
{
	if (v >> 32) {
		if (base == 10) {
			putc_crlf('0');
			putc_crlf('x');
		}
		put_num32((uint32_t)(v >> 32), 16, width > 8 ? width - 8 : 0, pad);
		put_num32((uint32_t)v, 16, 8, '0');
		return;
	}
	put_num32((uint32_t)v, base, width, pad);
}

static void vprint(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		int width = 0, size = 0;
		char pad = ' ';
		const char *s;

		if (*fmt != '%') {
			putc_crlf(*fmt);
			continue;
		}
		if (*++fmt == '0')
			pad = '0';
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'z') {
			size += *fmt == 'z' ? (sizeof(size_t) > 4) + 1 : 1;
			fmt++;
		}
		if (*fmt == 's') {
			for (s = va_arg(ap, const char *); s && *s; s++)
				putc_crlf(*s);
		} else if (*fmt == 'c') {
			putc_crlf((char)va_arg(ap, int));
		} else if (*fmt == 'd') {
			long long v = size >= 2 ? va_arg(ap, long long) :
				      size ? va_arg(ap, long) : va_arg(ap, int);
			if (v < 0)
				putc_crlf('-');
			put_num(v < 0 ? -(unsigned long long)v : (unsigned long long)v, 10, width, pad);
		} else if (*fmt == 'u' || *fmt == 'x') {
			unsigned long long v = size >= 2 ? va_arg(ap, unsigned long long) :
					       size ? va_arg(ap, unsigned long) :
					       va_arg(ap, unsigned int);
			put_num(v, *fmt == 'u' ? 10 : 16, width, pad);
		} else if (*fmt == 'p') {
			put_num((uintptr_t)va_arg(ap, void *), 16, 8, '0');
		} else {
			putc_crlf('%');
			if (!*fmt)
				break;
			putc_crlf(*fmt);
		}
	}
}

void console_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint(fmt, ap);
	va_end(ap);
}

void console_info(const char *fmt, ...)
{
	va_list ap;

	if (con.quiet)
		return;
	va_start(ap, fmt);
	vprint(fmt, ap);
	va_end(ap);
}
