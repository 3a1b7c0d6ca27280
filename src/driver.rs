//! The pipeline as one call: read → validate → translate → link with the
//! runtime bitcode → internalize → optimise → emit.

use crate::abi::strategy::Strategy;
use crate::error::{Error, ErrorKind, Result};
use crate::module::ModuleInfo;
pub use crate::opt_level::OptLevel;
use crate::target::board::{FIRMWARE_EXTERNAL_SYMBOLS, SIZE_LEVEL_HELPERS};
use crate::target::firmware::{self, CortexMConstants};
use crate::target::link::{self, Emit, Linker};
use crate::target::{self, Board, Os, TargetInfo};
use crate::translate::{ModuleCtx, TranslateOptions};
use inkwell::attributes::AttributeLoc;
use inkwell::context::Context;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::module::{Linkage, Module};
use std::path::PathBuf;

mod runtime_index {
    include!(concat!(env!("OUT_DIR"), "/runtime_index.rs"));
}

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

/// Options only some targets use: Cortex-M firmware. Separate from
/// `Options` so code that builds an `Options` literal keeps compiling.
#[derive(Clone, Debug, Default)]
pub struct TargetOptions {
    /// `--board`: link Cortex-M firmware for this board.
    pub board: Option<String>,
    /// `--page-size`: wasm page size in bytes on Cortex-M (a power of two,
    /// 1 KiB to 64 KiB; not spec-conformant below 64 KiB).
    pub page_size: Option<u32>,
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
    let tm = target.machine(opts.opt_level.speed(), board)?;
    let runtime = load_bitcode(&cx, runtime_index::RUNTIMES, target.triple, "runtime")?;
    if target.os == Os::CortexM && emit == Emit::Exe {
        check_firmware_wasi(&info, &runtime)?;
        target::board::check_start_type(&info)?;
    }
    let tr_opts = TranslateOptions {
        strategy,
        prefix: prefix.clone(),
        inline_constant_globals: opts.inline_constant_globals,
        fast_unsafe: opts.fast_unsafe,
        runtime_globals: opts.runtime_globals,
        entry_module: emit == Emit::Exe,
        guest_section: target.os == Os::Linux,
        version_loops: version_loops(target.os, opts.opt_level, strategy),
        unroll_data_loops: group_checks(target.os, opts.opt_level, strategy),
        generic_calls: !(target.os == Os::CortexM && emit == Emit::Exe),
        page_shift: (target.os == Os::CortexM).then_some(page_shift),
    };
    let versioned = tr_opts.version_loops;
    let hoist = strategy == Strategy::Explicit && versioned;
    let translated = ModuleCtx::new(&cx, &info, tr_opts, target.layout(), &runtime)?.translate()?;
    let guest = translated.module;
    if target.os == Os::CortexM {
        let static_bytes = match (emit, board) {
            (Emit::Exe, Some(board)) => firmware::static_memory_bytes(&info, strategy, page_shift, board),
            _ => 0,
        };
        let consts = CortexMConstants {
            page_shift,
            static_bytes,
            funcrefs: translated.reads_funcs,
            unbound_imports: translated.unbound_imports,
        };
        firmware::define_cortex_m_constants(&cx, &guest, &info, strategy, &consts);
    } else {
        define_host_mask_bits(&cx, &guest, &info);
    }
    target::configure(&guest, &tm);
    // Rolled-up loops pay off where LLVM vectorizes them; Cortex-M has no
    // vector unit for them and does not unroll at -O2.
    if versioned && target.os == Os::Linux {
        crate::translate::reroll::reroll_loops(&guest, &tm, strategy.addr_fn())?;
    }
    if hoist {
        crate::translate::hoist::hoist_checks(&guest, &tm, strategy.addr_fn())?;
    }
    if group_checks(target.os, opts.opt_level, strategy) {
        crate::translate::grouped::group_checks(&guest, &tm, strategy.addr_fn())?;
    }
    if strategy.mirrored() {
        let array_bases = !strategy.uses_segment_base();
        crate::translate::mirror::widen_addresses(&guest, &tm, strategy.addr_fn(), array_bases)?;
    }
    target::configure(&runtime, &tm);
    strip_target_attributes(&runtime);
    guest.link_in_module(runtime).map_err(|e| Error::backend(format!("linking the runtime: {e}")))?;
    if emit == Emit::Exe {
        let main = load_bitcode(&cx, runtime_index::EXE_MAINS, target.triple, "executable entry")?;
        target::configure(&main, &tm);
        strip_target_attributes(&main);
        guest.link_in_module(main).map_err(|e| Error::backend(format!("linking main: {e}")))?;
    }
    if target.os == Os::CortexM {
        target::arm::size_attributes(&cx, &guest);
    }
    crate::opt_level::size_attributes(&cx, &guest, opts.opt_level);
    crate::opt_level::inline_address_function(&cx, &guest, opts.opt_level, strategy.addr_fn());
    if target.x87_float_returns() {
        let c_callable = |name: &str| name == "main" || name.starts_with(&format!("{prefix}_"));
        target::i686::sse_float_returns(&cx, &guest, c_callable);
    }
    if target.os == Os::CortexM {
        firmware::select_copy_helpers(&guest, emit == Emit::Exe && opts.opt_level.for_size());
    }
    set_linkage(&guest, emit, &prefix, target.os);
    target::optimize(&guest, &tm, opts.opt_level)?;
    if target.pointer_bytes == 4 {
        crate::opt_level::expand_wide_constant_divisions(&guest);
    }
    if target.x86() && opts.opt_level.speed() >= 2 {
        target::x86::widen_narrow_logic(&guest);
    }
    if target.os == Os::CortexM && opts.opt_level != OptLevel::O0 {
        target::twin_ivs::merge_twin_ivs(&guest);
    }
    if target.os == Os::CortexM && emit == Emit::Exe {
        target::trap_messages::keep_used_trap_messages(&guest);
    }
    if target.os == Os::CortexM {
        target::arm::legalize_float_intrinsics(&cx, &guest)?;
        target::arm::function_sections(&guest);
    }
    let linker = match emit {
        Emit::Exe | Emit::Shared => Linker::for_target(&target, board)?,
        _ => Linker::for_target(&TargetInfo::find(None)?, None)?, // unused
    };
    link::write(&guest, &tm, emit, &opts.output, &linker)
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

/// `awsm_mask_bits`, the log2 of the mask strategy's arena that
/// runtime/memory/mask.c masks addresses with, from the declared maximum
/// of the module's memory (own or imported). Defined whatever the
/// strategy (the runtime names it); a constant, so LTO folds it.
fn define_host_mask_bits<'ctx>(cx: &'ctx Context, m: &Module<'ctx>, info: &ModuleInfo) {
    let bits = Strategy::host_mask_bits(info.memory.map_or(Some(0), |mem| mem.maximum));
    let g = m.add_global(cx.i32_type(), None, "awsm_mask_bits");
    g.set_initializer(&cx.i32_type().const_int(bits as u64, false));
    g.set_constant(true);
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

fn load_bitcode<'ctx>(
    cx: &'ctx Context,
    table: &[(&str, &[u8])],
    triple: &str,
    what: &str,
) -> Result<Module<'ctx>> {
    let bytes = table.iter().find(|(t, _)| *t == triple).map(|(_, b)| *b).ok_or_else(|| {
        let why = runtime_index::MISSING_RUNTIMES
            .iter()
            .find(|(t, _)| *t == triple)
            .map(|(_, why)| *why)
            .unwrap_or("it was not built");
        Error::new(ErrorKind::Usage, format!("no {what} for target {triple}: {why}"))
    })?;
    let buf = MemoryBuffer::create_from_memory_range_copy(bytes, what);
    Module::parse_bitcode_from_buffer(&buf, cx)
        .map_err(|e| Error::backend(format!("loading {what} bitcode: {e}")))
}

