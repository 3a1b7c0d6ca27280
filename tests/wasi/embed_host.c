/*
 * embed_host.c — a C host driving the sandbox API (awsm.h) on a module
 * compiled to an object (`awsm embed_guest.wasm --name guest -o guest.o`):
 * two instances with their own sandboxes (arguments, environment,
 * preopens, one read-only, stdio redirected), the process-wide default,
 * and awsm_sandbox_detach closing what a guest left open.
 * Usage: embed_host DIR_A DIR_B OUT_FILE (tests/wasi.rs checks the output).
 */
#include "awsm.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

extern const awsm_module guest_module;

static int open_fds(void) {
  int n = 0;
  DIR *d = opendir("/proc/self/fd");
  while (d && readdir(d))
    n++;
  if (d)
    closedir(d);
  return n;
}

static awsm_instance *start(awsm_sandbox *sb, const char *label) {
  const char *error = NULL;
  awsm_instance *inst = awsm_instantiate(&guest_module, NULL, 0, &error);
  if (!inst) {
    printf("%s: instantiate: %s\n", label, error);
    return NULL;
  }
  if (sb && awsm_sandbox_attach(inst, sb) != 0)
    printf("%s: attach failed\n", label);
  fflush(stdout);
  awsm_result r = awsm_invoke(inst, "_start", NULL, NULL);
  fflush(stdout);
  printf("%s: _start -> code %d\n", label, (int)r.code);
  return inst;
}

int main(int argc, char **argv) {
  if (argc < 4)
    return 2;
  const char *error = NULL;
  awsm_sandbox *a = awsm_sandbox_new(), *b = awsm_sandbox_new();
  const char *args_a[] = {"a", "alpha"}, *args_b[] = {"b", "beta", "gamma"};
  const char *env_a[] = {"WHO=A", NULL}, *env_b[] = {"WHO=B", "X=1", NULL};
  awsm_sandbox_set_args(a, 2, args_a);
  awsm_sandbox_set_env(a, env_a);
  awsm_sandbox_set_args(b, 3, args_b);
  awsm_sandbox_set_env(b, env_b);
  if (awsm_sandbox_preopen_dir(a, argv[1], "/data", 0, &error) != 0 ||
      awsm_sandbox_preopen_dir(b, argv[2], "/data", AWSM_PREOPEN_READONLY,
                               &error) != 0) {
    printf("preopen: %s\n", error);
    return 1;
  }
  printf("missing dir: %d\n",
         awsm_sandbox_preopen_dir(a, "/nonexistent", "/x", 0, &error));
  printf("error: %s\n", error);
  int out = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0644);
  awsm_sandbox_set_stdio(b, 0, out, 2);

  awsm_instance *ia = start(a, "A");
  awsm_instance *ib = start(b, "B");
  int before = open_fds();
  awsm_sandbox_detach(ia);
  awsm_sandbox_detach(ib);
  printf("detach closed %d guest fds\n", before - open_fds());
  awsm_instance_free(ia);
  awsm_instance_free(ib);

  awsm_sandbox_set_default(a);
  awsm_instance *ic = start(NULL, "default A");
  awsm_sandbox_detach(ic);
  awsm_instance_free(ic);
  awsm_sandbox_set_default(NULL);
  awsm_instance *id = start(NULL, "builtin default");
  awsm_sandbox_detach(id);
  awsm_instance_free(id);

  close(out);
  awsm_sandbox_free(a);
  awsm_sandbox_free(b);
  return 0;
}
