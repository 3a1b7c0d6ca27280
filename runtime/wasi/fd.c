/*
 * fd.c — WASI preview1 calls on file descriptors, over POSIX: reading,
 * writing, seeking, status, sizes and times, directories, preopens.
 * Descriptor bookkeeping and rights live in sandbox.c.
 */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64 /* 64-bit off_t on 32-bit hosts too */
#include "wasi_impl.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#define IOV_BATCH 64

/*
 * Check the guest iovec array (pairs of u32 buf, u32 len) and every
 * buffer it names, so nothing happens on EFAULT.
 */
static int32_t check_iovs(awsm_instance *ctx, int32_t iovs, int32_t iovs_len) {
  const uint8_t *iov = wasi_mem(ctx, iovs, 8ull * (uint32_t)iovs_len);
  if (!iov)
    return WASI_EFAULT;
  for (uint32_t i = 0; i < (uint32_t)iovs_len; i++) {
    if (!wasi_mem(ctx, (int32_t)wasi_load_u32(iov + 8 * i), wasi_load_u32(iov + 8 * i + 4)))
      return WASI_EFAULT;
  }
  return WASI_ESUCCESS;
}

/* Fill up to IOV_BATCH host iovecs from guest iovec `first`; returns the
 * count and the total byte length in *bytes. */
static int fill_batch(awsm_instance *ctx, int32_t iovs, uint32_t first, uint32_t count,
                      struct iovec *out, size_t *bytes) {
  const uint8_t *iov = ctx->memory->base + (uint32_t)iovs;
  int n = 0;
  *bytes = 0;
  for (uint32_t i = first; i < count && n < IOV_BATCH; i++, n++) {
    uint32_t len = wasi_load_u32(iov + 8 * i + 4);
    out[n].iov_base = wasi_mem(ctx, (int32_t)wasi_load_u32(iov + 8 * i), len);
    out[n].iov_len = len;
    *bytes += len;
  }
  return n;
}

enum io_kind { IO_READ, IO_WRITE, IO_PREAD, IO_PWRITE };

static ssize_t do_io(enum io_kind kind, int fd, const struct iovec *iov, int n, off_t at) {
  switch (kind) {
  case IO_READ:
    return readv(fd, iov, n);
  case IO_WRITE:
    return writev(fd, iov, n);
  case IO_PREAD:
    return preadv(fd, iov, n, at);
  default:
    return pwritev(fd, iov, n, at);
  }
}

/* fd_read, fd_write, fd_pread, fd_pwrite: stop at the first short transfer. */
static int32_t transfer(awsm_instance *ctx, int32_t fd, int32_t iovs, int32_t iovs_len,
                        uint64_t offset, int32_t count_ptr, enum io_kind kind) {
  static const uint64_t rights[] = {R_FD_READ, R_FD_WRITE, R_FD_READ | R_FD_SEEK,
                                    R_FD_WRITE | R_FD_SEEK};
  int32_t err;
  wasi_fd *f = wasi_fd_get(ctx, fd, rights[kind], &err);
  if (!f)
    return err;
  uint8_t *count_out = wasi_mem(ctx, count_ptr, 4);
  err = check_iovs(ctx, iovs, iovs_len);
  if (err != WASI_ESUCCESS || !count_out)
    return WASI_EFAULT;
  if ((kind == IO_PREAD || kind == IO_PWRITE) && offset > (uint64_t)INT64_MAX)
    return WASI_EINVAL;
  struct iovec batch[IOV_BATCH];
  uint64_t total = 0;
  for (uint32_t i = 0; i < (uint32_t)iovs_len;) {
    size_t want;
    int n = fill_batch(ctx, iovs, i, (uint32_t)iovs_len, batch, &want);
    ssize_t done = do_io(kind, f->host, batch, n, (off_t)(offset + total));
    if (done < 0 && errno == EINTR)
      continue;
    if (done < 0) {
      if (total > 0)
        break;
      return awsm_errno_to_wasi(errno);
    }
    total += (uint64_t)done;
    if ((size_t)done < want)
      break;
    i += (uint32_t)n;
  }
  if (total > UINT32_MAX)
    total = UINT32_MAX;
  wasi_store_u32(count_out, (uint32_t)total);
  return WASI_ESUCCESS;
}

