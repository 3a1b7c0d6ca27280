/*
 * command.c — run a compiled WASI command on a board, in as little flash
 * as possible: awsm_cm_run_command.
 *
 * The general embedding API (awsm_instantiate, awsm_invoke: instance.c,
 * invoke.c, types.c) serves hosts that link several modules, resolve
 * imports by name, intern signatures process-wide and call exports
 * generically. A firmware image that only runs one module's `_start` needs
 * none of that, and on a microcontroller that machinery is most of the
 * image (about 6 KiB against kernels of 1-2 KiB). This path supports
 * exactly what awsm lets an executable contain, a module whose imports
 * are all WASI functions bound by the compiler, and does what
 * awsm_instantiate does for such a module: allocate globals, tables,
 * funcrefs and memory, run the initialisers and the start function, then
 * `_start`. `inst->module` stays NULL: nothing on this path reads it, and
 * storing the descriptor's address would keep the descriptor in flash.
 *
 * Written for LTO: firmware passes its constant descriptor, so every
 * `m->field` read folds to a constant and the descriptor itself, its
 * import list, its type table and the generic-call trampolines it points
 * to drop out of the image. Signatures are read only when the module has
 * a table (call_indirect is the only reader of type ids), and then compared
 * among the module's own types: one instance, so module-local canonical
 * ids do the work of process-wide ones.
 */
#include "cm_internal.h"

#include <stdlib.h>

enum { EXIT_LOAD_ERROR = 1 };

/* 0 when nothing reads `inst->funcs` (no ref.func, no table.init, no
 * call through it): awsm defines it (src/target/firmware.rs), so instantiation skips
 * filling the array, which LTO cannot see is unread because generated
 * code receives the instance as a pointer. */
extern const uint32_t awsm_cm_funcrefs;
/* The module's function imports with no code pointer in its descriptor:
 * those awsm could not bind to this runtime's WASI functions. */
extern const uint32_t awsm_cm_unbound_imports;

/* The one instance a command runs in: static, so it costs no allocation. */
static awsm_instance command;

__attribute__((noreturn)) static void load_error(const char *why) {
  awsm_cm_print_error("awsm: ");
  awsm_cm_print_error(why);
  awsm_cm_print_error("\n");
  awsm_port_exit(EXIT_LOAD_ERROR);
}

/* Out of line: one copy of the allocator instead of one per caller. */
__attribute__((noinline)) static void *zeroed_array(size_t count, size_t size) {
  void *p = calloc(count, size);
  if (!p)
    load_error("out of memory");
  return p;
}

/* Inline, so the arrays a module does not have (count 0, a constant with
 * the firmware's descriptor) cost no call. */
static void *zeroed(size_t count, size_t size) { return count ? zeroed_array(count, size) : NULL; }

/*
 * Instance state that never grows (function references, global cells,
 * table headers, type ids, segment flags) is carved from one zeroed
 * block. With the firmware's constant descriptor its size is a constant,
 * and when it fits STATE_POOL_BYTES the block is this static array, which
 * the reset code has already zeroed: each array is then a constant
 * address and instantiation calls no allocator for it. A larger module's
 * block comes from the heap (the pool, unreferenced, is then dropped).
 * Table elements stay on the heap: table.grow reallocs them.
 */
enum { STATE_POOL_BYTES = 256 };
static uint64_t state_pool[STATE_POOL_BYTES / sizeof(uint64_t)];

/* Offsets in the state block, each array 8-byte aligned (global cells
 * hold i64/f64). */
typedef struct state_layout {
  size_t type_ids, funcs, global_ptrs, cells, table_ptrs, tables, data_dropped, elem_dropped, size;
} state_layout;

static size_t place(size_t *end, size_t count, size_t size) {
  size_t at = *end;
  *end += (count * size + 7u) & ~(size_t)7u;
  return at;
}

static state_layout layout_of(const awsm_module *m) {
  state_layout l;
  size_t end = 0;
  l.type_ids = place(&end, m->num_tables ? m->num_types : 0, sizeof(uint32_t));
  l.funcs = place(&end, awsm_cm_funcrefs ? m->num_funcs : 0, sizeof(awsm_funcref));
  l.global_ptrs = place(&end, m->num_globals, sizeof(awsm_global *));
  l.cells = place(&end, m->num_globals, sizeof(awsm_global));
  l.table_ptrs = place(&end, m->num_tables, sizeof(awsm_table *));
  l.tables = place(&end, m->num_tables, sizeof(awsm_table));
  l.data_dropped = place(&end, m->num_data, 1);
  l.elem_dropped = place(&end, m->num_elems, 1);
  l.size = end;
  return l;
}

static uint8_t *state_block(size_t size) {
  return size <= sizeof state_pool ? (uint8_t *)state_pool : zeroed(size, 1);
}

static bool same_string(const char *a, const char *b) {
#pragma clang loop unroll(disable)
  while (*a && *a == *b)
    a++, b++;
  return *a == *b;
}

/* Type ids local to the module: the fixed id of a short signature (which
 * generated code compares with as a constant), else 1 + the first type
 * index with the same signature, so equal signatures compare equal at
 * call_indirect. */
static uint32_t *local_type_ids(const awsm_module *m, uint32_t *ids) {
  for (uint32_t t = 0; t < m->num_types; t++) {
    uint32_t first = 0;
    while (!same_string(m->types[first].sig, m->types[t].sig))
      first++;
    uint32_t fixed = awsm_fixed_type_id(m->types[t].sig);
    ids[t] = fixed ? fixed : first + 1;
  }
  return ids;
}

