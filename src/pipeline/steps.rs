//! Running the steps `plan` chose: the state they share (context,
//! target machine, the guest module as it goes) and what each does.

use super::{Config, StepId, Stop, plan};
use crate::abi::strategy::Strategy;
use crate::error::{Error, ErrorKind, Result};
use crate::module::ModuleInfo;
use crate::target::board::Board;
use crate::target::link::{self, Emit, Linker};
use crate::target::{self, TargetInfo, firmware};
use crate::translate::{ModuleCtx, TranslateOptions};
use inkwell::context::Context;
use inkwell::module::Module;
use inkwell::targets::TargetMachine;
use std::path::Path;

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
            StepId::KeepLoads => crate::passes::keep_loads::keep_loads(guest)?,
            StepId::Llvm if config.split_llvm() => {
                let (simplify, _) =
                    super::llvm::halves(config.target.triple, config.opt_level, self.unrolls())?;
                target::optimize_with(guest, tm, config.opt_level, &simplify)?
            }
            StepId::Llvm => target::optimize(guest, tm, config.opt_level)?,
            StepId::ReleaseLoads | StepId::ReleaseLoadsAtO0 => {
                crate::passes::keep_loads::release_loads(guest)?
            }
            StepId::LlvmOptimization => {
                let (_, optimize) =
                    super::llvm::halves(config.target.triple, config.opt_level, self.unrolls())?;
                target::optimize_with(guest, tm, config.opt_level, &optimize)?
            }
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

    fn unrolls(&self) -> bool {
        target::unrolls(self.c.config.opt_level, &self.c.tm)
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
    let g = m.add_global(cx.i32_type(), None, crate::abi::constants::MASK_BITS.name);
    g.set_initializer(&cx.i32_type().const_int(bits as u64, false));
    g.set_constant(true);
}
