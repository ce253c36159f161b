#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Test helper: what Linux's pstore/ram would find in a ramoops region.

  pstore-dump.py run DUMP BASE SIZE TIMEOUT -- QEMU-COMMAND...
      Runs QEMU (its output on our stdout) with a QMP socket, a guest reset
      turned into a pause (-action reboot=shutdown,shutdown=pause), waits
      for the pause, saves the guest's RAM [BASE, BASE + SIZE) to DUMP
      (QMP pmemsave) and quits.  Exit 0 once saved; 2 if the guest never
      reset within TIMEOUT seconds (QEMU is then killed).

  pstore-dump.py read DUMP SIZE RECORD CONSOLE FTRACE PMSG
      The console zone's old log, as the next boot's
      /sys/fs/pstore/console-ramoops-0 would hold it, on stdout.  Exit 1
      with a reason on stderr when the zone holds no valid buffer.

The zone and buffer layout follow Linux (6.1) and not the stub's code:
fs/pstore/ram.c ramoops_probe() (sizes rounded down to powers of two; the
dmesg zones first, cnt = dump / record of them, each dump / cnt bytes; then
the console zone) and fs/pstore/ram_core.c (struct persistent_ram_buffer:
u32 sig, start, size, then data; the console zone's sig is
0 ^ PERSISTENT_RAM_SIG; persistent_ram_post_init() takes a buffer whose
size <= buffer_size and start <= size; persistent_ram_save_old() returns
data[start:size] + data[:start]).
"""
import json
import os
import socket
import struct
import subprocess
import sys
import tempfile
import time

PERSISTENT_RAM_SIG = 0x43474244


def pow2_floor(v):
    return 1 << (v.bit_length() - 1) if v else 0


def console_zone(size, record, console, ftrace, pmsg):
    record, console, ftrace, pmsg = map(pow2_floor, (record, console, ftrace, pmsg))
    dump = size - console - ftrace - pmsg
    off = 0
    if dump > 0 and record:
        cnt = dump // record
        if cnt == 0:
            raise ValueError("ramoops refuses the region: dmesg record count 0")
        off = cnt * (dump // cnt)
    if not console or off + console > size:
        raise ValueError("no console zone")
    return off, console


def read(args):
    dump_path, size, record, console, ftrace, pmsg = args[0], *(int(a, 0) for a in args[1:6])
    with open(dump_path, "rb") as f:
        mem = f.read()
    try:
        off, zsize = console_zone(size, record, console, ftrace, pmsg)
    except ValueError as e:
        print(f"pstore-dump: {e}", file=sys.stderr)
        return 1
    zone = mem[off:off + zsize]
    sig, start, used = struct.unpack_from("<III", zone)
    data = zone[12:]
    if sig != PERSISTENT_RAM_SIG:
        print(f"pstore-dump: no buffer at zone offset {off:#x}: sig {sig:#x}", file=sys.stderr)
        return 1
    if used > len(data) or start > used:
        print(f"pstore-dump: invalid buffer: start {start} size {used}", file=sys.stderr)
        return 1
    sys.stdout.buffer.write(data[start:used] + data[:start])
    return 0


def qmp(sock_path, deadline):
    s = socket.socket(socket.AF_UNIX)
    while True:
        try:
            s.connect(sock_path)
            break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    s.settimeout(0.2)
    return s


def messages(s, buf):
    """Complete JSON lines received so far, and what is left."""
    try:
        chunk = s.recv(65536)
        if not chunk:
            raise EOFError
        buf += chunk
    except socket.timeout:
        pass
    *lines, buf = buf.split(b"\n")
    return [json.loads(l) for l in lines if l.strip()], buf


def run(args):
    dump_path, base, size, timeout = args[0], int(args[1], 0), int(args[2], 0), float(args[3])
    cmd = args[5:] if args[4] == "--" else None
    if not cmd:
        print("usage: pstore-dump.py run DUMP BASE SIZE TIMEOUT -- QEMU...", file=sys.stderr)
        return 64
    with tempfile.TemporaryDirectory() as tmp:
        sock_path = os.path.join(tmp, "qmp")
        proc = subprocess.Popen(cmd + ["-qmp", f"unix:{sock_path},server=on,wait=off",
                                       "-action", "reboot=shutdown,shutdown=pause"],
                                stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        try:
            s = qmp(sock_path, deadline)
            buf = b""
            s.sendall(b'{"execute": "qmp_capabilities"}\n')
            paused = False
            while not paused:
                if time.monotonic() > deadline or proc.poll() is not None:
                    print("pstore-dump: the guest did not reset", file=sys.stderr)
                    return 2
                msgs, buf = messages(s, buf)
                paused = any(m.get("event") in ("STOP", "SHUTDOWN") for m in msgs)
            req = {"execute": "pmemsave",
                   "arguments": {"val": base, "size": size, "filename": dump_path}}
            s.sendall(json.dumps(req).encode() + b"\n")
            while True:
                if time.monotonic() > deadline:
                    print("pstore-dump: pmemsave got no answer", file=sys.stderr)
                    return 2
                msgs, buf = messages(s, buf)
                done = [m for m in msgs if "return" in m or "error" in m]
                if done:
                    if "error" in done[0]:
                        print(f"pstore-dump: pmemsave: {done[0]['error']}", file=sys.stderr)
                        return 2
                    break
            s.sendall(b'{"execute": "quit"}\n')
            proc.wait(timeout=10)
            return 0
        except (OSError, EOFError, subprocess.TimeoutExpired) as e:
            print(f"pstore-dump: {e}", file=sys.stderr)
            return 2
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def main():
    if len(sys.argv) >= 7 and sys.argv[1] == "run":
        return run(sys.argv[2:])
    if len(sys.argv) == 8 and sys.argv[1] == "read":
        return read(sys.argv[2:])
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main())
