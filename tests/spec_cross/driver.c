/*
 * driver.c — the fixed half of a spec-script driver for cross targets
 * (tests/spec_cross.rs). The other half is one script's tables, which
 * tests/spec_cross/cgen.rs generates and this file includes as SPEC_DATA:
 * the compiled modules' descriptors, and one entry per directive to run
 * (instantiate, register, invoke, assert_return, assert_trap, ...).
 *
 * The driver runs the directives in order through the embedding API
 * (awsm_instantiate, awsm_call_funcref, awsm_export_*), so every trap is
 * caught and reported by reason, and prints one line per directive:
 * "<id> ok" or "<id> FAIL <what happened>". Results are compared as bit
 * patterns under a mask, which covers exact values, canonical and
 * arithmetic NaNs alike; floats are never loaded into float registers
 * here, so nothing (x87 on i686) can change their bits.
 */
#include "awsm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a directive does. */
enum op {
  OP_MODULE,       /* instantiate `module` into `slot`; ok if it succeeds */
  OP_NO_MODULE,    /* the module did not compile: `slot` stays empty, no report */
  OP_REGISTER,     /* make `slot`'s exports importable as module `name` */
  OP_INVOKE,       /* call; ok unless it traps */
  OP_RETURN,       /* call; ok if the results match `expects` */
  OP_TRAP,         /* call; ok if it traps with `message` */
  OP_GET,          /* read exported global `name`; ok if it matches */
  OP_MODULE_TRAPS, /* instantiate; ok if initialisation traps with `message` */
  OP_UNLINKABLE,   /* instantiate; ok if linking fails (no trap) */
};

/*
 * An expected result: `type` is a signature letter (i I f F v r e), or 'R'
 * for a reference of either kind. It matches when the result's bits under
 * `mask` equal `bits`, or, with `nonnull`, when the reference is not null.
 * A v128 has two in a row, for its low and high 64-bit halves.
 */
typedef struct expect {
  char type;
  uint8_t nonnull;
  uint64_t mask;
  uint64_t bits;
} expect;

typedef struct directive {
  int32_t id; /* the report's number (-1: none) */
  uint8_t op;
  int32_t slot;   /* the instance it uses or makes */
  int32_t module; /* index in `modules` (OP_MODULE, OP_MODULE_TRAPS, OP_UNLINKABLE) */
  const char *name;
  uint32_t name_len;
  const char *params; /* the arguments' letters ('R': a null reference of either kind) */
  uint32_t args;      /* first argument in `args` (bits; references as pointers; v128: two) */
  uint32_t num_expects;
  uint32_t expects; /* first expectation in `expects` */
  const char *message;
} directive;

/*
 * Defines modules[], args[], expects[], directives[], and NUM_SLOTS (instances),
 * NUM_REGISTERS (register directives), STRATEGY (AWSM_STRATEGY_* of the code).
 */
#include SPEC_DATA

#define MAX_VALUES 32

static awsm_instance *slots[NUM_SLOTS];
static struct {
  const char *name;
  awsm_instance *inst;
} registered[NUM_REGISTERS];
static size_t num_registered;

/* ------------------------------------------------------------ spectest */

static int32_t print_anything(void *env, awsm_instance *caller, const awsm_val *args,
                              awsm_val *results) {
  (void)env, (void)caller, (void)args, (void)results;
  return 0;
}

static awsm_global spectest_i32 = {.i32 = 666};
static awsm_global spectest_i64 = {.i64 = 666};
static awsm_global spectest_f32 = {.f32 = 666.6f};
static awsm_global spectest_f64 = {.f64 = 666.6};
static awsm_table *spectest_table;
static awsm_memory *spectest_memory;

