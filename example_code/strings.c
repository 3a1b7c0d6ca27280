/* String functions: strlen, strcmp/strncmp, strchr/strrchr/strstr, strcpy/
 * strncpy/strcat, strtol/strtoll/strtoul with bases and end pointers,
 * snprintf truncation, atoi, and a tokenizer with strspn/strcspn. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sign(int x) { return (x > 0) - (x < 0); }

int main(void) {
  const char *s = "The quick brown fox jumps over the lazy dog";
  printf("strlen %u, empty %u\n", (unsigned)strlen(s), (unsigned)strlen(""));
  printf("strcmp signs %d %d %d %d\n", sign(strcmp("abc", "abd")), sign(strcmp("abc", "abc")),
         sign(strcmp("b", "abc")), sign(strcmp("abc", "ab")));
  printf("strncmp %d, high bit %d\n", sign(strncmp("hello", "help", 3)), sign(strcmp("\xe9", "e")));
  printf("strchr '%s' strrchr '%s' strstr '%s' missing %s\n", strchr(s, 'q'), strrchr(s, 'o'),
         strstr(s, "lazy"), strstr(s, "cat") ? "found" : "null");

  char buf[64];
  strcpy(buf, "alpha");
  strcat(buf, "-");
  strcat(buf, "beta");
  strncat(buf, "-gammadelta", 6);
  printf("built '%s' (%u)\n", buf, (unsigned)strlen(buf));
  char fixed[8];
  memset(fixed, 'X', sizeof fixed);
  strncpy(fixed, "abc", sizeof fixed); /* pads with NULs */
  printf("strncpy pad %d %d %d\n", fixed[3], fixed[7], (int)strlen(fixed));

  const char *nums[] = {"42", "  -17xyz", "0x1F", "0777", "zz", "+2147483647", "-2147483648", "1010"};
  const int bases[] = {10, 10, 16, 0, 36, 10, 10, 2};
  for (int i = 0; i < 8; i++) {
    char *end;
    errno = 0;
    long v = strtol(nums[i], &end, bases[i]);
    printf("strtol('%s', %d) = %d rest '%s' errno %d\n", nums[i], bases[i], (int)v, end, errno);
  }
  char *end;
  errno = 0;
  long long big = strtoll("9223372036854775807", &end, 10);
  printf("strtoll max %lld errno %d\n", big, errno);
  errno = 0;
  big = strtoll("99999999999999999999", &end, 10);
  printf("strtoll overflow %lld erange %d\n", big, errno == ERANGE);
  errno = 0;
  unsigned long long ub = strtoull("18446744073709551615", &end, 10);
  printf("strtoull %llu\n", ub);
  const char *letters = "abc";
  long none = strtol(letters, &end, 10);
  printf("no digits: value %d consumed %d\n", (int)none, (int)(end - letters));
  printf("atoi %d %d\n", atoi("123abc"), atoi("-0"));

  int n = snprintf(buf, 10, "%s-%d-%s", "truncate", 12345, "me");
  printf("snprintf returned %d, buffer '%s'\n", n, buf);
  n = snprintf(NULL, 0, "%08.3f|%-6s|%x|%o|%c", 3.14159, "ab", 255u, 8u, 'q');
  snprintf(buf, sizeof buf, "%08.3f|%-6s|%x|%o|%c", 3.14159, "ab", 255u, 8u, 'q');
  printf("measure %d '%s'\n", n, buf);

  char line[] = "  alpha, beta;gamma ,,delta  ";
  const char *delims = " ,;";
  char *p = line;
  int count = 0;
  printf("tokens:");
  while (*p) {
    p += strspn(p, delims);
    if (!*p)
      break;
    size_t len = strcspn(p, delims);
    printf(" <%.*s>", (int)len, p);
    p += len;
    count++;
  }
  printf(" (%d)\n", count);
  return 0;
}
