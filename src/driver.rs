//! One compilation: read the input, check the options against the
//! target, load the runtime bitcode, and run the pipeline
//! (src/pipeline/mod.rs, which lists every step and when it runs).

use crate::abi::strategy::Strategy;
use crate::error::{Error, ErrorKind, Result};
use crate::module::ModuleInfo;
pub use crate::opt_level::OptLevel;
use crate::pipeline::{self, Compilation, Config, Stop};
use crate::runtime_bitcode;
use crate::target::link::Emit;
use crate::target::{self, Board, Os, TargetInfo};
use crate::translate::TranslateOptions;
use inkwell::context::Context;
use inkwell::module::Module;
use std::path::PathBuf;

/// Everything the CLI can ask for.
#[derive(Clone, Debug)]
pub struct Options {
    /// Input path; `-` reads stdin.
    pub input: PathBuf,
    pub output: PathBuf,
    /// Output kind; None infers it from the output extension.
    pub emit: Option<Emit>,
    pub target: Option<String>,
    /// `-O0` .. `-O3`, `-Os`, `-Oz` (opt_level.rs).
    pub opt_level: OptLevel,
    /// None picks the target's default.
    pub strategy: Option<String>,
    /// Prefix of exported C symbols; None derives it from the input stem.
    pub name: Option<String>,
    pub inline_constant_globals: bool,
    pub fast_unsafe: bool,
    pub runtime_globals: bool,
}

/// Options of the target machine: the CPU, and Cortex-M firmware. Separate from
/// `Options` so code that builds an `Options` literal keeps compiling.
#[derive(Clone, Debug, Default)]
pub struct TargetOptions {
    /// `--board`: link Cortex-M firmware for this board.
    pub board: Option<String>,
    /// `--page-size`: wasm page size in bytes on Cortex-M (a power of two,
    /// 1 KiB to 64 KiB; not spec-conformant below 64 KiB).
    pub page_size: Option<u32>,
    /// `--cpu`: the CPU to generate code for (target/cpu.rs); None is the
    /// target's portable baseline.
    pub cpu: Option<String>,
}

/// Read the input: a wasm binary, or wasm text (converted with `wat`).
pub fn read_input(path: &PathBuf) -> Result<Vec<u8>> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read stdin: {e}")))?;
        buf
    } else {
        std::fs::read(path)
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read {}: {e}", path.display())))?
    };
    let is_wasm_name = path.extension().is_some_and(|e| e == "wasm");
    if bytes.starts_with(b"\0asm") || (is_wasm_name && !bytes.starts_with(b"(")) {
        return Ok(bytes); // the validator reports a bad magic number with its offset
    }
    wat::parse_bytes(&bytes).map(|b| b.into_owned()).map_err(|e| {
        // wat's message spans several lines (source excerpt); keep the gist.
        let text = e.to_string();
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let msg = lines.next().unwrap_or("syntax error");
        let loc = lines.next().and_then(|l| l.strip_prefix("--> ")).unwrap_or("");
        Error::new(ErrorKind::Invalid, format!("invalid wasm text: {msg} ({loc})"))
    })
}

/// Compile according to `opts`.
pub fn compile(opts: &Options) -> Result<()> {
    compile_with(opts, &TargetOptions::default())
}

/// Compile according to `opts` and the target-specific `topts`.
pub fn compile_with(opts: &Options, topts: &TargetOptions) -> Result<()> {
    let wasm = read_input(&opts.input)?;
    compile_bytes_with(&wasm, opts, topts)
}

/// Compile a wasm binary according to `opts` (input path ignored).
pub fn compile_bytes(wasm: &[u8], opts: &Options) -> Result<()> {
    compile_bytes_with(wasm, opts, &TargetOptions::default())
}

/// Compile a wasm binary according to `opts` and `topts` (input path ignored).
pub fn compile_bytes_with(wasm: &[u8], opts: &Options, topts: &TargetOptions) -> Result<()> {
    compile_until(wasm, opts, topts, None)
}

/// The pipeline's configuration for `opts` and `topts`, checked: target,
/// level, strategy and output kind, and the board and page size they
/// allow. Needs no input, so `--print-passes` uses it too.
pub fn resolve(opts: &Options, topts: &TargetOptions) -> Result<(Config, Option<&'static Board>, u32)> {
    let target = TargetInfo::find(opts.target.as_deref())?;
    let strategy = match &opts.strategy {
        None => target.default_strategy(),
        Some(s) => Strategy::from_name(s).ok_or_else(|| {
            let known: Vec<_> = Strategy::ALL.iter().map(|s| s.name()).collect();
            Error::new(
                ErrorKind::Usage,
                format!("unknown bounds-check strategy '{s}' (known: {})", known.join(", ")),
            )
        })?,
    };
    target.check_strategy(strategy)?;
    let emit = opts.emit.unwrap_or_else(|| Emit::from_path(&opts.output));
    let board = check_target_options(&target, topts, emit)?;
    let page_shift = page_shift(&target, topts.page_size)?;
    Ok((Config { target, opt_level: opts.opt_level, strategy, emit }, board, page_shift))
}

/// `--print-passes`: the pipeline `opts` and `topts` would run, one line
/// per step (src/pipeline/mod.rs).
pub fn print_passes(opts: &Options, topts: &TargetOptions) -> Result<String> {
    let (config, _, _) = resolve(opts, topts)?;
    Ok(pipeline::describe(&config))
}

