/*
 * check.h — what the WASI test programs share: calls the raw preview1
 * imports (wasi/api.h, plus the few wasi-libc no longer declares) and
 * prints one line per check, so tests/wasi.rs can compare the output with
 * tests/wasi/<program>.expected. A failed check also prints FAIL and makes
 * the program exit with status 1 at the end.
 */
#ifndef WASI_TEST_CHECK_H
#define WASI_TEST_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

#define IMPORT(name) __attribute__((import_module("wasi_snapshot_preview1"), import_name(name)))
IMPORT("proc_raise") int32_t raw_proc_raise(int32_t sig);
IMPORT("fd_advise") int32_t raw_fd_advise(int32_t fd, int64_t offset, int64_t len, int32_t advice);
IMPORT("path_open")
int32_t raw_path_open(int32_t fd, int32_t dirflags, const char *path, int32_t path_len,
                      int32_t oflags, int64_t base, int64_t inheriting, int32_t fdflags,
                      int32_t *opened);

static int failures;

/* Set when the program runs under wasmtime (to compare behaviour while
 * developing): skips the checks where wasmtime traps instead. */
#define WASMTIME (getenv("WASMTIME") != NULL)

/* Check that `expr` (a WASI errno) equals `want`; print the result. */
#define EXPECT(label, expr, want)                                                                  \
  do {                                                                                             \
    int got_ = (int)(expr);                                                                        \
    if (got_ == (int)(want))                                                                       \
      printf("%s: %d\n", label, got_);                                                             \
    else {                                                                                         \
      printf("FAIL %s: got %d, want %d (line %d)\n", label, got_, (int)(want), __LINE__);          \
      failures++;                                                                                  \
    }                                                                                              \
  } while (0)

/* Check a condition. */
#define TRUE(label, cond)                                                                          \
  do {                                                                                             \
    if (cond)                                                                                      \
      printf("%s: ok\n", label);                                                                   \
    else {                                                                                         \
      printf("FAIL %s (line %d)\n", label, __LINE__);                                              \
      failures++;                                                                                  \
    }                                                                                              \
  } while (0)

/* The preopened directory's fd (the first preopen, fd 3). */
#define PRE 3

static inline int32_t open_at(int32_t dir, const char *path, int32_t oflags, uint64_t base,
                              int32_t fdflags, int32_t *fd) {
  return raw_path_open(dir, 1, path, (int32_t)strlen(path), oflags, (int64_t)base, (int64_t)base,
                       fdflags, fd);
}

static inline int finish(void) {
  printf("%s\n", failures ? "FAILED" : "done");
  fflush(stdout);
  return failures ? 1 : 0;
}

#endif
