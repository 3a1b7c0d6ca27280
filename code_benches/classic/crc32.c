/* crc32: the IEEE 802.3 CRC-32 (reflected polynomial 0xEDB88320),
 * table-driven byte at a time, over a generated buffer many times. */
#include "../common/bench.h"
#define LEN SIZE(16 << 20, 1 << 12)
#define ROUNDS SIZE(20, 2)

static uint32_t table[256];

static uint32_t crc32(uint32_t crc, const uint8_t *p, size_t n) {
  crc = ~crc;
  for (size_t i = 0; i < n; i++) crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
  return ~crc;
}

int main(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  uint8_t *buf = ALLOC1(uint8_t, LEN);
  uint32_t x = 7;
  for (size_t i = 0; i < LEN; i++) {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    buf[i] = (uint8_t)x;
  }
  printf("check %08x\n", crc32(0, (const uint8_t *)"123456789", 9)); /* cbf43926 */
  uint32_t c = 0;
  for (int r = 0; r < ROUNDS; r++) {
    c = crc32(c, buf, LEN);
    buf[r] ^= (uint8_t)c;
  }
  printf("crc %08x\n", c);
  return 0;
}
