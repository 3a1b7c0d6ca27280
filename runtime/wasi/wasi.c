/*
 * wasi.c — WASI preview1: arguments, environment, clocks, randomness,
 * process exit, signals and yielding. Descriptors live in fd.c, paths in
 * path.c, polling and sockets in poll.c.
 *
 * Every guest pointer is checked against memory 0's size; a violation
 * returns EFAULT and writes nothing.
 */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64 /* 64-bit off_t on 32-bit hosts too */
#include "wasi_impl.h"

#include <errno.h>
#include <sched.h>
#include <sys/random.h>
#include <time.h>

/* ----------------------------------------------- string lists (args, env) */

static int32_t list_sizes(awsm_instance *ctx, int count, const char *const *list, int32_t count_ptr,
                          int32_t size_ptr) {
  uint8_t *c = wasi_mem(ctx, count_ptr, 4);
  uint8_t *s = wasi_mem(ctx, size_ptr, 4);
  if (!c || !s)
    return WASI_EFAULT;
  uint64_t bytes = 0;
  for (int i = 0; i < count; i++)
    bytes += strlen(list[i]) + 1;
  if (bytes > UINT32_MAX)
    return WASI_EOVERFLOW;
  wasi_store_u32(c, (uint32_t)count);
  wasi_store_u32(s, (uint32_t)bytes);
  return WASI_ESUCCESS;
}

/* Write `count` pointers at ptrs_ptr and the NUL-terminated strings
 * they point to at buf_ptr. */
static int32_t list_get(awsm_instance *ctx, int count, const char *const *list, int32_t ptrs_ptr,
                        int32_t buf_ptr) {
  uint64_t bytes = 0;
  for (int i = 0; i < count; i++)
    bytes += strlen(list[i]) + 1;
  uint8_t *ptrs = wasi_mem(ctx, ptrs_ptr, 4ull * (uint64_t)count);
  uint8_t *buf = wasi_mem(ctx, buf_ptr, bytes);
  if (!ptrs || !buf)
    return WASI_EFAULT;
  uint32_t offset = 0;
  for (int i = 0; i < count; i++) {
    size_t len = strlen(list[i]) + 1;
    wasi_store_u32(ptrs + 4 * i, (uint32_t)buf_ptr + offset);
    memcpy(buf + offset, list[i], len);
    offset += (uint32_t)len;
  }
  return WASI_ESUCCESS;
}

int32_t awsm_wasi_args_sizes_get(awsm_instance *ctx, int32_t argc, int32_t argv_buf_size) {
  int n;
  const char *const *list;
  wasi_args(ctx, &n, &list);
  return list_sizes(ctx, n, list, argc, argv_buf_size);
}

int32_t awsm_wasi_args_get(awsm_instance *ctx, int32_t argv, int32_t argv_buf) {
  int n;
  const char *const *list;
  wasi_args(ctx, &n, &list);
  return list_get(ctx, n, list, argv, argv_buf);
}

int32_t awsm_wasi_environ_sizes_get(awsm_instance *ctx, int32_t count, int32_t buf_size) {
  int n;
  const char *const *list;
  wasi_environ(ctx, &n, &list);
  return list_sizes(ctx, n, list, count, buf_size);
}

int32_t awsm_wasi_environ_get(awsm_instance *ctx, int32_t environ, int32_t environ_buf) {
  int n;
  const char *const *list;
  wasi_environ(ctx, &n, &list);
  return list_get(ctx, n, list, environ, environ_buf);
}

/* ------------------------------------------------------------------ clocks */

static int host_clock(int32_t id, clockid_t *out) {
  switch (id) {
  case 0:
    *out = CLOCK_REALTIME;
    return 0;
  case 1:
    *out = CLOCK_MONOTONIC;
    return 0;
  case 2:
    *out = CLOCK_PROCESS_CPUTIME_ID;
    return 0;
  case 3:
    *out = CLOCK_THREAD_CPUTIME_ID;
    return 0;
  default:
    return -1;
  }
}

static uint64_t nanoseconds(const struct timespec *ts) {
  return (uint64_t)ts->tv_sec * 1000000000u + (uint64_t)ts->tv_nsec;
}

int32_t awsm_wasi_clock_time_get(awsm_instance *ctx, int32_t id, int64_t precision, int32_t time) {
  (void)precision;
  clockid_t clock;
  struct timespec ts;
  uint8_t *out = wasi_mem(ctx, time, 8);
  if (!out)
    return WASI_EFAULT;
  if (host_clock(id, &clock) != 0)
    return WASI_EINVAL;
  if (clock_gettime(clock, &ts) != 0)
    return awsm_errno_to_wasi(errno);
  wasi_store_u64(out, nanoseconds(&ts));
  return WASI_ESUCCESS;
}

int32_t awsm_wasi_clock_res_get(awsm_instance *ctx, int32_t id, int32_t resolution) {
  clockid_t clock;
  struct timespec ts;
  uint8_t *out = wasi_mem(ctx, resolution, 8);
  if (!out)
    return WASI_EFAULT;
  if (host_clock(id, &clock) != 0)
    return WASI_EINVAL;
  if (clock_getres(clock, &ts) != 0)
    return awsm_errno_to_wasi(errno);
  wasi_store_u64(out, nanoseconds(&ts));
  return WASI_ESUCCESS;
}

/* -------------------------------------------------------------- the rest */

int32_t awsm_wasi_random_get(awsm_instance *ctx, int32_t buf, int32_t buf_len) {
  uint8_t *out = wasi_mem(ctx, buf, (uint32_t)buf_len);
  if (!out)
    return WASI_EFAULT;
  size_t done = 0, len = (uint32_t)buf_len;
  while (done < len) {
    ssize_t n = getrandom(out + done, len - done, 0);
    if (n < 0 && errno != EINTR)
      return awsm_errno_to_wasi(errno);
    if (n > 0)
      done += (size_t)n;
  }
  return WASI_ESUCCESS;
}

void awsm_wasi_proc_exit(awsm_instance *ctx, int32_t status) {
  awsm_set_exit_status(status);
  awsm_trap(ctx, AWSM_TRAP_EXIT);
}

/* Raising a signal in the host process would let a guest kill or
 * stop its embedder: not supported, as in wasmtime. */
int32_t awsm_wasi_proc_raise(awsm_instance *ctx, int32_t sig) {
  (void)ctx;
  (void)sig;
  return WASI_ENOTSUP;
}

int32_t awsm_wasi_sched_yield(awsm_instance *ctx) {
  (void)ctx;
  sched_yield();
  return WASI_ESUCCESS;
}