int32_t awsm_wasi_fd_write(awsm_instance *ctx, int32_t fd, int32_t iovs, int32_t iovs_len,
                           int32_t nwritten) {
  return transfer(ctx, fd, iovs, iovs_len, 0, nwritten, IO_WRITE);
}

int32_t awsm_wasi_fd_read(awsm_instance *ctx, int32_t fd, int32_t iovs, int32_t iovs_len,
                          int32_t nread) {
  return transfer(ctx, fd, iovs, iovs_len, 0, nread, IO_READ);
}

int32_t awsm_wasi_fd_pread(awsm_instance *ctx, int32_t fd, int32_t iovs, int32_t iovs_len,
                           int64_t offset, int32_t nread) {
  return transfer(ctx, fd, iovs, iovs_len, (uint64_t)offset, nread, IO_PREAD);
}

int32_t awsm_wasi_fd_pwrite(awsm_instance *ctx, int32_t fd, int32_t iovs, int32_t iovs_len,
                            int64_t offset, int32_t nwritten) {
  return transfer(ctx, fd, iovs, iovs_len, (uint64_t)offset, nwritten, IO_PWRITE);
}

int32_t awsm_wasi_fd_seek(awsm_instance *ctx, int32_t fd, int64_t offset, int32_t whence,
                          int32_t newoffset) {
  static const int whences[] = {SEEK_SET, SEEK_CUR, SEEK_END};
  int32_t err;
  uint64_t need = whence == 1 && offset == 0 ? R_FD_TELL : R_FD_SEEK;
  wasi_fd *f = wasi_fd_get(ctx, fd, 0, &err);
  if (!f)
    return err;
  if (!(f->base & need))
    return f->filetype == WASI_FILETYPE_DIRECTORY ? WASI_EBADF : WASI_ENOTCAPABLE;
  uint8_t *out = wasi_mem(ctx, newoffset, 8);
  if (!out)
    return WASI_EFAULT;
  if ((uint32_t)whence > 2)
    return WASI_EINVAL;
  off_t pos = lseek(f->host, (off_t)offset, whences[whence]);
  if (pos < 0)
    return awsm_errno_to_wasi(errno);
  wasi_store_u64(out, (uint64_t)pos);
  return WASI_ESUCCESS;
}

int32_t awsm_wasi_fd_tell(awsm_instance *ctx, int32_t fd, int32_t offset) {
  return awsm_wasi_fd_seek(ctx, fd, 0, 1, offset);
}

int32_t awsm_wasi_fd_close(awsm_instance *ctx, int32_t fd) { return wasi_fd_close(ctx, fd); }

int32_t awsm_wasi_fd_renumber(awsm_instance *ctx, int32_t from, int32_t to) {
  return wasi_fd_renumber(ctx, from, to);
}

static int32_t simple(awsm_instance *ctx, int32_t fd, uint64_t right, int (*op)(int)) {
  int32_t err;
  wasi_fd *f = wasi_fd_get(ctx, fd, right, &err);
  if (!f)
    return err;
  return op(f->host) == 0 ? WASI_ESUCCESS : awsm_errno_to_wasi(errno);
}

int32_t awsm_wasi_fd_sync(awsm_instance *ctx, int32_t fd) {
  return simple(ctx, fd, R_FD_SYNC, fsync);
}

int32_t awsm_wasi_fd_datasync(awsm_instance *ctx, int32_t fd) {
  return simple(ctx, fd, R_FD_DATASYNC, fdatasync);
}

int32_t awsm_wasi_fd_advise(awsm_instance *ctx, int32_t fd, int64_t offset, int64_t len,
                            int32_t advice) {
  static const int advices[] = {POSIX_FADV_NORMAL,   POSIX_FADV_SEQUENTIAL, POSIX_FADV_RANDOM,
                                POSIX_FADV_WILLNEED, POSIX_FADV_DONTNEED,   POSIX_FADV_NOREUSE};
  int32_t err;
  wasi_fd *f = wasi_fd_get(ctx, fd, R_FD_ADVISE, &err);
  if (!f)
    return err;
  if ((uint32_t)advice > 5 || offset < 0 || len < 0)
    return WASI_EINVAL;
  int e = posix_fadvise(f->host, (off_t)offset, (off_t)len, advices[advice]);
  return awsm_errno_to_wasi(e);
}

