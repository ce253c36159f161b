/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Qualcomm UARTDM: the transmitter sends as many bytes as NCF_TX announces,
 * so each byte is announced once the previous one has gone (Linux
 * msm_serial.c, msm_reset_dm_count); the byte itself is then written as
 * data (serial/uart.c: TF once SR.TXRDY).
 */
#include "serial.h"
#include "mmio.h"

#define DM_SR		0x08
#define DM_SR_TXEMT	(1u << 3)
#define DM_CR		0x10
#define DM_CR_RESET_TXRDY	0x300
#define DM_NCF_TX	0x40

void uartdm_prepare(uintptr_t base)
{
	unsigned int spin = UART_SPIN;

	/* Linux also stops at ISR.TXRDY (the count sent); the transmitter
	 * empty comes a byte later and needs no second register */
	while (!(mmio_read32(base + DM_SR) & DM_SR_TXEMT) && --spin)
		;
	mmio_write32(base + DM_CR, DM_CR_RESET_TXRDY);
	mmio_write32(base + DM_NCF_TX, 1);
	mmio_read32(base + DM_NCF_TX);	/* the write has landed */
}
