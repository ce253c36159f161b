/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HOSTPACK_PACK_CONSOLE_H
#define HOSTPACK_PACK_CONSOLE_H
#include <stdbool.h>
#include "blob.h"
#include "dtb.h"

/* Board name of a board section made only to carry a console. */
#define PACK_CONSOLE_BOARD	"cmdline-console"

/*
 * For an ARM blob whose board section sets no UART and whose one packed
 * DTB (or none) names no console by stdout-path: the UART @cmdline names
 * (Linux's earlycon= then console=<tty><n> rules, serial.h
 * serial_from_cmdline()) goes into @board, made (named
 * PACK_CONSOLE_BOARD, all else unset) when *@have_board is false, and a
 * note goes to stderr.  Nothing changes when no console is found.
 */
void pack_console(const char *cmdline, const struct dtb_list *dtbs,
		  struct cb_board *board, bool *have_board);

#endif
