/*
 * fd.c — preview1's fd_* functions on files and directories: reading and
 * writing (iovecs, positioned, rights), fd_seek past the end and before
 * the start, fd_tell, fdstat flags (append), rights, filestat size and
 * times (NOW flags), advise, allocate, sync, renumber, close, prestat.
 */
#include "conform.h"

#define READ_ONLY                                                              \
  (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK |                             \
   __WASI_RIGHTS_FD_FILESTAT_GET)

static __wasi_filesize_t size_of(__wasi_fd_t fd) {
  __wasi_filestat_t st;
  return __wasi_fd_filestat_get(fd, &st) ? (__wasi_filesize_t)-1 : st.size;
}

static void read_write(void) {
  __wasi_fd_t fd;
  __wasi_size_t n;
  SHOW("open f.txt creat",
       open_in(SANDBOX, "f.txt", __WASI_OFLAGS_CREAT, ALL_RIGHTS, 0, &fd));
  SHOW("write", write_str(fd, "hello world", &n));
  VALUE("written", n);
  __wasi_filesize_t pos;
  SHOW("tell", __wasi_fd_tell(fd, &pos));
  VALUE("position", pos);
  SHOW("seek set 0", __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
  char a[5] = {0}, b[32] = {0};
  __wasi_iovec_t one = {(uint8_t *)a, sizeof a};
  SHOW("read one iovec", __wasi_fd_read(fd, &one, 1, &n));
  VALUE("read", n);
  FACT("read hello", !memcmp(a, "hello", 5));
  SHOW("seek cur -2", __wasi_fd_seek(fd, -2, __WASI_WHENCE_CUR, &pos));
  VALUE("position", pos);
  SHOW("seek end -5", __wasi_fd_seek(fd, -5, __WASI_WHENCE_END, &pos));
  VALUE("position", pos);
  SHOW("seek before start", __wasi_fd_seek(fd, -100, __WASI_WHENCE_CUR, &pos));
  SHOW("seek set 100 (past the end)",
       __wasi_fd_seek(fd, 100, __WASI_WHENCE_SET, &pos));
  VALUE("position", pos);
  SHOW("read at 100", __wasi_fd_read(fd, &one, 1, &n));
  VALUE("read past the end", n);
  VALUE("size before writing past the end", size_of(fd));
  SHOW("write at 100", write_str(fd, "!", &n));
  VALUE("size after", size_of(fd));
  char hole[4] = {1, 1, 1, 1};
  __wasi_iovec_t h = {(uint8_t *)hole, sizeof hole};
  SHOW("pread in the hole", __wasi_fd_pread(fd, &h, 1, 50, &n));
  FACT("hole reads zeros", n == 4 && !hole[0] && !hole[3]);
  SHOW("pwrite at 6",
       __wasi_fd_pwrite(fd, &(__wasi_ciovec_t){(const uint8_t *)"WORLD", 5}, 1,
                        6, &n));
  SHOW("tell after pwrite", __wasi_fd_tell(fd, &pos));
  VALUE("position unchanged", pos);
  __wasi_iovec_t two[2] = {{(uint8_t *)a, 0}, {(uint8_t *)b, 11}};
  SHOW("pread first iovec empty", __wasi_fd_pread(fd, two, 2, 0, &n));
  VALUE("pread", n);
  FACT("pread hello WORLD", n == 11 && !memcmp(b, "hello WORLD", 11));
  SHOW("pread past the end", __wasi_fd_pread(fd, &one, 1, 1000, &n));
  VALUE("pread past the end", n);
  SHOW("read zero iovecs", __wasi_fd_read(fd, two, 0, &n));
  VALUE("read zero iovecs", n);
  SHOW("close", __wasi_fd_close(fd));
  SHOW("close again", __wasi_fd_close(fd));
  SHOW("write closed", write_str(fd, "x", &n));

  SHOW("open read-only", open_in(SANDBOX, "f.txt", 0, READ_ONLY, 0, &fd));
  SHOW("write read-only", write_str(fd, "x", &n));
  SHOW("pwrite read-only",
       __wasi_fd_pwrite(fd, &(__wasi_ciovec_t){(const uint8_t *)"x", 1}, 1, 0,
                        &n));
  SHOW("read read-only", __wasi_fd_read(fd, &one, 1, &n));
  (void)__wasi_fd_close(fd);
  SHOW("open write-only",
       open_in(SANDBOX, "f.txt", 0, __WASI_RIGHTS_FD_WRITE, 0, &fd));
  SHOW("read write-only", __wasi_fd_read(fd, &one, 1, &n));
  (void)__wasi_fd_close(fd);
  SHOW("read directory", __wasi_fd_read(SANDBOX, &one, 1, &n));
  SHOW("write directory", write_str(SANDBOX, "x", &n));
  SHOW("seek directory", __wasi_fd_seek(SANDBOX, 0, __WASI_WHENCE_CUR, &pos));
  SHOW("pread directory", __wasi_fd_pread(SANDBOX, &one, 1, 0, &n));
}

static void append_and_flags(void) {
  __wasi_fd_t fd;
  __wasi_size_t n;
  __wasi_fdstat_t st;
  __wasi_filesize_t pos;
  SHOW("make a.txt", make_file("a.txt", "abc"));
  SHOW("open a.txt", open_in(SANDBOX, "a.txt", 0, ALL_RIGHTS, 0, &fd));
  SHOW("fdstat", __wasi_fd_fdstat_get(fd, &st));
  VALUE("filetype", st.fs_filetype);
  VALUE("flags", st.fs_flags);
  SHOW("set_flags append",
       __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_APPEND));
  SHOW("fdstat", __wasi_fd_fdstat_get(fd, &st));
  VALUE("flags", st.fs_flags);
  SHOW("seek set 0", __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
  SHOW("write appends", write_str(fd, "def", &n));
  VALUE("size", size_of(fd));
  SHOW("tell after append", __wasi_fd_tell(fd, &pos));
  VALUE("position", pos);
  SHOW("pwrite at 0 with append",
       __wasi_fd_pwrite(fd, &(__wasi_ciovec_t){(const uint8_t *)"X", 1}, 1, 0,
                        &n));
  SHOW("set_flags none", __wasi_fd_fdstat_set_flags(fd, 0));
  SHOW("seek set 0", __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos));
  SHOW("write overwrites", write_str(fd, "A", &n));
  char buf[16] = {0};
  __wasi_iovec_t iov = {(uint8_t *)buf, sizeof buf - 1};
  SHOW("pread all", __wasi_fd_pread(fd, &iov, 1, 0, &n));
  printf("contents: %s\n", buf);
  SHOW("set_flags nonblock",
       __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_NONBLOCK));
  SHOW("fdstat", __wasi_fd_fdstat_get(fd, &st));
  VALUE("flags", st.fs_flags);
  SHOW("set_flags sync", __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_SYNC));
  SHOW("set_flags on closed fd", __wasi_fd_fdstat_set_flags(40, 0));
  (void)__wasi_fd_close(fd);
  SHOW("open with append",
       open_in(SANDBOX, "a.txt", 0, ALL_RIGHTS, __WASI_FDFLAGS_APPEND, &fd));
  SHOW("fdstat", __wasi_fd_fdstat_get(fd, &st));
  VALUE("flags", st.fs_flags);
  SHOW("write", write_str(fd, "g", &n));
  VALUE("size", size_of(fd));
  (void)__wasi_fd_close(fd);
  SHOW("fdstat directory", __wasi_fd_fdstat_get(SANDBOX, &st));
  VALUE("filetype", st.fs_filetype);
  SHOW("fdstat closed", __wasi_fd_fdstat_get(40, &st));
}

