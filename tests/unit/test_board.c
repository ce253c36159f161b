/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * board_parse(): a full board file, comments and spacing, number forms,
 * the format/parse round trip, carry lists, the boards/ files of the tree,
 * and a table of bad files, each naming the check it must hit.
 */
#include <stdio.h>
#include <string.h>
#include "board.h"
#include "hostpack_test.h"

static struct carry_list carry;

static void carry_cases(void)
{
	static const char lines[] =
		"name = x\n"
		"carry = /chosen/a   /serial-number	# two on a line\n"
		"uart = none\n"
		"carry=/chosen/a\n"				/* a duplicate: dropped */
		"carry = \n"					/* nothing */
		"  carry =  /soc/modem@4080000 \n";
	static const char want[] = "/chosen/a\0/serial-number\0/soc/modem@4080000";
	static const char osprey[] = "/chosen/linux,hwrev\0/chosen/linux,seriallow\0"
		"/chosen/linux,serialhigh\0/chosen/mmi,baseband\0/chosen/mmi,powerup_reason";
	struct cb_board b;

	hp_check(board_parse("carry", lines, &b, &carry) == 0 && carry.len == sizeof(want) &&
		 memcmp(carry.data, want, sizeof(want)) == 0, "carry-lines", "len %u", carry.len);
	hp_check(board_parse("none", "name = x\n", &b, &carry) == 0 && carry.len == 0,
		 "carry-none", "len %u", carry.len);
	hp_check(board_load("motorola-osprey", "boards", &b, &carry) == 0 &&
		 carry.len == sizeof(osprey) && memcmp(carry.data, osprey, sizeof(osprey)) == 0 &&
		 b.ram_base == 0x80000000 && b.uart_kind == CB_UART_NONE,
		 "boards/motorola-osprey.conf", "wrong values");
}

static void good_cases(void)
{
	static const char full[] =
		"# a comment line\n"
		"  name=test-board_1.0   # trailing comment\n"
		"\n"
		"uart = 8250-mmio\n"
		"uart_base\t=\t0x1c090000\n"
		"uart_shift = 2\n"
		"ram_base = 0x80000000\n"
		"ram_size = 512M\n"
		"reset = reg\n"
		"reset_addr = 0x10000040\n"
		"reset_value = 0xdead\n"
		"hardboot_page = 0x8fe00000";	/* no final newline */
	struct cb_board b, c;
	char text[512];

	hp_check(board_parse("full", full, &b, &carry) == 0 && strcmp(b.name, "test-board_1.0") == 0 &&
		 b.uart_kind == CB_UART_8250_MMIO && b.uart_base == 0x1c090000 &&
		 b.uart_shift == 2 && b.ram_base == 0x80000000 && b.ram_size == 512u << 20 &&
		 b.reset_kind == CB_RESET_REG && b.reset_addr == 0x10000040 &&
		 b.reset_value == 0xdead && b.hardboot_page == 0x8fe00000,
		 "full-file", "fields differ");
	board_format(&b, text, sizeof(text));
	hp_check(board_parse("again", text, &c, &carry) == 0 && memcmp(&b, &c, sizeof(b)) == 0,
		 "format-parse-roundtrip", "differs:\n%s", text);
	hp_check(board_parse("min", "name = x\n", &b, &carry) == 0 && b.uart_kind == CB_UART_NONE &&
		 b.reset_kind == CB_RESET_NONE, "name-only", "rejected");
	hp_check(board_parse("max", "name = x\nram_size = 4294967295\n", &b, &carry) == 0 &&
		 b.ram_size == 0xffffffffu, "uint32-max", "rejected");
	hp_check(board_parse("n24", "name = abcdefghijklmnopqrstuvwx\n", &b, &carry) == 0 &&
		 memcmp(b.name, "abcdefghijklmnopqrstuvwx", 24) == 0, "name-24", "rejected");
	hp_check(board_parse("crlf", "name = x\r\nuart = none\r\n", &b, &carry) == 0, "crlf",
		 "rejected");
	hp_check(board_load("qemu-virt-armv7", "boards", &b, &carry) == 0 &&
		 b.uart_kind == CB_UART_PL011 && b.uart_base == 0x09000000 &&
		 b.ram_base == 0x40000000 && b.reset_kind == CB_RESET_PSCI,
		 "boards/qemu-virt-armv7.conf", "wrong values");
	hp_check(board_load("pc", "boards", &b, &carry) == 0 && b.uart_kind == CB_UART_8250_IO &&
		 b.uart_base == 0x3f8 && b.reset_kind == CB_RESET_X86 && carry.len == 0,
		 "boards/pc.conf", "wrong values");
	carry_cases();
}

