//! Targets: the triples awsm knows, their CPUs, layouts and memory
//! strategies, the boards firmware can be built for, their
//! TargetMachines, LLVM's optimisation pipeline, and emission of every
//! output kind (`link.rs`, with the system or cross linker for
//! executables). awsm's own IR rewrites are in src/passes/; src/pipeline/mod.rs
//! orders them.
//!
//! Adding a target is one `TargetInfo` entry in `triples.rs`, the one table
//! build.rs shares (how its runtime is compiled), and, if its executables
//! need a different linker, a case in `link.rs`.

pub mod arm;
pub mod board;
pub mod cpu;
pub mod firmware;
pub mod link;
pub mod triples;

use crate::abi::layout::Layout;
use crate::abi::strategy::Strategy;
use crate::error::{Error, ErrorKind, Result};
use crate::opt_level::OptLevel;
use inkwell::OptimizationLevel;
use inkwell::module::Module;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{CodeModel, InitializationConfig, RelocMode, Target, TargetMachine, TargetTriple};

pub use board::Board;
pub use triples::{HOST_TRIPLE, Os, TARGETS, TargetInfo};

impl TargetInfo {
    /// Look up `--target`; None means the host. Accepts `-pc-` for
    /// `-unknown-` and the short forms `i686-linux-gnu` and friends.
    pub fn find(triple: Option<&str>) -> Result<TargetInfo> {
        let wanted = triple.unwrap_or(HOST_TRIPLE);
        let norm = wanted.replace("-pc-", "-unknown-");
        let long = norm.replacen("-linux-", "-unknown-linux-", 1);
        TARGETS.iter().find(|t| t.triple == norm || t.triple == long).copied().ok_or_else(|| {
            let known: Vec<_> = TARGETS.iter().map(|t| t.triple).collect();
            Error::new(
                ErrorKind::Usage,
                format!("unknown target '{wanted}' (known targets: {})", known.join(", ")),
            )
        })
    }

    /// Offsets of the runtime structures on this target.
    pub fn layout(&self) -> Layout {
        Layout::new(self.pointer_bytes, self.u64_align)
    }

    /// The strategy used without `--bounds-checks`.
    pub fn default_strategy(&self) -> Strategy {
        self.strategies[0]
    }

    /// Check that this target's runtime implements `strategy`.
    pub fn check_strategy(&self, strategy: Strategy) -> Result<()> {
        if self.strategies.contains(&strategy) {
            return Ok(());
        }
        let known: Vec<_> = self.strategies.iter().map(|s| s.name()).collect();
        let why = if strategy == Strategy::Segment {
            " (it keeps the memory base in %gs: x86-64 Linux only)"
        } else if strategy.needs_64bit() && self.pointer_bytes != 8 {
            " (it needs a 64-bit address space)"
        } else {
            ""
        };
        Err(Error::new(
            ErrorKind::Usage,
            format!(
                "bounds-check strategy {strategy} is not available on {}{why}; it supports: {}",
                self.triple,
                known.join(", ")
            ),
        ))
    }

    /// Whether the C ABI returns floats in x87 registers, which quiet
    /// signalling NaNs (i686; see `i686.rs`).
    pub fn x87_float_returns(&self) -> bool {
        self.triple.starts_with("i686-")
    }

    /// Whether this is an x86 target (x86-64 or i686).
    pub fn x86(&self) -> bool {
        self.triple.starts_with("x86_64-") || self.triple.starts_with("i686-")
    }

    /// Whether floats use the hardware FPU and registers (eabihf).
    pub fn hard_float(&self) -> bool {
        self.triple.ends_with("eabihf")
    }

    /// Build the TargetMachine for this target; `board` (Cortex-M) may
    /// choose the CPU.
    pub fn machine(&self, opt: u8, board: Option<&Board>) -> Result<TargetMachine> {
        self.machine_for_cpu(opt, board, None)
    }

    /// `machine` with `--cpu` (cpu.rs; None: the baseline), which a board
    /// may not also choose.
    pub fn machine_for_cpu(
        &self,
        opt: u8,
        board: Option<&Board>,
        cpu: Option<&str>,
    ) -> Result<TargetMachine> {
        Target::initialize_all(&InitializationConfig::default());
        // LLVM reads "thumbv7em-none-eabihf" as vendor "none", OS "eabihf"
        // and no environment, which silently means the soft-float ABI;
        // the normalized "thumbv7em-unknown-none-eabihf" is what clang uses.
        let triple = TargetMachine::normalize_triple(&TargetTriple::create(self.triple));
        let target = Target::from_triple(&triple)
            .map_err(|e| Error::backend(format!("LLVM has no target {}: {e}", self.triple)))?;
        let level = match opt {
            0 => OptimizationLevel::None,
            1 => OptimizationLevel::Less,
            2 => OptimizationLevel::Default,
            _ => OptimizationLevel::Aggressive,
        };
        let (cpu, features) = match (board, cpu) {
            (Some(b), None) => {
                (b.cpu.to_string(), if self.hard_float() { "" } else { self.features }.to_string())
            }
            (None, cpu) => self.cpu_and_features(cpu)?,
            (Some(b), Some(_)) => {
                return Err(Error::new(
                    ErrorKind::Usage,
                    format!("--cpu and --board both choose the CPU (board {} has a {})", b.name, b.cpu),
                ));
            }
        };
        let cpu = cpu.as_str();
        let features = arm::without_loop_alignment(cpu, &features);
        // Firmware is linked at fixed addresses; hosted code may be a PIE or
        // a shared object.
        let reloc = if self.os == Os::CortexM { RelocMode::Static } else { RelocMode::PIC };
        target
            .create_target_machine(&triple, cpu, &features, level, reloc, CodeModel::Default)
            .ok_or_else(|| Error::backend(format!("cannot create a target machine for {}", self.triple)))
    }
}