/* Fill `e` with spectest's `name`; 0 if spectest has no such thing. */
static int spectest_lookup(const char *name, awsm_extern *e) {
  static const struct {
    const char *name, *sig;
  } prints[] = {{"print", ":"},          {"print_i32", "i:"}, {"print_i64", "I:"},
                {"print_f32", "f:"},     {"print_f64", "F:"}, {"print_i32_f32", "if:"},
                {"print_f64_f64", "FF:"}};
  static const struct {
    const char *name, *sig;
    awsm_global *cell;
  } globals[] = {{"global_i32", "i", &spectest_i32},
                 {"global_i64", "I", &spectest_i64},
                 {"global_f32", "f", &spectest_f32},
                 {"global_f64", "F", &spectest_f64}};
  for (size_t i = 0; i < sizeof prints / sizeof prints[0]; i++) {
    if (strcmp(name, prints[i].name) == 0) {
      e->kind = AWSM_EXTERN_FUNC;
      e->host_callback = print_anything;
      e->host_sig = prints[i].sig;
      return 1;
    }
  }
  for (size_t i = 0; i < sizeof globals / sizeof globals[0]; i++) {
    if (strcmp(name, globals[i].name) == 0) {
      e->kind = AWSM_EXTERN_GLOBAL;
      e->u.global = globals[i].cell;
      e->host_sig = globals[i].sig;
      return 1;
    }
  }
  if (strcmp(name, "table") == 0) {
    e->kind = AWSM_EXTERN_TABLE;
    e->u.table = spectest_table;
    return 1;
  }
  if (strcmp(name, "memory") == 0) {
    e->kind = AWSM_EXTERN_MEMORY;
    e->u.memory = spectest_memory;
    return 1;
  }
  return 0;
}

/* Fill `e` with registered module `module`'s export `name` of `kind`. */
static int registered_lookup(const char *module, const char *name, uint32_t kind, awsm_extern *e) {
  for (size_t i = num_registered; i-- > 0;) {
    awsm_instance *inst = registered[i].inst;
    if (strcmp(registered[i].name, module) != 0 || !inst)
      continue;
    e->kind = kind;
    switch (kind) {
    case AWSM_EXTERN_FUNC:
      return (e->u.func = awsm_export_func(inst, name)) != NULL;
    case AWSM_EXTERN_TABLE:
      return (e->u.table = awsm_export_table(inst, name)) != NULL;
    case AWSM_EXTERN_MEMORY:
      return (e->u.memory = awsm_export_memory(inst, name)) != NULL;
    default:
      return (e->u.global = awsm_export_global(inst, name)) != NULL;
    }
  }
  return 0;
}

/*
 * Instantiate `m` with what spectest and the registered modules offer;
 * what nobody offers is left out, so the runtime reports it unknown.
 */
static awsm_instance *instantiate(const awsm_module *m, const char **error) {
  awsm_extern *externs = calloc(m->num_imports + 1, sizeof *externs);
  size_t n = 0;
  if (!externs) {
    *error = "out of memory";
    return NULL;
  }
  for (uint32_t i = 0; i < m->num_imports; i++) {
    const awsm_import_desc *d = &m->imports[i];
    awsm_extern *e = &externs[n];
    memset(e, 0, sizeof *e);
    e->module = d->module;
    e->name = d->name;
    int found = strcmp(d->module, "spectest") == 0
                    ? spectest_lookup(d->name, e)
                    : registered_lookup(d->module, d->name, d->kind, e);
    n += found != 0;
  }
  awsm_instance *inst = awsm_instantiate(m, externs, n, error);
  free(externs);
  return inst;
}

/* ------------------------------------------------------------ reports */

static void report_ok(const directive *d) { printf("%d ok\n", d->id); }

static void report_fail(const directive *d, const char *what) {
  printf("%d FAIL %s\n", d->id, what);
}

/* The bits a result of type `letter` is compared by (a v128's low half). */
static uint64_t bits_of(char letter, const awsm_val *v) {
  uint32_t b32;
  uint64_t b64;
  switch (letter) {
  case 'i':
  case 'f':
    memcpy(&b32, v, sizeof b32);
    return b32;
  case 'I':
  case 'F':
  case 'v':
    memcpy(&b64, v, sizeof b64);
    return b64;
  default:
    return (uint64_t)(uintptr_t)v->ref;
  }
}

/* The high 64 bits of a v128. */
static uint64_t high_half(const awsm_val *v) {
  uint64_t b64;
  memcpy(&b64, v->bytes + 8, sizeof b64);
  return b64;
}

/* How many expectations (and argument words) a value of type `letter` takes. */
static size_t words(char letter) {
  return letter == 'v' ? 2 : 1;
}

