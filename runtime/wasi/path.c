/*
 * path.c — WASI preview1 calls on paths relative to a directory
 * descriptor. Every path is resolved by resolve.c beneath that directory;
 * operations on a last component (mkdir, unlink, rename, ...) run on the
 * resolved parent directory and a single name, so the kernel never walks
 * a guest path itself.
 */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64 /* 64-bit off_t on 32-bit hosts too */
#include "wasi_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define LOOKUP_SYMLINK_FOLLOW 1

/* oflags */
enum { OFLAG_CREAT = 1, OFLAG_DIRECTORY = 2, OFLAG_EXCL = 4, OFLAG_TRUNC = 8 };

/* A guest path relative to a directory descriptor, being worked on. */
typedef struct at_path {
  wasi_fd *dir;
  char *path;       /* NUL-terminated copy */
  int parent;       /* with a last component: its resolved parent */
  const char *name; /* the last component (trailing slashes kept) */
} at_path;

/* Check `fd` has `rights` and copy the path. */
static int32_t begin(awsm_instance *ctx, int32_t fd, uint64_t rights, int32_t ptr, int32_t len,
                     at_path *ap) {
  int32_t err;
  ap->parent = -1;
  ap->path = NULL;
  ap->dir = NULL;
  wasi_fd *dir = wasi_fd_get(ctx, fd, 0, &err);
  if (!dir)
    return err;
  if (dir->filetype != WASI_FILETYPE_DIRECTORY)
    return WASI_ENOTDIR;
  if (!(ap->dir = wasi_fd_get(ctx, fd, rights, &err)))
    return err;
  return wasi_copy_path(ctx, ptr, len, &ap->path);
}

/* begin, then resolve the parent of the last component. */
static int32_t begin_parent(awsm_instance *ctx, int32_t fd, uint64_t rights, int32_t ptr,
                            int32_t len, at_path *ap) {
  int32_t err = begin(ctx, fd, rights, ptr, len, ap);
  if (err != WASI_ESUCCESS)
    return err;
  int r = wasi_parent_beneath(ap->dir->host, ap->path, &ap->parent, &ap->name);
  if (r < 0) {
    ap->parent = -1;
    return awsm_errno_to_wasi(-r);
  }
  return WASI_ESUCCESS;
}

static void end(at_path *ap) {
  if (ap->dir)
    wasi_close_parent(ap->dir->host, ap->parent);
  free(ap->path);
}

static bool trailing_slash(const char *path) {
  size_t n = strlen(path);
  return n > 0 && path[n - 1] == '/';
}

/* Result of a host call returning 0 / -1 with errno. */
static int32_t host_result(int r) { return r == 0 ? WASI_ESUCCESS : awsm_errno_to_wasi(errno); }

int32_t awsm_wasi_path_create_directory(awsm_instance *ctx, int32_t fd, int32_t path,
                                        int32_t path_len) {
  at_path ap;
  int32_t err = begin_parent(ctx, fd, R_PATH_CREATE_DIRECTORY, path, path_len, &ap);
  if (err == WASI_ESUCCESS)
    err = host_result(mkdirat(ap.parent, ap.name, 0777));
  end(&ap);
  return err;
}

int32_t awsm_wasi_path_remove_directory(awsm_instance *ctx, int32_t fd, int32_t path,
                                        int32_t path_len) {
  at_path ap;
  int32_t err = begin_parent(ctx, fd, R_PATH_REMOVE_DIRECTORY, path, path_len, &ap);
  if (err == WASI_ESUCCESS)
    err = host_result(unlinkat(ap.parent, ap.name, AT_REMOVEDIR));
  end(&ap);
  return err;
}

