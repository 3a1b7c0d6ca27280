//! LLVM's `default<Ox>` pipeline in two halves, for keep-loads
//! (passes/keep_loads.rs): the module simplification half (inlining,
//! GVN, dead code elimination: where unused loads die) and the
//! optimization half (vectorizers, unrolling, late instcombine), with
//! release-loads between them.
//!
//! The C API runs a pipeline from text but cannot build half of one, so
//! the halves come from `opt-19 -passes='default<Ox>'
//! -print-pipeline-passes` as checked in under llvm19/, one file per
//! target and level (aarch64 adds `loop-idiom-vectorize`), printed with
//! the options target/mod.rs `optimize` sets (tests/passes_llvm19.rs
//! prints them again and fails if they differ). The optimization half
//! starts at `elim-avail-extern`, which every level's pipeline has once.
//!
//! The text is not quite the pipeline: it cannot say that the unrolling
//! passes only unroll loops forced by metadata (which wasm code never
//! has), so where `optimize` turns unrolling off they are removed; opt-19
//! leaves SLP vectorization out at -Oz whatever its options say, where
//! `optimize` keeps it, so it is put back where -Os has it; and at -O3
//! the inliner and full unrolling read -O2's thresholds from it, which
//! no pass parameter can change (doc/bounds-checks.md).

use crate::error::{Error, Result};
use crate::opt_level::OptLevel;

/// Where the optimization half starts.
const SPLIT: &str = "elim-avail-extern,";

/// The pipelines as opt-19 prints them, by target architecture and level.
const PRINTED: &[(&str, OptLevel, &str)] = &[
    ("x86_64", OptLevel::O1, include_str!("llvm19/x86_64-O1.txt")),
    ("x86_64", OptLevel::O2, include_str!("llvm19/x86_64-O2.txt")),
    ("x86_64", OptLevel::O3, include_str!("llvm19/x86_64-O3.txt")),
    ("x86_64", OptLevel::Os, include_str!("llvm19/x86_64-Os.txt")),
    ("x86_64", OptLevel::Oz, include_str!("llvm19/x86_64-Oz.txt")),
    ("aarch64", OptLevel::O1, include_str!("llvm19/aarch64-O1.txt")),
    ("aarch64", OptLevel::O2, include_str!("llvm19/aarch64-O2.txt")),
    ("aarch64", OptLevel::O3, include_str!("llvm19/aarch64-O3.txt")),
    ("aarch64", OptLevel::Os, include_str!("llvm19/aarch64-Os.txt")),
    ("aarch64", OptLevel::Oz, include_str!("llvm19/aarch64-Oz.txt")),
];

/// The checked-in `default<Ox>` text for the target `triple` at `level`
/// (for tests/passes_llvm19.rs), if there is one.
pub fn printed(triple: &str, level: OptLevel) -> Option<&'static str> {
    let arch = triple.split('-').next()?;
    PRINTED.iter().find(|(a, l, _)| *a == arch && *l == level).map(|(_, _, text)| text.trim())
}

/// The simplification and optimization halves of `default<Ox>` for
/// `triple` at `level`; `unrolling` as target/mod.rs `optimize` sets it.
pub fn halves(triple: &str, level: OptLevel, unrolling: bool) -> Result<(String, String)> {
    let text = printed(triple, level)
        .ok_or_else(|| Error::backend(format!("no split {} pipeline for {triple}", level.pipeline())))?;
    let text = if unrolling { text.to_string() } else { without_unrolling(text) };
    let text = if level == OptLevel::Oz { with_slp(&text)? } else { text };
    let at = text.find(SPLIT).ok_or_else(|| Error::backend("pipeline text without elim-avail-extern"))?;
    let simplification = text[..at].trim_end_matches(',').to_string();
    Ok((simplification, text[at..].to_string()))
}

/// `text` without `loop-unroll-full` and `loop-unroll<Ox>`.
fn without_unrolling(text: &str) -> String {
    let mut out = text.replace(",loop-unroll-full", "");
    while let Some(start) = out.find("loop-unroll<") {
        let end = out[start..].find(">,").map_or(out.len(), |e| start + e + 2);
        out.replace_range(start..end, "");
    }
    out
}

/// `text` with `slp-vectorizer` before the optimization half's first
/// `vector-combine`, as at -Os.
fn with_slp(text: &str) -> Result<String> {
    let combine = text
        .find(SPLIT)
        .and_then(|split| text[split..].find("vector-combine,").map(|at| split + at))
        .ok_or_else(|| Error::backend("pipeline text without vector-combine"))?;
    Ok(format!("{}slp-vectorizer,{}", &text[..combine], &text[combine..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hosted_level_splits_once_and_unrolling_is_removed_when_off() {
        for triple in ["x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"] {
            for level in [OptLevel::O1, OptLevel::O2, OptLevel::O3, OptLevel::Os, OptLevel::Oz] {
                let text = printed(triple, level).unwrap();
                assert_eq!(text.matches(SPLIT).count(), 1, "{triple} {level}");
                let (simplify, optimize) = halves(triple, level, true).unwrap();
                if level != OptLevel::Oz {
                    assert_eq!(format!("{simplify},{optimize}"), text);
                }
                assert!(simplify.contains("inline") && optimize.contains("loop-vectorize"), "{level}");
                let (s, o) = halves(triple, level, false).unwrap();
                assert!(!s.contains("loop-unroll") && !o.contains("loop-unroll"), "{s}\n{o}");
                assert!(o.contains("slp-vectorizer") == (level.speed() >= 2), "{level}");
            }
        }
        assert!(halves("i686-unknown-linux-gnu", OptLevel::O2, true).is_err());
        // -Oz is -Os without loop header duplication.
        let t = "x86_64-unknown-linux-gnu";
        let (s, o) = halves(t, OptLevel::Os, false).unwrap();
        let (zs, zo) = halves(t, OptLevel::Oz, false).unwrap();
        let dup = |x: &str| x.replace("no-header-duplication", "header-duplication");
        assert_eq!((dup(&zs), dup(&zo)), (s, o));
    }
}
