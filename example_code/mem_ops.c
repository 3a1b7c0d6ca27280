/* memcpy, memset, memmove (overlapping both directions), memcmp and memchr
 * over buffers of many sizes and alignments; prints checksums. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned char buf[4096], ref[4096];

static uint32_t checksum(const unsigned char *p, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ p[i]) * 16777619u;
  return h;
}

static void fill(unsigned char *p, size_t n, uint32_t seed) {
  for (size_t i = 0; i < n; i++) {
    seed = seed * 1103515245u + 12345u;
    p[i] = (unsigned char)(seed >> 16);
  }
}

/* Byte-at-a-time reference memmove. */
static void slow_move(unsigned char *dst, const unsigned char *src, size_t n) {
  if (dst < src)
    for (size_t i = 0; i < n; i++)
      dst[i] = src[i];
  else
    for (size_t i = n; i-- > 0;)
      dst[i] = src[i];
}

int main(void) {
  uint32_t mismatches = 0, total = 0;
  static const size_t sizes[] = {0, 1, 2, 3, 7, 8, 15, 16, 31, 33, 64, 100, 255, 1000};
  for (unsigned s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
    for (size_t src = 0; src < 8; src += 3)
      for (size_t dst = 0; dst < 8; dst++) {
        size_t n = sizes[s];
        /* overlapping forward and backward moves */
        fill(buf, sizeof buf, (uint32_t)(n * 64 + src * 8 + dst));
        memcpy(ref, buf, sizeof buf);
        memmove(buf + 100 + dst, buf + 100 + src, n);
        slow_move(ref + 100 + dst, ref + 100 + src, n);
        mismatches += memcmp(buf, ref, sizeof buf) != 0;
        memmove(buf + 2000 + src, buf + 2000 + src + dst, n);
        slow_move(ref + 2000 + src, ref + 2000 + src + dst, n);
        mismatches += memcmp(buf, ref, sizeof buf) != 0;
        /* non-overlapping copy */
        memcpy(buf + 3000 + dst, buf + src, n);
        for (size_t i = 0; i < n; i++)
          ref[3000 + dst + i] = ref[src + i];
        mismatches += memcmp(buf, ref, sizeof buf) != 0;
        /* memset */
        memset(buf + 1500 + dst, (int)(n & 0xff) | 0x100, n); /* value is converted to unsigned char */
        for (size_t i = 0; i < n; i++)
          ref[1500 + dst + i] = (unsigned char)n;
        mismatches += memcmp(buf, ref, sizeof buf) != 0;
        total += 4;
      }
  printf("memmove/memcpy/memset: %u checks, %u mismatches, final %08x\n", total, mismatches, checksum(buf, sizeof buf));

  char text[] = "abcdefghijklmnopqrstuvwxyz";
  memmove(text + 3, text, 10);
  printf("overlap right: %s\n", text);
  memmove(text, text + 5, 12);
  printf("overlap left:  %s\n", text);
  const char *found = memchr(text, 'z', sizeof text);
  printf("memchr z at %d, q %s\n", (int)(found - text), memchr(text, 'Q', sizeof text) ? "found" : "absent");
  unsigned char a[] = {1, 2, 3, 200}, b[] = {1, 2, 3, 100};
  int c = memcmp(a, b, 4);
  printf("memcmp sign %d, equal prefix %d\n", (c > 0) - (c < 0), memcmp(a, b, 3));
  /* struct assignment and large memset */
  static uint64_t big[65536];
  memset(big, 0xA5, sizeof big);
  printf("big %016llx %08x\n", (unsigned long long)big[65535], checksum((unsigned char *)big, sizeof big));
  return 0;
}
