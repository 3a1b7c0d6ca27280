//! Every runtime function generated code may call, with its signature,
//! listed once. The translator declares them only through this table.

/// Parameter/return kinds of runtime functions, target-independent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    Void,
    Ptr,
    I32,
    I64,
}

/// A runtime function: C name, return type, parameter types.
pub struct RuntimeFn {
    pub name: &'static str,
    pub ret: Ty,
    pub params: &'static [Ty],
}

use Ty::*;

/// `awsm_trap(ctx, code)`, noreturn and cold.
pub const TRAP: RuntimeFn = RuntimeFn { name: "awsm_trap", ret: Void, params: &[Ptr, I32] };
/// `awsm_rt_memory_grow(ctx, delta) -> old pages | -1`
pub const MEMORY_GROW: RuntimeFn = RuntimeFn { name: "awsm_rt_memory_grow", ret: I32, params: &[Ptr, I32] };
/// `awsm_rt_memory_init(ctx, data, data_len, dst, src, n)`
pub const MEMORY_INIT: RuntimeFn =
    RuntimeFn { name: "awsm_rt_memory_init", ret: Void, params: &[Ptr, Ptr, I32, I32, I32, I32] };
/// `awsm_rt_memory_copy(ctx, dst, src, n)`
pub const MEMORY_COPY: RuntimeFn =
    RuntimeFn { name: "awsm_rt_memory_copy", ret: Void, params: &[Ptr, I32, I32, I32] };
/// `awsm_rt_memory_fill(ctx, dst, val, n)`
pub const MEMORY_FILL: RuntimeFn =
    RuntimeFn { name: "awsm_rt_memory_fill", ret: Void, params: &[Ptr, I32, I32, I32] };
/// `awsm_rt_table_grow(ctx, table, init, delta) -> old size | -1`
pub const TABLE_GROW: RuntimeFn =
    RuntimeFn { name: "awsm_rt_table_grow", ret: I32, params: &[Ptr, I32, Ptr, I32] };
/// `awsm_rt_table_fill(ctx, table, dst, val, n)`
pub const TABLE_FILL: RuntimeFn =
    RuntimeFn { name: "awsm_rt_table_fill", ret: Void, params: &[Ptr, I32, I32, Ptr, I32] };
/// `awsm_rt_table_copy(ctx, dst_table, src_table, dst, src, n)`
pub const TABLE_COPY: RuntimeFn =
    RuntimeFn { name: "awsm_rt_table_copy", ret: Void, params: &[Ptr, I32, I32, I32, I32, I32] };
/// `awsm_rt_table_init(ctx, table, elems, num_elems, dst, src, n)`
pub const TABLE_INIT: RuntimeFn =
    RuntimeFn { name: "awsm_rt_table_init", ret: Void, params: &[Ptr, I32, Ptr, I32, I32, I32, I32] };
/// `awsm_rt_call_host(host_func, args, results)`: body of host thunks.
pub const CALL_HOST: RuntimeFn = RuntimeFn { name: "awsm_rt_call_host", ret: Void, params: &[Ptr, Ptr, Ptr] };

/// `awsm_segment_enter(ctx) -> previous %gs base`: set `%gs` to ctx's
/// memory (segment strategy, x86-64; runtime/memory/segment.c).
pub const SEGMENT_ENTER: RuntimeFn = RuntimeFn { name: "awsm_segment_enter", ret: I64, params: &[Ptr] };
/// `awsm_segment_leave(previous)`: restore `%gs`.
pub const SEGMENT_LEAVE: RuntimeFn = RuntimeFn { name: "awsm_segment_leave", ret: Void, params: &[I64] };

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
