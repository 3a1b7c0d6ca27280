/* Trap: an indirect call to a real function through a pointer of another
 * type: add is (i32, i32) -> i32 but is called as (f64) -> f64.
 * Expected: "awsm: trap: indirect call type mismatch". */
#include <stdint.h>
#include <stdio.h>

static int32_t add(int32_t a, int32_t b) { return a + b; }

int main(void) {
  int32_t (*volatile fp)(int32_t, int32_t) = add;
  printf("add(2, 3) = %d\n", fp(2, 3));
  fflush(stdout);
  double (*wrong)(double) = (double (*)(double))(void (*)(void))fp; /* via void(*)(void): no warning */
  printf("mistyped call returns %f\n", wrong(1.5));
  return 0;
}
