/*
 * sockets.c — sock_accept, sock_recv, sock_send and sock_shutdown on a
 * preopened listening socket (fd 4; fd 3 is the /sandbox preopen).
 * tests/wasi.rs connects, sends "ping\n" and expects "pong\n" then EOF.
 */
#include "check.h"

#define LISTENER 4

int main(void) {
  __wasi_fdstat_t fs;
  EXPECT("fdstat listener", __wasi_fd_fdstat_get(LISTENER, &fs), 0);
  EXPECT("listener filetype", fs.fs_filetype, __WASI_FILETYPE_SOCKET_STREAM);
  __wasi_prestat_t ps;
  EXPECT("listener is no directory preopen", __wasi_fd_prestat_get(LISTENER, &ps),
         __WASI_ERRNO_BADF);
  __wasi_fd_t conn;
  EXPECT("sock_accept", __wasi_sock_accept(LISTENER, 0, &conn), 0);
  EXPECT("fdstat connection", __wasi_fd_fdstat_get(conn, &fs), 0);
  EXPECT("connection filetype", fs.fs_filetype, __WASI_FILETYPE_SOCKET_STREAM);
  __wasi_fd_t again;
  EXPECT("listener nonblocking", __wasi_fd_fdstat_set_flags(LISTENER, __WASI_FDFLAGS_NONBLOCK), 0);
  EXPECT("accept, none pending", __wasi_sock_accept(LISTENER, 0, &again), __WASI_ERRNO_AGAIN);
  EXPECT("listener blocking", __wasi_fd_fdstat_set_flags(LISTENER, 0), 0);
  if (!WASMTIME)
    EXPECT("accept bad flags", __wasi_sock_accept(LISTENER, __WASI_FDFLAGS_APPEND, &again),
           __WASI_ERRNO_INVAL);
  EXPECT("accept on a connection", __wasi_sock_accept(conn, 0, &again), __WASI_ERRNO_NOTCAPABLE);

  /* Wait for data with poll_oneoff. */
  __wasi_subscription_t sub = {0};
  sub.userdata = 5;
  sub.u.tag = __WASI_EVENTTYPE_FD_READ;
  sub.u.u.fd_read.file_descriptor = conn;
  __wasi_event_t ev;
  __wasi_size_t n;
  EXPECT("poll connection", __wasi_poll_oneoff(&sub, &ev, 1, &n), 0);
  TRUE("readable", n == 1 && ev.userdata == 5 && ev.error == 0);

  char buf[16] = {0};
  __wasi_iovec_t iov = {(uint8_t *)buf, 2};
  __wasi_roflags_t ro;
  __wasi_size_t got = 0, total = 0;
  EXPECT("sock_recv peek", __wasi_sock_recv(conn, &iov, 1, __WASI_RIFLAGS_RECV_PEEK, &got, &ro), 0);
  TRUE("peeked pi", got == 2 && !memcmp(buf, "pi", 2));
  iov.buf_len = 5;
  while (total < 5) {
    iov.buf = (uint8_t *)buf + total;
    iov.buf_len = 5 - total;
    if (__wasi_sock_recv(conn, &iov, 1, 0, &got, &ro) != 0 || got == 0)
      break;
    total += got;
  }
  TRUE("received ping", total == 5 && !memcmp(buf, "ping\n", 5));
  __wasi_ciovec_t out[2] = {{(const uint8_t *)"po", 2}, {(const uint8_t *)"ng\n", 3}};
  EXPECT("sock_send", __wasi_sock_send(conn, out, 2, 0, &n), 0);
  EXPECT("sent", (int)n, 5);
  EXPECT("sock_shutdown write", __wasi_sock_shutdown(conn, __WASI_SDFLAGS_WR), 0);
  EXPECT("send after shutdown", __wasi_sock_send(conn, out, 1, 0, &n), __WASI_ERRNO_PIPE);
  iov.buf = (uint8_t *)buf;
  iov.buf_len = sizeof buf;
  EXPECT("recv until the peer closes", __wasi_sock_recv(conn, &iov, 1, 0, &got, &ro), 0);
  EXPECT("peer closed", (int)got, 0);
  EXPECT("sock_recv on stdout", __wasi_sock_recv(1, &iov, 1, 0, &got, &ro), __WASI_ERRNO_NOTSOCK);
  EXPECT("sock_send on a directory", __wasi_sock_send(PRE, out, 1, 0, &n), __WASI_ERRNO_NOTSOCK);
  EXPECT("sock_shutdown on stdout", __wasi_sock_shutdown(1, __WASI_SDFLAGS_RD),
         __WASI_ERRNO_NOTSOCK);
  EXPECT("close connection", __wasi_fd_close(conn), 0);
  return finish();
}
