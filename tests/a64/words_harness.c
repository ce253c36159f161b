/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The arm64 stub's variadic functions (stub/arch/arm64/lib.S:
 * console_printf, console_info, stub_fail) as a Linux aarch64 program:
 * each must hand console_words() or stub_fail_words() every argument, in
 * order, as a word (past the eight argument registers too, from the
 * caller's stack), and its flag, and return to its caller with the
 * caller's frame intact.  One PASS/FAIL line per case.
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct stub;
void console_printf(const char *fmt, ...);
void console_info(const char *fmt, ...);
__attribute__((noreturn)) void stub_fail(struct stub *s, const char *fmt, ...);

#define NW	12
static int got_info = -1;
static const char *got_fmt;
static struct stub *got_s;
static uintptr_t got[NW];
static jmp_buf back;
static int failed;

void console_words(bool info, const char *fmt, const uintptr_t *arg);
void console_words(bool info, const char *fmt, const uintptr_t *arg)
{
	got_info = info;
	got_fmt = fmt;
	memcpy(got, arg, sizeof(got));
}

void stub_fail_words(struct stub *s, const char *fmt, const uintptr_t *arg);
void stub_fail_words(struct stub *s, const char *fmt, const uintptr_t *arg)
{
	got_s = s;
	got_fmt = fmt;
	memcpy(got, arg, sizeof(got));
	longjmp(back, 1);
}

static void check(const char *name, bool ok)
{
	printf("%s: words-a64-%s\n", ok ? "PASS" : "FAIL", name);
	failed |= !ok;
}

/* The first @n words: 32-bit values in the low half, pointers whole. */
static bool words_are(const uintptr_t *want, int n, const bool *ptr)
{
	for (int i = 0; i < n; i++)
		if (ptr[i] ? got[i] != want[i] : (uint32_t)got[i] != (uint32_t)want[i])
			return false;
	return true;
}

int main(void)
{
	static const char s1[] = "one", s2[] = "two";
	const uintptr_t want[10] = { 1, (uintptr_t)s1, 0xfffffffe, 4, (uintptr_t)s2, 6,
				     0x7fffffff, (uintptr_t)0x123456789abcull, 9, 10 };
	const bool ptr[10] = { 0, 1, 0, 0, 1, 0, 0, 1, 0, 0 };
	volatile uint64_t guard = 0x5a5a5a5a5a5a5a5aull;

	console_printf("none");
	check("printf-none", got_info == 0 && !strcmp(got_fmt, "none"));

	/* Ten: seven in x1-x7, three on the stack. */
	console_printf("%u %s %x %u %s %u %x %p %u %u", 1u, s1, 0xfffffffeu, 4u, s2, 6u,
		       0x7fffffffu, (void *)0x123456789abcull, 9u, 10u);
	check("printf-ten", got_info == 0 && words_are(want, 10, ptr));

	console_info("%u %s %x", 1u, s1, 0xfffffffeu);
	check("info-three", got_info == 1 && words_are(want, 3, ptr));

	console_info("%u %s %x %u %s %u %x %p %u", 1u, s1, 0xfffffffeu, 4u, s2, 6u,
		     0x7fffffffu, (void *)0x123456789abcull, 9u);
	check("info-nine", got_info == 1 && words_are(want, 9, ptr));

	/* Six in x2-x7, four on the stack. */
	got_fmt = NULL;
	if (!setjmp(back))
		stub_fail((struct stub *)0x1000, "%u %s %x %u %s %u %x %p %u %u", 1u, s1,
			  0xfffffffeu, 4u, s2, 6u, 0x7fffffffu, (void *)0x123456789abcull,
			  9u, 10u);
	check("fail-ten", got_s == (struct stub *)0x1000 && got_fmt &&
	      !strcmp(got_fmt, "%u %s %x %u %s %u %x %p %u %u") && words_are(want, 10, ptr));

	check("frame-intact", guard == 0x5a5a5a5a5a5a5a5aull);
	return failed;
}