int32_t awsm_wasi_fd_allocate(awsm_instance *ctx, int32_t fd, int64_t offset, int64_t len) {
  int32_t err;
  wasi_fd *f = wasi_fd_get(ctx, fd, R_FD_ALLOCATE, &err);
  if (!f)
    return err;
  if (offset < 0 || len <= 0)
    return WASI_EINVAL;
  int e = posix_fallocate(f->host, (off_t)offset, (off_t)len);
  return awsm_errno_to_wasi(e);
}

/* ------------------------------------------------------------ fdstat */

static uint16_t host_fdflags(int fl) {
  return (fl & O_APPEND ? WASI_FDFLAG_APPEND : 0) | (fl & O_DSYNC ? WASI_FDFLAG_DSYNC : 0) |
         (fl & O_NONBLOCK ? WASI_FDFLAG_NONBLOCK : 0) |
         ((fl & O_SYNC) == O_SYNC ? WASI_FDFLAG_SYNC | WASI_FDFLAG_RSYNC : 0);
}

/* fdstat: u8 filetype @0, u16 flags @2, u64 rights_base @8,
 * u64 rights_inheriting @16; 24 bytes. */
int32_t awsm_wasi_fd_fdstat_get(awsm_instance *ctx, int32_t fd, int32_t stat) {
  int32_t err;
  wasi_fd *f = wasi_fd_get(ctx, fd, 0, &err);
  if (!f)
    return err;
  uint8_t *out = wasi_mem(ctx, stat, 24);
  if (!out)
    return WASI_EFAULT;
  uint8_t type = f->filetype;
  if (f->is_stdio) {
    struct stat st;
    if (fstat(f->host, &st) != 0)
      return awsm_errno_to_wasi(errno);
    type = wasi_filetype(st.st_mode);
  }
  int fl = fcntl(f->host, F_GETFL);
  if (fl < 0)
    return awsm_errno_to_wasi(errno);
  memset(out, 0, 24);
  out[0] = type;
  wasi_store_u16(out + 2, host_fdflags(fl));
  wasi_store_u64(out + 8, f->base);
  wasi_store_u64(out + 16, f->inheriting);
  return WASI_ESUCCESS;
}

/* Only APPEND and NONBLOCK can change on an open host descriptor; the
 * synchronisation flags are fixed when it is opened (EINVAL, as in
 * wasmtime). */
int32_t awsm_wasi_fd_fdstat_set_flags(awsm_instance *ctx, int32_t fd, int32_t flags) {
  int32_t err;
  wasi_fd *f = wasi_fd_get(ctx, fd, R_FD_FDSTAT_SET_FLAGS, &err);
  if (!f)
    return err;
  if ((uint32_t)flags & ~0x1fu)
    return WASI_EINVAL;
  int fl = fcntl(f->host, F_GETFL);
  if (fl < 0)
    return awsm_errno_to_wasi(errno);
  uint16_t sync = WASI_FDFLAG_DSYNC | WASI_FDFLAG_RSYNC | WASI_FDFLAG_SYNC;
  if ((flags & sync) != (host_fdflags(fl) & sync))
    return WASI_EINVAL;
  fl &= ~(O_APPEND | O_NONBLOCK);
  fl |=
      (flags & WASI_FDFLAG_APPEND ? O_APPEND : 0) | (flags & WASI_FDFLAG_NONBLOCK ? O_NONBLOCK : 0);
  return fcntl(f->host, F_SETFL, fl) == 0 ? WASI_ESUCCESS : awsm_errno_to_wasi(errno);
}

/* Rights only shrink. */
int32_t awsm_wasi_fd_fdstat_set_rights(awsm_instance *ctx, int32_t fd, int64_t base,
                                       int64_t inheriting) {
  int32_t err;
  wasi_fd *f = wasi_fd_get(ctx, fd, 0, &err);
  if (!f)
    return err;
  if (((uint64_t)base & ~f->base) || ((uint64_t)inheriting & ~f->inheriting))
    return WASI_ENOTCAPABLE;
  if (!(f = wasi_fd_get_own(ctx, fd, 0, &err)))
    return err;
  f->base = (uint64_t)base;
  f->inheriting = (uint64_t)inheriting;
  return WASI_ESUCCESS;
}

