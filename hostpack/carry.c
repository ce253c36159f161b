/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Carry lists: built from board files and --carry, checked by verify,
 * printed by info and unpack.  Paths are checked here only for their form;
 * whether the loader's DTB has them is known on the device alone.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "carry.h"

const char *carry_path_problem(const char *path)
{
	size_t n = strlen(path), i;

	if (n == 0)
		return "empty path";
	if (path[0] != '/')
		return "not absolute (must start with '/')";
	if (n + 1 > CB_CARRY_MAX)
		return "longer than the carry section's limit";
	for (i = 0; i < n; i++)
		if ((unsigned char)path[i] <= ' ' || (unsigned char)path[i] > '~')
			return "not printable ASCII without spaces";
	if (path[n - 1] == '/')
		return "ends with '/'";
	if (strstr(path, "//"))
		return "empty component ('//')";
	return NULL;
}

static bool has_path(const struct carry_list *l, const char *path)
{
	size_t at = 0;
	const char *p;

	while ((p = carry_next((const uint8_t *)l->data, l->len, &at)))
		if (strcmp(p, path) == 0)
			return true;
	return false;
}

/* At most 64 characters of @path, '?' for those a message must not hold. */
static const char *shown(const char *path, char out[65])
{
	size_t i;

	for (i = 0; i < 64 && path[i]; i++)
		out[i] = path[i] < ' ' || path[i] > '~' ? '?' : path[i];
	out[i] = 0;
	return out;
}

int carry_add(struct carry_list *l, const char *path, int code, const char *where)
{
	const char *why = carry_path_problem(path);
	size_t n = strlen(path) + 1;
	char buf[65];

	if (why)
		return hp_error(code, where, "carry path '%s': %s", shown(path, buf), why);
	if (has_path(l, path))
		return 0;
	if (n > CB_CARRY_MAX - l->len)
		return hp_error(code, where, "carry path '%s': the list exceeds %u bytes",
				shown(path, buf), CB_CARRY_MAX);
	memcpy(l->data + l->len, path, n);
	l->len += (uint32_t)n;
	return 0;
}

int carry_add_words(struct carry_list *l, char *words, int code, const char *where)
{
	char *w = words, *end;
	int err = 0;

	while (!err && *w) {
		while (isspace((unsigned char)*w))
			w++;
		if (!*w)
			break;
		end = w;
		while (*end && !isspace((unsigned char)*end))
			end++;
		if (*end)
			*end++ = 0;
		err = carry_add(l, w, code, where);
		w = end;
	}
	return err;
}

int carry_merge(struct carry_list *to, const struct carry_list *from, int code,
		const char *where)
{
	size_t at = 0;
	const char *p;
	int err = 0;

	while (!err && (p = carry_next((const uint8_t *)from->data, from->len, &at)))
		err = carry_add(to, p, code, where);
	return err;
}

int carry_section_check(const uint8_t *p, size_t len, char *why, size_t cap)
{
	const char *s, *bad = NULL;
	size_t at = 0;
	unsigned int i;
	char buf[65];

	if (len == 0 || len > CB_CARRY_MAX)
		bad = len ? "larger than CB_CARRY_MAX" : "empty carry list";
	else if (p[len - 1] != 0)
		bad = "carry list not ended by a NUL";
	if (bad) {
		snprintf(why, cap, "%s", bad);
		return -1;
	}
	for (i = 0; (s = carry_next(p, len, &at)); i++) {
		bad = carry_path_problem(s);
		if (bad) {
			snprintf(why, cap, "carry path %u '%s': %s", i, shown(s, buf), bad);
			return -1;
		}
	}
	return 0;
}

const char *carry_next(const uint8_t *p, size_t len, size_t *at)
{
	const char *s;

	if (*at >= len)
		return NULL;
	s = (const char *)p + *at;
	*at += strnlen(s, len - *at) + 1;
	return s;
}
