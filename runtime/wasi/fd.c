/*
 * fd.c — WASI preview1 file-descriptor calls over POSIX. Guests see the
 * host's stdin, stdout and stderr as fds 0-2 and nothing else (no
 * preopened directories yet).
 */
#define _GNU_SOURCE
#include "wasi_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#define IOV_BATCH 64

/* WASI filetype and fdflags values. */
enum {
  FILETYPE_UNKNOWN = 0,
  FILETYPE_BLOCK_DEVICE = 1,
  FILETYPE_CHARACTER_DEVICE = 2,
  FILETYPE_DIRECTORY = 3,
  FILETYPE_REGULAR_FILE = 4,
  FILETYPE_SOCKET_STREAM = 6,
  FILETYPE_SYMBOLIC_LINK = 7,
  FDFLAG_APPEND = 1,
  FDFLAG_DSYNC = 2,
  FDFLAG_NONBLOCK = 4,
  FDFLAG_SYNC = 16,
};
/* Every right preview1 defines (bits 0-28). */
#define ALL_RIGHTS 0x1fffffffull

/*
 * Translate the guest iovec array (pairs of u32 buf, u32 len) into host
 * iovecs, checking every buffer first so that nothing happens on EFAULT.
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

typedef ssize_t (*vector_io)(int fd, const struct iovec *iov, int iovcnt);

/* Shared body of fd_read and fd_write: stops at the first short transfer. */
static int32_t transfer(awsm_instance *ctx, int32_t fd, int32_t iovs, int32_t iovs_len,
                        int32_t count_ptr, vector_io io) {
  int host = wasi_host_fd(fd);
  if (host < 0)
    return WASI_EBADF;
  uint8_t *count_out = wasi_mem(ctx, count_ptr, 4);
  int32_t err = check_iovs(ctx, iovs, iovs_len);
  if (err != WASI_ESUCCESS || !count_out)
    return WASI_EFAULT;
  struct iovec batch[IOV_BATCH];
  uint64_t total = 0;
  for (uint32_t i = 0; i < (uint32_t)iovs_len;) {
    size_t want;
    int n = fill_batch(ctx, iovs, i, (uint32_t)iovs_len, batch, &want);
    ssize_t done = io(host, batch, n);
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
  wasi_store_u32(count_out, (uint32_t)total);
  return WASI_ESUCCESS;
}

static ssize_t write_vector(int fd, const struct iovec *iov, int n) { return writev(fd, iov, n); }
static ssize_t read_vector(int fd, const struct iovec *iov, int n) { return readv(fd, iov, n); }

int32_t awsm_wasi_fd_write(awsm_instance *ctx, int32_t fd, int32_t iovs, int32_t iovs_len,
                           int32_t nwritten) {
  return transfer(ctx, fd, iovs, iovs_len, nwritten, write_vector);
}

int32_t awsm_wasi_fd_read(awsm_instance *ctx, int32_t fd, int32_t iovs, int32_t iovs_len,
                          int32_t nread) {
  return transfer(ctx, fd, iovs, iovs_len, nread, read_vector);
}

int32_t awsm_wasi_fd_seek(awsm_instance *ctx, int32_t fd, int64_t offset, int32_t whence,
                          int32_t newoffset) {
  static const int whences[] = {SEEK_SET, SEEK_CUR, SEEK_END};
  int host = wasi_host_fd(fd);
  if (host < 0)
    return WASI_EBADF;
  uint8_t *out = wasi_mem(ctx, newoffset, 8);
  if (!out)
    return WASI_EFAULT;
  if ((uint32_t)whence > 2)
    return WASI_EINVAL;
  off_t pos = lseek(host, (off_t)offset, whences[whence]);
  if (pos < 0)
    return awsm_errno_to_wasi(errno);
  wasi_store_u64(out, (uint64_t)pos);
  return WASI_ESUCCESS;
}

/* Closing a stdio fd succeeds but leaves the host's descriptor open:
 * the embedding process still owns it. */
int32_t awsm_wasi_fd_close(awsm_instance *ctx, int32_t fd) {
  (void)ctx;
  return wasi_host_fd(fd) < 0 ? WASI_EBADF : WASI_ESUCCESS;
}

static uint8_t filetype(mode_t mode) {
  if (S_ISREG(mode))
    return FILETYPE_REGULAR_FILE;
  if (S_ISCHR(mode))
    return FILETYPE_CHARACTER_DEVICE;
  if (S_ISDIR(mode))
    return FILETYPE_DIRECTORY;
  if (S_ISBLK(mode))
    return FILETYPE_BLOCK_DEVICE;
  if (S_ISSOCK(mode))
    return FILETYPE_SOCKET_STREAM;
  if (S_ISLNK(mode))
    return FILETYPE_SYMBOLIC_LINK;
  return FILETYPE_UNKNOWN; /* pipes have no WASI filetype */
}

/* fdstat: u8 filetype @0, u16 flags @2, u64 rights_base @8,
 * u64 rights_inheriting @16; 24 bytes. */
int32_t awsm_wasi_fd_fdstat_get(awsm_instance *ctx, int32_t fd, int32_t stat) {
  int host = wasi_host_fd(fd);
  if (host < 0)
    return WASI_EBADF;
  uint8_t *out = wasi_mem(ctx, stat, 24);
  if (!out)
    return WASI_EFAULT;
  struct stat st;
  int fl = fcntl(host, F_GETFL);
  if (fstat(host, &st) != 0 || fl < 0)
    return awsm_errno_to_wasi(errno);
  uint16_t flags = (fl & O_APPEND ? FDFLAG_APPEND : 0) | (fl & O_DSYNC ? FDFLAG_DSYNC : 0) |
                   (fl & O_NONBLOCK ? FDFLAG_NONBLOCK : 0) |
                   ((fl & O_SYNC) == O_SYNC ? FDFLAG_SYNC : 0);
  memset(out, 0, 24);
  out[0] = filetype(st.st_mode);
  memcpy(out + 2, &flags, 2);
  wasi_store_u64(out + 8, ALL_RIGHTS);
  wasi_store_u64(out + 16, ALL_RIGHTS);
  return WASI_ESUCCESS;
}

int32_t awsm_wasi_fd_prestat_get(awsm_instance *ctx, int32_t fd, int32_t prestat) {
  (void)ctx;
  (void)fd;
  (void)prestat;
  return WASI_EBADF;
}

int32_t awsm_wasi_fd_prestat_dir_name(awsm_instance *ctx, int32_t fd, int32_t path,
                                      int32_t path_len) {
  (void)ctx;
  (void)fd;
  (void)path;
  (void)path_len;
  return WASI_EBADF;
}
