/* Function pointers: a table of operations called indirectly, pointers
 * passed as arguments and returned from functions, and pointers of several
 * signatures (each a distinct wasm type for call_indirect). */
#include <stdint.h>
#include <stdio.h>

typedef int32_t (*binop)(int32_t, int32_t);
typedef double (*unop_f)(double);
typedef int64_t (*mixed)(int32_t, int64_t, double);

static int32_t add(int32_t a, int32_t b) { return a + b; }
static int32_t sub(int32_t a, int32_t b) { return a - b; }
static int32_t mul(int32_t a, int32_t b) { return a * b; }
static int32_t max(int32_t a, int32_t b) { return a > b ? a : b; }
static int32_t xor_(int32_t a, int32_t b) { return a ^ b; }

static double halve(double x) { return x / 2; }
static double square(double x) { return x * x; }
static int64_t combine(int32_t a, int64_t b, double c) {
  return (int64_t)a * 1000 + b + (int64_t)(c * 10);
}

static const struct {
  const char *name;
  binop fn;
} ops[] = {{"add", add}, {"sub", sub}, {"mul", mul}, {"max", max}, {"xor", xor_}};

static int32_t fold(binop f, const int32_t *xs, int n, int32_t init) {
  for (int i = 0; i < n; i++)
    init = f(init, xs[i]);
  return init;
}

static binop pick(const char *name) {
  for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) {
    const char *a = ops[i].name, *b = name;
    while (*a && *a == *b)
      a++, b++;
    if (*a == *b)
      return ops[i].fn;
  }
  return 0;
}

/* volatile so the optimiser keeps the calls indirect. */
static unop_f volatile unops[2] = {halve, square};
static mixed volatile mixed_fn = combine;

int main(void) {
  const int32_t xs[] = {3, -7, 12, 5, 40, -2, 9};
  const int n = sizeof xs / sizeof xs[0];
  for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++)
    printf("fold %s = %d\n", ops[i].name, fold(ops[i].fn, xs, n, i == 2 ? 1 : 0));
  binop f = pick("max");
  printf("pick(max)(4, 9) = %d, pick(nope) is %s\n", f(4, 9),
         pick("nope") ? "set" : "null");
  double v = 3.0;
  for (int i = 0; i < 6; i++)
    v = unops[i & 1](v);
  printf("unops chain = %.6f\n", v);
  printf("mixed = %lld\n", (long long)mixed_fn(7, 123456789012LL, 2.5));
  printf("same pointer: %d, different: %d\n", pick("add") == add, pick("add") == sub);
  return 0;
}
