/*
 * dirs.c — the directory tree: path_create_directory, remove_directory,
 * unlink_file, rename, link, symlink, readlink, path_filestat_get and
 * set_times, and fd_readdir (cookies, buffers too small for one entry,
 * entries cut off at the end of the buffer), also through libc.
 *
 * Fixture: the first preopen (fd 3, "/sandbox") holds hello.txt =
 * "hello world\n" and an empty directory sub/.
 */
#include "check.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define DIR_RIGHTS                                                                                 \
  (__WASI_RIGHTS_FD_READDIR | __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_PATH_CREATE_FILE)
#define NFILES 40
/* Everything but what opens a directory for writing (EISDIR). */
#define PATH_RIGHTS                                                                                \
  (0x3fffffffull &                                                                                 \
   ~(__WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_ALLOCATE | __WASI_RIGHTS_FD_FILESTAT_SET_SIZE))

static void tree(void) {
  EXPECT("mkdir a", __wasi_path_create_directory(PRE, "a"), 0);
  EXPECT("mkdir a again", __wasi_path_create_directory(PRE, "a"), __WASI_ERRNO_EXIST);
  EXPECT("mkdir a/b/", __wasi_path_create_directory(PRE, "a/b/"), 0);
  EXPECT("mkdir missing parent", __wasi_path_create_directory(PRE, "x/y"), __WASI_ERRNO_NOENT);
  EXPECT("mkdir under a file", __wasi_path_create_directory(PRE, "hello.txt/y"),
         __WASI_ERRNO_NOTDIR);
  EXPECT("mkdir .", __wasi_path_create_directory(PRE, "."), __WASI_ERRNO_EXIST);
  EXPECT("mkdir a/..", __wasi_path_create_directory(PRE, "a/.."), __WASI_ERRNO_EXIST);
  EXPECT("mkdir empty", __wasi_path_create_directory(PRE, ""), __WASI_ERRNO_NOENT);
  EXPECT("rmdir non-empty", __wasi_path_remove_directory(PRE, "a"), __WASI_ERRNO_NOTEMPTY);
  EXPECT("rmdir a file", __wasi_path_remove_directory(PRE, "hello.txt"), __WASI_ERRNO_NOTDIR);
  EXPECT("rmdir .", __wasi_path_remove_directory(PRE, "."), __WASI_ERRNO_INVAL);
  EXPECT("rmdir a/b/", __wasi_path_remove_directory(PRE, "a/b/"), 0);
  EXPECT("rmdir missing", __wasi_path_remove_directory(PRE, "a/b"), __WASI_ERRNO_NOENT);
  EXPECT("unlink a directory", __wasi_path_unlink_file(PRE, "a"), __WASI_ERRNO_ISDIR);
  EXPECT("unlink .", __wasi_path_unlink_file(PRE, "."), __WASI_ERRNO_ISDIR);
  EXPECT("unlink file/", __wasi_path_unlink_file(PRE, "hello.txt/"), __WASI_ERRNO_NOTDIR);
  EXPECT("unlink missing", __wasi_path_unlink_file(PRE, "nope"), __WASI_ERRNO_NOENT);

  /* rename */
  EXPECT("rename file", __wasi_path_rename(PRE, "hello.txt", PRE, "a/moved.txt"), 0);
  __wasi_filestat_t st;
  EXPECT("old name gone", __wasi_path_filestat_get(PRE, 0, "hello.txt", &st), __WASI_ERRNO_NOENT);
  EXPECT("new name", __wasi_path_filestat_get(PRE, 0, "a/moved.txt", &st), 0);
  EXPECT("moved size", (int)st.size, 12);
  EXPECT("moved filetype", st.filetype, __WASI_FILETYPE_REGULAR_FILE);
  EXPECT("rename back", __wasi_path_rename(PRE, "a/moved.txt", PRE, "hello.txt"), 0);
  EXPECT("mkdir a/keep", __wasi_path_create_directory(PRE, "a/keep"), 0);
  EXPECT("rename dir over non-empty dir", __wasi_path_rename(PRE, "sub", PRE, "a/../a"),
         __WASI_ERRNO_NOTEMPTY);
  EXPECT("rename missing", __wasi_path_rename(PRE, "nope", PRE, "x"), __WASI_ERRNO_NOENT);
  EXPECT("rename file over dir", __wasi_path_rename(PRE, "hello.txt", PRE, "sub"),
         __WASI_ERRNO_ISDIR);
  EXPECT("rename dir into itself", __wasi_path_rename(PRE, "a", PRE, "a/c"), __WASI_ERRNO_INVAL);
  __wasi_fd_t sub;
  EXPECT("open sub", open_at(PRE, "sub", __WASI_OFLAGS_DIRECTORY, PATH_RIGHTS, 0, (int32_t *)&sub),
         0);
  EXPECT("rename across fds", __wasi_path_rename(PRE, "hello.txt", sub, "h.txt"), 0);
  EXPECT("stat through sub fd", __wasi_path_filestat_get(sub, 0, "h.txt", &st), 0);
  EXPECT("rename across fds back", __wasi_path_rename(sub, "h.txt", PRE, "hello.txt"), 0);

  /* hard links */
  EXPECT("link", __wasi_path_link(PRE, 0, "hello.txt", PRE, "a/hard"), 0);
  EXPECT("stat link", __wasi_path_filestat_get(PRE, 0, "a/hard", &st), 0);
  EXPECT("nlink 2", (int)st.nlink, 2);
  EXPECT("link exists", __wasi_path_link(PRE, 0, "hello.txt", PRE, "a/hard"), __WASI_ERRNO_EXIST);
  EXPECT("link a directory", __wasi_path_link(PRE, 0, "sub", PRE, "sub2"), __WASI_ERRNO_PERM);
  EXPECT("unlink hard", __wasi_path_unlink_file(PRE, "a/hard"), 0);

  /* symlinks */
  EXPECT("symlink", __wasi_path_symlink("../hello.txt", PRE, "a/sym"), 0);
  EXPECT("symlink exists", __wasi_path_symlink("x", PRE, "a/sym"), __WASI_ERRNO_EXIST);
  EXPECT("symlink to dir", __wasi_path_symlink("../sub", PRE, "a/symdir"), 0);
  EXPECT("dangling symlink", __wasi_path_symlink("nowhere", PRE, "a/dangling"), 0);
  char buf[64];
  __wasi_size_t n;
  EXPECT("readlink", __wasi_path_readlink(PRE, "a/sym", (uint8_t *)buf, sizeof buf, &n), 0);
  TRUE("readlink target", n == 12 && !memcmp(buf, "../hello.txt", 12));
  EXPECT("readlink short", __wasi_path_readlink(PRE, "a/sym", (uint8_t *)buf, 4, &n), 0);
  TRUE("readlink truncated", n == 4 && !memcmp(buf, "../h", 4));
  EXPECT("readlink a file", __wasi_path_readlink(PRE, "hello.txt", (uint8_t *)buf, 64, &n),
         __WASI_ERRNO_INVAL);
  EXPECT("readlink missing", __wasi_path_readlink(PRE, "nope", (uint8_t *)buf, 64, &n),
         __WASI_ERRNO_NOENT);
  EXPECT("stat symlink nofollow", __wasi_path_filestat_get(PRE, 0, "a/sym", &st), 0);
  EXPECT("symlink filetype", st.filetype, __WASI_FILETYPE_SYMBOLIC_LINK);
  EXPECT("stat symlink follow",
         __wasi_path_filestat_get(PRE, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "a/sym", &st), 0);
  TRUE("followed to the file", st.filetype == __WASI_FILETYPE_REGULAR_FILE && st.size == 12);
  EXPECT("stat symlink/ follows", __wasi_path_filestat_get(PRE, 0, "a/symdir/", &st), 0);
  EXPECT("symlink/ is a directory", st.filetype, __WASI_FILETYPE_DIRECTORY);
  EXPECT("stat dangling follow",
         __wasi_path_filestat_get(PRE, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "a/dangling", &st),
         __WASI_ERRNO_NOENT);
  __wasi_fd_t fd;
  EXPECT("open symlink nofollow",
         raw_path_open(PRE, 0, "a/sym", 5, 0, __WASI_RIGHTS_FD_READ, 0, 0, (int32_t *)&fd),
         __WASI_ERRNO_LOOP);
  EXPECT("open symlink follow", open_at(PRE, "a/sym", 0, __WASI_RIGHTS_FD_READ, 0, (int32_t *)&fd),
         0);
  __wasi_iovec_t iov = {(uint8_t *)buf, 5};
  EXPECT("read through symlink", __wasi_fd_read(fd, &iov, 1, &n), 0);
  TRUE("read hello", n == 5 && !memcmp(buf, "hello", 5));
  EXPECT("close", __wasi_fd_close(fd), 0);
  EXPECT("creat through dangling symlink",
         open_at(PRE, "a/dangling", __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_WRITE, 0, (int32_t *)&fd),
         0);
  EXPECT("close created", __wasi_fd_close(fd), 0);
  EXPECT("symlink target created", __wasi_path_filestat_get(PRE, 0, "a/nowhere", &st), 0);
  EXPECT("link follow",
         __wasi_path_link(PRE, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "a/sym", PRE, "a/hard2"), 0);
  EXPECT("link followed the symlink", __wasi_path_filestat_get(PRE, 0, "a/hard2", &st), 0);
  EXPECT("hard2 is a file", st.filetype, __WASI_FILETYPE_REGULAR_FILE);
  EXPECT("link nofollow links the symlink", __wasi_path_link(PRE, 0, "a/sym", PRE, "a/symcopy"), 0);
  EXPECT("stat symcopy", __wasi_path_filestat_get(PRE, 0, "a/symcopy", &st), 0);
  EXPECT("symcopy is a symlink", st.filetype, __WASI_FILETYPE_SYMBOLIC_LINK);
  EXPECT("loop a", __wasi_path_symlink("loop_b", PRE, "a/loop_a"), 0);
  EXPECT("loop b", __wasi_path_symlink("loop_a", PRE, "a/loop_b"), 0);
  EXPECT("open a symlink loop",
         open_at(PRE, "a/loop_a", 0, __WASI_RIGHTS_FD_READ, 0, (int32_t *)&fd), __WASI_ERRNO_LOOP);
  EXPECT("unlink symlink", __wasi_path_unlink_file(PRE, "a/sym"), 0);
  EXPECT("target still there", __wasi_path_filestat_get(PRE, 0, "hello.txt", &st), 0);
  EXPECT("unlink symdir", __wasi_path_unlink_file(PRE, "a/symdir"), 0);

  /* times by path */
  EXPECT("path set_times",
         __wasi_path_filestat_set_times(PRE, 0, "hello.txt", 5000000000ull, 7000000000ull,
                                        __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM),
         0);
  EXPECT("stat times", __wasi_path_filestat_get(PRE, 0, "hello.txt", &st), 0);
  TRUE("times set", st.atim == 5000000000ull && st.mtim == 7000000000ull);
  EXPECT(
      "symlink set_times nofollow",
      __wasi_path_filestat_set_times(PRE, 0, "a/symcopy", 0, 9000000000ull, __WASI_FSTFLAGS_MTIM),
      0);
  EXPECT("stat symcopy nofollow", __wasi_path_filestat_get(PRE, 0, "a/symcopy", &st), 0);
  TRUE("symlink's own mtime", st.mtim == 9000000000ull);
  EXPECT("target unchanged", __wasi_path_filestat_get(PRE, 0, "hello.txt", &st), 0);
  TRUE("target mtime unchanged", st.mtim == 7000000000ull);
  EXPECT("set_times follow",
         __wasi_path_filestat_set_times(PRE, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "a/symcopy", 0,
                                        8000000000ull, __WASI_FSTFLAGS_MTIM),
         0);
  EXPECT("stat target", __wasi_path_filestat_get(PRE, 0, "hello.txt", &st), 0);
  TRUE("target mtime set", st.mtim == 8000000000ull);
  EXPECT("close sub", __wasi_fd_close(sub), 0);
}