/* "i32:0x0000002a": `v` as a result of type `letter`. */
static int describe(char *out, size_t cap, char letter, const awsm_val *v) {
  unsigned long long bits = bits_of(letter, v);
  switch (letter) {
  case 'i':
  case 'f':
    return snprintf(out, cap, "%s:0x%08llx", letter == 'i' ? "i32" : "f32", bits);
  case 'I':
  case 'F':
    return snprintf(out, cap, "%s:0x%016llx", letter == 'I' ? "i64" : "f64", bits);
  case 'v':
    return snprintf(out, cap, "v128:0x%016llx%016llx", (unsigned long long)high_half(v), bits);
  default:
    return snprintf(out, cap, "%cref:%p", letter, v->ref);
  }
}

static int type_matches(char expected, char actual) {
  return expected == actual || (expected == 'R' && (actual == 'r' || actual == 'e'));
}

static int value_matches(const expect *e, char letter, const awsm_val *v) {
  uint64_t bits = bits_of(letter, v);
  int ok = type_matches(e->type, letter) && (e->nonnull ? bits != 0 : (bits & e->mask) == e->bits);
  if (letter == 'v')
    ok = ok && e[1].type == 'v' && (high_half(v) & e[1].mask) == e[1].bits;
  return ok;
}

/* Report whether `results` (types `letters`) match `d`'s expectations. */
static void check_results(const directive *d, const char *letters, const awsm_val *results) {
  size_t n = strlen(letters), rows = 0;
  for (size_t i = 0; i < n; i++)
    rows += words(letters[i]);
  int ok = rows == d->num_expects;
  for (size_t i = 0, e = d->expects; ok && i < n; e += words(letters[i]), i++)
    ok = value_matches(&expects[e], letters[i], &results[i]);
  if (ok) {
    report_ok(d);
    return;
  }
  char text[64 * MAX_VALUES] = "got [";
  size_t len = strlen(text);
  for (size_t i = 0; i < n && len + 2 < sizeof text; i++) {
    if (i > 0)
      len += (size_t)snprintf(text + len, sizeof text - len, ", ");
    len += (size_t)describe(text + len, sizeof text - len, letters[i], &results[i]);
  }
  if (len + 2 < sizeof text)
    strcpy(text + len, "]");
  report_fail(d, text);
}

/* Scripts abbreviate or extend messages ("uninitialized" / "... element 2"). */
static int trap_matches(const char *actual, const char *expected) {
  size_t a = strlen(actual), e = strlen(expected);
  return strncmp(actual, expected, a < e ? a : e) == 0;
}

/* ------------------------------------------------------------ directives */

static awsm_instance *instance_of(const directive *d) {
  awsm_instance *inst = slots[d->slot];
  if (!inst)
    report_fail(d, "its module was not instantiated");
  return inst;
}

static void call(const directive *d) {
  awsm_instance *inst = instance_of(d);
  if (!inst)
    return;
  const awsm_funcref *f = awsm_export_func_len(inst, d->name, d->name_len);
  if (!f) {
    report_fail(d, "no such exported function");
    return;
  }
  const char *sig = awsm_type_sig(f->type_id);
  const char *colon = sig ? strchr(sig, ':') : NULL;
  size_t num_params = colon ? (size_t)(colon - sig) : 0;
  int fits = colon && num_params == strlen(d->params) && num_params <= MAX_VALUES &&
             strlen(colon + 1) <= MAX_VALUES;
  for (size_t i = 0; fits && i < num_params; i++)
    fits = type_matches(d->params[i], sig[i]);
  if (!fits) {
    char text[128];
    snprintf(text, sizeof text, "signature %s does not take arguments (%s)", sig ? sig : "?",
             d->params);
    report_fail(d, text);
    return;
  }
  awsm_val in[MAX_VALUES + 1], out[MAX_VALUES + 1];
  memset(in, 0, sizeof in);
  memset(out, 0, sizeof out);
  for (size_t i = 0, a = d->args; i < num_params; a += words(sig[i]), i++) {
    uint64_t bits = args[a];
    if (sig[i] == 'v')
      memcpy(&in[i], &args[a], 16);
    else if (sig[i] == 'r' || sig[i] == 'e')
      in[i].ref = (void *)(uintptr_t)bits;
    else if (sig[i] == 'i' || sig[i] == 'f')
      memcpy(&in[i], &(uint32_t){(uint32_t)bits}, sizeof(uint32_t));
    else
      memcpy(&in[i], &bits, sizeof bits);
  }
  awsm_result r = awsm_call_funcref(f, in, out);
  char text[160];
  switch (d->op) {
  case OP_INVOKE:
    if (r.code == AWSM_TRAP_NONE)
      report_ok(d);
    else
      snprintf(text, sizeof text, "trapped: %s", awsm_trap_message(r.code)), report_fail(d, text);
    break;
  case OP_RETURN:
    if (r.code == AWSM_TRAP_NONE)
      check_results(d, colon + 1, out);
    else
      snprintf(text, sizeof text, "trapped: %s", awsm_trap_message(r.code)), report_fail(d, text);
    break;
  default: /* OP_TRAP */
    if (r.code != AWSM_TRAP_NONE && trap_matches(awsm_trap_message(r.code), d->message))
      report_ok(d);
    else if (r.code != AWSM_TRAP_NONE)
      snprintf(text, sizeof text, "trapped: %s", awsm_trap_message(r.code)), report_fail(d, text);
    else
      report_fail(d, "returned normally");
  }
}

