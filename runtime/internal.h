/*
 * internal.h — runtime-private declarations shared by the runtime's C files.
 * Never included by generated code or embedders.
 */
#ifndef AWSM_INTERNAL_H
#define AWSM_INTERNAL_H

#include "awsm.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#define AWSM_PAGE_SIZE 65536ull
#define AWSM_MAX_PAGES 65536ull
#define AWSM_MAX_MEMORY_BYTES (AWSM_MAX_PAGES * AWSM_PAGE_SIZE)
#define AWSM_TABLE_UNBOUNDED 0xffffffffu
/* Implementation limit on table elements (the spec allows limits). */
#define AWSM_TABLE_LIMIT 10000000u
/* One view of a guard-pages memory: the whole 32-bit index space. */
#define AWSM_GUARD_VIEW (4ull << 30)
/* Views of the same pages a guard-pages memory maps back to back: the
 * memory and a mirror 4 GiB below it (src/translate/mirror.rs). */
#define AWSM_GUARD_VIEWS 2
/* Address space a guard-pages memory reserves: the views, then PROT_NONE
 * for the largest static offset and access width. */
#define AWSM_GUARD_RESERVATION ((AWSM_GUARD_VIEWS + 1) * AWSM_GUARD_VIEW + 65536ull)
/* Address space a mask memory reserves: the largest arena plus slack. */
#define AWSM_MASK_RESERVATION ((4ull << 30) + 65536ull)

/* ------------------------------------------------- process-wide state */
/*
 * Every piece of state the runtime keeps for the whole process (or for a
 * thread) is a non-static, awsm_-prefixed definition, never a `static`
 * variable. awsm gives runtime definitions weak_odr linkage in .o and .so
 * outputs, so when several compiled modules live in one process (linked
 * into one host, or dlopen'ed with RTLD_GLOBAL) the linkers merge each of
 * these into one copy: a trap raised by module B's code reaches the guest
 * call entered through module A's copy of awsm_invoke, and type ids,
 * instance and reservation registries are the same for every module.
 */

/* Per-thread guest-call state (trap.c). */
typedef struct awsm_thread_state {
  void *target;          /* sigjmp_buf of the innermost guest call, or NULL */
  uintptr_t stack_limit; /* lowest stack address + margin */
  int32_t exit_status;   /* of the last proc_exit */
  bool ready;            /* stack_limit computed, altstack installed */
  bool gs_known;         /* gs_shadow is valid (segment.c, system-call path) */
  uintptr_t gs_shadow;   /* this thread's %gs base, when written by system call */
} awsm_thread_state;
extern _Thread_local awsm_thread_state awsm_tls;
/* Per-thread alternate signal stacks, released at thread exit (trap.c). */
extern pthread_once_t awsm_altstack_once;
extern pthread_key_t awsm_altstack_key;

/* Interned function signatures (types.c). */
typedef struct awsm_type_registry {
  pthread_mutex_t lock;
  char **sigs;       /* sigs[id - 1] */
  uint32_t num_sigs; /* ids handed out */
  uint32_t sigs_cap;
  uint32_t *slots;    /* open-addressing hash: id, or 0 when empty */
  uint32_t slots_cap; /* power of two, > 2 * num_sigs */
} awsm_type_registry;
extern awsm_type_registry awsm_types;

/* Live instances, for import type checks (instance.c). */
struct awsm_instance_state;
typedef struct awsm_instance_registry {
  pthread_mutex_t lock;
  struct awsm_instance_state *live;
  /* Instances whose initialisation trapped but may be referenced from an
   * imported table or global; kept until process exit (doc/abi.md). */
  struct awsm_instance_state *zombies;
} awsm_instance_registry;
extern awsm_instance_registry awsm_instances;
/*
 * Called by awsm_instance_free before it frees anything, when set: a layer
 * built on the core (runtime/wasi/) sets it at start-up to release the
 * state it keeps in `inst->wasi`. The core never names that layer, so the
 * dependency runs one way, wasi/ -> core. NULL without one (Cortex-M).
 */
