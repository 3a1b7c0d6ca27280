/*
 * readdir.c — fd_readdir: cookies (0 rewinds and sees entries made since,
 * d_next continues, a cookie past the end is empty), buffers too small for
 * one entry, entries cut off at the end of the buffer, and the same
 * listing through wasi-libc's opendir/readdir/rewinddir. Names are printed
 * sorted, since the host's order is not the same from run to run.
 */
#include "conform.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#define MAX_NAMES 32

typedef struct {
  int count;
  char names[MAX_NAMES][32];
  uint8_t types[MAX_NAMES];
  __wasi_dircookie_t last_next;
} listing;

static int by_name(const void *a, const void *b) { return strcmp(a, b); }

/* List `fd` from `cookie` with `size`-byte calls until a call is not full. */
static int list(__wasi_fd_t fd, __wasi_dircookie_t cookie, size_t size,
                listing *out, int *calls) {
  static uint8_t buf[4096];
  memset(out, 0, sizeof *out);
  *calls = 0;
  for (;;) {
    __wasi_size_t used;
    int e = __wasi_fd_readdir(fd, buf, size, cookie, &used);
    ++*calls;
    if (e)
      return e;
    size_t pos = 0;
    int whole = 0;
    while (pos + sizeof(__wasi_dirent_t) <= used) {
      __wasi_dirent_t d;
      memcpy(&d, buf + pos, sizeof d);
      if (pos + sizeof d + d.d_namlen > used)
        break;
      if (out->count < MAX_NAMES && d.d_namlen < 32) {
        memcpy(out->names[out->count], buf + pos + sizeof d, d.d_namlen);
        out->types[out->count] = d.d_type;
        out->count++;
      }
      cookie = d.d_next;
      out->last_next = d.d_next;
      pos += sizeof d + d.d_namlen;
      whole++;
    }
    if (used < size)
      return 0;
    if (!whole)
      return __WASI_ERRNO_NOBUFS; /* not even one entry fits */
  }
}

static void print(const char *label, const listing *l) {
  char sorted[MAX_NAMES][40];
  for (int i = 0; i < l->count; i++)
    snprintf(sorted[i], sizeof sorted[i], "%s(%u)", l->names[i], l->types[i]);
  qsort(sorted, (size_t)l->count, sizeof sorted[0], by_name);
  printf("%s: %d entries:", label, l->count);
  for (int i = 0; i < l->count; i++)
    printf(" %s", sorted[i]);
  printf("\n");
}

