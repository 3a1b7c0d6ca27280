//! Every function generated code may call in the runtime, or that the
//! translator defines under a name the runtime or another pass relies on,
//! with its signature, listed once. The translator and the passes name
//! them only through this table; `tests/abi_layout.rs` checks each
//! runtime-defined entry against the runtime bitcode of every target, so a
//! C prototype and its entry here cannot drift apart.

use super::strategy::Strategy;

/// Parameter/return kinds of runtime functions, target-independent: the
/// LLVM types the C prototypes lower to (`ptr` is any C pointer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    Void,
    /// `i1`: only the translator's own helpers take one.
    Bool,
    Ptr,
    I32,
    I64,
    F32,
    F64,
}

impl Ty {
    /// The LLVM spelling, as in a printed function type.
    pub fn llvm_name(self) -> &'static str {
        match self {
            Ty::Void => "void",
            Ty::Bool => "i1",
            Ty::Ptr => "ptr",
            Ty::I32 => "i32",
            Ty::I64 => "i64",
            Ty::F32 => "float",
            Ty::F64 => "double",
        }
    }
}

/// Which side defines a function, so the ABI test knows where to look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefinedBy {
    /// The C runtime of every target.
    Runtime,
    /// The Linux runtime (runtime/*.c, runtime/memory/).
    LinuxRuntime,
    /// The Cortex-M runtime (runtime/cortex_m/).
    CortexMRuntime,
    /// The translator, as an internal function (C cannot express it).
    Translator,
}

/// A runtime function: C name, return type, parameter types, definer.
#[derive(Clone, Copy, Debug)]
pub struct RuntimeFn {
    pub name: &'static str,
    pub ret: Ty,
    pub params: &'static [Ty],
    pub defined_by: DefinedBy,
}

use DefinedBy::*;
use Ty::*;

const fn rt(name: &'static str, ret: Ty, params: &'static [Ty]) -> RuntimeFn {
    RuntimeFn { name, ret, params, defined_by: Runtime }
}

/// `awsm_trap(ctx, code)`, noreturn and cold.
pub const TRAP: RuntimeFn = rt("awsm_trap", Void, &[Ptr, I32]);
/// `awsm_rt_memory_grow(ctx, delta) -> old pages | -1`
pub const MEMORY_GROW: RuntimeFn = rt("awsm_rt_memory_grow", I32, &[Ptr, I32]);
/// `awsm_rt_memory_init(ctx, data, data_len, dst, src, n)`
pub const MEMORY_INIT: RuntimeFn = rt("awsm_rt_memory_init", Void, &[Ptr, Ptr, I32, I32, I32, I32]);
/// `awsm_rt_memory_copy(ctx, dst, src, n)`
pub const MEMORY_COPY: RuntimeFn = rt("awsm_rt_memory_copy", Void, &[Ptr, I32, I32, I32]);
/// `awsm_rt_memory_fill(ctx, dst, val, n)`
pub const MEMORY_FILL: RuntimeFn = rt("awsm_rt_memory_fill", Void, &[Ptr, I32, I32, I32]);
/// `awsm_rt_table_grow(ctx, table, init, delta) -> old size | -1`
pub const TABLE_GROW: RuntimeFn = rt("awsm_rt_table_grow", I32, &[Ptr, I32, Ptr, I32]);
/// `awsm_rt_table_fill(ctx, table, dst, val, n)`
pub const TABLE_FILL: RuntimeFn = rt("awsm_rt_table_fill", Void, &[Ptr, I32, I32, Ptr, I32]);
/// `awsm_rt_table_copy(ctx, dst_table, src_table, dst, src, n)`
pub const TABLE_COPY: RuntimeFn = rt("awsm_rt_table_copy", Void, &[Ptr, I32, I32, I32, I32, I32]);
/// `awsm_rt_table_init(ctx, table, elems, num_elems, dst, src, n)`
pub const TABLE_INIT: RuntimeFn = rt("awsm_rt_table_init", Void, &[Ptr, I32, Ptr, I32, I32, I32, I32]);
/// `awsm_rt_call_host(host_func, args, results)`: body of host thunks.
pub const CALL_HOST: RuntimeFn = rt("awsm_rt_call_host", Void, &[Ptr, Ptr, Ptr]);

