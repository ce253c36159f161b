#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# A blob boots through Debian's own kexec-tools 2.0.25 from a running
# Debian amd64 kernel (QEMU, -m 1024). The first kernel is the plain Debian
# bzImage with -initrd/-append; its initramfs's /extra-init runs
# `kexec -l /blob` and `kexec -e` (tests/kexec/extra-init). The blob packs
# the same kernel with the ordinary test initramfs and a command line the
# first boot does not have, on the bzImage path (test-pvh-x86.sh kexecs
# the fast path).
#
# The blob file is a bzImage (its Linux front). Its multiboot header has
# load_end_addr 0, which kexec-tools' multiboot-x86 probe refuses, so a
# plain `kexec -l` takes kexec-tools' bzImage64 loader: the 64-bit entry
# (+0x200, long mode, RSI = boot_params). kexec-tools places blob and zero
# page top-down, above 4 GiB on a 5 GiB machine; the stub moves the blob to
# 1 MiB, copies the zero page and command line after it and logs
# "linux 34366448 ..." ("Hd64"). The same loader works with
# kexec_file_load: `kexec -s` hands the file to the kernel's own bzImage64
# loader, which does the same in the kernel.
#
# `--type=bzImage` makes kexec-tools use its 32-bit bzImage loader, which
# enters the blob's first byte with ESI = boot_params (the stub logs
# "linux 53726448 ..."). `--type=multiboot-x86` is refused at the probe, on
# purpose (docs/kexec.md): kexec-tools' multiboot loader cannot work with
# kexec_file_load, and 2.0.27 and later would die in it instead of falling
# back. Under lockdown (`lockdown=integrity` on the first kernel's command
# line) both system calls refuse the unsigned blob; the test shows what the
# kernel says.

. "$(dirname "$0")/lib.sh"
. "$CB_ROOT/tests/kexec/lib.sh"

kernel=$CB_CACHE/amd64/linux
hostpack=${HOSTPACK:-$CB_BUILD/hostpack}
work=$CB_BUILD/test-kexec-x86
initrd=$work/second.cpio.gz
need_files kexec-x86 "$kernel" "$hostpack" "$CB_CACHE/amd64/busybox" \
	"$CB_CACHE/amd64/kexec-root/sbin/kexec" || exit 1
mkdir -p "$work" "$CB_LOGDIR"
cb_initramfs amd64 "$initrd" || exit 1

first="console=ttyS0 quiet chainboot.stage=1"
# Two kernel boots in a row on a busy two-core machine: 120 s (a passing
# boot ends as soon as the second kernel powers off).
QEMU_TIMEOUT=${QEMU_TIMEOUT:-120}

# [MARK=STUB-LOG-TEXT] [MEM=MiB] blob NAME MODE EXPECTED-CMDLINE [KEXEC-ARG...];
# an empty EXPECTED-CMDLINE means the packed one; MARK names the entry taken
# (default: multiboot); MEM is the RAM (default 1024).
blob() {
	local name=$1 mode=$2 expect=$3 packed
	shift 3
	packed="console=ttyS0 quiet chainboot.stage=2 chainboot.test=$name"
	if ! "$hostpack" pack --arch x86_64 --kernel "$kernel" --initrd "$initrd" \
		--cmdline "$packed" --cmdline-mode "$mode" --compress lz4 --x86-entry bzimage \
		-o "$work/$name.blob" >"$CB_LOGDIR/$name.pack" 2>&1; then
		echo "FAIL: $name: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$name.pack")"
		return
	fi
	kexec_stage1 amd64 "$work/$name.stage1.cpio.gz" "blob=$work/$name.blob" \
		-- /blob "$@" || return
	qemu_run "$name" qemu-system-x86_64 -m "${MEM:-1024}" -nographic -no-reboot \
		-kernel "$kernel" -initrd "$work/$name.stage1.cpio.gz" \
		-append "$first"
	check_kexec_loaded
	check_second_boot "${expect:-$packed}"
	check_screen_carried
	check_marker "${MARK:-mb 2badb002 }"
	check_exit
	case $name in *-module* | *-ramdisk*) check_modules_clear ;; esac
	test_result "$name"
}

# The first 32 bytes of screen_info (the mode and cursor the first kernel's
# setup found, that kexec passes on; the next words are the old command
# line protocol's, which loaders fill differently) reach the second kernel
# through the stub's zero page (/init's BP-SCREEN line).
check_screen_carried() {
	local first second
	first=$(tr -d '\r' <"$QEMU_LOG" | sed -n '/KEXEC-EXEC$/q;s/^BP-SCREEN: //p' | head -1)
	second=$(_kexec_second | sed -n 's/^BP-SCREEN: //p' | head -1)
	if [ -z "$first" ] || [ "${first:0:64}" != "${second:0:64}" ]; then
		CB_WHY+=("screen_info not passed on: first kernel '${first:0:64}', second '${second:0:64}'")
	fi
}