extern void (*awsm_instance_release_hook)(awsm_instance *inst);
/* Why the thread's last awsm_instantiate failed, and its error text. */
extern _Thread_local awsm_result awsm_last_instantiate_status;
extern _Thread_local char awsm_error_buf[512];

/* ------------------------------------------------- guest calls (trap.c) */

typedef void (*awsm_guest_body)(void *arg);

/*
 * Run `body(arg)` as a guest call: traps inside unwind back here and are
 * returned (AWSM_TRAP_NONE if body returned). Refreshes ctx->stack_limit
 * from the current thread's stack. Nests.
 */
awsm_trap_code awsm_guarded_call(awsm_instance *ctx, awsm_guest_body body, void *arg);
/* Whether the current thread is inside a guest call. Async-signal-safe. */
bool awsm_in_guest_call(void);
/* proc_exit's status, kept per thread until awsm_invoke reports it. */
void awsm_set_exit_status(int32_t status);
int32_t awsm_exit_status(void);

/* ------------------------------------------- memory strategies (memory/) */

typedef struct awsm_strategy_ops {
  /* Set up `mem` with `size` accessible bytes; 0 on success. */
  int (*alloc)(awsm_memory *mem, uint64_t size, uint64_t max_size);
  /* Make `new_size` (> mem->size) bytes accessible, zeroed; 0 on success. */
  int (*grow)(awsm_memory *mem, uint64_t new_size);
  void (*free)(awsm_memory *mem);
} awsm_strategy_ops;

extern const awsm_strategy_ops awsm_guard_pages_ops;
extern const awsm_strategy_ops awsm_explicit_ops;
extern const awsm_strategy_ops awsm_mask_ops;

/* Address functions of the strategies awsm.h does not list. */
uint8_t *awsm_mem_addr_mask(awsm_instance *ctx, uint8_t *base, uint64_t mem_size, uint64_t idx,
                            uint64_t offset, uint32_t size);
uint8_t *awsm_mem_addr_none(awsm_instance *ctx, uint8_t *base, uint64_t mem_size, uint64_t idx,
                            uint64_t offset, uint32_t size);

/* The segment strategy's %gs management (memory/segment.c, x86-64 only):
 * how %gs is written, process-wide (detected on first use); enter/leave
 * bracket every entry into a segment module's code (its entry thunks and
 * export wrappers call them); save + leave bracket every guest call, so a
 * trap that unwinds past the thunks restores %gs too. */
enum { AWSM_GS_UNKNOWN = 0, AWSM_GS_WRGSBASE = 1, AWSM_GS_SYSCALL = 2 };
extern _Atomic(int) awsm_gs_mode;
uintptr_t awsm_segment_enter(awsm_instance *ctx);
void awsm_segment_leave(uintptr_t prev);
uintptr_t awsm_segment_save(void);

/* What the fault handler checks (guard_pages.c): live reservations
 * (16384 * 8 GiB covers the x86-64 user address space) and the code of
 * each compiled module in use, with a count of the instances using it. */
#define AWSM_MAX_RESERVATIONS 16384
#define AWSM_MAX_CODE_RANGES 4096
typedef struct awsm_fault_registry {
  pthread_mutex_t lock;
  _Atomic(uintptr_t) reservations[AWSM_MAX_RESERVATIONS]; /* base, 0 = free */
  _Atomic(uint64_t) lengths[AWSM_MAX_RESERVATIONS];
  /* The guard-pages memory of the slot while its mirror is not mapped yet
   * (guard_pages.c maps it at the first access), else 0. */
  _Atomic(uintptr_t) lazy_mirrors[AWSM_MAX_RESERVATIONS];
  _Atomic(size_t) used;                                 /* slots ever used */
  _Atomic(uintptr_t) code_starts[AWSM_MAX_CODE_RANGES]; /* 0 = free */
  _Atomic(uintptr_t) code_ends[AWSM_MAX_CODE_RANGES];
  size_t code_refs[AWSM_MAX_CODE_RANGES];
  _Atomic(size_t) code_used;
} awsm_fault_registry;
extern awsm_fault_registry awsm_faults;

