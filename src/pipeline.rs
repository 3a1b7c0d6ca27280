//! The compilation pipeline as one list: every step awsm takes from a
//! validated module to the output file, in order, each with the condition
//! under which it runs.
//!
//! `STEPS` is the whole story: to know what happens to a loop at `-O2
//! --target aarch64-unknown-linux-gnu --bounds-checks explicit`, read the
//! table top to bottom keeping the rows whose condition holds, or run
//! `awsm --print-passes` with that command line. driver.rs checks the
//! options and calls `run`; nothing else decides which step runs.
//!
//! Steps come in four kinds: translation (src/translate/), awsm's IR
//! rewrites (src/passes/, one file each), LLVM's own pipeline
//! (`default<O2>` and friends, with the runtime linked in before it) and
//! emission (src/target/link.rs). The hidden `--stop-before STEP` and
//! `--stop-after STEP` options write the module as it is at that point,
//! as textual IR, for the per-pass IR tests (doc/design.md).

use crate::abi::strategy::Strategy;
use crate::error::{Error, ErrorKind, Result};
use crate::module::ModuleInfo;
use crate::opt_level::OptLevel;
use crate::target::board::Board;
use crate::target::link::{self, Emit, Linker};
use crate::target::{self, Os, TargetInfo, firmware};
use crate::translate::{ModuleCtx, TranslateOptions};
use inkwell::context::Context;
use inkwell::module::Module;
use inkwell::targets::TargetMachine;
use std::path::Path;

/// What decides which steps run: the command line, resolved.
#[derive(Clone, Copy, Debug)]
pub struct Config {
    pub target: TargetInfo,
    pub opt_level: OptLevel,
    pub strategy: Strategy,
    pub emit: Emit,
}

impl Config {
    fn cortex_m(&self) -> bool {
        self.target.os == Os::CortexM
    }

    fn hosted(&self) -> bool {
        self.target.os == Os::Linux
    }

    /// Counted loops are translated twice (translate/loop_plans.rs): at
    /// -O2 and -O3 on hosted targets; on Cortex-M only under the explicit
    /// strategy, where hoisting their checks is worth the flash of the
    /// second copy. Never at -Os or -Oz.
    pub fn version_loops(&self) -> bool {
        self.opt_level.duplicates_code() && (self.hosted() || self.strategy == Strategy::Explicit)
    }

    /// Explicit checks of accesses a constant apart are shared
    /// (passes/grouped.rs), and loops exiting on data translated with
    /// their body twice for it: Cortex-M at -O2 and -O3, where checks are
    /// compares. Not at -Os or -Oz: both copy code.
    pub fn group_checks(&self) -> bool {
        self.cortex_m() && self.opt_level.duplicates_code() && self.strategy == Strategy::Explicit
    }

    /// Rolled-up loops pay off where LLVM vectorizes them; Cortex-M has
    /// no vector unit for them and does not unroll at -O2.
    fn reroll(&self) -> bool {
        self.version_loops() && self.hosted()
    }

    fn hoist(&self) -> bool {
        self.version_loops() && self.strategy == Strategy::Explicit
    }

    /// Whether a pass that reads SSA loops (reroll, hoist, grouped,
    /// mirror) runs, and so mem2reg before them.
    fn loop_passes(&self) -> bool {
        self.reroll() || self.hoist() || self.group_checks() || self.strategy.mirrored()
    }
}

/// One step of the pipeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepId {
    Translate,
    CortexMConstants,
    MaskBits,
    Mem2Reg,
    Reroll,
    Hoist,
    Grouped,
    Mirror,
    LinkRuntime,
    LinkMain,
    CortexMSizeAttributes,
    SizeAttributes,
    InlineAddressFunction,
    SseFloatReturns,
    SelectCopyHelpers,
    Linkage,
    Llvm,
    ExpandWideDivisions,
    WidenNarrowLogic,
    TwinIvs,
    TrapMessages,
    LegalizeFloatIntrinsics,
    FunctionSections,
    Emit,
}

