/*
 * awsm.h — the one public header of the awsm runtime.
 *
 * Code compiled by awsm and the C runtime it is linked with agree on
 * everything in this file: the instance layout that generated code reads
 * at fixed offsets (mirrored in src/abi/layout.rs and checked by a test),
 * the module descriptor the compiler emits, the trap codes, and the
 * embedding API a host program calls.
 *
 * Layout rules: every field generated code touches is either a pointer,
 * a uintptr_t, or a fixed-width integer, so the layout is computed from
 * the target's pointer width alone.
 */
#ifndef AWSM_H
#define AWSM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever the descriptor or instance layout changes. */
#define AWSM_ABI_VERSION 4

/* ---------------------------------------------------------------- traps */

/*
 * Trap codes: one enum shared with the compiler (src/abi/traps.rs).
 * AWSM_TRAP_EXIT is not a fault: it is how proc_exit unwinds the guest.
 */
typedef enum awsm_trap_code {
  AWSM_TRAP_NONE = 0,
  AWSM_TRAP_UNREACHABLE = 1,
  AWSM_TRAP_MEMORY_OOB = 2,
  AWSM_TRAP_INT_DIV_BY_ZERO = 3,
  AWSM_TRAP_INT_OVERFLOW = 4,
  AWSM_TRAP_INVALID_CONVERSION = 5,
  AWSM_TRAP_UNDEFINED_ELEMENT = 6,
  AWSM_TRAP_UNINITIALIZED_ELEMENT = 7,
  AWSM_TRAP_INDIRECT_CALL_TYPE_MISMATCH = 8,
  AWSM_TRAP_STACK_EXHAUSTED = 9,
  AWSM_TRAP_TABLE_OOB = 10,
  AWSM_TRAP_NULL_REFERENCE = 11,
  AWSM_TRAP_HOST = 12,
  AWSM_TRAP_EXIT = 13,
  AWSM_TRAP_COUNT
} awsm_trap_code;

/* Human-readable reason, worded as the spec testsuite words it. */
const char *awsm_trap_message(awsm_trap_code code);

/* ------------------------------------------------------- instance layout */

typedef struct awsm_instance awsm_instance;

/* A linear memory. Defined memories live inside their instance. */
typedef struct awsm_memory {
  uint8_t *base;     /* first byte of linear memory */
  uint64_t size;     /* current size in bytes (pages * 65536) */
  uint64_t max_size; /* declared maximum in bytes (65536 pages if none) */
  uint64_t reserved; /* bytes of address space owned, guards included */
} awsm_memory;

/*
 * A callable reference: what funcref values, table elements and import
 * slots point to. `fn` has the C signature
 *   result fn(awsm_instance *ctx, params...)
 * and is called with `ctx` as first argument; `type_id` is the
 * process-wide canonical id of its signature (see awsm_type_id).
 */
typedef struct awsm_funcref {
  void *fn;
  awsm_instance *ctx;
  uint32_t type_id;
} awsm_funcref;

/* A table: elements are awsm_funcref* (funcref) or opaque void* (externref). */
typedef struct awsm_table {
  void **elems;
  uint32_t size;
  uint32_t max_size;  /* 0xffffffff if unbounded */
  uint32_t elem_type; /* AWSM_TYPE_FUNCREF or AWSM_TYPE_EXTERNREF */
} awsm_table;

/* A global's storage cell; 16 bytes so a v128 fits later. */
typedef union awsm_global {
  int32_t i32;
  int64_t i64;
  float f32;
  double f64;
  void *ref;
  uint8_t bytes[16];
} awsm_global;

/*
 * The instance context (vmctx). Every compiled function takes it as its
 * first argument. Generated code reads only the fields up to and
 * including `memory_size`, at offsets computed in src/abi/layout.rs.
 * The pointers up to `elem_dropped` never change after instantiation (the
 * compiler marks their loads invariant); the things they point to do.
 * `memory_base`/`memory_size` copy memory 0's base and size so that an
 * access needs one load, not two; the runtime rewrites the copies of
 * every instance sharing a memory when it grows (awsm_memory_grow).
 */
