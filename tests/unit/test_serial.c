/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * stub/serial: each UART kind against a register model (which accesses,
 * in order, with which width; the wait while the status says busy; the
 * bounded spin on a dead UART), and the console from the command line
 * (serial_from_cmdline) on QEMU's own board trees ($CB_CACHE/armhf/qemu-dtbs).
 */
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "serial.h"
#include "mmio.h"
#include "case_check.h"
#include "dt_ref.h"

#define BASE	0x1000	/* an MMIO address, or an I/O port */

/* ---- The register model ---------------------------------------------- */

struct access {
	char op;		/* 'r' or 'w' */
	int width;		/* 1, 4; 0 for I/O ports */
	uint32_t off;		/* from BASE */
	uint32_t v;
};

static struct access log_[UART_SPIN * 3 + 16];
static int nlog;
static uint32_t busy_reg;	/* reads of this offset say busy... */
static int busy_reads;		/* ...this many times */
static uint32_t busy_val, ready_val;
static uint32_t other_val;	/* what any other register reads */

static uint32_t model_read(int width, uintptr_t a)
{
	uint32_t off = a - BASE, v = other_val;

	if (off == busy_reg)
		v = busy_reads > 0 ? (busy_reads--, busy_val) : ready_val;
	if (nlog < (int)(sizeof(log_) / sizeof(log_[0])))
		log_[nlog++] = (struct access){ 'r', width, off, v };
	return v;
}

static void model_write(int width, uintptr_t a, uint32_t v)
{
	if (nlog < (int)(sizeof(log_) / sizeof(log_[0])))
		log_[nlog++] = (struct access){ 'w', width, (uint32_t)(a - BASE), v };
}

uint32_t mmio_read32(uintptr_t a) { return model_read(4, a); }
uint8_t mmio_read8(uintptr_t a) { return (uint8_t)model_read(1, a); }
void mmio_write32(uintptr_t a, uint32_t v) { model_write(4, a, v); }
void mmio_write8(uintptr_t a, uint8_t v) { model_write(1, a, v); }
uint8_t inb(uint16_t p) { return (uint8_t)model_read(0, p); }
void outb(uint16_t p, uint8_t v) { model_write(0, p, v); }

/* ---- Each kind as data: status register and bit, data register, width */

static const struct {
	const char *name;
	uint32_t kind, shift;
	uint32_t status, busy, ready;	/* register offset, busy and ready values */
	uint32_t data;
	int width;
} kinds[] = {
	{ "pl011", CB_UART_PL011, 0, 0x18, 0x20, 0x80, 0x00, 4 },	/* FR.TXFF */
	{ "8250", CB_UART_8250_MMIO, 0, 5, 0x00, 0x60, 0, 1 },		/* LSR.THRE */
	{ "8250 shift 2", CB_UART_8250_MMIO, 2, 20, 0x1f, 0x20, 0, 1 },
	{ "8250 io", CB_UART_8250_IO, 0, 5, 0x00, 0x20, 0, 0 },
	{ "8250 32-bit", CB_UART_8250_MMIO32, 2, 20, 0x00, 0x20, 0, 4 },
	{ "i.MX", CB_UART_IMX, 0, 0xb4, 0x10, 0x60, 0x40, 4 },		/* UTS.TXFULL */
	{ "Samsung", CB_UART_SAMSUNG, 0, 0x10, 0x02, 0x06, 0x20, 4 },	/* UTRSTAT.TXE */
	{ "Cadence", CB_UART_CADENCE, 0, 0x2c, 0x10, 0x08, 0x30, 4 },	/* SR.TXFULL */
};

static void reset_model(uint32_t reg, int reads, uint32_t busy, uint32_t ready)
{
	nlog = 0;
	busy_reg = reg;
	busy_reads = reads;
	busy_val = busy;
	ready_val = ready;
	other_val = 0;
}

static int expect_putc(int i, uint32_t base, int reads)
{
	struct uart u = { .kind = kinds[i].kind, .base = base, .shift = kinds[i].shift };
	int k, bad = 0;

	reset_model(kinds[i].status, reads, kinds[i].busy, kinds[i].ready);
	uart_putc(&u, 'A');
	/* reads + 1 status reads (capped by the spin), then the byte */
	k = reads + 1 > UART_SPIN ? UART_SPIN : reads + 1;
	bad |= nlog != k + 1;
	for (int j = 0; j < k && j < nlog; j++)
		bad |= log_[j].op != 'r' || log_[j].off != kinds[i].status ||
		       log_[j].width != kinds[i].width;
	bad |= nlog < 1 || log_[nlog - 1].op != 'w' || log_[nlog - 1].off != kinds[i].data ||
	       log_[nlog - 1].v != 'A' || log_[nlog - 1].width != kinds[i].width;
	return bad;
}

