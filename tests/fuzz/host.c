/*
 * The differential fuzzer's host: runs one awsm-compiled shared object
 * in its own process, so that a crash or a hang of generated code costs
 * one module, not the fuzzing run.
 *
 *   host MODULE.so < script
 *
 * The shared object was compiled with `--name m`; it carries the runtime,
 * so every embedding-API function is looked up in it with dlsym. The
 * script has one command per line:
 *
 *   call xNAME-HEX ARG...  call the exported function (`x`, then the name
 *                          in hex, as names may hold any byte, even none);
 *                          ARG is a value's bits
 *                          in hex, or `n` for a null reference
 *   fresh xNAME-HEX ARG... the same on a new instance (the old one freed)
 *
 * The host prints one line after each instantiation and one per call, in
 * the format the driver's reference side prints (tests/fuzz/reference.rs):
 *
 *   init ok|trap CODE ; STATE
 *   ok V... ; STATE        or        trap CODE ; STATE
 *
 * where STATE is every exported global (`g BITS`) and memory (`m BYTES
 * FNV-1a-64`) in the byte order of the export names, and V are the
 * results' bits in hex.
 */
#define _GNU_SOURCE
#include "awsm.h"

#include <dlfcn.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_VALUES 1024

static awsm_instance *(*instantiate)(const awsm_module *, const awsm_extern *, size_t,
                                     const char **);
static awsm_result (*instantiate_status)(void);
static void (*free_instance)(awsm_instance *);
static const awsm_funcref *(*export_func_len)(awsm_instance *, const char *, size_t);
static awsm_result (*call_funcref)(const awsm_funcref *, const awsm_val *, awsm_val *);
static const char *(*type_sig)(uint32_t);

static void *need(void *lib, const char *symbol) {
  void *p = dlsym(lib, symbol);
  if (!p) {
    fprintf(stderr, "host: %s is missing from the module\n", symbol);
    exit(2);
  }
  return p;
}

static void print_value(char type, const awsm_val *v) {
  switch (type) {
  case 'i':
  case 'f':
    printf(" %08" PRIx32, (uint32_t)v->i32);
    break;
  case 'I':
  case 'F':
    printf(" %016" PRIx64, (uint64_t)v->i64);
    break;
  default:
    printf(" %s", v->ref ? "r" : "n");
  }
}

/* The letter of a value type code, as in awsm_type_desc.sig. */
static char type_letter(uint32_t type) {
  switch (type) {
  case AWSM_TYPE_I32:
    return 'i';
  case AWSM_TYPE_I64:
    return 'I';
  case AWSM_TYPE_F32:
    return 'f';
  case AWSM_TYPE_F64:
    return 'F';
  default:
    return 'r';
  }
}

static uint64_t fnv1a(const uint8_t *p, uint64_t n) {
  uint64_t h = 0xcbf29ce484222325u;
  for (uint64_t i = 0; i < n; i++)
    h = (h ^ p[i]) * 0x100000001b3u;
  return h;
}

static size_t name_len(const awsm_export_desc *x) {
  return x->name_len ? x->name_len : strlen(x->name);
}

static int by_name(const void *a, const void *b) {
  const awsm_export_desc *x = *(const awsm_export_desc *const *)a;
  const awsm_export_desc *y = *(const awsm_export_desc *const *)b;
  size_t nx = name_len(x), ny = name_len(y);
  int c = memcmp(x->name, y->name, nx < ny ? nx : ny);
  return c ? c : (nx > ny) - (nx < ny);
}

static void print_state(const awsm_module *module, awsm_instance *inst) {
  static const awsm_export_desc **sorted;
  if (!sorted) {
    sorted = calloc(module->num_exports + 1, sizeof *sorted);
    for (uint32_t e = 0; e < module->num_exports; e++)
      sorted[e] = &module->exports[e];
    qsort(sorted, module->num_exports, sizeof *sorted, by_name);
  }
  printf(" ;");
  for (uint32_t e = 0; inst && e < module->num_exports; e++) {
    const awsm_export_desc *x = sorted[e];
    if (x->kind == AWSM_EXTERN_GLOBAL) {
      printf(" g");
      print_value(type_letter(module->globals[x->index].type), (const awsm_val *)inst->globals[x->index]);
    } else if (x->kind == AWSM_EXTERN_MEMORY) {
      printf(" m %" PRIu64 " %016" PRIx64, inst->memory->size, fnv1a(inst->memory->base, inst->memory->size));
    }
  }
  printf("\n");
  fflush(stdout);
}

static size_t unhex(const char *hex, char *out) {
  size_t n = 0;
  for (; hex[0] && hex[1]; hex += 2) {
    unsigned byte;
    if (sscanf(hex, "%2x", &byte) != 1)
      break;
    out[n++] = (char)byte;
  }
  return n;
}

/* Instantiates `module`, printing the init line; exits if it fails. */
static awsm_instance *instance(const awsm_module *module) {
  const char *error = NULL;
  awsm_instance *inst = instantiate(module, NULL, 0, &error);
  if (!inst) {
    printf("init trap %d", (int)instantiate_status().code);
    print_state(module, NULL);
    exit(0);
  }
  printf("init ok");
  print_state(module, inst);
  return inst;
}

static void call(const awsm_module *module, awsm_instance **instp, char *line) {
  static awsm_val args[MAX_VALUES], results[MAX_VALUES];
  static char name[4096];
  char *save = NULL;
  const char *verb = strtok_r(line, " \n", &save);
  if (verb && strcmp(verb, "fresh") == 0) {
    free_instance(*instp);
    *instp = instance(module);
  }
  awsm_instance *inst = *instp;
  char *hex = strtok_r(NULL, " \n", &save);
  if (hex && *hex == 'x')
    hex++;
  else
    hex = NULL;
  size_t len = hex && strlen(hex) / 2 < sizeof name ? unhex(hex, name) : 0;
  const awsm_funcref *f = hex ? export_func_len(inst, name, len) : NULL;
  if (!f) {
    fprintf(stderr, "host: no exported function %s\n", hex ? hex : "(none)");
    exit(2);
  }
  size_t n = 0;
  for (char *arg; (arg = strtok_r(NULL, " \n", &save)) && n < MAX_VALUES; n++) {
    memset(&args[n], 0, sizeof args[n]);
    if (strcmp(arg, "n") != 0)
      args[n].i64 = (int64_t)strtoull(arg, NULL, 16);
  }
  memset(results, 0, sizeof results);
  awsm_result r = call_funcref(f, args, results);
  if (r.code != AWSM_TRAP_NONE) {
    printf("trap %d", (int)r.code);
  } else {
    printf("ok");
    const char *sig = strchr(type_sig(f->type_id), ':') + 1;
    for (size_t i = 0; sig[i]; i++)
      print_value(sig[i], &results[i]);
  }
  print_state(module, inst);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: host MODULE.so < script\n");
    return 2;
  }
  void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    fprintf(stderr, "host: %s\n", dlerror());
    return 2;
  }
  const awsm_module *module = need(lib, "m_module");
  instantiate = need(lib, "awsm_instantiate");
  instantiate_status = need(lib, "awsm_instantiate_status");
  free_instance = need(lib, "awsm_instance_free");
  export_func_len = need(lib, "awsm_export_func_len");
  call_funcref = need(lib, "awsm_call_funcref");
  type_sig = need(lib, "awsm_type_sig");

  awsm_instance *inst = instance(module);
  static char line[1 << 16];
  while (fgets(line, sizeof line, stdin))
    call(module, &inst, line);
  return 0;
}
