/* grow_loop.c — a wasm32-wasi program that mallocs 1 MiB blocks until
 * malloc fails (linked with a 16 MiB maximum memory), writes the first
 * and last byte of each, and checks them. Every strategy prints the same
 * count; the grow that fails must not disturb what was allocated. */
#include <stdio.h>
#include <stdlib.h>

#define BLOCK (1 << 20)

int main(void) {
  static char *blocks[64];
  int n = 0;
  while (n < 64 && (blocks[n] = malloc(BLOCK)) != NULL) {
    blocks[n][0] = (char)n;
    blocks[n][BLOCK - 1] = (char)(n + 1);
    n++;
  }
  int bad = 0;
  for (int i = 0; i < n; i++)
    bad += blocks[i][0] != (char)i || blocks[i][BLOCK - 1] != (char)(i + 1);
  printf("blocks %d bad %d pages %lu\n", n, bad, (unsigned long)__builtin_wasm_memory_size(0));
  return bad != 0;
}
