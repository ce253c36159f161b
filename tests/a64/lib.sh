# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
#
# Set-up shared by the tests that run the arm64 stub's assembly as Linux
# aarch64 programs under qemu-aarch64 (user mode):
#
#	. "$(dirname "$0")/lib.sh"
#	a64_setup NAME || exit 0	# SKIP line when the tools are absent
#
# leaves the shell at the project root with O (the build directory, made
# with its tests/ under it) and ROOT set.

set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT" || exit 1
O=${O:-build}

a64_setup() {
	local t
	for t in aarch64-linux-gnu-gcc qemu-aarch64; do
		if ! command -v "$t" >/dev/null; then
			echo "SKIP: $1: $t absent (make setup installs it)"
			return 1
		fi
	done
	mkdir -p "$O/tests"
}
