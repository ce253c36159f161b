#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The Debian 12 arm64 kernel packed by hostpack boots through the arm64
# stub with `-kernel BLOB` and nothing else on QEMU virt (cortex-a57):
# every codec, 512 MiB to 4 GiB of RAM, at EL1, at EL2 (virtualization=on,
# the kernel must get EL2 too) and with secure=on, the command-line modes,
# and from an Image.gz and an EFI zboot image.  Each boot's kernel shows
# the stub's log in /proc/device-tree/chosen/chainboot,log, the same lines
# as the serial console (a quiet blob's too, which printed none).

. "$(dirname "$0")/lib.sh"

image=$CB_CACHE/arm64/Image
initrd=$CB_BUILD/test-initramfs/arm64-stub.cpio.gz
hostpack=$CB_BUILD/hostpack
need_files arm64-stub "$image" "$CB_CACHE/arm64/Image.gz" "$hostpack" \
	"$CB_CACHE/arm64/busybox" || exit 1
cb_initramfs_arm64 "$initrd" || exit 1

# boot NAME MEM MACHINE-OPTS CODEC MODE QEMU-APPEND EXPECTED-CMDLINE [quiet [KERNEL [EL]]]
boot() {
	local name=$1 mem=$2 mopts=$3 codec=$4 mode=$5 qappend=$6 expect=$7 quiet=$8
	local kernel=${9:-$image} el=${10:-EL1}
	local blob=$CB_BUILD/test-blobs/$name.blob packed="console=ttyAMA0 quiet chainboot.test=$name"
	local extra=() popts=()

	mkdir -p "$CB_BUILD/test-blobs"
	[ -n "$quiet" ] && popts=(--quiet-stub)
	if ! "$hostpack" pack --arch arm64 --kernel "$kernel" --initrd "$initrd" \
		--cmdline "$packed" --cmdline-mode "$mode" --compress "$codec" "${popts[@]}" \
		-o "$blob" >"$CB_LOGDIR/$name.pack" 2>&1; then
		echo "FAIL: $name: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$name.pack")"
		return
	fi
	[ -n "$qappend" ] && extra=(-append "$qappend")
	qemu_run "$name" qemu-system-aarch64 -M "virt$mopts" -cpu cortex-a57 -m "$mem" \
		-nographic -no-reboot -kernel "$blob" "${extra[@]}"
	if [ -z "$quiet" ]; then
		check_marker "entry: $el, x0="
		check_marker "chainboot 1.0: blob at"
		check_marker "starting kernel at"
	fi
	check_stub_log $quiet
	check_initrd_ok
	check_cmdline "${expect:-$packed}"
	check_ram $((mem * 1024))
	# The kernel was entered at the level the stub was.
	check_line "KERNEL-started-at-$el"
	check_exit
	test_result "$name"
}

mkdir -p "$CB_LOGDIR"
for codec in lz4 deflate none; do
	for mem in 512 4096; do
		boot "arm64-$codec-${mem}m-el1" "$mem" "" "$codec" replace "" ""
	done
done
for mem in 512 4096; do
	boot "arm64-lz4-${mem}m-el2" "$mem" ",virtualization=on" lz4 replace "" "" "" "" EL2
done
# With EL3 (secure=on) QEMU's own boot code drops to non-secure EL1, or EL2.
boot arm64-lz4-secure 1024 ",secure=on" lz4 replace "" "" "" "" EL1
boot arm64-lz4-secure-el2 1024 ",secure=on,virtualization=on" lz4 replace "" "" "" "" EL2
loader="console=ttyAMA0 from.loader=1"
boot arm64-cmdline-append 512 "" lz4 append "$loader" \
	"$loader console=ttyAMA0 quiet chainboot.test=arm64-cmdline-append"
