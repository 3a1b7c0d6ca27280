/*
 * instance.c — awsm_instantiate and awsm_instance_free.
 *
 * An instance owns its defined memory (own_memory), tables, global cells,
 * funcref array and host-function boxes; imported entities are borrowed
 * from the awsm_extern the host passed. Live instances are kept in a
 * registry so that importing one instance's export into another can check
 * the declared types the bare pointers do not carry.
 */
#define _GNU_SOURCE
#include "internal.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct awsm_instance_state {
  struct awsm_instance_state *prev, *next; /* registry of live instances */
  awsm_instance *inst;
  awsm_global *cells;        /* defined globals */
  awsm_table *own_tables;    /* defined tables */
  awsm_host_box *host_boxes; /* one per imported function, used if host */
  bool code_registered;      /* module->code_start counted in the fault handler */
} instance_state;

/* Process-wide, shared by every compiled module (internal.h). */
awsm_instance_registry awsm_instances = {.lock = PTHREAD_MUTEX_INITIALIZER};
_Thread_local char awsm_error_buf[512];
_Thread_local awsm_result awsm_last_instantiate_status;

const char *awsm_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(awsm_error_buf, sizeof awsm_error_buf, fmt, ap);
  va_end(ap);
  return awsm_error_buf;
}

awsm_result awsm_instantiate_status(void) { return awsm_last_instantiate_status; }

/* ------------------------------------------------------------- registry */

static void registry_link(instance_state **list, instance_state *s) {
  pthread_mutex_lock(&awsm_instances.lock);
  s->prev = NULL;
  s->next = *list;
  if (*list)
    (*list)->prev = s;
  *list = s;
  pthread_mutex_unlock(&awsm_instances.lock);
}

static void registry_unlink(instance_state **list, instance_state *s) {
  pthread_mutex_lock(&awsm_instances.lock);
  if (s->prev)
    s->prev->next = s->next;
  else if (*list == s)
    *list = s->next;
  if (s->next)
    s->next->prev = s->prev;
  s->prev = s->next = NULL;
  pthread_mutex_unlock(&awsm_instances.lock);
}

static bool within(const void *p, const void *start, size_t count, size_t size) {
  uintptr_t a = (uintptr_t)p, s = (uintptr_t)start;
  return start && a >= s && a < s + count * size;
}

bool awsm_find_global_type(const awsm_global *cell, awsm_global_desc *out) {
  bool found = false;
  pthread_mutex_lock(&awsm_instances.lock);
  for (instance_state *s = awsm_instances.live; s && !found; s = s->next) {
    const awsm_module *m = s->inst->module;
    uint32_t defined = m->num_globals - m->num_imported_globals;
    if (within(cell, s->cells, defined, sizeof *cell)) {
      *out = m->globals[m->num_imported_globals + (uint32_t)(cell - s->cells)];
      found = true;
    }
  }
  pthread_mutex_unlock(&awsm_instances.lock);
  return found;
}

bool awsm_find_table_limits(const awsm_table *table, awsm_limits *out) {
  bool found = false;
  pthread_mutex_lock(&awsm_instances.lock);
  for (instance_state *s = awsm_instances.live; s && !found; s = s->next) {
    const awsm_module *m = s->inst->module;
    uint32_t defined = m->num_tables - m->num_imported_tables;
    if (within(table, s->own_tables, defined, sizeof *table)) {
      *out = m->tables[m->num_imported_tables + (uint32_t)(table - s->own_tables)].limits;
      found = true;
    }
  }
  pthread_mutex_unlock(&awsm_instances.lock);
  return found;
}

bool awsm_find_memory_limits(const awsm_memory *mem, awsm_limits *out) {
  bool found = false;
  pthread_mutex_lock(&awsm_instances.lock);
  for (instance_state *s = awsm_instances.live; s && !found; s = s->next) {
    if (mem == &s->inst->own_memory && !s->inst->module->memory_imported) {
      *out = s->inst->module->memory_limits;
      found = true;
    }
  }
  pthread_mutex_unlock(&awsm_instances.lock);
  return found;
}

void awsm_memory_changed(const awsm_memory *mem) {
  pthread_mutex_lock(&awsm_instances.lock);
  for (instance_state *s = awsm_instances.live; s; s = s->next)
    if (s->inst->memory == mem)
      awsm_sync_memory(s->inst);
  for (instance_state *s = awsm_instances.zombies; s; s = s->next)
    if (s->inst->memory == mem)
      awsm_sync_memory(s->inst);
  pthread_mutex_unlock(&awsm_instances.lock);
}

