/* qsort of ints, of strings, and of structs with a multi-key comparator;
 * bsearch on the sorted result. Comparators give a total order (ties broken
 * by a unique id) because qsort is not stable and libcs differ. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct person {
  char name[12];
  int32_t age;
  double score;
  uint32_t id;
};

static int cmp_int(const void *a, const void *b) {
  int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
  return (x > y) - (x < y);
}

static int cmp_int_desc(const void *a, const void *b) { return cmp_int(b, a); }

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* age ascending, score descending, id ascending */
static int cmp_person(const void *a, const void *b) {
  const struct person *p = a, *q = b;
  if (p->age != q->age)
    return p->age < q->age ? -1 : 1;
  if (p->score != q->score)
    return p->score > q->score ? -1 : 1;
  return (p->id > q->id) - (p->id < q->id);
}

static uint32_t rng = 2463534242u;
static uint32_t xorshift(void) {
  rng ^= rng << 13;
  rng ^= rng >> 17;
  rng ^= rng << 5;
  return rng;
}

int main(void) {
  enum { N = 20000 };
  static int32_t xs[N];
  for (int i = 0; i < N; i++)
    xs[i] = (int32_t)(xorshift() % 200001) - 100000;
  qsort(xs, N, sizeof xs[0], cmp_int);
  int sorted = 1;
  uint32_t h = 0;
  for (int i = 0; i < N; i++) {
    if (i && xs[i - 1] > xs[i])
      sorted = 0;
    h = h * 33 + (uint32_t)xs[i];
  }
  printf("ints sorted %d min %d max %d median %d hash %08x\n", sorted, xs[0], xs[N - 1], xs[N / 2], h);
  int32_t key = xs[1234];
  int32_t *hit = bsearch(&key, xs, N, sizeof xs[0], cmp_int);
  int32_t missing = 100001;
  printf("bsearch found %d, value %d, missing %s\n", hit != NULL, hit ? *hit : 0,
         bsearch(&missing, xs, N, sizeof xs[0], cmp_int) ? "found" : "absent");
  qsort(xs, N, sizeof xs[0], cmp_int_desc);
  printf("desc first %d last %d\n", xs[0], xs[N - 1]);

  const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "apricot", "date", "Zebra", "apple2", ""};
  const size_t nw = sizeof words / sizeof words[0];
  qsort(words, nw, sizeof words[0], cmp_str);
  printf("words:");
  for (size_t i = 0; i < nw; i++)
    printf(" [%s]", words[i]);
  printf("\n");

  static const char *const first[] = {"ada", "bo", "cy", "di", "ed", "flo", "gus", "hal"};
  enum { NP = 64 };
  struct person people[NP];
  for (uint32_t i = 0; i < NP; i++) {
    struct person *p = &people[i];
    snprintf(p->name, sizeof p->name, "%s%u", first[xorshift() % 8], i);
    p->age = 20 + (int32_t)(xorshift() % 5);
    p->score = (double)(xorshift() % 4) * 0.5;
    p->id = i;
  }
  qsort(people, NP, sizeof people[0], cmp_person);
  for (int i = 0; i < NP; i += 7)
    printf("%-8s age %d score %.1f id %u\n", people[i].name, people[i].age, people[i].score, people[i].id);
  uint32_t order = 0;
  for (int i = 0; i < NP; i++)
    order = order * 67 + people[i].id;
  printf("person order hash %08x\n", order);
  return 0;
}
