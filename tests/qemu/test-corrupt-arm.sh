#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Integrity checks of the ARMv7 stub: one good LZ4 blob (with a packed DTB),
# then copies with one byte flipped (XOR 0xff) in every part of it. Each copy
# boots under QEMU (-no-reboot): the stub must name the failing check (and
# the section), reset (PSCI SYSTEM_RESET, so QEMU exits by itself), and the
# kernel must never start. The same files go through `hostpack verify`.
#
# Not covered, on purpose: flips in code the stub executes before its CRC
# check (entry.S's front, crc32, blob_open...). Corrupt code cannot be relied on to
# catch its own corruption; only the loader (or a signature checked by
# something already trusted) could. Flips in data the stub reads but does
# not run (stub info, tag table, zImage end field) are caught by the stub
# CRC, except the zImage end word's top byte: entry.S reads it to place the
# stack before any check, and stops silently (no stack, no console) when it
# is out of range -- the "zimage-end-top" case checks only that the kernel
# never starts there.

. "$(dirname "$0")/lib.sh"

name=arm-corrupt
initrd=$CB_BUILD/test-initramfs/arm-corrupt.cpio.gz
hostpack=${HOSTPACK:-$CB_BUILD/hostpack}
blobtool=$CB_ROOT/tests/hardboot/blobtool.py
dtb=$CB_CACHE/armhf/virt.dtb
dir=$CB_BUILD/test-blobs/corrupt
good=$dir/good.blob
cmdline="console=ttyAMA0 quiet chainboot.test=$name"
need_files "$name" "$CB_CACHE/armhf/vmlinuz" "$dtb" "$hostpack" "$CB_CACHE/armhf/busybox" \
	"$CB_BUILD/armv7/stub.elf" || exit 1
cb_initramfs armhf "$initrd" || exit 1