static void filestat(void) {
  __wasi_fd_t fd;
  __wasi_filestat_t st;
  SHOW("make t.txt", make_file("t.txt", "0123456789"));
  SHOW("open t.txt", open_in(SANDBOX, "t.txt", 0, ALL_RIGHTS, 0, &fd));
  SHOW("filestat", __wasi_fd_filestat_get(fd, &st));
  VALUE("filetype", st.filetype);
  VALUE("size", st.size);
  VALUE("nlink", st.nlink);
  SHOW("set_size 4", __wasi_fd_filestat_set_size(fd, 4));
  VALUE("size", size_of(fd));
  SHOW("set_size 5000", __wasi_fd_filestat_set_size(fd, 5000));
  VALUE("size", size_of(fd));
  const __wasi_timestamp_t t1 = 1000000000123456789ull,
                           t2 = 1200000000000000000ull;
  SHOW("set_times both",
       __wasi_fd_filestat_set_times(
           fd, t1, t2, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM));
  (void)__wasi_fd_filestat_get(fd, &st);
  FACT("atim set", st.atim == t1);
  FACT("mtim set", st.mtim == t2);
  SHOW("set_times mtim only",
       __wasi_fd_filestat_set_times(fd, 0, t1, __WASI_FSTFLAGS_MTIM));
  (void)__wasi_fd_filestat_get(fd, &st);
  FACT("atim kept", st.atim == t1);
  FACT("mtim set", st.mtim == t1);
  SHOW("set_times mtim now",
       __wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_MTIM_NOW));
  (void)__wasi_fd_filestat_get(fd, &st);
  FACT("mtim now (after 2020)", st.mtim > 1577836800000000000ull);
  FACT("atim kept", st.atim == t1);
  SHOW("set_times atim now",
       __wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_ATIM_NOW));
  (void)__wasi_fd_filestat_get(fd, &st);
  FACT("atim now", st.atim > 1577836800000000000ull);
  SHOW("set_times atim and atim now",
       __wasi_fd_filestat_set_times(
           fd, t1, 0, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_ATIM_NOW));
  SHOW("set_times mtim and mtim now",
       __wasi_fd_filestat_set_times(
           fd, 0, t1, __WASI_FSTFLAGS_MTIM | __WASI_FSTFLAGS_MTIM_NOW));
  SHOW("set_times none", __wasi_fd_filestat_set_times(fd, 0, 0, 0));
  SHOW("advise", __wasi_fd_advise(fd, 0, 100, __WASI_ADVICE_SEQUENTIAL));
  SHOW("advise dontneed", __wasi_fd_advise(fd, 0, 0, __WASI_ADVICE_DONTNEED));
  SHOW("sync", __wasi_fd_sync(fd));
  SHOW("datasync", __wasi_fd_datasync(fd));
  SHOW("allocate", __wasi_fd_allocate(fd, 0, 8000));
  (void)__wasi_fd_close(fd);
  SHOW("filestat directory", __wasi_fd_filestat_get(SANDBOX, &st));
  VALUE("filetype", st.filetype);
  SHOW("set_size directory", __wasi_fd_filestat_set_size(SANDBOX, 0));
  SHOW("open read-only", open_in(SANDBOX, "t.txt", 0, READ_ONLY, 0, &fd));
  SHOW("set_size read-only", __wasi_fd_filestat_set_size(fd, 0));
  VALUE("size", size_of(fd));
  (void)__wasi_fd_close(fd);
}