L64="linux 34366448 "
L32="linux 53726448 "
ARGS="console=ttyS0 quiet chainboot.stage=2 chainboot.test"
# kexec_load (kexec-tools 2.0.25's default), its bzImage64 loader picked by
# probing; the second boot at 5 GiB has blob, zero page and --initrd above
# 4 GiB (ext_ramdisk_image: out of the 32-bit planner's reach, so nothing to
# plan around, no ramdisk line).
MARK=$L64 blob kexec-x86-blob replace ""
MARK=$L64 blob kexec-x86-blob-append append \
	"kexec.append=1 $ARGS=kexec-x86-blob-append" --command-line=kexec.append=1
MARK=$L64 blob kexec-x86-blob-reuse append \
	"$first $ARGS=kexec-x86-blob-reuse" --reuse-cmdline
MARK=$L64 blob kexec-x86-blob-keep-empty keep ""
# (--type=bzImage64 forces the loader the probe picks anyway.)
MARK=$L64 blob kexec-x86-blob-ramdisk-bz64 replace "" --type=bzImage64 --initrd=/init
MARK=$L64 MEM=5120 blob kexec-x86-blob-5g-initrd append \
	"kexec.append=1 $ARGS=kexec-x86-blob-5g-initrd" --append=kexec.append=1 --initrd=/init
# kexec_file_load: the kernel's bzImage64 loader (without an initrd in the
# append and reuse cases).
MARK=$L64 blob kexec-x86-file-append append \
	"kexec.append=1 $ARGS=kexec-x86-file-append" -s --append=kexec.append=1
MARK=$L64 blob kexec-x86-file-reuse append \
	"$first $ARGS=kexec-x86-file-reuse" -s --reuse-cmdline
MARK=$L64 blob kexec-x86-file-ramdisk replace "" -s --initrd=/init
MARK=$L64 MEM=5120 blob kexec-x86-file-5g-initrd append \
	"kexec.append=1 $ARGS=kexec-x86-file-5g-initrd" -s --append=kexec.append=1 --initrd=/init
# The Linux 32-bit entry through kexec-tools' bzImage loader.
MARK=$L32 blob kexec-x86-bz-append append \
	"kexec.append=1 $ARGS=kexec-x86-bz-append" --type=bzImage --command-line=kexec.append=1
MARK=$L32 blob kexec-x86-bz-ramdisk replace "" --type=bzImage --initrd=/init

# [SAYS=KERNEL-MESSAGE] refused NAME FIRST-CMDLINE-EXTRA EXPECTED-MESSAGE
# [KEXEC-ARG...]: kexec -l must fail with EXPECTED-MESSAGE (and the kernel
# must have logged SAYS) in the log; nothing is executed.
refused() {
	local name=$1 extra=$2 msg=$3 line
	shift 3
	if ! "$hostpack" pack --arch x86_64 --kernel "$kernel" --initrd "$initrd" \
		--cmdline "$ARGS=$name" --compress lz4 --x86-entry bzimage \
		-o "$work/$name.blob" >"$CB_LOGDIR/$name.pack" 2>&1; then
		echo "FAIL: $name: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$name.pack")"
		return
	fi
	kexec_stage1 amd64 "$work/$name.stage1.cpio.gz" "blob=$work/$name.blob" \
		-- /blob "$@" || return
	qemu_run "$name" qemu-system-x86_64 -m 1024 -nographic -no-reboot \
		-kernel "$kernel" -initrd "$work/$name.stage1.cpio.gz" \
		-append "$first $extra"
	check_marker KEXEC-LOAD-FAILED
	check_marker "$msg"
	[ -n "${SAYS:-}" ] && check_marker "$SAYS"
	check_no_marker KEXEC-EXEC
	check_exit
	# What the kernel said, for the reader of the test output.
	tr -d '\r' <"$QEMU_LOG" | grep -a -e '^KEXEC-DMESG: .*Lockdown: kexec' \
		-e 'kexec_file_load failed' -e 'kexec_load failed' -e 'multiboot load end' |
		sed "s/^/  $name: /"
	test_result "$name"
}
refused kexec-x86-mb-refused "" "multiboot load end address < load address" \
	--type=multiboot-x86
SAYS="Lockdown: kexec: kexec of unsigned images is restricted"
SAYS=$SAYS refused kexec-x86-lockdown-load lockdown=integrity \
	"kexec_load failed: Operation not permitted"
SAYS=$SAYS refused kexec-x86-lockdown-file lockdown=integrity \
	"kexec_file_load failed: Operation not permitted" -s