/* Reservations whose faults inside a guest call are traps (guard_pages.c);
 * install the SIGSEGV/SIGBUS handler once per process before adding one. */
void awsm_install_fault_handler(void);
int awsm_reservation_add(uintptr_t base, uint64_t length, awsm_memory *lazy_mirror);
void awsm_reservation_remove(uintptr_t base);
/* Address ranges of compiled guest code (each module's awsm_guest_text
 * section, from its descriptor): a fault is a trap only at a PC in one.
 * Counted: one add per instance, removed with the last. 0 on success. */
int awsm_code_range_add(const void *start, const void *end);
void awsm_code_range_remove(const void *start);

/* The allocator for a module compiled for `strategy`, or NULL. */
const awsm_strategy_ops *awsm_strategy_ops_for(uint32_t strategy);
/* The allocator `mem` was created with (told apart by mem->reserved). */
const awsm_strategy_ops *awsm_memory_ops(const awsm_memory *mem);

/* -------------------------------------------------- types (types.c) */

/* The owner of host-function boxes: `ctx->module` of a host funcref. */
extern const awsm_module awsm_host_module;

/* What a host funcref's ctx points to: usable as an instance whose
 * `module` is &awsm_host_module, so funcrefs can be told apart. */
typedef union awsm_host_box {
  awsm_host_func func;
  awsm_instance as_instance;
} awsm_host_box;

static inline bool awsm_is_host_funcref(const awsm_funcref *f) {
  return f->ctx->module == &awsm_host_module;
}

/* --------------------------------------------------- fixed type ids */
/*
 * A signature of at most AWSM_SIG_MAX_ENCODED letters (':' included) has a
 * fixed canonical id: bit 31, then a 1 bit marking the length, then 3 bits
 * per letter, coded by its position in AWSM_SIG_LETTERS. The compiler
 * computes the same ids (src/abi/type_id.rs) and compares a call_indirect
 * callee's id with a constant; awsm_type_id interns only longer ones.
 */
#define AWSM_SIG_MAX_ENCODED 10
#define AWSM_FIXED_TYPE_ID_BIT 0x80000000u
#define AWSM_SIG_LETTERS ":iIfFvre"

/* The fixed id of `sig`, or 0 if it has none (empty, too long, or a letter
 * outside AWSM_SIG_LETTERS). No libc: Cortex-M firmware uses it too. */
static inline uint32_t awsm_fixed_type_id(const char *sig) {
  uint32_t id = 1, n = 0;
  for (; sig[n]; n++) {
    uint32_t code = 0;
    while (code < 8 && AWSM_SIG_LETTERS[code] != sig[n])
      code++;
    if (code == 8 || n == AWSM_SIG_MAX_ENCODED)
      return 0;
    id = id << 3 | code;
  }
  return n ? AWSM_FIXED_TYPE_ID_BIT | id : 0;
}

/* Make the instance's copies of memory 0's base and size (awsm.h) current. */
static inline void awsm_sync_memory(awsm_instance *inst) {
  inst->memory_base = inst->memory ? inst->memory->base : NULL;
  inst->memory_size = inst->memory ? inst->memory->size : 0;
}

/* ----------------------------------------- instance registry (instance.c) */

/* Declared types of entities owned by a live instance, for import checks.
 * Each returns false when no live instance owns the entity. */
bool awsm_find_global_type(const awsm_global *cell, awsm_global_desc *out);
bool awsm_find_table_limits(const awsm_table *table, awsm_limits *out);
bool awsm_find_memory_limits(const awsm_memory *mem, awsm_limits *out);
/* After `mem` grew (or moved): refresh the memory_base/memory_size copies
 * of every instance whose memory 0 it is. */
void awsm_memory_changed(const awsm_memory *mem);

/* Format an error message into a thread-local buffer and return it. */
const char *awsm_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* AWSM_INTERNAL_H */