static void raw(void) {
  __wasi_fd_t dir;
  SHOW("mkdir r", __wasi_path_create_directory(SANDBOX, "r"));
  SHOW("make r/a", make_file("r/a", "a"));
  SHOW("make r/bb", make_file("r/bb", "b"));
  SHOW("mkdir r/sub", __wasi_path_create_directory(SANDBOX, "r/sub"));
  SHOW("symlink r/ln", __wasi_path_symlink("a", SANDBOX, "r/ln"));
  SHOW("open r", __wasi_path_open(SANDBOX, 0, "r", __WASI_OFLAGS_DIRECTORY,
                                  ALL_RIGHTS & ~__WASI_RIGHTS_FD_WRITE,
                                  ALL_RIGHTS, 0, &dir));
  listing l;
  int calls;
  SHOW("list", list(dir, 0, 4096, &l, &calls));
  print("entries", &l);
  VALUE("last d_next", l.last_next);
  VALUE("calls", calls);
  static const size_t sizes[] = {1, 23, 24, 25, 30, 64, 100};
  for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
    char label[48];
    snprintf(label, sizeof label, "list with %zu-byte buffers", sizes[i]);
    SHOW(label, list(dir, 0, sizes[i], &l, &calls));
    print(label, &l);
  }
  uint8_t buf[256];
  __wasi_size_t used;
  SHOW("cookie past the end",
       __wasi_fd_readdir(dir, buf, sizeof buf, 1000, &used));
  VALUE("bytes", used);
  SHOW("cookie 2 after the end",
       __wasi_fd_readdir(dir, buf, sizeof buf, 2, &used));
  FACT("cookie 2 gives entries", used > 0);
  SHOW("zero-size buffer", __wasi_fd_readdir(dir, buf, 0, 0, &used));
  VALUE("bytes", used);
  /* A file made through the same directory descriptor shows up when the
   * listing starts again at cookie 0. */
  __wasi_fd_t fd;
  SHOW("create r/new through r",
       open_in(dir, "new", __WASI_OFLAGS_CREAT, ALL_RIGHTS, 0, &fd));
  (void)__wasi_fd_close(fd);
  SHOW("list again", list(dir, 0, 4096, &l, &calls));
  print("entries", &l);
  SHOW("unlink r/bb through r", __wasi_path_unlink_file(dir, "bb"));
  SHOW("list again", list(dir, 0, 4096, &l, &calls));
  print("entries", &l);
  SHOW("list from cookie 3", list(dir, 3, 4096, &l, &calls));
  VALUE("entries from cookie 3", l.count);
  __wasi_fd_t file;
  SHOW("open r/a", open_in(dir, "a", 0, ALL_RIGHTS, 0, &file));
  SHOW("readdir on a file", __wasi_fd_readdir(file, buf, sizeof buf, 0, &used));
  (void)__wasi_fd_close(file);
  SHOW("readdir on stdout", __wasi_fd_readdir(1, buf, sizeof buf, 0, &used));
  SHOW("readdir on a closed fd",
       __wasi_fd_readdir(60, buf, sizeof buf, 0, &used));
  (void)__wasi_fd_close(dir);
}

/* An empty directory listed to its end, then given a file through the
 * same descriptor: listing again from cookie 0 shows it. */
static void empty(void) {
  __wasi_fd_t dir, fd;
  listing l;
  int calls;
  SHOW("mkdir empty", __wasi_path_create_directory(SANDBOX, "empty"));
  SHOW("open empty",
       __wasi_path_open(SANDBOX, 0, "empty", __WASI_OFLAGS_DIRECTORY,
                        ALL_RIGHTS & ~__WASI_RIGHTS_FD_WRITE, ALL_RIGHTS, 0,
                        &dir));
  SHOW("list empty", list(dir, 0, 4096, &l, &calls));
  print("entries", &l);
  SHOW("create empty/first through it",
       open_in(dir, "first", __WASI_OFLAGS_CREAT, ALL_RIGHTS, 0, &fd));
  (void)__wasi_fd_close(fd);
  SHOW("list again", list(dir, 0, 4096, &l, &calls));
  print("entries", &l);
  SHOW("create empty/second through it",
       open_in(dir, "second", __WASI_OFLAGS_CREAT, ALL_RIGHTS, 0, &fd));
  (void)__wasi_fd_close(fd);
  SHOW("list again with 30-byte buffers", list(dir, 0, 30, &l, &calls));
  print("entries", &l);
  (void)__wasi_fd_close(dir);
}

/* What a C program does: list, create a file, rewind, list again. */
static void libc(const char *path) {
  printf("%s:\n", path);
  DIR *d = opendir(path);
  FACT("opendir", d != NULL);
  if (!d)
    return;
  int before = 0, after = 0;
  while (readdir(d))
    before++;
  char name[32];
  snprintf(name, sizeof name, "later%d", before);
  int fd = openat(dirfd(d), name, O_CREAT | O_WRONLY, 0644);
  FACT("openat(dirfd) creat", fd >= 0);
  close(fd);
  rewinddir(d);
  int seen = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    after++;
    seen |= !strcmp(e->d_name, name);
  }
  VALUE("entries before", before);
  VALUE("entries after rewinddir", after);
  FACT("new file listed", seen);
  closedir(d);
}

int main(void) {
  raw();
  empty();
  libc("/sandbox/r");
  SHOW("mkdir libc_empty", __wasi_path_create_directory(SANDBOX, "libc_empty"));
  libc("/sandbox/libc_empty");
  return 0;
}
