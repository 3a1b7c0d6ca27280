/*
 * wasi.c — the freestanding WASI preview1 subset of Cortex-M firmware.
 * Replaces runtime/wasi/ (POSIX files, sockets, getrandom) there.
 *
 *   fd_write      fds 1 and 2 go to awsm_port_write (semihosting on the
 *                 mps2 boards); other fds: EBADF
 *   fd_read       fd 0 is always at end of file (no stdin)
 *   fd_seek       ESPIPE on stdio; fd_close of stdio succeeds
 *   fd_fdstat_get stdio is an unknown file type with every right, so
 *                 wasi-libc buffers stdout fully, as it does for a pipe
 *   fd_prestat_*  EBADF: no preopened directories, no files at all
 *   args, environ what awsm_wasi_set_args gave (firmware: nothing)
 *   clocks        realtime and monotonic both read awsm_port_clock_ns;
 *                 the CPU-time clocks too (one core, one program)
 *   random_get    ENOSYS: a board without an entropy source has no
 *                 honest answer
 *   proc_exit     traps with AWSM_TRAP_EXIT carrying the status
 *   sched_yield   succeeds
 *
 * Any other WASI import is rejected by awsm when it builds firmware.
 * Guest pointers are checked against the memory's real size (EFAULT).
 */
#include "cm_internal.h"

#include <string.h>

enum {
  WASI_ESUCCESS = 0,
  WASI_EBADF = 8,
  WASI_EFAULT = 21,
  WASI_EINVAL = 28,
  WASI_EIO = 29,
  WASI_ENOSYS = 52,
  WASI_EOVERFLOW = 61,
  WASI_ESPIPE = 70,
};
#define ALL_RIGHTS 0x1fffffffull

/* Guest bytes [ptr, ptr + len) of memory 0, or NULL if out of bounds.
 * The real size is below 2^31 (memory.c refuses more), so 32-bit compares
 * suffice: no 64-bit arithmetic in guest() or its callers. */
static uint8_t *guest(awsm_instance *ctx, int32_t ptr, uint32_t len) {
  awsm_memory *mem = ctx->memory;
  if (!mem)
    return NULL;
  uint32_t real = (uint32_t)awsm_cm_real_size(mem);
  if (len > real || (uint32_t)ptr > real - len)
    return NULL;
  return mem->base + (uint32_t)ptr;
}

/* A byte count for guest(): one past 4 GiB never fits. */
static uint32_t len32(uint64_t bytes) { return bytes > UINT32_MAX ? UINT32_MAX : (uint32_t)bytes; }

