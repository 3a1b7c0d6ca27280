/*
 * escape.c — attempts to reach outside the preopened directories, each of
 * which must fail with the errno wasmtime gives (EPERM for a path that
 * leads outside, ELOOP for a final symlink not followed, ENOTCAPABLE for
 * missing rights). tests/wasi.rs then checks the host tree is untouched.
 *
 * Fixture: fd 3 "/sandbox" (read-write) holds hello.txt, sub/,
 * esc_link -> ../outside/secret.txt, abs_link -> <absolute host path of
 * outside/secret.txt>, esc_dir -> ../outside, chain1 -> chain2 ->
 * sub/../../outside, sub/deep -> ../../outside/secret.txt, up -> ..,
 * swap/ (a directory the harness keeps swapping with a symlink to
 * ../outside while "race" runs). fd 4 "/ro" is a read-only preopen of
 * ro/ holding ro.txt. outside/ holds secret.txt and swap_target.txt.
 */
#include "check.h"

#define EPERM_ __WASI_ERRNO_PERM
#define ALLR 0x1fffffffull

static int32_t try_open(int32_t dir, const char *path, int follow, int32_t oflags,
                        uint64_t rights) {
  __wasi_fd_t fd;
  int32_t e = raw_path_open(dir, follow, path, (int32_t)strlen(path), oflags, (int64_t)rights,
                            (int64_t)rights, 0, (int32_t *)&fd);
  if (e == 0 && __wasi_fd_close(fd) != 0)
    return -1;
  return e;
}

static void opens(void) {
  uint64_t r = __WASI_RIGHTS_FD_READ;
  EXPECT("open ..", try_open(PRE, "..", 1, 0, r), EPERM_);
  EXPECT("open ../outside/secret.txt", try_open(PRE, "../outside/secret.txt", 1, 0, r), EPERM_);
  EXPECT("open absolute", try_open(PRE, "/etc/passwd", 1, 0, r), EPERM_);
  EXPECT("open sub/../../outside/secret.txt",
         try_open(PRE, "sub/../../outside/secret.txt", 1, 0, r), EPERM_);
  EXPECT("open deep ../ chain",
         try_open(PRE, "sub/../sub/../../../../../../../../etc/passwd", 1, 0, r), EPERM_);
  EXPECT("open sub/.. stays inside", try_open(PRE, "sub/../hello.txt", 1, 0, r), 0);
  EXPECT("open esc_link follow", try_open(PRE, "esc_link", 1, 0, r), EPERM_);
  EXPECT("open esc_link nofollow", try_open(PRE, "esc_link", 0, 0, r), __WASI_ERRNO_LOOP);
  EXPECT("open abs_link", try_open(PRE, "abs_link", 1, 0, r), EPERM_);
  EXPECT("open esc_dir/secret.txt", try_open(PRE, "esc_dir/secret.txt", 0, 0, r), EPERM_);
  EXPECT("open chain1/secret.txt", try_open(PRE, "chain1/secret.txt", 0, 0, r), EPERM_);
  EXPECT("open chain1 follow", try_open(PRE, "chain1", 1, __WASI_OFLAGS_DIRECTORY, r), EPERM_);
  EXPECT("open sub/deep", try_open(PRE, "sub/deep", 1, 0, r), EPERM_);
  EXPECT("open up/outside/secret.txt", try_open(PRE, "up/outside/secret.txt", 1, 0, r), EPERM_);
  EXPECT("open up/ as directory", try_open(PRE, "up/", 0, __WASI_OFLAGS_DIRECTORY, r), EPERM_);
  EXPECT("creat ../outside/new.txt",
         try_open(PRE, "../outside/new.txt", 1, __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_WRITE),
         EPERM_);
  EXPECT("creat esc_dir/new.txt",
         try_open(PRE, "esc_dir/new.txt", 1, __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_WRITE), EPERM_);
  EXPECT("guest symlink out", __wasi_path_symlink("../outside/created.txt", PRE, "mk"), 0);
  EXPECT("creat through guest symlink",
         try_open(PRE, "mk", 1, __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_WRITE), EPERM_);
  EXPECT("trunc through esc_link",
         try_open(PRE, "esc_link", 1, __WASI_OFLAGS_TRUNC, __WASI_RIGHTS_FD_WRITE), EPERM_);

  /* A directory opened through a preopen is a root of its own. */
  __wasi_fd_t sub;
  EXPECT("open sub",
         raw_path_open(PRE, 0, "sub", 3, __WASI_OFLAGS_DIRECTORY, ALLR & ~__WASI_RIGHTS_FD_WRITE,
                       ALLR, 0, (int32_t *)&sub),
         0);
  EXPECT("sub: ..", try_open(sub, "..", 1, 0, r), EPERM_);
  EXPECT("sub: ../hello.txt", try_open(sub, "../hello.txt", 1, 0, r), EPERM_);
  EXPECT("sub: deep", try_open(sub, "deep", 1, 0, r), EPERM_);
  EXPECT("sub: mkdir ../x", __wasi_path_create_directory(sub, "../x"), EPERM_);
  __wasi_filestat_t st;
  EXPECT("sub: stat ..", __wasi_path_filestat_get(sub, 0, "..", &st), EPERM_);
  EXPECT("close sub", __wasi_fd_close(sub), 0);
}

