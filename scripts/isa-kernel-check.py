#!/usr/bin/env python3
"""Check the kernel facts in verifier/tests/isa.rs against the running kernel.

verifier/tests/isa.rs holds three tables read from a Linux verifier log:
  FORMS          every accepted instruction form and the text the log prints,
  BAD            bad encodings and the kernel's message (or "None": accepted),
  KNOWN_OPCODES  opcodes that are not `unknown opcode` with zero fields.
This script loads programs with BPF_PROG_LOAD (socket filter, as root; it
never attaches anything) and reports every entry the running kernel
disagrees with. Usage: sudo scripts/isa-kernel-check.py [path/to/isa.rs]
"""

import ctypes
import os
import re
import struct
import sys

libc = ctypes.CDLL(None, use_errno=True)
SYS_BPF = 321  # x86-64
BPF_PROG_LOAD = 5
SOCKET_FILTER = 1


def insn(code, dst=0, src=0, off=0, imm=0):
    return struct.pack('<BBhi', code & 0xff, (dst & 0xf) | ((src & 0xf) << 4), off, imm)


def load(insns, log_level=1):
    """Returns (accepted, log)."""
    prog = b''.join(insns)
    buf = ctypes.create_string_buffer(prog)
    lic = ctypes.create_string_buffer(b'GPL')
    log = ctypes.create_string_buffer(1 << 20)
    attr = bytearray(160)
    struct.pack_into('<IIQQIIQ', attr, 0, SOCKET_FILTER, len(prog) // 8, ctypes.addressof(buf),
                     ctypes.addressof(lic), log_level, 1 << 20, ctypes.addressof(log))
    a = ctypes.create_string_buffer(bytes(attr), len(attr))
    fd = libc.syscall(SYS_BPF, BPF_PROG_LOAD, a, len(attr))
    if fd >= 0:
        os.close(fd)
    return fd >= 0, log.value.decode(errors='replace')


def error_line(log):
    lines = [l for l in log.split('\n') if l.strip() and not l.startswith('processed ')]
    return lines[-1] if lines else ''


EXIT = insn(0x95)
MOV0 = insn(0xb7)
INIT = [insn(0xb7, r) for r in range(10)]
TEXT = re.compile(r'^\s*(?:\d+\s+)?(\d+): [0-9.]{10} (\(..\) .*|BUG\S*)$')


def texts(prog):
    """Instruction texts from the log level 2 liveness dump."""
    _, log = load(prog, log_level=2)
    out = {}
    for l in log.split('\n'):
        m = TEXT.match(l)
        if m:
            out.setdefault(int(m.group(1)), m.group(2))
    return out


def form_text(code, dst, src, off, imm, hi):
    if code == 0x85 and src == 1:
        # A BPF-to-BPF call needs a function to call.
        if imm >= 0:
            prog = [insn(code, 0, 1, 0, imm)] + [EXIT] * imm + [MOV0, EXIT]
            return texts(prog).get(0)
        # main: call the function at n-1, which calls back to 0 (n >= 3).
        n = -imm
        prog = [insn(0x85, 0, 1, 0, n - 2)] + [MOV0] * (n - 3) + [EXIT, insn(code, 0, 1, 0, imm), EXIT]
        return texts(prog).get(n - 1)
    before = []
    if code == 0x95 or (code == 0x05 and off < 0):
        before = [insn(0x15, 0, 0, 1, 0)]  # keeps what follows reachable
    body = before + [insn(code, dst, src, off, imm)]
    if hi is not None:
        body.append(insn(0, 0, 0, 0, hi))
    return texts(INIT + body + [MOV0, EXIT]).get(len(INIT) + len(before))


def num(s):
    return int(s, 0)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), '..', 'verifier', 'tests', 'isa.rs')
    src = open(path).read()
    bad = 0

    def block(name):
        m = re.search(r'const %s: [^=]*= &\[(.*?)\n\];' % name, src, re.S)
        return re.sub(r'\s+', ' ', m.group(1)) if m else ''

    form_re = re.compile(r'\( ?(0x[0-9a-f]+), (\d+), (\d+), (-?\d+), (-?\d+), (None|Some\((-?\d+)\)), "((?:[^"\\]|\\.)*)",? ?\)')
    forms = form_re.findall(block('FORMS'))
    for code, dst, s, off, imm, _, hi, want in forms:
        hi = None if hi == '' else int(hi)
        got = form_text(num(code), int(dst), int(s), int(off), int(imm), hi)
        want = '(%02x) %s' % (num(code), want)
        if got != want:
            bad += 1
            print('FORM %s: kernel prints %r, table says %r' % (code, got, want))

    bad_re = re.compile(r'\( ?"([^"]*)", &\[(.*?)\], (-?\d+), "((?:[^"\\]|\\.)*)",? ?\)')
    cases = bad_re.findall(block('BAD'))
    for name, slots, idx, msg in cases:
        prog = [insn(*map(num, t)) for t in re.findall(r'\( ?(0x[0-9a-f]+), (\d+), (\d+), (-?\d+), (-?\d+),? ?\)', slots)]
        ok, log = load(prog)
        got = 'None' if ok else error_line(log)
        if got != msg:
            bad += 1
            print('BAD %s: kernel says %r, table says %r' % (name, got, msg))

    known = []
    for code in range(256):
        _, log = load([insn(code), EXIT])
        if not log.startswith('unknown opcode'):
            known.append(code)
    m = re.search(r'const KNOWN_OPCODES: &\[u8\] = &\[(.*?)\];', src, re.S)
    table = [num(x) for x in re.findall(r'0x[0-9a-f]+', m.group(1))] if m else []
    if table != known:
        bad += 1
        print('KNOWN_OPCODES differ: kernel knows %s' % ', '.join('0x%02x' % c for c in known))

    print('%d forms, %d bad encodings, %d opcodes checked; %d differences'
          % (len(forms), len(cases), len(known), bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
