/* oob_store.c — a wasm32-wasi program that stores one byte past the end
 * of its linear memory. guard-pages/explicit: trap (exit 134). mask: the
 * store lands in the arena beyond the memory's size, harmlessly; the
 * program prints "survived". */
#include <stdio.h>

int main(void) {
  unsigned long end = __builtin_wasm_memory_size(0) * 65536ul;
  volatile char *p = (volatile char *)end;
  printf("size %lu\n", end);
  fflush(stdout);
  *p = 1;
  printf("survived\n");
  return 0;
}
