//! Bounds-check strategies: the compiler-side facts about each memory
//! strategy the runtime implements (`runtime/memory/<name>.c` on hosted
//! targets, `runtime/cortex_m/memory.c` on Cortex-M). Numbering mirrors
//! `AWSM_STRATEGY_*`. Which strategies a target offers, and its default,
//! are in `target::TargetInfo`.

use std::fmt;

/// How linear-memory accesses are kept inside the sandbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// Reserve 8 GiB of address space; out-of-bounds accesses fault.
    GuardPages,
    /// Compare every access against the memory size and trap.
    Explicit,
    /// Mask every address into a power-of-two arena: no compare, no trap;
    /// an out-of-bounds access wraps around inside the sandbox instead of
    /// trapping (not spec-conformant). Cortex-M only.
    Mask,
}

impl Strategy {
    /// All strategies, in `--bounds-checks` spelling.
    pub const ALL: [Strategy; 3] = [Strategy::GuardPages, Strategy::Explicit, Strategy::Mask];

    /// Parse the `--bounds-checks` spelling.
    pub fn from_name(name: &str) -> Option<Strategy> {
        Strategy::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The `--bounds-checks` spelling, also the C file's stem (with `_`).
    pub fn name(self) -> &'static str {
        match self {
            Strategy::GuardPages => "guard-pages",
            Strategy::Explicit => "explicit",
            Strategy::Mask => "mask",
        }
    }

    /// `AWSM_STRATEGY_*` value written into the module descriptor.
    pub fn id(self) -> u32 {
        match self {
            Strategy::GuardPages => 0,
            Strategy::Explicit => 1,
            Strategy::Mask => 2,
        }
    }

    /// The runtime's inlinable address function for this strategy.
    pub fn addr_fn(self) -> &'static str {
        match self {
            Strategy::GuardPages => "awsm_mem_addr_guard_pages",
            Strategy::Explicit => "awsm_mem_addr_explicit",
            Strategy::Mask => "awsm_mem_addr_mask",
        }
    }

    /// Whether memory may move on grow, so its base must be reloaded
    /// after every call and memory.grow. With guard pages it never moves,
    /// which lets the base be one invariant load per function; the mask
    /// strategy's arena is allocated once at its full size.
    pub fn memory_may_move(self) -> bool {
        matches!(self, Strategy::Explicit)
    }

    /// Whether the strategy needs a 64-bit address space.
    pub fn needs_64bit(self) -> bool {
        matches!(self, Strategy::GuardPages)
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