/* Read the whole directory with buffers of `size` bytes; count entries. */
static int read_all(__wasi_fd_t fd, size_t size, int *seen) {
  uint8_t *buf = malloc(size);
  __wasi_dircookie_t cookie = 0;
  int entries = 0, calls = 0;
  for (;;) {
    __wasi_size_t used;
    if (__wasi_fd_readdir(fd, buf, size, cookie, &used) != 0)
      return -1;
    calls++;
    size_t at = 0;
    int progress = 0;
    while (at + sizeof(__wasi_dirent_t) <= used) {
      __wasi_dirent_t d;
      memcpy(&d, buf + at, sizeof d);
      if (at + sizeof d + d.d_namlen > used)
        break; /* cut off: ask again from this entry's cookie */
      char name[64] = {0};
      memcpy(name, buf + at + sizeof d, d.d_namlen < 63 ? d.d_namlen : 63);
      int i;
      if (sscanf(name, "file%d", &i) == 1 && i >= 0 && i < NFILES) {
        seen[i]++;
        if (d.d_type != __WASI_FILETYPE_REGULAR_FILE)
          seen[i] += 100;
      } else if (!strcmp(name, "dir")) {
        seen[NFILES] += d.d_type == __WASI_FILETYPE_DIRECTORY ? 1 : 100;
      }
      entries++;
      progress = 1;
      cookie = d.d_next;
      at += sizeof d + d.d_namlen;
    }
    if (used < size)
      break;
    if (!progress) { /* one entry does not fit: grow the buffer */
      size *= 2;
      buf = realloc(buf, size);
    }
    if (calls > 10000)
      return -2;
  }
  free(buf);
  return entries;
}

