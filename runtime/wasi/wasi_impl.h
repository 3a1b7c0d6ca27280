/*
 * wasi_impl.h — what the WASI preview1 implementation's files share:
 * WASI constants, checked access to guest memory, the per-instance file
 * descriptor table and the path resolver that keeps guests beneath their
 * preopened directories.
 *
 * Functions that implement a preview1 import are named awsm_wasi_<import>:
 * the compiler binds an import of a preview1 function (the names in
 * src/abi/symbols.rs) to the runtime function of that name and a matching
 * type. Helpers here are wasi_* (internal linkage after LTO) and the
 * embedder API is awsm_sandbox_* (and the older awsm_wasi_set_args).
 */
#ifndef AWSM_WASI_IMPL_H
#define AWSM_WASI_IMPL_H

#include "../internal.h"

#include <string.h>
#include <sys/types.h>
#include <time.h>

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "WASI structs are little-endian");

/* WASI errno values used directly (the rest come from awsm_errno_to_wasi). */
enum {
  WASI_ESUCCESS = 0,
  WASI_E2BIG = 1,
  WASI_EBADF = 8,
  WASI_EEXIST = 20,
  WASI_EFAULT = 21,
  WASI_EINVAL = 28,
  WASI_EIO = 29,
  WASI_EISDIR = 31,
  WASI_ELOOP = 32,
  WASI_ENAMETOOLONG = 37,
  WASI_ENOENT = 44,
  WASI_ENOMEM = 48,
  WASI_ENOSYS = 52,
  WASI_ENOTDIR = 54,
  WASI_ENOTSOCK = 57,
  WASI_ENOTSUP = 58,
  WASI_EOVERFLOW = 61,
  WASI_EPERM = 63,
  WASI_ESPIPE = 70,
  WASI_ENOTCAPABLE = 76,
};

/* WASI filetypes. */
enum {
  WASI_FILETYPE_UNKNOWN = 0,
  WASI_FILETYPE_BLOCK_DEVICE = 1,
  WASI_FILETYPE_CHARACTER_DEVICE = 2,
  WASI_FILETYPE_DIRECTORY = 3,
  WASI_FILETYPE_REGULAR_FILE = 4,
  WASI_FILETYPE_SOCKET_DGRAM = 5,
  WASI_FILETYPE_SOCKET_STREAM = 6,
  WASI_FILETYPE_SYMBOLIC_LINK = 7,
};

/* fdflags. */
enum {
  WASI_FDFLAG_APPEND = 1,
  WASI_FDFLAG_DSYNC = 2,
  WASI_FDFLAG_NONBLOCK = 4,
  WASI_FDFLAG_RSYNC = 8,
  WASI_FDFLAG_SYNC = 16,
};

