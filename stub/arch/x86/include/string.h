/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The stub's <string.h> for x86: the host has no 32-bit libc headers, and
 * the stub needs only what stub/string.c defines.
 */
#ifndef CHAINBOOT_X86_STRING_H
#define CHAINBOOT_X86_STRING_H
#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);

#endif
