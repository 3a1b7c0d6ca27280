/*
 * main.c — entry point of executables built by awsm: instantiate the
 * compiled module (`awsm_entry_module`, emitted by the compiler) in a
 * WASI sandbox, run `_initialize` if the module exports it (a reactor),
 * then `_start` (a command) or the export named by --invoke.
 *
 *   prog [ARGS...]                      guest gets ARGS and the host's
 *                                       environment; no preopens
 *   prog --awsm [OPTION...] -- [ARGS...]
 *
 * Only a first argument of exactly `--awsm` starts sandbox options, and
 * they end at the first `--`, so guest arguments are never mistaken for
 * options (run `prog --awsm -- --awsm` to pass a literal `--awsm`). With
 * --awsm the guest sees only the environment given by --env (as in
 * wasmtime). OPTIONs (doc/wasi.md):
 *   --dir HOST[::GUEST]           preopen directory HOST as GUEST
 *   --dir-readonly HOST[::GUEST]  the same without modifying rights
 *   --env NAME=VALUE | NAME       set a variable (NAME alone: the host's)
 *   --inherit-env                 pass the whole host environment
 *   --tcplisten HOST:PORT         preopen a listening TCP socket
 *   --argv0 NAME                  the guest's argv[0]
 *   --invoke NAME                 call export NAME with ARGS as its
 *                                 parameters and print its results
 *
 * Exit status: 0 when the entry returns, the guest's status on proc_exit,
 * 134 when the guest traps, 1 when the module cannot be loaded or an
 * option is wrong.
 */
#define _GNU_SOURCE
#include "awsm.h"

#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

extern char **environ;
extern const awsm_module awsm_entry_module;

enum { EXIT_LOAD_ERROR = 1, EXIT_TRAP = 134 };

typedef struct options {
  const char *argv0;
  const char *invoke;
  int inherit_env;
  const char **env; /* NULL-terminated */
  int num_env;
  const char **sockets; /* --tcplisten addresses */
  int num_sockets;
} options;

static int trap_status(awsm_result r) {
  if (r.code == AWSM_TRAP_EXIT)
    return r.exit_status;
  fflush(stdout);
  fprintf(stderr, "awsm: trap: %s\n", awsm_trap_message(r.code));
  return EXIT_TRAP;
}

static int usage(const char *fmt, const char *what) {
  fprintf(stderr, "awsm: ");
  fprintf(stderr, fmt, what);
  fprintf(stderr, "\n");
  return -1;
}

/* usage() for a problem that ends the run: the load-error status. */
static int load_error(const char *fmt, const char *what) {
  usage(fmt, what);
  return EXIT_LOAD_ERROR;
}

/* "HOST::GUEST" or "HOST" (guest path = host path). */
static int add_dir(awsm_sandbox *sb, const char *spec, uint32_t flags) {
  const char *sep = strstr(spec, "::");
  char *host = sep ? strndup(spec, (size_t)(sep - spec)) : strdup(spec);
  const char *guest = sep ? sep + 2 : spec;
  const char *error = NULL;
  int r = host ? awsm_sandbox_preopen_dir(sb, host, guest, flags, &error) : -1;
  free(host);
  if (r != 0)
    return usage("%s", error ? error : "out of memory");
  return 0;
}

static int add_tcplisten(awsm_sandbox *sb, const char *spec) {
  const char *colon = strrchr(spec, ':');
  if (!colon)
    return usage("--tcplisten wants HOST:PORT, got '%s'", spec);
  char *host = strndup(spec, (size_t)(colon - spec));
  struct addrinfo hints = {
      .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE | AI_NUMERICSERV};
  struct addrinfo *ai = NULL;
  if (!host || getaddrinfo(host, colon + 1, &hints, &ai) != 0 || !ai) {
    free(host);
    return usage("cannot resolve --tcplisten address '%s'", spec);
  }
  free(host);
  int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
  int one = 1;
  if (fd >= 0)
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  int ok = fd >= 0 && bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(fd, 64) == 0;
  freeaddrinfo(ai);
  if (!ok) {
    if (fd >= 0)
      close(fd);
    return usage("cannot listen on '%s'", spec);
  }
  const char *error = NULL;
  if (awsm_sandbox_preopen_socket(sb, fd, &error) != 0)
    return usage("%s", error);
  return 0;
}

