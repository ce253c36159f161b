#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Install what chainboot needs on Debian 12. Idempotent: when everything
# is present it only asks dpkg and apt's local cache, so a second run takes
# well under a second and does not touch the network.
#
# Exit codes: 0 ready, 1 installation failed, 2 not root and something missing.

set -eu

PACKAGES="gcc make gcc-arm-none-eabi libnewlib-arm-none-eabi
	qemu-system-arm qemu-system-x86
	libfdt-dev zlib1g-dev libdeflate-dev liblz4-dev liblzma-dev libzstd-dev liblzo2-dev lzop
	device-tree-compiler lz4 zstd xz-utils cpio binutils gdb-multiarch
	clang libclang-rt-14-dev mkbootimg python3 busybox-static kexec-tools
	debian-installer-12-netboot-armhf debian-installer-12-netboot-amd64
	u-boot-qemu
	grub-pc-bin xorriso mtools"

# Foreign packages that scripts/fixtures.sh fetches with `apt-get download`.
ARMHF_PROBE="busybox-static:armhf kexec-tools:armhf"

export DEBIAN_FRONTEND=noninteractive

say() { printf 'setup: %s\n' "$*"; }

missing_packages() {
	# Packages dpkg does not know print nothing on stdout, only on stderr.
	# shellcheck disable=SC2086 # a list
	dpkg-query -W -f='${Package} ${db:Status-Status}\n' $PACKAGES 2>/dev/null |
		awk '$2 == "installed" { print $1 }' | sort -u > "$tmp/have"
	for p in $PACKAGES; do
		grep -qx "$p" "$tmp/have" || printf '%s ' "$p"
	done
}

armhf_enabled() {
	dpkg --print-foreign-architectures | grep -qx armhf
}

# Cheap test first (no apt cache rebuild): an armhf Packages index exists.
armhf_indexed() {
	L=/var/lib/apt/lists/
	eval "$(apt-config shell L Dir::State::lists/d)"
	for f in "$L"*_binary-armhf_Packages*; do
		[ -e "$f" ] && return 0
	done
	return 1
}

armhf_candidates() {
	# shellcheck disable=SC2086 # a list
	apt-cache show $ARMHF_PROBE >/dev/null 2>&1
}

# apt-get update exits non-zero when one index fails ("File has unexpected
# size" on the armhf security index happens routinely): apt then keeps the
# main suite's index, which is all we need. Callers check the result
# (candidates exist, install works) instead of trusting the exit code.
apt_update() {
	say "apt-get update"
	if ! apt-get update -q >"$tmp/update.log" 2>&1; then
		grep -E '^(W|E):' "$tmp/update.log" | sed 's/^/setup:   /' >&2 || true
		say "apt-get update reported errors; continuing with the indexes it has" >&2
	fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

missing=$(missing_packages)
need_arch=
armhf_enabled || need_arch=1
need_index=
if [ -z "$need_arch" ] && ! armhf_indexed; then
	need_index=1
fi

if [ -z "$missing" ] && [ -z "$need_arch" ] && [ -z "$need_index" ]; then
	say "all packages present, armhf enabled"
	exit 0
fi

if [ "$(id -u)" != 0 ]; then
	say "not root; please run (as root):" >&2
	[ -n "$need_arch" ] && echo "  dpkg --add-architecture armhf" >&2
	echo "  apt-get update" >&2
	[ -n "$missing" ] && echo "  apt-get install --no-install-recommends $missing" >&2
	exit 2
fi

if [ -n "$need_arch" ]; then
	say "dpkg --add-architecture armhf"
	dpkg --add-architecture armhf
fi

apt_update

if ! armhf_candidates; then
	say "no armhf candidates for: $ARMHF_PROBE (check /etc/apt/sources.list)" >&2
	exit 1
fi

if [ -n "$missing" ]; then
	say "installing: $missing"
	# shellcheck disable=SC2086 # a list
	if ! apt-get install -y -q --no-install-recommends $missing; then
		say "apt-get install failed for: $missing" >&2
		exit 1
	fi
	still=$(missing_packages)
	if [ -n "$still" ]; then
		say "still missing after install: $still" >&2
		exit 1
	fi
fi
say "done"
