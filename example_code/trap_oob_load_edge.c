/* Trap: a 4-byte load that starts 2 bytes before the end of linear memory,
 * so its first byte is in bounds and its last is not. The last in-bounds
 * byte is read first to show the boundary is exact. wasm-only (uses
 * __builtin_wasm_memory_size). */
#include <stdint.h>
#include <stdio.h>

int main(void) {
  uintptr_t end = __builtin_wasm_memory_size(0) * 65536u;
  volatile uint8_t *last = (volatile uint8_t *)(end - 1);
  printf("last byte in bounds reads %u\n", *last);
  fflush(stdout);
  volatile uint32_t *straddle = (volatile uint32_t *)(end - 2);
  printf("straddling load read %u\n", *straddle);
  return 0;
}
