/* zstd: compress and decompress a generated, text-like buffer with the
 * zstd library from the zstd-sys crate (level 3 and level 9), checking
 * the round trip. Built without assembly and without BMI2 dispatch, so
 * native and wasm run the same C. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "zstd.h"

#ifdef QUICK
#define LEN (64 << 10)
#define ROUNDS 1
#else
#define LEN (8 << 20)
#define ROUNDS 1
#endif

static const char *words[] = {"alpha", "beta", "gamma", "delta", "wasm", "native", "compile",
                              "memory", "bounds", "check", "guard", "page", "vector", "loop",
                              "the", "of", "and", "to", "in", "a"};

int main(void) {
  char *src = malloc(LEN), *dec = malloc(LEN);
  size_t cap = ZSTD_compressBound(LEN);
  char *comp = malloc(cap);
  if (!src || !dec || !comp) return 2;
  uint32_t x = 99991;
  size_t pos = 0;
  while (pos < LEN) { /* words with some numbers: compresses roughly 3-4x */
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    const char *w = words[x % 20];
    char tmp[32];
    int n = (x >> 8) % 5 == 0 ? snprintf(tmp, sizeof tmp, "%u ", (x >> 12) % 100000)
                               : snprintf(tmp, sizeof tmp, "%s ", w);
    for (int i = 0; i < n && pos < LEN; i++) src[pos++] = tmp[i];
  }
  uint64_t hash = 1469598103934665603ull;
  for (int r = 0; r < ROUNDS; r++) {
    for (int level = 3; level <= 9; level += 6) {
      size_t clen = ZSTD_compress(comp, cap, src, LEN, level);
      if (ZSTD_isError(clen)) { fprintf(stderr, "compress: %s\n", ZSTD_getErrorName(clen)); return 1; }
      size_t dlen = ZSTD_decompress(dec, LEN, comp, clen);
      if (ZSTD_isError(dlen) || dlen != LEN || memcmp(src, dec, LEN) != 0) { fprintf(stderr, "round trip failed\n"); return 1; }
      /* The compressed bytes legitimately differ between 64-bit native and
       * wasm32 builds (zstd's match finders depend on the word size), so
       * only facts independent of it are printed: the round trip, and the
       * compressed size in coarse buckets never near a boundary here. */
      for (size_t i = 0; i < dlen; i += 61) hash = (hash ^ (uint8_t)dec[i]) * 1099511628211ull;
      printf("level %d: %zu bytes, round trip ok, ratio > 2: %d\n", level, (size_t)LEN, clen * 2 < LEN);
    }
  }
  printf("hash %016llx\n", (unsigned long long)hash);
  return 0;
}
