/*
 * stdio.c — what a guest sees of stdin and stdout when the host gives it a
 * pipe, a regular file, /dev/null or a closed descriptor: fd_fdstat_get
 * (filetype, flags, the read/write/seek rights), fd_filestat_get,
 * fd_seek/fd_tell, fd_read, fd_write, fd_prestat_get.
 *
 * Run with one argument, the kind (`pipe`, `file`, `null`, `closed`), and
 * fds 0 and 1 of that kind; a stdin pipe or file holds "in\n". The report
 * goes to stderr, every line prefixed with the kind.
 */
#define CONFORM_OUT stderr
#include "conform.h"

static char kind[16];

static const char *label(const char *fd, const char *what) {
  static char buf[96];
  snprintf(buf, sizeof buf, "%s: %s %s", kind, fd, what);
  return buf;
}

static void probe(__wasi_fd_t fd, const char *name) {
  __wasi_fdstat_t fs;
  int e = __wasi_fd_fdstat_get(fd, &fs);
  SHOW(label(name, "fdstat_get"), e);
  if (e == 0) {
    VALUE(label(name, "filetype"), fs.fs_filetype);
    FACT(label(name, "append"), fs.fs_flags & __WASI_FDFLAGS_APPEND);
    FACT(label(name, "nonblock"), fs.fs_flags & __WASI_FDFLAGS_NONBLOCK);
    FACT(label(name, "right FD_READ"),
         fs.fs_rights_base & __WASI_RIGHTS_FD_READ);
    FACT(label(name, "right FD_WRITE"),
         fs.fs_rights_base & __WASI_RIGHTS_FD_WRITE);
    FACT(label(name, "right FD_SEEK"),
         fs.fs_rights_base & __WASI_RIGHTS_FD_SEEK);
  }
  __wasi_filestat_t st;
  e = __wasi_fd_filestat_get(fd, &st);
  SHOW(label(name, "filestat_get"), e);
  if (e == 0) {
    VALUE(label(name, "filestat filetype"), st.filetype);
    VALUE(label(name, "filestat size"), st.size);
  }
  __wasi_filesize_t pos = 99;
  SHOW(label(name, "seek cur"), __wasi_fd_seek(fd, 0, __WASI_WHENCE_CUR, &pos));
  VALUE(label(name, "position"), pos);
  pos = 99;
  SHOW(label(name, "tell"), __wasi_fd_tell(fd, &pos));
  VALUE(label(name, "told"), pos);
  __wasi_prestat_t ps;
  SHOW(label(name, "prestat_get"), __wasi_fd_prestat_get(fd, &ps));
}

int main(int argc, char **argv) {
  snprintf(kind, sizeof kind, "%s", argc > 1 ? argv[1] : "?");
  probe(0, "stdin");
  probe(1, "stdout");

  char buf[16];
  __wasi_iovec_t iov = {(uint8_t *)buf, sizeof buf};
  __wasi_size_t n = 99;
  SHOW(label("stdin", "read"), __wasi_fd_read(0, &iov, 1, &n));
  VALUE(label("stdin", "bytes read"), n);
  __wasi_filesize_t pos = 99;
  SHOW(label("stdin", "seek cur after read"),
       __wasi_fd_seek(0, 0, __WASI_WHENCE_CUR, &pos));
  VALUE(label("stdin", "position after read"), pos);
  n = 99;
  SHOW(label("stdout", "write"), write_str(1, "x\n", &n));
  VALUE(label("stdout", "bytes written"), n);
  return 0;
}
