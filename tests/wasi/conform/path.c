/*
 * path.c — preview1's path_* functions: path_open's oflags and rights
 * (O_DIRECTORY with write rights on a directory), trailing slashes,
 * symlinks and symlink loops, `..` and absolute paths that would leave the
 * preopen, create/remove directory, unlink, rename, link, readlink,
 * filestat get and set_times with the NOW flags.
 */
#include "conform.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#define NOFOLLOW 0
#define FOLLOW __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW

static int open_flags(const char *path, int lookup, int oflags,
                      __wasi_rights_t base) {
  __wasi_fd_t fd;
  int e =
      __wasi_path_open(SANDBOX, lookup, path, oflags, base, ALL_RIGHTS, 0, &fd);
  if (e == 0)
    (void)__wasi_fd_close(fd);
  return e;
}

static int open_plain(const char *path) {
  return open_flags(path, FOLLOW, 0, __WASI_RIGHTS_FD_READ);
}

static int filetype(const char *path, int lookup) {
  __wasi_filestat_t st;
  int e = __wasi_path_filestat_get(SANDBOX, lookup, path, &st);
  return e ? -e : st.filetype;
}

static void setup(void) {
  SHOW("mkdir d", __wasi_path_create_directory(SANDBOX, "d"));
  SHOW("mkdir d/e", __wasi_path_create_directory(SANDBOX, "d/e"));
  SHOW("make f.txt", make_file("f.txt", "file"));
  SHOW("make d/g.txt", make_file("d/g.txt", "g"));
}

static void open_cases(void) {
  SHOW("open file", open_plain("f.txt"));
  SHOW("open file trailing slash", open_plain("f.txt/"));
  SHOW("open dir trailing slash", open_plain("d/"));
  SHOW("open missing", open_plain("nope"));
  SHOW("open missing parent", open_plain("nope/x"));
  SHOW("open through a file", open_plain("f.txt/x"));
  SHOW("open empty path", open_plain(""));
  SHOW("open .", open_plain("."));
  SHOW("open d/..", open_plain("d/.."));
  SHOW("open d/./g.txt", open_plain("d/./g.txt"));
  SHOW("open d//g.txt", open_plain("d//g.txt"));
  SHOW("directory flag on file",
       open_flags("f.txt", FOLLOW, __WASI_OFLAGS_DIRECTORY,
                  __WASI_RIGHTS_FD_READ));
  SHOW("directory flag on dir", open_flags("d", FOLLOW, __WASI_OFLAGS_DIRECTORY,
                                           __WASI_RIGHTS_FD_READDIR));
  SHOW("directory flag, read+write rights",
       open_flags("d", FOLLOW, __WASI_OFLAGS_DIRECTORY,
                  __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE));
  SHOW(
      "directory flag, write right",
      open_flags("d", FOLLOW, __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_WRITE));
  SHOW("directory flag, allocate right",
       open_flags("d", FOLLOW, __WASI_OFLAGS_DIRECTORY,
                  __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_ALLOCATE));
  SHOW("directory flag, set_size right",
       open_flags("d", FOLLOW, __WASI_OFLAGS_DIRECTORY,
                  __WASI_RIGHTS_FD_FILESTAT_SET_SIZE));
  SHOW("dir without flag, write right",
       open_flags("d", FOLLOW, 0, __WASI_RIGHTS_FD_WRITE));
  SHOW("dir without flag, read right",
       open_flags("d", FOLLOW, 0, __WASI_RIGHTS_FD_READ));
  SHOW("dir without flag, allocate right",
       open_flags("d", FOLLOW, 0,
                  __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_ALLOCATE));
  SHOW("dir without flag, set_size right",
       open_flags("d", FOLLOW, 0,
                  __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_FILESTAT_SET_SIZE));
  SHOW("directory and creat",
       open_flags("newdir", FOLLOW,
                  __WASI_OFLAGS_DIRECTORY | __WASI_OFLAGS_CREAT,
                  __WASI_RIGHTS_FD_READ));
  SHOW("creat excl existing",
       open_flags("f.txt", FOLLOW, __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL,
                  __WASI_RIGHTS_FD_WRITE));
  SHOW("creat excl new",
       open_flags("new.txt", FOLLOW, __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL,
                  __WASI_RIGHTS_FD_WRITE));
  SHOW("creat on a directory",
       open_flags("d", FOLLOW, __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_WRITE));
  SHOW("creat with trailing slash",
       open_flags("new2.txt/", FOLLOW, __WASI_OFLAGS_CREAT,
                  __WASI_RIGHTS_FD_WRITE));
  SHOW("trunc", open_flags("new.txt", FOLLOW, __WASI_OFLAGS_TRUNC,
                           __WASI_RIGHTS_FD_WRITE));
  SHOW("trunc on a directory",
       open_flags("d", FOLLOW, __WASI_OFLAGS_TRUNC, __WASI_RIGHTS_FD_WRITE));
  __wasi_fd_t dir, fd;
  SHOW("open d as dir",
       __wasi_path_open(SANDBOX, FOLLOW, "d", __WASI_OFLAGS_DIRECTORY,
                        ALL_RIGHTS & ~__WASI_RIGHTS_FD_WRITE, ALL_RIGHTS, 0,
                        &dir));
  SHOW("open g.txt from d",
       open_in(dir, "g.txt", 0, __WASI_RIGHTS_FD_READ, 0, &fd));
  (void)__wasi_fd_close(fd);
  SHOW("open .. from d", open_in(dir, "..", 0, __WASI_RIGHTS_FD_READ, 0, &fd));
  SHOW("open ../f.txt from d",
       open_in(dir, "../f.txt", 0, __WASI_RIGHTS_FD_READ, 0, &fd));
  SHOW("open from a file fd",
       open_in(dir, "g.txt", 0, __WASI_RIGHTS_FD_READ, 0, &fd)
           ? 1
           : open_in(fd, "x", 0, __WASI_RIGHTS_FD_READ, 0, &fd));
  (void)__wasi_fd_close(dir);
}

