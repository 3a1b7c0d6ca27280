/*
 * sandbox.c — what a WASI guest can reach, and its descriptor table.
 *
 * An awsm_sandbox is configured by the embedder: arguments, environment,
 * stdio and preopened directories and sockets. Each instance sees the
 * sandbox attached to it (awsm_sandbox_attach) or else the process-wide
 * default (awsm_sandbox_set_default; initially stdio only, with the
 * arguments of awsm_wasi_set_args).
 *
 * Descriptor tables are copy-on-write: until a guest opens, closes or
 * renumbers a descriptor it reads the sandbox's template table (stdio,
 * then preopens) in place and nothing is allocated. The first change
 * gives the instance its own table in `inst->wasi`; descriptors the
 * guest opened itself are `owned` and closed with it, the template's
 * host fds stay the sandbox's. awsm_sandbox_detach releases the table.
 */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64 /* 64-bit off_t on 32-bit hosts too */
#include "wasi_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

struct awsm_sandbox {
  int argc;
  const char *const *argv;
  int envc;
  const char *const *envp;
  char **owned_strings; /* argv and envp copies owned by this sandbox */
  wasi_fd *fds;         /* the template: 0-2 stdio, then preopens */
  uint32_t num_fds;
};

/* An instance's WASI state (ctx->wasi). */
typedef struct wasi_state {
  const awsm_sandbox *sandbox;
  wasi_fd *fds; /* own table, or NULL while the template is used */
  uint32_t num_fds;
} wasi_state;

/* Stdio is whatever the host's descriptors are (a terminal, a pipe, a
 * file that can seek): every right but the socket ones, and the host
 * decides, as for a native program. */
#define R_STDIO (R_ALL & ~R_SOCK_ACCEPT)
static wasi_fd builtin_stdio[3] = {
    {0, WASI_FILETYPE_UNKNOWN, 0, 1, R_STDIO, R_STDIO, NULL, NULL},
    {1, WASI_FILETYPE_UNKNOWN, 0, 1, R_STDIO, R_STDIO, NULL, NULL},
    {2, WASI_FILETYPE_UNKNOWN, 0, 1, R_STDIO, R_STDIO, NULL, NULL},
};
static awsm_sandbox builtin = {.fds = builtin_stdio, .num_fds = 3};
static const awsm_sandbox *_Atomic default_sandbox = &builtin;

void awsm_wasi_set_args(int argc, const char *const *argv, const char *const *envp) {
  builtin.argc = argv && argc > 0 ? argc : 0;
  builtin.argv = argv;
  builtin.envc = 0;
  while (envp && envp[builtin.envc])
    builtin.envc++;
  builtin.envp = envp;
}

static const awsm_sandbox *sandbox_of(awsm_instance *ctx) {
  wasi_state *s = ctx->wasi;
  return s ? s->sandbox : default_sandbox;
}

void wasi_args(awsm_instance *ctx, int *count, const char *const **list) {
  const awsm_sandbox *sb = sandbox_of(ctx);
  *count = sb->argc;
  *list = sb->argv;
}

void wasi_environ(awsm_instance *ctx, int *count, const char *const **list) {
  const awsm_sandbox *sb = sandbox_of(ctx);
  *count = sb->envc;
  *list = sb->envp;
}

uint8_t wasi_filetype(mode_t mode) {
  if (S_ISREG(mode))
    return WASI_FILETYPE_REGULAR_FILE;
  if (S_ISDIR(mode))
    return WASI_FILETYPE_DIRECTORY;
  if (S_ISCHR(mode))
    return WASI_FILETYPE_CHARACTER_DEVICE;
  if (S_ISBLK(mode))
    return WASI_FILETYPE_BLOCK_DEVICE;
  if (S_ISLNK(mode))
    return WASI_FILETYPE_SYMBOLIC_LINK;
  if (S_ISSOCK(mode))
    return WASI_FILETYPE_SOCKET_STREAM;
  return WASI_FILETYPE_UNKNOWN; /* pipes have no WASI filetype */
}