/* Rights (preview1 numbers them 0-29). */
#define WASI_RIGHT(n) (1ull << (n))
#define R_FD_DATASYNC WASI_RIGHT(0)
#define R_FD_READ WASI_RIGHT(1)
#define R_FD_SEEK WASI_RIGHT(2)
#define R_FD_FDSTAT_SET_FLAGS WASI_RIGHT(3)
#define R_FD_SYNC WASI_RIGHT(4)
#define R_FD_TELL WASI_RIGHT(5)
#define R_FD_WRITE WASI_RIGHT(6)
#define R_FD_ADVISE WASI_RIGHT(7)
#define R_FD_ALLOCATE WASI_RIGHT(8)
#define R_PATH_CREATE_DIRECTORY WASI_RIGHT(9)
#define R_PATH_CREATE_FILE WASI_RIGHT(10)
#define R_PATH_LINK_SOURCE WASI_RIGHT(11)
#define R_PATH_LINK_TARGET WASI_RIGHT(12)
#define R_PATH_OPEN WASI_RIGHT(13)
#define R_FD_READDIR WASI_RIGHT(14)
#define R_PATH_READLINK WASI_RIGHT(15)
#define R_PATH_RENAME_SOURCE WASI_RIGHT(16)
#define R_PATH_RENAME_TARGET WASI_RIGHT(17)
#define R_PATH_FILESTAT_GET WASI_RIGHT(18)
#define R_PATH_FILESTAT_SET_SIZE WASI_RIGHT(19)
#define R_PATH_FILESTAT_SET_TIMES WASI_RIGHT(20)
#define R_FD_FILESTAT_GET WASI_RIGHT(21)
#define R_FD_FILESTAT_SET_SIZE WASI_RIGHT(22)
#define R_FD_FILESTAT_SET_TIMES WASI_RIGHT(23)
#define R_PATH_SYMLINK WASI_RIGHT(24)
#define R_PATH_REMOVE_DIRECTORY WASI_RIGHT(25)
#define R_PATH_UNLINK_FILE WASI_RIGHT(26)
#define R_POLL_FD_READWRITE WASI_RIGHT(27)
#define R_SOCK_SHUTDOWN WASI_RIGHT(28)
#define R_SOCK_ACCEPT WASI_RIGHT(29)
#define R_ALL 0x3fffffffull
/* Rights that change the file system or a file's contents. */
#define R_MUTATING                                                                                 \
  (R_FD_DATASYNC | R_FD_WRITE | R_FD_ALLOCATE | R_PATH_CREATE_DIRECTORY | R_PATH_CREATE_FILE |     \
   R_PATH_LINK_SOURCE | R_PATH_LINK_TARGET | R_PATH_RENAME_SOURCE | R_PATH_RENAME_TARGET |         \
   R_PATH_FILESTAT_SET_SIZE | R_PATH_FILESTAT_SET_TIMES | R_FD_FILESTAT_SET_SIZE |                 \
   R_FD_FILESTAT_SET_TIMES | R_PATH_SYMLINK | R_PATH_REMOVE_DIRECTORY | R_PATH_UNLINK_FILE)
/* What a directory descriptor can do itself, and what descriptors opened
 * through it may get. */
#define R_DIR_BASE                                                                                 \
  (R_ALL & ~(R_FD_READ | R_FD_WRITE | R_FD_SEEK | R_FD_TELL | R_FD_ALLOCATE |                      \
             R_FD_FILESTAT_SET_SIZE | R_SOCK_SHUTDOWN | R_SOCK_ACCEPT))
#define R_INHERIT R_ALL
/* What a connected socket can do. */
#define R_SOCKET                                                                                   \
  (R_FD_READ | R_FD_WRITE | R_FD_FDSTAT_SET_FLAGS | R_FD_FILESTAT_GET | R_POLL_FD_READWRITE |      \
   R_SOCK_SHUTDOWN)

/* The WASI errno for a host errno value. */
int32_t awsm_errno_to_wasi(int host_errno);

/* ------------------------------------------------------------ guest memory */

/* Guest bytes [ptr, ptr + len) of memory 0, or NULL if out of bounds. */
static inline uint8_t *wasi_mem(awsm_instance *ctx, int32_t ptr, uint64_t len) {
  awsm_memory *mem = ctx->memory;
  if (!mem || (uint64_t)(uint32_t)ptr + len > mem->size)
    return NULL;
  return mem->base + (uint32_t)ptr;
}