/* ------------------------------------------------------------ allocation */

static const char *alloc_memory(awsm_instance *inst) {
  const awsm_module *m = inst->module;
  const awsm_strategy_ops *ops = awsm_strategy_ops_for(m->memory_strategy);
  if (!ops)
    return awsm_error("unsupported bounds-check strategy %u", m->memory_strategy);
  awsm_limits lim = m->memory_limits;
  if (lim.min > AWSM_MAX_PAGES || (lim.has_max && lim.max < lim.min))
    return "memory size too large";
  uint64_t max_pages = lim.has_max && lim.max < AWSM_MAX_PAGES ? lim.max : AWSM_MAX_PAGES;
  if (ops->alloc(&inst->own_memory, lim.min * AWSM_PAGE_SIZE, max_pages * AWSM_PAGE_SIZE) != 0)
    return "cannot allocate linear memory";
  inst->memory = &inst->own_memory;
  awsm_sync_memory(inst);
  return NULL;
}

static const char *alloc_tables(awsm_instance *inst, instance_state *s) {
  const awsm_module *m = inst->module;
  uint32_t defined = m->num_tables - m->num_imported_tables;
  if (m->num_tables && !(inst->tables = calloc(m->num_tables, sizeof *inst->tables)))
    return "out of memory";
  if (defined && !(s->own_tables = calloc(defined, sizeof *s->own_tables)))
    return "out of memory";
  for (uint32_t i = 0; i < defined; i++) {
    const awsm_table_desc *d = &m->tables[m->num_imported_tables + i];
    awsm_table *t = &s->own_tables[i];
    t->elem_type = d->elem_type;
    t->max_size = d->limits.has_max ? d->limits.max : AWSM_TABLE_UNBOUNDED;
    if (d->limits.min > AWSM_TABLE_LIMIT)
      return "table size too large";
    if (d->limits.min && !(t->elems = calloc(d->limits.min, sizeof *t->elems)))
      return "out of memory";
    t->size = d->limits.min;
    inst->tables[m->num_imported_tables + i] = t;
  }
  return NULL;
}

static const char *alloc_globals(awsm_instance *inst, instance_state *s) {
  const awsm_module *m = inst->module;
  uint32_t defined = m->num_globals - m->num_imported_globals;
  if (m->num_globals && !(inst->globals = calloc(m->num_globals, sizeof *inst->globals)))
    return "out of memory";
  if (defined && !(s->cells = calloc(defined, sizeof *s->cells)))
    return "out of memory";
  for (uint32_t i = 0; i < defined; i++)
    inst->globals[m->num_imported_globals + i] = &s->cells[i];
  return NULL;
}

static const char *alloc_funcs(awsm_instance *inst) {
  const awsm_module *m = inst->module;
  uint32_t *ids = m->num_types ? calloc(m->num_types, sizeof *ids) : NULL;
  inst->type_ids = ids;
  if (m->num_types && !ids)
    return "out of memory";
  for (uint32_t t = 0; t < m->num_types; t++) {
    if (!(ids[t] = awsm_type_id(m->types[t].sig)))
      return "out of memory";
  }
  if (m->num_funcs && !(inst->funcs = calloc(m->num_funcs, sizeof *inst->funcs)))
    return "out of memory";
  for (uint32_t i = 0; i < m->num_funcs; i++) {
    if (m->func_types[i] >= m->num_types)
      return "malformed module descriptor: function type out of range";
    if (i >= m->num_imported_funcs)
      inst->funcs[i] = (awsm_funcref){m->func_ptrs[i], inst, ids[m->func_types[i]]};
  }
  return NULL;
}

static const char *allocate(awsm_instance *inst, instance_state *s) {
  const awsm_module *m = inst->module;
  const char *err = alloc_funcs(inst);
  if (!err)
    err = alloc_globals(inst, s);
  if (!err)
    err = alloc_tables(inst, s);
  if (!err && m->has_memory && !m->memory_imported)
    err = alloc_memory(inst);
  if (!err && m->num_data && !(inst->data_dropped = calloc(m->num_data, 1)))
    err = "out of memory";
  if (!err && m->num_elems && !(inst->elem_dropped = calloc(m->num_elems, 1)))
    err = "out of memory";
  return err;
}

