/* Error paths without setjmp: parsing and validation that report failures
 * through return codes and out-parameters, propagate them up several calls,
 * clean up on every path, and map them to messages. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum status { OK = 0, E_EMPTY, E_SYNTAX, E_RANGE, E_NOMEM, E_DIV0 };

static const char *describe(enum status s) {
  switch (s) {
  case OK: return "ok";
  case E_EMPTY: return "empty input";
  case E_SYNTAX: return "syntax error";
  case E_RANGE: return "out of range";
  case E_NOMEM: return "out of memory";
  case E_DIV0: return "division by zero";
  }
  return "?";
}

static enum status parse_number(const char **p, int32_t *out) {
  int64_t v = 0;
  int neg = 0, digits = 0;
  if (**p == '-') {
    neg = 1;
    ++*p;
  }
  while (**p >= '0' && **p <= '9') {
    v = v * 10 + (**p - '0');
    if (v > 2147483648LL)
      return E_RANGE;
    ++*p;
    digits++;
  }
  if (!digits)
    return E_SYNTAX;
  if (neg)
    v = -v;
  if (v > INT32_MAX || v < INT32_MIN)
    return E_RANGE;
  *out = (int32_t)v;
  return OK;
}

/* "a op b" with op in + - * / */
static enum status eval(const char *text, int32_t *result) {
  if (!*text)
    return E_EMPTY;
  char *copy = malloc(strlen(text) + 1);
  if (!copy)
    return E_NOMEM;
  strcpy(copy, text);
  const char *p = copy;
  int32_t a, b;
  enum status s = parse_number(&p, &a);
  if (s != OK)
    goto out;
  char op = *p++;
  s = parse_number(&p, &b);
  if (s != OK)
    goto out;
  if (*p != '\0') {
    s = E_SYNTAX;
    goto out;
  }
  int64_t r;
  switch (op) {
  case '+': r = (int64_t)a + b; break;
  case '-': r = (int64_t)a - b; break;
  case '*': r = (int64_t)a * b; break;
  case '/':
    if (b == 0) {
      s = E_DIV0;
      goto out;
    }
    r = (int64_t)a / b;
    break;
  default: s = E_SYNTAX; goto out;
  }
  if (r > INT32_MAX || r < INT32_MIN) {
    s = E_RANGE;
    goto out;
  }
  *result = (int32_t)r;
out:
  free(copy);
  return s;
}

static enum status eval_all(const char *const *exprs, int n, int64_t *sum, int *failed_at) {
  *sum = 0;
  for (int i = 0; i < n; i++) {
    int32_t v;
    enum status s = eval(exprs[i], &v);
    if (s != OK) {
      *failed_at = i;
      return s;
    }
    *sum += v;
  }
  return OK;
}

int main(void) {
  const char *const cases[] = {"1+2", "-5*7", "100/7", "7/0", "", "12x3", "99999999999+1",
                               "2147483647+1", "-2147483648/-1", "-2147483648+0", "3+", "42-50"};
  int ok = 0, failed = 0;
  for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    int32_t v = 0;
    enum status s = eval(cases[i], &v);
    if (s == OK) {
      printf("'%s' = %d\n", cases[i], v);
      ok++;
    } else {
      printf("'%s' -> error %d (%s)\n", cases[i], s, describe(s));
      failed++;
    }
  }
  printf("%d ok, %d failed\n", ok, failed);
  const char *const batch1[] = {"1+1", "2*3", "10/3"};
  const char *const batch2[] = {"1+1", "5/0", "10/3"};
  int64_t sum;
  int at = -1;
  enum status s = eval_all(batch1, 3, &sum, &at);
  printf("batch1: %s sum %lld\n", describe(s), (long long)sum);
  s = eval_all(batch2, 3, &sum, &at);
  printf("batch2: %s at %d partial %lld\n", describe(s), at, (long long)sum);
  return failed == 7 ? 0 : 1;
}