/* Parse `--awsm OPTION... --`; returns the index of the first guest
 * argument, or -1 after printing the problem. */
static int parse_options(int argc, char **argv, awsm_sandbox *sb, options *o) {
  int i = 2;
  for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
    const char *opt = argv[i];
    if (!strcmp(opt, "--inherit-env")) {
      o->inherit_env = 1;
      continue;
    }
    if (i + 1 >= argc)
      return usage("option '%s' needs a value (or is unknown)", opt);
    const char *val = argv[++i];
    if (!strcmp(opt, "--dir")) {
      if (add_dir(sb, val, 0) != 0)
        return -1;
    } else if (!strcmp(opt, "--dir-readonly")) {
      if (add_dir(sb, val, AWSM_PREOPEN_READONLY) != 0)
        return -1;
    } else if (!strcmp(opt, "--env")) {
      const char *v = val;
      if (!strchr(val, '=')) {
        const char *host = getenv(val);
        if (!host)
          continue;
        char *kv = malloc(strlen(val) + strlen(host) + 2);
        if (!kv)
          return usage("%s", "out of memory");
        sprintf(kv, "%s=%s", val, host);
        v = kv;
      }
      o->env[o->num_env++] = v;
    } else if (!strcmp(opt, "--tcplisten")) {
      o->sockets[o->num_sockets++] = val; /* added after every directory */
    } else if (!strcmp(opt, "--argv0")) {
      o->argv0 = val;
    } else if (!strcmp(opt, "--invoke")) {
      o->invoke = val;
    } else {
      return usage("unknown option '%s' (options end at '--')", opt);
    }
  }
  if (i >= argc)
    return usage("%s", "sandbox options after --awsm must end with '--'");
  /* Sockets after the directories: wasi-libc stops looking for preopened
   * directories at the first fd that is not one. */
  for (int k = 0; k < o->num_sockets; k++) {
    if (add_tcplisten(sb, o->sockets[k]) != 0)
      return -1;
  }
  return i + 1;
}

/* The guest environment: --env values, after the host's with --inherit-env. */
static const char **guest_env(options *o) {
  size_t host = 0;
  while (o->inherit_env && environ[host])
    host++;
  const char **env = calloc(host + (size_t)o->num_env + 1, sizeof *env);
  if (!env)
    return NULL;
  for (size_t i = 0; i < host; i++)
    env[i] = environ[i];
  for (int i = 0; i < o->num_env; i++)
    env[host + (size_t)i] = o->env[i];
  return env;
}

