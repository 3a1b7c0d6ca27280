/*
 * embed_guest.c — the guest of embed_host.c: reports its arguments and
 * environment, reads /data/who.txt, tries to write /data/out.txt, and
 * leaves /data/who.txt open on purpose (awsm_sandbox_detach must close it).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  const char *who = getenv("WHO");
  printf("guest argv:");
  for (int i = 0; i < argc; i++)
    printf(" %s", argv[i]);
  printf("; WHO=%s", who ? who : "(unset)");
  char buf[64] = {0};
  int fd = open("/data/who.txt", O_RDONLY); /* left open */
  if (fd < 0 || read(fd, buf, sizeof buf - 1) < 0)
    printf("; who.txt: %s", strerror(errno));
  else
    printf("; who.txt=%s", strtok(buf, "\n"));
  FILE *out = fopen("/data/out.txt", "w");
  if (!out) {
    printf("; write: %s\n", strerror(errno));
  } else {
    fprintf(out, "written by %s\n", argv[0]);
    fclose(out);
    printf("; write: ok\n");
  }
  return 0;
}