/// The runtime is compiled by clang for a generic CPU; drop its per-
/// function CPU attributes so it inlines into guest code freely.
fn strip_target_attributes(m: &Module) {
    for f in m.get_functions() {
        for attr in ["target-cpu", "target-features", "tune-cpu"] {
            f.remove_string_attribute(AttributeLoc::Function, attr);
        }
    }
}

/// Executables: everything but `main` is internal, so LTO sees all of it.
/// Objects and shared objects: the descriptor and export wrappers stay
/// visible; runtime definitions become weak_odr so several compiled
/// modules can be linked into one host, sharing one runtime.
///
/// Definitions the runtime's C declares weak (Cortex-M's `awsm_trap`, a
/// hook firmware may replace) stay weak in objects. Cortex-M firmware keeps
/// the few symbols newlib and the linker script refer to external, and
/// the copy helpers the backend calls when select_copy_helpers kept them.
fn set_linkage(m: &Module, emit: Emit, prefix: &str, os: Os) {
    let exported = |name: &str| name.starts_with(&format!("{prefix}_"));
    let firmware_external = |name: &str| {
        os == Os::CortexM && (FIRMWARE_EXTERNAL_SYMBOLS.contains(&name) || SIZE_LEVEL_HELPERS.contains(&name))
    };
    for f in m.get_functions() {
        if f.count_basic_blocks() == 0 {
            continue; // a declaration
        }
        let name = f.get_name().to_string_lossy().into_owned();
        let linkage = f.get_linkage();
        if linkage == Linkage::Internal || linkage == Linkage::Private {
            continue;
        }
        if emit == Emit::Exe {
            if name != "main" && !firmware_external(&name) {
                f.set_linkage(Linkage::Internal);
            }
        } else if !exported(&name) && linkage != Linkage::WeakAny {
            f.set_linkage(Linkage::WeakODR);
        }
    }
    for g in m.get_globals() {
        if g.is_declaration() {
            continue;
        }
        let name = g.get_name().to_string_lossy().into_owned();
        let linkage = g.get_linkage();
        if linkage == Linkage::Internal || linkage == Linkage::Private || name.starts_with("llvm.") {
            continue;
        }
        if emit == Emit::Exe {
            g.set_linkage(Linkage::Internal);
        } else if !exported(&name) {
            g.set_linkage(Linkage::WeakODR);
        }
    }
}

/// Whether explicit checks of accesses a constant apart are shared
/// (grouped.rs), and loops exiting on data unrolled once for it
/// (unroll.rs): Cortex-M at -O2 and -O3, where checks are compares. Not
/// at -Os or -Oz: both copy code.
fn group_checks(os: Os, opt_level: OptLevel, strategy: Strategy) -> bool {
    os == Os::CortexM && opt_level.duplicates_code() && strategy == Strategy::Explicit
}

/// Whether counted loops are versioned (translate/versioning.rs): at -O2
/// and -O3 on hosted targets; on Cortex-M only under the explicit
/// strategy, where hoisting their checks (translate/hoist.rs) is worth
/// the flash of the second copy. Never at -Os or -Oz.
fn version_loops(os: Os, opt_level: OptLevel, strategy: Strategy) -> bool {
    opt_level.duplicates_code() && (os == Os::Linux || strategy == Strategy::Explicit)
}
