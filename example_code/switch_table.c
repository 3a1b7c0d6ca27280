/* Dense switches (lowered to br_table), a sparse switch, fallthrough and the
 * default arm, driven by values from a PRNG so nothing folds away. */
#include <stdint.h>
#include <stdio.h>

static int32_t dense(uint32_t x) {
  switch (x) {
  case 0: return 11;
  case 1: return 23;
  case 2: return 5;
  case 3: return 99;
  case 4: return -4;
  case 5: return 71;
  case 6: return 0;
  case 7: return 1234;
  case 8: return 8;
  case 9: return -77;
  case 10: return 42;
  case 11: return 3;
  default: return -1;
  }
}

static int32_t fallthrough(int32_t x) {
  int32_t acc = 0;
  switch (x) {
  case 0: acc += 1; /* fallthrough */
  case 1: acc += 10; /* fallthrough */
  case 2: acc += 100; break;
  case 3: acc += 1000; /* fallthrough */
  default: acc += 10000;
  }
  return acc;
}

static const char *sparse(int32_t x) {
  switch (x) {
  case -1000000: return "minus-million";
  case -1: return "minus-one";
  case 7: return "seven";
  case 4096: return "page";
  case 65536: return "wasm-page";
  case 2147483647: return "int-max";
  default: return "other";
  }
}

static char classify(unsigned char c) {
  switch (c) {
  case 'a': case 'e': case 'i': case 'o': case 'u': return 'v';
  case '0': case '1': case '2': case '3': case '4':
  case '5': case '6': case '7': case '8': case '9': return 'd';
  case ' ': case '\t': case '\n': return 's';
  default: return (c >= 'a' && c <= 'z') ? 'c' : '?';
  }
}

int main(void) {
  uint32_t state = 12345, sum = 0, hist[14] = {0};
  for (int i = 0; i < 100000; i++) {
    state = state * 1103515245u + 12345u;
    uint32_t k = (state >> 16) % 14; /* 12 and 13 hit default */
    hist[k]++;
    sum = sum * 7 + (uint32_t)dense(k);
  }
  printf("dense checksum %08x\n", sum);
  for (int i = 0; i < 14; i++)
    printf("%u%c", hist[i], i == 13 ? '\n' : ' ');
  for (int32_t x = -1; x <= 5; x++)
    printf("fallthrough(%d) = %d\n", x, fallthrough(x));
  const int32_t probes[] = {-1000000, -1, 0, 7, 4096, 65536, 2147483647, 65537};
  for (unsigned i = 0; i < sizeof probes / sizeof probes[0]; i++)
    printf("sparse(%d) = %s\n", probes[i], sparse(probes[i]));
  const char *text = "the quick brown fox 0123 jumps\tover 42 lazy dogs!\n";
  char classes[64];
  int n = 0;
  for (const char *p = text; *p; p++)
    classes[n++] = classify((unsigned char)*p);
  classes[n] = 0;
  printf("classes %s\n", classes);
  return 0;
}
