/* Trap: an indirect call through a function pointer holding 12345, an index
 * far past the end of the function table.
 * Expected: "awsm: trap: undefined element". */
#include <stdint.h>
#include <stdio.h>

static int32_t answer(void) { return 42; }

int main(void) {
  int32_t (*volatile fp)(void) = answer;
  printf("valid call returns %d\n", fp());
  fflush(stdout);
  fp = (int32_t (*)(void))(uintptr_t)12345;
  printf("bogus call returns %d\n", fp());
  return 0;
}
