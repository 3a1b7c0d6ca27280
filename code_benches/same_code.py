#!/usr/bin/env python3
"""Check that two awsm binaries generate byte-identical code.

A refactor of the compiler (moving passes, renaming symbols, reshaping the
pipeline) must not change what it emits. This script compiles the same wasm
modules with a base and a new awsm binary under many configurations and
compares the output files byte for byte:

- every code_benches benchmark (PolyBench, the classics, and the real
  programs whose crates.io sources can be fetched; `--no-real` skips them),
  built to wasm32-wasi as run.py builds it;
- every example_code/*.c program, built with clang-19 -O2 for wasm32-wasi;
- the Cortex-M benchmark kernels of tests/targets/bench/, built as
  tests/targets.rs builds them (clang -O2 and -Os, one 64 KiB page).

Hosted modules are compiled to objects at -O2 (guard-pages and explicit),
-Oz and -O0 on x86-64, and at -O2 for i686 and aarch64; the kernels to
mps2-an386 firmware and objects at -O2 and -Oz (explicit), and to x86-64
objects. The base binary's outputs are cached under the build directory,
keyed by the binary's hash, so checking a new build again costs only the
new compiles.

    code_benches/same_code.py --base /path/to/old/awsm [--new target/release/awsm]

Prints one line per differing or failing output and a summary; exits 0 only
when every output is identical (a compile that fails identically under both
binaries counts as identical and is listed, and so does an object whose only
difference is its .comment section of compiler version strings).
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import run as benches  # noqa: E402  (run.py: the benchmark list and how to build it)

CLANG = benches.CLANG
KERNELS = ["crc32", "matmul", "sort", "sha256"]

# (label, awsm arguments, output extension)
HOSTED_CONFIGS = [
    ("x86_64-O2", ["-O2"], "o"),
    ("x86_64-O2-explicit", ["-O2", "--bounds-checks", "explicit"], "o"),
    ("x86_64-Oz", ["-Oz"], "o"),
    ("x86_64-O0", ["-O0"], "o"),
    ("i686-O2", ["-O2", "--target", "i686-unknown-linux-gnu"], "o"),
    ("aarch64-O2", ["-O2", "--target", "aarch64-unknown-linux-gnu"], "o"),
]
THUMB = ["--target", "thumbv7em-none-eabihf"]
BOARD = THUMB + ["--board", "mps2-an386"]
KERNEL_CONFIGS = [
    ("m4-O2-firmware", ["-O2", *BOARD], "elf"),
    ("m4-Oz-firmware", ["-Oz", *BOARD], "elf"),
    ("m4-O2-mask-firmware", ["-O2", "--bounds-checks", "mask", *BOARD], "elf"),
    ("m4-O2-object", ["-O2", *THUMB], "o"),
    ("m4-Oz-object", ["-Oz", *THUMB], "o"),
    ("x86_64-O2", ["-O2"], "o"),
]


def sh(cmd: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)


def build(cmd: list[str], out: Path) -> Path:
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        p = sh(cmd)
        if p.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)}\n{p.stderr.strip()}")
    return out


def bench_modules(root: Path, real: bool) -> list[tuple[str, Path]]:
    """Every code_benches benchmark as wasm, built as run.py builds it."""
    builder = benches.Builder(root / "benches", quick=False, awsm=None)
    out = []
    for b in benches.all_benches():
        if b.crate is not None:
            if not real:
                continue
            try:
                b.prepare(REPO / "code_benches" / ".cache")
            except Exception as e:  # no registry: the real programs are optional inputs
                print(f"same_code: skipping {b.name}: {e}", file=sys.stderr)
                continue
        out.append((f"bench/{b.name}", builder.wasm(b)))
    return out


def example_modules(root: Path) -> list[tuple[str, Path]]:
    out = []
    for src in sorted((REPO / "example_code").glob("*.c")):
        wasm = root / "examples" / f"{src.stem}.wasm"
        build([CLANG, "--target=wasm32-wasi", "-O2", str(src), "-o", str(wasm), "-lm"], wasm)
        out.append((f"example/{src.stem}", wasm))
    return out


def kernel_modules(root: Path) -> list[tuple[str, Path]]:
    """tests/targets/bench kernels, linked as tests/targets.rs links them."""
    src = REPO / "tests/targets/bench"
    d = root / "kernels"
    out = []
    for opt in ("-O2", "-Os"):
        platform = build([CLANG, "--target=wasm32", opt, "-nostdlib", "-fno-builtin", "-c",
                          str(src / "platform_wasm.c"), "-o", str(d / f"platform{opt}.o")], d / f"platform{opt}.o")
        for k in KERNELS:
            obj = build([CLANG, "--target=wasm32", opt, "-nostdlib", "-c", str(src / f"{k}.c"),
                         "-o", str(d / f"{k}{opt}.o")], d / f"{k}{opt}.o")
            wasm = d / f"{k}{opt}.wasm"
            build([CLANG, "--target=wasm32", "-nostdlib", "-Wl,--no-entry", "-Wl,--export=_start",
                   "-Wl,--stack-first", "-Wl,-z,stack-size=8192", "-Wl,--initial-memory=65536",
                   "-Wl,--max-memory=65536", str(obj), str(platform), "-o", str(wasm)], wasm)
            out.append((f"kernel/{k}{opt}", wasm))
    return out


def without_comment(path: Path) -> bytes:
    """The file with its .comment section (compiler version strings) removed.

    Splitting a runtime C file in two adds one more clang version string to
    an object's .comment; code, symbols and relocations are what count.
    """
    stripped = path.with_name(path.name + ".nocomment")
    if not stripped.exists():
        sh(["llvm-objcopy-19", "--remove-section", ".comment", str(path), str(stripped)])
    return stripped.read_bytes() if stripped.exists() else path.read_bytes()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def compile_one(awsm: Path, wasm: Path, args: list[str], out: Path) -> str | None:
    """Compile unless cached; return the error text of a failed compile."""
    err = out.with_suffix(out.suffix + ".err")
    if out.exists():
        return None
    if err.exists():
        return err.read_text()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    p = sh([str(awsm), str(wasm), *args, "--name", "m", "--emit", "exe" if out.suffix == ".elf" else "obj",
            "-o", str(tmp)])
    if p.returncode != 0:
        err.write_text(p.stderr.strip() or f"exit {p.returncode}")
        return err.read_text()
    tmp.rename(out)
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, type=Path, help="the awsm binary before the change")
    ap.add_argument("--new", type=Path, default=REPO / "target/release/awsm", help="the awsm binary after it")
    ap.add_argument("--build-dir", type=Path, default=REPO / "code_benches/build/same_code")
    ap.add_argument("--filter", default="", help="regex on '<module> <config>' (re.search)")
    ap.add_argument("--no-real", action="store_true", help="leave out sqlite, lua and zstd")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()

    root = args.build_dir
    modules = example_modules(root) + kernel_modules(root) + bench_modules(root, not args.no_real)
    jobs = []
    for name, wasm in modules:
        configs = KERNEL_CONFIGS if name.startswith("kernel/") else HOSTED_CONFIGS
        for label, flags, ext in configs:
            if re.search(args.filter, f"{name} {label}"):
                jobs.append((name, wasm, label, flags, ext))

    outs = {}
    for side, awsm in (("base", args.base), ("new", args.new)):
        key = digest(awsm)
        for name, wasm, label, flags, ext in jobs:
            outs[(side, name, label)] = (awsm, wasm, flags, root / "out" / key / name / f"{label}.{ext}")

    differ, failed, same, both_failed, comment_only = [], [], 0, [], []
    with cf.ThreadPoolExecutor(args.jobs) as pool:
        futures = {k: pool.submit(compile_one, *v) for k, v in outs.items()}
        for name, _, label, _, _ in jobs:
            eb, en = futures[("base", name, label)].result(), futures[("new", name, label)].result()
            ob, on = outs[("base", name, label)][3], outs[("new", name, label)][3]
            if eb is not None or en is not None:
                if eb is not None and en is not None and eb == en:
                    both_failed.append(f"{name} {label}: {eb.splitlines()[-1]}")
                else:
                    failed.append(f"{name} {label}: base: {eb or 'ok'} | new: {en or 'ok'}")
            elif ob.read_bytes() == on.read_bytes():
                same += 1
            elif without_comment(ob) == without_comment(on):
                comment_only.append(f"{name} {label}")
            else:
                differ.append(f"{name} {label}: {ob} {on}")

    for line in both_failed:
        print(f"fails under both: {line}")
    for line in failed:
        print(f"FAILS DIFFERENTLY: {line}")
    for line in comment_only:
        print(f"identical but .comment: {line}")
    for line in differ:
        print(f"DIFFERS: {line}")
    print(f"same_code: {same} identical, {len(comment_only)} identical but .comment, {len(differ)} differ, "
          f"{len(failed)} fail differently, "
          f"{len(both_failed)} fail under both ({len(modules)} modules)")
    return 0 if not differ and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