int32_t awsm_wasi_path_unlink_file(awsm_instance *ctx, int32_t fd, int32_t path, int32_t path_len) {
  at_path ap;
  int32_t err = begin_parent(ctx, fd, R_PATH_UNLINK_FILE, path, path_len, &ap);
  if (err == WASI_ESUCCESS && trailing_slash(ap.name)) {
    /* "name/" names what the name leads to: a directory (a symlink to one
     * too) is EISDIR, as in wasmtime, where the kernel would say ENOTDIR
     * for the symlink. Resolved beneath the directory, never by the kernel. */
    int dir = wasi_open_beneath(ap.dir->host, ap.path, O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
    if (dir >= 0) {
      close(dir);
      err = WASI_EISDIR;
    }
  }
  if (err == WASI_ESUCCESS)
    err = host_result(unlinkat(ap.parent, ap.name, 0));
  end(&ap);
  return err;
}

/* Absolute targets could never resolve inside a sandbox: EPERM, as in
 * wasmtime. Relative ones are stored as given; following them later is
 * what the resolver checks. */
int32_t awsm_wasi_path_symlink(awsm_instance *ctx, int32_t old_path, int32_t old_len, int32_t fd,
                               int32_t new_path, int32_t new_len) {
  char *target = NULL;
  int32_t err = wasi_copy_path(ctx, old_path, old_len, &target);
  if (err != WASI_ESUCCESS)
    return err;
  at_path ap;
  err = begin_parent(ctx, fd, R_PATH_SYMLINK, new_path, new_len, &ap);
  if (err == WASI_ESUCCESS)
    err = target[0] == '/' ? WASI_EPERM : host_result(symlinkat(target, ap.parent, ap.name));
  end(&ap);
  free(target);
  return err;
}

/* Open the object a guest path names, beneath its directory, as O_PATH. */
static int32_t open_object(at_path *ap, bool follow, int *out) {
  int fd = wasi_open_beneath(ap->dir->host, ap->path, O_PATH | (follow ? 0 : O_NOFOLLOW), 0);
  if (fd < 0)
    return awsm_errno_to_wasi(-fd);
  *out = fd;
  return WASI_ESUCCESS;
}

int32_t awsm_wasi_path_filestat_get(awsm_instance *ctx, int32_t fd, int32_t flags, int32_t path,
                                    int32_t path_len, int32_t buf) {
  at_path ap;
  int32_t err = begin(ctx, fd, R_PATH_FILESTAT_GET, path, path_len, &ap);
  uint8_t *out = wasi_mem(ctx, buf, 64);
  int obj = -1;
  if (err == WASI_ESUCCESS && !out)
    err = WASI_EFAULT;
  if (err == WASI_ESUCCESS)
    err = open_object(&ap, flags & LOOKUP_SYMLINK_FOLLOW, &obj);
  if (err == WASI_ESUCCESS) {
    struct stat st;
    err = host_result(fstat(obj, &st));
    if (err == WASI_ESUCCESS)
      wasi_store_filestat(out, &st);
    close(obj);
  }
  end(&ap);
  return err;
}

int32_t awsm_wasi_path_filestat_set_times(awsm_instance *ctx, int32_t fd, int32_t flags,
                                          int32_t path, int32_t path_len, int64_t atim,
                                          int64_t mtim, int32_t fst_flags) {
  struct timespec ts[2];
  int32_t err = wasi_timespecs(atim, mtim, fst_flags, ts);
  if (err != WASI_ESUCCESS)
    return err;
  at_path ap;
  err = begin(ctx, fd, R_PATH_FILESTAT_SET_TIMES, path, path_len, &ap);
  bool follow = (flags & LOOKUP_SYMLINK_FOLLOW) || (ap.path && trailing_slash(ap.path));
  if (err == WASI_ESUCCESS && follow) {
    int obj;
    err = open_object(&ap, true, &obj);
    if (err == WASI_ESUCCESS) {
      err = host_result(wasi_futimens(obj, ts));
      close(obj);
    }
  } else if (err == WASI_ESUCCESS) {
    int r = wasi_parent_beneath(ap.dir->host, ap.path, &ap.parent, &ap.name);
    if (r < 0) {
      ap.parent = -1;
      err = awsm_errno_to_wasi(-r);
    } else {
      err = host_result(utimensat(ap.parent, ap.name, ts, AT_SYMLINK_NOFOLLOW));
    }
  }
  end(&ap);
  return err;
}

int32_t awsm_wasi_path_readlink(awsm_instance *ctx, int32_t fd, int32_t path, int32_t path_len,
                                int32_t buf, int32_t buf_len, int32_t bufused) {
  at_path ap;
  int32_t err = begin_parent(ctx, fd, R_PATH_READLINK, path, path_len, &ap);
  uint8_t *out = wasi_mem(ctx, buf, (uint32_t)buf_len);
  uint8_t *used = wasi_mem(ctx, bufused, 4);
  if (err == WASI_ESUCCESS && (!out || !used))
    err = WASI_EFAULT;
  if (err == WASI_ESUCCESS && trailing_slash(ap.name)) {
    /* "link/" names the directory the link leads to: not a link. */
    int obj;
    err = open_object(&ap, true, &obj);
    if (err == WASI_ESUCCESS) {
      close(obj);
      err = WASI_EINVAL;
    }
  } else if (err == WASI_ESUCCESS) {
    char target[PATH_MAX];
    ssize_t n = readlinkat(ap.parent, ap.name, target, sizeof target);
    if (n < 0) {
      err = awsm_errno_to_wasi(errno);
    } else {
      uint32_t len = (uint64_t)n > (uint32_t)buf_len ? (uint32_t)buf_len : (uint32_t)n;
      memcpy(out, target, len);
      wasi_store_u32(used, len);
    }
  }
  end(&ap);
  return err;
}

int32_t awsm_wasi_path_rename(awsm_instance *ctx, int32_t fd, int32_t old_path, int32_t old_len,
                              int32_t new_fd, int32_t new_path, int32_t new_len) {
  at_path from, to = {0};
  to.parent = -1;
  int32_t err = begin_parent(ctx, fd, R_PATH_RENAME_SOURCE, old_path, old_len, &from);
  if (err == WASI_ESUCCESS)
    err = begin_parent(ctx, new_fd, R_PATH_RENAME_TARGET, new_path, new_len, &to);
  if (err == WASI_ESUCCESS)
    err = host_result(renameat(from.parent, from.name, to.parent, to.name));
  end(&to);
  end(&from);
  return err;
}

int32_t awsm_wasi_path_link(awsm_instance *ctx, int32_t old_fd, int32_t old_flags, int32_t old_path,
                            int32_t old_len, int32_t new_fd, int32_t new_path, int32_t new_len) {
  at_path from, to = {0};
  to.parent = -1;
  int32_t err = begin(ctx, old_fd, R_PATH_LINK_SOURCE, old_path, old_len, &from);
  if (err == WASI_ESUCCESS)
    err = begin_parent(ctx, new_fd, R_PATH_LINK_TARGET, new_path, new_len, &to);
  bool follow = (old_flags & LOOKUP_SYMLINK_FOLLOW) || (from.path && trailing_slash(from.path));
  if (err == WASI_ESUCCESS && follow) {
    /* Link what the (sandbox-resolved) path leads to, through /proc so
     * the kernel does not walk the guest's path. */
    int obj;
    err = open_object(&from, true, &obj);
    if (err == WASI_ESUCCESS) {
      char proc[64];
      snprintf(proc, sizeof proc, "/proc/self/fd/%d", obj);
      err = host_result(linkat(AT_FDCWD, proc, to.parent, to.name, AT_SYMLINK_FOLLOW));
      close(obj);
    }
  } else if (err == WASI_ESUCCESS) {
    int r = wasi_parent_beneath(from.dir->host, from.path, &from.parent, &from.name);
    if (r < 0) {
      from.parent = -1;
      err = awsm_errno_to_wasi(-r);
    } else {
      err = host_result(linkat(from.parent, from.name, to.parent, to.name, 0));
    }
  }
  end(&to);
  end(&from);
  return err;
}

/* ---------------------------------------------------------------- open */

int32_t awsm_wasi_path_open(awsm_instance *ctx, int32_t fd, int32_t dirflags, int32_t path,
                            int32_t path_len, int32_t oflags, int64_t rights_base,
                            int64_t rights_inheriting, int32_t fdflags, int32_t opened_fd) {
  uint64_t base = (uint64_t)rights_base, inheriting = (uint64_t)rights_inheriting;
  if ((uint32_t)oflags & ~0xfu || (uint32_t)fdflags & ~0x1fu || base & ~R_ALL ||
      inheriting & ~R_ALL)
    return WASI_EINVAL;
  uint64_t need = R_PATH_OPEN | (oflags & OFLAG_CREAT ? R_PATH_CREATE_FILE : 0) |
                  (oflags & OFLAG_TRUNC ? R_PATH_FILESTAT_SET_SIZE : 0);
  uint8_t *out = wasi_mem(ctx, opened_fd, 4);
  at_path ap;
  int32_t err = begin(ctx, fd, need, path, path_len, &ap);
  if (err == WASI_ESUCCESS && !out)
    err = WASI_EFAULT;
  if (err == WASI_ESUCCESS && ((base | inheriting) & ~ap.dir->inheriting))
    err = WASI_ENOTCAPABLE;
  if (err != WASI_ESUCCESS) {
    end(&ap);
    return err;
  }
  bool read = base & (R_FD_READ | R_FD_READDIR);
  bool write = base & (R_FD_WRITE | R_FD_ALLOCATE | R_FD_FILESTAT_SET_SIZE);
  /* A directory is opened for reading; asking to write one (FD_WRITE) is
   * EISDIR once it is known to be one (below), as in wasmtime. */
  if (oflags & OFLAG_DIRECTORY)
    write = false;
  int flags = write ? (read ? O_RDWR : O_WRONLY) : O_RDONLY;
  flags |= (oflags & OFLAG_CREAT ? O_CREAT : 0) | (oflags & OFLAG_DIRECTORY ? O_DIRECTORY : 0) |
           (oflags & OFLAG_EXCL ? O_EXCL : 0) | (oflags & OFLAG_TRUNC ? O_TRUNC : 0);
  flags |= (fdflags & WASI_FDFLAG_APPEND ? O_APPEND : 0) |
           (fdflags & WASI_FDFLAG_DSYNC ? O_DSYNC : 0) |
           (fdflags & WASI_FDFLAG_NONBLOCK ? O_NONBLOCK : 0) |
           (fdflags & (WASI_FDFLAG_SYNC | WASI_FDFLAG_RSYNC) ? O_SYNC : 0);
  flags |= O_NOCTTY | (dirflags & LOOKUP_SYMLINK_FOLLOW ? 0 : O_NOFOLLOW);
  int host = wasi_open_beneath(ap.dir->host, ap.path, flags, 0666);
  /* Rights that only need a writable file (ALLOCATE, FILESTAT_SET_SIZE)
   * do not stop a directory from opening, as in wasmtime: only FD_WRITE
   * does (EISDIR). */
  if (host == -EISDIR && write && !(base & R_FD_WRITE) && !(flags & (O_CREAT | O_TRUNC))) {
    write = false;
    flags &= ~O_ACCMODE;
    host = wasi_open_beneath(ap.dir->host, ap.path, flags | O_RDONLY, 0666);
  }
  if (host == -EACCES && !read && !write && !(flags & (O_CREAT | O_TRUNC)))
    host = wasi_open_beneath(ap.dir->host, ap.path, (flags & ~O_ACCMODE) | O_PATH, 0);
  end(&ap);
  if (host < 0)
    return awsm_errno_to_wasi(-host);
  struct stat st;
  if (fstat(host, &st) != 0) {
    err = awsm_errno_to_wasi(errno);
    close(host);
    return err;
  }
  uint8_t type = wasi_filetype(st.st_mode);
  if (type == WASI_FILETYPE_DIRECTORY && (base & R_FD_WRITE)) {
    close(host);
    return WASI_EISDIR;
  }
  if (type == WASI_FILETYPE_DIRECTORY)
    base &= R_DIR_BASE;
  else
    base &= ~(R_SOCK_ACCEPT | R_SOCK_SHUTDOWN | R_PATH_OPEN);
  if (!read)
    base &= ~(R_FD_READ | R_FD_READDIR);
  if (!write)
    base &= ~R_FD_WRITE;
  if (type != WASI_FILETYPE_DIRECTORY)
    inheriting = 0;
  int32_t guest;
  err = wasi_fd_insert(ctx, host, type, base, inheriting, &guest);
  if (err == WASI_ESUCCESS)
    wasi_store_u32(out, (uint32_t)guest);
  return err;
}