static void renumber_close_prestat(void) {
  __wasi_fd_t a, b;
  __wasi_size_t n;
  SHOW("make r1", make_file("r1.txt", "one"));
  SHOW("make r2", make_file("r2.txt", "two"));
  SHOW("open r1", open_in(SANDBOX, "r1.txt", 0, ALL_RIGHTS, 0, &a));
  SHOW("open r2", open_in(SANDBOX, "r2.txt", 0, ALL_RIGHTS, 0, &b));
  SHOW("renumber r1 onto r2", __wasi_fd_renumber(a, b));
  char buf[4] = {0};
  __wasi_iovec_t iov = {(uint8_t *)buf, 3};
  SHOW("read renumbered", __wasi_fd_read(b, &iov, 1, &n));
  printf("renumbered reads: %s\n", buf);
  SHOW("old number closed", __wasi_fd_close(a));
  SHOW("renumber to itself", __wasi_fd_renumber(b, b));
  SHOW("renumber onto unopened", __wasi_fd_renumber(b, 50));
  SHOW("renumber from unopened", __wasi_fd_renumber(50, b));
  SHOW("close", __wasi_fd_close(b));
  SHOW("close unopened", __wasi_fd_close(50));
  __wasi_prestat_t ps;
  SHOW("prestat_get", __wasi_fd_prestat_get(SANDBOX, &ps));
  VALUE("prestat tag", ps.tag);
  VALUE("prestat name length", ps.u.dir.pr_name_len);
  char name[16] = {0};
  SHOW("prestat_dir_name",
       __wasi_fd_prestat_dir_name(SANDBOX, (uint8_t *)name, sizeof name));
  printf("prestat name: %s\n", name);
  SHOW("prestat_dir_name short buffer",
       __wasi_fd_prestat_dir_name(SANDBOX, (uint8_t *)name, 3));
  SHOW("prestat_get stdout", __wasi_fd_prestat_get(1, &ps));
  SHOW("prestat_get unopened", __wasi_fd_prestat_get(50, &ps));
  SHOW("open r1 again", open_in(SANDBOX, "r1.txt", 0, ALL_RIGHTS, 0, &a));
  SHOW("prestat_get file", __wasi_fd_prestat_get(a, &ps));
  (void)__wasi_fd_close(a);
}

static void rights(void) {
  __wasi_fd_t fd;
  __wasi_fdstat_t st;
  SHOW("open for rights", open_in(SANDBOX, "r1.txt", 0, ALL_RIGHTS, 0, &fd));
  SHOW("fdstat", __wasi_fd_fdstat_get(fd, &st));
  FACT("has FD_READ", st.fs_rights_base & __WASI_RIGHTS_FD_READ);
  FACT("has FD_WRITE", st.fs_rights_base & __WASI_RIGHTS_FD_WRITE);
  SHOW("set_rights shrink",
       __wasi_fd_fdstat_set_rights(fd, __WASI_RIGHTS_FD_READ, 0));
  SHOW("set_rights grow",
       __wasi_fd_fdstat_set_rights(fd, ALL_RIGHTS, ALL_RIGHTS));
  (void)__wasi_fd_close(fd);
}

int main(void) {
  read_write();
  append_and_flags();
  filestat();
  renumber_close_prestat();
  rights();
  return 0;
}