/// Give `module` the target's triple and data layout.
pub fn configure(module: &Module, tm: &TargetMachine) {
    module.set_triple(&tm.get_triple());
    module.set_data_layout(&tm.get_target_data().get_data_layout());
}

/// Run LLVM's standard pipeline for `level`. Unrolling and loop
/// vectorization copy loop bodies, so the size levels have neither.
pub fn optimize(module: &Module, tm: &TargetMachine, level: OptLevel) -> Result<()> {
    optimize_with(module, tm, level, &level.pipeline())
}

/// Run `passes`, part of `level`'s pipeline (pipeline/llvm.rs), with the
/// options `optimize` gives the whole.
pub fn optimize_with(module: &Module, tm: &TargetMachine, level: OptLevel, passes: &str) -> Result<()> {
    let speed = level.speed();
    let options = PassBuilderOptions::create();
    options.set_loop_vectorization(level.duplicates_code());
    options.set_loop_slp_vectorization(speed >= 2);
    options.set_loop_unrolling(unrolls(level, tm));
    options.set_merge_functions(speed >= 2);
    module.run_passes(passes, tm, options).map_err(|e| Error::backend(format!("optimization failed: {e}")))
}

/// Whether LLVM unrolls loops at `level` for `tm`: at -O3, and at -O2 but
/// on Cortex-M (flash).
pub fn unrolls(level: OptLevel, tm: &TargetMachine) -> bool {
    level.speed() >= 3 || (level.duplicates_code() && !arm::is_cortex_m(tm))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_is_found_by_its_triple_and_unknown_ones_are_listed() {
        for t in TARGETS {
            assert_eq!(TargetInfo::find(Some(t.triple)).unwrap().triple, t.triple);
        }
        assert_eq!(TargetInfo::find(None).unwrap().triple, HOST_TRIPLE);
        assert_eq!(TargetInfo::find(Some("i686-pc-linux-gnu")).unwrap().triple, "i686-unknown-linux-gnu");
        assert_eq!(TargetInfo::find(Some("aarch64-linux-gnu")).unwrap().triple, "aarch64-unknown-linux-gnu");
        let err = TargetInfo::find(Some("riscv64gc-unknown-linux-gnu")).unwrap_err();
        assert!(err.message.contains("thumbv7em-none-eabihf"), "{}", err.message);
    }

    #[test]
    fn strategies_follow_the_address_space() {
        let find = |t| TargetInfo::find(Some(t)).unwrap();
        assert_eq!(find("i686-unknown-linux-gnu").default_strategy(), Strategy::Explicit);
        assert_eq!(find("aarch64-unknown-linux-gnu").default_strategy(), Strategy::GuardPages);
        assert_eq!(find("thumbv7em-none-eabihf").default_strategy(), Strategy::Explicit);
        let err = find("i686-unknown-linux-gnu").check_strategy(Strategy::GuardPages).unwrap_err();
        assert!(err.message.contains("64-bit"), "{}", err.message);
        assert!(find("x86_64-unknown-linux-gnu").check_strategy(Strategy::Mask).is_ok());
        assert!(find("i686-unknown-linux-gnu").check_strategy(Strategy::None).is_err());
        assert!(find("thumbv7em-none-eabihf").check_strategy(Strategy::GuardPages).is_err());
        assert!(find("x86_64-unknown-linux-gnu").check_strategy(Strategy::Segment).is_ok());
        for t in ["aarch64-unknown-linux-gnu", "i686-unknown-linux-gnu", "thumbv7em-none-eabi"] {
            let err = find(t).check_strategy(Strategy::Segment).unwrap_err();
            assert!(err.message.contains("x86-64 Linux only"), "{}", err.message);
        }
    }

    #[test]
    fn layouts_differ_where_the_abis_do() {
        let find = |t| TargetInfo::find(Some(t)).unwrap().layout();
        assert_eq!(find("i686-unknown-linux-gnu").memory_size(), 4);
        assert_eq!(find("thumbv7em-none-eabi").memory_size(), 8);
        assert_eq!(find("aarch64-unknown-linux-gnu").memory_size(), 8);
    }
}
