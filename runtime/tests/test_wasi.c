/*
 * test_wasi.c — the WASI preview1 functions: results in guest memory,
 * EFAULT/EBADF/EINVAL, stdio redirected to pipes and files, proc_exit.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <fcntl.h>
#include <unistd.h>

static void put_u32(awsm_instance *inst, uint32_t at, uint32_t v) {
  memcpy(inst->memory->base + at, &v, 4);
}
static uint32_t get_u32(awsm_instance *inst, uint32_t at) {
  uint32_t v;
  memcpy(&v, inst->memory->base + at, 4);
  return v;
}
static uint64_t get_u64(awsm_instance *inst, uint32_t at) {
  uint64_t v;
  memcpy(&v, inst->memory->base + at, 8);
  return v;
}

/* _start: write the iovecs at 0 (2 of them) to fd 1, then exit with 7. */
static void w_start(awsm_instance *ctx) {
  if (awsm_wasi_fd_write(ctx, 1, 0, 2, 300) != 0)
    awsm_trap(ctx, AWSM_TRAP_UNREACHABLE);
  awsm_wasi_proc_exit(ctx, 7);
}

static const uint32_t func_types[] = {T_V_V};
static void *const func_ptrs[] = {(void *)w_start};
static const awsm_export_desc exports[] = {EXPORT("_start", AWSM_EXTERN_FUNC, 0)};

static const awsm_module module = {
    .abi_version = AWSM_ABI_VERSION,
    .name = "wasi",
    .num_types = NUM_T,
    .types = fake_types,
    .num_funcs = 1,
    .func_types = func_types,
    .func_ptrs = func_ptrs,
    .num_exports = 1,
    .exports = exports,
    .has_memory = 1,
    .memory_limits = {1, 0, 0},
    .start_func = -1,
    .memory_strategy = AWSM_STRATEGY_GUARD_PAGES,
};

/* Point fd `target` at `fd` until restore_fd. */
static int redirect(int target, int fd) {
  int saved = dup(target);
  dup2(fd, target);
  return saved;
}
static void restore_fd(int target, int saved) {
  dup2(saved, target);
  close(saved);
}

static void setup_iovs(awsm_instance *inst) {
  memcpy(inst->memory->base + 100, "hel", 3);
  memcpy(inst->memory->base + 200, "lo\n", 3);
  put_u32(inst, 0, 100);
  put_u32(inst, 4, 3);
  put_u32(inst, 8, 200);
  put_u32(inst, 12, 3);
}

static void test_fd_write_and_proc_exit(void) {
  awsm_instance *inst = must_instantiate(&module, NULL, 0);
  setup_iovs(inst);
  int p[2];
  CHECK_EQ(pipe(p), 0);
  int saved = redirect(1, p[1]);
  awsm_result r = awsm_invoke(inst, "_start", NULL, NULL);
  restore_fd(1, saved);
  close(p[1]);
  char buf[16] = {0};
  CHECK_EQ(read(p[0], buf, sizeof buf), 6);
  close(p[0]);
  CHECK_STR(buf, "hello\n");
  CHECK_EQ(r.code, AWSM_TRAP_EXIT);
  CHECK_EQ(r.exit_status, 7);
  CHECK_EQ(get_u32(inst, 300), 6);
  awsm_instance_free(inst);
}