static void tree_ops(void) {
  __wasi_filestat_t st;
  char buf[64];
  __wasi_size_t n;
  EXPECT("stat ..", __wasi_path_filestat_get(PRE, 0, "..", &st), EPERM_);
  EXPECT("stat /", __wasi_path_filestat_get(PRE, 0, "/", &st), EPERM_);
  EXPECT("stat esc_link follow",
         __wasi_path_filestat_get(PRE, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "esc_link", &st), EPERM_);
  EXPECT("stat esc_link nofollow", __wasi_path_filestat_get(PRE, 0, "esc_link", &st), 0);
  EXPECT("stat esc_dir/ (slash follows)", __wasi_path_filestat_get(PRE, 0, "esc_dir/", &st),
         EPERM_);
  EXPECT("stat esc_dir/secret.txt", __wasi_path_filestat_get(PRE, 0, "esc_dir/secret.txt", &st),
         EPERM_);
  EXPECT("mkdir ../outside/d", __wasi_path_create_directory(PRE, "../outside/d"), EPERM_);
  EXPECT("mkdir ..", __wasi_path_create_directory(PRE, ".."), EPERM_);
  EXPECT("mkdir esc_dir/d", __wasi_path_create_directory(PRE, "esc_dir/d"), EPERM_);
  EXPECT("rmdir ../outside", __wasi_path_remove_directory(PRE, "../outside"), EPERM_);
  EXPECT("rmdir ..", __wasi_path_remove_directory(PRE, ".."), EPERM_);
  EXPECT("unlink ../outside/secret.txt", __wasi_path_unlink_file(PRE, "../outside/secret.txt"),
         EPERM_);
  EXPECT("unlink esc_dir/secret.txt", __wasi_path_unlink_file(PRE, "esc_dir/secret.txt"), EPERM_);
  EXPECT("unlink ..", __wasi_path_unlink_file(PRE, ".."), EPERM_);
  EXPECT("rename out", __wasi_path_rename(PRE, "hello.txt", PRE, "../outside/stolen"), EPERM_);
  EXPECT("rename into esc_dir", __wasi_path_rename(PRE, "hello.txt", PRE, "esc_dir/stolen"),
         EPERM_);
  EXPECT("rename in from outside", __wasi_path_rename(PRE, "../outside/secret.txt", PRE, "got"),
         EPERM_);
  EXPECT("rename in via esc_dir", __wasi_path_rename(PRE, "esc_dir/secret.txt", PRE, "got"),
         EPERM_);
  EXPECT("rename .. away", __wasi_path_rename(PRE, "..", PRE, "x"), EPERM_);
  EXPECT("link out", __wasi_path_link(PRE, 0, "hello.txt", PRE, "../outside/hard"), EPERM_);
  EXPECT("link in from outside", __wasi_path_link(PRE, 0, "../outside/secret.txt", PRE, "hard"),
         EPERM_);
  EXPECT("link in via esc_dir", __wasi_path_link(PRE, 0, "esc_dir/secret.txt", PRE, "hard"),
         EPERM_);
  EXPECT("link follow esc_link",
         __wasi_path_link(PRE, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "esc_link", PRE, "hard"), EPERM_);
  EXPECT("link esc_dir/ (slash follows)", __wasi_path_link(PRE, 0, "esc_dir/", PRE, "hard"),
         EPERM_);
  EXPECT("symlink absolute", __wasi_path_symlink("/etc/passwd", PRE, "abs2"), EPERM_);
  EXPECT("symlink placed outside", __wasi_path_symlink("x", PRE, "../outside/l"), EPERM_);
  EXPECT("readlink outside", __wasi_path_readlink(PRE, "../outside/x", (uint8_t *)buf, 64, &n),
         EPERM_);
  EXPECT("readlink esc_dir/ (slash follows)",
         __wasi_path_readlink(PRE, "esc_dir/", (uint8_t *)buf, 64, &n), EPERM_);
  EXPECT("set_times follow esc_link",
         __wasi_path_filestat_set_times(PRE, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "esc_link", 0, 0,
                                        __WASI_FSTFLAGS_MTIM),
         EPERM_);
  EXPECT("set_times esc_dir/ (slash follows)",
         __wasi_path_filestat_set_times(PRE, 0, "esc_dir/", 0, 0, __WASI_FSTFLAGS_MTIM), EPERM_);
  EXPECT(
      "set_times ../outside/secret.txt",
      __wasi_path_filestat_set_times(PRE, 0, "../outside/secret.txt", 0, 0, __WASI_FSTFLAGS_MTIM),
      EPERM_);
}

