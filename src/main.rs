//! The `awsm` command line. All work happens in `awsm::driver`.

use awsm::driver::{self, Options};
use awsm::target::link::Emit;
use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

mod cache;
mod run;

/// awsm: compile a WebAssembly module ahead of time to sandboxed native code.
///
/// The output kind follows OUTPUT's extension: .bc LLVM bitcode, .ll LLVM IR,
/// .s assembly, .o relocatable object (guest + runtime), .so shared object;
/// anything else is a native executable that runs the module's WASI `_start`.
///
/// `awsm run [OPTIONS] MODULE [ARGS...]` compiles, caches and runs a WASI
/// module instead (`awsm run --help`).
#[derive(Parser, Debug)]
#[command(name = "awsm", version, about, long_about)]
struct Cli {
    /// The module: a .wasm binary or .wat text; `-` reads stdin.
    input: PathBuf,

    /// Where to write the output.
    #[arg(short = 'o', long = "output", value_name = "OUTPUT")]
    output: PathBuf,

    /// Output kind, overriding the extension: bc, ll, asm, obj, shared, exe.
    #[arg(long, value_name = "KIND")]
    emit: Option<String>,

    /// Target triple (default: the host, x86_64-unknown-linux-gnu).
    #[arg(long, value_name = "TRIPLE")]
    target: Option<String>,

    /// Optimisation level: 0-3 for speed (-O0 .. -O3), or s or z for size
    /// (-Os, -Oz: as -O2 without the transformations that copy code, such
    /// as loop versioning and unrolling; functions optimised for size, and
    /// at -Oz for minimum size, by LLVM's size pipeline; doc/targets.md).
    #[arg(short = 'O', value_name = "LEVEL", default_value = "2")]
    opt_level: String,

    /// Cortex-M: build firmware for this board (mps2-an386, mps2-an500) that
    /// runs `_start` under QEMU with semihosting (doc/targets.md).
    #[arg(long, value_name = "BOARD")]
    board: Option<String>,

    /// Cortex-M: wasm page size in bytes, a power of two from 1024 to 65536
    /// (default 65536). Smaller pages let a module declaring one page run
    /// in a few KiB of RAM; not spec-conformant (doc/targets.md).
    #[arg(long = "page-size", value_name = "BYTES")]
    page_size: Option<u32>,

    /// How memory accesses are kept in the sandbox: guard-pages (default on
    /// 64-bit targets: reserved address space, no compare in the code),
    /// explicit (compare and trap on every access), mask (address masked
    /// into a power-of-two arena: out-of-bounds accesses wrap instead of
    /// trapping, NOT spec-conformant), none (no checks: UNSAFE, for
    /// measurement only), or segment (x86-64 Linux: guard pages with the
    /// memory base in %gs, switched when calls cross instances). Not every
    /// target has every one (doc/bounds-checks.md).
    #[arg(long = "bounds-checks", value_name = "STRATEGY")]
    bounds_checks: Option<String>,

    /// Prefix of the exported C symbols (default: from the input file name).
    #[arg(long, value_name = "PREFIX")]
    name: Option<String>,

    /// Replace reads of immutable, non-imported globals by their constant value.
    #[arg(short = 'i', long = "inline-constant-globals")]
    inline_constant_globals: bool,

    /// Fast but unsafe implementations: trapping float-to-int truncations skip
    /// their range checks, so NaN or out-of-range inputs give an unspecified
    /// value instead of a trap. Not spec-conformant.
    #[arg(short = 'u', long = "fast-unsafe-implementations")]
    fast_unsafe_implementations: bool,

    /// Access globals through runtime functions instead of inline loads and
    /// stores, so a host can observe them.
    #[arg(long = "runtime-globals")]
    runtime_globals: bool,
}

fn main() -> ExitCode {
    if std::env::args_os().nth(1).is_some_and(|a| a == "run") {
        return run::main(std::env::args_os().skip(2).collect());
    }
    let cli = Cli::parse();
    let emit = match cli.emit.as_deref().map(|e| (e, Emit::from_name(e))) {
        None => None,
        Some((_, Some(k))) => Some(k),
        Some((e, None)) => {
            eprintln!("awsm: usage error: unknown output kind '{e}' (known: bc, ll, asm, obj, shared, exe)");
            return ExitCode::from(1);
        }
    };
    let opt_level = match driver::OptLevel::parse(&cli.opt_level) {
        Ok(level) => level,
        Err(e) => {
            eprintln!("awsm: {e}");
            return ExitCode::from(1);
        }
    };
    let opts = Options {
        input: cli.input,
        output: cli.output,
        emit,
        target: cli.target,
        opt_level,
        strategy: cli.bounds_checks,
        name: cli.name,
        inline_constant_globals: cli.inline_constant_globals,
        fast_unsafe: cli.fast_unsafe_implementations,
        runtime_globals: cli.runtime_globals,
    };
    let target_opts = driver::TargetOptions { board: cli.board, page_size: cli.page_size };
    match driver::compile_with(&opts, &target_opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("awsm: {e}");
            ExitCode::from(1)
        }
    }
}