static void test_kinds(void)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		char name[64];

		snprintf(name, sizeof(name), "%s: registers, wait, width", kinds[i].name);
		begin(name);
		CHECK(!expect_putc(i, BASE, 0), "ready at once: %d accesses", nlog);
		CHECK(!expect_putc(i, BASE, 3), "busy for 3 reads: %d accesses", nlog);
		CHECK(!expect_putc(i, BASE, UART_SPIN * 2),
		      "dead UART: %d reads, then the byte", nlog);
		end();
	}
	begin("none, unknown kinds, no base: no access");
	for (uint32_t k = 0; k < 250; k += k ? 240 : CB_UART_KINDS) {
		struct uart u = { .kind = k, .base = BASE };

		reset_model(0, 0, 0, 0);
		uart_putc(&u, 'x');
		CHECK(nlog == 0, "kind %u: %d accesses", k, nlog);
	}
	end();
}

/* UARTDM: the previous byte gone (SR.TXEMT), TX ready reset, one byte
 * announced in NCF_TX and read back, then TF once SR.TXRDY (Linux
 * msm_serial.c). */
static void test_uartdm(void)
{
	struct uart u = { .kind = CB_UART_MSM, .base = BASE };
	static const struct access want[] = {
		{ 'r', 4, 0x08, 0x08 },		/* SR: TXEMT */
		{ 'w', 4, 0x10, 0x300 },	/* CR: reset TX ready */
		{ 'w', 4, 0x40, 1 },		/* NCF_TX: one byte */
		{ 'r', 4, 0x40, 0 },		/* read back */
		{ 'r', 4, 0x08, 0x08 },		/* SR: no TXRDY yet */
		{ 'r', 4, 0x08, 0x0c },		/* SR.TXRDY */
		{ 'w', 4, 0x70, 'Q' },		/* TF */
	};
	int bad = 0;

	begin("UARTDM: NCF_TX announced, then TF");
	reset_model(0x08, 2, 0x08, 0x0c);
	uart_putc(&u, 'Q');
	bad = nlog != 7;
	for (int i = 0; i < 7 && !bad; i++)
		bad = memcmp(&log_[i], &want[i], sizeof(want[i])) != 0;
	CHECK(!bad, "sequence: %d accesses", nlog);
	/* a dead transmitter: both waits bounded, the byte written anyway */
	reset_model(0x08, UART_SPIN * 4, 0x00, 0x00);
	uart_putc(&u, 'Q');
	CHECK(nlog == UART_SPIN + 3 + UART_SPIN + 1 && log_[nlog - 1].off == 0x70,
	      "all dead: %d accesses", nlog);
	end();
}

/* ---- The console from the command line ------------------------------- */

static void *board_dtb(const char *machine)
{
	const char *cache = getenv("CB_CACHE");
	char path[512];
	size_t size;

	snprintf(path, sizeof(path), "%s/armhf/qemu-dtbs/%s.dtb", cache ? cache : ".cache",
		 machine);
	return read_file(path, &size, 0);
}