/* --------------------------------------------------------------- imports */

static const awsm_extern *find_extern(const awsm_extern *externs, size_t n,
                                      const awsm_import_desc *d, bool any_kind) {
  for (size_t i = 0; externs && i < n; i++) {
    const awsm_extern *e = &externs[i];
    if ((any_kind || e->kind == d->kind) && e->module && e->name &&
        strcmp(e->module, d->module) == 0 && strcmp(e->name, d->name) == 0)
      return e;
  }
  return NULL;
}

/* Whether an entity with limits `have` may be imported as `want`. */
static bool limits_match(awsm_limits have, awsm_limits want) {
  if (have.min < want.min)
    return false;
  return !want.has_max || (have.has_max && have.max <= want.max);
}

static bool import_func(awsm_instance *inst, instance_state *s, const awsm_import_desc *d,
                        const awsm_extern *e) {
  const awsm_module *m = inst->module;
  uint32_t type = m->func_types[d->index];
  uint32_t id = inst->type_ids[type];
  if (e->host_callback) {
    const awsm_type_desc *t = &m->types[type];
    if (!e->host_sig || strcmp(e->host_sig, t->sig) != 0 || !t->host_thunk)
      return false;
    awsm_host_box *box = &s->host_boxes[d->index];
    box->func = (awsm_host_func){e->host_callback, e->host_env, inst};
    box->as_instance.module = &awsm_host_module;
    inst->funcs[d->index] = (awsm_funcref){t->host_thunk, &box->as_instance, id};
    return true;
  }
  if (!e->u.func || !e->u.func->fn || e->u.func->type_id != id)
    return false;
  inst->funcs[d->index] = *e->u.func;
  return true;
}

static bool import_memory(awsm_instance *inst, const awsm_import_desc *d, awsm_memory *mem) {
  if (!mem)
    return false;
  awsm_limits have;
  if (!awsm_find_memory_limits(mem, &have)) {
    have.has_max = mem->max_size < AWSM_MAX_MEMORY_BYTES;
    have.max = (uint32_t)(mem->max_size / AWSM_PAGE_SIZE);
  }
  have.min = (uint32_t)(mem->size / AWSM_PAGE_SIZE);
  if (!limits_match(have, d->limits))
    return false;
  /* Code compiled without checks relies on the 8 GiB guard region. */
  uint32_t strategy = inst->module->memory_strategy;
  if ((strategy == AWSM_STRATEGY_GUARD_PAGES || strategy == AWSM_STRATEGY_NONE ||
       strategy == AWSM_STRATEGY_SEGMENT) &&
      mem->reserved != AWSM_GUARD_RESERVATION)
    return false;
  /* Masked code relies on the mask strategy's 4 GiB reservation. */
  if (strategy == AWSM_STRATEGY_MASK && mem->reserved != AWSM_MASK_RESERVATION)
    return false;
  inst->memory = mem;
  awsm_sync_memory(inst);
  return true;
}

static bool import_table(awsm_instance *inst, const awsm_import_desc *d, awsm_table *table) {
  if (!table || table->elem_type != d->type)
    return false;
  awsm_limits have;
  if (!awsm_find_table_limits(table, &have)) {
    have.has_max = table->max_size != AWSM_TABLE_UNBOUNDED;
    have.max = table->max_size;
  }
  have.min = table->size;
  if (!limits_match(have, d->limits))
    return false;
  inst->tables[d->index] = table;
  return true;
}

/* A host global's type from `host_sig`: a type letter, optionally
 * preceded by "mut " ("i", "mut F"). */
static bool parse_global_sig(const char *sig, awsm_global_desc *out) {
  static const char letters[] = "iIfFvre";
  static const uint32_t types[] = {AWSM_TYPE_I32,      AWSM_TYPE_I64,  AWSM_TYPE_F32,
                                   AWSM_TYPE_F64,      AWSM_TYPE_V128, AWSM_TYPE_FUNCREF,
                                   AWSM_TYPE_EXTERNREF};
  out->mut = strncmp(sig, "mut ", 4) == 0;
  if (out->mut)
    sig += 4;
  const char *p = sig[0] && !sig[1] ? strchr(letters, sig[0]) : NULL;
  if (!p)
    return false;
  out->type = types[p - letters];
  return true;
}