int32_t wasi_copy_path(awsm_instance *ctx, int32_t ptr, int32_t len, char **out) {
  const uint8_t *p = wasi_mem(ctx, ptr, (uint32_t)len);
  if (!p)
    return WASI_EFAULT;
  if (memchr(p, 0, (uint32_t)len))
    return WASI_EINVAL;
  char *s = malloc((size_t)(uint32_t)len + 1);
  if (!s)
    return WASI_ENOMEM;
  memcpy(s, p, (uint32_t)len);
  s[(uint32_t)len] = 0;
  *out = s;
  return WASI_ESUCCESS;
}

/* ------------------------------------------------------ descriptor table */

/* The table the instance reads: its own, or the sandbox's template. */
static wasi_fd *table(awsm_instance *ctx, uint32_t *count) {
  wasi_state *s = ctx->wasi;
  if (s && s->fds) {
    *count = s->num_fds;
    return s->fds;
  }
  const awsm_sandbox *sb = sandbox_of(ctx);
  *count = sb->num_fds;
  return sb->fds;
}

/* Give the instance its own table (a copy of the template); NULL on ENOMEM. */
static wasi_state *own_table(awsm_instance *ctx) {
  wasi_state *s = ctx->wasi;
  if (s && s->fds)
    return s;
  if (!s) {
    if (!(s = calloc(1, sizeof *s)))
      return NULL;
    s->sandbox = default_sandbox;
    ctx->wasi = s;
  }
  uint32_t n = s->sandbox->num_fds;
  s->fds = malloc((n ? n : 1) * sizeof *s->fds);
  if (!s->fds)
    return NULL;
  memcpy(s->fds, s->sandbox->fds, n * sizeof *s->fds);
  for (uint32_t i = 0; i < n; i++)
    s->fds[i].owned = 0; /* the sandbox's host fds stay the sandbox's */
  s->num_fds = n;
  return s;
}

wasi_fd *wasi_fd_get_own(awsm_instance *ctx, int32_t fd, uint64_t rights, int32_t *err) {
  if (!wasi_fd_get(ctx, fd, rights, err))
    return NULL;
  wasi_state *s = own_table(ctx);
  if (!s) {
    *err = WASI_ENOMEM;
    return NULL;
  }
  return &s->fds[fd];
}

wasi_fd *wasi_fd_get(awsm_instance *ctx, int32_t fd, uint64_t rights, int32_t *err) {
  uint32_t n;
  wasi_fd *t = table(ctx, &n);
  if (fd < 0 || (uint32_t)fd >= n || t[fd].host < 0) {
    *err = WASI_EBADF;
    return NULL;
  }
  uint64_t missing = rights & ~t[fd].base;
  if (missing) {
    *err = missing & (R_FD_READ | R_FD_WRITE) ? WASI_EBADF : WASI_ENOTCAPABLE;
    return NULL;
  }
  return &t[fd];
}

int32_t wasi_fd_insert(awsm_instance *ctx, int host, uint8_t filetype, uint64_t base,
                       uint64_t inheriting, int32_t *guest_fd) {
  wasi_state *s = own_table(ctx);
  if (!s) {
    close(host);
    return WASI_ENOMEM;
  }
  uint32_t slot = 0;
  while (slot < s->num_fds && s->fds[slot].host >= 0)
    slot++;
  if (slot == s->num_fds) {
    if (slot >= (uint32_t)INT32_MAX) {
      close(host);
      return awsm_errno_to_wasi(EMFILE);
    }
    wasi_fd *grown = realloc(s->fds, (slot + 1) * sizeof *grown);
    if (!grown) {
      close(host);
      return WASI_ENOMEM;
    }
    s->fds = grown;
    s->num_fds = slot + 1;
  }
  s->fds[slot] = (wasi_fd){host, filetype, 1, 0, base, inheriting, NULL, NULL};
  *guest_fd = (int32_t)slot;
  return WASI_ESUCCESS;
}

