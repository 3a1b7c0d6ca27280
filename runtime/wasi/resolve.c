/*
 * resolve.c — open guest paths without ever leaving the directory they
 * are relative to.
 *
 * Where the kernel has openat2(2), RESOLVE_BENEATH does the whole walk
 * atomically: `..` above the starting directory, absolute paths and
 * symlinks that lead outside fail with EXDEV, and concurrent renames
 * cannot move the walk out (the kernel retries or fails with EAGAIN).
 * Otherwise (ENOSYS, or AWSM_WASI_NO_OPENAT2=1 for tests) a walk in user
 * space does the same one component at a time: each step is an openat
 * with O_NOFOLLOW relative to a directory fd already held, `..` pops the
 * walk's own stack of fds instead of asking the kernel for a parent, and
 * symlinks are read and spliced into the remaining path (at most 40,
 * absolute targets refused). No step names anything but a single entry
 * of a directory the walk holds open, so a symlink swapped in between
 * two steps is never followed by the kernel.
 */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64 /* 64-bit off_t on 32-bit hosts too */
#include "wasi_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_SYMLINKS 40
#define OPENAT2_RETRIES 64

/* 1: use openat2; 0: walk; -1: not decided yet. */
static atomic_int use_openat2 = -1;

int wasi_resolver_uses_openat2(void) {
  int mode = atomic_load(&use_openat2);
  if (mode < 0) {
    const char *off = getenv("AWSM_WASI_NO_OPENAT2");
    mode = !(off && *off && strcmp(off, "0") != 0);
    if (mode) {
      struct open_how how = {.flags = O_PATH | O_CLOEXEC, .resolve = RESOLVE_BENEATH};
      long fd = syscall(SYS_openat2, AT_FDCWD, ".", &how, sizeof how);
      if (fd >= 0)
        close((int)fd);
      else if (errno == ENOSYS || errno == EPERM) /* EPERM: a seccomp filter */
        mode = 0;
    }
    atomic_store(&use_openat2, mode);
  }
  return mode;
}

/* ------------------------------------------------------ the fallback walk */

typedef struct walk {
  int root;     /* the starting directory (not ours to close) */
  int *stack;   /* directories entered below root, innermost last */
  size_t depth; /* entries in stack */
  size_t cap;   /* capacity of stack */
  char *rest;   /* heap copy of what remains to resolve */
  int followed; /* symlinks spliced so far */
} walk;

static int walk_cur(const walk *w) { return w->depth ? w->stack[w->depth - 1] : w->root; }

static int walk_push(walk *w, int fd) {
  if (w->depth == w->cap) {
    size_t cap = w->cap ? 2 * w->cap : 16;
    int *s = realloc(w->stack, cap * sizeof *s);
    if (!s) {
      close(fd);
      return -ENOMEM;
    }
    w->stack = s;
    w->cap = cap;
  }
  w->stack[w->depth++] = fd;
  return 0;
}

static void walk_free(walk *w) {
  while (w->depth)
    close(w->stack[--w->depth]);
  free(w->stack);
  free(w->rest);
}

/*
 * If `name` in the current directory is a symlink, replace the walk's
 * remaining path by its target followed by `tail`. Returns 1 when
 * spliced, 0 when `name` is not a symlink, or -errno.
 */
static int walk_splice(walk *w, const char *name, const char *tail) {
  char target[PATH_MAX];
  ssize_t n = readlinkat(walk_cur(w), name, target, sizeof target);
  if (n < 0)
    return errno == EINVAL ? 0 : -errno;
  if ((size_t)n >= sizeof target)
    return -ENAMETOOLONG;
  if (++w->followed > MAX_SYMLINKS)
    return -ELOOP;
  if (n == 0)
    return -ENOENT;
  if (target[0] == '/')
    return -EPERM;
  size_t tail_len = strlen(tail);
  char *rest = malloc((size_t)n + tail_len + 1);
  if (!rest)
    return -ENOMEM;
  memcpy(rest, target, (size_t)n);
  memcpy(rest + n, tail, tail_len + 1);
  free(w->rest);
  w->rest = rest;
  return 1;
}

