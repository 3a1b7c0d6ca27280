/*
 * poll.c — WASI preview1 poll_oneoff (clock and fd subscriptions) and the
 * socket calls on preopened sockets (accept, recv, send, shutdown).
 */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64 /* 64-bit off_t on 32-bit hosts too */
#include "wasi_impl.h"

#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { EVENTTYPE_CLOCK = 0, EVENTTYPE_FD_READ = 1, EVENTTYPE_FD_WRITE = 2 };
enum { SUBCLOCK_ABSTIME = 1, EVENT_FD_READWRITE_HANGUP = 1 };
#define SUB_SIZE 48
#define EVENT_SIZE 32

static clockid_t host_clock(uint32_t id) {
  switch (id) {
  case 0:
    return CLOCK_REALTIME;
  case 1:
    return CLOCK_MONOTONIC;
  case 2:
    return CLOCK_PROCESS_CPUTIME_ID;
  default:
    return CLOCK_THREAD_CPUTIME_ID;
  }
}

static uint64_t now_ns(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* event: userdata @0, u16 error @8, u8 type @10, nbytes @16, u16 flags @24. */
static void put_event(uint8_t *ev, uint64_t userdata, uint16_t error, uint8_t type, uint64_t nbytes,
                      uint16_t flags) {
  memset(ev, 0, EVENT_SIZE);
  wasi_store_u64(ev, userdata);
  wasi_store_u16(ev + 8, error);
  ev[10] = type;
  wasi_store_u64(ev + 16, nbytes);
  wasi_store_u16(ev + 24, flags);
}

/* Bytes readable without blocking, where the host can tell. */
static uint64_t readable_bytes(int fd) {
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    off_t pos = lseek(fd, 0, SEEK_CUR);
    return pos >= 0 && st.st_size > pos ? (uint64_t)(st.st_size - pos) : 0;
  }
  int n = 0;
  return ioctl(fd, FIONREAD, &n) == 0 && n > 0 ? (uint64_t)n : 0;
}

/*
 * subscription: userdata @0, u8 tag @8, then at 16 either a clock
 * (u32 id @16, u64 timeout @24, u64 precision @32, u16 flags @40) or an
 * fd (u32 @16); 48 bytes. Waits for the first event (the earliest clock
 * or any ready fd), then reports every subscription ready at that point.
 */
