/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The stub's UART drivers (stub/serial/) and the tables that find them.
 * Every driver is polled and transmit-only, gives up on a UART after
 * UART_SPIN status reads (a dead UART never hangs the boot) and assumes
 * the bootloader left its clocks and pins on, so none needs an init.  A
 * kind is data (struct uart_regs) served by one putc; Qualcomm's UARTDM
 * adds a function that runs before each byte.
 */
#ifndef CHAINBOOT_SERIAL_H
#define CHAINBOOT_SERIAL_H
#include <stdint.h>
#include "blob.h"
#include "dt.h"

struct uart {
	uintptr_t base;		/* MMIO address, or x86 I/O port */
	uint8_t kind;		/* CB_UART_* */
	uint8_t shift;		/* register offsets are scaled by 1 << shift */
};

/*
 * A kind as data: wait while bit @bit of register @status is set (with
 * UART_WAIT_CLEAR: while it is clear), then write the byte to register
 * @data.  Offsets before the uart's shift.
 */
struct uart_regs {
	uint8_t data;
	uint8_t status;
	uint8_t bit;
	uint8_t flags;
};
#define UART_WAIT_CLEAR	0x01	/* bit 0: the status bit's "ready" value */
#define UART_IO32	0x02	/* 32-bit accesses, else bytes */
#define UART_PORT	0x04	/* x86 I/O ports, else MMIO */
#define UART_DM		0x08	/* uartdm_prepare() before each byte */

#define UART_SPIN	100000	/* status reads before a byte is sent anyway */

/* Send @c as is (no newline translation); nothing for CB_UART_NONE or a
 * kind this table does not know. */
void uart_putc(const struct uart *u, char c);

/* UARTDM: wait for the last byte to leave, then announce one more
 * (serial/uartdm.c). */
void uartdm_prepare(uintptr_t base);

/*
 * Devicetree compatible prefixes of the UARTs the stub drives, in match
 * order.  A row is one byte, CB_UART_* << 4 | the family's register shift
 * (1 << shift bytes apart), then the prefix and its NUL; an empty row
 * ends the table.  Read by dt_stdout_uart() and `hostpack info`.
 */
#define SERIAL_COMPATS \
	"\x10" "arm,pl011\0" \
	"\x20" "ns16550\0" \
	"\x20" "snps,dw-apb-uart\0" \
	"\x20" "nvidia,tegra20-uart\0" \
	"\x22" "ti,omap\0" \
	"\x22" "ti,dra742-uart\0" \
	"\x22" "brcm,bcm2835-aux-uart\0" \
	"\x50" "fsl,imx21-uart\0" \
	"\x50" "fsl,imx6q-uart\0" \
	"\x60" "samsung,exynos4210-uart\0" \
	"\x70" "cdns,uart-r1p\0" \
	"\x80" "qcom,msm-uartdm\0"

/* Linux's device names, console=<name><n> (the UART of alias serial<n>),
 * as rows of the same form (ttySAC before its prefix ttyS). */
#define SERIAL_TTYS \
	"\x10" "ttyAMA\0" "\x60" "ttySAC\0" "\x20" "ttyS\0" "\x50" "ttymxc\0" \
	"\x70" "ttyPS\0" "\x80" "ttyMSM\0" "\x80" "ttyHSL\0"

/* Linux's earlycon driver names (earlycon=<name>,...), prefixes again. */
#define SERIAL_EARLYCONS \
	"\x10" "pl011\0" "\x20" "uart\0" "\x20" "ns16550\0" "\x50" "ec_imx\0" \
	"\x60" "exynos4210\0" "\x70" "cdns\0" "\x80" "msm_serial_dm\0"

/* The row of table @t whose name starts @s, or NULL. */
const char *serial_row(const char *t, const char *s);

/*
 * The console the kernel command line @cmd names, for a tree that names
 * none (serial/cmdline.c, built into hostpack, not the stubs), in Linux's order: the first
 * earlycon=<name>,[mmio|mmio32,]<address> (mmio32: 32-bit 8250 accesses,
 * 4 bytes apart); else the last console=<tty><n>, the UART of @fdt's alias
 * serial<n> or, without one, its n-th available UART of that kind in tree
 * order (dt_serial_uart()).  @fdt may be NULL.  @cmd is scratch: the
 * alias name is written over it.  Returns 0 with @u filled, else
 * DT_ERR_NOTFOUND or a look-up error.
 */
int serial_from_cmdline(const void *fdt, char *cmd, struct dt_uart *u);

#endif
