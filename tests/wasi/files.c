/*
 * files.c — descriptors on files: path_open (oflags, fdflags, rights),
 * fd_read/write/pread/pwrite/seek/tell, fdstat get/set_flags/set_rights,
 * filestat get/set_size/set_times, advise, allocate, sync, datasync,
 * renumber, close, prestat, and poll_oneoff on a file.
 *
 * Fixture (tests/wasi.rs): the first preopen (fd 3, "/sandbox") holds
 * hello.txt = "hello world\n".
 */
#include "check.h"

#define RW                                                                                         \
  (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_SEEK |                        \
   __WASI_RIGHTS_FD_TELL | __WASI_RIGHTS_FD_FILESTAT_GET | __WASI_RIGHTS_FD_FILESTAT_SET_SIZE |    \
   __WASI_RIGHTS_FD_FILESTAT_SET_TIMES | __WASI_RIGHTS_FD_ADVISE | __WASI_RIGHTS_FD_ALLOCATE |     \
   __WASI_RIGHTS_FD_SYNC | __WASI_RIGHTS_FD_DATASYNC | __WASI_RIGHTS_FD_FDSTAT_SET_FLAGS |         \
   __WASI_RIGHTS_POLL_FD_READWRITE)

static int32_t write_str(int32_t fd, const char *s, __wasi_size_t *n) {
  __wasi_ciovec_t iov = {(const uint8_t *)s, strlen(s)};
  return __wasi_fd_write(fd, &iov, 1, n);
}

static void prestat(void) {
  __wasi_prestat_t ps;
  EXPECT("prestat_get 3", __wasi_fd_prestat_get(PRE, &ps), 0);
  EXPECT("prestat tag", ps.tag, 0);
  EXPECT("prestat name len", ps.u.dir.pr_name_len, 8);
  char name[16] = {0};
  EXPECT("prestat_dir_name", __wasi_fd_prestat_dir_name(PRE, (uint8_t *)name, 16), 0);
  TRUE("prestat name is /sandbox", !strcmp(name, "/sandbox"));
  EXPECT("prestat_dir_name short buffer", __wasi_fd_prestat_dir_name(PRE, (uint8_t *)name, 3),
         __WASI_ERRNO_NAMETOOLONG);
  EXPECT("prestat_get stdout", __wasi_fd_prestat_get(1, &ps), __WASI_ERRNO_BADF);
  EXPECT("prestat_get unopened", __wasi_fd_prestat_get(40, &ps), __WASI_ERRNO_BADF);
}

