/*
 * platform_wasm.c — the benchmark platform for wasm32: WASI's monotonic
 * clock (on awsm's mps2 firmware, SysTick; one tick per 40 ns of virtual
 * time), fd_write and proc_exit imported directly; no libc. Built with
 * -fno-builtin so memset/memcpy here stay loops.
 */
#include "print.h"

#include <stddef.h>

#define WASI(name) __attribute__((import_module("wasi_snapshot_preview1"), import_name(#name)))

typedef struct {
  const void *buf;
  unsigned long len;
} ciovec;

WASI(fd_write) int32_t wasi_fd_write(int32_t fd, const ciovec *iovs, int32_t n, uint32_t *written);
WASI(clock_time_get) int32_t wasi_clock_time_get(int32_t id, int64_t precision, uint64_t *time);
WASI(proc_exit) __attribute__((noreturn)) void wasi_proc_exit(int32_t status);

void *memset(void *dst, int c, size_t n) {
  unsigned char *d = dst;
  while (n--)
    *d++ = (unsigned char)c;
  return dst;
}

void *memcpy(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  while (n--)
    *d++ = *s++;
  return dst;
}

static uint64_t now(void) {
  uint64_t t = 0;
  wasi_clock_time_get(1, 0, &t);
  return t;
}

static void write_out(const char *text, unsigned long len) {
  ciovec iov = {text, len};
  uint32_t written;
  wasi_fd_write(1, &iov, 1, &written);
}

void _start(void) {
  uint64_t t0 = now();
  uint32_t checksum = bench_run();
  uint64_t t1 = now();
  bench_report(write_out, checksum, t1 - t0);
  wasi_proc_exit(0);
}
