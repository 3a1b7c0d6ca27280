/*
 * invoke.c — calling into guests from the host (awsm_invoke,
 * awsm_call_funcref), out to host callbacks (awsm_rt_call_host), and
 * export lookup.
 */
#include "internal.h"

#include <string.h>

int32_t awsm_export_index_len(const awsm_instance *inst, const char *name, size_t len) {
  const awsm_module *m = inst->module;
  for (uint32_t i = 0; i < m->num_exports; i++) {
    const awsm_export_desc *e = &m->exports[i];
    size_t have = e->name_len ? e->name_len : strlen(e->name);
    if (have == len && memcmp(e->name, name, len) == 0)
      return (int32_t)i;
  }
  return -1;
}

int32_t awsm_export_index(const awsm_instance *inst, const char *name) {
  return awsm_export_index_len(inst, name, strlen(name));
}

static const awsm_export_desc *find_export_len(awsm_instance *inst, const char *name, size_t len,
                                               uint32_t kind) {
  int32_t i = awsm_export_index_len(inst, name, len);
  if (i < 0 || inst->module->exports[i].kind != kind)
    return NULL;
  return &inst->module->exports[i];
}

static const awsm_export_desc *find_export(awsm_instance *inst, const char *name, uint32_t kind) {
  return find_export_len(inst, name, strlen(name), kind);
}

const awsm_funcref *awsm_export_func_len(awsm_instance *inst, const char *name, size_t len) {
  const awsm_export_desc *e = find_export_len(inst, name, len, AWSM_EXTERN_FUNC);
  return e ? &inst->funcs[e->index] : NULL;
}

const awsm_funcref *awsm_export_func(awsm_instance *inst, const char *name) {
  return awsm_export_func_len(inst, name, strlen(name));
}

awsm_memory *awsm_export_memory(awsm_instance *inst, const char *name) {
  return find_export(inst, name, AWSM_EXTERN_MEMORY) ? inst->memory : NULL;
}

awsm_table *awsm_export_table(awsm_instance *inst, const char *name) {
  const awsm_export_desc *e = find_export(inst, name, AWSM_EXTERN_TABLE);
  return e ? inst->tables[e->index] : NULL;
}

awsm_global *awsm_export_global(awsm_instance *inst, const char *name) {
  const awsm_export_desc *e = find_export(inst, name, AWSM_EXTERN_GLOBAL);
  return e ? inst->globals[e->index] : NULL;
}

/* ------------------------------------------------------------ host -> guest */

typedef struct pending_call {
  void (*trampoline)(void *fn, awsm_instance *ctx, const awsm_val *args, awsm_val *results);
  const awsm_funcref *f;
  const awsm_val *args;
  awsm_val *results;
} pending_call;

static void run_call(void *arg) {
  pending_call *c = arg;
  c->trampoline(c->f->fn, c->f->ctx, c->args, c->results);
}

static awsm_trap_code checked_code(int32_t code) {
  return code < AWSM_TRAP_NONE || code >= AWSM_TRAP_COUNT ? AWSM_TRAP_HOST : (awsm_trap_code)code;
}

awsm_result awsm_call_funcref(const awsm_funcref *f, const awsm_val *args, awsm_val *results) {
  awsm_result r = {AWSM_TRAP_NONE, 0};
  if (!f || !f->fn || !f->ctx) {
    r.code = AWSM_TRAP_NULL_REFERENCE;
    return r;
  }
  if (awsm_is_host_funcref(f)) {
    awsm_host_func *h = (awsm_host_func *)f->ctx;
    r.code = checked_code(h->callback(h->env, h->caller, args, results));
    return r;
  }
  /* `fn` is code of ctx->module (or a runtime function it imports), so
   * that module has a trampoline for its type. */
  const awsm_module *m = f->ctx->module;
  pending_call c = {NULL, f, args, results};
  for (uint32_t t = 0; t < m->num_types && !c.trampoline; t++) {
    if (f->ctx->type_ids[t] == f->type_id)
      c.trampoline = m->types[t].call;
  }
  if (!c.trampoline) {
    r.code = AWSM_TRAP_INDIRECT_CALL_TYPE_MISMATCH;
    return r;
  }
  r.code = awsm_guarded_call(f->ctx, run_call, &c);
  if (r.code == AWSM_TRAP_EXIT)
    r.exit_status = awsm_exit_status();
  return r;
}

awsm_result awsm_invoke(awsm_instance *inst, const char *name, const awsm_val *args,
                        awsm_val *results) {
  const awsm_funcref *f = awsm_export_func(inst, name);
  if (!f) {
    awsm_result r = {AWSM_TRAP_HOST, 0};
    return r;
  }
  return awsm_call_funcref(f, args, results);
}

/* ------------------------------------------------------------ guest -> host */

void awsm_rt_call_host(awsm_host_func *f, const awsm_val *args, awsm_val *results) {
  int32_t code = f->callback(f->env, f->caller, args, results);
  if (__builtin_expect(code != AWSM_TRAP_NONE, 0))
    awsm_trap(f->caller, checked_code(code));
}