static const struct {
	const char *name;
	const char *text;
} bad_cases[] = {
	/* parse_line: no '=' */
	{ "no-equals", "name x\n" },
	/* parse_line: unknown key */
	{ "unknown-key", "name = x\ncolour = red\n" },
	{ "key-case", "NAME = x\n" },
	/* parse_line: key given twice */
	{ "duplicate", "name = x\nname = y\n" },
	/* set_value: numbers (hp_parse_u32) */
	{ "number-words", "name = x\nram_size = lots\n" },
	{ "number-empty", "name = x\nram_size =\n" },
	{ "number-negative", "name = x\nram_size = -1\n" },
	{ "number-4g", "name = x\nram_size = 0x100000000\n" },
	{ "number-5G", "name = x\nram_size = 5G\n" },
	{ "number-suffix", "name = x\nram_size = 12Q\n" },
	{ "number-space", "name = x\nram_size = 1 2\n" },
	/* set_value: enumerations */
	{ "uart-unknown", "name = x\nuart = 16550\n" },
	{ "reset-unknown", "name = x\nreset = watchdog\n" },
	/* set_value: name characters and length (24 max, NUL-padded) */
	{ "name-space", "name = my board\n" },
	{ "name-slash", "name = a/b\n" },
	{ "name-25", "name = abcdefghijklmnopqrstuvwxy\n" },
	/* board_validate */
	{ "no-name", "uart = none\n" },
	{ "empty-file", "" },
	{ "uart-no-base", "name = x\nuart = pl011\n" },
	{ "shift-5", "name = x\nuart_shift = 5\n" },
	{ "reset-reg-no-addr", "name = x\nreset = reg\n" },
	/* carry_add() via carry_add_words(): carry_path_problem() */
	{ "carry-relative", "name = x\ncarry = chosen/a\n" },
	{ "carry-second-relative", "name = x\ncarry = /a b\n" },
	{ "carry-root", "name = x\ncarry = /\n" },
	{ "carry-trailing-slash", "name = x\ncarry = /chosen/\n" },
	{ "carry-empty-component", "name = x\ncarry = /chosen//a\n" },
	{ "carry-non-ascii", "name = x\ncarry = /chosen/caf\xc3\xa9\n" },
	{ "carry-control", "name = x\ncarry = /chosen/\x01\n" },
	/* carry_add(): the list past CB_CARRY_MAX (LONG_CARRY, below) */
	{ "carry-too-long", NULL },
	/* board_validate() still runs after carry lines */
	{ "carry-no-name", "carry = /a\n" },
};

/* "name = x" and 52 carry lines of four 5-byte paths: 1040 bytes of list. */
static const char *long_carry(void)
{
	static char text[52 * 32 + 16];
	size_t n = (size_t)snprintf(text, sizeof(text), "name = x\n");
	unsigned int i;

	for (i = 0; i < 52 * 4; i += 4)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "carry = /%03u /%03u /%03u /%03u\n",
				      i, i + 1, i + 2, i + 3);
	return text;
}

int main(void)
{
	struct cb_board b;
	const char *why;
	unsigned int i;

	good_cases();
	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++)
		hp_check(board_parse(bad_cases[i].name, bad_cases[i].text ? bad_cases[i].text :
				     long_carry(), &b, &carry) == HP_EINPUT,
			 bad_cases[i].name, "accepted");
	hp_check(board_load("no-such-board", "boards", &b, &carry) == HP_EINPUT, "load-unknown",
		 "accepted");
	hp_check(board_load(".hidden", NULL, &b, &carry) == HP_EINPUT, "load-dotname", "accepted");
	memset(&b, 0, sizeof(b));
	strcpy(b.name, "x");
	b.reserved[1] = 1;
	hp_check(board_validate(&b, &why) != 0, "validate-reserved", "accepted");
	return hp_test_done();
}
