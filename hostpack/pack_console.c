/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The console a packed command line names (console=ttyAMA0, earlycon=...),
 * resolved at pack time against the packed DTB into the board section: the
 * stub reads a tree's stdout-path itself but has no room for Linux's
 * command-line rules (stub/serial/cmdline.c, run here instead).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pack_console.h"
#include "serial.h"
#include "board.h"
#include "hostpack.h"

void pack_console(const char *cmdline, const struct dtb_list *dtbs,
		  struct cb_board *board, bool *have_board)
{
	struct dt_uart u;
	const void *fdt = dtbs->n == 1 ? dtbs->dtb[0].data : NULL;
	char *cmd;
	int err;

	if ((*have_board && board->uart_kind) || !cmdline || dtbs->n > 1)
		return;
	/* a tree that names its console: the stub finds it */
	if (fdt && dt_stdout_uart(fdt, &u) == 0)
		return;
	cmd = hp_strdup(cmdline);
	err = serial_from_cmdline(fdt, cmd, &u);
	free(cmd);
	if (err || u.base > UINT32_MAX)
		return;
	if (!*have_board) {
		memset(board, 0, sizeof(*board));
		snprintf(board->name, sizeof(board->name), "%s", PACK_CONSOLE_BOARD);
		*have_board = true;
	}
	board->uart_kind = u.kind;
	board->uart_base = (uint32_t)u.base;
	board->uart_shift = u.shift;
	fprintf(stderr, "hostpack: console from the command line: %s at 0x%x, into the "
		"board section\n", board_uart_name(u.kind), board->uart_base);
}
