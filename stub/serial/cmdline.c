/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The console the kernel command line names, for trees that name none:
 * what Linux's earlycon= and console= would pick (Documentation/
 * admin-guide/kernel-parameters.txt).  Host side only: hostpack runs it at
 * pack time (hostpack/pack_console.c); the stubs have no room for it.
 */
#include <string.h>
#include "serial.h"

const char *serial_row(const char *t, const char *s)
{
	int i;

	for (; *t; t += i + 1) {
		for (i = 1; t[i] && t[i] == s[i - 1]; i++)
			;
		if (!t[i])
			return t;
		while (t[i])
			i++;
	}
	return NULL;
}

/* The value of the first (or with @last, the last) @key parameter. */
static char *param(char *cmd, const char *key, bool last)
{
	char *p = cmd, *v = NULL;
	const char *k;

	for (; *p; p++) {
		if (p != cmd && p[-1] != ' ')
			continue;
		for (k = key; *k && *k == *p; k++)
			p++;
		if (!*k && (!v || last))
			v = p;
	}
	return v;
}

/* earlycon=<name>,[mmio,|mmio32,]0x<address>[,options] */
static int earlycon(const char *v, struct dt_uart *u)
{
	const char *r = serial_row(SERIAL_EARLYCONS, v);
	uint32_t d;

	if (!r)
		return DT_ERR_NOTFOUND;
	u->kind = (uint8_t)*r >> 4;
	u->shift = 0;
	u->base = 0;
	for (;;) {
		while (*v && *v++ != ',')
			;
		if (*v != 'm')
			break;
		if (v[4] == '3' && u->kind == CB_UART_8250_MMIO) {	/* mmio32 */
			u->kind = CB_UART_8250_MMIO32;
			u->shift = 2;
		}
	}
	if (*v++ != '0' || (*v++ | 0x20) != 'x')
		return DT_ERR_NOTFOUND;
	for (; (d = (*v | 0x20) - '0') < 10 || d - ('a' - '0') < 6; v++)
		u->base = u->base << 4 | (d < 10 ? d : d - ('a' - '0' - 10));
	return 0;
}

int serial_from_cmdline(const void *fdt, char *cmd, struct dt_uart *u)
{
	char *v = param(cmd, "earlycon=", false), *e;
	const char *r;
	int n = 0;

	if (v && earlycon(v, u) == 0)
		return 0;
	v = param(cmd, "console=", true);
	r = v ? serial_row(SERIAL_TTYS, v) : NULL;
	if (!r || !fdt)
		return DT_ERR_NOTFOUND;
	v += strlen(r + 1);
	for (e = v; *e >= '0' && *e <= '9'; e++)
		n = n * 10 + *e - '0';
	/* "serial<n>" over "...=<tty><n>": at least 6 bytes before <n> */
	*e = '\0';
	memcpy(v - 6, "serial", 6);
	return dt_serial_uart(fdt, (uint8_t)*r >> 4, v - 6, n, u);
}
