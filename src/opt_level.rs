//! Optimisation levels: `-O0` to `-O3` for speed, `-Os` and `-Oz` for size.
//!
//! The size levels exist for flash-constrained targets (Cortex-M firmware,
//! doc/targets.md) but mean the same on every target, as clang's do:
//!
//! - code is generated as at -O2 (clang's choice too): the backend's
//!   instruction selection and scheduling are those of -O2;
//! - none of awsm's transformations that copy code for speed runs: loop
//!   versioning (translate/loop_plans.rs, and so hoist.rs and reroll.rs,
//!   which work on its copies), loops translated with their body twice
//!   (translate/loop_plans.rs) and grouped checks with their per-access slow path
//!   (grouped.rs);
//! - LLVM runs its size pipeline, `default<Os>` or `default<Oz>`, without
//!   loop unrolling or loop vectorization (both copy loop bodies: the
//!   vectorizer keeps a scalar loop for the remainder and for failed
//!   runtime checks); SLP vectorization, which does not, stays on;
//! - every function, guest and runtime, gets `optsize` (-Os) or `optsize`
//!   and `minsize` (-Oz), which the backend and the function-level passes
//!   read (smaller inlining thresholds, no header duplication at -Oz,
//!   literal pools instead of `movw`/`movt` pairs on Arm); on 32-bit
//!   targets, except in functions that divide a 64-bit integer by a
//!   constant, where the backend would call libgcc for it instead;
//! - the bounds-check strategy's address function, which every memory
//!   access calls, is always inlined.
//!
//! The attribute rewrites are passes/size_attributes.rs; src/pipeline/mod.rs
//! says when each runs.

use crate::error::{Error, ErrorKind, Result};
use std::fmt;

/// An optimisation level, as `-O<LEVEL>` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptLevel {
    O0,
    O1,
    O2,
    O3,
    /// For size: -O2 without code-duplicating transformations, `optsize`.
    Os,
    /// For size above all: as `Os`, plus `minsize`.
    Oz,
}

impl OptLevel {
    /// Every level, in the order the help text lists them.
    pub const ALL: [OptLevel; 6] =
        [OptLevel::O0, OptLevel::O1, OptLevel::O2, OptLevel::O3, OptLevel::Os, OptLevel::Oz];

    /// The level `-O<name>` asks for: `0`-`3`, `s` or `z`.
    pub fn from_name(name: &str) -> Option<OptLevel> {
        OptLevel::ALL.into_iter().find(|l| l.name() == name)
    }

    /// The level of the command line's `-O<LEVEL>` (clang's `-O s` for
    /// `-Os` reaches us as the same string), or a usage error listing
    /// the known levels.
    pub fn parse(level: &str) -> Result<OptLevel> {
        OptLevel::from_name(level).ok_or_else(|| {
            let known: Vec<_> = OptLevel::ALL.iter().map(|l| l.to_string()).collect();
            Error::new(
                ErrorKind::Usage,
                format!("unknown optimisation level '-O{level}' (known: {})", known.join(", ")),
            )
        })
    }

    /// What follows `-O`: `0`-`3`, `s` or `z`.
    pub fn name(self) -> &'static str {
        match self {
            OptLevel::O0 => "0",
            OptLevel::O1 => "1",
            OptLevel::O2 => "2",
            OptLevel::O3 => "3",
            OptLevel::Os => "s",
            OptLevel::Oz => "z",
        }
    }

    /// The speed level 0-3 the backend generates code at, and that gates
    /// the speed-only parts of the pipeline: 2 for the size levels.
    pub fn speed(self) -> u8 {
        match self {
            OptLevel::O0 => 0,
            OptLevel::O1 => 1,
            OptLevel::O2 | OptLevel::Os | OptLevel::Oz => 2,
            OptLevel::O3 => 3,
        }
    }

    /// Whether this is a size level (`-Os`, `-Oz`).
    pub fn for_size(self) -> bool {
        matches!(self, OptLevel::Os | OptLevel::Oz)
    }

    /// Whether transformations that copy code to make it faster may run:
    /// at -O2 and -O3 only.
    pub fn duplicates_code(self) -> bool {
        self.speed() >= 2 && !self.for_size()
    }

    /// The new pass manager's pipeline for this level.
    pub fn pipeline(self) -> String {
        format!("default<O{}>", self.name())
    }
}

impl fmt::Display for OptLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "-O{}", self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_levels_are_refused() {
        for level in OptLevel::ALL {
            assert_eq!(OptLevel::from_name(level.name()), Some(level));
        }
        for bad in ["x", "4", "", "2s", "S", "fast"] {
            assert_eq!(OptLevel::from_name(bad), None, "{bad}");
        }
        assert_eq!(OptLevel::Oz.to_string(), "-Oz");
        let err = OptLevel::parse("x").unwrap_err();
        assert_eq!(err.kind, ErrorKind::Usage);
        assert!(err.message.contains("'-Ox'") && err.message.contains("-Os, -Oz"), "{}", err.message);
    }

    #[test]
    fn size_levels_generate_as_o2_without_duplicating_code() {
        assert_eq!(OptLevel::Os.speed(), 2);
        assert_eq!(OptLevel::Oz.speed(), 2);
        assert_eq!(OptLevel::Oz.pipeline(), "default<Oz>");
        assert_eq!(OptLevel::O3.pipeline(), "default<O3>");
        assert!(OptLevel::O2.duplicates_code() && OptLevel::O3.duplicates_code());
        for level in [OptLevel::O0, OptLevel::O1, OptLevel::Os, OptLevel::Oz] {
            assert!(!level.duplicates_code(), "{level}");
        }
    }
}