static void release(wasi_fd *f) {
  wasi_dir_free(f->dir);
  f->dir = NULL;
  if (f->owned)
    close(f->host);
  f->host = -1;
}

int32_t wasi_fd_close(awsm_instance *ctx, int32_t fd) {
  int32_t err;
  if (!wasi_fd_get(ctx, fd, 0, &err))
    return err;
  wasi_state *s = own_table(ctx);
  if (!s)
    return WASI_ENOMEM;
  release(&s->fds[fd]);
  /* Trim free slots at the end so the table does not only grow. */
  while (s->num_fds > 3 && s->fds[s->num_fds - 1].host < 0)
    s->num_fds--;
  return WASI_ESUCCESS;
}

int32_t wasi_fd_renumber(awsm_instance *ctx, int32_t from, int32_t to) {
  int32_t err;
  if (!wasi_fd_get(ctx, from, 0, &err) || !wasi_fd_get(ctx, to, 0, &err))
    return err;
  if (from == to)
    return WASI_ESUCCESS;
  wasi_state *s = own_table(ctx);
  if (!s)
    return WASI_ENOMEM;
  release(&s->fds[to]);
  s->fds[to] = s->fds[from];
  s->fds[from].host = -1;
  s->fds[from].dir = NULL;
  while (s->num_fds > 3 && s->fds[s->num_fds - 1].host < 0)
    s->num_fds--;
  return WASI_ESUCCESS;
}

/* ------------------------------------------------------- embedder API */

/* Guest fds 0-2 are host fds 0-2. If one of those is closed, the next
 * host open (a preopen, a file the guest opens) would take its number and
 * the guest would reach it as stdio, with stdio's rights; so a closed one
 * becomes /dev/null, as in any Rust program, the Wasmtime CLI included. */
static void occupy_stdio(void) {
  for (int fd = 0; fd < 3; fd++) {
    if (fcntl(fd, F_GETFD) == -1 && errno == EBADF)
      (void)open("/dev/null", O_RDWR); /* the lowest free number: fd */
  }
}

awsm_sandbox *awsm_sandbox_new(void) {
  occupy_stdio();
  awsm_sandbox *sb = calloc(1, sizeof *sb);
  if (!sb || !(sb->fds = malloc(3 * sizeof *sb->fds))) {
    free(sb);
    return NULL;
  }
  memcpy(sb->fds, builtin_stdio, sizeof builtin_stdio);
  sb->num_fds = 3;
  return sb;
}

void awsm_sandbox_free(awsm_sandbox *sb) {
  if (!sb || sb == &builtin)
    return;
  for (uint32_t i = 0; i < sb->num_fds; i++) {
    if (sb->fds[i].owned)
      close(sb->fds[i].host);
    free((char *)sb->fds[i].preopen);
  }
  free(sb->fds);
  for (char **s = sb->owned_strings; s && *s; s++)
    free(*s);
  free(sb->owned_strings);
  free((void *)sb->argv);
  free((void *)sb->envp);
  free(sb);
}

/* Copy `n` strings into a NULL-terminated array whose strings are also
 * recorded in sb->owned_strings. */
static const char *const *copy_strings(awsm_sandbox *sb, int n, const char *const *list) {
  size_t have = 0;
  while (sb->owned_strings && sb->owned_strings[have])
    have++;
  char **owned = realloc(sb->owned_strings, (have + (size_t)n + 1) * sizeof *owned);
  if (!owned)
    return NULL;
  sb->owned_strings = owned;
  owned[have] = NULL;
  char **copy = calloc((size_t)n + 1, sizeof *copy);
  if (!copy)
    return NULL;
  for (int i = 0; i < n; i++) {
    if (!(copy[i] = strdup(list[i]))) {
      free(copy);
      return NULL;
    }
    owned[have++] = copy[i];
    owned[have] = NULL;
  }
  return (const char *const *)copy;
}

