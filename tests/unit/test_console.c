/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The console's boot log (stub/console.c): what the UART gets and what the
 * log keeps, quiet or not, with and without a UART; '\r' never in the log;
 * a full log drops the rest and stays NUL-terminated; a restart keeps it.
 * The UART is a register model that records the bytes written to an 8250's
 * data register (always ready).  Built for the host (CB_HOST_TEST).  The
 * variadic functions in front of console_words() are assembly, one per
 * arch (tests/a64/test-words.sh runs arm64's).
 */
#include <string.h>
#include "console.h"
#include "blob.h"
#include "hostpack_test.h"

#define BASE	0x1000u

static char tx[8192];
static size_t ntx;

uint32_t mmio_read32(uintptr_t a) { (void)a; return 0x60; }	/* LSR: THR empty */
uint8_t mmio_read8(uintptr_t a) { (void)a; return 0x60; }
void mmio_write32(uintptr_t a, uint32_t v) { if (a == BASE && ntx < sizeof(tx)) tx[ntx++] = (char)v; }
void mmio_write8(uintptr_t a, uint8_t v) { if (a == BASE && ntx < sizeof(tx)) tx[ntx++] = (char)v; }
uint8_t inb(uint16_t p) { (void)p; return 0x60; }
void outb(uint16_t p, uint8_t v) { (void)p; (void)v; }

uint32_t udiv32(uint32_t n, uint32_t d, uint32_t *rem);
uint32_t udiv32(uint32_t n, uint32_t d, uint32_t *rem)
{
	if (rem)
		*rem = n % d;
	return n / d;
}

static struct stub_log log_area;

/* console_words()'s arguments: words, one per conversion. */
#define W(...)	((const uintptr_t[]){ __VA_ARGS__ })

static const char *sent(void)
{
	tx[ntx] = '\0';
	return tx;
}

int main(void)
{
	const struct stub_log *l;
	size_t i;

	/* Before console_log_to(): no log, printing works. */
	hp_check(console_log() == NULL, "console-no-log", "a log before console_log_to()");

	console_init(CB_UART_8250_MMIO, BASE, 0);
	log_area.len = 77;
	console_log_to(&log_area, false);
	hp_check(log_area.len == 0, "console-log-starts-empty", "len %u", log_area.len);
	console_words(false, "a %s %u %08x\n", W((uintptr_t)"b", 42, 0xbeef));
	console_words(true, "info %8x\n", W(0x1234));
	l = console_log();
	hp_check(strcmp(l->text, "a b 42 0000beef\ninfo 00001234\n") == 0, "console-log-text",
		 "'%s'", l->text);
	hp_check(strcmp(sent(), "a b 42 0000beef\r\ninfo 00001234\r\n") == 0, "console-uart-crlf",
		 "'%s'", sent());

	/* Each word reaches its conversion: past %%, an unknown conversion,
	 * a width, a pointer above 4 GiB, and a '%' at the very end. */
	ntx = 0;
	console_words(false, "%% %s|%5u|%x|%q%u|%p|%s|%",
		      W((uintptr_t)"s", 7, 0xabc, 9, (uintptr_t)0x12abcdef1ull, (uintptr_t)"t"));
	hp_check(strcmp(sent(), "% s|00007|abc|q9|12abcdef1|t|") == 0, "console-words",
		 "'%s'", sent());
	log_area.len = 0;
	console_log_to(&log_area, true);
	console_words(false, "a %s %u %08x\n", W((uintptr_t)"b", 42, 0xbeef));
	console_words(true, "info %8x\n", W(0x1234));

	/* Quiet: info lines reach the log only; errors both. */
	ntx = 0;
	console_set_quiet(true);
	console_words(true, "hidden %u\n", W(1));
	console_words(false, "error\n", NULL);
	console_words(true, "hidden again\n", NULL);
	hp_check(strcmp(sent(), "error\r\n") == 0, "console-quiet-uart", "'%s'", sent());
	hp_check(strcmp(console_log()->text, "a b 42 0000beef\ninfo 00001234\nhidden 1\n"
		 "error\nhidden again\n") == 0, "console-quiet-log", "'%s'", console_log()->text);
	console_set_quiet(false);

	/* No UART: the log still records. */
	console_init(CB_UART_NONE, 0, 0);
	ntx = 0;
	console_words(false, "dark\n", NULL);
	hp_check(ntx == 0 && strstr(console_log()->text, "hidden again\ndark\n"),
		 "console-no-uart-log", "ntx %zu '%s'", ntx, console_log()->text);

	/* A restart keeps what the first run wrote. */
	i = log_area.len;
	console_log_to(&log_area, true);
	console_words(false, "restart\n", NULL);
	hp_check(log_area.len == i + 8 && strstr(console_log()->text, "dark\nrestart\n"),
		 "console-log-kept", "len %u, was %zu", log_area.len, i);

	/* Full: the text stops one byte short of the end, NUL-terminated. */
	console_log_to(&log_area, false);
	for (i = 0; i < sizeof(log_area.text) + 100; i++)
		console_words(false, "x", NULL);
	l = console_log();
	hp_check(l->len == sizeof(l->text) - 1 && l->text[l->len] == '\0' &&
		 strspn(l->text, "x") == l->len, "console-log-full", "len %u", l->len);
	return hp_test_done();
}