static void store_u32(uint8_t *p, uint32_t v) { memcpy(p, &v, sizeof v); }
static void store_u64(uint8_t *p, uint64_t v) { memcpy(p, &v, sizeof v); }
static uint32_t load_u32(const uint8_t *p) {
  uint32_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

static int is_stdio(int32_t fd) { return fd >= 0 && fd <= 2; }

/* ----------------------------------------------------- args, environ */

static int num_args;
static const char *const *args;
static int num_env;
static const char *const *env;

void awsm_wasi_set_args(int argc, const char *const *argv, const char *const *envp) {
  num_args = argv && argc > 0 ? argc : 0;
  args = argv;
  num_env = 0;
  while (envp && envp[num_env])
    num_env++;
  env = envp;
}

static uint64_t list_bytes(int count, const char *const *list) {
  uint64_t bytes = 0;
  for (int i = 0; i < count; i++)
    bytes += strlen(list[i]) + 1;
  return bytes;
}

static int32_t list_sizes(awsm_instance *ctx, int count, const char *const *list, int32_t count_ptr,
                          int32_t size_ptr) {
  uint8_t *c = guest(ctx, count_ptr, 4), *s = guest(ctx, size_ptr, 4);
  if (!c || !s)
    return WASI_EFAULT;
  uint64_t bytes = list_bytes(count, list);
  if (bytes > UINT32_MAX)
    return WASI_EOVERFLOW;
  store_u32(c, (uint32_t)count);
  store_u32(s, (uint32_t)bytes);
  return WASI_ESUCCESS;
}

static int32_t list_get(awsm_instance *ctx, int count, const char *const *list, int32_t ptrs_ptr,
                        int32_t buf_ptr) {
  uint8_t *ptrs = guest(ctx, ptrs_ptr, len32(4ull * (uint64_t)count));
  uint8_t *buf = guest(ctx, buf_ptr, len32(list_bytes(count, list)));
  if (!ptrs || !buf)
    return WASI_EFAULT;
  uint32_t offset = 0;
  for (int i = 0; i < count; i++) {
    size_t len = strlen(list[i]) + 1;
    store_u32(ptrs + 4 * i, (uint32_t)buf_ptr + offset);
    memcpy(buf + offset, list[i], len);
    offset += (uint32_t)len;
  }
  return WASI_ESUCCESS;
}

int32_t awsm_wasi_args_sizes_get(awsm_instance *ctx, int32_t argc, int32_t argv_buf_size) {
  return list_sizes(ctx, num_args, args, argc, argv_buf_size);
}

int32_t awsm_wasi_args_get(awsm_instance *ctx, int32_t argv, int32_t argv_buf) {
  return list_get(ctx, num_args, args, argv, argv_buf);
}

int32_t awsm_wasi_environ_sizes_get(awsm_instance *ctx, int32_t count, int32_t buf_size) {
  return list_sizes(ctx, num_env, env, count, buf_size);
}

int32_t awsm_wasi_environ_get(awsm_instance *ctx, int32_t environ, int32_t environ_buf) {
  return list_get(ctx, num_env, env, environ, environ_buf);
}

/* ---------------------------------------------------------------- fds */

int32_t awsm_wasi_fd_write(awsm_instance *ctx, int32_t fd, int32_t iovs, int32_t iovs_len,
                           int32_t nwritten) {
  if (fd != 1 && fd != 2)
    return WASI_EBADF;
  const uint8_t *iov = guest(ctx, iovs, len32(8ull * (uint32_t)iovs_len));
  uint8_t *out = guest(ctx, nwritten, 4);
  if (!iov || !out)
    return WASI_EFAULT;
  const uint8_t *end = iov + 8 * (uint32_t)iovs_len;
  for (const uint8_t *v = iov; v != end; v += 8) {
    if (!guest(ctx, (int32_t)load_u32(v), load_u32(v + 4)))
      return WASI_EFAULT;
  }
  /* Checked above: the buffers are inside memory, which writing leaves
   * where it is. Empty buffers are written too (a port write of 0 bytes
   * writes nothing): skipping them took 16 bytes of flash. */
  uint32_t total = 0;
  for (const uint8_t *v = iov; v != end; v += 8) {
    uint32_t len = load_u32(v + 4);
    long n = awsm_port_write(fd, ctx->memory->base + load_u32(v), len);
    if (n < 0) {
      if (total == 0)
        return WASI_EIO;
      break;
    }
    total += (uint32_t)n;
    if ((uint32_t)n < len)
      break;
  }
  store_u32(out, total);
  return WASI_ESUCCESS;
}

int32_t awsm_wasi_fd_read(awsm_instance *ctx, int32_t fd, int32_t iovs, int32_t iovs_len,
                          int32_t nread) {
  if (fd != 0)
    return WASI_EBADF;
  uint8_t *out = guest(ctx, nread, 4);
  if (!guest(ctx, iovs, len32(8ull * (uint32_t)iovs_len)) || !out)
    return WASI_EFAULT;
  store_u32(out, 0); /* end of file */
  return WASI_ESUCCESS;
}

int32_t awsm_wasi_fd_seek(awsm_instance *ctx, int32_t fd, int64_t offset, int32_t whence,
                          int32_t newoffset) {
  (void)ctx;
  (void)offset;
  (void)whence;
  (void)newoffset;
  return is_stdio(fd) ? WASI_ESPIPE : WASI_EBADF;
}

int32_t awsm_wasi_fd_close(awsm_instance *ctx, int32_t fd) {
  (void)ctx;
  return is_stdio(fd) ? WASI_ESUCCESS : WASI_EBADF;
}

int32_t awsm_wasi_fd_fdstat_get(awsm_instance *ctx, int32_t fd, int32_t stat) {
  if (!is_stdio(fd))
    return WASI_EBADF;
  uint8_t *out = guest(ctx, stat, 24);
  if (!out)
    return WASI_EFAULT;
  memset(out, 0, 24); /* filetype 0: unknown; no fd flags */
  store_u64(out + 8, ALL_RIGHTS);
  store_u64(out + 16, ALL_RIGHTS);
  return WASI_ESUCCESS;
}

int32_t awsm_wasi_fd_prestat_get(awsm_instance *ctx, int32_t fd, int32_t prestat) {
  (void)ctx;
  (void)fd;
  (void)prestat;
  return WASI_EBADF;
}

int32_t awsm_wasi_fd_prestat_dir_name(awsm_instance *ctx, int32_t fd, int32_t path,
                                      int32_t path_len) {
  (void)ctx;
  (void)fd;
  (void)path;
  (void)path_len;
  return WASI_EBADF;
}

/* ------------------------------------------------------------- the rest */

int32_t awsm_wasi_clock_time_get(awsm_instance *ctx, int32_t id, int64_t precision, int32_t time) {
  (void)precision;
  uint8_t *out = guest(ctx, time, 8);
  if (!out)
    return WASI_EFAULT;
  if ((uint32_t)id > 3)
    return WASI_EINVAL;
  store_u64(out, awsm_port_clock_ns());
  return WASI_ESUCCESS;
}

int32_t awsm_wasi_clock_res_get(awsm_instance *ctx, int32_t id, int32_t resolution) {
  uint8_t *out = guest(ctx, resolution, 8);
  if (!out)
    return WASI_EFAULT;
  if (id < 0 || id > 3)
    return WASI_EINVAL;
  store_u64(out, 1000); /* 1 us: a claim every board's timer meets */
  return WASI_ESUCCESS;
}

int32_t awsm_wasi_random_get(awsm_instance *ctx, int32_t buf, int32_t buf_len) {
  (void)ctx;
  (void)buf;
  (void)buf_len;
  return WASI_ENOSYS;
}

void awsm_wasi_proc_exit(awsm_instance *ctx, int32_t status) {
  awsm_set_exit_status(status);
  awsm_trap(ctx, AWSM_TRAP_EXIT);
}

int32_t awsm_wasi_sched_yield(awsm_instance *ctx) {
  (void)ctx;
  return WASI_ESUCCESS;
}
