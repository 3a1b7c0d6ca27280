//! Trap codes, shared with `awsm_trap_code` in awsm.h.

/// Why a guest call ended abnormally. The numbering is the C enum's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
pub enum TrapCode {
    Unreachable = 1,
    MemoryOutOfBounds = 2,
    IntDivByZero = 3,
    IntOverflow = 4,
    InvalidConversion = 5,
    UndefinedElement = 6,
    UninitializedElement = 7,
    IndirectCallTypeMismatch = 8,
    StackExhausted = 9,
    TableOutOfBounds = 10,
    NullReference = 11,
}

impl TrapCode {
    /// Every code generated code can raise, with the C enumerator's name.
    pub const ALL: [(TrapCode, &'static str); 11] = [
        (TrapCode::Unreachable, "AWSM_TRAP_UNREACHABLE"),
        (TrapCode::MemoryOutOfBounds, "AWSM_TRAP_MEMORY_OOB"),
        (TrapCode::IntDivByZero, "AWSM_TRAP_INT_DIV_BY_ZERO"),
        (TrapCode::IntOverflow, "AWSM_TRAP_INT_OVERFLOW"),
        (TrapCode::InvalidConversion, "AWSM_TRAP_INVALID_CONVERSION"),
        (TrapCode::UndefinedElement, "AWSM_TRAP_UNDEFINED_ELEMENT"),
        (TrapCode::UninitializedElement, "AWSM_TRAP_UNINITIALIZED_ELEMENT"),
        (TrapCode::IndirectCallTypeMismatch, "AWSM_TRAP_INDIRECT_CALL_TYPE_MISMATCH"),
        (TrapCode::StackExhausted, "AWSM_TRAP_STACK_EXHAUSTED"),
        (TrapCode::TableOutOfBounds, "AWSM_TRAP_TABLE_OOB"),
        (TrapCode::NullReference, "AWSM_TRAP_NULL_REFERENCE"),
    ];
}

/// The codes only the runtime raises, with their C names: a host callback's
/// failure, and proc_exit (not a fault; firmware prints no message for it).
pub const HOST: u32 = 12;
/// See [`HOST`].
pub const EXIT: u32 = 13;
/// `AWSM_TRAP_COUNT`: one past the last code.
pub const COUNT: u32 = 14;
/// [`HOST`], [`EXIT`] and [`COUNT`] with their C names, for the ABI test.
pub const RUNTIME_CODES: [(u32, &str); 3] =
    [(HOST, "AWSM_TRAP_HOST"), (EXIT, "AWSM_TRAP_EXIT"), (COUNT, "AWSM_TRAP_COUNT")];