static void readdir_checks(void) {
  EXPECT("mkdir list", __wasi_path_create_directory(PRE, "list"), 0);
  EXPECT("mkdir list/dir", __wasi_path_create_directory(PRE, "list/dir"), 0);
  for (int i = 0; i < NFILES; i++) {
    char name[64];
    snprintf(name, sizeof name, "list/file%d_with_a_longer_name", i);
    __wasi_fd_t fd;
    if (open_at(PRE, name, __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_WRITE, 0, (int32_t *)&fd) != 0 ||
        __wasi_fd_close(fd) != 0)
      TRUE("create list file", 0);
  }
  __wasi_fd_t fd;
  EXPECT("open list", open_at(PRE, "list", __WASI_OFLAGS_DIRECTORY, DIR_RIGHTS, 0, (int32_t *)&fd),
         0);
  size_t sizes[] = {4096, 200, 40, 24, 7};
  for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
    int seen[NFILES + 1] = {0};
    int n = read_all(fd, sizes[s], seen);
    int exact = 1;
    for (int i = 0; i <= NFILES; i++)
      exact &= seen[i] == 1;
    char label[64];
    snprintf(label, sizeof label, "readdir buffer %zu", sizes[s]);
    TRUE(label, n == NFILES + 3 && exact); /* ., .., dir */
  }
  {
    uint8_t first[256];
    __wasi_size_t got;
    EXPECT("readdir first entries", __wasi_fd_readdir(fd, first, sizeof first, 0, &got), 0);
    __wasi_dirent_t d0, d1;
    memcpy(&d0, first, sizeof d0);
    memcpy(&d1, first + sizeof d0 + d0.d_namlen, sizeof d1);
    TRUE("dot first", d0.d_namlen == 1 && first[sizeof d0] == '.' && d0.d_next == 1 &&
                          d0.d_type == __WASI_FILETYPE_DIRECTORY);
    TRUE("dotdot second", d1.d_namlen == 2 && d1.d_next == 2);
  }
  uint8_t buf[256];
  __wasi_size_t used;
  EXPECT("readdir stdout", __wasi_fd_readdir(1, buf, sizeof buf, 0, &used), __WASI_ERRNO_BADF);
  EXPECT("readdir cookie at end", __wasi_fd_readdir(fd, buf, sizeof buf, 0, &used), 0);
  __wasi_dirent_t first;
  memcpy(&first, buf, sizeof first);
  EXPECT("readdir from cookie", __wasi_fd_readdir(fd, buf, sizeof buf, first.d_next, &used), 0);
  __wasi_dirent_t second;
  memcpy(&second, buf, sizeof second);
  TRUE("cookie moves on", second.d_next != first.d_next);
  EXPECT("close list", __wasi_fd_close(fd), 0);

  /* The same through libc, seeking back with the saved position. */
  DIR *d = opendir("/sandbox/list");
  TRUE("opendir", d != NULL);
  int count = 0;
  long mark = 0;
  char marked[64] = {0};
  struct dirent *e;
  while ((e = readdir(d))) {
    if (++count == 10) {
      mark = telldir(d);
      e = readdir(d);
      if (e) {
        snprintf(marked, sizeof marked, "%s", e->d_name);
        count++;
      }
    }
  }
  EXPECT("libc readdir count", count, NFILES + 3);
  seekdir(d, mark);
  e = readdir(d);
  TRUE("libc seekdir", e && !strcmp(e->d_name, marked));
  closedir(d);

  /* libc file API over preopens. */
  FILE *f = fopen("/sandbox/list/file3_with_a_longer_name", "w");
  TRUE("fopen", f != NULL);
  fprintf(f, "line %d\n", 42);
  fclose(f);
  f = fopen("/sandbox/list/file3_with_a_longer_name", "r");
  int v = 0;
  TRUE("fscanf", f && fscanf(f, "line %d", &v) == 1 && v == 42);
  fclose(f);
  struct stat sb;
  TRUE("stat", stat("/sandbox/list/dir", &sb) == 0 && S_ISDIR(sb.st_mode));
  errno = 0;
  TRUE("open outside preopens fails", open("/etc/passwd", O_RDONLY) < 0);
  EXPECT("errno outside preopens", errno, ENOTCAPABLE);
  TRUE("access", access("/sandbox/hello.txt", R_OK) == 0);
  TRUE("mkdir libc", mkdir("/sandbox/list/made", 0755) == 0);
  TRUE("rmdir libc", rmdir("/sandbox/list/made") == 0);
}

int main(void) {
  tree();
  readdir_checks();
  return finish();
}
