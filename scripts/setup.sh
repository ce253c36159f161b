#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Install what chainboot needs on Debian 12. Idempotent: when everything
# is present it only asks dpkg and apt's local cache, so a second run takes
# well under a second and does not touch the network.
#
# Exit codes: 0 ready, 1 installation failed, 2 not root and something missing.

set -eu

PACKAGES="gcc make gcc-arm-none-eabi libnewlib-arm-none-eabi gcc-aarch64-linux-gnu
	libc6-dev-arm64-cross qemu-user
	qemu-system-arm qemu-system-x86
	libfdt-dev zlib1g-dev libdeflate-dev liblz4-dev liblzma-dev libzstd-dev liblzo2-dev lzop
	device-tree-compiler lz4 zstd xz-utils cpio binutils gdb-multiarch
	clang libclang-rt-14-dev mkbootimg python3 busybox-static kexec-tools
	debian-installer-12-netboot-armhf debian-installer-12-netboot-amd64
	debian-installer-12-netboot-arm64
	u-boot-qemu
	grub-pc-bin xorriso mtools"

# Foreign architectures, and packages of theirs that scripts/fixtures.sh
# fetches with `apt-get download`.
FOREIGN="armhf arm64"
FOREIGN_PROBE="busybox-static:armhf kexec-tools:armhf busybox-static:arm64 kexec-tools:arm64"

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

# The foreign architectures dpkg does not know yet.
missing_arches() {
	for a in $FOREIGN; do
		dpkg --print-foreign-architectures | grep -qx "$a" || printf '%s ' "$a"
	done
}

# Cheap test first (no apt cache rebuild): a Packages index of each exists.
foreign_indexed() {
	L=/var/lib/apt/lists/
	eval "$(apt-config shell L Dir::State::lists/d)"
	for a in $FOREIGN; do
		found=
		for f in "$L"*_binary-"$a"_Packages*; do
			[ -e "$f" ] && found=1
		done
		[ -n "$found" ] || return 1
	done
	return 0
}

foreign_candidates() {
	# shellcheck disable=SC2086 # a list
	apt-cache show $FOREIGN_PROBE >/dev/null 2>&1
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
need_arch=$(missing_arches)
need_index=
if [ -z "$need_arch" ] && ! foreign_indexed; then
	need_index=1
fi

if [ -z "$missing" ] && [ -z "$need_arch" ] && [ -z "$need_index" ]; then
	say "all packages present, $FOREIGN enabled"
	exit 0
fi

if [ "$(id -u)" != 0 ]; then
	say "not root; please run (as root):" >&2
	for a in $need_arch; do echo "  dpkg --add-architecture $a" >&2; done
	echo "  apt-get update" >&2
	[ -n "$missing" ] && echo "  apt-get install --no-install-recommends $missing" >&2
	exit 2
fi

for a in $need_arch; do
	say "dpkg --add-architecture $a"
	dpkg --add-architecture "$a"
done

apt_update

if ! foreign_candidates; then
	say "no candidates for: $FOREIGN_PROBE (check /etc/apt/sources.list)" >&2
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
