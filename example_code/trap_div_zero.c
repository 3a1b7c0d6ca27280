/* Trap: signed 32-bit division by a zero read through volatile.
 * Expected: "awsm: trap: integer divide by zero". */
#include <stdint.h>
#include <stdio.h>

int main(void) {
  volatile int32_t num = 42, den = 7;
  printf("42 / 7 = %d\n", num / den);
  fflush(stdout);
  den = 0;
  printf("42 / 0 = %d\n", num / den);
  return 0;
}
