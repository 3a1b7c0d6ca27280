//! `--cpu NAME`, as clang's `-mcpu`: the CPU, and so the vector ISA, the
//! TargetMachine generates code for. Without it each target gets the
//! portable baseline of triples.rs, which runs on every CPU of the
//! architecture: x86-64 is SSE2 only (SIMD128 lowers through SSE2), i686
//! pentium4 (SSE2), aarch64 NEON, Cortex-M no vector unit (vectors are
//! expanded to scalars). `native` is the compiling host's CPU with all its
//! features (host target only); code built for it may not run elsewhere.
//!
//! Other names are LLVM's, but only those listed here: LLVM ignores an
//! unknown CPU with a warning and builds for the baseline, which would
//! hide a typo, so awsm refuses names it does not know.

use super::{HOST_TRIPLE, Os, TargetInfo};
use crate::error::{Error, ErrorKind, Result};
use inkwell::targets::TargetMachine;

/// x86-64 CPUs: the psABI levels (v3 adds AVX2 and FMA, v4 AVX-512) and
/// common microarchitectures.
const X86_64: &[&str] = &[
    "x86-64",
    "x86-64-v2",
    "x86-64-v3",
    "x86-64-v4",
    "core2",
    "nehalem",
    "sandybridge",
    "haswell",
    "skylake",
    "skylake-avx512",
    "icelake-server",
    "sapphirerapids",
    "znver1",
    "znver2",
    "znver3",
    "znver4",
];

/// i686 takes the x86-64 names and its own baseline, pentium4 (SSE2).
const I686_ONLY: &str = "pentium4";

const AARCH64: &[&str] = &[
    "generic",
    "cortex-a53",
    "cortex-a55",
    "cortex-a72",
    "cortex-a76",
    "neoverse-n1",
    "neoverse-n2",
    "neoverse-v1",
    "apple-m1",
];

const CORTEX_M: &[&str] = &["cortex-m4", "cortex-m7"];

impl TargetInfo {
    /// The CPU names `--cpu` accepts for this target, besides `native`.
    pub fn known_cpus(&self) -> Vec<&'static str> {
        match self.os {
            Os::CortexM => CORTEX_M.to_vec(),
            Os::Linux if self.pointer_bytes == 4 => [I686_ONLY].iter().chain(X86_64).copied().collect(),
            Os::Linux if self.x86() => X86_64.to_vec(),
            Os::Linux => AARCH64.to_vec(),
        }
    }

    /// The CPU and LLVM feature string for `--cpu` (None: the baseline).
    pub fn cpu_and_features(&self, cpu: Option<&str>) -> Result<(String, String)> {
        let usage = |m: String| Err(Error::new(ErrorKind::Usage, m));
        match cpu {
            None => Ok((self.cpu.to_string(), self.features.to_string())),
            Some("native") if self.triple != HOST_TRIPLE => {
                usage(format!("--cpu native is for the host target {HOST_TRIPLE}, not {}", self.triple))
            }
            Some("native") => {
                let host = TargetMachine::get_host_cpu_name().to_string();
                let features = TargetMachine::get_host_cpu_features().to_string();
                Ok((host, features))
            }
            Some(name) if self.known_cpus().contains(&name) => {
                Ok((name.to_string(), self.features.to_string()))
            }
            Some(name) => usage(format!(
                "unknown CPU '{name}' for {} (known: native, {})",
                self.triple,
                self.known_cpus().join(", ")
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_baseline_is_the_default_and_unknown_cpus_are_refused() {
        let x86 = TargetInfo::find(Some("x86_64-unknown-linux-gnu")).unwrap();
        assert_eq!(x86.cpu_and_features(None).unwrap(), ("x86-64".to_string(), String::new()));
        assert_eq!(x86.cpu_and_features(Some("x86-64-v3")).unwrap().0, "x86-64-v3");
        let err = x86.cpu_and_features(Some("cortex-a72")).unwrap_err();
        assert!(err.message.contains("unknown CPU 'cortex-a72'"), "{}", err.message);
        let arm = TargetInfo::find(Some("aarch64-unknown-linux-gnu")).unwrap();
        assert!(arm.cpu_and_features(Some("native")).unwrap_err().message.contains("host target"));
        assert_eq!(arm.cpu_and_features(Some("neoverse-n1")).unwrap().1, "+neon");
        let i686 = TargetInfo::find(Some("i686-unknown-linux-gnu")).unwrap();
        assert_eq!(i686.cpu_and_features(Some("pentium4")).unwrap().0, "pentium4");
        assert_eq!(i686.cpu_and_features(Some("x86-64-v3")).unwrap().0, "x86-64-v3");
        assert!(x86.cpu_and_features(Some("pentium4")).is_err(), "pentium4 crashes LLVM for x86-64");
    }
}
