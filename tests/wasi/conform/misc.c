/*
 * misc.c — preview1's other functions: args and environ (sizes, contents),
 * clocks (resolution, monotonic time), random_get, sched_yield,
 * proc_raise, poll_oneoff (clocks relative and absolute, fds ready for
 * reading and writing, a bad fd, no subscriptions), the sock_* calls on
 * descriptors that are not sockets, and proc_exit's status.
 *
 * Run with arguments `one` `two words` and only FOO=bar in the environment.
 */
#include "conform.h"

#include <stdlib.h>

__attribute__((import_module("wasi_snapshot_preview1"),
               import_name("proc_raise"))) int32_t
raw_proc_raise(int32_t sig);

static void args_environ(void) {
  __wasi_size_t count, size;
  SHOW("args_sizes_get", __wasi_args_sizes_get(&count, &size));
  VALUE("argc", count);
  VALUE("argv bytes", size);
  char **argv = calloc(count + 1, sizeof *argv);
  char *buf = calloc(size, 1);
  SHOW("args_get", __wasi_args_get((uint8_t **)argv, (uint8_t *)buf));
  for (__wasi_size_t i = 1; i < count; i++)
    printf("argv[%lu] = '%s'\n", (unsigned long)i, argv[i]);
  free(argv);
  free(buf);
  SHOW("environ_sizes_get", __wasi_environ_sizes_get(&count, &size));
  VALUE("environ count", count);
  VALUE("environ bytes", size);
  char **env = calloc(count + 1, sizeof *env);
  buf = calloc(size, 1);
  SHOW("environ_get", __wasi_environ_get((uint8_t **)env, (uint8_t *)buf));
  for (__wasi_size_t i = 0; i < count; i++)
    printf("environ[%lu] = '%s'\n", (unsigned long)i, env[i]);
  free(env);
  free(buf);
}

static void clocks(void) {
  static const char *names[] = {"realtime", "monotonic", "process cputime",
                                "thread cputime"};
  for (int id = 0; id < 4; id++) {
    char label[64];
    __wasi_timestamp_t res = 0, t = 0;
    snprintf(label, sizeof label, "res_get %s", names[id]);
    SHOW(label, __wasi_clock_res_get((__wasi_clockid_t)id, &res));
    snprintf(label, sizeof label, "%s resolution in (0, 1s]", names[id]);
    FACT(label, res > 0 && res <= 1000000000ull);
    snprintf(label, sizeof label, "time_get %s", names[id]);
    SHOW(label, __wasi_clock_time_get((__wasi_clockid_t)id, 1, &t));
  }
  __wasi_timestamp_t a, b, now;
  (void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &a);
  (void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &b);
  FACT("monotonic does not go back", b >= a);
  (void)__wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &now);
  FACT("realtime after 2020", now > 1577836800000000000ull);
}

static void random_yield_raise(void) {
  uint8_t buf[64] = {0};
  SHOW("random_get 0 bytes", __wasi_random_get(buf, 0));
  SHOW("random_get 64 bytes", __wasi_random_get(buf, sizeof buf));
  int nonzero = 0;
  for (size_t i = 0; i < sizeof buf; i++)
    nonzero += buf[i] != 0;
  FACT("random bytes not all zero", nonzero > 0);
  SHOW("sched_yield", __wasi_sched_yield());
  SHOW("proc_raise SIGUSR1", raw_proc_raise(10));
}

static __wasi_subscription_t clock_sub(uint64_t tag, __wasi_clockid_t id,
                                       uint64_t timeout, int flags) {
  __wasi_subscription_t s;
  memset(&s, 0, sizeof s);
  s.userdata = tag;
  s.u.tag = __WASI_EVENTTYPE_CLOCK;
  s.u.u.clock.id = id;
  s.u.u.clock.timeout = timeout;
  s.u.u.clock.flags = (uint16_t)flags;
  return s;
}

static __wasi_subscription_t fd_sub(uint64_t tag, int type, __wasi_fd_t fd) {
  __wasi_subscription_t s;
  memset(&s, 0, sizeof s);
  s.userdata = tag;
  s.u.tag = (uint8_t)type;
  s.u.u.fd_read.file_descriptor = fd;
  return s;
}

static void show_events(const __wasi_event_t *ev, __wasi_size_t n) {
  /* In userdata order: the order of simultaneous events is not specified. */
  for (uint64_t tag = 0; tag < 16; tag++)
    for (__wasi_size_t i = 0; i < n; i++)
      if (ev[i].userdata == tag)
        printf("  event %llu: type %u, error %s, nbytes %llu\n",
               (unsigned long long)tag, ev[i].type, errno_name(ev[i].error),
               (unsigned long long)ev[i].fd_readwrite.nbytes);
}

