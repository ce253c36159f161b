#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Baseline: the plain Debian armmp zImage boots the test initramfs on QEMU
# virt (no stub involved). Proves the harness, the fixtures and /init.

# shellcheck source=tests/qemu/lib.sh
. "$(dirname "$0")/lib.sh"

name=baseline-arm
kernel=$CB_CACHE/armhf/vmlinuz
initrd=$CB_BUILD/test-initramfs/$name.cpio.gz
cmdline="console=ttyAMA0 quiet chainboot.test=$name"

need_files "$name" "$kernel" "$CB_CACHE/armhf/busybox" || exit 1
cb_initramfs armhf "$initrd" || exit 1
qemu_run "$name" "${QEMU_ARM[@]}" -kernel "$kernel" -initrd "$initrd" -append "$cmdline"
check_marker CHAINBOOT-INIT-START
check_initrd_ok
check_cmdline "$cmdline"
check_exit
test_result "$name"
