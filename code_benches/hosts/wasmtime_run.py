"""Run a WASI command module under wasmtime (the `wasmtime` PyPI package).

Prints "AWSM_BENCH compile=<s> run=<s>" on stderr: compile is
Module(...) (Cranelift), run is instantiation plus _start, so compile
time is excluded from the run time. With --compile-only it stops after
compiling (used for the compile-time table)."""
import os
import sys
import time

import wasmtime


def main() -> int:
    path = sys.argv[1]
    compile_only = len(sys.argv) > 2 and sys.argv[2] == "--compile-only"
    engine = wasmtime.Engine()
    with open(path, "rb") as f:
        data = f.read()
    t0 = time.perf_counter()
    module = wasmtime.Module(engine, data)
    t1 = time.perf_counter()
    if compile_only:
        print(f"AWSM_BENCH compile={t1 - t0} run=0", file=sys.stderr)
        return 0
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    store = wasmtime.Store(engine)
    wasi = wasmtime.WasiConfig()
    wasi.argv = ["bench"]
    wasi.inherit_stdout()
    wasi.inherit_stderr()
    store.set_wasi(wasi)
    code = 0
    t2 = time.perf_counter()
    instance = linker.instantiate(store, module)
    start = instance.exports(store)["_start"]
    try:
        start(store)
    except wasmtime.ExitTrap as e:
        code = e.code
    except wasmtime.Trap as e:
        print(f"wasm trap: {e}", file=sys.stderr)
        code = 134
    t3 = time.perf_counter()
    sys.stdout.flush()
    print(f"AWSM_BENCH compile={t1 - t0} run={t3 - t2}", file=sys.stderr)
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
