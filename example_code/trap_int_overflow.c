/* Trap: INT32_MIN / -1, which overflows (i32.div_s traps; in C it is
 * undefined, so this program is wasm-only). INT32_MIN / -2 right before it
 * must not trap.
 * Expected: "awsm: trap: integer overflow". */
#include <stdint.h>
#include <stdio.h>

int main(void) {
  volatile int32_t num = INT32_MIN, den = -2;
  printf("INT32_MIN / -2 = %d\n", num / den);
  fflush(stdout);
  den = -1;
  printf("INT32_MIN / -1 = %d\n", num / den);
  return 0;
}