static int walk_open(int dirfd, const char *path, int oflags, mode_t mode) {
  walk w = {.root = dirfd};
  if (!(w.rest = strdup(path)))
    return -ENOMEM;
  bool follow_last = !(oflags & O_NOFOLLOW);
  int result;
  size_t at = 0;
  for (;;) {
    const char *p = w.rest + at;
    while (*p == '/')
      p++;
    if (!*p) {
      /* The path ends at the current directory ("", ".", "a/.."). */
      result = openat(walk_cur(&w), ".", (oflags & ~O_NOFOLLOW) | O_CLOEXEC, mode);
      result = result < 0 ? -errno : result;
      break;
    }
    const char *end = strchrnul(p, '/');
    size_t len = (size_t)(end - p);
    const char *after = end;
    while (*after == '/')
      after++;
    bool last = !*after, trailing_slash = last && *end == '/';
    char name[NAME_MAX + 1];
    if (len > NAME_MAX) {
      result = -ENAMETOOLONG;
      break;
    }
    memcpy(name, p, len);
    name[len] = 0;
    at = (size_t)(end - w.rest);
    if (!strcmp(name, "."))
      continue;
    if (!strcmp(name, "..")) {
      if (!w.depth) {
        result = -EPERM;
        break;
      }
      close(w.stack[--w.depth]);
      continue;
    }
    int cur = walk_cur(&w);
    if (!last) {
      int fd = openat(cur, name, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd >= 0) {
        if ((result = walk_push(&w, fd)) < 0)
          break;
        continue;
      }
      int err = errno;
      if (err == ENOTDIR || err == ELOOP) {
        int s = walk_splice(&w, name, end);
        if (s > 0) {
          at = 0;
          continue;
        }
        err = s < 0 ? -s : err;
      }
      result = -err;
      break;
    }
    if (trailing_slash && (oflags & O_CREAT)) {
      /* The kernel's answer to creating "name/", whatever name is (where
       * O_CREAT | O_DIRECTORY below would be EINVAL). */
      result = -EISDIR;
      break;
    }
    bool follow = follow_last || trailing_slash;
    int flags = oflags | O_NOFOLLOW | O_CLOEXEC | (trailing_slash ? O_DIRECTORY : 0);
    int fd = openat(cur, name, flags, mode);
    if (fd >= 0 && follow && (oflags & O_PATH)) {
      /* O_PATH|O_NOFOLLOW opens a symlink itself: follow it here. */
      struct stat st;
      if (fstatat(fd, "", &st, AT_EMPTY_PATH) == 0 && S_ISLNK(st.st_mode)) {
        close(fd);
        fd = -1;
        errno = ELOOP;
      }
    }
    if (fd >= 0) {
      result = fd;
      break;
    }
    int err = errno;
    if (follow && (err == ELOOP || err == ENOTDIR)) {
      int s = walk_splice(&w, name, end);
      if (s > 0) {
        at = 0;
        continue;
      }
      err = s < 0 ? -s : err;
    }
    result = -err;
    break;
  }
  walk_free(&w);
  return result;
}

/* ------------------------------------------------------------- interface */

static int openat2_beneath(int dirfd, const char *path, int oflags, mode_t mode) {
  struct open_how how = {
      .flags = (uint64_t)(oflags | O_CLOEXEC),
      .mode = (oflags & O_CREAT) || (oflags & O_TMPFILE) == O_TMPFILE ? mode : 0,
      .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
  };
  for (int tries = 0;; tries++) {
    long fd = syscall(SYS_openat2, dirfd, path, &how, sizeof how);
    if (fd >= 0)
      return (int)fd;
    if (errno == EAGAIN && tries < OPENAT2_RETRIES)
      continue;
    if (errno == EXDEV)
      return -EPERM;
    if (errno == ENOSYS)
      return -ENOSYS;
    return -errno;
  }
}

int wasi_open_beneath(int dirfd, const char *path, int oflags, mode_t mode) {
  if (!*path)
    return -ENOENT;
  if (path[0] == '/')
    return -EPERM;
  if (wasi_resolver_uses_openat2()) {
    int fd = openat2_beneath(dirfd, path, oflags, mode);
    if (fd != -ENOSYS)
      return fd;
    atomic_store(&use_openat2, 0);
  }
  return walk_open(dirfd, path, oflags, mode);
}

int wasi_parent_beneath(int dirfd, char *path, int *parent, const char **name) {
  size_t len = strlen(path);
  if (!len)
    return -ENOENT;
  if (path[0] == '/')
    return -EPERM;
  size_t end = len;
  while (end > 0 && path[end - 1] == '/')
    end--;
  size_t start = end;
  while (start > 0 && path[start - 1] != '/')
    start--;
  size_t comp = end - start;
  if ((comp == 1 && path[start] == '.') ||
      (comp == 2 && path[start] == '.' && path[start + 1] == '.')) {
    int fd = wasi_open_beneath(dirfd, path, O_PATH | O_DIRECTORY, 0);
    if (fd < 0)
      return fd;
    *parent = fd;
    *name = ".";
    return 0;
  }
  *name = path + start;
  if (start == 0) {
    *parent = dirfd;
    return 0;
  }
  char saved = path[start - 1];
  path[start - 1] = 0;
  int fd = wasi_open_beneath(dirfd, path, O_PATH | O_DIRECTORY, 0);
  path[start - 1] = saved;
  if (fd < 0)
    return fd;
  *parent = fd;
  return 0;
}

void wasi_close_parent(int dirfd, int parent) {
  if (parent != dirfd && parent >= 0)
    close(parent);
}
