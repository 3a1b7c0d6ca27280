/* Bit manipulation and hashing: FNV-1a (32 and 64 bit), CRC-32 (bitwise
 * and table-driven, which must agree), MurmurHash3 finalizer, and a
 * xorshift64* stream, over known strings and a generated buffer. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t fnv1a32(const void *data, size_t n) {
  const unsigned char *p = data;
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ p[i]) * 16777619u;
  return h;
}

static uint64_t fnv1a64(const void *data, size_t n) {
  const unsigned char *p = data;
  uint64_t h = 14695981039346656037ULL;
  for (size_t i = 0; i < n; i++)
    h = (h ^ p[i]) * 1099511628211ULL;
  return h;
}

static uint32_t crc32_bitwise(const void *data, size_t n) {
  const unsigned char *p = data;
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; i++) {
    crc ^= p[i];
    for (int k = 0; k < 8; k++)
      crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
  }
  return ~crc;
}

static uint32_t table[256];
static uint32_t crc32_table(const void *data, size_t n) {
  const unsigned char *p = data;
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; i++)
    crc = table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

static uint64_t fmix64(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

static uint64_t xs_state = 88172645463325252ULL;
static uint64_t xorshift64star(void) {
  xs_state ^= xs_state >> 12;
  xs_state ^= xs_state << 25;
  xs_state ^= xs_state >> 27;
  return xs_state * 2685821657736338717ULL;
}

int main(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++)
      c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  const char *inputs[] = {"", "a", "foobar", "123456789", "The quick brown fox jumps over the lazy dog"};
  for (unsigned i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
    size_t n = strlen(inputs[i]);
    printf("'%s': fnv32 %08x fnv64 %016" PRIx64 " crc32 %08x/%08x\n", inputs[i], fnv1a32(inputs[i], n),
           fnv1a64(inputs[i], n), crc32_bitwise(inputs[i], n), crc32_table(inputs[i], n));
  }
  static unsigned char buf[1 << 16];
  for (size_t i = 0; i < sizeof buf; i += 8) {
    uint64_t r = xorshift64star();
    memcpy(buf + i, &r, 8);
  }
  printf("buffer: fnv32 %08x fnv64 %016" PRIx64 " crc32 %08x/%08x\n", fnv1a32(buf, sizeof buf), fnv1a64(buf, sizeof buf),
         crc32_bitwise(buf, sizeof buf), crc32_table(buf, sizeof buf));
  uint64_t m = 0;
  for (uint64_t i = 0; i < 1000; i++)
    m ^= fmix64(i);
  printf("fmix64 xor %016" PRIx64 ", next random %016" PRIx64 "\n", m, xorshift64star());
  /* bit tricks */
  uint32_t v = 0x00F0F0F0u;
  uint32_t rev = v;
  rev = ((rev >> 1) & 0x55555555u) | ((rev & 0x55555555u) << 1);
  rev = ((rev >> 2) & 0x33333333u) | ((rev & 0x33333333u) << 2);
  rev = ((rev >> 4) & 0x0F0F0F0Fu) | ((rev & 0x0F0F0F0Fu) << 4);
  rev = __builtin_bswap32(rev);
  uint32_t next_pow2 = v - 1;
  next_pow2 |= next_pow2 >> 1;
  next_pow2 |= next_pow2 >> 2;
  next_pow2 |= next_pow2 >> 4;
  next_pow2 |= next_pow2 >> 8;
  next_pow2 |= next_pow2 >> 16;
  printf("reverse %08x next_pow2 %08x lowest bit %08x clear lowest %08x\n", rev, next_pow2 + 1, v & (0u - v), v & (v - 1));
  return 0;
}
