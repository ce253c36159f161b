/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The carry list of a board style (CB_SEC_CARRY, docs/blob-format.md): the
 * device-tree paths the ARM stub copies from the loader's DTB into the
 * packed one, kept as the section's bytes, each path ended by a NUL.
 */
#ifndef HOSTPACK_CARRY_H
#define HOSTPACK_CARRY_H
#include "blob.h"
#include "hostpack.h"

struct carry_list {
	char data[CB_CARRY_MAX];	/* the CARRY section's bytes */
	uint32_t len;			/* 0: no list, no section */
};

/*
 * NULL if @path may be carried: absolute, printable ASCII without spaces,
 * no empty component, no trailing '/', and with its NUL within
 * CB_CARRY_MAX.  Otherwise the reason, for a message.
 */
const char *carry_path_problem(const char *path);

/*
 * Append @path to @l unless it is there already.  A path that
 * carry_path_problem() refuses, or that does not fit in CB_CARRY_MAX with
 * the paths before it, is an error: "hostpack: @where: carry path 'P':
 * problem" and @code is returned.  Otherwise 0.
 */
int carry_add(struct carry_list *l, const char *path, int code, const char *where);

/* carry_add() for each whitespace-separated word of @words (modified). */
int carry_add_words(struct carry_list *l, char *words, int code, const char *where);

/* Append every path of @from to @to, as carry_add() does. */
int carry_merge(struct carry_list *to, const struct carry_list *from, int code,
		const char *where);

/*
 * 0 if the @len bytes at @p are a CARRY section hostpack could have
 * written: at most CB_CARRY_MAX, not empty, ended by a NUL, every path
 * between the NULs accepted by carry_path_problem().  Otherwise -1 and the
 * reason in @why (@cap bytes), naming the path by its index from 0.
 */
int carry_section_check(const uint8_t *p, size_t len, char *why, size_t cap);

/*
 * The path at offset *@at of the well-formed section @p/@len, and *@at moved
 * past its NUL; NULL at the end.
 */
const char *carry_next(const uint8_t *p, size_t len, size_t *at);

#endif