/* --invoke: parse ARGS by the export's signature, call, print results. */
static int invoke(awsm_instance *inst, const char *name, int argc, char **argv) {
  const awsm_funcref *f = awsm_export_func(inst, name);
  if (!f)
    return load_error("module has no exported function '%s'", name);
  const char *sig = awsm_type_sig(f->type_id);
  const char *colon = strchr(sig, ':');
  int nparams = (int)(colon - sig);
  if (nparams != argc) {
    fprintf(stderr, "awsm: '%s' takes %d arguments, %d given\n", name, nparams, argc);
    return EXIT_LOAD_ERROR;
  }
  awsm_val args[64] = {0}, results[64] = {0};
  if (nparams > 64 || strlen(colon + 1) > 64)
    return load_error("'%s' has too many parameters or results", name);
  for (int i = 0; i < nparams; i++) {
    char *end = NULL;
    switch (sig[i]) {
    case 'i':
      args[i].i32 = (int32_t)strtoll(argv[i], &end, 0);
      break;
    case 'I':
      args[i].i64 = strtoll(argv[i], &end, 0);
      break;
    case 'f':
      args[i].f32 = strtof(argv[i], &end);
      break;
    case 'F':
      args[i].f64 = strtod(argv[i], &end);
      break;
    default:
      return load_error("cannot pass an argument of type '%c'", (char[]){sig[i], 0});
    }
    if (!end || *end)
      return load_error("bad argument '%s'", argv[i]);
  }
  awsm_result r = awsm_call_funcref(f, args, results);
  if (r.code != AWSM_TRAP_NONE)
    return trap_status(r);
  for (int i = 0; colon[1 + i]; i++) {
    switch (colon[1 + i]) {
    case 'i':
      printf("%d\n", results[i].i32);
      break;
    case 'I':
      printf("%lld\n", (long long)results[i].i64);
      break;
    case 'f':
      printf("%.9g\n", (double)results[i].f32);
      break;
    case 'F':
      printf("%.17g\n", results[i].f64);
      break;
    default:
      printf("<%c>\n", colon[1 + i]);
    }
  }
  fflush(stdout);
  return 0;
}

static int run(awsm_instance *inst, const options *o, int argc, char **argv) {
  if (awsm_export_func(inst, "_initialize")) {
    awsm_result r = awsm_invoke(inst, "_initialize", NULL, NULL);
    if (r.code != AWSM_TRAP_NONE)
      return trap_status(r);
  }
  if (o->invoke)
    return invoke(inst, o->invoke, argc, argv);
  if (!awsm_export_func(inst, "_start")) {
    if (awsm_export_func(inst, "_initialize"))
      return 0; /* a reactor: initialised, nothing to run */
    fprintf(stderr, "awsm: module has no _start export\n");
    return EXIT_LOAD_ERROR;
  }
  awsm_result r = awsm_invoke(inst, "_start", NULL, NULL);
  return r.code != AWSM_TRAP_NONE ? trap_status(r) : 0;
}

int main(int argc, char **argv) {
  awsm_sandbox *sb = awsm_sandbox_new();
  options o = {.argv0 = argv[0],
               .env = calloc((size_t)argc + 1, sizeof(char *)),
               .sockets = calloc((size_t)argc + 1, sizeof(char *))};
  if (!sb || !o.env || !o.sockets) {
    fprintf(stderr, "awsm: out of memory\n");
    return EXIT_LOAD_ERROR;
  }
  int first = 1;
  const char **env = (const char **)environ;
  if (argc > 1 && !strcmp(argv[1], "--awsm")) {
    if ((first = parse_options(argc, argv, sb, &o)) < 0)
      return EXIT_LOAD_ERROR;
    if (!(env = guest_env(&o))) {
      fprintf(stderr, "awsm: out of memory\n");
      return EXIT_LOAD_ERROR;
    }
  }
  /* The guest's argv: argv0, then the guest arguments. */
  int guest_argc = 1 + (o.invoke ? 0 : argc - first);
  argv[first - 1] = (char *)o.argv0;
  if (awsm_sandbox_set_args(sb, guest_argc, (const char *const *)argv + first - 1) != 0 ||
      awsm_sandbox_set_env(sb, env) != 0) {
    fprintf(stderr, "awsm: out of memory\n");
    return EXIT_LOAD_ERROR;
  }
  awsm_sandbox_set_default(sb);
  const char *error = NULL;
  awsm_instance *inst = awsm_instantiate(&awsm_entry_module, NULL, 0, &error);
  if (!inst) {
    awsm_result why = awsm_instantiate_status();
    if (why.code != AWSM_TRAP_NONE)
      return trap_status(why);
    fprintf(stderr, "awsm: %s\n", error);
    return EXIT_LOAD_ERROR;
  }
  int status = run(inst, &o, argc - first, argv + first);
  awsm_sandbox_detach(inst);
  awsm_instance_free(inst);
  awsm_sandbox_set_default(NULL);
  awsm_sandbox_free(sb);
  return status;
}