/// A row of the pipeline: a step, when it runs, and why.
pub struct Step {
    pub id: StepId,
    /// The name `--print-passes` shows and `--stop-before`/`--stop-after` take.
    pub name: &'static str,
    /// When it runs and what for, in a line.
    pub why: &'static str,
    runs: fn(&Config) -> bool,
}

/// Every step, in the order they run.
pub const STEPS: &[Step] = &[
    Step {
        id: StepId::Translate,
        name: "translate",
        why: "always: wasm to LLVM IR, versioning counted loops when `version_loops` (src/translate/)",
        runs: |_| true,
    },
    Step {
        id: StepId::CortexMConstants,
        name: "cortex-m-constants",
        why: "Cortex-M: page size, static memory, funcref and import constants the runtime reads",
        runs: |c| c.cortex_m(),
    },
    Step {
        id: StepId::MaskBits,
        name: "mask-bits",
        why: "hosted targets: awsm_mask_bits, the mask strategy's arena size",
        runs: |c| c.hosted(),
    },
    Step {
        id: StepId::Mem2Reg,
        name: "mem2reg",
        why: "a loop pass below runs: wasm locals to SSA, once (skipped if no pass would find work)",
        runs: |c| c.loop_passes(),
    },
    Step {
        id: StepId::Reroll,
        name: "reroll",
        why: "-O2/-O3, hosted: roll clang's unrolled counted loops back up (passes/reroll.rs)",
        runs: |c| c.reroll(),
    },
    Step {
        id: StepId::Hoist,
        name: "hoist",
        why: "-O2/-O3, explicit checks, loops versioned: checks out of counted loops (passes/hoist.rs)",
        runs: |c| c.hoist(),
    },
    Step {
        id: StepId::Grouped,
        name: "grouped",
        why: "-O2/-O3, Cortex-M, explicit checks: one check for accesses a constant apart (passes/grouped.rs)",
        runs: |c| c.group_checks(),
    },
    Step {
        id: StepId::Mirror,
        name: "mirror",
        why: "guard pages or segment (every level): affine 64-bit addresses (passes/mirror.rs)",
        runs: |c| c.strategy.mirrored(),
    },
    Step {
        id: StepId::LinkRuntime,
        name: "link-runtime",
        why: "always: the runtime bitcode for the target and strategy linked into the guest",
        runs: |_| true,
    },
    Step {
        id: StepId::LinkMain,
        name: "link-main",
        why: "executables: the entry point's bitcode (`main`, or the board's start-up)",
        runs: |c| c.emit == Emit::Exe,
    },
    Step {
        id: StepId::CortexMSizeAttributes,
        name: "cortex-m-size-attributes",
        why: "Cortex-M: nounwind everywhere, runtime and wrappers minsize (passes/size_attributes.rs)",
        runs: |c| c.cortex_m(),
    },
    Step {
        id: StepId::SizeAttributes,
        name: "size-attributes",
        why: "-Os/-Oz: optsize (and minsize at -Oz) on every function (passes/size_attributes.rs)",
        runs: |c| c.opt_level.for_size(),
    },
    Step {
        id: StepId::InlineAddressFunction,
        name: "inline-address-function",
        why: "-Os/-Oz: the strategy's address function always inlined (passes/size_attributes.rs)",
        runs: |c| c.opt_level.for_size(),
    },
    Step {
        id: StepId::SseFloatReturns,
        name: "sse-float-returns",
        why: "i686: internal functions return floats in SSE registers, not x87 (passes/sse_float_returns.rs)",
        runs: |c| c.target.x87_float_returns(),
    },
    Step {
        id: StepId::SelectCopyHelpers,
        name: "select-copy-helpers",
        why: "Cortex-M: the runtime's byte-loop memcpy/memset for size-level firmware, newlib's otherwise",
        runs: |c| c.cortex_m(),
    },
    Step {
        id: StepId::Linkage,
        name: "linkage",
        why: "always: internal/weak_odr linkage so LTO sees everything but exports (passes/linkage.rs)",
        runs: |_| true,
    },
    Step {
        id: StepId::Llvm,
        name: "llvm",
        why: "always: LLVM's own pipeline for the level (target/mod.rs `optimize`)",
        runs: |_| true,
    },
    Step {
        id: StepId::ExpandWideDivisions,
        name: "expand-wide-divisions",
        why: "32-bit targets: no optsize where an i64 is divided by a constant (passes/size_attributes.rs)",
        runs: |c| c.target.pointer_bytes == 4,
    },
    Step {
        id: StepId::WidenNarrowLogic,
        name: "widen-narrow-logic",
        why: "x86 at -O2 and above: i8/i16 logic widened to i32 (passes/x86.rs)",
        runs: |c| c.target.x86() && c.opt_level.speed() >= 2,
    },
    Step {
        id: StepId::TwinIvs,
        name: "twin-ivs",
        why: "Cortex-M above -O0: induction variables a constant apart merged (passes/twin_ivs.rs)",
        runs: |c| c.cortex_m() && c.opt_level != OptLevel::O0,
    },
    Step {
        id: StepId::TrapMessages,
        name: "trap-messages",
        why: "Cortex-M firmware: only the trap messages some code can print (passes/trap_messages.rs)",
        runs: |c| c.cortex_m() && c.emit == Emit::Exe,
    },
    Step {
        id: StepId::LegalizeFloatIntrinsics,
        name: "legalize-float-intrinsics",
        why: "Cortex-M: float intrinsics the backend cannot select rewritten (passes/arm_float.rs)",
        runs: |c| c.cortex_m(),
    },
    Step {
        id: StepId::FunctionSections,
        name: "function-sections",
        why: "Cortex-M: one section per function, for the linker's --gc-sections (passes/arm_float.rs)",
        runs: |c| c.cortex_m(),
    },
    Step {
        id: StepId::Emit,
        name: "emit",
        why: "always: the TargetMachine writes the output; the system linker links .so and executables",
        runs: |_| true,
    },
];