struct awsm_instance {
  awsm_memory *memory;      /* memory 0, or NULL */
  awsm_global **globals;    /* one cell pointer per global index */
  awsm_table **tables;      /* one table pointer per table index */
  awsm_funcref *funcs;      /* one callable per function index */
  const uint32_t *type_ids; /* canonical id per module type index */
  uintptr_t stack_limit;    /* trap when the stack pointer goes below */
  uint8_t *data_dropped;    /* one flag per data segment */
  uint8_t *elem_dropped;    /* one flag per element segment */
  uint8_t *memory_base;     /* == memory->base (NULL without memory) */
  uint64_t memory_size;     /* == memory->size */
  /* ---- runtime-private from here on ---- */
  const struct awsm_module *module;
  void *host_data; /* free for the embedder */
  awsm_memory own_memory;
  void *private_state; /* runtime bookkeeping (allocations, imports) */
  void *wasi;          /* WASI state (runtime/wasi/sandbox.c), NULL until needed */
};

/* ------------------------------------------------------ module descriptor */

/* Value and reference type codes, as in the wasm binary format. */
enum {
  AWSM_TYPE_I32 = 0x7f,
  AWSM_TYPE_I64 = 0x7e,
  AWSM_TYPE_F32 = 0x7d,
  AWSM_TYPE_F64 = 0x7c,
  AWSM_TYPE_V128 = 0x7b,
  AWSM_TYPE_FUNCREF = 0x70,
  AWSM_TYPE_EXTERNREF = 0x6f
};

/* Extern kinds, as in the wasm binary format. */
enum {
  AWSM_EXTERN_FUNC = 0,
  AWSM_EXTERN_TABLE = 1,
  AWSM_EXTERN_MEMORY = 2,
  AWSM_EXTERN_GLOBAL = 3
};

/* A value crossing the generic call boundary. */
typedef union awsm_val {
  int32_t i32;
  int64_t i64;
  float f32;
  double f64;
  void *ref;
  uint8_t bytes[16];
} awsm_val;

/*
 * A function type. `sig` is a canonical string, params then ':' then
 * results, one letter per type: i=i32 I=i64 f=f32 F=f64 v=v128
 * r=funcref e=externref. Example: "iI:f".
 *
 * `call` calls `fn(ctx, args...)` of this type, reading args from
 * `args` and writing results to `results` (generated by the compiler).
 * Both `call` and `host_thunk` are NULL in Cortex-M firmware images,
 * which bind their WASI imports at compile time and call `_start`
 * directly.
 */
typedef struct awsm_type_desc {
  const char *sig;
  void (*call)(void *fn, awsm_instance *ctx, const awsm_val *args, awsm_val *results);
  /* A function of this type that forwards to a host callback: used as
   * `fn` with `ctx` pointing at an awsm_host_func (see below). */
  void *host_thunk;
} awsm_type_desc;

/* Limits of a memory (in 64 KiB pages) or table (in elements). */
typedef struct awsm_limits {
  uint32_t min;
  uint32_t max; /* valid only when has_max */
  uint32_t has_max;
} awsm_limits;

typedef struct awsm_import_desc {
  const char *module;
  const char *name;
  uint32_t kind;      /* AWSM_EXTERN_* */
  uint32_t index;     /* index in its own index space (func/table/global) */
  uint32_t type;      /* func: type index; global: value type; table: elem type */
  uint32_t mut;       /* global: mutable */
  awsm_limits limits; /* table or memory */
} awsm_import_desc;

typedef struct awsm_export_desc {
  const char *name; /* NUL-terminated; may also contain NUL bytes */
  uint32_t kind;
  uint32_t index;
  uint32_t name_len; /* bytes in name; 0 means strlen(name) */
} awsm_export_desc;

typedef struct awsm_global_desc {
  uint32_t type; /* AWSM_TYPE_* */
  uint32_t mut;
} awsm_global_desc;

typedef struct awsm_table_desc {
  uint32_t elem_type;
  awsm_limits limits;
} awsm_table_desc;

