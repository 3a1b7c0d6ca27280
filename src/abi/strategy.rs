//! Bounds-check strategies: the compiler-side facts about each memory
//! strategy the runtime implements (`runtime/memory/<name>.c` on hosted
//! targets, `runtime/cortex_m/memory.c` on Cortex-M). Numbering mirrors
//! `AWSM_STRATEGY_*`. Which strategies a target offers, and its default,
//! are in `target::TargetInfo`.

use std::fmt;

/// How linear-memory accesses are kept inside the sandbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// Reserve 12 GiB of address space; out-of-bounds accesses fault.
    GuardPages,
    /// Compare every access against the memory size and trap.
    Explicit,
    /// Mask every address into a power-of-two arena: no compare, no trap;
    /// an out-of-bounds access wraps around inside the sandbox instead of
    /// trapping (not spec-conformant).
    Mask,
    /// No checks at all (base + ea), for measuring what checks cost.
    /// Unsafe: memory is allocated as for guard pages, so most
    /// out-of-bounds accesses still fault, but nothing guarantees it.
    None,
    /// Guard pages, with the memory base held in `%gs` (x86-64 Linux):
    /// accesses are `%gs:ea`, which frees the base register and shortens
    /// every access; the runtime switches `%gs` whenever control enters
    /// another instance (src/translate/segment.rs, runtime/memory/segment.c).
    Segment,
}

impl Strategy {
    /// All strategies, in `--bounds-checks` spelling.
    pub const ALL: [Strategy; 5] =
        [Strategy::GuardPages, Strategy::Explicit, Strategy::Mask, Strategy::None, Strategy::Segment];

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
            Strategy::None => "none",
            Strategy::Segment => "segment",
        }
    }

    /// `AWSM_STRATEGY_*` value written into the module descriptor.
    pub fn id(self) -> u32 {
        match self {
            Strategy::GuardPages => 0,
            Strategy::Explicit => 1,
            Strategy::Mask => 2,
            Strategy::None => 3,
            Strategy::Segment => 4,
        }
    }

    /// The `AWSM_STRATEGY_*` enumerator of awsm.h.
    pub fn c_name(self) -> &'static str {
        match self {
            Strategy::GuardPages => "AWSM_STRATEGY_GUARD_PAGES",
            Strategy::Explicit => "AWSM_STRATEGY_EXPLICIT",
            Strategy::Mask => "AWSM_STRATEGY_MASK",
            Strategy::None => "AWSM_STRATEGY_NONE",
            Strategy::Segment => "AWSM_STRATEGY_SEGMENT",
        }
    }

    /// The runtime's inlinable address function for this strategy.
    /// Segment's is defined by the translator (src/translate/segment.rs):
    /// a C function cannot return a `%gs`-relative pointer. Its signature
    /// is `abi::symbols::addr_fn`'s.
    pub fn addr_fn(self) -> &'static str {
        match self {
            Strategy::GuardPages => "awsm_mem_addr_guard_pages",
            Strategy::Segment => "awsm_mem_addr_segment",
            Strategy::Explicit => "awsm_mem_addr_explicit",
            Strategy::Mask => "awsm_mem_addr_mask",
            Strategy::None => "awsm_mem_addr_none",
        }
    }

    /// Whether memory may move on grow, so its base must be reloaded
    /// after every call and memory.grow. With guard pages it never moves,
    /// which lets the base be one invariant load per function; the mask
    /// strategy's arena is allocated once at its full size.
    pub fn memory_may_move(self) -> bool {
        matches!(self, Strategy::Explicit)
    }

    /// Whether the strategy's memory is at most 2 GiB and mapped twice, at
    /// base and at base - 4 GiB (runtime/memory/guard_pages.c). Then an
    /// address's `i32.add` may be done as a signed 64-bit sum: it names the
    /// same byte (translate/mirror.rs), and it keeps addresses affine for
    /// LLVM (vectorization, addressing modes).
    pub fn mirrored(self) -> bool {
        matches!(self, Strategy::GuardPages | Strategy::None | Strategy::Segment)
    }

    /// Whether out-of-bounds accesses are caught by a fault in the
    /// strategy's reservation (so only in compiled guest code) rather than
    /// by a compare, or not at all.
    pub fn traps_by_fault(self) -> bool {
        !matches!(self, Strategy::Explicit)
    }

    /// Whether the strategy needs a 64-bit address space (for its
    /// reservation) on hosted targets.
    pub fn needs_64bit(self) -> bool {
        matches!(self, Strategy::GuardPages | Strategy::None | Strategy::Segment)
    }

    /// Whether accesses out of bounds trap as the spec says. Mask wraps
    /// them around inside the arena; none does not check at all.
    pub fn conforms_to_spec(self) -> bool {
        matches!(self, Strategy::GuardPages | Strategy::Explicit | Strategy::Segment)
    }

    /// Whether the memory base lives in `%gs` rather than being loaded
    /// from the instance: accesses are segment-relative, and every way
    /// into the module's code switches `%gs` to its memory.
    pub fn uses_segment_base(self) -> bool {
        self == Strategy::Segment
    }

    /// log2 of the mask strategy's arena on hosted targets for a memory
    /// whose maximum is `max_pages` 64 KiB pages (None: no maximum): the
    /// maximum rounded up to a power of two, from 16 to 32 bits.
    /// `runtime/memory/mask.c` sizes the arena with the same rule.
    pub fn host_mask_bits(max_pages: Option<u64>) -> u32 {
        match max_pages {
            None => 32,
            Some(pages) => {
                let bytes = pages.max(1).saturating_mul(65536).min(1 << 32);
                bytes.next_power_of_two().trailing_zeros()
            }
        }
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in Strategy::ALL {
            assert_eq!(Strategy::from_name(s.name()), Some(s));
        }
    }

    #[test]
    fn host_mask_bits_follow_the_maximum() {
        assert_eq!(Strategy::host_mask_bits(None), 32);
        assert_eq!(Strategy::host_mask_bits(Some(0)), 16);
        assert_eq!(Strategy::host_mask_bits(Some(1)), 16);
        assert_eq!(Strategy::host_mask_bits(Some(3)), 18);
        assert_eq!(Strategy::host_mask_bits(Some(65536)), 32);
    }
}