/// The steps that run for `config`, in order.
pub fn plan(config: &Config) -> Vec<&'static Step> {
    STEPS.iter().filter(|s| (s.runs)(config)).collect()
}

/// `--print-passes`: one line per step of `config`'s pipeline.
pub fn describe(config: &Config) -> String {
    let mut out = format!(
        "awsm pipeline for --target {} {} --bounds-checks {} --emit {}:\n",
        config.target.triple,
        config.opt_level,
        config.strategy,
        emit_name(config.emit)
    );
    for (n, step) in plan(config).iter().enumerate() {
        let name = match step.id {
            StepId::Llvm => format!("llvm {}", config.opt_level.pipeline()),
            _ => step.name.to_string(),
        };
        out.push_str(&format!("{:>3}. {name:<26} {}\n", n + 1, step.why));
    }
    out
}

fn emit_name(emit: Emit) -> &'static str {
    match emit {
        Emit::Bitcode => "bc",
        Emit::Ir => "ll",
        Emit::Asm => "asm",
        Emit::Object => "obj",
        Emit::Shared => "shared",
        Emit::Exe => "exe",
    }
}

/// Where `--stop-before` / `--stop-after` end the pipeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stop {
    Before(String),
    After(String),
}

impl Stop {
    fn name(&self) -> &str {
        match self {
            Stop::Before(n) | Stop::After(n) => n,
        }
    }

    /// The index in `plan` of the step the stop names, or a usage error
    /// saying that it is unknown or does not run for this command line.
    fn position(&self, plan: &[&Step]) -> Result<usize> {
        let name = self.name();
        if let Some(i) = plan.iter().position(|s| s.name == name) {
            return Ok(i);
        }
        let msg = if STEPS.iter().any(|s| s.name == name) {
            format!(
                "step '{name}' does not run for this command line (awsm --print-passes lists those that do)"
            )
        } else {
            let known: Vec<_> = STEPS.iter().map(|s| s.name).collect();
            format!("unknown pipeline step '{name}' (known: {})", known.join(", "))
        };
        Err(Error::new(ErrorKind::Usage, msg))
    }
}

