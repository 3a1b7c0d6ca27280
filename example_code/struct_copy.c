/* Structs by value: passed to and returned from functions (small ones in
 * registers, large ones via hidden pointers), assigned, copied in arrays,
 * nested, and compared field by field. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct vec3 {
  double x, y, z;
};
struct pair {
  int32_t a;
  int64_t b;
};
struct big {
  int32_t data[200];
  char label[24];
  struct vec3 pos;
};
struct tiny {
  uint8_t r, g, b;
};

static struct vec3 add(struct vec3 a, struct vec3 b) { return (struct vec3){a.x + b.x, a.y + b.y, a.z + b.z}; }
static struct vec3 scale(struct vec3 v, double k) {
  v.x *= k; /* modifies the callee's copy only */
  v.y *= k;
  v.z *= k;
  return v;
}
static double dot(struct vec3 a, struct vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
static struct pair swap_pair(struct pair p) { return (struct pair){(int32_t)p.b, p.a}; }
static struct tiny mix(struct tiny a, struct tiny b) {
  return (struct tiny){(uint8_t)((a.r + b.r) / 2), (uint8_t)((a.g + b.g) / 2), (uint8_t)((a.b + b.b) / 2)};
}

static struct big make_big(int32_t seed, const char *label) {
  struct big b;
  memset(&b, 0, sizeof b);
  for (int i = 0; i < 200; i++)
    b.data[i] = seed * i - i * i;
  strncpy(b.label, label, sizeof b.label - 1);
  b.pos = (struct vec3){seed, -seed, seed * 0.5};
  return b;
}

static int64_t sum_big(struct big b) {
  int64_t s = 0;
  for (int i = 0; i < 200; i++)
    s += b.data[i];
  b.data[0] = 999999; /* must not affect the caller */
  return s;
}

static struct big tweak(struct big b) {
  b.data[199] = -1;
  b.label[0] = 'T';
  b.pos = scale(b.pos, 2);
  return b;
}

int main(void) {
  struct vec3 a = {1, 2, 3}, b = {-4, 0.5, 10};
  struct vec3 c = add(a, scale(b, 2));
  printf("c = (%.2f, %.2f, %.2f), dot(a,b) = %.2f, a unchanged x=%.1f\n", c.x, c.y, c.z, dot(a, b), a.x);
  struct pair p = swap_pair((struct pair){7, 123456789012LL});
  printf("pair %d %lld\n", p.a, (long long)p.b);
  struct tiny t = mix((struct tiny){255, 0, 10}, (struct tiny){1, 255, 20});
  printf("tiny %u %u %u\n", t.r, t.g, t.b);

  struct big x = make_big(17, "first");
  struct big y = x; /* struct assignment */
  int64_t sx = sum_big(x);
  printf("sum_big %lld, data[0] still %d, copies equal %d\n", (long long)sx, x.data[0], memcmp(&x, &y, sizeof x) == 0);
  struct big z = tweak(x);
  printf("tweaked %s %d pos %.1f %.1f %.1f; original %s %d\n", z.label, z.data[199], z.pos.x, z.pos.y, z.pos.z,
         x.label, x.data[199]);

  struct big arr[4];
  for (int i = 0; i < 4; i++)
    arr[i] = make_big(i, i % 2 ? "odd" : "even");
  struct big tmp = arr[0];
  arr[0] = arr[3];
  arr[3] = tmp;
  int64_t total = 0;
  for (int i = 0; i < 4; i++)
    total += sum_big(arr[i]) * (i + 1);
  printf("array of big: %lld %s %s\n", (long long)total, arr[0].label, arr[3].label);
  return 0;
}