static void test_fd_errors(void) {
  awsm_instance *inst = must_instantiate(&module, NULL, 0);
  setup_iovs(inst);
  put_u32(inst, 300, 12345);
  CHECK_EQ(awsm_wasi_fd_write(inst, 5, 0, 2, 300), 8); /* EBADF */
  CHECK_EQ(awsm_wasi_fd_write(inst, -1, 0, 2, 300), 8);
  CHECK_EQ(awsm_wasi_fd_write(inst, 1, 0, 2, 65533), 21);   /* EFAULT: nwritten */
  CHECK_EQ(awsm_wasi_fd_write(inst, 1, 65532, 1, 300), 21); /* iovec array */
  CHECK_EQ(awsm_wasi_fd_write(inst, 1, 0, 0x10000000, 300), 21);
  put_u32(inst, 12, 65536); /* second buffer runs past the end */
  CHECK_EQ(awsm_wasi_fd_write(inst, 1, 0, 2, 300), 21);
  CHECK_EQ(get_u32(inst, 300), 12345); /* nothing written on error */
  CHECK_EQ(awsm_wasi_fd_read(inst, 7, 0, 1, 300), 8);
  CHECK_EQ(awsm_wasi_fd_prestat_get(inst, 3, 0), 8);
  CHECK_EQ(awsm_wasi_fd_prestat_dir_name(inst, 3, 0, 10), 8);
  CHECK_EQ(awsm_wasi_fd_close(inst, 3), 8);
  CHECK_EQ(awsm_wasi_fd_fdstat_get(inst, 3, 0), 8);
  CHECK_EQ(awsm_wasi_fd_fdstat_get(inst, 1, 65535), 21);
  CHECK_EQ(awsm_wasi_fd_seek(inst, 9, 0, 0, 0), 8);
  CHECK_EQ(awsm_wasi_fd_seek(inst, 1, 0, 3, 0), 28); /* EINVAL whence */
  awsm_instance_free(inst);
}

static void test_files(void) {
  awsm_instance *inst = must_instantiate(&module, NULL, 0);
  setup_iovs(inst);
  char path[] = "/tmp/awsm_wasi_XXXXXX";
  int fd = mkstemp(path);
  unlink(path);
  int saved = redirect(1, fd);
  CHECK_EQ(awsm_wasi_fd_write(inst, 1, 0, 2, 300), 0);
  CHECK_EQ(awsm_wasi_fd_seek(inst, 1, 0, 1, 400), 0); /* SEEK_CUR */
  CHECK_EQ(get_u64(inst, 400), 6);
  CHECK_EQ(awsm_wasi_fd_seek(inst, 1, 1, 0, 400), 0); /* SEEK_SET 1 */
  CHECK_EQ(get_u64(inst, 400), 1);
  CHECK_EQ(awsm_wasi_fd_fdstat_get(inst, 1, 500), 0);
  CHECK_EQ(inst->memory->base[500], 4); /* REGULAR_FILE */
  CHECK_EQ(get_u64(inst, 508), 0x1fffffff);
  CHECK_EQ(get_u64(inst, 516), 0x1fffffff);
  int null = open("/dev/null", O_WRONLY);
  dup2(null, 1);
  close(null);
  CHECK_EQ(awsm_wasi_fd_fdstat_get(inst, 1, 500), 0);
  CHECK_EQ(inst->memory->base[500], 2); /* CHARACTER_DEVICE */
  restore_fd(1, saved);

  /* fd_read from a pipe as stdin, into two buffers */
  int p[2];
  CHECK_EQ(pipe(p), 0);
  CHECK_EQ(write(p[1], "abcdef", 6), 6);
  close(p[1]);
  saved = redirect(0, p[0]);
  close(p[0]);
  put_u32(inst, 12, 10);
  CHECK_EQ(awsm_wasi_fd_read(inst, 0, 0, 2, 300), 0);
  CHECK_EQ(get_u32(inst, 300), 6);
  CHECK(memcmp(inst->memory->base + 100, "abc", 3) == 0);
  CHECK(memcmp(inst->memory->base + 200, "def", 3) == 0);
  CHECK_EQ(awsm_wasi_fd_read(inst, 0, 0, 2, 300), 0); /* end of file */
  CHECK_EQ(get_u32(inst, 300), 0);
  CHECK_EQ(awsm_wasi_fd_seek(inst, 0, 0, 1, 400), 70); /* ESPIPE */
  restore_fd(0, saved);
  close(fd);
  awsm_instance_free(inst);
}