/// Everything the steps work on: the resolved options, the LLVM context
/// and target machine, and the modules as they go.
pub struct Compilation<'ctx, 'a> {
    pub config: Config,
    pub cx: &'ctx Context,
    pub info: &'a ModuleInfo<'a>,
    pub tm: TargetMachine,
    pub board: Option<&'static Board>,
    pub page_shift: u32,
    /// Translation options (prefix, flags) the translate step uses.
    pub translate: TranslateOptions,
    /// The runtime bitcode, until link-runtime links it in.
    pub runtime: Option<Module<'ctx>>,
    pub output: &'a Path,
}

/// Run the pipeline of `c`, to the end or to `stop`.
pub fn run(c: Compilation<'_, '_>, stop: Option<&Stop>) -> Result<()> {
    let plan = plan(&c.config);
    let stop_at = match stop {
        None => None,
        Some(s) => Some((s.position(&plan)?, matches!(s, Stop::After(_)))),
    };
    let mut state = State { c, guest: None, translated: None };
    for (i, step) in plan.iter().enumerate() {
        if stop_at == Some((i, false)) {
            return state.write_ir();
        }
        state.run(step.id)?;
        if stop_at == Some((i, true)) {
            return state.write_ir();
        }
    }
    Ok(())
}

/// What translation found that later steps need.
struct TranslatedFacts {
    reads_funcs: bool,
    unbound_imports: u32,
}

struct State<'ctx, 'a> {
    c: Compilation<'ctx, 'a>,
    guest: Option<Module<'ctx>>,
    translated: Option<TranslatedFacts>,
}

