#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The Debian armmp kernel, packed with the board's own Debian DTB, boots on
# QEMU's real-board models (tests/qemu/boards-arm.list, NOTES.md section 6).
# Three boots per board:
#
#   boards-M-dtb     -kernel BLOB -dtb <Debian DTB>: QEMU passes its own
#                    copy of that DTB in r2, with /memory set to the RAM it
#                    really gave the machine (issue 14: the kernel must run
#                    with that memory, not the packed DTB's)
#   boards-M-atag    -kernel BLOB alone: QEMU passes ATAGs (ATAG_MEM)
#   boards-M-zimage  the plain zImage with -dtb, -initrd and -append, no
#                    stub: proves the machine, console and RAM choices
#
# Each boot must reach /init with the initrd intact, the exact packed
# command line and a MemTotal that fits the RAM QEMU's dumped DTB
# (armhf/qemu-dtbs/M.dtb) declares (lib.sh check_ram). The blob cases also
# need the stub's own log on the console the board uses: from the DTB's
# stdout-path, else from the console= the command line names (resolved by
# hostpack against the packed DTB into the board section). Several
# machines cannot power off, so QEMU is stopped on CHAINBOOT-INIT-DONE.
#
# BOARDS="m1 m2" restricts the run to those machines; BOARDS_CASES="dtb
# atag zimage" to those cases.

# shellcheck source=tests/qemu/lib.sh
. "$(dirname "$0")/lib.sh"

kernel=$CB_CACHE/armhf/vmlinuz
hostpack=${HOSTPACK:-$CB_BUILD/hostpack}
work=$CB_BUILD/test-boards-arm
initrd=$work/boards.cpio.gz
list=$CB_ROOT/tests/qemu/boards-arm.list
cases=${BOARDS_CASES:-dtb atag zimage}
need_files boards-arm "$kernel" "$hostpack" "$CB_CACHE/armhf/busybox" || exit 1
mkdir -p "$work" "$CB_LOGDIR"
cb_initramfs armhf "$initrd" || exit 1

# A blob reaches /init in 5-12 s on an idle machine, the plain zImage
# (XZ) in 8-17 s; both take twice that when the two cores are shared. A
# stub that hands the kernel the wrong memory usually hangs without a
# word, so keep the bounds modest.
blob_timeout=${QEMU_TIMEOUT:-60}
zimage_timeout=${QEMU_TIMEOUT:-90}
QEMU_STOP_ON=CHAINBOOT-INIT-DONE

# board NAME MACHINE DTB MEM CONSOLE PORT KERNEL-ARGS...
board() {
	local name=$1 machine=$2 dtb=$3 mem=$4 console=$5 port=$6 real i
	local serial=()
	shift 6
	real=$(dtb_mem_kb "$CB_CACHE/armhf/qemu-dtbs/$machine.dtb")
	for ((i = 0; i < port; i++)); do
		serial+=(-serial null)
	done
	qemu_run "$name" qemu-system-arm -M "$machine" -m "$mem" -display none \
		-monitor none "${serial[@]}" -serial stdio -no-reboot "$@"
	# the stub's own log on the console the command line names
	# (pack-time console resolution where the tree names none)
	case $name in
	*-dtb | *-atag)
		check_marker "chainboot 1.0: blob at"
		check_marker "starting kernel at"
		;;
	esac
	if check_init_reached; then
		check_initrd_ok
		check_cmdline "$cmdline"
		check_ram "$real"
	fi
	check_exit
	test_result "$name"
}

while read -r machine dtb mem console port; do
	case $machine in '' | '#'*) continue ;; esac
	case " ${BOARDS:-$machine} " in *" $machine "*) ;; *) continue ;; esac
	dtbf=$CB_CACHE/armhf/dtbs/$dtb.dtb
	need_files "boards-$machine" "$dtbf" "$CB_CACHE/armhf/qemu-dtbs/$machine.dtb" ||
		continue
	cmdline="console=$console quiet chainboot.test=boards-$machine"
	blob=$work/$machine.blob
	if ! "$hostpack" pack --arch armv7 --kernel "$kernel" --initrd "$initrd" \
		--dtb "$dtbf" --cmdline "$cmdline" --compress lz4 -o "$blob" \
		>"$CB_LOGDIR/boards-$machine.pack" 2>&1; then
		echo "FAIL: boards-$machine: hostpack pack failed:" \
			"$(tail -1 "$CB_LOGDIR/boards-$machine.pack")"
		continue
	fi
	args=("$machine" "$dtb" "$mem" "$console" "$port")
	for c in $cases; do
		case $c in
		dtb)
			QEMU_TIMEOUT=$blob_timeout board "boards-$machine-dtb" "${args[@]}" \
				-kernel "$blob" -dtb "$dtbf"
			;;
		atag)
			QEMU_TIMEOUT=$blob_timeout board "boards-$machine-atag" "${args[@]}" \
				-kernel "$blob"
			;;
		zimage)
			QEMU_TIMEOUT=$zimage_timeout board "boards-$machine-zimage" \
				"${args[@]}" -kernel "$kernel" -dtb "$dtbf" \
				-initrd "$initrd" -append "$cmdline"
			;;
		esac
	done
done <"$list"
