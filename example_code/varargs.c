/* Variadic functions: a sum over a counted list of ints, a mixed-type
 * formatter driven by a type string (int, int64, double, string, char),
 * forwarding with va_copy and vsnprintf. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

static int64_t sum_ints(int count, ...) {
  va_list ap;
  va_start(ap, count);
  int64_t total = 0;
  for (int i = 0; i < count; i++)
    total += va_arg(ap, int);
  va_end(ap);
  return total;
}

/* Types: i = int, l = int64_t, d = double, s = string, c = char. */
static int format(char *out, size_t cap, const char *types, ...) {
  va_list ap;
  va_start(ap, types);
  size_t used = 0;
  for (const char *t = types; *t; t++) {
    int n = 0;
    switch (*t) {
    case 'i': n = snprintf(out + used, cap - used, "i:%d ", va_arg(ap, int)); break;
    case 'l': n = snprintf(out + used, cap - used, "l:%lld ", (long long)va_arg(ap, int64_t)); break;
    case 'd': n = snprintf(out + used, cap - used, "d:%.3f ", va_arg(ap, double)); break;
    case 's': n = snprintf(out + used, cap - used, "s:%s ", va_arg(ap, const char *)); break;
    case 'c': n = snprintf(out + used, cap - used, "c:%c ", va_arg(ap, int)); break;
    default: n = snprintf(out + used, cap - used, "?:%c ", *t); break;
    }
    if (n < 0 || (size_t)n >= cap - used)
      break;
    used += (size_t)n;
  }
  va_end(ap);
  return (int)used;
}

/* Walk the same list twice with va_copy. */
static double mean_and_max(int count, double *max, ...) {
  va_list ap, again;
  va_start(ap, max);
  va_copy(again, ap);
  double total = 0;
  for (int i = 0; i < count; i++)
    total += va_arg(ap, double);
  *max = -1e300;
  for (int i = 0; i < count; i++) {
    double v = va_arg(again, double);
    if (v > *max)
      *max = v;
  }
  va_end(again);
  va_end(ap);
  return total / count;
}

static int logf_(char *buf, size_t cap, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = snprintf(buf, cap, "[log] ");
  n += vsnprintf(buf + n, cap - (size_t)n, fmt, ap);
  va_end(ap);
  return n;
}

int main(void) {
  printf("sum0 %lld\n", (long long)sum_ints(0));
  printf("sum5 %lld\n", (long long)sum_ints(5, 1, -2, 3, -4, 5));
  printf("sum12 %lld\n", (long long)sum_ints(12, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 2147483647, 2147483647));
  char buf[256];
  int n = format(buf, sizeof buf, "ildscx", -42, (int64_t)-9876543210LL, 3.14159, "str", 'Z');
  printf("format(%d): %s\n", n, buf);
  n = format(buf, sizeof buf, "dldi", 0.5, (int64_t)INT64_MAX, -1e10, 7);
  printf("format(%d): %s\n", n, buf);
  double max;
  double mean = mean_and_max(5, &max, 1.5, -2.0, 9.25, 4.0, 0.25);
  printf("mean %.4f max %.4f\n", mean, max);
  n = logf_(buf, sizeof buf, "%s=%d (%5.1f%%) %c%c", "progress", 42, 87.25, 'o', 'k');
  printf("%s | %d chars\n", buf, n);
  n = logf_(buf, 12, "%s", "truncated message");
  printf("%s | would be %d chars\n", buf, n);
  return 0;
}
