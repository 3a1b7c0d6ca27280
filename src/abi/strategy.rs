//! Bounds-check strategies: the compiler-side facts about each
//! `runtime/memory/<name>.c`. Numbering mirrors `AWSM_STRATEGY_*`.

use std::fmt;

/// How linear-memory accesses are kept inside the sandbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// Reserve 8 GiB of address space; out-of-bounds accesses fault.
    GuardPages,
    /// Compare every access against the memory size and trap.
    Explicit,
}

impl Strategy {
    /// All strategies, in `--bounds-checks` spelling.
    pub const ALL: [Strategy; 2] = [Strategy::GuardPages, Strategy::Explicit];

    /// Parse the `--bounds-checks` spelling.
    pub fn from_name(name: &str) -> Option<Strategy> {
        Strategy::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The `--bounds-checks` spelling, also the C file's stem (with `_`).
    pub fn name(self) -> &'static str {
        match self {
            Strategy::GuardPages => "guard-pages",
            Strategy::Explicit => "explicit",
        }
    }

    /// `AWSM_STRATEGY_*` value written into the module descriptor.
    pub fn id(self) -> u32 {
        match self {
            Strategy::GuardPages => 0,
            Strategy::Explicit => 1,
        }
    }

    /// The runtime's inlinable address function for this strategy.
    pub fn addr_fn(self) -> &'static str {
        match self {
            Strategy::GuardPages => "awsm_mem_addr_guard_pages",
            Strategy::Explicit => "awsm_mem_addr_explicit",
        }
    }

    /// Whether memory may move on grow, so its base must be reloaded
    /// after every call and memory.grow. With guard pages it never moves,
    /// which lets the base be one invariant load per function.
    pub fn memory_may_move(self) -> bool {
        matches!(self, Strategy::Explicit)
    }

    /// Whether the strategy needs a 64-bit address space.
    pub fn needs_64bit(self) -> bool {
        matches!(self, Strategy::GuardPages)
    }

    /// Default for a target: guard pages where the address space allows.
    pub fn default_for(pointer_bytes: u32) -> Strategy {
        if pointer_bytes == 8 { Strategy::GuardPages } else { Strategy::Explicit }
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
