/*
 * stdio.c — what a guest sees of stdin and stdout when the host gives it a
 * pipe, a regular file, /dev/null or a closed descriptor: fd_fdstat_get
 * (filetype, flags, the read/write/seek rights), fd_filestat_get,
 * fd_seek/fd_tell, fd_read, fd_write, fd_prestat_get.
 *
 * Run with one argument, the kind (`pipe`, `file`, `null`, `closed`), and
 * fds 0 and 1 of that kind; a stdin pipe or file holds "in\n". The report
 * goes to stderr, one line per call prefixed with the kind.
 */
#include "conform.h"

static const char *kind = "?";

/* One line per call: `kind: fd what: errno` and the values it gave. */
#define LINE(fd, what, e, ...)                                                 \
  do {                                                                         \
    fprintf(stderr, "%s: %s %s: %s", kind, fd, what, errno_name(e));           \
    fprintf(stderr, __VA_ARGS__);                                              \
    fputc('\n', stderr);                                                       \
  } while (0)

static void probe(__wasi_fd_t fd, const char *name) {
  __wasi_fdstat_t fs = {0};
  int e = __wasi_fd_fdstat_get(fd, &fs);
  __wasi_rights_t r = fs.fs_rights_base;
  LINE(name, "fdstat_get", e, ", filetype %d, flags %d, rights%s%s%s",
       fs.fs_filetype, fs.fs_flags, r & __WASI_RIGHTS_FD_READ ? " read" : "",
       r & __WASI_RIGHTS_FD_WRITE ? " write" : "",
       r & __WASI_RIGHTS_FD_SEEK ? " seek" : "");
  __wasi_filestat_t st = {0};
  e = __wasi_fd_filestat_get(fd, &st);
  LINE(name, "filestat_get", e, ", filetype %d, size %llu", st.filetype,
       (unsigned long long)st.size);
  __wasi_filesize_t pos = 99, told = 99;
  e = __wasi_fd_seek(fd, 0, __WASI_WHENCE_CUR, &pos);
  int e2 = __wasi_fd_tell(fd, &told);
  LINE(name, "seek", e, " at %llu; tell: %s at %llu", (unsigned long long)pos,
       errno_name(e2), (unsigned long long)told);
  __wasi_prestat_t ps;
  LINE(name, "prestat_get", __wasi_fd_prestat_get(fd, &ps), "%s", "");
}

int main(int argc, char **argv) {
  if (argc > 1)
    kind = argv[1];
  probe(0, "stdin");
  probe(1, "stdout");

  char buf[16];
  __wasi_iovec_t iov = {(uint8_t *)buf, sizeof buf};
  __wasi_size_t n = 99;
  int e = __wasi_fd_read(0, &iov, 1, &n);
  __wasi_filesize_t pos = 99;
  int e2 = __wasi_fd_seek(0, 0, __WASI_WHENCE_CUR, &pos);
  LINE("stdin", "read", e, ", %lu bytes; then seek: %s at %llu",
       (unsigned long)n, errno_name(e2), (unsigned long long)pos);
  n = 99;
  LINE("stdout", "write", write_str(1, "x\n", &n), ", %lu bytes",
       (unsigned long)n);
  return 0;
}
