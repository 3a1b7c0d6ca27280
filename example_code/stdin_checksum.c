/* Reads all of stdin to EOF with fread in odd-sized chunks and reports the
 * byte count, line and word counts, a CRC-32 and an Adler-32. */
#include <stdint.h>
#include <stdio.h>

static uint32_t crc_table[256];

static void crc_init(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++)
      c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    crc_table[i] = c;
  }
}

int main(void) {
  crc_init();
  unsigned char chunk[777];
  uint32_t crc = 0xFFFFFFFFu, a = 1, b = 0;
  uint64_t bytes = 0, lines = 0, words = 0;
  int in_word = 0;
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
    for (size_t i = 0; i < n; i++) {
      unsigned char c = chunk[i];
      crc = crc_table[(crc ^ c) & 0xFF] ^ (crc >> 8);
      a = (a + c) % 65521;
      b = (b + a) % 65521;
      lines += c == '\n';
      int space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      words += !space && !in_word;
      in_word = !space;
    }
    bytes += n;
  }
  printf("bytes %llu lines %llu words %llu\n", (unsigned long long)bytes, (unsigned long long)lines,
         (unsigned long long)words);
  printf("crc32 %08x adler32 %08x\n", crc ^ 0xFFFFFFFFu, (b << 16) | a);
  printf("eof %d error %d\n", feof(stdin) != 0, ferror(stdin) != 0);
  return 0;
}