/// `awsm_rt_global_get_<t>(ctx, g) -> value` and `awsm_rt_global_set_<t>(ctx,
/// g, value)` (runtime/globals.c): globals under `--runtime-globals`, so a
/// host can observe every access. Indexed by [`global_accessor`].
pub const GLOBAL_ACCESSORS: [RuntimeFn; 10] = [
    rt("awsm_rt_global_get_i32", I32, &[Ptr, I32]),
    rt("awsm_rt_global_get_i64", I64, &[Ptr, I32]),
    rt("awsm_rt_global_get_f32", F32, &[Ptr, I32]),
    rt("awsm_rt_global_get_f64", F64, &[Ptr, I32]),
    rt("awsm_rt_global_get_ref", Ptr, &[Ptr, I32]),
    rt("awsm_rt_global_set_i32", Void, &[Ptr, I32, I32]),
    rt("awsm_rt_global_set_i64", Void, &[Ptr, I32, I64]),
    rt("awsm_rt_global_set_f32", Void, &[Ptr, I32, F32]),
    rt("awsm_rt_global_set_f64", Void, &[Ptr, I32, F64]),
    rt("awsm_rt_global_set_ref", Void, &[Ptr, I32, Ptr]),
];

/// The accessor reading (`set == false`) or writing a global whose value
/// is `value` (I32, I64, F32, F64, or Ptr for references); None for
/// other kinds.
pub fn global_accessor(set: bool, value: Ty) -> Option<&'static RuntimeFn> {
    let kind = [I32, I64, F32, F64, Ptr].iter().position(|t| *t == value)?;
    GLOBAL_ACCESSORS.get(kind + if set { 5 } else { 0 })
}

/// Return type and parameters of every strategy's address function
/// `awsm_mem_addr_<strategy>(ctx, base, mem_size, idx, offset, size)`:
/// the host address of a `size`-byte access at wasm address `idx +
/// offset` (doc/abi.md). Segment's returns a `%gs`-relative pointer.
pub const ADDR_RET: Ty = Ptr;
/// See [`ADDR_RET`].
pub const ADDR_PARAMS: &[Ty] = &[Ptr, Ptr, I64, I64, I64, I32];

/// The address function of `strategy` (`Strategy::addr_fn` names it).
pub fn addr_fn(strategy: Strategy) -> RuntimeFn {
    let defined_by = match strategy {
        Strategy::Segment => Translator,
        Strategy::GuardPages | Strategy::None => LinuxRuntime,
        Strategy::Explicit | Strategy::Mask => Runtime,
    };
    RuntimeFn { name: strategy.addr_fn(), ret: ADDR_RET, params: ADDR_PARAMS, defined_by }
}

/// `awsm_mem_limit_explicit(mem_size) -> bytes an access may reach`:
/// what the explicit strategy compares `idx + offset + size` with, for
/// checks the compiler hoists or groups (src/translate/hoist.rs).
pub const MEM_LIMIT_EXPLICIT: RuntimeFn = rt("awsm_mem_limit_explicit", I64, &[I64]);

/// `awsm_grouped_addr(in_bounds, ctx, base, mem_size, idx, offset, size)`:
/// the translator's helper for accesses whose span was checked at once
/// (src/translate/grouped.rs): unchecked when `in_bounds`, else the
/// strategy's own check.
pub const GROUPED_ADDR: RuntimeFn = RuntimeFn {
    name: "awsm_grouped_addr",
    ret: Ptr,
    params: &[Bool, Ptr, Ptr, I64, I64, I64, I32],
    defined_by: Translator,
};

/// `awsm_segment_enter(ctx) -> previous %gs base`: set `%gs` to ctx's
/// memory (segment strategy, x86-64; runtime/memory/segment.c).
pub const SEGMENT_ENTER: RuntimeFn =
    RuntimeFn { name: "awsm_segment_enter", ret: I64, params: &[Ptr], defined_by: LinuxRuntime };
/// `awsm_segment_leave(previous)`: restore `%gs`.
pub const SEGMENT_LEAVE: RuntimeFn =
    RuntimeFn { name: "awsm_segment_leave", ret: Void, params: &[I64], defined_by: LinuxRuntime };

/// `awsm_cm_stop(code)` (runtime/cortex_m/trap.c): prints a trap's message
/// and stops firmware; what `awsm_trap` calls outside a guest call.
pub const CM_STOP: RuntimeFn =
    RuntimeFn { name: "awsm_cm_stop", ret: Void, params: &[I32], defined_by: CortexMRuntime };
