/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Polled UARTs as data: which register takes a byte, which bit says wait. */
#include "serial.h"
#include "mmio.h"

/* Indexed by CB_UART_* - 1; registers from each family's manual or
 * Linux driver. */
static const struct uart_regs kinds[CB_UART_KINDS - 1] = {
	/* DR; FR.TXFF */
	[CB_UART_PL011 - 1]	  = { 0x00, 0x18, 5, UART_IO32 },
	/* THR; LSR.THRE */
	[CB_UART_8250_MMIO - 1]	  = { 0, 5, 5, UART_WAIT_CLEAR },
	[CB_UART_8250_IO - 1]	  = { 0, 5, 5, UART_WAIT_CLEAR | UART_PORT },
	[CB_UART_8250_MMIO32 - 1] = { 0, 5, 5, UART_WAIT_CLEAR | UART_IO32 },
	/* UTXD; UTS.TXFULL */
	[CB_UART_IMX - 1]	  = { 0x40, 0xb4, 4, UART_IO32 },
	/* UTXH; UTRSTAT.TXE (buffer or FIFO and shifter empty: right with
	 * the FIFO on or off, which UFCON says and we do not read) */
	[CB_UART_SAMSUNG - 1]	  = { 0x20, 0x10, 2, UART_WAIT_CLEAR | UART_IO32 },
	/* TX_RX_FIFO; SR.TXFULL */
	[CB_UART_CADENCE - 1]	  = { 0x30, 0x2c, 4, UART_IO32 },
	/* UARTDM_TF; SR.TXRDY */
	[CB_UART_MSM - 1]	  = { 0x70, 0x08, 2, UART_WAIT_CLEAR | UART_IO32 | UART_DM },
};

/* What a stub can have.  The x86 stub builds a PC's console only, an 8250
 * on I/O ports (its 8 KiB have no room for more: its arch.mk defines
 * UART_PC_ONLY); ARM has no I/O ports; host tests build everything. */
#if defined(UART_PC_ONLY)
#define ONE_KIND	CB_UART_8250_IO
#define HAS		(UART_WAIT_CLEAR | UART_PORT)
#elif defined(CB_MMIO_MODEL)
#define ONE_KIND	0
#define HAS		(UART_WAIT_CLEAR | UART_IO32 | UART_PORT | UART_DM)
#else
#define ONE_KIND	0
#define HAS		(UART_WAIT_CLEAR | UART_IO32 | UART_DM)
#endif

static uint32_t rd(uint32_t flags, uintptr_t a)
{
	if (flags & HAS & UART_PORT)
		return inb((uint16_t)a);
	return flags & UART_IO32 ? mmio_read32(a) : mmio_read8(a);
}

void uart_putc(const struct uart *u, char c)
{
	struct uart_regs r;
	uintptr_t a;
	uint32_t f, k = ONE_KIND ? ONE_KIND : u->kind;
	unsigned int spin = UART_SPIN;

	if (k - 1 >= CB_UART_KINDS - 1u || (ONE_KIND && u->kind != ONE_KIND))
		return;
	r = kinds[k - 1];
	f = r.flags & HAS;
	if (f & UART_DM)
		uartdm_prepare(u->base);
	a = u->base + (r.status << u->shift);
	while (((rd(f, a) >> r.bit ^ f) & 1) && --spin)
		;
	a = u->base + (r.data << u->shift);
	if (f & UART_PORT)
		outb((uint16_t)a, (uint8_t)c);
	else if (f & UART_IO32)
		mmio_write32(a, (uint8_t)c);
	else
		mmio_write8(a, (uint8_t)c);
}
