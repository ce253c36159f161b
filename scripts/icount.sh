# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
#
# Sourced by scripts/bench.sh and scripts/bench-pvh.sh: guest instruction
# counts at hardware breakpoints (NOTES.md section 5).
#
#	icount_run PORT GDB-TIMEOUT QEMU-COMMAND... -- ADDR...
#
# boots QEMU-COMMAND with -icount record, stopped, its gdbstub on PORT; gdb
# sets an hbreak at each ADDR in turn (an address may repeat: its next
# execution) and reads `monitor info replay` there. Prints the count at
# each stop, one per line. Logs and the record file go to $OUT.
icount_run() { # port gdb-timeout qemu-command... -- addr...
	local port=$1 limit=$2 cmd=() gdbcmd=() a qpid rr=$OUT/icount.rr
	shift 2
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		cmd+=("$1")
		shift
	done
	shift
	"${cmd[@]}" -icount shift=0,rr=record,rrfile="$rr" -S -gdb tcp::"$port" \
		</dev/null >"$OUT/icount-qemu.log" 2>&1 &
	qpid=$!
	gdbcmd=(-ex 'set pagination off' -ex "target remote :$port")
	for a in "$@"; do
		gdbcmd+=(-ex "hbreak *$a" -ex continue -ex 'monitor info replay' -ex 'delete')
	done
	for _ in $(seq 50); do
		sleep 0.1
		if timeout "$limit" gdb-multiarch -q -batch -nx "${gdbcmd[@]}" -ex kill \
			>"$OUT/icount-gdb.log" 2>&1 </dev/null &&
			grep -q 'instruction count' "$OUT/icount-gdb.log"; then
			break
		fi
		grep -q 'Connection refused\|Connection timed out' "$OUT/icount-gdb.log" || break
	done
	kill "$qpid" 2>/dev/null || true
	wait "$qpid" 2>/dev/null || true
	rm -f "$rr"
	grep -o 'instruction count = [0-9]*' "$OUT/icount-gdb.log" | awk '{ print $4 }'
}