static void escapes(void) {
  SHOW("open ..", open_plain(".."));
  SHOW("open ../x", open_plain("../x"));
  SHOW("open d/../../x", open_plain("d/../../x"));
  SHOW("open d/e/../../..", open_plain("d/e/../../.."));
  SHOW("open absolute", open_plain("/etc/passwd"));
  SHOW("open absolute /", open_plain("/"));
  SHOW("mkdir ../x", __wasi_path_create_directory(SANDBOX, "../x"));
  SHOW("filestat ..", filetype("..", FOLLOW) < 0 ? -filetype("..", FOLLOW) : 0);
  SHOW("symlink to ../outside",
       __wasi_path_symlink("../outside", SANDBOX, "esc"));
  SHOW("open through esc", open_plain("esc/x"));
  SHOW("open esc followed", open_plain("esc"));
  SHOW("symlink to d/../..", __wasi_path_symlink("d/../..", SANDBOX, "esc2"));
  SHOW("open esc2/sandbox", open_plain("esc2/sandbox"));
  SHOW("symlink absolute target", __wasi_path_symlink("/etc", SANDBOX, "abs"));
  SHOW("symlink named ../x", __wasi_path_symlink("f.txt", SANDBOX, "../x"));
  SHOW("unlink ../x", __wasi_path_unlink_file(SANDBOX, "../x"));
  SHOW("rename to ../x", __wasi_path_rename(SANDBOX, "f.txt", SANDBOX, "../x"));
  SHOW("link to ../x", __wasi_path_link(SANDBOX, 0, "f.txt", SANDBOX, "../x"));
}