impl<'ctx> State<'ctx, '_> {
    fn guest(&self) -> Result<&Module<'ctx>> {
        self.guest.as_ref().ok_or_else(|| Error::backend("pipeline: no module before translate"))
    }

    /// The module as it is now, as textual IR, to the output path.
    fn write_ir(&self) -> Result<()> {
        self.guest()?.print_to_file(self.c.output).map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!("cannot write {}: {}", self.c.output.display(), e.to_string_lossy()),
            )
        })
    }

    fn run(&mut self, id: StepId) -> Result<()> {
        let c = &self.c;
        let (cx, tm, config) = (c.cx, &c.tm, c.config);
        let addr_fn = config.strategy.addr_fn();
        if id == StepId::Translate {
            let opts = c.translate.clone();
            let runtime =
                c.runtime.as_ref().ok_or_else(|| Error::backend("pipeline: runtime already linked"))?;
            let translated =
                ModuleCtx::new(cx, c.info, opts, config.target.layout(), runtime)?.translate()?;
            target::configure(&translated.module, tm);
            self.translated = Some(TranslatedFacts {
                reads_funcs: translated.reads_funcs,
                unbound_imports: translated.unbound_imports,
            });
            self.guest = Some(translated.module);
            return Ok(());
        }
        if id == StepId::LinkRuntime {
            let runtime = self.c.runtime.take();
            return self.link(runtime, "the runtime");
        }
        if id == StepId::LinkMain {
            // Loaded only now, as before the pipeline had steps: loading
            // it earlier would let its struct type names take the plain
            // names in the context first.
            let main = crate::runtime_bitcode::executable_entry(self.c.cx, self.c.config.target.triple)?;
            return self.link(Some(main), "main");
        }
        let guest = self.guest()?;
        match id {
            StepId::Translate | StepId::LinkRuntime | StepId::LinkMain => {}
            StepId::CortexMConstants => {
                let facts =
                    self.translated.as_ref().ok_or_else(|| Error::backend("pipeline: not translated"))?;
                let static_bytes = match (config.emit, c.board) {
                    (Emit::Exe, Some(board)) => {
                        firmware::static_memory_bytes(c.info, config.strategy, c.page_shift, board)
                    }
                    _ => 0,
                };
                let consts = firmware::CortexMConstants {
                    page_shift: c.page_shift,
                    static_bytes,
                    funcrefs: facts.reads_funcs,
                    unbound_imports: facts.unbound_imports,
                };
                firmware::define_cortex_m_constants(cx, guest, c.info, config.strategy, &consts);
            }
            StepId::MaskBits => define_host_mask_bits(cx, guest, c.info),
            StepId::Mem2Reg => {
                // Each loop pass used to promote locals itself, and only
                // when it had work: reroll always, the others only when
                // the module calls the address function.
                if config.reroll() || guest.get_function(addr_fn).is_some() {
                    crate::passes::ir::promote_locals(guest, tm)?;
                }
            }
            StepId::Reroll => crate::passes::reroll::reroll_loops(guest, addr_fn)?,
            StepId::Hoist => crate::passes::hoist::hoist_checks(guest, addr_fn)?,
            StepId::Grouped => crate::passes::grouped::group_checks(guest, addr_fn)?,
            StepId::Mirror => {
                let array_bases = !config.strategy.uses_segment_base();
                crate::passes::mirror::widen_addresses(guest, addr_fn, array_bases)?;
            }

            StepId::CortexMSizeAttributes => crate::passes::size_attributes::cortex_m(cx, guest),
            StepId::SizeAttributes => crate::passes::size_attributes::for_level(cx, guest, config.opt_level),
            StepId::InlineAddressFunction => {
                crate::passes::size_attributes::inline_address_function(cx, guest, config.opt_level, addr_fn)
            }
            StepId::SseFloatReturns => {
                let exported = format!("{}_", c.translate.prefix);
                let c_callable = |name: &str| name == "main" || name.starts_with(&exported);
                crate::passes::sse_float_returns::sse_float_returns(cx, guest, c_callable);
            }
            StepId::SelectCopyHelpers => {
                let keep = config.emit == Emit::Exe && config.opt_level.for_size();
                crate::passes::copy_helpers::select_copy_helpers(guest, keep);
            }
            StepId::Linkage => {
                crate::passes::linkage::set_linkage(guest, config.emit, &c.translate.prefix, config.target.os)
            }
            StepId::Llvm => target::optimize(guest, tm, config.opt_level)?,
            StepId::ExpandWideDivisions => {
                crate::passes::size_attributes::expand_wide_constant_divisions(guest)
            }
            StepId::WidenNarrowLogic => crate::passes::x86::widen_narrow_logic(guest),
            StepId::TwinIvs => crate::passes::twin_ivs::merge_twin_ivs(guest),
            StepId::TrapMessages => {
                crate::passes::trap_messages::keep_used_trap_messages(guest);
            }
            StepId::LegalizeFloatIntrinsics => {
                crate::passes::arm_float::legalize_float_intrinsics(cx, guest)?
            }
            StepId::FunctionSections => crate::passes::function_sections::function_sections(guest),
            StepId::Emit => {
                let linker = match config.emit {
                    Emit::Exe | Emit::Shared => Linker::for_target(&config.target, c.board)?,
                    _ => Linker::for_target(&TargetInfo::find(None)?, None)?, // unused
                };
                link::write(guest, tm, config.emit, c.output, &linker)?;
            }
        }
        Ok(())
    }

    /// Link `bitcode` (the runtime or the executable entry), configured
    /// for the target and without its CPU attributes, into the guest.
    fn link(&mut self, bitcode: Option<Module<'ctx>>, what: &str) -> Result<()> {
        let bitcode = bitcode.ok_or_else(|| Error::backend(format!("pipeline: no bitcode for {what}")))?;
        target::configure(&bitcode, &self.c.tm);
        crate::passes::linkage::strip_target_attributes(&bitcode);
        self.guest()?.link_in_module(bitcode).map_err(|e| Error::backend(format!("linking {what}: {e}")))
    }
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