/* Everything a host needs to instantiate a compiled module. */
typedef struct awsm_module {
  uint32_t abi_version;
  const char *name;
  uint32_t num_types;
  const awsm_type_desc *types;
  uint32_t num_funcs; /* imported first, then defined */
  uint32_t num_imported_funcs;
  const uint32_t *func_types; /* type index per function */
  void *const *func_ptrs; /* native code per function; NULL if imported or not reachable by index */
  uint32_t num_imports;
  const awsm_import_desc *imports;
  uint32_t num_exports;
  const awsm_export_desc *exports;
  uint32_t num_globals;
  uint32_t num_imported_globals;
  const awsm_global_desc *globals;
  uint32_t num_tables;
  uint32_t num_imported_tables;
  const awsm_table_desc *tables;
  uint32_t has_memory;
  uint32_t memory_imported;
  awsm_limits memory_limits;
  uint32_t num_data;
  uint32_t num_elems;
  /* Initialise globals, then element and data segments; may trap. */
  void (*init)(awsm_instance *ctx);
  int32_t start_func;       /* function index, or -1 */
  uint32_t memory_strategy; /* AWSM_STRATEGY_* the code was compiled for */
  /* [code_start, code_end): the compiled guest code (the ELF section
   * awsm_guest_text of the binary the module was linked into). A memory
   * fault counts as the guest's out-of-bounds access only at a PC in
   * there; NULL (Cortex-M, hand-made descriptors): never. */
  const void *code_start;
  const void *code_end;
} awsm_module;

/* Bounds-check strategies (src/abi/strategy.rs mirrors the numbering). */
enum {
  AWSM_STRATEGY_GUARD_PAGES = 0,
  AWSM_STRATEGY_EXPLICIT = 1,
  AWSM_STRATEGY_MASK = 2,
  AWSM_STRATEGY_NONE = 3,
  AWSM_STRATEGY_SEGMENT = 4, /* x86-64: guard pages, memory base in %gs */
  AWSM_STRATEGY_COUNT
};

/* --------------------------------------------------------- embedding API */

/* A host function: reads args, writes results; returns 0, or a trap code. */
typedef int32_t (*awsm_host_callback)(void *env, awsm_instance *caller, const awsm_val *args,
                                      awsm_val *results);

/* What `ctx` points to when a funcref's `fn` is a host thunk. */
typedef struct awsm_host_func {
  awsm_host_callback callback;
  void *env;
  awsm_instance *caller; /* filled by the runtime: the importing instance */
} awsm_host_func;

/* One resolved import; matched to the module's imports by (module, name). */
typedef struct awsm_extern {
  const char *module;
  const char *name;
  uint32_t kind;
  union {
    const awsm_funcref *func; /* a function exported by another instance */
    awsm_memory *memory;
    awsm_table *table;
    awsm_global *global;
  } u;
  /* For a host function instead of `u.func`: callback + env + signature. */
  awsm_host_callback host_callback;
  void *host_env;
  const char *host_sig;
} awsm_extern;

/* Result of a guest call. `code` is AWSM_TRAP_NONE on success. */
typedef struct awsm_result {
  awsm_trap_code code;
  int32_t exit_status; /* valid when code == AWSM_TRAP_EXIT */
} awsm_result;

/* Canonical, process-wide id of a signature string (interned). */
uint32_t awsm_type_id(const char *sig);

/*
 * Instantiate: allocate memory, tables and globals, resolve imports,
 * run the module's initialisers and its start function. Returns NULL
 * and a static message in *error on failure.
 */
awsm_instance *awsm_instantiate(const awsm_module *module, const awsm_extern *imports,
                                size_t num_imports, const char **error);
void awsm_instance_free(awsm_instance *inst);

/* Export lookup: index into module->exports, or -1. */
int32_t awsm_export_index(const awsm_instance *inst, const char *name);
/* The same for a name of `len` bytes, which may contain NUL bytes. */
int32_t awsm_export_index_len(const awsm_instance *inst, const char *name, size_t len);