static void poll(void) {
  __wasi_subscription_t in[4];
  __wasi_event_t out[4];
  __wasi_size_t n;
  in[0] = clock_sub(1, __WASI_CLOCKID_MONOTONIC, 1000000, 0);
  SHOW("poll one relative clock", __wasi_poll_oneoff(in, out, 1, &n));
  VALUE("events", n);
  show_events(out, n);
  in[0] = clock_sub(1, __WASI_CLOCKID_MONOTONIC, 1000000, 0);
  in[1] = clock_sub(2, __WASI_CLOCKID_MONOTONIC, 10000000000ull, 0);
  SHOW("poll two clocks", __wasi_poll_oneoff(in, out, 2, &n));
  VALUE("events", n);
  show_events(out, n);
  __wasi_timestamp_t now;
  (void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &now);
  in[0] = clock_sub(3, __WASI_CLOCKID_MONOTONIC, now + 2000000,
                    __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
  SHOW("poll absolute monotonic", __wasi_poll_oneoff(in, out, 1, &n));
  VALUE("events", n);
  show_events(out, n);
  __wasi_timestamp_t later;
  (void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &later);
  FACT("waited until the deadline", later >= now + 2000000);
  in[0] = clock_sub(4, __WASI_CLOCKID_MONOTONIC, 0,
                    __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
  SHOW("poll absolute in the past", __wasi_poll_oneoff(in, out, 1, &n));
  show_events(out, n);
  (void)__wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &now);
  in[0] = clock_sub(5, __WASI_CLOCKID_REALTIME, now + 1000000,
                    __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
  SHOW("poll absolute realtime", __wasi_poll_oneoff(in, out, 1, &n));
  show_events(out, n);

  __wasi_fd_t fd;
  SHOW("make p.txt", make_file("p.txt", "0123456789"));
  SHOW("open p.txt", open_in(SANDBOX, "p.txt", 0, ALL_RIGHTS, 0, &fd));
  __wasi_filesize_t pos;
  (void)__wasi_fd_seek(fd, 4, __WASI_WHENCE_SET, &pos);
  in[0] = fd_sub(6, __WASI_EVENTTYPE_FD_READ, fd);
  in[1] = fd_sub(7, __WASI_EVENTTYPE_FD_WRITE, fd);
  in[2] = clock_sub(8, __WASI_CLOCKID_MONOTONIC, 10000000000ull, 0);
  SHOW("poll file read+write with a long clock",
       __wasi_poll_oneoff(in, out, 3, &n));
  VALUE("events", n);
  show_events(out, n);
  in[0] = fd_sub(9, __WASI_EVENTTYPE_FD_READ, 70);
  in[1] = clock_sub(10, __WASI_CLOCKID_MONOTONIC, 1000000, 0);
  __wasi_errno_t e = __wasi_poll_oneoff(in, out, 2, &n);
  SHOW("poll a closed fd", e);
  if (!e)
    show_events(out, n);
  in[0] = fd_sub(11, __WASI_EVENTTYPE_FD_READ, SANDBOX);
  in[1] = clock_sub(12, __WASI_CLOCKID_MONOTONIC, 1000000, 0);
  e = __wasi_poll_oneoff(in, out, 2, &n);
  SHOW("poll a directory", e);
  if (!e)
    show_events(out, n);
  SHOW("poll nothing", __wasi_poll_oneoff(in, out, 0, &n));

  uint8_t buf[8];
  __wasi_iovec_t iov = {buf, sizeof buf};
  __wasi_ciovec_t ciov = {buf, 1};
  __wasi_size_t got;
  __wasi_roflags_t roflags;
  __wasi_fd_t conn;
  SHOW("sock_recv on a file", __wasi_sock_recv(fd, &iov, 1, 0, &got, &roflags));
  SHOW("sock_send on a file", __wasi_sock_send(fd, &ciov, 1, 0, &got));
  SHOW("sock_shutdown on a file", __wasi_sock_shutdown(fd, __WASI_SDFLAGS_WR));
  SHOW("sock_accept on a file", __wasi_sock_accept(fd, 0, &conn));
  SHOW("sock_accept on a directory", __wasi_sock_accept(SANDBOX, 0, &conn));
  SHOW("sock_recv on a closed fd",
       __wasi_sock_recv(70, &iov, 1, 0, &got, &roflags));
  (void)__wasi_fd_close(fd);
}

int main(void) {
  args_environ();
  clocks();
  random_yield_raise();
  poll();
  fflush(stdout);
  __wasi_proc_exit(3);
}