static void rights(void) {
  __wasi_fd_t fd;
  EXPECT("ro: open read", try_open(4, "ro.txt", 1, 0, __WASI_RIGHTS_FD_READ), 0);
  EXPECT("ro: open write", try_open(4, "ro.txt", 1, 0, __WASI_RIGHTS_FD_WRITE),
         __WASI_ERRNO_NOTCAPABLE);
  EXPECT("ro: creat", try_open(4, "new.txt", 1, __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_READ),
         __WASI_ERRNO_NOTCAPABLE);
  EXPECT("ro: trunc", try_open(4, "ro.txt", 1, __WASI_OFLAGS_TRUNC, __WASI_RIGHTS_FD_READ),
         __WASI_ERRNO_NOTCAPABLE);
  EXPECT("ro: mkdir", __wasi_path_create_directory(4, "d"), __WASI_ERRNO_NOTCAPABLE);
  EXPECT("ro: unlink", __wasi_path_unlink_file(4, "ro.txt"), __WASI_ERRNO_NOTCAPABLE);
  EXPECT("ro: rename", __wasi_path_rename(4, "ro.txt", PRE, "x"), __WASI_ERRNO_NOTCAPABLE);
  EXPECT("ro: rename into", __wasi_path_rename(PRE, "hello.txt", 4, "x"), __WASI_ERRNO_NOTCAPABLE);
  EXPECT("ro: symlink", __wasi_path_symlink("ro.txt", 4, "l"), __WASI_ERRNO_NOTCAPABLE);
  EXPECT("ro: link", __wasi_path_link(4, 0, "ro.txt", 4, "l"), __WASI_ERRNO_NOTCAPABLE);
  EXPECT("ro: set_times",
         __wasi_path_filestat_set_times(4, 0, "ro.txt", 0, 0, __WASI_FSTFLAGS_MTIM_NOW),
         __WASI_ERRNO_NOTCAPABLE);
  __wasi_fdstat_t fs;
  EXPECT("ro: fdstat", __wasi_fd_fdstat_get(4, &fs), 0);
  TRUE("ro: no write rights to inherit", !(fs.fs_rights_inheriting & __WASI_RIGHTS_FD_WRITE));
  EXPECT("ro: libc open O_RDONLY", try_open(4, "ro.txt", 1, 0, fs.fs_rights_inheriting), 0);

  /* A directory opened with fewer rights passes on no more. */
  __wasi_fd_t sub;
  EXPECT("open sub narrow",
         raw_path_open(PRE, 0, "sub", 3, __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_PATH_OPEN,
                       __WASI_RIGHTS_FD_READ, 0, (int32_t *)&sub),
         0);
  EXPECT("narrow: read ok", try_open(sub, "../sub", 1, 0, __WASI_RIGHTS_FD_READ), EPERM_);
  EXPECT("narrow: more rights", try_open(sub, "x", 1, 0, __WASI_RIGHTS_FD_WRITE),
         __WASI_ERRNO_NOTCAPABLE);
  EXPECT("narrow: creat", try_open(sub, "x", 1, __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_READ),
         __WASI_ERRNO_NOTCAPABLE);
  EXPECT("narrow: mkdir", __wasi_path_create_directory(sub, "d"), __WASI_ERRNO_NOTCAPABLE);
  EXPECT("narrow: set_rights grow", __wasi_fd_fdstat_set_rights(sub, ALLR, ALLR),
         __WASI_ERRNO_NOTCAPABLE);
  EXPECT("close narrow", __wasi_fd_close(sub), 0);
  if (!WASMTIME) {
    EXPECT("undefined rights bits", try_open(PRE, "hello.txt", 1, 0, 1ull << 40),
           __WASI_ERRNO_INVAL);
  }
  EXPECT("preopen: shrink rights",
         __wasi_fd_fdstat_set_rights(PRE, __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_PATH_FILESTAT_GET,
                                     __WASI_RIGHTS_FD_READ),
         0);
  EXPECT("shrunk: read", try_open(PRE, "hello.txt", 1, 0, __WASI_RIGHTS_FD_READ), 0);
  EXPECT("shrunk: write", try_open(PRE, "hello.txt", 1, 0, __WASI_RIGHTS_FD_WRITE),
         __WASI_ERRNO_NOTCAPABLE);
  EXPECT("shrunk: unlink", __wasi_path_unlink_file(PRE, "hello.txt"), __WASI_ERRNO_NOTCAPABLE);
  (void)fd;
}

