//! The `awsm` command line. All work happens in `awsm::driver`.

use awsm::driver::{self, Options};
use awsm::pipeline::Stop;
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
    #[arg(required_unless_present = "print_passes")]
    input: Option<PathBuf>,

    /// Where to write the output.
    #[arg(short = 'o', long = "output", value_name = "OUTPUT", required_unless_present = "print_passes")]
    output: Option<PathBuf>,

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

    /// The CPU to generate code for, as clang's -mcpu: its vector ISA is
    /// what SIMD and vectorised loops use. Default: the target's portable
    /// baseline (x86-64: SSE2 only; i686: pentium4; aarch64: generic with
    /// NEON; Cortex-M: cortex-m4). `native` is this machine's CPU; e.g.
    /// x86-64-v3 gives AVX2 (doc/targets.md lists the names).
    #[arg(long, value_name = "NAME")]
    cpu: Option<String>,

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

    /// Print the pipeline this command line runs, one step a line with
    /// why it runs, and exit without compiling (src/pipeline/mod.rs). Without
    /// -o or --emit, the pipeline of an object (.o).
    #[arg(long = "print-passes")]
    print_passes: bool,

    /// Debugging: stop just before pipeline step STEP (as --print-passes
    /// names it) and write the module there as textual IR to OUTPUT.
    #[arg(long = "stop-before", value_name = "STEP", hide = true, conflicts_with = "stop_after")]
    stop_before: Option<String>,

    /// Debugging: as --stop-before, just after STEP.
    #[arg(long = "stop-after", value_name = "STEP", hide = true)]
    stop_after: Option<String>,
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
    // --print-passes without -o shows an object's pipeline.
    let emit = match (&cli.output, emit) {
        (None, None) => Some(Emit::Object),
        (_, emit) => emit,
    };
    let opts = Options {
        input: cli.input.unwrap_or_default(),
        output: cli.output.unwrap_or_default(),
        emit,
        target: cli.target,
        opt_level,
        strategy: cli.bounds_checks,
        name: cli.name,
        inline_constant_globals: cli.inline_constant_globals,
        fast_unsafe: cli.fast_unsafe_implementations,
        runtime_globals: cli.runtime_globals,
    };
    let target_opts = driver::TargetOptions { board: cli.board, page_size: cli.page_size, cpu: cli.cpu };
    if cli.print_passes {
        return match driver::print_passes(&opts, &target_opts) {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("awsm: {e}");
                ExitCode::from(1)
            }
        };
    }
    let stop = match (cli.stop_before, cli.stop_after) {
        (Some(step), _) => Some(Stop::Before(step)),
        (None, Some(step)) => Some(Stop::After(step)),
        (None, None) => None,
    };
    let result = driver::read_input(&opts.input)
        .and_then(|wasm| driver::compile_until(&wasm, &opts, &target_opts, stop.as_ref()));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("awsm: {e}");
            ExitCode::from(1)
        }
    }
}
