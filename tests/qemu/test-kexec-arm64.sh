#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# An arm64 blob boots through Debian's own kexec-tools 2.0.25 (arm64
# package, its Image loader) from a running Debian 12 arm64 kernel on QEMU
# virt (cortex-a57, -m 1024). The first kernel is the plain Debian Image
# with -initrd/-append; its initramfs's /extra-init runs `kexec -l /blob
# [ARGS]` and `kexec -e` (tests/kexec/extra-init). The blob packs the same
# kernel with the arm64 test initramfs and a command line the first boot
# does not have, so the second boot is told apart. kexec-tools passes the
# running kernel's DTB, or the one --dtb names, with --append's text in its
# /chosen/bootargs. At EL2 (virtualization=on) the second kernel must start
# at EL2 too.

. "$(dirname "$0")/lib.sh"
. "$CB_ROOT/tests/kexec/lib.sh"

kernel=$CB_CACHE/arm64/Image
hostpack=${HOSTPACK:-$CB_BUILD/hostpack}
work=$CB_BUILD/test-kexec-arm64
initrd=$work/second.cpio.gz
need_files kexec-arm64 "$kernel" "$hostpack" "$CB_CACHE/arm64/busybox" \
	"$CB_CACHE/arm64/kexec-root/sbin/kexec" || exit 1
mkdir -p "$work" "$CB_LOGDIR"
cb_initramfs_arm64 "$initrd" || exit 1

first="console=ttyAMA0 quiet chainboot.stage=1"
# Two kernel boots in a row on a busy two-core machine: 120 s (a passing
# boot ends as soon as the second kernel powers off).
QEMU_TIMEOUT=${QEMU_TIMEOUT:-120}

# [CPU=NAME] [VHE=1] blob NAME MACHINE-OPTS MODE EXPECTED-CMDLINE EL [KEXEC-ARG...];
# an empty EXPECTED-CMDLINE means the packed one. A KEXEC-ARG
# --dtb=/virt.dtb puts QEMU's DTB for this machine into the first stage.
blob() {
	local name=$1 mopts=$2 mode=$3 expect=$4 el=$5 cpu=${CPU:-cortex-a57} packed files=()
	shift 5
	packed="console=ttyAMA0 quiet chainboot.stage=2 chainboot.test=$name"
	if ! "$hostpack" pack --arch arm64 --kernel "$kernel" --initrd "$initrd" \
		--cmdline "$packed" --cmdline-mode "$mode" --compress lz4 \
		-o "$work/$name.blob" >"$CB_LOGDIR/$name.pack" 2>&1; then
		echo "FAIL: $name: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$name.pack")"
		return
	fi
	if [[ " $* " == *" --dtb=/virt.dtb "* ]]; then
		qemu-system-aarch64 -M "virt$mopts,dumpdtb=$work/$name.dtb" -cpu "$cpu" \
			-m 1024 -display none >/dev/null 2>&1
		# kexec-tools refuses a DTB whose kaslr-seed is not 0 (a running
		# kernel wipes the one it used): QEMU's dump has a random one.
		fdtput -t x "$work/$name.dtb" /chosen kaslr-seed 0 0
		files=("virt.dtb=$work/$name.dtb")
	fi
	kexec_stage1 arm64 "$work/$name.stage1.cpio.gz" "blob=$work/$name.blob" \
		"${files[@]}" -- /blob "$@" || return
	qemu_run "$name" qemu-system-aarch64 -M "virt$mopts" -cpu "$cpu" -m 1024 \
		-nographic -no-reboot -kernel "$kernel" -initrd "$work/$name.stage1.cpio.gz" \
		-append "$first"
	check_kexec_loaded
	check_second_boot "${expect:-$packed}"
	check_line "KERNEL-started-at-$el"
	if [ -n "$VHE" ]; then
		check_marker KEXEC-HOST-VHE
	else
		check_no_marker KEXEC-HOST-VHE
	fi
	check_exit
	test_result "$name"
}

blob kexec-arm64-blob-el1 "" replace "" EL1
blob kexec-arm64-blob-el2 ",virtualization=on" replace "" EL2
# kexec-tools writes --append into the DTB's /chosen/bootargs; the blob in
# append mode puts its packed line after it.
blob kexec-arm64-blob-append "" append \
	"kexec.append=1 console=ttyAMA0 quiet chainboot.stage=2 chainboot.test=kexec-arm64-blob-append" \
	EL1 --append=kexec.append=1
# --dtb: kexec-tools passes that file (QEMU's DTB of this machine) instead
# of the running kernel's.
blob kexec-arm64-blob-dtb "" replace "" EL1 --dtb=/virt.dtb
# A core with VHE (cortex-a76, ARMv8.2) at EL2: the first kernel runs its
# host at EL2 with HCR_EL2.E2H set, and kexec-tools jumps to the blob from
# there, E2H still set (Linux's relocate_kernel.S, its "el1" path). The stub
# maps with the EL1 register layout, which E2H redirects to EL2's; the
# kernel must still start at EL2. KEXEC-HOST-VHE (tests/kexec/extra-init)
# shows the first kernel did run in VHE mode (and its absence, that the
# other cases did not).
CPU=cortex-a76 VHE=1 blob kexec-arm64-blob-vhe ",virtualization=on" replace "" EL2