static void test_args_and_environ(void) {
  const char *argv[] = {"prog", "a", "bc", NULL};
  const char *envp[] = {"X=1", NULL};
  awsm_wasi_set_args(3, argv, envp);
  awsm_instance *inst = must_instantiate(&module, NULL, 0);
  CHECK_EQ(awsm_wasi_args_sizes_get(inst, 0, 4), 0);
  CHECK_EQ(get_u32(inst, 0), 3);
  CHECK_EQ(get_u32(inst, 4), 10);
  CHECK_EQ(awsm_wasi_args_get(inst, 16, 1000), 0);
  CHECK_EQ(get_u32(inst, 16), 1000);
  CHECK_EQ(get_u32(inst, 20), 1005);
  CHECK_EQ(get_u32(inst, 24), 1007);
  CHECK(memcmp(inst->memory->base + 1000, "prog\0a\0bc\0", 10) == 0);
  CHECK_EQ(awsm_wasi_args_get(inst, 16, 65530), 21);
  CHECK_EQ(awsm_wasi_args_get(inst, 65530, 1000), 21);
  CHECK_EQ(awsm_wasi_args_sizes_get(inst, 65534, 4), 21);
  CHECK_EQ(awsm_wasi_environ_sizes_get(inst, 0, 4), 0);
  CHECK_EQ(get_u32(inst, 0), 1);
  CHECK_EQ(get_u32(inst, 4), 4);
  CHECK_EQ(awsm_wasi_environ_get(inst, 32, 2000), 0);
  CHECK_EQ(get_u32(inst, 32), 2000);
  CHECK_STR((const char *)inst->memory->base + 2000, "X=1");
  awsm_wasi_set_args(0, NULL, NULL);
  CHECK_EQ(awsm_wasi_args_sizes_get(inst, 0, 4), 0);
  CHECK_EQ(get_u32(inst, 0), 0);
  CHECK_EQ(get_u32(inst, 4), 0);
  awsm_instance_free(inst);
}

static void test_clocks_random_yield(void) {
  awsm_instance *inst = must_instantiate(&module, NULL, 0);
  CHECK_EQ(awsm_wasi_clock_time_get(inst, 1, 0, 400), 0);
  uint64_t t0 = get_u64(inst, 400);
  CHECK(t0 > 0);
  CHECK_EQ(awsm_wasi_clock_time_get(inst, 1, 0, 400), 0);
  CHECK(get_u64(inst, 400) >= t0);
  CHECK_EQ(awsm_wasi_clock_time_get(inst, 0, 1000, 400), 0);
  CHECK(get_u64(inst, 400) > 1600000000ull * 1000000000ull); /* after 2020 */
  CHECK_EQ(awsm_wasi_clock_time_get(inst, 9, 0, 400), 28);
  CHECK_EQ(awsm_wasi_clock_time_get(inst, 1, 0, 65530), 21);
  CHECK_EQ(awsm_wasi_clock_res_get(inst, 1, 408), 0);
  CHECK(get_u64(inst, 408) > 0);
  CHECK_EQ(awsm_wasi_clock_res_get(inst, 4, 408), 28);
  CHECK_EQ(awsm_wasi_random_get(inst, 1000, 64), 0);
  int nonzero = 0;
  for (int i = 0; i < 64; i++)
    nonzero += inst->memory->base[1000 + i] != 0;
  CHECK(nonzero > 0);
  CHECK_EQ(awsm_wasi_random_get(inst, 65535, 2), 21);
  CHECK_EQ(awsm_wasi_random_get(inst, 65535, 1), 0);
  CHECK_EQ(awsm_wasi_sched_yield(inst), 0);
  awsm_instance_free(inst);
}

int main(void) {
  RUN(test_fd_write_and_proc_exit);
  RUN(test_fd_errors);
  RUN(test_files);
  RUN(test_args_and_environ);
  RUN(test_clocks_random_yield);
  return TESTS_DONE();
}
