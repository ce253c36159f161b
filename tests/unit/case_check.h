/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Case bookkeeping for the dt and atags tests: begin(name), CHECK(cond,
 * fmt, ...) any number of times, end(); one PASS line per clean case, one
 * FAIL line per failed check.
 */
#ifndef CHAINBOOT_CASE_CHECK_H
#define CHAINBOOT_CASE_CHECK_H
#include <stdarg.h>
#include <stdio.h>

static int failures;
static const char *case_name;
static int case_failed;

static inline void begin(const char *name)
{
	case_name = name;
	case_failed = 0;
}

static inline void end(void)
{
	if (!case_failed)
		printf("PASS: %s\n", case_name);
}

#define CHECK(cond, ...) check_(!!(cond), __LINE__, __VA_ARGS__)

static inline void check_(int ok, int line, const char *fmt, ...)
{
	va_list ap;

	if (ok)
		return;
	if (!case_failed++)
		failures++;
	printf("FAIL: %s: line %d: ", case_name, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

#endif