static void symlinks(void) {
  SHOW("symlink ln -> f.txt", __wasi_path_symlink("f.txt", SANDBOX, "ln"));
  SHOW("symlink existing name", __wasi_path_symlink("f.txt", SANDBOX, "ln"));
  SHOW("symlink dln -> d", __wasi_path_symlink("d", SANDBOX, "dln"));
  SHOW("symlink dangling -> nowhere",
       __wasi_path_symlink("nowhere", SANDBOX, "dangling"));
  SHOW("symlink loop1 -> loop2",
       __wasi_path_symlink("loop2", SANDBOX, "loop1"));
  SHOW("symlink loop2 -> loop1",
       __wasi_path_symlink("loop1", SANDBOX, "loop2"));
  SHOW("symlink self -> self", __wasi_path_symlink("self", SANDBOX, "self"));
  SHOW("open ln followed", open_plain("ln"));
  SHOW("open ln not followed",
       open_flags("ln", NOFOLLOW, 0, __WASI_RIGHTS_FD_READ));
  SHOW("open dln/g.txt not followed",
       open_flags("dln/g.txt", NOFOLLOW, 0, __WASI_RIGHTS_FD_READ));
  SHOW("open dln/ not followed",
       open_flags("dln/", NOFOLLOW, 0, __WASI_RIGHTS_FD_READ));
  SHOW("open ln/ (trailing slash on file link)", open_plain("ln/"));
  SHOW("open dangling", open_plain("dangling"));
  SHOW("creat through dangling",
       open_flags("dangling", FOLLOW, __WASI_OFLAGS_CREAT,
                  __WASI_RIGHTS_FD_WRITE));
  SHOW("open loop1", open_plain("loop1"));
  SHOW("open loop1 not followed",
       open_flags("loop1", NOFOLLOW, 0, __WASI_RIGHTS_FD_READ));
  SHOW("open self", open_plain("self"));
  SHOW("open loop1/x", open_plain("loop1/x"));
  VALUE("filetype ln followed", filetype("ln", FOLLOW));
  VALUE("filetype ln not followed", filetype("ln", NOFOLLOW));
  VALUE("filetype loop1 followed (-errno)", -filetype("loop1", FOLLOW));
  VALUE("filetype loop1 not followed", filetype("loop1", NOFOLLOW));
  VALUE("filetype dln/ not followed", filetype("dln/", NOFOLLOW));
  char buf[32];
  __wasi_size_t n;
  memset(buf, 0, sizeof buf);
  SHOW("readlink ln",
       __wasi_path_readlink(SANDBOX, "ln", (uint8_t *)buf, sizeof buf, &n));
  VALUE("readlink length", n);
  printf("readlink target: %.*s\n", (int)n, buf);
  memset(buf, 0, sizeof buf);
  SHOW("readlink small buffer",
       __wasi_path_readlink(SANDBOX, "ln", (uint8_t *)buf, 3, &n));
  VALUE("readlink length", n);
  SHOW("readlink a file",
       __wasi_path_readlink(SANDBOX, "f.txt", (uint8_t *)buf, sizeof buf, &n));
  SHOW("readlink missing",
       __wasi_path_readlink(SANDBOX, "nope", (uint8_t *)buf, sizeof buf, &n));
  SHOW("readlink ln/",
       __wasi_path_readlink(SANDBOX, "ln/", (uint8_t *)buf, sizeof buf, &n));
  SHOW("unlink loop2", __wasi_path_unlink_file(SANDBOX, "loop2"));
  SHOW("unlink dln/", __wasi_path_unlink_file(SANDBOX, "dln/"));
  SHOW("unlink dln", __wasi_path_unlink_file(SANDBOX, "dln"));
  SHOW("remove_directory on a link to a dir",
       __wasi_path_symlink("d", SANDBOX, "dln2")
           ? 1
           : __wasi_path_remove_directory(SANDBOX, "dln2"));
}