/* Open swap/swap_target.txt over and over while the harness swaps swap/
 * between a directory and a symlink to ../outside: never read outside. */
static void race(int rounds) {
  int inside = 0, outside = 0, failed = 0;
  for (int i = 0; i < rounds; i++) {
    __wasi_fd_t fd;
    int32_t e = raw_path_open(PRE, 1, "swap/swap_target.txt", 20, 0, __WASI_RIGHTS_FD_READ, 0, 0,
                              (int32_t *)&fd);
    if (e != 0) {
      failed++;
      continue;
    }
    char buf[16] = {0};
    __wasi_iovec_t iov = {(uint8_t *)buf, sizeof buf - 1};
    __wasi_size_t n;
    if (__wasi_fd_read(fd, &iov, 1, &n) == 0 && !strncmp(buf, "OUTSIDE", 7))
      outside++;
    else
      inside++;
    if (__wasi_fd_close(fd) != 0)
      failed++;
  }
  fprintf(stderr, "race: %d inside, %d refused, %d outside\n", inside, failed, outside);
  EXPECT("race: files read outside", outside, 0);
}

int main(int argc, char **argv) {
  if (argc > 2 && !strcmp(argv[1], "race")) {
    race(atoi(argv[2]));
    return finish();
  }
  opens();
  tree_ops();
  rights();
  return finish();
}