static void alloc_tables(awsm_instance *inst, const awsm_module *m, awsm_table **ptrs,
                         awsm_table *own) {
  inst->tables = ptrs;
  for (uint32_t i = 0; i < m->num_tables; i++) {
    const awsm_table_desc *d = &m->tables[i];
    if (d->limits.min > AWSM_TABLE_LIMIT)
      load_error("table size too large");
    own[i].elem_type = d->elem_type;
    own[i].max_size = d->limits.has_max ? d->limits.max : AWSM_TABLE_UNBOUNDED;
    own[i].size = d->limits.min;
    own[i].elems = zeroed(d->limits.min, sizeof *own[i].elems);
    inst->tables[i] = &own[i];
  }
}

static void alloc_memory(awsm_instance *inst, const awsm_module *m) {
  const awsm_strategy_ops *ops = awsm_strategy_ops_for(m->memory_strategy);
  awsm_limits lim = m->memory_limits;
  if (!ops)
    load_error("unsupported bounds-check strategy");
  if (lim.min > AWSM_MAX_PAGES || (lim.has_max && lim.max < lim.min))
    load_error("memory size too large");
  uint64_t max_pages = lim.has_max && lim.max < AWSM_MAX_PAGES ? lim.max : AWSM_MAX_PAGES;
  if (ops->alloc(&inst->own_memory, lim.min * AWSM_PAGE_SIZE, max_pages * AWSM_PAGE_SIZE) != 0)
    load_error("cannot allocate linear memory");
  inst->memory = &inst->own_memory;
  awsm_sync_memory(inst);
}

/* Allocate everything instance state holds. Memory comes last: it is the
 * allocation memory.grow may extend in place. */
static void allocate(awsm_instance *inst, const awsm_module *m) {
  if (m->num_imports != m->num_imported_funcs || m->num_imported_globals ||
      m->num_imported_tables || m->memory_imported)
    load_error("firmware binds only WASI function imports");
  state_layout l = layout_of(m);
  uint8_t *state = state_block(l.size);
  /* Pointers to arrays the module does not have stay NULL (the instance
   * is in .bss): nothing indexes an empty array, and a store is flash. */
  const uint32_t *ids = m->num_tables ? local_type_ids(m, (uint32_t *)(state + l.type_ids)) : NULL;
  if (ids)
    inst->type_ids = ids;
  /* Only imports must be bound (a defined function nothing can look up
   * by index, not exported nor in a table, has no pointer), and awsm
   * counted those it could not bind to the runtime's WASI functions. */
  if (awsm_cm_unbound_imports)
    load_error("firmware binds only WASI function imports");
  if (awsm_cm_funcrefs) {
    inst->funcs = (awsm_funcref *)(state + l.funcs);
    for (uint32_t i = 0; i < m->num_funcs; i++)
      inst->funcs[i] = (awsm_funcref){m->func_ptrs[i], inst, ids ? ids[m->func_types[i]] : 0};
  }
  /* Filled through a local: a store through inst->globals would make the
   * compiler reload it after each cell pointer it stores. A do-while, so
   * with one global (the usual: the stack pointer) no loop is left: the
   * optimiser folds a back edge never taken, but not one taken once. */
  if (m->num_globals) {
    awsm_global **global_ptrs = (awsm_global **)(state + l.global_ptrs);
    awsm_global *cells = (awsm_global *)(state + l.cells);
    uint32_t i = 0;
    do
      global_ptrs[i] = &cells[i];
    while (++i < m->num_globals);
    inst->globals = global_ptrs;
  }
  if (m->num_tables)
    alloc_tables(inst, m, (awsm_table **)(state + l.table_ptrs), (awsm_table *)(state + l.tables));
  if (m->num_data)
    inst->data_dropped = state + l.data_dropped;
  if (m->num_elems)
    inst->elem_dropped = state + l.elem_dropped;
  if (m->has_memory)
    alloc_memory(inst, m);
}

/* `_start`'s code, if the module exports a function by that name (awsm
 * checks its type, () -> (), when it builds firmware). */
static awsm_cm_start_fn find_start(const awsm_module *m) {
  for (uint32_t i = 0; i < m->num_exports; i++) {
    const awsm_export_desc *e = &m->exports[i];
    if (e->kind == AWSM_EXTERN_FUNC && e->name_len == 6 && same_string(e->name, "_start"))
      return (awsm_cm_start_fn)m->func_ptrs[e->index];
  }
  return NULL;
}

void awsm_cm_run_start(const awsm_module *m, awsm_cm_start_fn start) {
  if (!m || m->abi_version != AWSM_ABI_VERSION)
    load_error("module ABI version does not match the runtime's");
  awsm_instance *inst = &command;
  allocate(inst, m);
  /* No setjmp: a trap outside any guest call ends the program the way
   * this function would after catching it (awsm_trap, trap.c). */
  inst->stack_limit = awsm_port_stack_bottom() + AWSM_CM_STACK_MARGIN;
  if (m->init)
    m->init(inst);
  if (m->start_func >= 0)
    ((awsm_cm_start_fn)m->func_ptrs[m->start_func])(inst);
  if (!start)
    load_error("module has no _start export");
  start(inst);
  awsm_port_exit(0);
}

void awsm_cm_run_command(const awsm_module *m) { awsm_cm_run_start(m, m ? find_start(m) : NULL); }