static void test_cmdline(void)
{
	static const struct {
		const char *machine, *cmd;
		int err;
		uint32_t kind;
		uint64_t base;
		uint32_t shift;
	} cases[] = {
		/* earlycon first, whatever console= says; 0x hex */
		{ "vexpress-a9", "console=ttyAMA1 earlycon=pl011,0x10009000", 0, CB_UART_PL011, 0x10009000, 0 },
		{ "vexpress-a9", "earlycon=pl011,mmio32,0x1c090000,115200n8", 0, CB_UART_PL011, 0x1c090000, 0 },
		{ "vexpress-a9", "earlycon=uart8250,mmio32,0x1c28000 earlycon=pl011,0x1", 0, CB_UART_8250_MMIO32, 0x1c28000, 2 },
		{ "vexpress-a9", "earlycon=uart,mmio,0x3F8", 0, CB_UART_8250_MMIO, 0x3f8, 0 },
		{ "vexpress-a9", "earlycon=ec_imx6q,0x02020000", 0, CB_UART_IMX, 0x02020000, 0 },
		{ "vexpress-a9", "earlycon=msm_serial_dm,0x78af000", 0, CB_UART_MSM, 0x78af000, 0 },
		{ "vexpress-a9", "earlycon=exynos4210,0x13810000", 0, CB_UART_SAMSUNG, 0x13810000, 0 },
		{ "vexpress-a9", "earlycon=cdns,0xe0001000", 0, CB_UART_CADENCE, 0xe0001000, 0 },
		/* earlycon the stub cannot use: on to console= */
		{ "vexpress-a9", "earlycon=uart,io,0x3f8 console=ttyAMA0", 0, CB_UART_PL011, 0x10009000, 0 },
		{ "vexpress-a9", "earlycon=sbi console=ttyAMA0", 0, CB_UART_PL011, 0x10009000, 0 },
		{ "vexpress-a9", "earlycon console=ttyAMA0,38400n8", 0, CB_UART_PL011, 0x10009000, 0 },
		/* console=: the last one; aliases through 3 levels of ranges,
		 * one of 2 address cells (vexpress-a9's chip selects) */
		{ "vexpress-a9", "console=ttyAMA3 console=ttyAMA1", 0, CB_UART_PL011, 0x1000a000, 0 },
		{ "vexpress-a9", "console=ttyS0", DT_ERR_NOTFOUND, 0, 0, 0 },	/* serial0 is a PL011 */
		{ "vexpress-a9", "console=tty0", DT_ERR_NOTFOUND, 0, 0, 0 },
		{ "vexpress-a9", "xconsole=ttyAMA0", DT_ERR_NOTFOUND, 0, 0, 0 },
		{ "vexpress-a9", "", DT_ERR_NOTFOUND, 0, 0, 0 },
		{ "vexpress-a15", "console=ttyAMA0", 0, CB_UART_PL011, 0x1c090000, 0 },
		/* no aliases: the first PL011 in tree order */
		{ "highbank", "console=ttyAMA0", 0, CB_UART_PL011, 0xfff36000, 0 },
		{ "highbank", "console=ttyAMA1", DT_ERR_NOTFOUND, 0, 0, 0 },
		{ "sabrelite", "console=ttymxc1,115200", 0, CB_UART_IMX, 0x021e8000, 0 },
		{ "mcimx6ul-evk", "console=ttymxc0", 0, CB_UART_IMX, 0x02020000, 0 },
		{ "mcimx7d-sabre", "console=ttymxc0", 0, CB_UART_IMX, 0x30860000, 0 },
		{ "smdkc210", "console=ttySAC1,115200", 0, CB_UART_SAMSUNG, 0x13810000, 0 },
		{ "orangepi-pc", "console=ttyS0,115200", 0, CB_UART_8250_MMIO32, 0x01c28000, 2 },
		{ "raspi2b", "console=ttyAMA0", 0, CB_UART_PL011, 0x3f201000, 0 },
		{ "virt-1024m", "console=ttyAMA0", 0, CB_UART_PL011, 0x09000000, 0 },
	};
	char cmd[256];
	void *fdt = NULL;
	const char *loaded = "";

	begin("cmdline: earlycon=, then console=<tty><n> on QEMU's board trees");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct dt_uart u = { 0, 99, 99 };
		int err;

		if (strcmp(loaded, cases[i].machine)) {
			free(fdt);
			fdt = board_dtb(cases[i].machine);
			loaded = cases[i].machine;
			if (!fdt) {
				printf("SKIP: cmdline: no $CB_CACHE/armhf/qemu-dtbs/%s.dtb (make fixtures)\n",
				       loaded);
				return;
			}
		}
		snprintf(cmd, sizeof(cmd), "%s", cases[i].cmd);
		err = serial_from_cmdline(fdt, cmd, &u);
		CHECK(err == cases[i].err, "%s \"%s\": err %d", loaded, cases[i].cmd, err);
		if (!err && !cases[i].err)
			CHECK(u.kind == cases[i].kind && u.base == cases[i].base &&
			      u.shift == cases[i].shift, "%s \"%s\": kind %u base %#llx shift %u",
			      loaded, cases[i].cmd, u.kind, (unsigned long long)u.base, u.shift);
	}
	snprintf(cmd, sizeof(cmd), "console=ttyAMA0");
	CHECK(serial_from_cmdline(NULL, cmd, &(struct dt_uart){ 0 }) == DT_ERR_NOTFOUND,
	      "console= without a tree");
	snprintf(cmd, sizeof(cmd), "earlycon=pl011,0x9000000");
	CHECK(serial_from_cmdline(NULL, cmd, &(struct dt_uart){ 0 }) == 0,
	      "earlycon= without a tree");
	free(fdt);
	end();
}

int main(void)
{
	test_kinds();
	test_uartdm();
	test_cmdline();
	return failures != 0;
}