/* Call exported function `name` with args; results written to `results`. */
awsm_result awsm_invoke(awsm_instance *inst, const char *name, const awsm_val *args,
                        awsm_val *results);
/* Call any callable generically (sig from its type_id). */
awsm_result awsm_call_funcref(const awsm_funcref *f, const awsm_val *args, awsm_val *results);

/* Pointers to exported entities, or NULL. */
const awsm_funcref *awsm_export_func(awsm_instance *inst, const char *name);
/* An exported function by a name of `len` bytes (NUL bytes allowed);
 * call it with awsm_call_funcref. */
const awsm_funcref *awsm_export_func_len(awsm_instance *inst, const char *name, size_t len);
awsm_memory *awsm_export_memory(awsm_instance *inst, const char *name);
awsm_table *awsm_export_table(awsm_instance *inst, const char *name);
awsm_global *awsm_export_global(awsm_instance *inst, const char *name);

/* Grow memory by `delta` pages: old size in pages, or -1. */
int32_t awsm_memory_grow(awsm_memory *mem, uint32_t delta);
/* Grow a table by `delta` elements filled with `init`: old size, or -1. */
int32_t awsm_table_grow(awsm_table *table, uint32_t delta, void *init);

/*
 * Host-made memories and tables, importable like an instance's exports
 * (awsm_extern.u.memory / u.table). A memory must use the bounds-check
 * strategy (AWSM_STRATEGY_*) its importers were compiled for. Both return
 * NULL and a static message in *error on failure; free them only after
 * every instance importing them.
 */
awsm_memory *awsm_memory_new(uint32_t strategy, awsm_limits limits, const char **error);
void awsm_memory_free(awsm_memory *mem);
awsm_table *awsm_table_new(uint32_t elem_type, awsm_limits limits, const char **error);
void awsm_table_free(awsm_table *table);

/* Signature string of a canonical type id. */
const char *awsm_type_sig(uint32_t type_id);

/* ------------------------------------------------ compiled-code interface */
/*
 * Called by generated code only. Listed once in src/abi/symbols.rs.
 */
__attribute__((noreturn)) void awsm_trap(awsm_instance *ctx, int32_t code);
int32_t awsm_rt_memory_grow(awsm_instance *ctx, uint32_t delta);
int32_t awsm_rt_table_grow(awsm_instance *ctx, uint32_t table, void *init, uint32_t delta);
void awsm_rt_table_fill(awsm_instance *ctx, uint32_t table, uint32_t dst, void *val, uint32_t n);
void awsm_rt_table_copy(awsm_instance *ctx, uint32_t dst_table, uint32_t src_table, uint32_t dst,
                        uint32_t src, uint32_t n);
/* `elems`: one entry per element: >= 0 function index, -1 null,
 * <= -2 the value of global (-2 - entry). */
void awsm_rt_table_init(awsm_instance *ctx, uint32_t table, const int32_t *elems,
                        uint32_t num_elems, uint32_t dst, uint32_t src, uint32_t n);
void awsm_rt_memory_init(awsm_instance *ctx, const uint8_t *data, uint32_t data_len, uint32_t dst,
                         uint32_t src, uint32_t n);
void awsm_rt_memory_copy(awsm_instance *ctx, uint32_t dst, uint32_t src, uint32_t n);
void awsm_rt_memory_fill(awsm_instance *ctx, uint32_t dst, uint32_t val, uint32_t n);
/* Global accessors used with --runtime-globals (g = global index). */
int32_t awsm_rt_global_get_i32(awsm_instance *ctx, uint32_t g);
int64_t awsm_rt_global_get_i64(awsm_instance *ctx, uint32_t g);
float awsm_rt_global_get_f32(awsm_instance *ctx, uint32_t g);
double awsm_rt_global_get_f64(awsm_instance *ctx, uint32_t g);
void *awsm_rt_global_get_ref(awsm_instance *ctx, uint32_t g);
void awsm_rt_global_set_i32(awsm_instance *ctx, uint32_t g, int32_t v);
void awsm_rt_global_set_i64(awsm_instance *ctx, uint32_t g, int64_t v);
void awsm_rt_global_set_f32(awsm_instance *ctx, uint32_t g, float v);
void awsm_rt_global_set_f64(awsm_instance *ctx, uint32_t g, double v);
void awsm_rt_global_set_ref(awsm_instance *ctx, uint32_t g, void *v);
/* Body of every host thunk: run the callback, trap if it returns nonzero. */
void awsm_rt_call_host(awsm_host_func *f, const awsm_val *args, awsm_val *results);