/// `awsm_trap_message(code) -> message`.
pub const TRAP_MESSAGE: RuntimeFn = rt("awsm_trap_message", Ptr, &[I32]);
/// The functions a trap code flows through on its way to its message in
/// firmware, in call order (src/target/trap_messages.rs follows it).
pub const TRAP_CHAIN: [&str; 3] = [TRAP.name, CM_STOP.name, TRAP_MESSAGE.name];

/// Every function listed above, for the ABI test.
pub fn all() -> Vec<RuntimeFn> {
    let mut fns = vec![
        TRAP,
        MEMORY_GROW,
        MEMORY_INIT,
        MEMORY_COPY,
        MEMORY_FILL,
        TABLE_GROW,
        TABLE_FILL,
        TABLE_COPY,
        TABLE_INIT,
        CALL_HOST,
        MEM_LIMIT_EXPLICIT,
        GROUPED_ADDR,
        SEGMENT_ENTER,
        SEGMENT_LEAVE,
        CM_STOP,
        TRAP_MESSAGE,
    ];
    fns.extend(GLOBAL_ACCESSORS);
    fns.extend(Strategy::ALL.map(addr_fn));
    fns
}

/// Prefix of WASI preview1 implementations: an import
/// `wasi_snapshot_preview1.X` binds to the runtime's `awsm_wasi_X` when it
/// exists and its type matches.
pub const WASI_PREFIX: &str = "awsm_wasi_";
/// The import module name bound statically to the runtime's WASI.
pub const WASI_MODULE: &str = "wasi_snapshot_preview1";
/// The symbol executables' `main` instantiates.
pub const ENTRY_MODULE: &str = "awsm_entry_module";
/// In executables, a constant pointer to the code of the function the
/// module exports as `_start` (null without one): board firmware calls it
/// without searching the export list by name, which would keep the list,
/// the search and the name in flash (runtime/cortex_m/command.c).
pub const ENTRY_START: &str = "awsm_entry_start";
/// The ELF section holding every function the translator emits, so the
/// fault handler can tell guest code by its PC; the linker defines
/// `__start_`/`__stop_` symbols for it, which the descriptor records.
pub const GUEST_CODE_SECTION: &str = "awsm_guest_text";

/// Every function of WASI preview1 (witx `wasi_snapshot_preview1`). Only
/// these names bind to `awsm_wasi_<name>`: any other import from
/// [`WASI_MODULE`] is an error naming it, as in Wasmtime, even where the
/// runtime happens to define a function of that name (`set_args`).
pub const WASI_PREVIEW1_FUNCS: [&str; 46] = [
    "args_get",
    "args_sizes_get",
    "environ_get",
    "environ_sizes_get",
    "clock_res_get",
    "clock_time_get",
    "fd_advise",
    "fd_allocate",
    "fd_close",
    "fd_datasync",
    "fd_fdstat_get",
    "fd_fdstat_set_flags",
    "fd_fdstat_set_rights",
    "fd_filestat_get",
    "fd_filestat_set_size",
    "fd_filestat_set_times",
    "fd_pread",
    "fd_prestat_get",
    "fd_prestat_dir_name",
    "fd_pwrite",
    "fd_read",
    "fd_readdir",
    "fd_renumber",
    "fd_seek",
    "fd_sync",
    "fd_tell",
    "fd_write",
    "path_create_directory",
    "path_filestat_get",
    "path_filestat_set_times",
    "path_link",
    "path_open",
    "path_readlink",
    "path_remove_directory",
    "path_rename",
    "path_symlink",
    "path_unlink_file",
    "poll_oneoff",
    "proc_exit",
    "proc_raise",
    "sched_yield",
    "random_get",
    "sock_accept",
    "sock_recv",
    "sock_send",
    "sock_shutdown",
];

/// Prefix of the linker-defined symbol at the start of a section.
pub const SECTION_START_PREFIX: &str = "__start_";
/// Prefix of the linker-defined symbol at the end of a section.
pub const SECTION_STOP_PREFIX: &str = "__stop_";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_accessors_are_found_by_kind() {
        assert_eq!(global_accessor(false, I32).map(|f| f.name), Some("awsm_rt_global_get_i32"));
        assert_eq!(global_accessor(true, Ptr).map(|f| f.name), Some("awsm_rt_global_set_ref"));
        assert_eq!(global_accessor(true, F64).map(|f| f.params), Some(&[Ptr, I32, F64][..]));
        assert!(global_accessor(false, Void).is_none());
    }

    #[test]
    fn names_are_unique() {
        let fns = all();
        let mut names: Vec<_> = fns.iter().map(|f| f.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), fns.len());
    }
}
