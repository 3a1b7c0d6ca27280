/* Trap: unbounded recursion. The base case compares against a volatile
 * global that never matches, and the result feeds a non-associative
 * expression, so the optimiser can neither drop the recursion nor turn it
 * into a loop. The function has no address-taken locals, so at clang -O2 it
 * uses no shadow stack; at clang -O0 every frame also takes shadow-stack
 * space, which is why the .expected file links a 64 MiB shadow stack: the
 * native call stack must run out first.
 * Expected: "awsm: trap: call stack exhausted". */
#include <stdint.h>
#include <stdio.h>

static volatile int32_t never = -1;

static int32_t descend(int32_t depth) {
  if (depth == never)
    return 1;
  return descend(depth + 1) * 3 + depth;
}

int main(void) {
  printf("recursing\n");
  fflush(stdout);
  int32_t r = descend(0);
  printf("recursion returned %d\n", r);
  return 0;
}