/*
 * Guest-side address computation of each strategy (one per file in
 * runtime/memory/): the access reads or writes `size` bytes at wasm
 * address `idx + offset`, where `offset` is the instruction's static
 * offset (a constant, below 2^32) and `idx` the zero-extended index —
 * or, with guard pages and offset 0, the index's i32.add done as a
 * signed 64-bit sum (in [-2^32, 2^32); the memory's mirror 4 GiB below
 * its base makes that the same byte). `mem_size` is memory->size loaded by the caller. Returns
 * the host address, or traps. Inlined by LTO.
 */
uint8_t *awsm_mem_addr_guard_pages(awsm_instance *ctx, uint8_t *base, uint64_t mem_size,
                                   uint64_t idx, uint64_t offset, uint32_t size);
uint8_t *awsm_mem_addr_explicit(awsm_instance *ctx, uint8_t *base, uint64_t mem_size, uint64_t idx,
                                uint64_t offset, uint32_t size);
/* The bytes an explicit-strategy access may reach in a memory of size
 * `mem_size`: the bound of the checks the compiler hoists out of counted
 * loops (src/translate/hoist.rs). Inlined by LTO. */
uint64_t awsm_mem_limit_explicit(uint64_t mem_size);

/*
 * Why the calling thread's last awsm_instantiate failed: the trap code
 * (and exit_status for AWSM_TRAP_EXIT) when an initialiser or the start
 * function trapped; AWSM_TRAP_NONE when it failed for another reason or
 * succeeded.
 */
awsm_result awsm_instantiate_status(void);

/* --------------------------------------------------------------- WASI */
/* Arguments and environment seen by WASI guests of this process. The
 * arrays and strings must stay valid while guests run. */
void awsm_wasi_set_args(int argc, const char *const *argv, const char *const *envp);

/*
 * WASI preview1: an import `wasi_snapshot_preview1.X` is bound by the
 * compiler to awsm_wasi_X, whose parameters are X's witx parameters
 * lowered to wasm types (pointers are i32 offsets into memory 0). Each
 * returns a WASI errno (0 = success); proc_exit unwinds the guest with
 * AWSM_TRAP_EXIT. Only file descriptors 0-2 exist (no preopens yet).
 */
int32_t awsm_wasi_args_get(awsm_instance *ctx, int32_t argv, int32_t argv_buf);
int32_t awsm_wasi_args_sizes_get(awsm_instance *ctx, int32_t argc, int32_t argv_buf_size);
int32_t awsm_wasi_environ_get(awsm_instance *ctx, int32_t environ, int32_t environ_buf);
int32_t awsm_wasi_environ_sizes_get(awsm_instance *ctx, int32_t count, int32_t buf_size);
int32_t awsm_wasi_fd_write(awsm_instance *ctx, int32_t fd, int32_t iovs, int32_t iovs_len,
                           int32_t nwritten);
int32_t awsm_wasi_fd_read(awsm_instance *ctx, int32_t fd, int32_t iovs, int32_t iovs_len,
                          int32_t nread);
int32_t awsm_wasi_fd_seek(awsm_instance *ctx, int32_t fd, int64_t offset, int32_t whence,
                          int32_t newoffset);
int32_t awsm_wasi_fd_close(awsm_instance *ctx, int32_t fd);
int32_t awsm_wasi_fd_fdstat_get(awsm_instance *ctx, int32_t fd, int32_t stat);
int32_t awsm_wasi_fd_prestat_get(awsm_instance *ctx, int32_t fd, int32_t prestat);
int32_t awsm_wasi_fd_prestat_dir_name(awsm_instance *ctx, int32_t fd, int32_t path,
                                      int32_t path_len);