int32_t awsm_wasi_poll_oneoff(awsm_instance *ctx, int32_t in, int32_t out, int32_t nsubscriptions,
                              int32_t nevents) {
  uint32_t n = (uint32_t)nsubscriptions;
  const uint8_t *subs = wasi_mem(ctx, in, (uint64_t)n * SUB_SIZE);
  uint8_t *events = wasi_mem(ctx, out, (uint64_t)n * EVENT_SIZE);
  uint8_t *count_out = wasi_mem(ctx, nevents, 4);
  if (!subs || !events || !count_out)
    return WASI_EFAULT;
  if (n == 0)
    return WASI_EINVAL;
  struct pollfd *pfds = calloc(n, sizeof *pfds);
  uint64_t *deadline = calloc(n, sizeof *deadline); /* CLOCK_MONOTONIC ns */
  if (!pfds || !deadline) {
    free(pfds);
    free(deadline);
    return WASI_ENOMEM;
  }
  uint32_t count = 0;
  bool have_clock = false;
  uint64_t earliest = UINT64_MAX, mono = now_ns(CLOCK_MONOTONIC);
  for (uint32_t i = 0; i < n; i++) {
    const uint8_t *s = subs + (size_t)i * SUB_SIZE;
    uint64_t userdata = wasi_load_u64(s);
    uint8_t tag = s[8];
    pfds[i].fd = -1;
    if (tag == EVENTTYPE_CLOCK) {
      uint32_t id = wasi_load_u32(s + 16);
      uint64_t timeout = wasi_load_u64(s + 24);
      uint16_t flags = wasi_load_u16(s + 40);
      if (id > 3) {
        put_event(events + (size_t)count++ * EVENT_SIZE, userdata, WASI_EINVAL, tag, 0, 0);
        continue;
      }
      uint64_t rel = timeout;
      if (flags & SUBCLOCK_ABSTIME) {
        uint64_t now = now_ns(host_clock(id));
        rel = timeout > now ? timeout - now : 0;
      }
      deadline[i] = mono + rel < mono ? UINT64_MAX : mono + rel;
      have_clock = true;
      if (deadline[i] < earliest)
        earliest = deadline[i];
    } else if (tag == EVENTTYPE_FD_READ || tag == EVENTTYPE_FD_WRITE) {
      int32_t err;
      uint64_t right = tag == EVENTTYPE_FD_READ ? R_FD_READ : R_FD_WRITE;
      wasi_fd *f = wasi_fd_get(ctx, (int32_t)wasi_load_u32(s + 16), R_POLL_FD_READWRITE, &err);
      if (f && !(f->base & right))
        f = NULL, err = WASI_EBADF;
      if (!f) { /* the whole call fails, as in wasmtime */
        free(pfds);
        free(deadline);
        return err;
      }
      pfds[i].fd = f->host;
      pfds[i].events = tag == EVENTTYPE_FD_READ ? POLLIN : POLLOUT;
    } else {
      free(pfds);
      free(deadline);
      return WASI_EINVAL;
    }
  }
  /* Wait only if nothing (e.g. a bad fd) is to be reported already. */
  for (;;) {
    struct timespec ts, *tsp = NULL;
    if (count == 0 && have_clock) {
      uint64_t now = now_ns(CLOCK_MONOTONIC), rel = earliest > now ? earliest - now : 0;
      ts.tv_sec = (time_t)(rel / 1000000000u);
      ts.tv_nsec = (long)(rel % 1000000000u);
      tsp = &ts;
    } else if (count > 0) {
      ts.tv_sec = 0;
      ts.tv_nsec = 0;
      tsp = &ts;
    }
    int r = ppoll(pfds, n, tsp, NULL);
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0) {
      int e = errno;
      free(pfds);
      free(deadline);
      return awsm_errno_to_wasi(e);
    }
    break;
  }
  uint64_t now = now_ns(CLOCK_MONOTONIC);
  for (uint32_t i = 0; i < n; i++) {
    const uint8_t *s = subs + (size_t)i * SUB_SIZE;
    uint64_t userdata = wasi_load_u64(s);
    uint8_t tag = s[8];
    if (tag == EVENTTYPE_CLOCK && wasi_load_u32(s + 16) <= 3 && deadline[i] <= now) {
      put_event(events + (size_t)count++ * EVENT_SIZE, userdata, 0, tag, 0, 0);
    } else if (tag != EVENTTYPE_CLOCK && pfds[i].fd >= 0 && pfds[i].revents) {
      short re = pfds[i].revents;
      uint16_t error = re & POLLNVAL ? WASI_EBADF : 0;
      uint16_t flags = re & (POLLHUP | POLLERR) ? EVENT_FD_READWRITE_HANGUP : 0;
      uint64_t nbytes = tag == EVENTTYPE_FD_READ && !error ? readable_bytes(pfds[i].fd) : 0;
      put_event(events + (size_t)count++ * EVENT_SIZE, userdata, error, tag, nbytes, flags);
    }
  }
  free(pfds);
  free(deadline);
  wasi_store_u32(count_out, count);
  return WASI_ESUCCESS;
}

/* ---------------------------------------------------------------- sockets */

/* A socket descriptor with `rights`; ENOTSOCK for other descriptors. */
static wasi_fd *socket_fd(awsm_instance *ctx, int32_t fd, uint64_t rights, int32_t *err) {
  wasi_fd *f = wasi_fd_get(ctx, fd, 0, err);
  if (!f)
    return NULL;
  int type;
  socklen_t len = sizeof type;
  if (getsockopt(f->host, SOL_SOCKET, SO_TYPE, &type, &len) != 0) {
    *err = WASI_ENOTSOCK;
    return NULL;
  }
  return wasi_fd_get(ctx, fd, rights, err);
}

int32_t awsm_wasi_sock_accept(awsm_instance *ctx, int32_t fd, int32_t flags, int32_t result_fd) {
  int32_t err;
  wasi_fd *f = socket_fd(ctx, fd, R_SOCK_ACCEPT, &err);
  if (!f)
    return err;
  uint8_t *out = wasi_mem(ctx, result_fd, 4);
  if (!out)
    return WASI_EFAULT;
  if ((uint32_t)flags & ~(uint32_t)WASI_FDFLAG_NONBLOCK)
    return WASI_EINVAL;
  int host;
  do
    host = accept4(f->host, NULL, NULL,
                   SOCK_CLOEXEC | (flags & WASI_FDFLAG_NONBLOCK ? SOCK_NONBLOCK : 0));
  while (host < 0 && errno == EINTR);
  if (host < 0)
    return awsm_errno_to_wasi(errno);
  int32_t guest;
  err = wasi_fd_insert(ctx, host, WASI_FILETYPE_SOCKET_STREAM, R_SOCKET, 0, &guest);
  if (err == WASI_ESUCCESS)
    wasi_store_u32(out, (uint32_t)guest);
  return err;
}

