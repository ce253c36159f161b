/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Board files are data only: one `key = value` per line, `#` starts a
 * comment, numbers take 0x, K/M/G as hp_parse_u32() does.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "board.h"

#define NAME_LEN	sizeof(((struct cb_board *)0)->name)

enum kind { K_NAME, K_NUM, K_UART, K_RESET, K_CARRY };

static const struct key {
	const char *key;
	enum kind kind;
	size_t off;
} keys[] = {
	{ "name", K_NAME, offsetof(struct cb_board, name) },
	{ "uart", K_UART, offsetof(struct cb_board, uart_kind) },
	{ "uart_base", K_NUM, offsetof(struct cb_board, uart_base) },
	{ "uart_shift", K_NUM, offsetof(struct cb_board, uart_shift) },
	{ "ram_base", K_NUM, offsetof(struct cb_board, ram_base) },
	{ "ram_size", K_NUM, offsetof(struct cb_board, ram_size) },
	{ "reset", K_RESET, offsetof(struct cb_board, reset_kind) },
	{ "reset_addr", K_NUM, offsetof(struct cb_board, reset_addr) },
	{ "reset_value", K_NUM, offsetof(struct cb_board, reset_value) },
	{ "hardboot_page", K_NUM, offsetof(struct cb_board, hardboot_page) },
	{ "carry", K_CARRY, 0 },	/* not in cb_board: the CARRY section */
};
#define NKEYS (sizeof(keys) / sizeof(keys[0]))

/* Indexed by CB_UART_* and CB_RESET_*. */
static const char *const uart_names[] = { "none", "pl011", "8250-mmio", "8250-io",
	"8250-mmio32", "imx", "samsung", "cadence", "msm-uartdm" };
static const char *const reset_names[] = { "none", "psci", "reg", "x86" };
#define NUARTS (sizeof(uart_names) / sizeof(uart_names[0]))
#define NRESETS (sizeof(reset_names) / sizeof(reset_names[0]))
_Static_assert(NUARTS == CB_UART_KINDS, "a name for every CB_UART_* kind");

const char *board_uart_name(uint32_t kind)
{
	return kind < NUARTS ? uart_names[kind] : "unknown";
}

const char *board_reset_name(uint32_t kind)
{
	return kind < NRESETS ? reset_names[kind] : "unknown";
}

static bool name_ok(const char *s, size_t max)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > max)
		return false;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("._-", s[i]))
			return false;
	return true;
}

/* The name field: name_ok() characters, then NUL padding to the end (a
 * 24-character name has no NUL). */
static bool name_field_ok(const char *field)
{
	char name[NAME_LEN + 1] = { 0 };
	size_t n = strnlen(field, NAME_LEN), i;

	for (i = n; i < NAME_LEN; i++)
		if (field[i])
			return false;
	memcpy(name, field, n);
	return name_ok(name, NAME_LEN);
}

static bool lookup(const char *const *names, size_t n, const char *v, uint32_t *out)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], v) == 0) {
			*out = i;
			return true;
		}
	return false;
}

static bool set_value(struct cb_board *b, const struct key *k, const char *v)
{
	uint32_t *field = (uint32_t *)((uint8_t *)b + k->off);

	if (k->kind == K_NAME) {
		if (!name_ok(v, NAME_LEN))
			return false;
		memcpy(b->name, v, strlen(v));	/* NUL-padded, not terminated */
		return true;
	}
	if (k->kind == K_UART)
		return lookup(uart_names, NUARTS, v, field);
	if (k->kind == K_RESET)
		return lookup(reset_names, NRESETS, v, field);
	return hp_parse_u32(v, field);
}

static char *trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = 0;
	return s;
}

static int parse_line(const char *where, char *line, struct cb_board *b,
		      struct carry_list *carry, uint32_t *seen)
{
	char *eq = strchr(line, '='), *key, *val;
	unsigned int i;

	if (!eq)
		return hp_error(HP_EINPUT, where, "expected 'key = value'");
	*eq = 0;
	key = trim(line);
	val = trim(eq + 1);
	for (i = 0; i < NKEYS; i++)
		if (strcmp(keys[i].key, key) == 0)
			break;
	if (i == NKEYS)
		return hp_error(HP_EINPUT, where, "unknown key '%s'", key);
	/* A style's list may be long: carry lines add up. */
	if (keys[i].kind == K_CARRY)
		return carry_add_words(carry, val, HP_EINPUT, where);
	if (*seen & (1u << i))
		return hp_error(HP_EINPUT, where, "'%s' given twice", key);
	*seen |= 1u << i;
	if (!set_value(b, &keys[i], val))
		return hp_error(HP_EINPUT, where, "bad value for %s: '%s'", key, val);
	return 0;
}

int board_parse(const char *name, const char *text, struct cb_board *b,
		struct carry_list *carry)
{
	char *copy = hp_strdup(text), *line = copy, *next, where[4096];
	const char *why;
	uint32_t seen = 0;
	unsigned int n;
	int err = 0;

	memset(b, 0, sizeof(*b));
	memset(carry, 0, sizeof(*carry));
	for (n = 1; line && !err; n++, line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		line[strcspn(line, "#")] = 0;
		if (*trim(line) == 0)
			continue;
		snprintf(where, sizeof(where), "%s:%u", name, n);
		err = parse_line(where, line, b, carry, &seen);
	}
	free(copy);
	if (!err && board_validate(b, &why))
		err = hp_error(HP_EINPUT, name, "%s", why);
	return err;
}

int board_validate(const struct cb_board *b, const char **why)
{
	*why = NULL;
	if (!name_field_ok(b->name))
		*why = "board name missing or not [A-Za-z0-9._-]";
	else if (b->uart_kind >= NUARTS)
		*why = "unknown uart kind";
	else if (b->reset_kind >= NRESETS)
		*why = "unknown reset kind";
	else if (b->uart_kind != CB_UART_NONE && b->uart_base == 0)
		*why = "uart needs uart_base";
	else if (b->uart_shift > 4)
		*why = "uart_shift above 4";
	else if (b->reset_kind == CB_RESET_REG && b->reset_addr == 0)
		*why = "reset = reg needs reset_addr";
	else if (b->reserved[0] || b->reserved[1] || b->reserved[2])
		*why = "reserved fields not zero";
	return *why ? -1 : 0;
}

int board_format(const struct cb_board *b, char *buf, size_t len)
{
	return snprintf(buf, len,
			"name = %.*s\nuart = %s\nuart_base = 0x%x\nuart_shift = %u\n"
			"ram_base = 0x%x\nram_size = 0x%x\nreset = %s\nreset_addr = 0x%x\n"
			"reset_value = 0x%x\nhardboot_page = 0x%x\n",
			(int)sizeof(b->name), b->name, board_uart_name(b->uart_kind),
			b->uart_base, b->uart_shift, b->ram_base, b->ram_size,
			board_reset_name(b->reset_kind), b->reset_addr, b->reset_value,
			b->hardboot_page);
}
