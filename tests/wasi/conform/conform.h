/*
 * conform.h — what the WASI conformance programs share. Unlike check.h's
 * self-checking programs, these print what each call returned (an errno
 * name, a size, a yes/no fact) and leave the judgement to the comparison
 * with the output Wasmtime gave for the same program
 * (tests/wasi/conform/<program>.expected, recorded by record_expected.py).
 * Nothing host-specific is printed: no inode numbers, times or host order.
 *
 * Fixture (tests/wasi_conformance.rs and record_expected.py): fd 3 is the
 * preopened, empty directory "/sandbox"; its host parent holds nothing
 * else the programs rely on. Programs build what they need inside it.
 */
#ifndef WASI_CONFORM_H
#define WASI_CONFORM_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

#define SANDBOX 3

static inline const char *errno_name(int e) {
  switch (e) {
  case __WASI_ERRNO_SUCCESS:
    return "ok";
  case __WASI_ERRNO_2BIG:
    return "E2BIG";
  case __WASI_ERRNO_ACCES:
    return "EACCES";
  case __WASI_ERRNO_AGAIN:
    return "EAGAIN";
  case __WASI_ERRNO_BADF:
    return "EBADF";
  case __WASI_ERRNO_EXIST:
    return "EEXIST";
  case __WASI_ERRNO_FAULT:
    return "EFAULT";
  case __WASI_ERRNO_FBIG:
    return "EFBIG";
  case __WASI_ERRNO_INVAL:
    return "EINVAL";
  case __WASI_ERRNO_IO:
    return "EIO";
  case __WASI_ERRNO_ISDIR:
    return "EISDIR";
  case __WASI_ERRNO_LOOP:
    return "ELOOP";
  case __WASI_ERRNO_MLINK:
    return "EMLINK";
  case __WASI_ERRNO_NAMETOOLONG:
    return "ENAMETOOLONG";
  case __WASI_ERRNO_NOENT:
    return "ENOENT";
  case __WASI_ERRNO_NOSYS:
    return "ENOSYS";
  case __WASI_ERRNO_NOTDIR:
    return "ENOTDIR";
  case __WASI_ERRNO_NOTEMPTY:
    return "ENOTEMPTY";
  case __WASI_ERRNO_NOTSOCK:
    return "ENOTSOCK";
  case __WASI_ERRNO_NOTSUP:
    return "ENOTSUP";
  case __WASI_ERRNO_NXIO:
    return "ENXIO";
  case __WASI_ERRNO_OVERFLOW:
    return "EOVERFLOW";
  case __WASI_ERRNO_PERM:
    return "EPERM";
  case __WASI_ERRNO_SPIPE:
    return "ESPIPE";
  case __WASI_ERRNO_XDEV:
    return "EXDEV";
  case __WASI_ERRNO_NOTCAPABLE:
    return "ENOTCAPABLE";
  default:
    return "other";
  }
}

/* Print what a call returned: `label: ok` or `label: ENOENT`. */
#define SHOW(label, expr)                                                      \
  do {                                                                         \
    int e_ = (int)(expr);                                                      \
    if (errno_name(e_)[0] == 'o' && e_)                                        \
      printf("%s: errno %d\n", label, e_);                                     \
    else                                                                       \
      printf("%s: %s\n", label, errno_name(e_));                               \
  } while (0)

/* Print a value the program computed. */
#define VALUE(label, v) printf("%s: %llu\n", label, (unsigned long long)(v))
#define FACT(label, cond) printf("%s: %s\n", label, (cond) ? "yes" : "no")

/* Every right of preview1; what the programs ask for unless a case is
 * about rights. */
#define ALL_RIGHTS ((__wasi_rights_t)0x3fffffff)

static inline int open_in(int dir, const char *path, int oflags,
                          __wasi_rights_t base, __wasi_fdflags_t fdflags,
                          __wasi_fd_t *fd) {
  return __wasi_path_open(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, path, oflags,
                          base, ALL_RIGHTS, fdflags, fd);
}

/* Create (or truncate) `path` in the sandbox with `text` in it. */
static inline int make_file(const char *path, const char *text) {
  __wasi_fd_t fd;
  int e = open_in(SANDBOX, path, __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC,
                  ALL_RIGHTS, 0, &fd);
  if (e)
    return e;
  __wasi_ciovec_t iov = {(const uint8_t *)text, strlen(text)};
  __wasi_size_t n;
  e = __wasi_fd_write(fd, &iov, 1, &n);
  (void)__wasi_fd_close(fd);
  return e;
}

static inline int write_str(__wasi_fd_t fd, const char *text,
                            __wasi_size_t *n) {
  __wasi_ciovec_t iov = {(const uint8_t *)text, strlen(text)};
  return __wasi_fd_write(fd, &iov, 1, n);
}

#endif