/* Gather the guest's iovecs (checked) into a heap array of host iovecs. */
static int32_t host_iovs(awsm_instance *ctx, int32_t iovs, int32_t iovs_len, struct iovec **out) {
  const uint8_t *iov = wasi_mem(ctx, iovs, 8ull * (uint32_t)iovs_len);
  if (!iov)
    return WASI_EFAULT;
  if ((uint32_t)iovs_len > 1024)
    return WASI_EINVAL;
  struct iovec *v = calloc((uint32_t)iovs_len ? (uint32_t)iovs_len : 1, sizeof *v);
  if (!v)
    return WASI_ENOMEM;
  for (uint32_t i = 0; i < (uint32_t)iovs_len; i++) {
    uint32_t len = wasi_load_u32(iov + 8 * i + 4);
    v[i].iov_base = wasi_mem(ctx, (int32_t)wasi_load_u32(iov + 8 * i), len);
    v[i].iov_len = len;
    if (!v[i].iov_base) {
      free(v);
      return WASI_EFAULT;
    }
  }
  *out = v;
  return WASI_ESUCCESS;
}

/* riflags: RECV_PEEK 1, RECV_WAITALL 2; roflags: RECV_DATA_TRUNCATED 1. */
int32_t awsm_wasi_sock_recv(awsm_instance *ctx, int32_t fd, int32_t ri_data, int32_t ri_data_len,
                            int32_t ri_flags, int32_t ro_datalen, int32_t ro_flags) {
  int32_t err;
  wasi_fd *f = socket_fd(ctx, fd, R_FD_READ, &err);
  if (!f)
    return err;
  uint8_t *len_out = wasi_mem(ctx, ro_datalen, 4), *flags_out = wasi_mem(ctx, ro_flags, 2);
  if (!len_out || !flags_out)
    return WASI_EFAULT;
  if ((uint32_t)ri_flags & ~3u)
    return WASI_EINVAL;
  struct iovec *v;
  if ((err = host_iovs(ctx, ri_data, ri_data_len, &v)) != WASI_ESUCCESS)
    return err;
  struct msghdr msg = {.msg_iov = v, .msg_iovlen = (size_t)(uint32_t)ri_data_len};
  int how = (ri_flags & 1 ? MSG_PEEK : 0) | (ri_flags & 2 ? MSG_WAITALL : 0);
  ssize_t n;
  do
    n = recvmsg(f->host, &msg, how);
  while (n < 0 && errno == EINTR);
  int e = errno;
  free(v);
  if (n < 0)
    return awsm_errno_to_wasi(e);
  wasi_store_u32(len_out, (uint32_t)n);
  wasi_store_u16(flags_out, msg.msg_flags & MSG_TRUNC ? 1 : 0);
  return WASI_ESUCCESS;
}

int32_t awsm_wasi_sock_send(awsm_instance *ctx, int32_t fd, int32_t si_data, int32_t si_data_len,
                            int32_t si_flags, int32_t so_datalen) {
  int32_t err;
  wasi_fd *f = socket_fd(ctx, fd, R_FD_WRITE, &err);
  if (!f)
    return err;
  uint8_t *len_out = wasi_mem(ctx, so_datalen, 4);
  if (!len_out)
    return WASI_EFAULT;
  if (si_flags != 0)
    return WASI_EINVAL;
  struct iovec *v;
  if ((err = host_iovs(ctx, si_data, si_data_len, &v)) != WASI_ESUCCESS)
    return err;
  struct msghdr msg = {.msg_iov = v, .msg_iovlen = (size_t)(uint32_t)si_data_len};
  ssize_t n;
  do
    n = sendmsg(f->host, &msg, MSG_NOSIGNAL);
  while (n < 0 && errno == EINTR);
  int e = errno;
  free(v);
  if (n < 0)
    return awsm_errno_to_wasi(e);
  wasi_store_u32(len_out, (uint32_t)n);
  return WASI_ESUCCESS;
}

/* sdflags: RD 1, WR 2. */
int32_t awsm_wasi_sock_shutdown(awsm_instance *ctx, int32_t fd, int32_t how) {
  int32_t err;
  wasi_fd *f = socket_fd(ctx, fd, R_SOCK_SHUTDOWN, &err);
  if (!f)
    return err;
  static const int hows[] = {0, SHUT_RD, SHUT_WR, SHUT_RDWR};
  if ((uint32_t)how == 0 || (uint32_t)how > 3)
    return WASI_EINVAL;
  return shutdown(f->host, hows[how]) == 0 ? WASI_ESUCCESS : awsm_errno_to_wasi(errno);
}
