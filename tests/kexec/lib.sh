# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
#
# Helpers of the two-kernel kexec tests (tests/qemu/test-kexec-*.sh), on
# top of tests/qemu/lib.sh. A test boots a running Debian kernel with a
# first-stage initramfs that holds Debian's kexec-tools (the fixture
# kexec-root), the image to load and tests/kexec/extra-init; that script
# runs `kexec -l IMAGE [ARGS]` and `kexec -e`. The second kernel's initramfs
# is the ordinary test initramfs, which prints its markers and powers off.
# Both boots print CHAINBOOT-INIT-START / CMDLINE / INITRD-OK, so the checks
# below only look at the log after the KEXEC-EXEC marker.

KEXEC_DIR=$CB_ROOT/tests/kexec

# Build a first-stage initramfs:
#	kexec_stage1 ARCH OUT FILE=SRC... -- KEXEC-ARG...
# copies each SRC to /FILE in the image and writes the `kexec -l` arguments
# (one per line) to /etc/kexec-test. Prints a FAIL line for the caller's test
# and returns 1 on failure.
kexec_stage1() { # arch out file=src... -- kexec-arg...
	local arch=$1 out=$2 stage rc=0
	shift 2
	stage=$(mktemp -d)
	cp -a "$CB_CACHE/$arch/kexec-root/." "$stage/"
	rm -f "$stage/.complete"
	install -m 755 "$KEXEC_DIR/extra-init" "$stage/extra-init"
	mkdir -p "$stage/etc"
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		cp "${1#*=}" "$stage/${1%%=*}"
		shift
	done
	shift
	printf '%s\n' "$@" >"$stage/etc/kexec-test"
	cb_initramfs "$arch" "$out" --extra "$stage" || rc=1
	rm -rf "$stage"
	return $rc
}

# The part of the serial log after the first kernel ran `kexec -e`.
_kexec_second() {
	tr -d '\r' <"$QEMU_LOG" | sed -n '/KEXEC-EXEC$/,$p' | sed 1d
}

# The first stage loaded the image and called kexec -e.
check_kexec_loaded() {
	local line
	line=$(grep -a -o -m1 'KEXEC-LOAD-FAILED.*' "$QEMU_LOG" | tr -d '\r')
	if [ -n "$line" ]; then
		CB_WHY+=("kexec -l failed: $line (see the log for kexec's message)")
		return
	fi
	check_marker KEXEC-LOAD-OK
	check_marker KEXEC-EXEC
	check_no_marker KEXEC-EXEC-FAILED
}

# The second kernel reached its initramfs, the initrd checked out and its
# /proc/cmdline is exactly the expected string.
check_second_boot() { # expected-cmdline
	local second line
	second=$(_kexec_second)
	if ! grep -q '^CHAINBOOT-INIT-START' <<<"$second"; then
		CB_WHY+=("second kernel never reached its /init")
		return
	fi
	line=$(grep -o -m1 'INITRD-BAD.*' <<<"$second")
	if [ -n "$line" ]; then
		CB_WHY+=("second boot: $line")
	elif ! grep -q '^INITRD-OK' <<<"$second"; then
		CB_WHY+=("second boot: no INITRD-OK")
	fi
	line=$(grep -o -m1 '^CMDLINE: .*' <<<"$second")
	if [ "${line#CMDLINE: }" != "$1" ]; then
		CB_WHY+=("second boot cmdline '${line#CMDLINE: }', expected '$1'")
	fi
}

# The second kernel never reached its /init (the expected failure).
check_no_second_boot() {
	local line
	line=$(_kexec_second | grep -m1 -e '^CHAINBOOT-INIT-START' -e '^CMDLINE: ')
	[ -n "$line" ] && CB_WHY+=("the second kernel booted after all: $line")
	return 0
}
