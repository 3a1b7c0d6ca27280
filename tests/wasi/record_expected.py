#!/usr/bin/env python3
"""Record what Wasmtime prints for the WASI conformance programs.

tests/wasi_conformance.rs compares awsm's output for each program in
tests/wasi/conform/ with tests/wasi/conform/<program>.expected, after
applying the deliberate differences listed in doc/wasi.md. Those files hold
Wasmtime's output, written by this script; the tests never run Wasmtime.

    pip install wasmtime          # the Python embedding of Wasmtime
    python3 tests/wasi/record_expected.py [PROGRAM...]

Each program is built with clang-19 --target=wasm32-wasi (as the test
builds it) and run with the test's fixture: an empty directory preopened as
/sandbox, the arguments and environment of PROGRAMS below. The output is
the program's stdout followed by a line `exit N` (its proc_exit status).
"""
import os
import subprocess
import sys
import tempfile

import wasmtime

HERE = os.path.dirname(os.path.abspath(__file__))
CONFORM = os.path.join(HERE, "conform")
CLANG = os.environ.get("AWSM_TEST_CLANG", "clang-19")
# Keep in step with tests/wasi_conformance.rs.
ARGS = ["one", "two words"]
ENV = [("FOO", "bar")]
PROGRAMS = ["fd", "path", "readdir", "misc"]


def build(name, out_dir):
    wasm = os.path.join(out_dir, name + ".wasm")
    subprocess.run(
        [CLANG, "--target=wasm32-wasi", "-O2", "-Wall", "-Wextra", "-Werror", "-o", wasm,
         os.path.join(CONFORM, name + ".c")],
        check=True)
    return wasm


def run(name, wasm, root):
    sandbox = os.path.join(root, "sandbox")
    os.mkdir(sandbox)
    stdout = os.path.join(root, "stdout")
    engine = wasmtime.Engine()
    store = wasmtime.Store(engine)
    config = wasmtime.WasiConfig()
    config.argv = [name + ".wasm"] + ARGS
    config.env = ENV
    config.preopen_dir(sandbox, "/sandbox")
    config.stdout_file = stdout
    config.inherit_stderr()
    store.set_wasi(config)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    instance = linker.instantiate(store, wasmtime.Module.from_file(engine, wasm))
    status = 0
    try:
        instance.exports(store)["_start"](store)
    except wasmtime.ExitTrap as e:
        status = e.code
    with open(stdout) as f:
        return f.read() + "exit %d\n" % status


def main():
    names = sys.argv[1:] or PROGRAMS
    with tempfile.TemporaryDirectory(prefix="awsm-record-") as tmp:
        for name in names:
            root = os.path.join(tmp, name)
            os.mkdir(root)
            wasm = build(name, root)
            for run_dir in ("a", "b"):
                os.mkdir(os.path.join(root, run_dir))
            first = run(name, wasm, os.path.join(root, "a"))
            again = run(name, wasm, os.path.join(root, "b"))
            if first != again:
                sys.exit("%s: Wasmtime's output differs between two runs; make it deterministic" % name)
            with open(os.path.join(CONFORM, name + ".expected"), "w") as f:
                f.write(first)
            print("recorded tests/wasi/conform/%s.expected (%d lines)" % (name, first.count("\n")))


if __name__ == "__main__":
    main()