static void read_write_seek(void) {
  __wasi_fd_t fd;
  __wasi_size_t n;
  EXPECT("open hello.txt", open_at(PRE, "hello.txt", 0, RW, 0, (int32_t *)&fd), 0);
  uint8_t a[5], b[7];
  __wasi_iovec_t iovs[2] = {{a, 5}, {b, 7}};
  EXPECT("fd_read two iovecs", __wasi_fd_read(fd, iovs, 2, &n), 0);
  if (WASMTIME) { /* it fills only the first buffer */
    __wasi_filesize_t skip;
    EXPECT("skip", __wasi_fd_seek(fd, 12, __WASI_WHENCE_SET, &skip), 0);
  } else {
    EXPECT("fd_read count", n, 12);
    TRUE("fd_read data", !memcmp(a, "hello", 5) && !memcmp(b, " world\n", 7));
  }
  EXPECT("fd_read at eof", __wasi_fd_read(fd, iovs, 2, &n), 0);
  EXPECT("fd_read eof count", n, 0);
  __wasi_filesize_t pos;
  EXPECT("fd_tell", __wasi_fd_tell(fd, &pos), 0);
  EXPECT("fd_tell pos", (int)pos, 12);
  EXPECT("fd_seek set 6", __wasi_fd_seek(fd, 6, __WASI_WHENCE_SET, &pos), 0);
  EXPECT("fd_seek pos", (int)pos, 6);
  EXPECT("fd_seek cur -1", __wasi_fd_seek(fd, -1, __WASI_WHENCE_CUR, &pos), 0);
  EXPECT("fd_seek cur pos", (int)pos, 5);
  EXPECT("fd_seek end -3", __wasi_fd_seek(fd, -3, __WASI_WHENCE_END, &pos), 0);
  EXPECT("fd_seek end pos", (int)pos, 9);
  EXPECT("fd_seek negative", __wasi_fd_seek(fd, -100, __WASI_WHENCE_CUR, &pos), __WASI_ERRNO_INVAL);
  if (!WASMTIME) /* wasmtime traps on invalid enum values */
    EXPECT("fd_seek bad whence", __wasi_fd_seek(fd, 0, 7, &pos), __WASI_ERRNO_INVAL);
  EXPECT("fd_write", write_str(fd, "LD!", &n), 0);
  EXPECT("fd_write count", n, 3);
  uint8_t buf[32] = {0};
  __wasi_iovec_t one = {buf, sizeof buf};
  EXPECT("fd_pread 0", __wasi_fd_pread(fd, &one, 1, 0, &n), 0);
  EXPECT("fd_pread count", n, 12);
  TRUE("fd_pread data", !memcmp(buf, "hello worLD!", 12));
  EXPECT("fd_tell after pread", __wasi_fd_tell(fd, &pos), 0);
  EXPECT("pread keeps position", (int)pos, 12);
  __wasi_ciovec_t w = {(const uint8_t *)"HE", 2};
  EXPECT("fd_pwrite 0", __wasi_fd_pwrite(fd, &w, 1, 0, &n), 0);
  EXPECT("fd_pwrite count", n, 2);
  EXPECT("fd_pread 1", __wasi_fd_pread(fd, &one, 1, 1, &n), 0);
  TRUE("fd_pwrite data", n == 11 && !memcmp(buf, "Ello worLD!", 11));
  EXPECT("fd_pread past end", __wasi_fd_pread(fd, &one, 1, 1000, &n), 0);
  EXPECT("fd_pread past end count", n, 0);
  if (!WASMTIME)
    EXPECT("fd_read bad iovec", __wasi_fd_read(fd, (__wasi_iovec_t *)0xfffffff0, 1, &n),
           __WASI_ERRNO_FAULT);
  EXPECT("fd_close", __wasi_fd_close(fd), 0);
  EXPECT("fd_close again", __wasi_fd_close(fd), __WASI_ERRNO_BADF);
  EXPECT("fd_write closed", write_str(fd, "x", &n), __WASI_ERRNO_BADF);
}

