/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Where board files are looked up: an explicit directory, $CHAINBOOT_BOARDS,
 * the tree around the executable (build/hostpack -> boards/, or an install
 * prefix's share/chainboot/boards), then the source tree of the build.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "board.h"

#ifndef HP_SOURCE_BOARDS
#define HP_SOURCE_BOARDS "boards"
#endif

static bool is_path(const char *board)
{
	size_t n = strlen(board);

	return strchr(board, '/') || (n > 5 && strcmp(board + n - 5, ".conf") == 0);
}

static bool try_dir(const char *dir, const char *board, char *path, size_t len)
{
	snprintf(path, len, "%s/%s.conf", dir, board);
	return access(path, F_OK) == 0;
}

/* Directory of the running executable, or "" if unknown. */
static void exe_dir(char *out, size_t len)
{
	ssize_t n = readlink("/proc/self/exe", out, len - 1);
	char *slash;

	out[n > 0 ? n : 0] = 0;
	slash = strrchr(out, '/');
	if (slash)
		*slash = 0;
	else
		out[0] = 0;
}

static bool search(const char *board, const char *dir, char *path, size_t len)
{
	const char *env = getenv(BOARD_ENV);
	char exe[PATH_MAX], sub[PATH_MAX + 32];

	if (dir)
		return try_dir(dir, board, path, len);
	if (env && *env)
		return try_dir(env, board, path, len);
	exe_dir(exe, sizeof(exe));
	snprintf(sub, sizeof(sub), "%s/../boards", exe);
	if (exe[0] && try_dir(sub, board, path, len))
		return true;
	snprintf(sub, sizeof(sub), "%s/../share/chainboot/boards", exe);
	if (exe[0] && try_dir(sub, board, path, len))
		return true;
	return try_dir(HP_SOURCE_BOARDS, board, path, len);
}

int board_load(const char *board, const char *dir, struct cb_board *b,
	       struct carry_list *carry)
{
	char path[PATH_MAX + 64];
	struct hp_buf text;
	int err;

	if (is_path(board))
		snprintf(path, sizeof(path), "%s", board);
	else if (board[0] == '.' || !search(board, dir, path, sizeof(path)))
		return hp_error(HP_EINPUT, board,
				"unknown board (no %s.conf in %s; see --boards-dir and $%s)",
				board, dir ? dir : "the boards directory", BOARD_ENV);
	err = hp_read_file(path, BOARD_MAX_FILE, &text);
	if (err)
		return err;
	if (memchr(text.data, 0, text.len))
		err = hp_error(HP_EINPUT, path, "board file contains a NUL byte");
	else
		err = board_parse(path, (const char *)text.data, b, carry);
	hp_buf_free(&text);
	return err;
}
