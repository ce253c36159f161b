# SPDX-License-Identifier: GPL-2.0-or-later
# stub/console.c: the boot log beside the UART (an 8250 register model).
UNIT_TESTS += test_console
test_console_SRCS := tests/unit/test_console.c stub/console.c stub/serial/uart.c stub/serial/uartdm.c
test_console_CFLAGS := -Istub/arch/armv7 -DCB_MMIO_MODEL -DCB_HOST_TEST -fsanitize=address,undefined -fno-sanitize-recover=all