static void open_flags(void) {
  __wasi_fd_t fd, fd2;
  __wasi_size_t n;
  EXPECT("open missing", open_at(PRE, "new.txt", 0, RW, 0, (int32_t *)&fd), __WASI_ERRNO_NOENT);
  EXPECT("open creat", open_at(PRE, "new.txt", __WASI_OFLAGS_CREAT, RW, 0, (int32_t *)&fd), 0);
  EXPECT("write new", write_str(fd, "abcdef", &n), 0);
  EXPECT("open creat|excl existing",
         open_at(PRE, "new.txt", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL, RW, 0, (int32_t *)&fd2),
         __WASI_ERRNO_EXIST);
  EXPECT("open trunc", open_at(PRE, "new.txt", __WASI_OFLAGS_TRUNC, RW, 0, (int32_t *)&fd2), 0);
  __wasi_filestat_t st;
  EXPECT("filestat after trunc", __wasi_fd_filestat_get(fd2, &st), 0);
  EXPECT("size after trunc", (int)st.size, 0);
  EXPECT("filetype regular", st.filetype, __WASI_FILETYPE_REGULAR_FILE);
  EXPECT("close trunc fd", __wasi_fd_close(fd2), 0);
  EXPECT("open directory flag on file",
         open_at(PRE, "new.txt", __WASI_OFLAGS_DIRECTORY, RW, 0, (int32_t *)&fd2),
         __WASI_ERRNO_NOTDIR);
  EXPECT("open file/ ", open_at(PRE, "new.txt/", 0, RW, 0, (int32_t *)&fd2), __WASI_ERRNO_NOTDIR);
  EXPECT("open through a file", open_at(PRE, "new.txt/x", 0, RW, 0, (int32_t *)&fd2),
         __WASI_ERRNO_NOTDIR);
  EXPECT("open empty path", open_at(PRE, "", 0, RW, 0, (int32_t *)&fd2), __WASI_ERRNO_NOENT);
  if (!WASMTIME)
    EXPECT("open bad oflags", open_at(PRE, "new.txt", 0x10, RW, 0, (int32_t *)&fd2),
           __WASI_ERRNO_INVAL);
  EXPECT("open from a file fd", open_at(fd, "x", 0, RW, 0, (int32_t *)&fd2), __WASI_ERRNO_NOTDIR);
  EXPECT("open from bad fd", open_at(77, "x", 0, RW, 0, (int32_t *)&fd2), __WASI_ERRNO_BADF);
  int32_t nul = raw_path_open(PRE, 0, "new.txt\0x", 9, 0, RW, RW, 0, (int32_t *)&fd2);
  EXPECT("open path with NUL", nul, __WASI_ERRNO_INVAL);
  EXPECT("close new", __wasi_fd_close(fd), 0);

  /* APPEND: writes go to the end whatever the position. */
  EXPECT("open append", open_at(PRE, "new.txt", 0, RW, __WASI_FDFLAGS_APPEND, (int32_t *)&fd), 0);
  __wasi_fdstat_t fs;
  EXPECT("fdstat append", __wasi_fd_fdstat_get(fd, &fs), 0);
  EXPECT("fdstat flags", fs.fs_flags, __WASI_FDFLAGS_APPEND);
  EXPECT("fdstat filetype", fs.fs_filetype, __WASI_FILETYPE_REGULAR_FILE);
  TRUE("fdstat rights", fs.fs_rights_base == RW && fs.fs_rights_inheriting == 0);
  __wasi_filesize_t pos;
  EXPECT("append seek 0", __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos), 0);
  EXPECT("append write", write_str(fd, "12", &n), 0);
  EXPECT("append write 2", write_str(fd, "34", &n), 0);
  EXPECT("append filestat", __wasi_fd_filestat_get(fd, &st), 0);
  EXPECT("append size", (int)st.size, 4);
  EXPECT("clear append", __wasi_fd_fdstat_set_flags(fd, 0), 0);
  EXPECT("fdstat after clear", __wasi_fd_fdstat_get(fd, &fs), 0);
  EXPECT("flags after clear", fs.fs_flags, 0);
  EXPECT("seek 0 again", __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos), 0);
  EXPECT("overwrite", write_str(fd, "X", &n), 0);
  uint8_t buf[8] = {0};
  __wasi_iovec_t one = {buf, sizeof buf};
  EXPECT("pread after overwrite", __wasi_fd_pread(fd, &one, 1, 0, &n), 0);
  TRUE("content X234", n == 4 && !memcmp(buf, "X234", 4));
  EXPECT("set nonblock", __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_NONBLOCK), 0);
  EXPECT("fdstat nonblock", __wasi_fd_fdstat_get(fd, &fs), 0);
  EXPECT("flags nonblock", fs.fs_flags, __WASI_FDFLAGS_NONBLOCK);
  EXPECT("set_flags sync", __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_SYNC), __WASI_ERRNO_INVAL);
  if (!WASMTIME)
    EXPECT("set_flags bad", __wasi_fd_fdstat_set_flags(fd, 0x40), __WASI_ERRNO_INVAL);

  /* Sizes, times, advice, allocation, syncing. */
  EXPECT("set_size 100", __wasi_fd_filestat_set_size(fd, 100), 0);
  EXPECT("filestat 100", __wasi_fd_filestat_get(fd, &st), 0);
  EXPECT("size 100", (int)st.size, 100);
  EXPECT("nlink 1", (int)st.nlink, 1);
  EXPECT("set_size 2", __wasi_fd_filestat_set_size(fd, 2), 0);
  EXPECT("set_times",
         __wasi_fd_filestat_set_times(fd, 1000000000ull * 1000, 1000000000ull * 2000 + 5,
                                      __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM),
         0);
  EXPECT("filestat times", __wasi_fd_filestat_get(fd, &st), 0);
  TRUE("atim", st.atim == 1000000000ull * 1000);
  TRUE("mtim", st.mtim == 1000000000ull * 2000 + 5);
  EXPECT("set_times mtim now", __wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_MTIM_NOW), 0);
  EXPECT("filestat now", __wasi_fd_filestat_get(fd, &st), 0);
  __wasi_timestamp_t now;
  EXPECT("clock now", __wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &now), 0);
  TRUE("mtim now", st.mtim > now - 60000000000ull && st.atim == 1000000000ull * 1000);
  EXPECT("set_times atim+atim_now",
         __wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_ATIM_NOW),
         __WASI_ERRNO_INVAL);
  EXPECT("advise sequential", __wasi_fd_advise(fd, 0, 100, __WASI_ADVICE_SEQUENTIAL), 0);
  if (!WASMTIME)
    EXPECT("advise bad", raw_fd_advise(fd, 0, 100, 9), __WASI_ERRNO_INVAL);
  EXPECT("allocate", __wasi_fd_allocate(fd, 0, 4096), 0);
  EXPECT("filestat allocated", __wasi_fd_filestat_get(fd, &st), 0);
  EXPECT("size allocated", (int)st.size, 4096);
  EXPECT("allocate zero length", __wasi_fd_allocate(fd, 0, 0), __WASI_ERRNO_INVAL);
  EXPECT("fd_sync", __wasi_fd_sync(fd), 0);
  EXPECT("fd_datasync", __wasi_fd_datasync(fd), 0);

  /* poll_oneoff: a regular file is always ready. */
  __wasi_subscription_t subs[2] = {0};
  subs[0].userdata = 11;
  subs[0].u.tag = __WASI_EVENTTYPE_FD_READ;
  subs[0].u.u.fd_read.file_descriptor = fd;
  subs[1].userdata = 22;
  subs[1].u.tag = __WASI_EVENTTYPE_FD_WRITE;
  subs[1].u.u.fd_write.file_descriptor = fd;
  __wasi_event_t ev[2];
  EXPECT("seek to 4000", __wasi_fd_seek(fd, 4000, __WASI_WHENCE_SET, &pos), 0);
  EXPECT("poll file", __wasi_poll_oneoff(subs, ev, 2, &n), 0);
  EXPECT("poll file events", n, 2);
  TRUE("poll read event", ev[0].userdata == 11 && ev[0].error == 0 &&
                              ev[0].type == __WASI_EVENTTYPE_FD_READ &&
                              ev[0].fd_readwrite.nbytes == 96);
  TRUE("poll write event", ev[1].userdata == 22 && ev[1].type == __WASI_EVENTTYPE_FD_WRITE);
  subs[0].u.u.fd_read.file_descriptor = 55;
  EXPECT("poll bad fd", __wasi_poll_oneoff(subs, ev, 1, &n), __WASI_ERRNO_BADF);
  EXPECT("poll nothing", __wasi_poll_oneoff(subs, ev, 0, &n), __WASI_ERRNO_INVAL);

  /* Rights: shrink only, and enforced. */
  EXPECT("set_rights shrink",
         __wasi_fd_fdstat_set_rights(fd, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK, 0), 0);
  EXPECT("set_rights grow", __wasi_fd_fdstat_set_rights(fd, RW, 0), __WASI_ERRNO_NOTCAPABLE);
  EXPECT("write without right", write_str(fd, "x", &n), __WASI_ERRNO_BADF);
  EXPECT("tell without right", __wasi_fd_tell(fd, &pos), __WASI_ERRNO_NOTCAPABLE);
  EXPECT("set_size without right", __wasi_fd_filestat_set_size(fd, 1), __WASI_ERRNO_NOTCAPABLE);
  EXPECT("filestat without right", __wasi_fd_filestat_get(fd, &st), __WASI_ERRNO_NOTCAPABLE);
  EXPECT("seek with right", __wasi_fd_seek(fd, 0, __WASI_WHENCE_SET, &pos), 0);
  EXPECT("read with right", __wasi_fd_read(fd, &one, 1, &n), 0);

  /* renumber: fd moves onto an open fd, closing it. */
  EXPECT("open for renumber", open_at(PRE, "hello.txt", 0, RW, 0, (int32_t *)&fd2), 0);
  EXPECT("renumber", __wasi_fd_renumber(fd2, fd), 0);
  EXPECT("renumbered from is closed", __wasi_fd_close(fd2), __WASI_ERRNO_BADF);
  EXPECT("renumbered to reads hello", __wasi_fd_pread(fd, &one, 1, 0, &n), 0);
  TRUE("renumbered data", n == 8 && !memcmp(buf, "HEllo wo", 8));
  EXPECT("renumber to unopened", __wasi_fd_renumber(fd, 60), __WASI_ERRNO_BADF);
  EXPECT("renumber from unopened", __wasi_fd_renumber(60, fd), __WASI_ERRNO_BADF);
  EXPECT("renumber onto itself", __wasi_fd_renumber(fd, fd), 0);
  EXPECT("close renumbered", __wasi_fd_close(fd), 0);

  /* Read-only open: no write access. */
  EXPECT("open read-only", open_at(PRE, "hello.txt", 0, __WASI_RIGHTS_FD_READ, 0, (int32_t *)&fd),
         0);
  EXPECT("write read-only", write_str(fd, "x", &n), __WASI_ERRNO_BADF);
  EXPECT("close read-only", __wasi_fd_close(fd), 0);
  EXPECT("unlink new.txt", __wasi_path_unlink_file(PRE, "new.txt"), 0);
}

