/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Names kept as one string of NUL-terminated entries walked by index: no
 * table of pointers, so no load-time relocation in a position-independent
 * stub.
 */
#ifndef CHAINBOOT_STRLIST_H
#define CHAINBOOT_STRLIST_H

/* Entry @n of @list, written "a\0" "b\0" (each entry NUL-terminated, the
 * literal's own NUL ending the list); "" when @n is past the end. */
static inline const char *str_nth(const char *list, unsigned int n)
{
	while (n-- && *list)
		while (*list++)
			;
	return list;
}

#endif
