/* Trap: __builtin_trap(), which compiles to wasm `unreachable`, reached
 * after a call chain. Expected: "awsm: trap: unreachable". */
#include <stdio.h>

static volatile int armed = 1;

static void check(int value) {
  if (value > 2 && armed)
    __builtin_trap();
  printf("check(%d) passed\n", value);
}

int main(void) {
  for (int i = 0; i < 5; i++) {
    check(i);
    fflush(stdout);
  }
  printf("loop finished\n");
  return 0;
}
