/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Device register accesses.  Host tests build the UART drivers with
 * CB_MMIO_MODEL defined and supply these functions: a register model.
 */
#ifndef CHAINBOOT_MMIO_H
#define CHAINBOOT_MMIO_H
#include <stdint.h>

#ifdef CB_MMIO_MODEL
uint32_t mmio_read32(uintptr_t a);
void mmio_write32(uintptr_t a, uint32_t v);
uint8_t mmio_read8(uintptr_t a);
void mmio_write8(uintptr_t a, uint8_t v);
uint8_t inb(uint16_t port);
void outb(uint16_t port, uint8_t v);
#else
static inline void mmio_write32(uintptr_t a, uint32_t v) { *(volatile uint32_t *)a = v; }
static inline uint32_t mmio_read32(uintptr_t a) { return *(volatile uint32_t *)a; }
static inline void mmio_write8(uintptr_t a, uint8_t v) { *(volatile uint8_t *)a = v; }
static inline uint8_t mmio_read8(uintptr_t a) { return *(volatile uint8_t *)a; }

#if defined(__i386__) || defined(__x86_64__)
static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}
static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
#else	/* no I/O ports: reads say "ready", writes go nowhere */
static inline void outb(uint16_t port, uint8_t v) { (void)port; (void)v; }
static inline uint8_t inb(uint16_t port) { (void)port; return 0xff; }
#endif
#endif

#endif
