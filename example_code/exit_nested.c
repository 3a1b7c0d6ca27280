/* exit() from deep inside a call chain: buffered stdout written before the
 * call must be flushed, atexit handlers run in reverse order, and the code
 * after the exit call never runs. The exit status is 7. */
#include <stdio.h>
#include <stdlib.h>

static void first_registered(void) { printf("atexit: first registered, runs last\n"); }
static void second_registered(void) { printf("atexit: second registered, runs first\n"); }

static int depth_reached;

static int dive(int depth, int exit_at) {
  depth_reached = depth;
  if (depth == exit_at) {
    printf("exiting at depth %d\n", depth); /* no newline flush forced: stdout is a pipe */
    exit(7);
  }
  int r = dive(depth + 1, exit_at) + 1;
  printf("unreachable: returned through depth %d\n", depth);
  return r;
}

int main(void) {
  atexit(first_registered);
  atexit(second_registered);
  printf("start\n");
  int r = dive(0, 25);
  printf("main continued with %d (must not happen)\n", r);
  return 0;
}