int32_t awsm_wasi_clock_time_get(awsm_instance *ctx, int32_t id, int64_t precision, int32_t time);
int32_t awsm_wasi_clock_res_get(awsm_instance *ctx, int32_t id, int32_t resolution);
int32_t awsm_wasi_random_get(awsm_instance *ctx, int32_t buf, int32_t buf_len);
__attribute__((noreturn)) void awsm_wasi_proc_exit(awsm_instance *ctx, int32_t status);
int32_t awsm_wasi_sched_yield(awsm_instance *ctx);

/* ------------------------------------------------------- WASI sandboxes */
/*
 * A sandbox is everything a WASI guest can reach: its arguments and
 * environment, stdio, and preopened directories and sockets (guest fds
 * 3, 4, ... in the order added). Paths are resolved beneath a preopen;
 * nothing outside can be named (doc/wasi.md). Configure a sandbox before
 * guests use it and keep it alive (and unchanged) while they do.
 *
 * An instance uses the sandbox attached to it, else the process-wide
 * default: initially stdio only, with awsm_wasi_set_args's arguments.
 * Descriptors a guest opens belong to its instance: awsm_instance_free
 * closes them (as awsm_sandbox_detach does).
 * Functions returning int return 0, or -1 with a message in *error
 * (static or thread-local; may be NULL).
 */
typedef struct awsm_sandbox awsm_sandbox;

/* Preopen flags. */
enum {
  AWSM_PREOPEN_READONLY = 1 /* no rights that modify files or the tree */
};

awsm_sandbox *awsm_sandbox_new(void);
void awsm_sandbox_free(awsm_sandbox *sb);
/* Copies the strings. */
int awsm_sandbox_set_args(awsm_sandbox *sb, int argc, const char *const *argv);
/* `envp`: NULL-terminated "NAME=VALUE" strings, copied. */
int awsm_sandbox_set_env(awsm_sandbox *sb, const char *const *envp);
/* Host descriptors behind guest fds 0-2 (default 0, 1, 2; -1 = closed).
 * They stay the embedder's. */
int awsm_sandbox_set_stdio(awsm_sandbox *sb, int in, int out, int err);
/* Give guests the directory `host_path` as `guest_path` (the name
 * fd_prestat_dir_name reports; NULL = host_path). */
int awsm_sandbox_preopen_dir(awsm_sandbox *sb, const char *host_path, const char *guest_path,
                             uint32_t flags, const char **error);
/* Give guests a socket (e.g. listening: sock_accept). Takes ownership. */
int awsm_sandbox_preopen_socket(awsm_sandbox *sb, int host_fd, const char **error);
/* The sandbox of instances that have none attached (NULL: the builtin). */
void awsm_sandbox_set_default(const awsm_sandbox *sb);
/* Use `sb` for `inst` from now on, with a fresh descriptor table. */
int awsm_sandbox_attach(awsm_instance *inst, const awsm_sandbox *sb);
/* Close the descriptors `inst`'s guest opened and drop its WASI state. */
void awsm_sandbox_detach(awsm_instance *inst);

/* WASI preview1 functions beyond the first set above. */
int32_t awsm_wasi_fd_advise(awsm_instance *ctx, int32_t fd, int64_t offset, int64_t len,
                            int32_t advice);
int32_t awsm_wasi_fd_allocate(awsm_instance *ctx, int32_t fd, int64_t offset, int64_t len);
int32_t awsm_wasi_fd_datasync(awsm_instance *ctx, int32_t fd);
int32_t awsm_wasi_fd_fdstat_set_flags(awsm_instance *ctx, int32_t fd, int32_t flags);
int32_t awsm_wasi_fd_fdstat_set_rights(awsm_instance *ctx, int32_t fd, int64_t base,
                                       int64_t inheriting);