static void stdio(void) {
  __wasi_fdstat_t fs;
  __wasi_size_t n;
  EXPECT("fdstat stdout", __wasi_fd_fdstat_get(1, &fs), 0);
  EXPECT("write stderr", write_str(2, "", &n), 0);
  EXPECT("fd_read unopened", __wasi_fd_read(9, NULL, 0, &n), __WASI_ERRNO_BADF);
  EXPECT("fdstat negative fd", __wasi_fd_fdstat_get(-1, &fs), __WASI_ERRNO_BADF);
  if (!WASMTIME)
    EXPECT("fdstat bad pointer", __wasi_fd_fdstat_get(1, (__wasi_fdstat_t *)0xfffffff0),
           __WASI_ERRNO_FAULT);
  EXPECT("fdstat preopen", __wasi_fd_fdstat_get(PRE, &fs), 0);
  EXPECT("preopen filetype", fs.fs_filetype, __WASI_FILETYPE_DIRECTORY);
  TRUE("preopen has path rights", (fs.fs_rights_base & __WASI_RIGHTS_PATH_OPEN) &&
                                      !(fs.fs_rights_base & __WASI_RIGHTS_FD_READ));
  EXPECT("read a directory", __wasi_fd_read(PRE, NULL, 0, &n), __WASI_ERRNO_BADF);
  __wasi_filesize_t pos;
  EXPECT("seek a directory", __wasi_fd_seek(PRE, 0, __WASI_WHENCE_SET, &pos), __WASI_ERRNO_BADF);
}

int main(void) {
  prestat();
  read_write_seek();
  open_flags();
  stdio();
  return finish();
}
