#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Baseline: the plain Debian amd64 bzImage boots the test initramfs under
# qemu-system-x86_64 (no stub involved). Proves the harness, the fixtures
# and /init.

# shellcheck source=tests/qemu/lib.sh
. "$(dirname "$0")/lib.sh"

name=baseline-x86
kernel=$CB_CACHE/amd64/linux
initrd=$CB_BUILD/test-initramfs/$name.cpio.gz
cmdline="console=ttyS0 quiet chainboot.test=$name"

need_files "$name" "$kernel" "$CB_CACHE/amd64/busybox" || exit 1
cb_initramfs amd64 "$initrd" || exit 1
qemu_run "$name" "${QEMU_X86[@]}" -kernel "$kernel" -initrd "$initrd" -append "$cmdline"
check_marker CHAINBOOT-INIT-START
check_initrd_ok
check_cmdline "$cmdline"
check_exit
test_result "$name"