static inline void wasi_store_u16(uint8_t *p, uint16_t v) { memcpy(p, &v, sizeof v); }
static inline void wasi_store_u32(uint8_t *p, uint32_t v) { memcpy(p, &v, sizeof v); }
static inline void wasi_store_u64(uint8_t *p, uint64_t v) { memcpy(p, &v, sizeof v); }
static inline uint16_t wasi_load_u16(const uint8_t *p) {
  uint16_t v;
  memcpy(&v, p, sizeof v);
  return v;
}
static inline uint32_t wasi_load_u32(const uint8_t *p) {
  uint32_t v;
  memcpy(&v, p, sizeof v);
  return v;
}
static inline uint64_t wasi_load_u64(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

/*
 * A guest path (ptr, len) copied to a NUL-terminated heap string in
 * *out. Returns a WASI errno: EFAULT out of bounds, EINVAL for an embedded
 * NUL, ENOMEM. The caller frees *out.
 */
int32_t wasi_copy_path(awsm_instance *ctx, int32_t ptr, int32_t len, char **out);

/* ------------------------------------------------------------ descriptors */

/* One open guest file descriptor. */
typedef struct wasi_fd {
  int host;             /* host descriptor; -1 marks a free slot */
  uint8_t filetype;     /* WASI_FILETYPE_* */
  uint8_t owned;        /* the guest's own: closing it closes `host` */
  uint8_t is_stdio;     /* one of the sandbox's stdio descriptors */
  uint64_t base;        /* rights on this descriptor */
  uint64_t inheriting;  /* rights path_open may give descriptors opened through it */
  const char *preopen;  /* guest path of a preopened directory, else NULL */
  struct wasi_dir *dir; /* fd_readdir's open stream (fd.c), or NULL */
} wasi_fd;

/* Close what fd_readdir keeps open for a descriptor. */
void wasi_dir_free(struct wasi_dir *dir);

/*
 * The descriptor behind guest fd `fd` if it is open and has every right in
 * `rights`. On failure returns NULL and sets *err: EBADF when not open,
 * ENOTCAPABLE when a right is missing (EBADF for FD_READ / FD_WRITE, the
 * error a host gives for a descriptor opened without that access).
 */
wasi_fd *wasi_fd_get(awsm_instance *ctx, int32_t fd, uint64_t rights, int32_t *err);
/* The same, from the instance's own table (made on first use), for
 * changing the entry. */
wasi_fd *wasi_fd_get_own(awsm_instance *ctx, int32_t fd, uint64_t rights, int32_t *err);

/*
 * Give the guest a new descriptor for host fd `host` (which it then owns):
 * the lowest free number, written to *guest_fd. Closes `host` on failure.
 */
int32_t wasi_fd_insert(awsm_instance *ctx, int host, uint8_t filetype, uint64_t base,
                       uint64_t inheriting, int32_t *guest_fd);
/* Close guest fd `fd` (EBADF if not open). */
int32_t wasi_fd_close(awsm_instance *ctx, int32_t fd);
/* Move `from` onto `to` (both open), closing what `to` was. */
int32_t wasi_fd_renumber(awsm_instance *ctx, int32_t from, int32_t to);

/* The instance's arguments and environment (from its sandbox). */
void wasi_args(awsm_instance *ctx, int *count, const char *const **list);
void wasi_environ(awsm_instance *ctx, int *count, const char *const **list);

/* The WASI filetype of a host stat mode. */
uint8_t wasi_filetype(mode_t mode);

struct stat;
/* Store a WASI filestat (64 bytes) for `st`. */
void wasi_store_filestat(uint8_t *out, const struct stat *st);
/* WASI (atim, mtim, fstflags) as utimensat times; EINVAL for bad flags. */
int32_t wasi_timespecs(int64_t atim, int64_t mtim, int32_t fst_flags, struct timespec ts[2]);
/* futimens that also works on O_PATH descriptors; 0 or -1 with errno. */
int wasi_futimens(int fd, const struct timespec ts[2]);

/* ----------------------------------------------------------- path resolver */

/*
 * Open `path` beneath directory `dirfd` (a preopen or a directory opened
 * through one) with host open(2) flags `oflags` (O_CLOEXEC is added;
 * O_NOFOLLOW applies to the last component only), never leaving the
 * tree below `dirfd`: absolute paths, `..` above it and symlinks pointing
 * outside fail with EPERM, as in wasmtime. Returns the fd or -errno.
 */
int wasi_open_beneath(int dirfd, const char *path, int oflags, mode_t mode);

/*
 * Resolve every component of `path` but the last beneath `dirfd`: on
 * success *parent is a directory fd (O_PATH; close it with
 * wasi_close_parent) and *name points into `path` at the last component,
 * trailing slashes kept. A last component of "." or ".." is resolved too
 * (then *parent is that directory and *name is "."), so *name never
 * climbs. Returns 0 or -errno.
 */
int wasi_parent_beneath(int dirfd, char *path, int *parent, const char **name);
void wasi_close_parent(int dirfd, int parent);

/* Whether openat2(RESOLVE_BENEATH) is used (tests force the fallback walk
 * with AWSM_WASI_NO_OPENAT2=1 in the environment). */
int wasi_resolver_uses_openat2(void);

#endif /* AWSM_WASI_IMPL_H */