/* ---------------------------------------------------------- filestat */

/* filestat: dev @0, ino @8, u8 filetype @16, nlink @24, size @32,
 * atim @40, mtim @48, ctim @56; 64 bytes. */
void wasi_store_filestat(uint8_t *out, const struct stat *st) {
  memset(out, 0, 64);
  wasi_store_u64(out, (uint64_t)st->st_dev);
  wasi_store_u64(out + 8, (uint64_t)st->st_ino);
  out[16] = wasi_filetype(st->st_mode);
  wasi_store_u64(out + 24, (uint64_t)st->st_nlink);
  wasi_store_u64(out + 32, (uint64_t)st->st_size);
  wasi_store_u64(out + 40,
                 (uint64_t)st->st_atim.tv_sec * 1000000000ull + (uint64_t)st->st_atim.tv_nsec);
  wasi_store_u64(out + 48,
                 (uint64_t)st->st_mtim.tv_sec * 1000000000ull + (uint64_t)st->st_mtim.tv_nsec);
  wasi_store_u64(out + 56,
                 (uint64_t)st->st_ctim.tv_sec * 1000000000ull + (uint64_t)st->st_ctim.tv_nsec);
}

int32_t awsm_wasi_fd_filestat_get(awsm_instance *ctx, int32_t fd, int32_t buf) {
  int32_t err;
  wasi_fd *f = wasi_fd_get(ctx, fd, R_FD_FILESTAT_GET, &err);
  if (!f)
    return err;
  uint8_t *out = wasi_mem(ctx, buf, 64);
  if (!out)
    return WASI_EFAULT;
  struct stat st;
  if (fstat(f->host, &st) != 0)
    return awsm_errno_to_wasi(errno);
  wasi_store_filestat(out, &st);
  if (f->filetype == WASI_FILETYPE_SOCKET_DGRAM)
    out[16] = WASI_FILETYPE_SOCKET_DGRAM;
  return WASI_ESUCCESS;
}

int32_t awsm_wasi_fd_filestat_set_size(awsm_instance *ctx, int32_t fd, int64_t size) {
  int32_t err;
  wasi_fd *f = wasi_fd_get(ctx, fd, 0, &err);
  if (!f)
    return err;
  /* A directory has no size to set: EBADF, as in wasmtime, not the
   * missing right's ENOTCAPABLE. */
  if (f->filetype == WASI_FILETYPE_DIRECTORY)
    return WASI_EBADF;
  if (!(f = wasi_fd_get(ctx, fd, R_FD_FILESTAT_SET_SIZE, &err)))
    return err;
  if (size < 0)
    return WASI_EINVAL;
  return ftruncate(f->host, (off_t)size) == 0 ? WASI_ESUCCESS : awsm_errno_to_wasi(errno);
}

/* fstflags: ATIM 1, ATIM_NOW 2, MTIM 4, MTIM_NOW 8. */
int32_t wasi_timespecs(int64_t atim, int64_t mtim, int32_t fst, struct timespec ts[2]) {
  if ((uint32_t)fst & ~0xfu || (fst & 3) == 3 || (fst & 12) == 12)
    return WASI_EINVAL;
  int64_t t[2] = {atim, mtim};
  for (int i = 0; i < 2; i++) {
    int set = fst & (1 << (2 * i)), now = fst & (2 << (2 * i));
    if (now) {
      ts[i].tv_sec = 0;
      ts[i].tv_nsec = UTIME_NOW;
    } else if (set) {
      ts[i].tv_sec = (time_t)((uint64_t)t[i] / 1000000000u);
      ts[i].tv_nsec = (long)((uint64_t)t[i] % 1000000000u);
    } else {
      ts[i].tv_sec = 0;
      ts[i].tv_nsec = UTIME_OMIT;
    }
  }
  return WASI_ESUCCESS;
}

/* futimens, or through /proc for descriptors opened with O_PATH. */
int wasi_futimens(int fd, const struct timespec ts[2]) {
  if (futimens(fd, ts) == 0)
    return 0;
  if (errno != EBADF)
    return -1;
  char proc[64];
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
  return utimensat(AT_FDCWD, proc, ts, 0);
}

