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

mod llvm;
mod steps;

pub use llvm::printed as printed_llvm_pipeline;

pub use steps::{Compilation, run};

use crate::abi::strategy::Strategy;
use crate::error::{Error, ErrorKind, Result};
use crate::opt_level::OptLevel;
use crate::target::link::Emit;
use crate::target::{Os, TargetInfo};

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
    pub(crate) fn reroll(&self) -> bool {
        self.version_loops() && self.hosted()
    }

    /// Whether loads whose value dies must be kept for their fault
    /// (passes/keep_loads.rs): the strategies whose bounds check is the
    /// fault. At -O0 no pass deletes loads, but instruction selection
    /// skips unused ones: there release-loads follows keep-loads at once.
    pub(crate) fn keep_loads(&self) -> bool {
        matches!(self.strategy, Strategy::GuardPages | Strategy::Segment)
    }

    /// Whether LLVM's pipeline runs in two halves around release-loads.
    pub(crate) fn split_llvm(&self) -> bool {
        self.keep_loads() && self.opt_level != OptLevel::O0
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
    KeepLoads,
    ReleaseLoadsAtO0,
    Llvm,
    ReleaseLoads,
    LlvmOptimization,
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
        why: "always: wasm to LLVM IR, loops as translate/loop_plans.rs plans them (src/translate/)",
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
        why: "guard pages, none or segment (every level): affine 64-bit addresses (passes/mirror.rs)",
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
        id: StepId::KeepLoads,
        name: "keep-loads",
        why: "guard pages or segment: a sink after each memory load (passes/keep_loads.rs)",
        runs: |c| c.keep_loads(),
    },
    Step {
        id: StepId::ReleaseLoadsAtO0,
        name: "release-loads-o0",
        why: "guard pages or segment at -O0: sinks deleted, unused loads volatile (passes/keep_loads.rs)",
        runs: |c| c.keep_loads() && !c.split_llvm(),
    },
    Step {
        id: StepId::Llvm,
        name: "llvm",
        why: "always: LLVM's own pipeline for the level (target/mod.rs `optimize`)",
        runs: |_| true,
    },
    Step {
        id: StepId::ReleaseLoads,
        name: "release-loads",
        why: "guard pages or segment above -O0: sinks deleted, loads that died volatile (passes/keep_loads.rs)",
        runs: |c| c.split_llvm(),
    },
    Step {
        id: StepId::LlvmOptimization,
        name: "llvm-optimization",
        why: "guard pages or segment above -O0: the optimization half of LLVM's pipeline (pipeline/llvm.rs)",
        runs: |c| c.split_llvm(),
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
        why: "Cortex-M: one section per function, for the linker's --gc-sections (passes/function_sections.rs)",
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
        let (name, why) = match step.id {
            StepId::Llvm if config.split_llvm() => (
                format!("llvm {}", config.opt_level.pipeline()),
                "always: LLVM's pipeline for the level, here its simplification half (pipeline/llvm.rs)"
                    .to_string(),
            ),
            StepId::Llvm => (format!("llvm {}", config.opt_level.pipeline()), step.why.to_string()),
            StepId::Translate => {
                let loops = match (config.version_loops(), config.group_checks()) {
                    (true, true) => "counted loops versioned, data loops unrolled",
                    (true, false) => "counted loops versioned",
                    (false, _) => "loops as written",
                };
                (step.name.to_string(), format!("{} [{loops}]", step.why))
            }
            _ => (step.name.to_string(), step.why.to_string()),
        };
        out.push_str(&format!("{:>3}. {name:<26} {why}\n", n + 1));
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
    pub(crate) fn position(&self, plan: &[&Step]) -> Result<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn config(triple: &str, level: OptLevel, strategy: Option<Strategy>, emit: Emit) -> Config {
        let target = TargetInfo::find(Some(triple)).expect("known target");
        Config { target, opt_level: level, strategy: strategy.unwrap_or(target.default_strategy()), emit }
    }

    fn names(c: &Config) -> Vec<&'static str> {
        plan(c).iter().map(|s| s.name).collect()
    }

    #[test]
    fn every_step_is_listed_once_under_a_unique_name() {
        for (i, s) in STEPS.iter().enumerate() {
            assert!(STEPS[i + 1..].iter().all(|t| t.name != s.name && t.id != s.id), "{}", s.name);
        }
    }

    #[test]
    fn the_newcomers_question_has_a_short_answer() {
        let c = config("aarch64-unknown-linux-gnu", OptLevel::O2, Some(Strategy::Explicit), Emit::Object);
        assert_eq!(
            names(&c),
            [
                "translate",
                "mask-bits",
                "mem2reg",
                "reroll",
                "hoist",
                "link-runtime",
                "linkage",
                "llvm",
                "emit"
            ]
        );
        assert!(describe(&c).contains("llvm default<O2>"));
    }

    #[test]
    fn size_levels_and_o0_run_no_code_copying_pass_but_mirror_runs_everywhere() {
        for level in [OptLevel::O0, OptLevel::Os, OptLevel::Oz] {
            let c = config("x86_64-unknown-linux-gnu", level, None, Emit::Object);
            let n = names(&c);
            assert!(n.contains(&"mem2reg") && n.contains(&"mirror"), "{level}: {n:?}");
            assert!(!n.contains(&"reroll") && !n.contains(&"hoist"), "{level}: {n:?}");
        }
        let c = config("thumbv7em-none-eabihf", OptLevel::Oz, None, Emit::Exe);
        let n = names(&c);
        assert!(!n.contains(&"mem2reg") && n.contains(&"link-main") && n.contains(&"trap-messages"), "{n:?}");
        let c = config("thumbv7em-none-eabihf", OptLevel::O2, None, Emit::Object);
        let n = names(&c);
        let at = |s| n.iter().position(|x| *x == s);
        assert!(at("mem2reg") < at("hoist") && at("hoist") < at("grouped"), "{n:?}");
        assert!(at("llvm") < at("twin-ivs") && at("trap-messages").is_none(), "{n:?}");
    }

    #[test]
    fn fault_strategies_keep_loads_and_split_llvm_above_o0() {
        for strategy in [Strategy::GuardPages, Strategy::Segment] {
            let c = config("x86_64-unknown-linux-gnu", OptLevel::O2, Some(strategy), Emit::Object);
            let n = names(&c);
            let at = |s| n.iter().position(|x| *x == s);
            assert!(at("linkage") < at("keep-loads") && at("keep-loads") < at("llvm"), "{n:?}");
            assert!(
                at("llvm") < at("release-loads") && at("release-loads") < at("llvm-optimization"),
                "{n:?}"
            );
            assert!(describe(&c).contains("simplification half"));
            let c = config("x86_64-unknown-linux-gnu", OptLevel::O0, Some(strategy), Emit::Object);
            let n = names(&c);
            let at = |s| n.iter().position(|x| *x == s);
            assert!(
                at("keep-loads") < at("release-loads-o0") && at("release-loads-o0") < at("llvm"),
                "{n:?}"
            );
            assert!(at("llvm-optimization").is_none() && at("release-loads").is_none(), "{n:?}");
        }
        for strategy in [Strategy::Explicit, Strategy::Mask, Strategy::None] {
            let c = config("x86_64-unknown-linux-gnu", OptLevel::O2, Some(strategy), Emit::Object);
            let n = names(&c);
            assert!(!n.iter().any(|s| s.contains("loads") || *s == "llvm-optimization"), "{strategy}: {n:?}");
        }
    }

    #[test]
    fn a_stop_must_name_a_step_that_runs() {
        let c = config("x86_64-unknown-linux-gnu", OptLevel::O2, None, Emit::Object);
        let p = plan(&c);
        assert_eq!(Stop::After("mirror".into()).position(&p).ok(), p.iter().position(|s| s.name == "mirror"));
        let err = Stop::Before("hoist".into()).position(&p).unwrap_err();
        assert!(err.message.contains("does not run for this command line"), "{}", err.message);
        let err = Stop::Before("licm".into()).position(&p).unwrap_err();
        assert!(err.message.contains("unknown pipeline step 'licm'"), "{}", err.message);
    }
}
