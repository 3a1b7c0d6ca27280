/*
 * args_env.c — args_sizes_get/args_get and environ_sizes_get/environ_get,
 * raw and through libc. tests/wasi.rs passes the arguments
 * `one "two words" "" --awsm-like -- x` and the environment
 * FOO=bar, EMPTY=, WITH_EQ=a=b; argv[0] is the module or program name.
 */
#include "check.h"

extern char **environ;

int main(int argc, char **argv) {
  __wasi_size_t count, size;
  EXPECT("args_sizes_get", __wasi_args_sizes_get(&count, &size), 0);
  EXPECT("argc", (int)count, 7);
  EXPECT("libc argc", argc, 7);
  char **ptrs = malloc(count * sizeof *ptrs);
  char *buf = malloc(size);
  EXPECT("args_get", __wasi_args_get((uint8_t **)ptrs, (uint8_t *)buf), 0);
  TRUE("argv[0] is a name", ptrs[0][0] != 0 && !strcmp(ptrs[0], argv[0]));
  const char *want[] = {"one", "two words", "", "--awsm-like", "--", "x"};
  for (int i = 1; i < 7; i++) {
    char label[32];
    snprintf(label, sizeof label, "argv[%d]", i);
    TRUE(label, !strcmp(ptrs[i], want[i - 1]) && !strcmp(argv[i], want[i - 1]));
    printf("  %s = '%s'\n", label, argv[i]);
  }
  TRUE("strings are packed", ptrs[1] == buf + strlen(buf) + 1);
  EXPECT("buffer size past argv[0]", (int)(size - strlen(argv[0]) - 1), 4 + 10 + 1 + 12 + 3 + 2);
  if (!WASMTIME) {
    EXPECT("args_get bad pointer", __wasi_args_get((uint8_t **)0xfffffff0, (uint8_t *)buf),
           __WASI_ERRNO_FAULT);
  }

  EXPECT("environ_sizes_get", __wasi_environ_sizes_get(&count, &size), 0);
  EXPECT("environ count", (int)count, 3);
  EXPECT("environ size", (int)size, 8 + 7 + 12);
  ptrs = realloc(ptrs, count * sizeof *ptrs);
  buf = realloc(buf, size);
  EXPECT("environ_get", __wasi_environ_get((uint8_t **)ptrs, (uint8_t *)buf), 0);
  for (__wasi_size_t i = 0; i < count; i++)
    printf("  env '%s'\n", ptrs[i]);
  const char *foo = getenv("FOO"), *empty = getenv("EMPTY"), *eq = getenv("WITH_EQ");
  TRUE("getenv FOO", foo && !strcmp(foo, "bar"));
  TRUE("getenv EMPTY", empty && !strcmp(empty, ""));
  TRUE("getenv WITH_EQ", eq && !strcmp(eq, "a=b"));
  TRUE("no host variables", !getenv("HOME") && !getenv("PATH"));
  int n = 0;
  for (char **e = environ; *e; e++)
    n++;
  EXPECT("libc environ count", n, 3);
  free(ptrs);
  free(buf);
  return finish();
}