static void get_global(const directive *d) {
  awsm_instance *inst = instance_of(d);
  if (!inst)
    return;
  awsm_global *g = awsm_export_global(inst, d->name);
  if (!g) {
    report_fail(d, "no such exported global");
    return;
  }
  awsm_val v;
  memcpy(&v, g, sizeof v);
  const expect *e = &expects[d->expects];
  char letter = e->type == 'R' ? 'r' : e->type;
  char letters[2] = {letter, 0};
  check_results(d, letters, &v);
}

static void instantiate_directive(const directive *d) {
  const char *error = NULL;
  awsm_instance *inst = instantiate(modules[d->module], &error);
  slots[d->slot] = inst;
  awsm_result status = awsm_instantiate_status();
  char text[256];
  switch (d->op) {
  case OP_MODULE:
    if (inst)
      report_ok(d);
    else
      snprintf(text, sizeof text, "instantiation failed: %s", error), report_fail(d, text);
    break;
  case OP_MODULE_TRAPS:
    if (inst)
      report_fail(d, "instantiation succeeded");
    else if (status.code != AWSM_TRAP_NONE &&
             trap_matches(awsm_trap_message(status.code), d->message))
      report_ok(d);
    else
      snprintf(text, sizeof text, "instantiation failed otherwise: %s", error),
          report_fail(d, text);
    break;
  default: /* OP_UNLINKABLE */
    if (inst)
      report_fail(d, "instantiation succeeded");
    else if (status.code != AWSM_TRAP_NONE)
      snprintf(text, sizeof text, "instantiation trapped: %s", error), report_fail(d, text);
    else
      report_ok(d);
  }
}

int main(void) {
  /* Line-buffered even into a pipe: a crash loses no finished report. */
  setvbuf(stdout, NULL, _IOLBF, 0);
  const char *error = NULL;
  spectest_table = awsm_table_new(AWSM_TYPE_FUNCREF, (awsm_limits){10, 20, 1}, &error);
  spectest_memory = awsm_memory_new(STRATEGY, (awsm_limits){1, 2, 1}, &error);
  if (!spectest_table || !spectest_memory) {
    printf("spectest: %s\n", error);
    return 2;
  }
  for (size_t i = 0; i < sizeof directives / sizeof directives[0]; i++) {
    const directive *d = &directives[i];
    switch (d->op) {
    case OP_MODULE:
    case OP_MODULE_TRAPS:
    case OP_UNLINKABLE:
      instantiate_directive(d);
      break;
    case OP_NO_MODULE:
      slots[d->slot] = NULL;
      break;
    case OP_REGISTER:
      if (instance_of(d)) {
        registered[num_registered].name = d->name;
        registered[num_registered++].inst = slots[d->slot];
        report_ok(d);
      }
      break;
    case OP_GET:
      get_global(d);
      break;
    default:
      call(d);
    }
  }
  for (size_t i = NUM_SLOTS; i-- > 0;)
    if (slots[i])
      awsm_instance_free(slots[i]);
  awsm_table_free(spectest_table);
  awsm_memory_free(spectest_memory);
  printf("done\n");
  return 0;
}
