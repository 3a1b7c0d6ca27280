/* Trap: a store far beyond linear memory (address 0xFFFFFFF0).
 * Expected: "awsm: trap: out of bounds memory access", status 134, and the
 * output flushed before the store. */
#include <stdint.h>
#include <stdio.h>

int main(void) {
  volatile uint32_t addr = 0xFFFFFFF0u;
  printf("storing to %08x\n", addr);
  fflush(stdout);
  *(volatile int32_t *)(uintptr_t)addr = 1;
  printf("store did not trap\n");
  return 0;
}