int32_t awsm_wasi_fd_filestat_get(awsm_instance *ctx, int32_t fd, int32_t buf);
int32_t awsm_wasi_fd_filestat_set_size(awsm_instance *ctx, int32_t fd, int64_t size);
int32_t awsm_wasi_fd_filestat_set_times(awsm_instance *ctx, int32_t fd, int64_t atim, int64_t mtim,
                                        int32_t fst_flags);
int32_t awsm_wasi_fd_pread(awsm_instance *ctx, int32_t fd, int32_t iovs, int32_t iovs_len,
                           int64_t offset, int32_t nread);
int32_t awsm_wasi_fd_pwrite(awsm_instance *ctx, int32_t fd, int32_t iovs, int32_t iovs_len,
                            int64_t offset, int32_t nwritten);
int32_t awsm_wasi_fd_readdir(awsm_instance *ctx, int32_t fd, int32_t buf, int32_t buf_len,
                             int64_t cookie, int32_t bufused);
int32_t awsm_wasi_fd_renumber(awsm_instance *ctx, int32_t from, int32_t to);
int32_t awsm_wasi_fd_sync(awsm_instance *ctx, int32_t fd);
int32_t awsm_wasi_fd_tell(awsm_instance *ctx, int32_t fd, int32_t offset);
int32_t awsm_wasi_path_create_directory(awsm_instance *ctx, int32_t fd, int32_t path,
                                        int32_t path_len);
int32_t awsm_wasi_path_filestat_get(awsm_instance *ctx, int32_t fd, int32_t flags, int32_t path,
                                    int32_t path_len, int32_t buf);
int32_t awsm_wasi_path_filestat_set_times(awsm_instance *ctx, int32_t fd, int32_t flags,
                                          int32_t path, int32_t path_len, int64_t atim,
                                          int64_t mtim, int32_t fst_flags);
int32_t awsm_wasi_path_link(awsm_instance *ctx, int32_t old_fd, int32_t old_flags, int32_t old_path,
                            int32_t old_len, int32_t new_fd, int32_t new_path, int32_t new_len);
int32_t awsm_wasi_path_open(awsm_instance *ctx, int32_t fd, int32_t dirflags, int32_t path,
                            int32_t path_len, int32_t oflags, int64_t rights_base,
                            int64_t rights_inheriting, int32_t fdflags, int32_t opened_fd);
int32_t awsm_wasi_path_readlink(awsm_instance *ctx, int32_t fd, int32_t path, int32_t path_len,
                                int32_t buf, int32_t buf_len, int32_t bufused);
int32_t awsm_wasi_path_remove_directory(awsm_instance *ctx, int32_t fd, int32_t path,
                                        int32_t path_len);
int32_t awsm_wasi_path_rename(awsm_instance *ctx, int32_t fd, int32_t old_path, int32_t old_len,
                              int32_t new_fd, int32_t new_path, int32_t new_len);
int32_t awsm_wasi_path_symlink(awsm_instance *ctx, int32_t old_path, int32_t old_len, int32_t fd,
                               int32_t new_path, int32_t new_len);
int32_t awsm_wasi_path_unlink_file(awsm_instance *ctx, int32_t fd, int32_t path, int32_t path_len);
int32_t awsm_wasi_poll_oneoff(awsm_instance *ctx, int32_t in, int32_t out, int32_t nsubscriptions,
                              int32_t nevents);
int32_t awsm_wasi_proc_raise(awsm_instance *ctx, int32_t sig);
int32_t awsm_wasi_sock_accept(awsm_instance *ctx, int32_t fd, int32_t flags, int32_t result_fd);
int32_t awsm_wasi_sock_recv(awsm_instance *ctx, int32_t fd, int32_t ri_data, int32_t ri_data_len,
                            int32_t ri_flags, int32_t ro_datalen, int32_t ro_flags);
int32_t awsm_wasi_sock_send(awsm_instance *ctx, int32_t fd, int32_t si_data, int32_t si_data_len,
                            int32_t si_flags, int32_t so_datalen);
int32_t awsm_wasi_sock_shutdown(awsm_instance *ctx, int32_t fd, int32_t how);

#ifdef __cplusplus
}
#endif
#endif /* AWSM_H */