int32_t awsm_wasi_fd_filestat_set_times(awsm_instance *ctx, int32_t fd, int64_t atim, int64_t mtim,
                                        int32_t fst_flags) {
  int32_t err;
  wasi_fd *f = wasi_fd_get(ctx, fd, R_FD_FILESTAT_SET_TIMES, &err);
  if (!f)
    return err;
  struct timespec ts[2];
  if ((err = wasi_timespecs(atim, mtim, fst_flags, ts)) != WASI_ESUCCESS)
    return err;
  return wasi_futimens(f->host, ts) == 0 ? WASI_ESUCCESS : awsm_errno_to_wasi(errno);
}

/* ------------------------------------------------------------- readdir */

static uint8_t dirent_type(DIR *dir, const struct dirent *e) {
  switch (e->d_type) {
  case DT_REG:
    return WASI_FILETYPE_REGULAR_FILE;
  case DT_DIR:
    return WASI_FILETYPE_DIRECTORY;
  case DT_LNK:
    return WASI_FILETYPE_SYMBOLIC_LINK;
  case DT_CHR:
    return WASI_FILETYPE_CHARACTER_DEVICE;
  case DT_BLK:
    return WASI_FILETYPE_BLOCK_DEVICE;
  case DT_SOCK:
    return WASI_FILETYPE_SOCKET_STREAM;
  case DT_UNKNOWN: {
    struct stat st;
    if (fstatat(dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
      return wasi_filetype(st.st_mode);
    return WASI_FILETYPE_UNKNOWN;
  }
  default:
    return WASI_FILETYPE_UNKNOWN;
  }
}

/*
 * fd_readdir's state for one descriptor: an open stream on the directory
 * and where it is. Cookies are entry indices, as in wasmtime: 0 ".", 1
 * "..", then the host's entries in the host's order (its own "." and
 * ".." skipped). Indices stay small, which matters because wasi-libc's
 * telldir returns them as a 32-bit long.
 */
struct wasi_dir {
  DIR *dir;
  uint64_t next; /* index of the entry readdir(dir) returns next */
  uint64_t last; /* index of the entry read last ... */
  long last_loc; /* ... and telldir() just before it */
};

void wasi_dir_free(struct wasi_dir *d) {
  if (d) {
    closedir(d->dir);
    free(d);
  }
}

/* The next host entry that is not "." or "..", recording where it was. */
static struct dirent *next_entry(struct wasi_dir *d) {
  for (;;) {
    long loc = telldir(d->dir);
    errno = 0;
    struct dirent *e = readdir(d->dir);
    if (!e)
      return NULL;
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
      continue;
    d->last = d->next++;
    d->last_loc = loc;
    return e;
  }
}

/* Position the stream so next_entry returns entry `index` (>= 2). A new
 * listing (cookie 0, 1 or 2: the first host entry next) rewinds the stream,
 * so the host reads the directory again and entries made since the last
 * listing show up. */
static int seek_entry(struct wasi_dir *d, uint64_t index, bool restart) {
  if (restart) {
    rewinddir(d->dir);
    d->next = 2;
    d->last = UINT64_MAX;
  } else if (index == d->last && d->next == d->last + 1) {
    seekdir(d->dir, d->last_loc);
    d->next = d->last;
  } else if (index < d->next) {
    rewinddir(d->dir);
    d->next = 2;
    d->last = UINT64_MAX;
  }
  while (d->next < index) {
    if (!next_entry(d))
      return errno;
  }
  return 0;
}

/* Append one entry (header, then name) to out[*used..cap), cutting it off
 * at the end of the buffer. */
static void put_dirent(uint8_t *out, uint32_t cap, uint32_t *used, uint64_t next, uint64_t ino,
                       uint8_t type, const char *name) {
  uint8_t head[24] = {0};
  size_t namlen = strlen(name);
  wasi_store_u64(head, next);
  wasi_store_u64(head + 8, ino);
  wasi_store_u32(head + 16, (uint32_t)namlen);
  head[20] = type;
  uint32_t n = cap - *used < 24 ? cap - *used : 24;
  memcpy(out + *used, head, n);
  *used += n;
  n = cap - *used < namlen ? cap - *used : (uint32_t)namlen;
  memcpy(out + *used, name, n);
  *used += n;
}

/*
 * Entries are dirent headers (d_next u64 @0, d_ino u64 @8, d_namlen u32
 * @16, d_type u8 @20; 24 bytes) each followed by its name. The last entry
 * may be cut off at the end of the buffer: a full buffer tells the guest
 * to call again from the last whole entry's d_next (with a bigger buffer
 * if not even one entry fitted). Sequential calls continue the stream.
 */
int32_t awsm_wasi_fd_readdir(awsm_instance *ctx, int32_t fd, int32_t buf, int32_t buf_len,
                             int64_t cookie, int32_t bufused) {
  int32_t err;
  wasi_fd *f = wasi_fd_get(ctx, fd, R_FD_READDIR, &err);
  if (!f)
    return err;
  if (f->filetype != WASI_FILETYPE_DIRECTORY)
    return WASI_EBADF;
  uint8_t *out = wasi_mem(ctx, buf, (uint32_t)buf_len);
  uint8_t *used_out = wasi_mem(ctx, bufused, 4);
  if (!out || !used_out)
    return WASI_EFAULT;
  if (!(f = wasi_fd_get_own(ctx, fd, R_FD_READDIR, &err)))
    return err;
  if (!f->dir) {
    struct wasi_dir *d = calloc(1, sizeof *d);
    int dfd = d ? openat(f->host, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    if (!d || dfd < 0 || !(d->dir = fdopendir(dfd))) {
      int e = d ? errno : ENOMEM;
      if (dfd >= 0)
        close(dfd);
      free(d);
      return awsm_errno_to_wasi(e);
    }
    d->next = 2;
    d->last = UINT64_MAX;
    f->dir = d;
  }
  struct wasi_dir *d = f->dir;
  uint32_t cap = (uint32_t)buf_len, used = 0;
  uint64_t index = (uint64_t)cookie;
  struct stat st;
  for (; index < 2 && used < cap; index++) {
    const char *name = index == 0 ? "." : "..";
    uint64_t ino = fstatat(dirfd(d->dir), name, &st, 0) == 0 ? (uint64_t)st.st_ino : 0;
    put_dirent(out, cap, &used, index + 1, ino, WASI_FILETYPE_DIRECTORY, name);
  }
  if (used < cap) {
    int e = seek_entry(d, index, index == 2);
    if (e)
      return awsm_errno_to_wasi(e);
  }
  while (used < cap) {
    struct dirent *e = next_entry(d);
    if (!e) {
      if (errno)
        return awsm_errno_to_wasi(errno);
      break;
    }
    put_dirent(out, cap, &used, d->next, (uint64_t)e->d_ino, dirent_type(d->dir, e), e->d_name);
  }
  wasi_store_u32(used_out, used);
  return WASI_ESUCCESS;
}

/* ------------------------------------------------------------ preopens */

/* prestat: u8 tag (0 = dir) @0, u32 name length @4. */
int32_t awsm_wasi_fd_prestat_get(awsm_instance *ctx, int32_t fd, int32_t prestat) {
  int32_t err;
  wasi_fd *f = wasi_fd_get(ctx, fd, 0, &err);
  if (!f)
    return err;
  if (!f->preopen)
    return WASI_EBADF;
  uint8_t *out = wasi_mem(ctx, prestat, 8);
  if (!out)
    return WASI_EFAULT;
  memset(out, 0, 8);
  wasi_store_u32(out + 4, (uint32_t)strlen(f->preopen));
  return WASI_ESUCCESS;
}

/* The name without a NUL; ENAMETOOLONG if path_len is too small. */
int32_t awsm_wasi_fd_prestat_dir_name(awsm_instance *ctx, int32_t fd, int32_t path,
                                      int32_t path_len) {
  int32_t err;
  wasi_fd *f = wasi_fd_get(ctx, fd, 0, &err);
  if (!f)
    return err;
  if (!f->preopen)
    return WASI_EBADF;
  size_t len = strlen(f->preopen);
  if (len > (uint32_t)path_len)
    return WASI_ENAMETOOLONG;
  uint8_t *out = wasi_mem(ctx, path, len);
  if (!out)
    return WASI_EFAULT;
  memcpy(out, f->preopen, len);
  return WASI_ESUCCESS;
}
