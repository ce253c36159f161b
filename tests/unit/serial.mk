# SPDX-License-Identifier: GPL-2.0-or-later
# stub/serial: the UART drivers against a register model (CB_MMIO_MODEL
# redirects their register accesses), the console from the command line
# on QEMU's board trees.
UNIT_TESTS += test_serial
test_serial_SRCS := tests/unit/test_serial.c stub/serial/uart.c stub/serial/uartdm.c \
		    stub/serial/cmdline.c tests/unit/dt_ref.c $(DT_SRCS)
test_serial_CFLAGS := -DCB_MMIO_MODEL -fsanitize=address,undefined -fno-sanitize-recover=all
test_serial_LIBS := -lfdt