static bool import_global(awsm_instance *inst, const awsm_import_desc *d, const awsm_extern *e) {
  awsm_global *cell = e->u.global;
  if (!cell)
    return false;
  awsm_global_desc have;
  bool known = awsm_find_global_type(cell, &have);
  if (!known && e->host_sig && !(known = parse_global_sig(e->host_sig, &have)))
    return false;
  if (known && (have.type != d->type || have.mut != d->mut))
    return false;
  inst->globals[d->index] = cell;
  return true;
}

static bool index_valid(const awsm_module *m, const awsm_import_desc *d) {
  switch (d->kind) {
  case AWSM_EXTERN_FUNC:
    return d->index < m->num_imported_funcs;
  case AWSM_EXTERN_TABLE:
    return d->index < m->num_imported_tables;
  case AWSM_EXTERN_MEMORY:
    return m->has_memory && m->memory_imported;
  case AWSM_EXTERN_GLOBAL:
    return d->index < m->num_imported_globals;
  default:
    return false;
  }
}

static const char *resolve_import(awsm_instance *inst, instance_state *s, const awsm_import_desc *d,
                                  const awsm_extern *externs, size_t n) {
  const awsm_module *m = inst->module;
  if (!index_valid(m, d))
    return "malformed module descriptor: bad import";
  if (d->kind == AWSM_EXTERN_FUNC && m->func_ptrs[d->index]) {
    /* Bound statically by the compiler to a runtime function (WASI). */
    uint32_t id = inst->type_ids[m->func_types[d->index]];
    inst->funcs[d->index] = (awsm_funcref){m->func_ptrs[d->index], inst, id};
    return NULL;
  }
  const awsm_extern *e = find_extern(externs, n, d, false);
  if (!e) {
    if (find_extern(externs, n, d, true))
      return awsm_error("incompatible import type: %s.%s", d->module, d->name);
    return awsm_error("unknown import: %s.%s", d->module, d->name);
  }
  bool ok = false;
  switch (d->kind) {
  case AWSM_EXTERN_FUNC:
    ok = import_func(inst, s, d, e);
    break;
  case AWSM_EXTERN_TABLE:
    ok = import_table(inst, d, e->u.table);
    break;
  case AWSM_EXTERN_MEMORY:
    ok = import_memory(inst, d, e->u.memory);
    break;
  case AWSM_EXTERN_GLOBAL:
    ok = import_global(inst, d, e);
    break;
  }
  return ok ? NULL : awsm_error("incompatible import type: %s.%s", d->module, d->name);
}

static const char *resolve_imports(awsm_instance *inst, instance_state *s,
                                   const awsm_extern *externs, size_t n) {
  const awsm_module *m = inst->module;
  if (m->num_imported_funcs &&
      !(s->host_boxes = calloc(m->num_imported_funcs, sizeof *s->host_boxes)))
    return "out of memory";
  for (uint32_t i = 0; i < m->num_imports; i++) {
    const char *err = resolve_import(inst, s, &m->imports[i], externs, n);
    if (err)
      return err;
  }
  /* Every imported entity must have been provided by some import. */
  for (uint32_t i = 0; i < m->num_imported_funcs; i++) {
    if (!inst->funcs[i].fn)
      return "malformed module descriptor: function import missing";
  }
  for (uint32_t i = 0; i < m->num_imported_globals; i++) {
    if (!inst->globals[i])
      return "malformed module descriptor: global import missing";
  }
  for (uint32_t i = 0; i < m->num_imported_tables; i++) {
    if (!inst->tables[i])
      return "malformed module descriptor: table import missing";
  }
  if (m->has_memory && !inst->memory)
    return "malformed module descriptor: memory import missing";
  return NULL;
}

/* --------------------------------------------------------- initialisers */

static void run_initialisers(void *arg) {
  awsm_instance *inst = arg;
  const awsm_module *m = inst->module;
  if (m->init)
    m->init(inst);
  if (m->start_func >= 0) {
    const awsm_funcref *f = &inst->funcs[m->start_func];
    m->types[m->func_types[m->start_func]].call(f->fn, f->ctx, NULL, NULL);
  }
}

/* Whether a trapping initialiser may have stored references to this
 * instance's functions where the host can still reach them. */