/// Compile a wasm binary, to the end or, with `stop`, up to a step of
/// the pipeline, writing the module there as textual IR.
pub fn compile_until(wasm: &[u8], opts: &Options, topts: &TargetOptions, stop: Option<&Stop>) -> Result<()> {
    let (config, board, page_shift) = resolve(opts, topts)?;
    let (target, emit) = (config.target, config.emit);
    let prefix = match &opts.name {
        Some(n) if crate::abi::names::is_c_identifier(n) => n.clone(),
        Some(n) => return Err(Error::new(ErrorKind::Usage, format!("--name '{n}' is not a C identifier"))),
        None => {
            let stem = opts.input.file_stem().and_then(|s| s.to_str()).unwrap_or("module");
            crate::abi::names::prefix_from_stem(if stem == "-" { "module" } else { stem })
        }
    };
    let info = ModuleInfo::parse(wasm)?;
    if emit == Emit::Exe {
        check_executable_imports(&info)?;
    }

    let cx = Context::create();
    let tm = target.machine_for_cpu(opts.opt_level.speed(), board, topts.cpu.as_deref())?;
    let runtime = runtime_bitcode::runtime(&cx, target.triple)?;
    if target.os == Os::CortexM && emit == Emit::Exe {
        check_firmware_wasi(&info, &runtime)?;
        target::board::check_start_type(&info)?;
    }
    let translate = TranslateOptions {
        strategy: config.strategy,
        prefix,
        inline_constant_globals: opts.inline_constant_globals,
        fast_unsafe: opts.fast_unsafe,
        runtime_globals: opts.runtime_globals,
        entry_module: emit == Emit::Exe,
        guest_section: target.os == Os::Linux,
        version_loops: config.version_loops(),
        unroll_data_loops: config.group_checks(),
        generic_calls: !(target.os == Os::CortexM && emit == Emit::Exe),
        page_shift: (target.os == Os::CortexM).then_some(page_shift),
    };
    let compilation = Compilation {
        config,
        cx: &cx,
        info: &info,
        tm,
        board,
        page_shift,
        translate,
        runtime: Some(runtime),
        output: &opts.output,
    };
    pipeline::run(compilation, stop)
}

/// `--board` and output kinds per target: Cortex-M executables are
/// firmware for a board; Linux targets have no boards; nothing links a
/// Cortex-M shared object.
fn check_target_options(
    target: &TargetInfo,
    topts: &TargetOptions,
    emit: Emit,
) -> Result<Option<&'static Board>> {
    let usage = |m: String| Err(Error::new(ErrorKind::Usage, m));
    let board = topts.board.as_deref().map(Board::find).transpose()?;
    match target.os {
        Os::Linux if board.is_some() => {
            usage(format!("--board is for Cortex-M targets; {} runs under Linux", target.triple))
        }
        Os::CortexM if emit == Emit::Shared => usage(format!(
            "{} has no shared objects: emit an object (-o x.o) or firmware (--board)",
            target.triple
        )),
        Os::CortexM if emit == Emit::Exe && board.is_none() => {
            let known: Vec<_> = target::board::BOARDS.iter().map(|b| b.name).collect();
            usage(format!(
                "a {} executable is firmware for a board: add --board ({}), or emit an object (-o x.o) \
                 and link it with your own startup code (doc/targets.md)",
                target.triple,
                known.join(", ")
            ))
        }
        _ => Ok(board),
    }
}

/// log2 of the wasm page size: 16 unless `--page-size` (Cortex-M only).
fn page_shift(target: &TargetInfo, page_size: Option<u32>) -> Result<u32> {
    match page_size {
        None | Some(65536) => Ok(16),
        Some(_) if target.os != Os::CortexM => Err(Error::new(
            ErrorKind::Usage,
            format!("--page-size is for Cortex-M targets; {} has 64 KiB wasm pages", target.triple),
        )),
        Some(size) if size.is_power_of_two() && (1024..=65536).contains(&size) => Ok(size.trailing_zeros()),
        Some(size) => Err(Error::new(
            ErrorKind::Usage,
            format!("--page-size {size}: must be a power of two from 1024 to 65536"),
        )),
    }
}

/// Cortex-M firmware has only the freestanding WASI subset of
/// runtime/cortex_m/wasi.c: reject other WASI imports now rather than at
/// instantiation on the device.
fn check_firmware_wasi(info: &ModuleInfo, runtime: &Module) -> Result<()> {
    let missing: Vec<&str> = info
        .imports
        .iter()
        .filter(|imp| imp.module == crate::abi::symbols::WASI_MODULE)
        .filter(|imp| {
            runtime.get_function(&format!("{}{}", crate::abi::symbols::WASI_PREFIX, imp.name)).is_none()
        })
        .map(|imp| imp.name)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::Unsupported,
        format!(
            "Cortex-M firmware has no WASI {} (its freestanding subset: stdout/stderr, clocks, args, environ, proc_exit; doc/targets.md)",
            missing.join(", ")
        ),
    ))
}

/// An executable has no host to supply imports: every function import
/// must be WASI the runtime implements, and nothing else may be imported.
fn check_executable_imports(info: &ModuleInfo) -> Result<()> {
    for imp in &info.imports {
        let is_wasi_fn =
            imp.module == crate::abi::symbols::WASI_MODULE && matches!(imp.ty, wasmparser::TypeRef::Func(_));
        if !is_wasi_fn {
            return Err(Error::new(
                ErrorKind::Unsupported,
                format!(
                    "import {}.{} cannot be satisfied in an executable (only WASI functions can); emit an object (-o x.o) and provide it from a host",
                    imp.module, imp.name
                ),
            ));
        }
    }
    Ok(())
}
