/* stderr output: fprintf(stderr) and fputs interleaved with stdout. The two
 * streams are checked separately (stderr is unbuffered, stdout buffered), so
 * each file's content is deterministic. Exits with status 2 like a tool
 * reporting a usage error. */
#include <stdio.h>

int main(void) {
  printf("stdout line 1\n");
  fprintf(stderr, "warning: %s %d\n", "something odd at line", 42);
  printf("stdout line 2\n");
  fputs("error: second diagnostic\n", stderr);
  fputc('!', stderr);
  fputc('\n', stderr);
  fprintf(stderr, "%5.2f%%\n", 99.5);
  printf("stdout line 3\n");
  return 2;
}
