#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Build the busybox test initramfs (newc cpio, gzip):
#
#   scripts/mkinitramfs.sh ARCH OUT.cpio.gz [--payload-size N] [--seed S]
#                          [--extra DIR]...
#
# ARCH is armhf (alias armv7, arm), arm64 (alias aarch64) or amd64 (alias x86_64, x86). The image
# holds the fixture cache's static busybox, tests/initramfs/init as /init,
# /payload.bin (N bytes of SHAKE-256 output seeded with S; N takes a K or M
# suffix, default 256K) and /etc/payload.sha256. Each --extra DIR is copied
# over the root in order (a test adds /extra-init, kexec-root, a blob...).
# The same inputs give the same bytes: fixed owners and mtimes, sorted names,
# no gzip timestamp. /payload.bin is stored last, so a truncated initrd
# damages the payload first and the /init check reports it.

set -euo pipefail
umask 022

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${CB_CACHE:-${CACHE:-$ROOT/.cache}}
case $CACHE in /*) ;; *) CACHE=$ROOT/$CACHE ;; esac

usage() {
	echo "usage: $0 armhf|arm64|amd64 OUT.cpio.gz [--payload-size N[K|M]] [--seed S] [--extra DIR]..." >&2
	exit 2
}

die() {
	echo "mkinitramfs: $*" >&2
	exit 1
}

parse_size() {
	case $1 in
	*[Kk]) echo $((${1%?} * 1024)) ;;
	*[Mm]) echo $((${1%?} * 1024 * 1024)) ;;
	*[!0-9]* | '') die "bad size '$1'" ;;
	*) echo "$1" ;;
	esac
}

[ $# -ge 2 ] || usage
case $1 in
armhf | armv7 | arm) arch=armhf ;;
arm64 | aarch64) arch=arm64 ;;
amd64 | x86_64 | x86) arch=amd64 ;;
*) usage ;;
esac
out=$2
shift 2
size=$((256 * 1024))
seed=chainboot
extras=()
while [ $# -gt 0 ]; do
	[ $# -ge 2 ] || usage
	case $1 in
	--payload-size) size=$(parse_size "$2") ;;
	--seed) seed=$2 ;;
	--extra)
		[ -d "$2" ] || die "--extra $2: not a directory"
		extras+=("$2")
		;;
	*) usage ;;
	esac
	shift 2
done

busybox=$CACHE/$arch/busybox
[ -x "$busybox" ] || die "$busybox missing: run scripts/fixtures.sh (make fixtures)"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage"/{bin,sbin,dev,etc,proc,sys,tmp,root}
install -m 755 "$busybox" "$stage/bin/busybox"
ln -s busybox "$stage/bin/sh"
install -m 755 "$ROOT/tests/initramfs/init" "$stage/init"

python3 - "$stage" "$size" "$seed" <<'PY'
import hashlib, sys
stage, size, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3]
data = hashlib.shake_256(('chainboot-payload:' + seed).encode()).digest(size)
open(stage + '/payload.bin', 'wb').write(data)
open(stage + '/etc/payload.sha256', 'w').write(
    '%s %d\n' % (hashlib.sha256(data).hexdigest(), size))
PY

for d in "${extras[@]}"; do
	cp -a "$d/." "$stage/"
done

chmod 755 "$stage"
find "$stage" -exec touch -h -d @0 {} +
mkdir -p "$(dirname "$out")"
(
	cd "$stage"
	find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort | grep -vx payload.bin
	echo payload.bin
) | (cd "$stage" && cpio -o -H newc -R 0:0 --reproducible --quiet) |
	gzip -9 -n >"$out.tmp"
mv "$out.tmp" "$out"
echo "mkinitramfs: $out $(stat -c %s "$out") bytes, payload $(cat "$stage/etc/payload.sha256")"
