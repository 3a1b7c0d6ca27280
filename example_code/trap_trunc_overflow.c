/* Trap: i32.trunc_f64_u of 2^32, one past the largest representable result.
 * 4294967295.9 truncates to UINT32_MAX and must not trap (wasm-only).
 * Expected: "awsm: trap: integer overflow". */
#include <stdint.h>
#include <stdio.h>

int main(void) {
  volatile double edge = 4294967295.9, over = 4294967296.0;
  printf("trunc_u(4294967295.9) = %u\n", (uint32_t)__builtin_wasm_trunc_u_i32_f64(edge));
  fflush(stdout);
  printf("trunc_u(4294967296.0) = %u\n", (uint32_t)__builtin_wasm_trunc_u_i32_f64(over));
  return 0;
}