int awsm_sandbox_set_args(awsm_sandbox *sb, int argc, const char *const *argv) {
  const char *const *copy = copy_strings(sb, argc > 0 ? argc : 0, argv);
  if (!copy)
    return -1;
  free((void *)sb->argv);
  sb->argv = copy;
  sb->argc = argc > 0 ? argc : 0;
  return 0;
}

int awsm_sandbox_set_env(awsm_sandbox *sb, const char *const *envp) {
  int n = 0;
  while (envp && envp[n])
    n++;
  const char *const *copy = copy_strings(sb, n, envp);
  if (!copy)
    return -1;
  free((void *)sb->envp);
  sb->envp = copy;
  sb->envc = n;
  return 0;
}

int awsm_sandbox_set_stdio(awsm_sandbox *sb, int in, int out, int err) {
  int fds[3] = {in, out, err};
  for (int i = 0; i < 3; i++)
    sb->fds[i].host = fds[i] < 0 ? -1 : fds[i];
  return 0;
}

static int add_template(awsm_sandbox *sb, wasi_fd fd) {
  wasi_fd *grown = realloc(sb->fds, (sb->num_fds + 1) * sizeof *grown);
  if (!grown)
    return -1;
  sb->fds = grown;
  sb->fds[sb->num_fds++] = fd;
  return 0;
}

int awsm_sandbox_preopen_dir(awsm_sandbox *sb, const char *host_path, const char *guest_path,
                             uint32_t flags, const char **error) {
  int fd = open(host_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 && errno == EACCES)
    fd = open(host_path, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    if (error)
      *error = awsm_error("cannot preopen %s: %s", host_path, strerror(errno));
    return -1;
  }
  uint64_t keep = flags & AWSM_PREOPEN_READONLY ? ~R_MUTATING : ~0ull;
  char *name = strdup(guest_path ? guest_path : host_path);
  wasi_fd entry = {fd,  WASI_FILETYPE_DIRECTORY, 1, 0, R_DIR_BASE & keep, R_INHERIT & keep, name,
                   NULL};
  if (!name || add_template(sb, entry) != 0) {
    free(name);
    close(fd);
    if (error)
      *error = "out of memory";
    return -1;
  }
  return 0;
}

int awsm_sandbox_preopen_socket(awsm_sandbox *sb, int host_fd, const char **error) {
  int type = 0;
  socklen_t len = sizeof type;
  if (getsockopt(host_fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0) {
    if (error)
      *error = awsm_error("cannot preopen socket fd %d: %s", host_fd, strerror(errno));
    return -1;
  }
  uint8_t ft = type == SOCK_DGRAM ? WASI_FILETYPE_SOCKET_DGRAM : WASI_FILETYPE_SOCKET_STREAM;
  wasi_fd entry = {host_fd, ft, 1, 0, R_SOCKET | R_SOCK_ACCEPT, R_SOCKET, NULL, NULL};
  if (add_template(sb, entry) != 0) {
    if (error)
      *error = "out of memory";
    return -1;
  }
  return 0;
}

void awsm_sandbox_set_default(const awsm_sandbox *sb) { default_sandbox = sb ? sb : &builtin; }

int awsm_sandbox_attach(awsm_instance *inst, const awsm_sandbox *sb) {
  awsm_sandbox_detach(inst);
  wasi_state *s = calloc(1, sizeof *s);
  if (!s)
    return -1;
  s->sandbox = sb ? sb : default_sandbox;
  inst->wasi = s;
  return 0;
}

/* The core calls this from awsm_instance_free (internal.h); it never names
 * WASI itself. */
__attribute__((constructor)) static void register_release_hook(void) {
  awsm_instance_release_hook = awsm_sandbox_detach;
}

void awsm_sandbox_detach(awsm_instance *inst) {
  wasi_state *s = inst ? inst->wasi : NULL;
  if (!s)
    return;
  for (uint32_t i = 0; s->fds && i < s->num_fds; i++)
    if (s->fds[i].host >= 0)
      release(&s->fds[i]);
  free(s->fds);
  free(s);
  inst->wasi = NULL;
}
