/* Trap: unsigned 64-bit remainder by zero (i64.rem_u).
 * Expected: "awsm: trap: integer divide by zero". */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

int main(void) {
  volatile uint64_t num = 0xFFFFFFFFFFFFFFFFull, den = 1000000007ull;
  printf("%" PRIu64 " %% %" PRIu64 " = %" PRIu64 "\n", num, den, num % den);
  fflush(stdout);
  den = 0;
  printf("remainder by zero = %" PRIu64 "\n", num % den);
  return 0;
}
