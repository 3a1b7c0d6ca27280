/*
 * readonly.c — a read-only preopen (fd 4, "/ro": `--dir-readonly` under
 * awsm, `preopen_dir(..., fs_mutable=False)` under Wasmtime) holding
 * ro.txt ("ro\n") and an empty directory sub: reading works, and every call
 * that would write a file or change the tree is refused, through the
 * preopen, through a directory opened from it, and through a file opened
 * from it. The read/write /sandbox (fd 3) is the other end of renames and
 * links.
 */
#include "conform.h"

#define RO 4

/* path_open asking `rights` and no more for what it opens (wasi-libc asks
 * only rights the directory may pass on, which Wasmtime does not track). */
static int open_at(__wasi_fd_t dir, const char *path, int oflags,
                   __wasi_rights_t rights, __wasi_fdflags_t fdflags,
                   __wasi_fd_t *fd) {
  return __wasi_path_open(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, path, oflags,
                          rights, rights, fdflags, fd);
}

static __wasi_rights_t rights_of(__wasi_fd_t fd) {
  __wasi_fdstat_t fs;
  return __wasi_fd_fdstat_get(fd, &fs) ? 0 : fs.fs_rights_base;
}

/* What the tree calls answer on `dir` (the preopen or sub). */
static void tree_calls(__wasi_fd_t dir, const char *file, const char *what) {
  char label[96];
#define L(s) (snprintf(label, sizeof label, "%s: %s", what, s), label)
  __wasi_fd_t fd;
  SHOW(L("create a file"),
       open_at(dir, "new.txt", __WASI_OFLAGS_CREAT,
               __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0, &fd));
  SHOW(L("mkdir"), __wasi_path_create_directory(dir, "newdir"));
  SHOW(L("symlink"), __wasi_path_symlink("x", dir, "newlink"));
  if (file) {
    SHOW(L("open for writing"),
         open_at(dir, file, 0, __WASI_RIGHTS_FD_WRITE, 0, &fd));
    SHOW(L("open with every right"), open_at(dir, file, 0, ALL_RIGHTS, 0, &fd));
    SHOW(L("truncate"), open_at(dir, file, __WASI_OFLAGS_TRUNC,
                                __WASI_RIGHTS_FD_READ, 0, &fd));
    SHOW(L("open read-only, append"),
         open_at(dir, file, 0, __WASI_RIGHTS_FD_READ, __WASI_FDFLAGS_APPEND,
                 &fd));
    SHOW(L("unlink"), __wasi_path_unlink_file(dir, file));
    SHOW(L("rename within"), __wasi_path_rename(dir, file, dir, "moved.txt"));
    SHOW(L("rename out to /sandbox"),
         __wasi_path_rename(dir, file, SANDBOX, "out.txt"));
    SHOW(L("link out to /sandbox"),
         __wasi_path_link(dir, 0, file, SANDBOX, "linked.txt"));
    SHOW(L("set times"),
         __wasi_path_filestat_set_times(
             dir, 0, file, 1, 1, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM));
  }
#undef L
}

int main(void) {
  __wasi_prestat_t ps;
  SHOW("prestat_get", __wasi_fd_prestat_get(RO, &ps));
  char name[8] = {0};
  SHOW("prestat_dir_name", __wasi_fd_prestat_dir_name(RO, (uint8_t *)name, 3));
  FACT("named /ro", !memcmp(name, "/ro", 3));
  __wasi_filestat_t st;
  SHOW("filestat ro.txt", __wasi_path_filestat_get(RO, 0, "ro.txt", &st));
  VALUE("size", st.size);
  FACT("preopen has PATH_CREATE_FILE",
       rights_of(RO) & __WASI_RIGHTS_PATH_CREATE_FILE);

  __wasi_fd_t f = 99;
  SHOW("open ro.txt for reading",
       open_at(RO, "ro.txt", 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK,
               0, &f));
  char buf[8] = {0};
  __wasi_iovec_t iov = {(uint8_t *)buf, sizeof buf};
  __wasi_size_t n = 0;
  SHOW("read", __wasi_fd_read(f, &iov, 1, &n));
  FACT("read ro", n == 3 && !memcmp(buf, "ro\n", 3));
  SHOW("write", write_str(f, "x", &n));
  SHOW("set_size", __wasi_fd_filestat_set_size(f, 0));
  SHOW("set_times", __wasi_fd_filestat_set_times(
                        f, 1, 1, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM));
  SHOW("allocate", __wasi_fd_allocate(f, 0, 100));
  SHOW("datasync", __wasi_fd_datasync(f));
  SHOW("sync", __wasi_fd_sync(f));
  SHOW("set append", __wasi_fd_fdstat_set_flags(f, __WASI_FDFLAGS_APPEND));
  SHOW("close", __wasi_fd_close(f));

  tree_calls(RO, "ro.txt", "preopen");
  SHOW("rmdir sub", __wasi_path_remove_directory(RO, "sub"));
  SHOW("link in from /sandbox", make_file("in.txt", "in\n"));
  SHOW("link into /ro", __wasi_path_link(SANDBOX, 0, "in.txt", RO, "in.txt"));
  SHOW("rename into /ro", __wasi_path_rename(SANDBOX, "in.txt", RO, "in.txt"));

  __wasi_fd_t sub = 99;
  SHOW("open sub with every right",
       open_at(RO, "sub", __WASI_OFLAGS_DIRECTORY, ALL_RIGHTS, 0, &sub));
  SHOW("open sub", open_at(RO, "sub", __WASI_OFLAGS_DIRECTORY,
                           __WASI_RIGHTS_FD_READDIR | __WASI_RIGHTS_PATH_OPEN |
                               __WASI_RIGHTS_PATH_FILESTAT_GET,
                           0, &sub));
  FACT("sub has PATH_CREATE_FILE",
       rights_of(sub) & __WASI_RIGHTS_PATH_CREATE_FILE);
  tree_calls(sub, NULL, "sub");

  uint8_t dirbuf[256];
  __wasi_size_t used = 0;
  SHOW("readdir", __wasi_fd_readdir(RO, dirbuf, sizeof dirbuf, 0, &used));
  FACT("listing non-empty", used > 0);
  SHOW("filestat ro.txt again", __wasi_path_filestat_get(RO, 0, "ro.txt", &st));
  VALUE("size again", st.size);
  SHOW("filestat new.txt", __wasi_path_filestat_get(RO, 0, "new.txt", &st));
  return 0;
}
