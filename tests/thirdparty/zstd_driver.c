/*
 * zstd_driver.c — exercises zstd (the library sources bundled in the
 * zstd-sys crate, fetched at test time): generates a mixed text/binary
 * input, writes it to argv[1]/input.bin, then for several levels
 * compresses it (one shot and streaming) to argv[1]/out-L.zst, reads that
 * back, decompresses and checks it. tests/thirdparty.rs compares the
 * printed sizes and checksums with a native build.
 */
#define XXH_STATIC_LINKING_ONLY
#include "zstd.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t fnv(const unsigned char *p, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++)
    h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

static int write_file(const char *path, const void *data, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(data, 1, n, f) != n) {
    printf("cannot write %s\n", path);
    return -1;
  }
  return fclose(f);
}

static unsigned char *read_file(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *buf = malloc((size_t)len);
  *n = fread(buf, 1, (size_t)len, f);
  fclose(f);
  return buf;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: zstd_driver DIR\n");
    return 2;
  }
  printf("zstd %s\n", ZSTD_versionString());
  size_t size = 1 << 20;
  unsigned char *input = malloc(size);
  const char *words[] = {"wasm ", "sandbox ", "compile ", "ahead ", "of ", "time ", "native ",
                         "code\n", "trap ", "memory "};
  uint32_t seed = 42;
  for (size_t i = 0; i < size;) {
    seed = seed * 1664525u + 1013904223u;
    if ((seed >> 28) == 0) { /* a run of noise */
      for (int k = 0; k < 16 && i < size; k++) {
        seed = seed * 1664525u + 1013904223u;
        input[i++] = (unsigned char)(seed >> 24);
      }
    } else {
      const char *w = words[(seed >> 16) % 10];
      for (size_t k = 0; w[k] && i < size; k++)
        input[i++] = (unsigned char)w[k];
    }
  }
  char path[512];
  snprintf(path, sizeof path, "%s/input.bin", argv[1]);
  if (write_file(path, input, size))
    return 1;
  size_t got;
  unsigned char *reread = read_file(path, &got);
  printf("input %zu bytes, fnv %016llx, reread %s\n", size, (unsigned long long)fnv(input, size),
         reread && got == size && !memcmp(reread, input, size) ? "ok" : "BAD");
  free(reread);
  int levels[] = {1, 3, 9, 19};
  size_t bound = ZSTD_compressBound(size);
  unsigned char *comp = malloc(bound), *back = malloc(size);
  for (int l = 0; l < 4; l++) {
    size_t c = ZSTD_compress(comp, bound, input, size, levels[l]);
    if (ZSTD_isError(c)) {
      printf("level %d: %s\n", levels[l], ZSTD_getErrorName(c));
      continue;
    }
    snprintf(path, sizeof path, "%s/out-%d.zst", argv[1], levels[l]);
    write_file(path, comp, c);
    size_t n;
    unsigned char *file = read_file(path, &n);
    size_t d = ZSTD_decompress(back, size, file, n);
    printf("level %2d: %zu -> %zu bytes, fnv %016llx, frame size %llu, round trip %s\n", levels[l],
           size, c, (unsigned long long)fnv(comp, c),
           (unsigned long long)ZSTD_getFrameContentSize(file, n),
           !ZSTD_isError(d) && d == size && !memcmp(back, input, size) ? "ok" : "BAD");
    free(file);
  }
  /* Streaming, with small buffers. */
  ZSTD_CCtx *cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, 5);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
  snprintf(path, sizeof path, "%s/stream.zst", argv[1]);
  FILE *out = fopen(path, "wb");
  unsigned char obuf[4096];
  for (size_t at = 0; at < size;) {
    size_t chunk = size - at < 10000 ? size - at : 10000;
    ZSTD_inBuffer in = {input + at, chunk, 0};
    ZSTD_EndDirective mode = at + chunk == size ? ZSTD_e_end : ZSTD_e_continue;
    size_t left;
    do {
      ZSTD_outBuffer o = {obuf, sizeof obuf, 0};
      left = ZSTD_compressStream2(cctx, &o, &in, mode);
      fwrite(obuf, 1, o.pos, out);
    } while (mode == ZSTD_e_end ? left != 0 : in.pos < in.size);
    at += chunk;
  }
  fclose(out);
  ZSTD_freeCCtx(cctx);
  size_t n;
  unsigned char *file = read_file(path, &n);
  ZSTD_DCtx *dctx = ZSTD_createDCtx();
  ZSTD_inBuffer in = {file, n, 0};
  size_t total = 0;
  uint64_t h = 1469598103934665603ull;
  while (in.pos < in.size) {
    ZSTD_outBuffer o = {obuf, sizeof obuf, 0};
    size_t r = ZSTD_decompressStream(dctx, &o, &in);
    if (ZSTD_isError(r)) {
      printf("stream: %s\n", ZSTD_getErrorName(r));
      break;
    }
    for (size_t i = 0; i < o.pos; i++)
      h = (h ^ obuf[i]) * 1099511628211ull;
    total += o.pos;
  }
  ZSTD_freeDCtx(dctx);
  printf("stream: %zu bytes compressed, fnv %016llx; %zu bytes back, fnv %016llx\n", n,
         (unsigned long long)fnv(file, n), total, (unsigned long long)h);
  printf("done\n");
  return 0;
}