static bool may_be_referenced(const awsm_module *m) {
  for (uint32_t i = 0; i < m->num_imported_globals; i++) {
    if (m->globals[i].mut)
      return true;
  }
  return m->num_imported_tables > 0;
}

static const char *check_descriptor(const awsm_module *m) {
  if (!m)
    return "no module";
  if (m->abi_version != AWSM_ABI_VERSION)
    return awsm_error("module ABI version %u, runtime expects %u", m->abi_version,
                      AWSM_ABI_VERSION);
  if (m->num_imported_funcs > m->num_funcs || m->num_imported_globals > m->num_globals ||
      m->num_imported_tables > m->num_tables)
    return "malformed module descriptor: counts";
  if (m->start_func >= 0 && (uint32_t)m->start_func >= m->num_funcs)
    return "malformed module descriptor: start function";
  return NULL;
}

/* Weak: the fault handler (runtime/memory/guard_pages.c) defines them;
 * 32-bit Linux and Cortex-M have none. */
__attribute__((weak)) int awsm_code_range_add(const void *start, const void *end);
__attribute__((weak)) void awsm_code_range_remove(const void *start);

/* Tell the fault handler where this module's code is, so that its faults
 * inside a reservation can become traps; one count per instance. */
static const char *register_code(instance_state *s) {
  const awsm_module *m = s->inst->module;
  if (!awsm_code_range_add || !m->code_start || m->code_start >= m->code_end)
    return NULL;
  if (awsm_code_range_add(m->code_start, m->code_end) != 0)
    return "too many compiled modules in use";
  s->code_registered = true;
  return NULL;
}

awsm_instance *awsm_instantiate(const awsm_module *module, const awsm_extern *imports,
                                size_t num_imports, const char **error) {
  awsm_last_instantiate_status = (awsm_result){AWSM_TRAP_NONE, 0};
  const char *err = check_descriptor(module);
  awsm_instance *inst = NULL;
  if (!err) {
    inst = calloc(1, sizeof *inst);
    instance_state *s = inst ? calloc(1, sizeof *s) : NULL;
    if (!s) {
      free(inst);
      inst = NULL;
      err = "out of memory";
    } else {
      inst->module = module;
      inst->private_state = s;
      s->inst = inst;
      err = allocate(inst, s);
      if (!err)
        err = resolve_imports(inst, s, imports, num_imports);
      if (!err)
        err = register_code(s);
      if (!err) {
        registry_link(&awsm_instances.live, s);
        awsm_trap_code code = awsm_guarded_call(inst, run_initialisers, inst);
        if (code != AWSM_TRAP_NONE) {
          awsm_last_instantiate_status.code = code;
          awsm_last_instantiate_status.exit_status =
              code == AWSM_TRAP_EXIT ? awsm_exit_status() : 0;
          err = awsm_trap_message(code);
          if (may_be_referenced(module)) {
            registry_unlink(&awsm_instances.live, s);
            registry_link(&awsm_instances.zombies, s);
            inst = NULL;
          }
        }
      }
      if (err && inst) {
        awsm_instance_free(inst);
        inst = NULL;
      }
    }
  }
  if (error)
    *error = err;
  return err ? NULL : inst;
}

void (*awsm_instance_release_hook)(awsm_instance *inst);

void awsm_instance_free(awsm_instance *inst) {
  if (!inst)
    return;
  /* Let the layer above release its state first (WASI: close the
   * descriptors the guest opened; a no-op without WASI state). */
  if (awsm_instance_release_hook)
    awsm_instance_release_hook(inst);
  instance_state *s = inst->private_state;
  const awsm_module *m = inst->module;
  registry_unlink(&awsm_instances.live, s);
  if (s->code_registered)
    awsm_code_range_remove(m->code_start);
  if (inst->own_memory.base)
    awsm_memory_ops(&inst->own_memory)->free(&inst->own_memory);
  for (uint32_t i = 0; s->own_tables && i < m->num_tables - m->num_imported_tables; i++)
    free(s->own_tables[i].elems);
  free(s->own_tables);
  free(s->cells);
  free(s->host_boxes);
  free(inst->globals);
  free(inst->tables);
  free(inst->funcs);
  free((void *)inst->type_ids);
  free(inst->data_dropped);
  free(inst->elem_dropped);
  free(s);
  free(inst);
}