static void tree(void) {
  SHOW("mkdir existing", __wasi_path_create_directory(SANDBOX, "d"));
  SHOW("mkdir trailing slash", __wasi_path_create_directory(SANDBOX, "m/"));
  SHOW("mkdir missing parent", __wasi_path_create_directory(SANDBOX, "nope/m"));
  SHOW("mkdir over a file", __wasi_path_create_directory(SANDBOX, "f.txt"));
  SHOW("mkdir .", __wasi_path_create_directory(SANDBOX, "."));
  SHOW("rmdir non-empty", __wasi_path_remove_directory(SANDBOX, "d"));
  SHOW("rmdir a file", __wasi_path_remove_directory(SANDBOX, "f.txt"));
  SHOW("rmdir missing", __wasi_path_remove_directory(SANDBOX, "nope"));
  SHOW("rmdir m", __wasi_path_remove_directory(SANDBOX, "m"));
  SHOW("rmdir .", __wasi_path_remove_directory(SANDBOX, "."));
  SHOW("rmdir d/e/..", __wasi_path_remove_directory(SANDBOX, "d/e/.."));
  SHOW("unlink a directory", __wasi_path_unlink_file(SANDBOX, "d"));
  SHOW("unlink a directory with slash", __wasi_path_unlink_file(SANDBOX, "d/"));
  SHOW("unlink missing", __wasi_path_unlink_file(SANDBOX, "nope"));
  SHOW("unlink file trailing slash",
       __wasi_path_unlink_file(SANDBOX, "f.txt/"));
  SHOW("make u.txt", make_file("u.txt", "u"));
  SHOW("unlink u.txt", __wasi_path_unlink_file(SANDBOX, "u.txt"));
  SHOW("make r.txt", make_file("r.txt", "r"));
  SHOW("rename file over file",
       __wasi_path_rename(SANDBOX, "r.txt", SANDBOX, "new.txt"));
  SHOW("rename missing",
       __wasi_path_rename(SANDBOX, "r.txt", SANDBOX, "x.txt"));
  SHOW("rename file over dir",
       __wasi_path_rename(SANDBOX, "new.txt", SANDBOX, "d"));
  SHOW("rename dir over file",
       __wasi_path_rename(SANDBOX, "d/e", SANDBOX, "new.txt"));
  SHOW("mkdir empty", __wasi_path_create_directory(SANDBOX, "empty"));
  SHOW("rename dir over empty dir",
       __wasi_path_rename(SANDBOX, "d/e", SANDBOX, "empty"));
  SHOW("rename dir over non-empty dir",
       __wasi_path_rename(SANDBOX, "empty", SANDBOX, "d"));
  SHOW("rename dir into itself",
       __wasi_path_rename(SANDBOX, "d", SANDBOX, "d/sub"));
  SHOW("rename file with trailing slash",
       __wasi_path_rename(SANDBOX, "new.txt/", SANDBOX, "n2.txt"));
  SHOW("rename to trailing slash",
       __wasi_path_rename(SANDBOX, "new.txt", SANDBOX, "n2.txt/"));
  SHOW("rename dir with trailing slashes",
       __wasi_path_rename(SANDBOX, "empty/", SANDBOX, "empty2/"));
  SHOW("link", __wasi_path_link(SANDBOX, 0, "new.txt", SANDBOX, "hard.txt"));
  __wasi_filestat_t st;
  SHOW("filestat hard.txt",
       __wasi_path_filestat_get(SANDBOX, 0, "hard.txt", &st));
  VALUE("nlink", st.nlink);
  SHOW("link existing target",
       __wasi_path_link(SANDBOX, 0, "new.txt", SANDBOX, "hard.txt"));
  SHOW("link a directory", __wasi_path_link(SANDBOX, 0, "d", SANDBOX, "dhard"));
  SHOW("link missing", __wasi_path_link(SANDBOX, 0, "nope", SANDBOX, "h2"));
  SHOW("link trailing slash",
       __wasi_path_link(SANDBOX, 0, "new.txt/", SANDBOX, "h3"));
  SHOW("link a symlink", __wasi_path_link(SANDBOX, 0, "ln", SANDBOX, "lnhard"));
  VALUE("filetype lnhard not followed", filetype("lnhard", NOFOLLOW));
  SHOW("link following a symlink",
       __wasi_path_link(SANDBOX, FOLLOW, "ln", SANDBOX, "lnfollow"));
}

