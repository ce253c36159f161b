#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make demo: pack the Debian 12 armmp kernel with a busybox initramfs and a
# command line into one blob, and boot it on QEMU virt with -kernel BLOB
# and nothing else.  Shows the stub's log, then the kernel reaching /init.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cache=${CB_CACHE:-${CACHE:-$root/.cache}}
build=${O:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
out=$build/demo
mkdir -p "$out"

"$root/scripts/mkinitramfs.sh" armhf "$out/initramfs.cpio.gz"
cmdline="console=ttyAMA0 earlycon quiet chainboot.demo=1"
echo "== hostpack pack (Debian armmp zImage -> LZ4 blob)"
"$build/hostpack" pack --arch armv7 --kernel "$cache/armhf/vmlinuz" \
	--initrd "$out/initramfs.cpio.gz" --cmdline "$cmdline" --compress lz4 \
	--board qemu-virt-armv7 -o "$out/demo.blob"
"$build/hostpack" info "$out/demo.blob"
echo "== qemu-system-arm -M virt -cpu cortex-a15 -m 1024 -kernel demo.blob"
timeout 120 qemu-system-arm -M virt -cpu cortex-a15 -m 1024 -nographic \
	-no-reboot -kernel "$out/demo.blob" | tee "$out/console.log"
if grep -q INITRD-OK "$out/console.log" && grep -qF "CMDLINE: $cmdline" "$out/console.log"; then
	echo "== demo: the kernel reached userspace with the packed command line and initrd"
else
	echo "== demo: FAILED, see $out/console.log" >&2
	exit 1
fi
