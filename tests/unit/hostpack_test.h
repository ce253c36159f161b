/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Helpers shared by hostpack's unit tests: one PASS/FAIL line per case,
 * exit status 1 if any case failed.  hostpack's own error lines go to
 * stderr; stdout carries only the verdicts.
 */
#ifndef HOSTPACK_TEST_H
#define HOSTPACK_TEST_H
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int hp_test_failures;

/* "PASS: @name", or "FAIL: @name: <why>" with @why formatted like printf. */
static inline void __attribute__((format(printf, 3, 4)))
hp_check(int ok, const char *name, const char *why, ...)
{
	va_list ap;

	if (ok) {
		printf("PASS: %s\n", name);
	} else {
		printf("FAIL: %s: ", name);
		va_start(ap, why);
		vprintf(why, ap);
		va_end(ap);
		putchar('\n');
		hp_test_failures++;
	}
	fflush(stdout);
}

static inline int hp_test_done(void)
{
	return hp_test_failures ? 1 : 0;
}

#endif