static void stat_times(void) {
  __wasi_filestat_t st;
  SHOW("filestat f.txt", __wasi_path_filestat_get(SANDBOX, 0, "f.txt", &st));
  VALUE("size", st.size);
  VALUE("filetype", st.filetype);
  SHOW("filestat d", __wasi_path_filestat_get(SANDBOX, 0, "d", &st));
  VALUE("filetype", st.filetype);
  SHOW("filestat missing", __wasi_path_filestat_get(SANDBOX, 0, "nope", &st));
  SHOW("filestat f.txt/", __wasi_path_filestat_get(SANDBOX, 0, "f.txt/", &st));
  SHOW("filestat .", __wasi_path_filestat_get(SANDBOX, 0, ".", &st));
  const __wasi_timestamp_t t1 = 1000000000123456789ull,
                           t2 = 1100000000000000000ull;
  const __wasi_fstflags_t both = __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM;
  SHOW("set_times",
       __wasi_path_filestat_set_times(SANDBOX, 0, "f.txt", t1, t2, both));
  (void)__wasi_path_filestat_get(SANDBOX, 0, "f.txt", &st);
  FACT("atim", st.atim == t1);
  FACT("mtim", st.mtim == t2);
  SHOW("set_times mtim now",
       __wasi_path_filestat_set_times(SANDBOX, 0, "f.txt", 0, 0,
                                      __WASI_FSTFLAGS_MTIM_NOW));
  (void)__wasi_path_filestat_get(SANDBOX, 0, "f.txt", &st);
  FACT("atim kept", st.atim == t1);
  FACT("mtim now", st.mtim > 1577836800000000000ull);
  SHOW("set_times atim now",
       __wasi_path_filestat_set_times(SANDBOX, 0, "f.txt", 0, 0,
                                      __WASI_FSTFLAGS_ATIM_NOW));
  (void)__wasi_path_filestat_get(SANDBOX, 0, "f.txt", &st);
  FACT("atim now", st.atim > 1577836800000000000ull);
  SHOW("set_times atim and atim now",
       __wasi_path_filestat_set_times(SANDBOX, 0, "f.txt", t1, 0,
                                      __WASI_FSTFLAGS_ATIM |
                                          __WASI_FSTFLAGS_ATIM_NOW));
  SHOW("set_times mtim and mtim now",
       __wasi_path_filestat_set_times(SANDBOX, 0, "f.txt", 0, t1,
                                      __WASI_FSTFLAGS_MTIM |
                                          __WASI_FSTFLAGS_MTIM_NOW));
  SHOW("set_times missing",
       __wasi_path_filestat_set_times(SANDBOX, 0, "nope", t1, t2, both));
  SHOW("set_times through ln, followed",
       __wasi_path_filestat_set_times(SANDBOX, FOLLOW, "ln", t2, t1, both));
  (void)__wasi_path_filestat_get(SANDBOX, 0, "f.txt", &st);
  FACT("target's mtim", st.mtim == t1);
  SHOW("set_times ln, not followed",
       __wasi_path_filestat_set_times(SANDBOX, 0, "ln", t1, t2, both));
  (void)__wasi_path_filestat_get(SANDBOX, 0, "ln", &st);
  FACT("link's mtim", st.mtim == t2);
  (void)__wasi_path_filestat_get(SANDBOX, 0, "f.txt", &st);
  FACT("target's mtim kept", st.mtim == t1);
  SHOW("set_times d/",
       __wasi_path_filestat_set_times(SANDBOX, 0, "d/", t1, t1, both));
}

/* What a C program does: open a directory with open(2)'s flags. */
static void libc(void) {
  static const struct {
    const char *label;
    int flags;
  } cases[] = {
      {"open(d, O_RDONLY | O_DIRECTORY)", O_RDONLY | O_DIRECTORY},
      {"open(d, O_RDWR | O_DIRECTORY)", O_RDWR | O_DIRECTORY},
      {"open(d, O_WRONLY | O_DIRECTORY)", O_WRONLY | O_DIRECTORY},
      {"open(d, O_RDWR)", O_RDWR},
      {"open(d, O_RDONLY)", O_RDONLY},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    errno = 0;
    int fd = open("/sandbox/d", cases[i].flags);
    SHOW(cases[i].label, fd >= 0 ? 0 : errno);
    if (fd >= 0)
      close(fd);
  }
}

/* Open `path` beneath `dir` and close it again; the errno. */
static int open_through(__wasi_fd_t dir, const char *path, int oflags,
                        __wasi_rights_t base) {
  __wasi_fd_t fd;
  int e = __wasi_path_open(dir, FOLLOW, path, oflags, base, 0, 0, &fd);
  if (e == 0)
    (void)__wasi_fd_close(fd);
  return e;
}

/* Rights on directory descriptors: what a descriptor may do itself (base)
 * and pass on to what is opened through it (inheriting). */
static void rights(void) {
  __wasi_fd_t dir;
  const __wasi_rights_t read = __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_PATH_OPEN;
  SHOW("open d inheriting FD_READ only",
       __wasi_path_open(SANDBOX, FOLLOW, "d", __WASI_OFLAGS_DIRECTORY, read,
                        __WASI_RIGHTS_FD_READ, 0, &dir));
  SHOW("open g.txt for reading through it",
       open_through(dir, "g.txt", 0, __WASI_RIGHTS_FD_READ));
  SHOW("open g.txt for writing through it",
       open_through(dir, "g.txt", 0, __WASI_RIGHTS_FD_WRITE));
  SHOW("create a file through it",
       open_through(dir, "h.txt", __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_READ));
  SHOW("mkdir through it", __wasi_path_create_directory(dir, "sub"));
  (void)__wasi_fd_close(dir);
}

int main(void) {
  setup();
  rights();
  libc();
  open_cases();
  escapes();
  symlinks();
  tree();
  stat_times();
  return 0;
}