boot arm64-cmdline-keep 512 "" lz4 keep "$loader" "$loader"
# A quiet blob prints no info line, yet the kernel gets its whole log.
boot arm64-quiet-log 512 "" lz4 replace "" "" quiet
# A loader that leaves the blob above 4 GiB (the stub plans below 4 GiB):
# QEMU loads it at 4 GiB (-device loader) and boots a one-page Image whose
# code jumps there with QEMU's x0 (its DTB) untouched.
jump=$CB_BUILD/test-blobs/jump-4g.bin
python3 - "$jump" <<'PY'
import struct, sys
img = bytearray(0x1000)
struct.pack_into("<II", img, 0, 0x14000010, 0xd503201f)	# b 0x40; nop
struct.pack_into("<QQQ", img, 8, 0, len(img), 0xa)	# text_offset, image_size, flags
struct.pack_into("<I", img, 0x38, 0x644d5241)		# "ARM\x64"
struct.pack_into("<IIQ", img, 0x40, 0x58000050, 0xd61f0200, 1 << 32)	# ldr x16, =4G; br x16
open(sys.argv[1], "wb").write(img)
PY
name=arm64-blob-above-4g
blob=$CB_BUILD/test-blobs/arm64-lz4-512m-el1.blob
packed="console=ttyAMA0 quiet chainboot.test=arm64-lz4-512m-el1"
qemu_run "$name" qemu-system-aarch64 -M virt -cpu cortex-a57 -m 6144 -nographic -no-reboot \
	-kernel "$jump" -device loader,file="$blob",addr=0x100000000,force-raw=on
check_marker "chainboot 1.0: blob at 100000000"
check_stub_log
check_initrd_ok
check_cmdline "$packed"
check_line "KERNEL-started-at-EL1"
check_exit
test_result "$name"

# No room for the kernel beside the blob (48 MiB of RAM): the stub moves the
# blob up, restarts there and puts the kernel where the blob was. 48 MiB is
# too little for Debian's kernel to reach /init: the test stops at its first
# earlycon lines, which show it started and read the DTB.
name=arm64-relocate-48m
blob=$CB_BUILD/test-blobs/$name.blob
if "$hostpack" pack --arch arm64 --kernel "$image" --initrd "$initrd" \
	--cmdline "console=ttyAMA0 earlycon" -o "$blob" >"$CB_LOGDIR/$name.pack" 2>&1; then
	QEMU_STOP_ON="Machine model: linux,dummy-virt" qemu_run "$name" qemu-system-aarch64 \
		-M virt -cpu cortex-a57 -m 48 -nographic -no-reboot -kernel "$blob"
	check_marker "plan, relocate"
	check_marker "relocating blob to "
	check_marker "starting kernel at 40000000"
	check_marker "Booting Linux on physical CPU"
	check_marker "Machine model: linux,dummy-virt"
	[ "$(grep -ac '^chainboot 1.0: blob at' "$QEMU_LOG")" = 2 ] ||
		CB_WHY+=("not two 'chainboot 1.0: blob at' lines (the run before and after the move)")
	check_exit
	test_result "$name"
else
	echo "FAIL: $name: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$name.pack")"
fi

# Debian's vmlinuz form: hostpack inflates it at pack time.
boot arm64-image-gz 1024 "" lz4 replace "" "" "" "$CB_CACHE/arm64/Image.gz"
# An EFI zboot image as Linux builds it (Fedora's form: the Image padded to
# its image_size, zstd, comp-type "zstd22"), made from the same Image.
zboot=$CB_BUILD/test-blobs/vmlinuz-zstd22.efi
mkdir -p "$CB_BUILD/test-blobs"
if python3 "$CB_ROOT/tests/hostpack/mkzboot.py" "$image" zstd22 "$zboot" \
	>"$CB_LOGDIR/arm64-zboot-zstd22.mkzboot" 2>&1; then
	boot arm64-zboot-zstd22 1024 "" lz4 replace "" "" "" "$zboot"
else
	echo "FAIL: arm64-zboot-zstd22: mkzboot.py failed: $(tail -1 "$CB_LOGDIR/arm64-zboot-zstd22.mkzboot")"
fi
