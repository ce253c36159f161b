/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Board data files (boards/NAME.conf: `key = value` lines, `#` comments)
 * turned into the struct cb_board of a BOARD section.
 */
#ifndef HOSTPACK_BOARD_H
#define HOSTPACK_BOARD_H
#include "blob.h"
#include "carry.h"
#include "hostpack.h"

#define BOARD_ENV	"CHAINBOOT_BOARDS"	/* directory of NAME.conf files */
#define BOARD_MAX_FILE	(64u * HP_KiB)

/*
 * Parse the NUL-terminated text of a board file (@name for messages) into
 * @b and @carry.  Keys: name, uart (pl011|8250-mmio|8250-io|none),
 * uart_base, uart_shift, ram_base, ram_size, reset (psci|reg|x86|none),
 * reset_addr, reset_value, hardboot_page, each at most once; carry (ARM
 * board styles: whitespace-separated DT paths, on as many lines as needed,
 * duplicates dropped).  Returns 0 or HP_EINPUT ("FILE:LINE: problem").
 */
int board_parse(const char *name, const char *text, struct cb_board *b,
		struct carry_list *carry);

/*
 * Find and parse board @board: a path if it contains '/' or ends in .conf,
 * else NAME.conf in @dir if given, else in $CHAINBOOT_BOARDS, else in
 * ../boards and ../share/chainboot/boards next to the executable, else in
 * the source tree hostpack was built from.  Returns 0, HP_EINPUT or HP_EIO.
 */
int board_load(const char *board, const char *dir, struct cb_board *b,
	       struct carry_list *carry);

/* 0 if @b is something board_parse() could have produced, else -1 and a
 * reason in *why. */
int board_validate(const struct cb_board *b, const char **why);

/* Write @b as board file text into @buf (@len bytes); returns the length
 * (snprintf-style). */
int board_format(const struct cb_board *b, char *buf, size_t len);

const char *board_uart_name(uint32_t kind);
const char *board_reset_name(uint32_t kind);

#endif
