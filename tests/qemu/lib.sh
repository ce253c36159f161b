# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
#
# Helpers for QEMU boot tests. A test script sources this file, boots, runs
# checks on the serial log and prints one PASS/FAIL line per boot:
#
#	. "$(dirname "$0")/lib.sh"
#	cb_initramfs armhf "$CB_BUILD/test-initramfs/x.cpio.gz" || exit 1
#	qemu_run my-test "${QEMU_ARM[@]}" -kernel BLOB -initrd X -append "$cmd"
#	check_initrd_ok
#	check_cmdline "$cmd"
#	check_exit
#	test_result my-test
#
# qemu_run knobs (environment or shell variables):
#	QEMU_TIMEOUT	hard limit in seconds (default 60); QEMU is killed after it
#	QEMU_STOP_ON	fixed string: stop QEMU as soon as the log contains it
#			(for paths that halt on purpose, e.g. a stub error, and
#			machines that cannot power off: CHAINBOOT-INIT-DONE is
#			the last line the test initramfs's /init prints)
# After qemu_run: QEMU_LOG (serial log, build/test-logs/NAME.log), QEMU_STATUS
# (QEMU's exit code), QEMU_TIMED_OUT / QEMU_STOPPED (1 or empty), QEMU_TIME
# (wall seconds), QEMU_LIMIT (the timeout used). Checks add reasons;
# test_result prints and clears them.

