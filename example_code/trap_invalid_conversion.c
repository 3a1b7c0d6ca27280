/* Trap: the trapping float-to-int instruction i32.trunc_f64_s applied to
 * NaN. Plain C casts compile to a guarded sequence that never traps, so
 * this uses clang's wasm builtin (wasm-only). The boundary value
 * -2147483648.9 truncates to INT32_MIN and must not trap.
 * Expected: "awsm: trap: invalid conversion to integer". */
#include <stdint.h>
#include <stdio.h>

int main(void) {
  volatile double edge = -2147483648.9, nan_ = __builtin_nan("");
  printf("trunc_s(-2147483648.9) = %d\n", __builtin_wasm_trunc_s_i32_f64(edge));
  fflush(stdout);
  printf("trunc_s(nan) = %d\n", __builtin_wasm_trunc_s_i32_f64(nan_));
  return 0;
}
