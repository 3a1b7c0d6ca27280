/* Heap growth: allocations far beyond the initial linear memory (which
 * makes malloc call memory.grow), every page touched and verified, blocks
 * freed and reallocated, and a huge request that must fail cleanly. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MIB = 1 << 20 };

static uint32_t touch(uint8_t *p, size_t n, uint32_t seed) {
  for (size_t i = 0; i < n; i += 4096)
    p[i] = (uint8_t)(seed + i / 4096);
  p[n - 1] = (uint8_t)seed;
  uint32_t sum = 0;
  for (size_t i = 0; i < n; i += 4096)
    sum += p[i];
  return sum + p[n - 1];
}

int main(void) {
  uint8_t *blocks[6];
  uint32_t total = 0;
  for (int i = 0; i < 6; i++) {
    size_t size = (size_t)(i + 1) * 8 * MIB;
    blocks[i] = malloc(size);
    if (!blocks[i]) {
      printf("allocation %d of %d MiB failed\n", i, (int)(size / MIB));
      return 1;
    }
    uint32_t s = touch(blocks[i], size, (uint32_t)i * 7);
    total += s;
    printf("block %d: %3d MiB, page sum %u\n", i, (int)(size / MIB), s);
  }
  /* Earlier blocks must be intact after later growth. */
  int intact = 1;
  for (int i = 0; i < 6; i++)
    intact &= blocks[i][0] == (uint8_t)(i * 7) && blocks[i][4096] == (uint8_t)(i * 7 + 1);
  printf("total %u, earlier blocks intact %d\n", total, intact);
  for (int i = 0; i < 6; i += 2)
    free(blocks[i]);
  uint8_t *again = calloc(20, MIB);
  size_t nonzero = 0;
  for (size_t i = 0; again && i < 20u * MIB; i += 512)
    nonzero += again[i] != 0;
  printf("calloc 20 MiB after free: %s, nonzero %u\n", again ? "ok" : "failed", (unsigned)nonzero);
  free(again);
  for (int i = 1; i < 6; i += 2)
    free(blocks[i]);
  /* Larger than any 32-bit address space can hold: must return NULL, not trap. */
  volatile size_t huge = SIZE_MAX - 4096;
  void *volatile h = malloc(huge); /* volatile: keep the call from being elided */
  printf("malloc(SIZE_MAX - 4096) returned %s\n", h ? "memory" : "NULL");
  free(h);
  return 0;
}
