#!/usr/bin/env python3
"""awsm benchmark harness.

Builds every benchmark natively (clang-19 -O2) and to wasm32-wasi
(clang-19 -O2), runs it under each engine, checks that every engine prints
what the native build prints, and writes results.csv, results.md and a PNG
chart of slowdowns vs native (matplotlib, optional), plus a compile-time
table (compile.csv / compile.md).

Engines: native; awsm-<strategy> for every --bounds-checks strategy the
awsm binary accepts (detected); wasm2c (wabt's wasm2c + clang-19 -O2 with
the host in hosts/wasm2c_host.c); wasmtime (PyPI package, compile time
excluded); node (V8, compile time excluded).

Examples:
    python3 code_benches/run.py                      # everything
    python3 code_benches/run.py --quick --filter 'gemm|crc32'
    python3 code_benches/run.py --engines native,awsm-guard-pages --reps 5
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CLANG = "clang-19"
WASI_TARGET = "--target=wasm32-wasi"
# wasm-ld's default shadow stack is 64 KiB, too small for the recursive
# benchmarks (and an overflow silently corrupts data): give every module 8 MiB.
WASM_LDFLAGS = ["-Wl,-z,stack-size=8388608"]
# Bulk memory lets clang turn memcpy/memmove/memset calls of unknown or
# large size into memory.copy/memory.fill, which every engine maps to the
# host's memmove/memset, instead of calling wasi-libc's plain-C loops.
# Every engine runs the same module, so the comparison stays fair.
WASM_CFLAGS = ["-mbulk-memory"]
WASM2C_RUNTIME_DIRS = [Path("/usr/share/wabt/wasm2c"), Path("/usr/src/wasm2c")]

# Third-party sources: crates.io source crates, fetched into .cache/ (never committed).
CRATES = {
    "libsqlite3-sys": "0.30.1",
    "lua-src": "547.0.0",
    "zstd-sys": "2.0.13+zstd.1.5.6",
}
CRATE_URLS = [
    "https://static.crates.io/crates/{name}/{name}-{version}.crate",
    "https://crates.io/api/v1/crates/{name}/{version}/download",
]


# ----------------------------------------------------------------------------
# Benchmarks


@dataclass
class Bench:
    name: str
    group: str  # polybench | classic | real
    sources: list[Path] = field(default_factory=list)
    cflags: list[str] = field(default_factory=list)
    wasm_cflags: list[str] = field(default_factory=list)  # extra flags for the wasm32-wasi build
    crate: str | None = None  # needs a fetched crate; sources filled in by prepare()

    def prepare(self, cache: Path) -> None:
        """Fill in sources/flags of a third-party benchmark (fetching it)."""
        if self.crate is None:
            return
        root = fetch_crate(self.crate, cache)
        if self.name == "sqlite":
            d = root / "sqlite3"
            self.sources = [HERE / "real/sqlite_bench.c", d / "sqlite3.c"]
            self.cflags = [f"-I{d}", "-DSQLITE_OS_OTHER=1", "-DSQLITE_THREADSAFE=0",
                           "-DSQLITE_TEMP_STORE=3", "-DSQLITE_OMIT_LOAD_EXTENSION",
                           "-DSQLITE_DEFAULT_MEMSTATUS=0", "-w"]
        elif self.name == "lua":
            d = next(root.glob("lua-5.4*"))
            skip = {"lua.c", "luac.c", "linit.c", "loslib.c", "liolib.c", "loadlib.c"}
            self.sources = [HERE / "real/lua_bench.c"] + sorted(
                p for p in d.glob("*.c") if p.name not in skip)
            self.cflags = [f"-I{HERE / 'real/lua_shim'}", f"-I{d}",
                           "-DLUAI_THROW(L,c)=abort()", "-DLUAI_TRY(L,c,a)={a}",
                           "-Dluai_jmpbuf=int", "-include", "stdlib.h", "-w",
                           # table.sort's pivot randomisation reads clock(), which
                           # wasi-libc lacks; a fixed value keeps runs deterministic
                           "-Dl_randomizePivot()=0"]
            # lstate.h names sig_atomic_t; wasi-libc's <signal.h> hides it behind this
            # (no signal() is called, so the emulation library is not needed)
            self.wasm_cflags = ["-D_WASI_EMULATED_SIGNAL"]
        elif self.name == "zstd":
            d = next(root.glob("zstd")) / "lib"
            self.sources = [HERE / "real/zstd_bench.c"] + sorted(
                p for sub in ("common", "compress", "decompress") for p in (d / sub).glob("*.c"))
            self.cflags = [f"-I{d}", "-DZSTD_DISABLE_ASM", "-DDYNAMIC_BMI2=0",
                           "-DZSTD_LEGACY_SUPPORT=0", "-w"]  # single-threaded: ZSTD_MULTITHREAD undefined


def all_benches() -> list[Bench]:
    out = []
    for group in ("polybench", "classic"):
        for src in sorted((HERE / group).glob("*.c")):
            out.append(Bench(src.stem, group, [src]))
    out.append(Bench("sqlite", "real", crate="libsqlite3-sys"))
    out.append(Bench("lua", "real", crate="lua-src"))
    out.append(Bench("zstd", "real", crate="zstd-sys"))
    return out


def fetch_crate(name: str, cache: Path) -> Path:
    """Download and unpack a crates.io source crate into cache/; return its root."""
    version = CRATES[name]
    root = cache / f"{name}-{version}"
    if (root / ".complete").exists():
        return root
    cache.mkdir(parents=True, exist_ok=True)
    archive = cache / f"{name}-{version}.crate"
    errors = []
    if not archive.exists():
        for url in CRATE_URLS:
            url = url.format(name=name, version=version)
            try:
                req = urllib.request.Request(url, headers={"User-Agent": "awsm-code-benches"})
                with urllib.request.urlopen(req, timeout=120) as r:
                    data = r.read()
                archive.write_bytes(data)
                break
            except Exception as e:  # noqa: BLE001 - report every mirror's failure
                errors.append(f"{url}: {e}")
        else:
            raise RuntimeError(f"cannot fetch crate {name} {version}: " + "; ".join(errors))
    with tarfile.open(archive, "r:gz") as tf:
        tf.extractall(cache, filter="data")
    (root / ".complete").write_text("ok\n")
    return root


# ----------------------------------------------------------------------------
# Small helpers


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


@dataclass
class Proc:
    code: int
    out: str
    err: str
    wall: float
    maxrss_kb: int
    timed_out: bool = False


TIME_BIN = "/usr/bin/time"


def run(cmd: list[str], timeout: float | None = None, cwd: Path | None = None, rss: bool = False) -> Proc:
    """Run cmd, capturing output and wall time; with rss, also its peak RSS (through
    /usr/bin/time: Linux's ru_maxrss of a child of this big Python process starts at
    the parent's RSS, since it is inherited across fork)."""
    with tempfile.TemporaryFile() as so, tempfile.TemporaryFile() as se, \
            tempfile.NamedTemporaryFile("r", suffix=".rss") as rf:
        if rss and os.path.exists(TIME_BIN):
            cmd = [TIME_BIN, "-o", rf.name, "-f", "%M", *cmd]
        else:
            rss = False
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=so, stderr=se, stdin=subprocess.DEVNULL, cwd=cwd)
        timed_out = False
        deadline = None if timeout is None else t0 + timeout
        while True:
            pid, status = os.waitpid(p.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                p.kill()
                pid, status = os.waitpid(p.pid, 0)
                timed_out = True
                break
            time.sleep(0.002)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        so.seek(0)
        se.seek(0)
        maxrss = 0
        if rss:
            m = re.findall(r"^(\d+)$", rf.read(), re.M)
            maxrss = int(m[-1]) if m else 0
        return Proc(p.returncode, so.read().decode(errors="replace"), se.read().decode(errors="replace"),
                    wall, maxrss, timed_out)


def inputs_key(cmd: list[str], inputs: list[Path]) -> str:
    h = hashlib.sha256("\0".join(cmd).encode())
    for p in inputs:
        st = p.stat()
        h.update(f"{p}:{st.st_mtime_ns}:{st.st_size}".encode())
    return h.hexdigest()


def build_step(cmds: list[list[str]], inputs: list[Path], output: Path, timeout: float = 3600) -> Proc | None:
    """Run cmds unless output is up to date (same commands, same input files). Returns
    the last Proc (with total wall time and max RSS), or None if nothing was run."""
    stamp = output.with_name(output.name + ".stamp")
    key = inputs_key([c for cmd in cmds for c in cmd], inputs)
    if output.exists() and stamp.exists() and stamp.read_text() == key:
        return None
    output.parent.mkdir(parents=True, exist_ok=True)
    total, rss, last = 0.0, 0, None
    for cmd in cmds:
        last = run(cmd, timeout=timeout, rss=True)
        total += last.wall
        rss = max(rss, last.maxrss_kb)
        if last.code != 0:
            raise RuntimeError(f"build failed: {last.err.strip()[-600:]} [command: {' '.join(cmd)[:300]}]")
    stamp.write_text(key)
    assert last is not None
    return Proc(0, last.out, last.err, total, rss)


def geomean(xs: list[float]) -> float:
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


# ----------------------------------------------------------------------------
# Engines


def find_awsm(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit).resolve()
    for p in (REPO / "target/release/awsm", REPO / "target/debug/awsm"):
        if p.exists():
            return p
    w = shutil.which("awsm")
    return Path(w) if w else None


def awsm_strategies(awsm: Path, work: Path) -> list[str]:
    """The --bounds-checks strategies this awsm accepts: ask it with an unknown
    name and read the list from the error ("known: a, b")."""
    work.mkdir(parents=True, exist_ok=True)
    probe = work / "probe.wat"
    probe.write_text("(module)")
    p = run([str(awsm), str(probe), "-o", str(work / "probe.o"), "--bounds-checks", "no-such-strategy"])
    m = re.search(r"known: ([^)]*)\)", p.err)
    names = [s.strip() for s in m.group(1).split(",") if s.strip()] if m else \
        ["guard-pages", "explicit", "mask", "none", "segment"]
    # A strategy may exist only for other targets (e.g. mask on Cortex-M): keep
    # those that compile for the host.
    return [s for s in names
            if run([str(awsm), str(probe), "-o", str(work / "probe.o"), "--bounds-checks", s]).code == 0]


def wasm2c_runtime_dir() -> Path | None:
    for d in WASM2C_RUNTIME_DIRS:
        if (d / "wasm-rt-impl.c").exists():
            return d
    return None


def wasmtime_available() -> bool:
    try:
        import wasmtime  # noqa: F401
        return True
    except ImportError:
        return False


def detect_engines(awsm: Path | None, work: Path) -> dict[str, str]:
    """name -> why it is missing ('' when available)."""
    eng: dict[str, str] = {"native": ""}
    if awsm is None:
        eng["awsm"] = "no awsm binary (cargo build --release, or --awsm PATH)"
    else:
        for s in awsm_strategies(awsm, work):
            eng[f"awsm-{s}"] = ""
    eng["wasm2c"] = "" if shutil.which("wasm2c") and wasm2c_runtime_dir() else "wasm2c or its runtime sources missing"
    eng["wasmtime"] = "" if wasmtime_available() else "pip install wasmtime"
    eng["node"] = "" if shutil.which("node") else "node not installed"
    return eng


# ----------------------------------------------------------------------------
# Building


class Builder:
    def __init__(self, build_root: Path, quick: bool, awsm: Path | None):
        self.root = build_root
        self.quick = quick
        self.awsm = awsm
        self.defs = ["-DQUICK"] if quick else []
        self.failed_wasm: dict[str, str] = {}

    def dir(self, b: Bench) -> Path:
        return self.root / b.name

    def native(self, b: Bench) -> Path:
        out = self.dir(b) / "native"
        cmd = [CLANG, "-O2", *self.defs, *b.cflags, *map(str, b.sources), "-o", str(out), "-lm"]
        build_step([cmd], b.sources, out)
        return out

    def wasm(self, b: Bench) -> Path:
        if b.name in self.failed_wasm:  # do not retry a failed build for every engine
            raise RuntimeError(self.failed_wasm[b.name])
        try:
            return self._wasm(b)
        except RuntimeError as e:
            self.failed_wasm[b.name] = str(e)
            raise

    def _wasm(self, b: Bench) -> Path:
        out = self.dir(b) / "module.wasm"
        cmd = [CLANG, WASI_TARGET, "-O2", *WASM_CFLAGS, *self.defs, *b.cflags, *b.wasm_cflags, *map(str, b.sources),
               "-o", str(out), *WASM_LDFLAGS, "-lm"]
        build_step([cmd], b.sources, out)
        return out

    def awsm_cmd(self, wasm: Path, out: Path, strategy: str | None, opt: str = "-O2") -> list[str]:
        assert self.awsm is not None
        cmd = [str(self.awsm), str(wasm), "-o", str(out), opt]
        if strategy:
            cmd += ["--bounds-checks", strategy]
        return cmd

    def awsm_exe(self, b: Bench, strategy: str) -> Path:
        wasm = self.wasm(b)
        out = self.dir(b) / f"awsm-{strategy}"
        build_step([self.awsm_cmd(wasm, out, strategy)], [wasm, self.awsm], out)  # type: ignore[list-item]
        return out

    def wasm2c_cmds(self, wasm: Path, d: Path) -> tuple[list[list[str]], Path]:
        rt = wasm2c_runtime_dir()
        assert rt is not None
        stubs = d / "wasm2c_stubs.c"
        exe = d / "wasm2c"
        c = d / "module.c"
        return [
            ["wasm2c", str(wasm), "-o", str(c), "-n", "bench"],
            [sys.executable, str(Path(__file__)), "--_wasm2c-stubs", str(d / "module.h"), str(stubs)],
            [CLANG, "-O2", f"-I{d}", f"-I{rt}", "-w", str(c), str(HERE / "hosts/wasm2c_host.c"), str(stubs),
             str(rt / "wasm-rt-impl.c"), "-o", str(exe), "-lm"],
        ], exe

    def wasm2c_exe(self, b: Bench) -> Path:
        wasm = self.wasm(b)
        d = self.dir(b) / "w2c"
        cmds, exe = self.wasm2c_cmds(wasm, d)
        build_step(cmds, [wasm, HERE / "hosts/wasm2c_host.c"], exe)
        return exe

    def command(self, b: Bench, engine: str) -> list[str]:
        """Build what engine needs; return the command that runs the benchmark."""
        if engine == "native":
            return [str(self.native(b))]
        if engine.startswith("awsm-"):
            return [str(self.awsm_exe(b, engine[len("awsm-"):]))]
        if engine == "wasm2c":
            return [str(self.wasm2c_exe(b))]
        if engine == "wasmtime":
            return [sys.executable, str(HERE / "hosts/wasmtime_run.py"), str(self.wasm(b))]
        if engine == "node":
            return ["node", "--no-warnings", "--experimental-wasi-unstable-preview1",
                    str(HERE / "hosts/node_run.mjs"), str(self.wasm(b))]
        raise ValueError(engine)


WASI_STUB_RE = re.compile(r"^(u32|u64|void|f32|f64) (Z_wasi_snapshot_preview1Z_\w+)\((.*)\);$", re.M)


def write_wasm2c_stubs(header: Path, out: Path) -> None:
    """ENOSYS stubs for every WASI import in header that hosts/wasm2c_host.c lacks."""
    host = (HERE / "hosts/wasm2c_host.c").read_text()
    defined = set(re.findall(r"\b(Z_wasi_snapshot_preview1Z_\w+)\(", host))
    lines = ['#include "module.h"', "/* generated by run.py: WASI calls the host does not implement */"]
    for ret, name, params in WASI_STUB_RE.findall(header.read_text()):
        if name in defined:
            continue
        args = ", ".join(f"{t.strip()} a{i}" for i, t in enumerate(params.split(",")))
        body = "" if ret == "void" else " return 52; /* ENOSYS */"
        lines.append(f"{ret} {name}({args}) {{{body} }}")
    out.write_text("\n".join(lines) + "\n")


# ----------------------------------------------------------------------------
# Running


TIME_RE = re.compile(r"AWSM_BENCH compile=([0-9.e+-]+) run=([0-9.e+-]+)")


@dataclass
class Result:
    bench: str
    group: str
    engine: str
    status: str  # ok | mismatch | failed | timeout | skipped | build-failed
    times: list[float] = field(default_factory=list)
    note: str = ""
    # False when `times` are only min, median and max (an old results.csv):
    # they cannot be paired repetition by repetition.
    per_run: bool = True

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")


def measure(cmd: list[str], timeout: float) -> tuple[Proc, float]:
    """Run once; the time is the engine's own report if it prints one
    (wasmtime, node: compile excluded), else wall time."""
    p = run(cmd, timeout=timeout)
    m = TIME_RE.search(p.err)
    t = float(m.group(2)) if m else p.wall
    p.err = TIME_RE.sub("", p.err)
    return p, t


# ----------------------------------------------------------------------------
# Reports


def write_reports(out: Path, results: list[Result], engines: list[str], args) -> None:
    out.mkdir(parents=True, exist_ok=True)
    native = {r.bench: r.median for r in results if r.engine == "native" and r.status == "ok"}
    with open(out / "results.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["benchmark", "group", "engine", "status", "median_s", "min_s", "max_s", "reps",
                    "slowdown_vs_native", "note", "times_s"])
        for r in results:
            ok = r.status == "ok" and r.times
            sd = r.median / native[r.bench] if ok and r.bench in native else ""
            w.writerow([r.bench, r.group, r.engine, r.status,
                        f"{r.median:.4f}" if ok else "", f"{min(r.times):.4f}" if ok else "",
                        f"{max(r.times):.4f}" if ok else "", len(r.times), f"{sd:.4f}" if sd != "" else "",
                        " ".join(r.note.split()), " ".join(f"{t:.4f}" for t in r.times) if ok else ""])

    by = {(r.bench, r.engine): r for r in results}
    benches: list[tuple[str, str]] = []
    for r in results:
        if (r.bench, r.group) not in benches:
            benches.append((r.bench, r.group))
    wasm_engines = [e for e in engines if e != "native"]
    lines = [f"Times are medians of {args.reps} run(s), seconds; (x) = slowdown vs native.", ""]
    lines.append("| benchmark | native | " + " | ".join(wasm_engines) + " |")
    lines.append("|---|---:|" + "---:|" * len(wasm_engines))
    for bench, _group in benches:
        nat = by.get((bench, "native"))
        row = [bench, f"{nat.median:.3f}" if nat and nat.status == "ok" else (nat.status if nat else "-")]
        for e in wasm_engines:
            r = by.get((bench, e))
            if r is None:
                row.append("-")
            elif r.status != "ok":
                row.append(f"**{r.status.upper()}**")
            elif bench in native:
                row.append(f"{r.median:.3f} ({r.median / native[bench]:.2f}x)")
            else:
                row.append(f"{r.median:.3f}")
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", "Geometric-mean slowdown vs native (benchmarks where the engine ran correctly):", ""]
    groups = [g for g in ("polybench", "classic", "real") if any(gr == g for _, gr in benches)]
    lines.append("| engine | " + " | ".join(groups) + " | all |")
    lines.append("|---|" + "---:|" * (len(groups) + 1))
    for e in wasm_engines:
        row = [e]
        for g in groups + ["all"]:
            xs = [by[(b, e)].median / native[b] for b, gr in benches
                  if (g == "all" or gr == g) and (b, e) in by and by[(b, e)].status == "ok" and b in native]
            n_all = sum(1 for b, gr in benches if g == "all" or gr == g)
            row.append(f"{geomean(xs):.3f}x ({len(xs)}/{n_all})" if xs else "-")
        lines.append("| " + " | ".join(row) + " |")
    # Under machine load the minimum is the least disturbed run: a second view.
    native_min = {r.bench: min(r.times) for r in results if r.engine == "native" and r.status == "ok" and r.times}
    lines += ["", "Same, from the fastest run of each (min time / native min time):", ""]
    lines.append("| engine | " + " | ".join(groups) + " | all |")
    lines.append("|---|" + "---:|" * (len(groups) + 1))
    for e in wasm_engines:
        row = [e]
        for g in groups + ["all"]:
            xs = [min(by[(b, e)].times) / native_min[b] for b, gr in benches
                  if (g == "all" or gr == g) and (b, e) in by and by[(b, e)].status == "ok"
                  and by[(b, e)].times and b in native_min]
            row.append(f"{geomean(xs):.3f}x" if xs else "-")
        lines.append("| " + " | ".join(row) + " |")
    lines += paired_against_wasm2c(by, [b for b, _ in benches], wasm_engines)
    fails = [r for r in results if r.status not in ("ok",)]
    if fails:
        lines += ["", "Failures:", ""]
        for r in fails:
            lines.append(f"- {r.bench} / {r.engine}: {r.status} {' '.join(r.note.split())[:200]}")
    (out / "results.md").write_text("\n".join(lines) + "\n")

    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log("matplotlib not installed: skipping slowdown.png (pip install matplotlib)")
        return
    names = [b for b, _ in benches if b in native]
    if not names or not wasm_engines:
        return
    fig, ax = plt.subplots(figsize=(min(24, max(10, 0.4 * len(names))), 6))
    width = 0.8 / len(wasm_engines)
    for k, e in enumerate(wasm_engines):
        ys = [by[(b, e)].median / native[b] if (b, e) in by and by[(b, e)].status == "ok" else 0 for b in names]
        ax.bar([i + k * width for i in range(len(names))], ys, width, label=e)
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.set_xticks([i + 0.4 - width / 2 for i in range(len(names))])
    ax.set_xticklabels(names, rotation=75, fontsize=8)
    ax.set_yscale("log")
    ax.set_ylabel("slowdown vs native clang -O2 (log scale)")
    ax.set_title("awsm benchmarks: time / native time (lower is better)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "slowdown.png", dpi=110)
    plt.close(fig)


def paired_against_wasm2c(by: dict, benches: list[str], engines: list[str]) -> list[str]:
    """Each awsm engine against wasm2c, run by run. The engines of one
    repetition run back to back, so the ratio of their two times in the same
    repetition cancels most of a change in machine load; a difference of a
    few percent between two medians does not. Verdict: "slower" only when
    awsm lost every repetition (at least 3; a sign test at p <= 2^-n if the
    two were equally fast), "faster" when it won every one, otherwise
    "within noise"."""
    awsm = [e for e in engines if e.startswith("awsm-")]
    if "wasm2c" not in engines or not awsm:
        return []
    lines = ["", "Against wasm2c, repetition by repetition (median of the per-repetition time ratios "
             "awsm / wasm2c; won = repetitions where awsm was faster):", "",
             "| benchmark | " + " | ".join(awsm) + " |", "|---|" + "---:|" * len(awsm)]
    slower: dict[str, list[str]] = {e: [] for e in awsm}
    compared = 0
    for b in benches:
        w = by.get((b, "wasm2c"))
        row = [b]
        for e in awsm:
            a = by.get((b, e))
            if not (a and w and a.status == "ok" and w.status == "ok" and a.per_run and w.per_run) \
                    or len(a.times) != len(w.times):
                row.append("-")
                continue
            compared += 1
            ratios = [x / y for x, y in zip(a.times, w.times)]
            won = sum(r < 1 for r in ratios)
            n = len(ratios)
            verdict = ("slower" if won == 0 and n >= 3 else "faster" if won == n and n >= 3 else "within noise")
            if verdict == "slower":
                slower[e].append(b)
            cell = f"{statistics.median(ratios):.3f} (won {won}/{n}, {verdict})"
            row.append(f"**{cell}**" if verdict == "slower" else cell)
        lines.append("| " + " | ".join(row) + " |")
    if not compared:
        return []
    lines.append("")
    for e in awsm:
        lines.append(f"- {e}: slower than wasm2c in every repetition on "
                     + (", ".join(slower[e]) if slower[e] else "no benchmark") + ".")
    return lines


# ----------------------------------------------------------------------------
# Compile-time table


def compile_table(benches: list[Bench], builder: Builder, engines: dict[str, str], out: Path,
                  timeout: float) -> None:
    """awsm -O0 / -O2, wasm2c + clang -O2, wasmtime (Cranelift) and node: wall
    time and peak RSS of compiling each module (freshly, in a scratch dir)."""
    scratch = builder.root / "_compile"
    rows = []
    cols = []
    if builder.awsm:
        cols += ["awsm -O0", "awsm -O2"]
    if not engines.get("wasm2c"):
        cols.append("wasm2c+clang -O2")
    if not engines.get("wasmtime"):
        cols.append("wasmtime")
    if not engines.get("node"):
        cols.append("node (TurboFan)")
    for i, b in enumerate(benches):
        try:
            b.prepare(HERE / ".cache")
            wasm = builder.wasm(b)
        except Exception as e:  # noqa: BLE001
            log(f"compile table: {b.name}: {e}")
            continue
        size = wasm.stat().st_size
        row = {"module": b.name, "wasm_bytes": size}
        for col in cols:
            d = scratch / b.name
            if d.exists():
                shutil.rmtree(d)
            d.mkdir(parents=True)
            log(f"[compile {i + 1}/{len(benches)}] {b.name}: {col}")
            try:
                if col.startswith("awsm"):
                    p = run(builder.awsm_cmd(wasm, d / "exe", None, col.split()[1]), timeout=timeout, rss=True)
                    t, rss, ok = p.wall, p.maxrss_kb, p.code == 0
                elif col.startswith("wasm2c"):
                    cmds, _ = builder.wasm2c_cmds(wasm, d)
                    t, rss, ok = 0.0, 0, True
                    for c in cmds:
                        p = run(c, timeout=timeout, rss=True)
                        t += p.wall
                        rss = max(rss, p.maxrss_kb)
                        ok = ok and p.code == 0
                elif col == "wasmtime":
                    p = run([sys.executable, str(HERE / "hosts/wasmtime_run.py"), str(wasm), "--compile-only"],
                            timeout=timeout, rss=True)
                    m = TIME_RE.search(p.err)
                    t, rss, ok = (float(m.group(1)) if m else p.wall), p.maxrss_kb, p.code == 0
                else:
                    # eager TurboFan compilation of every function, so the time means something
                    p = run(["node", "--no-warnings", "--no-wasm-lazy-compilation", "--no-liftoff",
                             str(HERE / "hosts/node_run.mjs"), str(wasm), "--compile-only"],
                            timeout=timeout, rss=True)
                    m = TIME_RE.search(p.err)
                    t, rss, ok = (float(m.group(1)) if m else p.wall), p.maxrss_kb, p.code == 0
            except Exception as e:  # noqa: BLE001
                t, rss, ok = float("nan"), 0, False
                log(f"  {e}")
            row[col] = (t, rss, ok)
        rows.append(row)
    shutil.rmtree(scratch, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "compile.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["module", "wasm_bytes", "compiler", "ok", "wall_s", "peak_rss_mib"])
        for r in rows:
            for col in cols:
                t, rss, ok = r[col]
                w.writerow([r["module"], r["wasm_bytes"], col, ok, f"{t:.3f}", f"{rss / 1024:.1f}"])
    lines = ["Wall time in seconds / peak RSS in MiB of compiling each .wasm module. "
             "awsm: the whole `awsm in.wasm -o exe` (including the system link); "
             "wasm2c: wasm2c + clang-19 -O2 of its output, host and runtime (max RSS of the steps); "
             "wasmtime: Module() in the wasmtime PyPI package (RSS includes the Python interpreter); "
             "node: WebAssembly.compile with --no-wasm-lazy-compilation --no-liftoff (every "
             "function through TurboFan; RSS includes node itself).", "",
             "| module | wasm KiB | " + " | ".join(cols) + " |",
             "|---|---:|" + "---:|" * len(cols)]
    for r in rows:
        cells = []
        for col in cols:
            t, rss, ok = r[col]
            cells.append(f"{t:.2f} s / {rss / 1024:.0f} MiB" if ok else "**FAILED**")
        lines.append(f"| {r['module']} | {r['wasm_bytes'] // 1024} | " + " | ".join(cells) + " |")
    if rows:
        lines.append("| **geomean time** | | " + " | ".join(
            f"{geomean([r[c][0] for r in rows if r[c][2]]):.2f} s" for c in cols) + " |")
    (out / "compile.md").write_text("\n".join(lines) + "\n")


# ----------------------------------------------------------------------------


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--_wasm2c-stubs":
        write_wasm2c_stubs(Path(sys.argv[2]), Path(sys.argv[3]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="tiny datasets (-DQUICK): checks the harness, not speed")
    ap.add_argument("--engines", help="comma-separated engines (default: all available); "
                    "e.g. native,awsm-guard-pages,awsm-explicit,wasm2c,wasmtime,node")
    ap.add_argument("--exclude-engines", default="", help="comma-separated engines to leave out")
    ap.add_argument("--filter", default="", help="regex on benchmark names (re.search)")
    ap.add_argument("--reps", type=int, default=3, help="runs per benchmark and engine; the median is reported")
    ap.add_argument("--out", type=Path, help="output directory (default code_benches/results[-quick])")
    ap.add_argument("--build-dir", type=Path, help="build cache (default code_benches/build/<full|quick>)")
    ap.add_argument("--awsm", help="awsm binary (default target/release/awsm)")
    ap.add_argument("--timeout", type=float, default=None, help="seconds per run (default 600, quick 60)")
    ap.add_argument("--no-compile-table", action="store_true", help="skip the compile-time table")
    ap.add_argument("--compile-table-only", action="store_true", help="only the compile-time table")
    ap.add_argument("--from-csv", type=Path, help="rewrite results.md/slowdown.png from a results.csv "
                    "(every run's time when it has a times_s column, else min, median, max)")
    ap.add_argument("--list", action="store_true", help="list benchmarks and detected engines, then exit")
    args = ap.parse_args()
    if args.reps < 1 and not args.from_csv:
        ap.error("--reps must be at least 1")

    if args.from_csv:
        rows = list(csv.DictReader(open(args.from_csv)))
        results = []
        for r in rows:
            if r["status"] != "ok":
                times = []
            elif r.get("times_s"):
                times = [float(t) for t in r["times_s"].split()]
            else:
                times = [float(r[k]) for k in ("min_s", "median_s", "max_s") if r[k]]
            results.append(Result(r["benchmark"], r["group"], r["engine"], r["status"], times, r["note"],
                                  per_run=bool(r.get("times_s"))))
        engines = list(dict.fromkeys(r.engine for r in results))
        args.reps = max((int(r["reps"]) for r in rows), default=0)
        write_reports(args.out or args.from_csv.parent, results, engines, args)
        return 0
    mode = "quick" if args.quick else "full"
    build_root = args.build_dir.resolve() if args.build_dir else HERE / "build" / mode
    out = args.out or HERE / ("results-quick" if args.quick else "results")
    timeout = args.timeout or (60.0 if args.quick else 600.0)
    awsm = find_awsm(args.awsm)
    available = detect_engines(awsm, build_root)
    benches = [b for b in all_benches() if re.search(args.filter, b.name)]
    if args.engines:
        engines = [e.strip() for e in args.engines.split(",") if e.strip()]
        for e in engines:
            if e not in available:
                log(f"unknown engine {e}; known: {', '.join(k for k in available if not available[k])}")
                return 2
            if available[e]:
                log(f"engine {e} unavailable: {available[e]}")
                return 2
        if "native" not in engines:
            engines.insert(0, "native")  # the reference output and time
    else:
        engines = [e for e, why in available.items() if not why]
        for e, why in available.items():
            if why:
                log(f"skipping engine {e}: {why}")
    excluded = {e.strip() for e in args.exclude_engines.split(",") if e.strip()}
    engines = [e for e in engines if e not in excluded or e == "native"]
    if args.list:
        print("benchmarks:", " ".join(b.name for b in benches))
        print("engines:", " ".join(engines))
        return 0
    if shutil.which(CLANG) is None:
        log(f"{CLANG} not found")
        return 2
    log(f"benchmarks: {len(benches)}; engines: {', '.join(engines)}; reps {args.reps}; mode {mode}")
    builder = Builder(build_root, args.quick, awsm)
    cache = HERE / ".cache"
    t_start = time.time()

    results: list[Result] = []
    if not args.compile_table_only:
        total = len(benches) * len(engines)
        n = 0
        for b in benches:
            try:
                b.prepare(cache)
            except Exception as e:  # noqa: BLE001
                log(f"{b.name}: skipped: {e}")
                for eng in engines:
                    results.append(Result(b.name, b.group, eng, "skipped", note=str(e)[:300]))
                n += len(engines)
                continue
            # Build everything first, then interleave the engines within each
            # repetition (native, awsm, ..., native, awsm, ...) so a change in
            # machine load hits every engine alike rather than one of them.
            cmds: dict[str, list[str]] = {}
            res_of: dict[str, Result] = {}
            for eng in engines:
                res_of[eng] = Result(b.name, b.group, eng, "ok")
                try:
                    log(f"[{time.time() - t_start:5.0f}s] {b.name}: building for {eng}")
                    cmds[eng] = builder.command(b, eng)
                except Exception as e:  # noqa: BLE001
                    log(f"  build failed: {str(e)[:500]}")
                    res_of[eng].status, res_of[eng].note = "build-failed", str(e)[:600]
            ref: Proc | None = None
            for rep in range(args.reps):
                for eng in engines:
                    res = res_of[eng]
                    if res.status != "ok":
                        continue
                    if eng != "native" and ref is None:
                        res.status, res.note = "failed", "no native reference output"
                        continue
                    p, t = measure(cmds[eng], timeout)
                    if p.timed_out:
                        res.status, res.note = "timeout", f"> {timeout:.0f} s"
                    elif eng == "native" and p.code != 0:
                        res.status, res.note = "failed", f"exit {p.code}: {p.err[-300:]}"
                    elif eng == "native":
                        ref = ref or p
                    elif p.out == ref.out and p.code < 0:  # type: ignore[union-attr]
                        # right output, then killed by a signal: the engine itself crashed
                        res.status = "crashed"
                        res.note = f"signal {-p.code} after printing the expected output; {p.err[-200:]}"
                    elif p.out != ref.out or p.code != ref.code:  # type: ignore[union-attr]
                        res.status = "mismatch"
                        res.note = (f"exit {p.code} vs {ref.code}; stdout {p.out[:120]!r} vs "  # type: ignore[union-attr]
                                    f"{ref.out[:120]!r}; {p.err[-200:]}")  # type: ignore[union-attr]
                    if res.status == "ok":
                        res.times.append(t)
                    n_done = sum(len(r.times) for r in res_of.values())
                    log(f"[{time.time() - t_start:5.0f}s] {b.name:16s} rep {rep + 1}/{args.reps} {eng:18s} "
                        + (f"{t:8.3f} s" if res.status == "ok" else res.status.upper()) + f"  ({n_done} runs)")
            for eng in engines:
                n += 1
                res = res_of[eng]
                prefix = f"[{n}/{total} {time.time() - t_start:5.0f}s] {b.name:16s} {eng:18s}"
                if res.status == "ok":
                    log(f"{prefix} {res.median:8.3f} s  (min {min(res.times):.3f}, max {max(res.times):.3f})")
                else:
                    log(f"{prefix} {res.status.upper()}: {res.note[:300]}")
                results.append(res)
            write_reports(out, results, engines, args)  # partial results survive an interrupted run
        write_reports(out, results, engines, args)
        log(f"wrote {out / 'results.md'} ({time.time() - t_start:.0f} s)")
    if not args.no_compile_table:
        compile_table(benches, builder, available, out, timeout)
        log(f"wrote {out / 'compile.md'} ({time.time() - t_start:.0f} s)")
    bad = [r for r in results if r.status not in ("ok", "skipped")]
    print(f"benchmark harness: {len(results) - len(bad)} passed, {len(bad)} failed", flush=True)
    if args.quick:
        print((out / "results.md").read_text() if (out / "results.md").exists() else "")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