CB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CB_CACHE=${CB_CACHE:-${CACHE:-$CB_ROOT/.cache}}
case $CB_CACHE in /*) ;; *) CB_CACHE=$CB_ROOT/$CB_CACHE ;; esac
CB_BUILD=${O:-build}
case $CB_BUILD in /*) ;; *) CB_BUILD=$CB_ROOT/$CB_BUILD ;; esac
CB_LOGDIR=${CB_LOGDIR:-$CB_BUILD/test-logs}
export CB_ROOT CB_CACHE CB_BUILD CB_LOGDIR
# The tests pack the same kernels over and over: hostpack keeps what it
# compressed (docs/hostpack.md, HOSTPACK_CODEC_CACHE; the same bytes).
HOSTPACK_CODEC_CACHE=${HOSTPACK_CODEC_CACHE-$CB_BUILD/codec-cache}
[ -n "$HOSTPACK_CODEC_CACHE" ] && mkdir -p "$HOSTPACK_CODEC_CACHE"
export HOSTPACK_CODEC_CACHE

# Machines the NOTES.md boots were seen to work on (TCG, no KVM needed).
# shellcheck disable=SC2034 # used by the test scripts
QEMU_ARM=(qemu-system-arm -M virt -cpu cortex-a15 -m 512 -nographic -no-reboot)
# shellcheck disable=SC2034
QEMU_X86=(qemu-system-x86_64 -m 512 -nographic -no-reboot)

CB_WHY=()

# Build the busybox test initramfs (scripts/mkinitramfs.sh arguments).
# On failure prints a FAIL line for the caller's test and returns 1.
cb_initramfs() { # arch out [mkinitramfs options]
	local out
	if ! out=$("$CB_ROOT/scripts/mkinitramfs.sh" "$@" 2>&1); then
		echo "FAIL: initramfs-$1: $out"
		return 1
	fi
}

# The arm64 test initramfs: the busybox one plus an /extra-report that
# prints the exception level the kernel was entered at, from its "CPU:
# All CPU(s) started at ELn" line (KERNEL-started-at-ELn; check_line).
cb_initramfs_arm64() { # out
	local report=$CB_BUILD/test-initramfs/arm64-el
	mkdir -p "$report"
	cat >"$report/extra-report" <<'SH'
#!/bin/sh
printf 'KERNEL-%s\n' "$(dmesg | grep -o 'started at EL[0-9]' | head -1 | tr ' ' -)"
SH
	chmod 755 "$report/extra-report"
	cb_initramfs arm64 "$1" --extra "$report"
}

# Fail a test up front when an input is missing: a fixture (make fixtures)
# or a build output (make all).
need_files() { # name file...
	local name=$1 f hint
	shift
	for f in "$@"; do
		[ -e "$f" ] && continue
		case $f in
		"$CB_CACHE"/*) hint="make fixtures" ;;
		*) hint="make all" ;;
		esac
		echo "FAIL: $name: ${f#"$CB_ROOT/"} missing (run $hint)"
		return 1
	done
}

_qemu_now() { date +%s%N; }

_qemu_stop() { # pid
	kill -TERM "$1" 2>/dev/null || return 0
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -KILL "$1" 2>/dev/null || true
}

# Run a QEMU command line with its serial console (-nographic stdio) going
# to the log; prints "TIME: name S s" (never a PASS/FAIL line by itself).
qemu_run() { # name qemu-command...
	local name=$1 t0 limit pid note=
	shift
	mkdir -p "$CB_LOGDIR"
	QEMU_LOG=$CB_LOGDIR/$name.log
	QEMU_TIMED_OUT=
	QEMU_STOPPED=
	QEMU_LIMIT=${QEMU_TIMEOUT:-60}
	printf '%q ' "$@" >"$CB_LOGDIR/$name.cmd"
	echo >>"$CB_LOGDIR/$name.cmd"
	t0=$(_qemu_now)
	limit=$((t0 + QEMU_LIMIT * 1000000000))
	"$@" </dev/null >"$QEMU_LOG" 2>&1 &
	pid=$!
	trap '_qemu_stop '"$pid"'; exit 143' TERM INT
	while kill -0 "$pid" 2>/dev/null; do
		if [ "$(_qemu_now)" -ge "$limit" ]; then
			QEMU_TIMED_OUT=1
			note=" (timeout)"
			_qemu_stop "$pid"
			break
		fi
		if [ -n "${QEMU_STOP_ON:-}" ] && grep -aqF -- "$QEMU_STOP_ON" "$QEMU_LOG"; then
			QEMU_STOPPED=1
			note=" (stopped on marker)"
			_qemu_stop "$pid"
			break
		fi
		sleep 0.05
	done
	wait "$pid"
	QEMU_STATUS=$?
	trap - TERM INT
	QEMU_TIME=$(awk -v ns=$(($(_qemu_now) - t0)) 'BEGIN { printf "%.2f", ns / 1e9 }')
	echo "TIME: $name $QEMU_TIME s$note"
}

# Last non-empty line the guest printed, for failure messages.
_qemu_last() {
	tr -d '\r' <"$QEMU_LOG" | grep -a -v -e '^$' -e '^qemu-system-' |
		tail -n 1 | cut -c1-120 | grep . || echo "(no output)"
}

check_marker() { # fixed-string
	grep -aqF -- "$1" "$QEMU_LOG" ||
		CB_WHY+=("no '$1' (last line: $(_qemu_last))")
}

check_no_marker() { # fixed-string
	local line
	line=$(grep -aF -m1 -- "$1" "$QEMU_LOG" | tr -d '\r')
	[ -n "$line" ] && CB_WHY+=("unexpected: $line")
	return 0
}

# The test initramfs's /init verified its payload.
check_initrd_ok() {
	local bad
	bad=$(grep -a -o -m1 'INITRD-BAD.*' "$QEMU_LOG" | tr -d '\r')
	if [ -n "$bad" ]; then
		CB_WHY+=("$bad")
	else
		check_marker INITRD-OK
	fi
}

# /proc/cmdline as printed by /init equals the expected string exactly.
check_cmdline() { # expected
	local line
	line=$(grep -a -o -m1 'CMDLINE: .*' "$QEMU_LOG" | tr -d '\r')
	if [ -z "$line" ]; then
		CB_WHY+=("no CMDLINE line (last line: $(_qemu_last))")
	elif [ "${line#CMDLINE: }" != "$1" ]; then
		CB_WHY+=("cmdline '${line#CMDLINE: }', expected '$1'")
	fi
}

# Total size of a DTB's memory nodes (device_type "memory", every bank of
# each reg, cells as the root's #address-cells/#size-cells say), in kB.
dtb_mem_kb() { # dtb
	local f=$1 ac sc n i j size total=0 words
	ac=$(fdtget "$f" / '#address-cells' 2>/dev/null) || ac=2
	sc=$(fdtget "$f" / '#size-cells' 2>/dev/null) || sc=1
	for n in $(fdtget -l "$f" /); do
		[ "$(fdtget "$f" "/$n" device_type 2>/dev/null)" = memory ] || continue
		read -r -a words < <(fdtget -t u "$f" "/$n" reg)
		for ((i = 0; i + ac + sc <= ${#words[@]}; i += ac + sc)); do
			size=0
			for ((j = 0; j < sc; j++)); do
				size=$((size * 4294967296 + words[i + ac + j]))
			done
			total=$((total + size))
		done
	done
	echo $((total / 1024))
}

# The MEMTOTAL line /init printed (MemTotal of /proc/meminfo, kB) lies in
# [MIN_KB, MAX_KB]. TEXT is the log text to search (default: the log).
check_memtotal() { # min-kb max-kb [text]
	local line kb
	if [ $# -ge 3 ]; then
		line=$(grep -a -o -m1 '^MEMTOTAL: .*' <<<"$3")
	else
		line=$(tr -d '\r' <"$QEMU_LOG" | grep -a -o -m1 '^MEMTOTAL: .*')
	fi
	kb=${line#MEMTOTAL: }
	if [ -z "$line" ]; then
		CB_WHY+=("no MEMTOTAL line (last line: $(_qemu_last))")
	elif ! [[ $kb =~ ^[0-9]+$ ]]; then
		CB_WHY+=("bad MEMTOTAL line '$line'")
	elif [ "$kb" -lt "$1" ] || [ "$kb" -gt "$2" ]; then
		CB_WHY+=("MemTotal $kb kB, expected $1..$2 kB")
	fi
}

# MemTotal fits a machine with REAL_KB of RAM: never more, and at least
# 80% of it. The kernel keeps its own image (about 21 MB with BSS for the
# armmp kernel), the page array (about 1% of RAM) and firmware carve-outs
# out of MemTotal: 3-7% on the boards and sizes tested (512 MiB-2 GiB).
# A kernel given another machine's /memory is off by far more (half,
# double, or 64 MiB too much on raspi2b).
check_ram() { # real-kb [text]
	check_memtotal $(($1 * 8 / 10)) "$1" "${@:2}"
}

# The kernel ran the test initramfs's /init. Returns 1 (with one reason)
# if not, so a caller can skip the checks of what /init prints.
check_init_reached() {
	grep -aqF CHAINBOOT-INIT-START "$QEMU_LOG" && return 0
	CB_WHY+=("never reached /init (last line: $(_qemu_last))")
	return 1
}

# The stub's log as the booted kernel got it (/init's STUBLOG lines) is the
# serial log's, line by line, from its first line to "starting kernel at";
# with "quiet" (a quiet blob), the serial shows none of the info lines the
# log keeps, so only its last line is compared.
check_stub_log() { # [quiet]
	local log ser
	log=$(tr -d '\r' <"$QEMU_LOG" | sed -n 's/^STUBLOG: //p')
	if ! grep -q "^starting kernel at " <<<"$log"; then
		CB_WHY+=("the kernel got no stub log ending in 'starting kernel at' (${#log} bytes of STUBLOG)")
		return
	fi
	if [ "$1" = quiet ]; then
		tr -d '\r' <"$QEMU_LOG" | grep -aq "^starting kernel at " &&
			CB_WHY+=("a quiet blob printed its info lines")
		return
	fi
	# (the first line may follow firmware output: SeaBIOS's "Booting from ROM..")
	ser=$(tr -d '\r' <"$QEMU_LOG" | awk -v f="$(head -1 <<<"$log")" '
		!on && length($0) >= length(f) && substr($0, length($0) - length(f) + 1) == f {
			on = 1; print f; next }
		on { print } on && /^starting kernel at / { exit }')
	[ "$log" = "$ser" ] ||
		CB_WHY+=("the stub's log in the kernel is not the serial log: $(diff <(echo "$ser") <(echo "$log") | head -4 | tr '\n' ' ')")
}

# A line /init or /extra-report printed, exactly.
check_line() { # expected-line
	tr -d '\r' <"$QEMU_LOG" | grep -aqxF -- "$1" ||
		CB_WHY+=("no line '$1'")
}

# QEMU ended by itself (poweroff / reset with -no-reboot) with status 0.
# x86: every slot of the stub's plan (" kernel 01000000+3f97000" lines) clear
# of every loader region it reported (multiboot " module 008de000+2000", a
# Linux loader's " ramdisk ..." and " setup_data ..."), and at least one.
check_modules_clear() {
	local bad
	bad=$(tr -d '\r' <"$QEMU_LOG" | awk '
	function hex(s,   i, v) {	# mawk has no strtonum
		for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
		return v
	}
	/^ (module|ramdisk|setup_data) [0-9a-f]+\+[0-9a-f]+$/ { split($2, a, "+"); mb[++nm] = hex(a[1]); me[nm] = mb[nm] + hex(a[2]) }
	/^ (kernel|blob|pgtable|params|cmdline|initrd) [0-9a-f]+\+[0-9a-f]+$/ {
		split($2, a, "+"); sb[++ns] = hex(a[1]); se[ns] = sb[ns] + hex(a[2]); sn[ns] = $1 }
	END {
		if (!nm) { print "no module or ramdisk line"; exit }
		if (!ns) { print "no plan lines"; exit }
		for (i = 1; i <= ns; i++) for (j = 1; j <= nm; j++)
			if (sb[i] < me[j] && mb[j] < se[i]) printf "%s overlaps module %d; ", sn[i], j
	}' 2>&1) || bad="module check failed: $bad"
	[ -z "$bad" ] || CB_WHY+=("$bad")
}

# GRUB 2 (Debian's grub-pc) on a grub-mkrescue ISO, for QEMU -cdrom.
# need_grub NAME: the tools are there, else a FAIL line and 1.
need_grub() { # name
	local tool
	for tool in grub-mkrescue xorriso mformat; do
		if ! command -v "$tool" >/dev/null; then
			echo "FAIL: $1: $tool missing (grub-pc-bin, xorriso, mtools: make setup)"
			return 1
		fi
	done
	if [ ! -d /usr/lib/grub/i386-pc ]; then
		echo "FAIL: $1: /usr/lib/grub/i386-pc missing (grub-pc-bin: make setup)"
		return 1
	fi
}

# grub_iso NAME DIR LOADER ARGS [RAMDISK]: DIR/grub.iso from DIR/iso (the
# blob already at DIR/iso/blob), whose grub.cfg talks on COM1 and boots at
# once with `LOADER /blob ARGS` (linux or multiboot) and, given RAMDISK, a
# copy of it as `initrd /ramdisk` or `module /ramdisk`. Prints a FAIL line
# for NAME and returns 1 when grub-mkrescue fails.
grub_iso() { # name dir loader args [ramdisk]
	local name=$1 dir=$2 loader=$3 args=$4 ramdisk=${5:-} load=initrd
	[ "$loader" = multiboot ] && load=module
	mkdir -p "$dir/iso/boot/grub"
	{
		echo "serial --unit=0 --speed=115200"
		echo "terminal_input serial"
		echo "terminal_output serial"
		echo "set timeout=0"
		echo "menuentry chainboot {"
		echo "	$loader /blob $args"
		if [ -n "$ramdisk" ]; then
			cp "$ramdisk" "$dir/iso/ramdisk"
			echo "	$load /ramdisk"
		fi
		echo "}"
	} >"$dir/iso/boot/grub/grub.cfg"
	grub-mkrescue -o "$dir/grub.iso" "$dir/iso" >"$CB_LOGDIR/$name.mkrescue" 2>&1 && return 0
	echo "FAIL: $name: grub-mkrescue failed: $(tail -1 "$CB_LOGDIR/$name.mkrescue")"
	return 1
}

# An x86 stub boot reached the kernel's initramfs: the stub logged MARKER
# (the entry taken), its plan and the jump, the kernel got its log, the
# initrd checked out and /proc/cmdline is EXPECTED-CMDLINE.
check_x86_boot() { # marker expected-cmdline
	check_marker "$1"
	check_marker "chainboot 1.0: blob at"
	check_marker "starting kernel at"
	check_stub_log
	check_initrd_ok
	check_cmdline "$2"
	check_exit
}

check_exit() {
	if [ -n "$QEMU_TIMED_OUT" ]; then
		CB_WHY+=("timed out after $QEMU_LIMIT s")
	elif [ -z "$QEMU_STOPPED" ] && [ "$QEMU_STATUS" != 0 ]; then
		CB_WHY+=("qemu exit status $QEMU_STATUS")
	fi
}

# Print PASS or FAIL (with every reason and the log) and clear the reasons.
test_result() { # name
	local why
	if [ ${#CB_WHY[@]} -eq 0 ]; then
		echo "PASS: $1"
		return 0
	fi
	why=$(printf '%s; ' "${CB_WHY[@]}")
	CB_WHY=()
	echo "FAIL: $1: ${why%; } (log: ${QEMU_LOG#"$CB_ROOT/"})"
	return 1
}

test_skip() { # name why
	echo "SKIP: $1: $2"
}
