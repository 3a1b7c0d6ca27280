/*
 * clocks.c — clock_res_get and clock_time_get on all four clocks,
 * poll_oneoff on clocks (relative, absolute, several, expired), random_get,
 * sched_yield, proc_raise (ENOTSUP), and proc_exit: the program exits with
 * status 7 through proc_exit after its checks (tests/wasi.rs expects 7).
 */
#include "check.h"

static __wasi_timestamp_t now(__wasi_clockid_t id) {
  __wasi_timestamp_t t = 0;
  if (__wasi_clock_time_get(id, 1, &t) != 0)
    return 0;
  return t;
}

static void clocks(void) {
  const char *names[] = {"realtime", "monotonic", "process_cputime", "thread_cputime"};
  for (int id = 0; id < 4; id++) {
    char label[64];
    __wasi_timestamp_t res = 0, t1 = 0, t2 = 0;
    snprintf(label, sizeof label, "res %s", names[id]);
    EXPECT(label, __wasi_clock_res_get(id, &res), 0);
    snprintf(label, sizeof label, "res %s in (0, 1ms]", names[id]);
    TRUE(label, res > 0 && res <= 1000000);
    snprintf(label, sizeof label, "time %s", names[id]);
    EXPECT(label, __wasi_clock_time_get(id, 0, &t1), 0);
    volatile unsigned spin = 0;
    for (int i = 0; i < 200000; i++)
      spin += i;
    EXPECT(label, __wasi_clock_time_get(id, 1000, &t2), 0);
    snprintf(label, sizeof label, "%s advances", names[id]);
    TRUE(label, t2 >= t1 && t1 > 0);
  }
  TRUE("realtime after 2020", now(0) > 1577836800ull * 1000000000ull);
  if (!WASMTIME) {
    __wasi_timestamp_t t;
    EXPECT("time bad clock", __wasi_clock_time_get(4, 0, &t), __WASI_ERRNO_INVAL);
    EXPECT("res bad clock", __wasi_clock_res_get(9, &t), __WASI_ERRNO_INVAL);
    EXPECT("time bad pointer", __wasi_clock_time_get(1, 0, (__wasi_timestamp_t *)0xfffffffc),
           __WASI_ERRNO_FAULT);
  }
}

static void poll_clocks(void) {
  __wasi_subscription_t s[3] = {0};
  __wasi_event_t ev[3];
  __wasi_size_t n;
  s[0].userdata = 1;
  s[0].u.tag = __WASI_EVENTTYPE_CLOCK;
  s[0].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
  s[0].u.u.clock.timeout = 20000000; /* 20 ms */
  __wasi_timestamp_t t0 = now(1);
  EXPECT("poll relative 20ms", __wasi_poll_oneoff(s, ev, 1, &n), 0);
  __wasi_timestamp_t waited = now(1) - t0;
  TRUE("slept >= 20ms", waited >= 20000000);
  TRUE("slept < 2s", waited < 2000000000ull);
  TRUE("one clock event",
       n == 1 && ev[0].userdata == 1 && ev[0].error == 0 && ev[0].type == __WASI_EVENTTYPE_CLOCK);
  /* Two clocks: only the earlier fires. */
  s[1] = s[0];
  s[1].userdata = 2;
  s[1].u.u.clock.timeout = 5000000000ull; /* 5 s */
  s[0].u.u.clock.timeout = 1000000;
  t0 = now(1);
  EXPECT("poll two clocks", __wasi_poll_oneoff(s, ev, 2, &n), 0);
  TRUE("earlier clock fired", n == 1 && ev[0].userdata == 1 && now(1) - t0 < 2000000000ull);
  /* Absolute deadline on the realtime clock. */
  s[0].u.u.clock.id = __WASI_CLOCKID_REALTIME;
  s[0].u.u.clock.flags = __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME;
  s[0].u.u.clock.timeout = now(0) + 10000000;
  t0 = now(1);
  EXPECT("poll absolute", __wasi_poll_oneoff(s, ev, 1, &n), 0);
  TRUE("absolute waited", n == 1 && now(1) - t0 >= 5000000);
  /* A deadline in the past fires at once. */
  s[0].u.u.clock.timeout = 1;
  t0 = now(1);
  EXPECT("poll past deadline", __wasi_poll_oneoff(s, ev, 1, &n), 0);
  TRUE("past deadline immediate", n == 1 && now(1) - t0 < 1000000000ull);
  /* Zero timeout. */
  s[0].u.u.clock.flags = 0;
  s[0].u.u.clock.timeout = 0;
  EXPECT("poll zero timeout", __wasi_poll_oneoff(s, ev, 1, &n), 0);
  EXPECT("zero timeout event", (int)n, 1);
  /* stdin (a pipe the harness keeps open and empty) is not readable; the
   * clock fires. */
  s[0].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
  s[0].u.u.clock.timeout = 10000000;
  s[1].userdata = 3;
  s[1].u.tag = __WASI_EVENTTYPE_FD_READ;
  s[1].u.u.fd_read.file_descriptor = 0;
  s[2].userdata = 4;
  s[2].u.tag = __WASI_EVENTTYPE_FD_WRITE;
  s[2].u.u.fd_write.file_descriptor = 1;
  EXPECT("poll stdin+stdout+clock", __wasi_poll_oneoff(s, ev, 3, &n), 0);
  int saw_write = 0, saw_read = 0;
  for (__wasi_size_t i = 0; i < n; i++) {
    saw_write |= ev[i].userdata == 4 && ev[i].type == __WASI_EVENTTYPE_FD_WRITE;
    saw_read |= ev[i].userdata == 3;
  }
  TRUE("stdout writable", saw_write);
  TRUE("stdin not readable", !saw_read);
}

static void misc(void) {
  uint8_t a[64] = {0}, b[64] = {0};
  EXPECT("random_get", __wasi_random_get(a, sizeof a), 0);
  EXPECT("random_get again", __wasi_random_get(b, sizeof b), 0);
  TRUE("random differs", memcmp(a, b, sizeof a) != 0);
  EXPECT("random_get empty", __wasi_random_get(a, 0), 0);
  if (!WASMTIME)
    EXPECT("random_get bad pointer", __wasi_random_get((uint8_t *)0xfffffff0, 64),
           __WASI_ERRNO_FAULT);
  EXPECT("sched_yield", __wasi_sched_yield(), 0);
  EXPECT("proc_raise", raw_proc_raise(15 /* TERM */), __WASI_ERRNO_NOTSUP);
}

int main(void) {
  clocks();
  poll_clocks();
  misc();
  finish();
  __wasi_proc_exit(7);
}