mkdir -p "$dir" "$CB_LOGDIR"
rm -f "$dir"/*.blob
if ! "$hostpack" pack --arch armv7 --kernel "$CB_CACHE/armhf/vmlinuz" --initrd "$initrd" \
	--dtb "$dtb" --cmdline "$cmdline" --compress lz4 -o "$good" \
	>"$CB_LOGDIR/$name.pack" 2>&1; then
	echo "FAIL: $name: hostpack pack failed: $(tail -1 "$CB_LOGDIR/$name.pack")"
	exit 1
fi
if ! lay=$(python3 "$blobtool" layout "$good" 2>&1); then
	echo "FAIL: $name: $lay"
	exit 1
fi
hoff=0 nsec=0 # set from the layout:
eval "$lay"
# The header as read here must agree with hostpack's own view of it.
if json=$("$hostpack" info --json "$good" 2>/dev/null); then
	mine=$(for ((i = 0; i < nsec; i++)); do eval "echo \$sec${i}_type \$sec${i}_off \$sec${i}_size"; done)
	theirs=$(python3 -c 'import json, sys
for s in json.load(sys.stdin)["sections"]:
	print(s["type"], s["offset"], s["stored_size"])' <<<"$json")
	if [ "$mine" != "$theirs" ]; then
		echo "FAIL: $name-layout: blobtool and hostpack info disagree: $mine / $theirs"
		exit 1
	fi
fi

# Offsets of a section by type name: sets s_idx, s_off, s_size.
s_idx=0 s_off=0 s_size=0
find_section() { # type
	local i t
	for ((i = 0; i < nsec; i++)); do
		eval "t=\$sec${i}_type"
		if [ "$t" = "$1" ]; then
			s_idx=$i
			eval "s_off=\$sec${i}_off s_size=\$sec${i}_size"
			return 0
		fi
	done
	echo "FAIL: $name: no $1 section in $good"
	exit 1
}

# Cases: NAME OFFSET KIND [SECTION]. KIND is what the stub must report:
#   header	"blob: <why>" (why given as an ERE)
#   stub	the stub CRC message
#   section	"section <i> (<name>): expected CRC ..., found ..."
#   hang	a silent stop before any check: only "kernel never started"
#   front	the same, and nothing from the stub at all (entry.S's checks)
cases=()
add() { cases+=("$*"); }

# The header: magic, blob_size (byte 1: still in range, so the header CRC
# catches it), the kernel's section-table entry (its crc field; the table is
# under the header CRC), the header CRC itself, the version.
find_section kernel
add hdr-magic $((hoff + 0)) header "bad magic"
add hdr-version $((hoff + 4)) header "bad version"
add hdr-blob-size $((hoff + 17)) header "bad header CRC|bad blob size"
add hdr-sect-entry $((hoff + 36 + s_idx * 32 + 24)) header "bad header CRC"
add hdr-crc $((hoff + 24)) header "bad header CRC"
# Stub data that is not executed: cb_stub_info.reserved (0x40 + 28), the KLSZ
# tag's id (0x64), the zImage end field's low byte and its top byte.
add stub-info-reserved $((0x40 + 28)) stub
add stub-tag-table $((0x64)) stub
add zimage-end-low $((0x2c)) stub
add zimage-end-top $((0x2f)) hang
# The stub's deflated part (ld/stub-armv7.lds): entry.S inflates it and
# runs it only if its CRC-32 is the one the build recorded in run_crc, all
# before anything can print, so a damaged stream (or run_crc) stops there
# in wfi. The kernel never starts: the stream's first byte, one in the
# middle, the last, and run_crc.
sym() { echo $((0x$("${CROSS_COMPILE:-arm-none-eabi-}nm" "$CB_BUILD/armv7/stub.elf" |
	awk -v s="$1" '$3 == s { print $1 }'))); }
front=$(sym _image_front)
stored=$(od -An -tu4 -j76 -N4 "$good" | tr -d ' ')
add stub-deflated-first "$front" front
add stub-deflated-mid $(((front + stored) / 2)) front
add stub-deflated-last $((stored - 1)) front
add stub-run-crc "$(sym run_crc)" front
# Every section: first, middle, last byte of the kernel; first and last of
# the initrd and command line; the DTB's magic, the top byte of its
# totalsize (read early by the planner) and a byte in its middle.
add kernel-first "$s_off" section kernel
add kernel-mid $((s_off + s_size / 2)) section kernel
add kernel-last $((s_off + s_size - 1)) section kernel
find_section initrd
add initrd-first "$s_off" section initrd
add initrd-last $((s_off + s_size - 1)) section initrd
find_section dtb
add dtb-magic "$s_off" section dtb
add dtb-totalsize $((s_off + 4)) section dtb
add dtb-mid $((s_off + s_size / 2)) section dtb
find_section cmdline
add cmdline-first "$s_off" section cmdline
add cmdline-last $((s_off + s_size - 1)) section cmdline

# The stub's lines for one case, as EREs.
expect_lines() { # kind why-or-section
	case $1 in
	header) echo "chainboot: blob: ($2)" ;;
	stub)
		echo "chainboot: stub: expected CRC [0-9a-f]{8}, found [0-9a-f]{8}"
		;;
	section)
		find_section "$2"
		echo "chainboot: section $s_idx \($2\): expected CRC [0-9a-f]{8}, found [0-9a-f]{8}"
		;;
	esac
}

check_ere() { # ERE
	grep -aqE -- "$1" "$QEMU_LOG" ||
		CB_WHY+=("no /$1/ (last line: $(_qemu_last))")
}

# The kernel never got control: the stub's hand-off line, Linux's own lines
# (quiet still prints panics and the initramfs markers) and /init's markers.
check_no_kernel() {
	local m
	for m in "starting kernel" "Booting Linux" "Linux version" "Kernel panic" \
		"Uncompressing" CHAINBOOT-INIT-START INITRD-OK; do
		check_no_marker "$m"
	done
}

# hostpack verify on the same file: non-zero exit, and the section's name
# (or the header/stub) in what it prints.
check_verify() { # blob kind section
	local out rc want
	out=$("$hostpack" verify "$1" 2>&1)
	rc=$?
	if [ "$rc" = 0 ]; then
		CB_WHY+=("hostpack verify exited 0")
		return
	fi
	case $2 in
	section) want=$3 ;;
	stub | hang | front) want=stub ;;
	*) want="header|magic|version|CRC|size" ;;
	esac
	grep -qiE -- "$want" <<<"$out" ||
		CB_WHY+=("hostpack verify (exit $rc) does not name '$want': $(tail -1 <<<"$out")")
}

have_verify=
if "$hostpack" verify "$good" >"$CB_LOGDIR/$name-verify-good.log" 2>&1; then
	have_verify=1
elif grep -qiE "unknown (command|subcommand)|usage" "$CB_LOGDIR/$name-verify-good.log"; then
	test_skip "$name-verify" "hostpack has no verify command yet"
else
	echo "FAIL: $name-verify-good: hostpack verify rejects the good blob:" \
		"$(tail -1 "$CB_LOGDIR/$name-verify-good.log")"
fi

for c in "${cases[@]}"; do
	read -r cname off kind arg <<<"$c"
	test=$name-$cname
	blob=$dir/$cname.blob
	python3 "$blobtool" flip "$good" "$off" "$blob" || { echo "FAIL: $test: flip"; continue; }
	if [ "$kind" = hang ] || [ "$kind" = front ]; then
		QEMU_TIMEOUT=4
	else
		QEMU_TIMEOUT=15
	fi
	QEMU_TIMEOUT=$QEMU_TIMEOUT QEMU_STOP_ON="starting kernel" qemu_run "$test" \
		qemu-system-arm -M virt -cpu cortex-a15 -m 1024 -nographic -no-reboot \
		-kernel "$blob"
	check_no_kernel
	[ "$kind" = front ] && check_no_marker "entry: "
	if [ "$kind" != hang ] && [ "$kind" != front ]; then
		while read -r ere; do
			check_ere "$ere"
		done < <(expect_lines "$kind" "$arg")
		check_marker "chainboot: resetting (PSCI)"
		[ -n "$QEMU_STOPPED" ] && CB_WHY+=("the stub went on to start the kernel")
		check_exit
	fi
	[ -n "$have_verify" ] && check_verify "$blob" "$kind" "$arg"
	test_result "$test"
done
