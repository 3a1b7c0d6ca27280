//! Data symbols shared by generated code and the runtime: constants the
//! compiler defines for the runtime to read, which LTO then folds into
//! the runtime's code (the runtime declares them `extern const`), and the
//! runtime data a pass after LTO looks for by name. `tests/abi_layout.rs`
//! checks each against the runtime bitcode of the targets that read it.

/// Where a data symbol lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The Linux runtime reads it (runtime/memory/), weak default defined.
    Linux,
    /// The Cortex-M runtime reads it (runtime/cortex_m/).
    CortexM,
    /// The Cortex-M runtime defines it; a pass after LTO finds it by name.
    CortexMRuntimeData,
}

/// The C type of a data symbol, as LLVM sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataTy {
    /// `const uint32_t`
    U32,
    /// An array of bytes (`uint8_t []` or `const char []`) of any length.
    Bytes,
}

/// A data symbol: name, type, side.
#[derive(Clone, Copy, Debug)]
pub struct DataSymbol {
    pub name: &'static str,
    pub ty: DataTy,
    pub side: Side,
}

const fn data(name: &'static str, ty: DataTy, side: Side) -> DataSymbol {
    DataSymbol { name, ty, side }
}

/// log2 of the mask strategy's arena on hosted targets
/// (runtime/memory/mask.c; `Strategy::host_mask_bits`).
pub const MASK_BITS: DataSymbol = data("awsm_mask_bits", DataTy::U32, Side::Linux);

/// log2 of the wasm page size on Cortex-M (runtime/cortex_m/memory.c).
pub const CM_PAGE_SHIFT: DataSymbol = data("awsm_cm_page_shift", DataTy::U32, Side::CortexM);
/// log2 of the mask strategy's arena on Cortex-M (0 under explicit).
pub const CM_MASK_BITS: DataSymbol = data("awsm_cm_mask_bits", DataTy::U32, Side::CortexM);
/// Bytes of [`CM_STATIC_MEMORY`] (0: linear memory comes from the heap).
pub const CM_STATIC_MEMORY_BYTES: DataSymbol =
    data("awsm_cm_static_memory_bytes", DataTy::U32, Side::CortexM);
/// Linear memory as a zeroed `.bss` array, when its largest size is known.
pub const CM_STATIC_MEMORY: DataSymbol = data("awsm_cm_static_memory", DataTy::Bytes, Side::CortexM);
/// Whether anything reads the instance's function references
/// (runtime/cortex_m/command.c).
pub const CM_FUNCREFS: DataSymbol = data("awsm_cm_funcrefs", DataTy::U32, Side::CortexM);
/// Function imports the translator did not bind, which firmware refuses.
pub const CM_UNBOUND_IMPORTS: DataSymbol = data("awsm_cm_unbound_imports", DataTy::U32, Side::CortexM);

/// The Cortex-M runtime's string of trap messages (runtime/cortex_m/trap.c,
/// a static), whose unused messages firmware empties
/// (src/target/trap_messages.rs).
pub const CM_TRAP_MESSAGES: DataSymbol = data("trap_messages", DataTy::Bytes, Side::CortexMRuntimeData);

/// Every data symbol, for the ABI test.
pub const ALL: [DataSymbol; 8] = [
    MASK_BITS,
    CM_PAGE_SHIFT,
    CM_MASK_BITS,
    CM_STATIC_MEMORY_BYTES,
    CM_STATIC_MEMORY,
    CM_FUNCREFS,
    CM_UNBOUND_IMPORTS,
    CM_TRAP_MESSAGES,
];
