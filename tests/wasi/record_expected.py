#!/usr/bin/env python3
"""Record what Wasmtime prints for the WASI conformance programs.

tests/wasi_conformance.rs compares awsm's output for each program in
tests/wasi/conform/ with tests/wasi/conform/<program>.expected, after
applying the deliberate differences listed in doc/wasi.md. Those files hold
Wasmtime's output, written by this script; the tests never run Wasmtime.

    pip install wasmtime==50.0.1  # the Python embedding of Wasmtime
    python3 tests/wasi/record_expected.py [--wasmtime-cli PATH] [PROGRAM...]

Each program is built with clang-19 --target=wasm32-wasi (as the test
builds it) and run with the test's fixture: an empty directory preopened as
/sandbox (fd 3), FOO=bar the only variable, the arguments of ARGS below.
readonly also gets `ro` (ro.txt and an empty sub/) preopened read-only as
/ro (fd 4). stdio runs once per kind of stdin/stdout in STDIO_KINDS, in a
child process whose fds 0 and 1 are of that kind (a closed one is closed
just before `_start`), and reports on stderr. The output is the program's
report followed by a line `exit N` (its proc_exit status).

With --wasmtime-cli, stdio runs under that `wasmtime run` instead (a Rust
program: it reopens a closed fd 0-2 as /dev/null before the guest runs);
stdio.expected is recorded that way, with Wasmtime 48.0.8's CLI:

    python3 tests/wasi/record_expected.py --wasmtime-cli PATH/wasmtime stdio

The CLI cannot stand in for the rest: it always preopens directories
read-write and refuses --tcplisten for preview1 modules.
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
PROGRAMS = ["fd", "path", "readdir", "misc", "readonly", "stdio"]
STDIO_KINDS = ["pipe", "file", "null", "closed"]
STDIN_TEXT = b"in\n"


def build(name, out_dir):
    wasm = os.path.join(out_dir, name + ".wasm")
    subprocess.run(
        [CLANG, "--target=wasm32-wasi", "-O2", "-Wall", "-Wextra", "-Werror", "-o", wasm,
         os.path.join(CONFORM, name + ".c")],
        check=True)
    return wasm


def fixture(name, root):
    """Make the program's directories under root; their (host, guest, mutable) preopens."""
    sandbox = os.path.join(root, "sandbox")
    os.mkdir(sandbox)
    preopens = [(sandbox, "/sandbox", True)]
    if name == "readonly":
        ro = os.path.join(root, "ro")
        os.makedirs(os.path.join(ro, "sub"))
        with open(os.path.join(ro, "ro.txt"), "w") as f:
            f.write("ro\n")
        preopens.append((ro, "/ro", False))
    return preopens


def instantiate(name, wasm, preopens, args, configure):
    engine = wasmtime.Engine()
    store = wasmtime.Store(engine)
    config = wasmtime.WasiConfig()
    config.argv = [name + ".wasm"] + args
    config.env = ENV
    for host, guest, mutable in preopens:
        config.preopen_dir(host, guest, mutable)
    configure(config)
    store.set_wasi(config)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    instance = linker.instantiate(store, wasmtime.Module.from_file(engine, wasm))
    return store, instance


def start(store, instance, before=lambda: None):
    """Run _start; the guest's exit status."""
    before()
    try:
        instance.exports(store)["_start"](store)
    except wasmtime.ExitTrap as e:
        return e.code
    return 0


def run(name, wasm, root):
    preopens = fixture(name, root)
    stdout = os.path.join(root, "stdout")

    def configure(config):
        config.stdout_file = stdout
        config.inherit_stderr()

    status = start(*instantiate(name, wasm, preopens, ARGS, configure))
    with open(stdout) as f:
        return f.read() + "exit %d\n" % status


def stdio_child(wasm, root, kind):
    """In a child whose fds 0 and 1 are of `kind`: run stdio; exit with its status."""
    def configure(config):
        config.inherit_stdin()
        config.inherit_stdout()
        config.inherit_stderr()

    store, instance = instantiate("stdio", wasm, fixture("stdio", root), [kind], configure)

    def close_stdio():
        if kind == "closed":
            os.close(0)
            os.close(1)

    os._exit(start(store, instance, close_stdio))


def run_stdio(wasm, root, cli):
    """Every kind in turn: the stderr report and `exit N` of each."""
    text = ""
    for kind in STDIO_KINDS:
        run_dir = os.path.join(root, kind)
        os.mkdir(run_dir)
        if cli:
            sandbox = os.path.join(run_dir, "sandbox")
            os.mkdir(sandbox)
            argv = [cli, "run", "--dir", sandbox + "::/sandbox", "--env", "FOO=bar",
                    "--argv0", "stdio.wasm", wasm, kind]
        else:
            argv = [sys.executable, os.path.abspath(__file__), "--stdio-child", wasm, run_dir, kind]
        stdin_file = os.path.join(run_dir, "stdin")
        with open(stdin_file, "wb") as f:
            f.write(STDIN_TEXT)
        closed = kind == "closed" and cli
        if kind == "pipe":
            io = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE}
        elif kind == "file":
            io = {"stdin": open(stdin_file, "rb"), "stdout": open(os.path.join(run_dir, "out"), "wb")}
        else:
            io = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL}
        if closed:
            io["preexec_fn"] = lambda: (os.close(0), os.close(1))
        child = subprocess.Popen(argv, stderr=subprocess.PIPE, **io)
        _, report = child.communicate(STDIN_TEXT if kind == "pipe" else None)
        text += report.decode() + "exit %d\n" % child.returncode
    return text


def record(name, tmp, cli):
    root = os.path.join(tmp, name)
    os.mkdir(root)
    wasm = build(name, root)
    outputs = []
    for run_dir in ("a", "b"):
        os.mkdir(os.path.join(root, run_dir))
        if name == "stdio":
            outputs.append(run_stdio(wasm, os.path.join(root, run_dir), cli))
        else:
            outputs.append(run(name, wasm, os.path.join(root, run_dir)))
    if outputs[0] != outputs[1]:
        sys.exit("%s: Wasmtime's output differs between two runs; make it deterministic" % name)
    with open(os.path.join(CONFORM, name + ".expected"), "w") as f:
        f.write(outputs[0])
    print("recorded tests/wasi/conform/%s.expected (%d lines)" % (name, outputs[0].count("\n")))


def main():
    args = sys.argv[1:]
    if args[:1] == ["--stdio-child"]:
        stdio_child(*args[1:4])
    cli = None
    if args[:1] == ["--wasmtime-cli"]:
        cli, args = os.path.abspath(args[1]), args[2:]
    with tempfile.TemporaryDirectory(prefix="awsm-record-") as tmp:
        for name in args or PROGRAMS:
            record(name, tmp, cli)


if __name__ == "__main__":
    main()
