/* Globals: initialised and zero-initialised arrays, static locals that keep
 * state across calls, const tables, pointers stored in globals (data
 * relocations), and a struct of globals mutated through a pointer. */
#include <stdint.h>
#include <stdio.h>

int32_t counter = 100;
int32_t zeroed[1000];
static int64_t squares[16] = {0, 1, 4, 9, 16, 25};
static const char *const names[] = {"zero", "one", "two", "three"};
static const char greeting[] = "hello, globals";
static const char *greeting_ptr = greeting + 7;
static int32_t *counter_ptr = &counter;
static struct {
  int8_t small;
  int16_t medium;
  int32_t big;
  double real;
  char tag[8];
} config = {-5, 3000, 123456, 2.5, "cfg"};

static int32_t next_id(void) {
  static int32_t id = 40;
  return ++id;
}

static uint32_t call_count(void) {
  static uint32_t calls;
  return ++calls;
}

int main(void) {
  for (int i = 6; i < 16; i++)
    squares[i] = (int64_t)i * i;
  int64_t sq = 0;
  for (int i = 0; i < 16; i++)
    sq += squares[i];
  printf("sum of squares %lld\n", (long long)sq);
  int32_t nonzero = 0;
  for (int i = 0; i < 1000; i++)
    nonzero += zeroed[i] != 0;
  for (int i = 0; i < 1000; i++)
    zeroed[i] = i * i;
  int64_t zs = 0;
  for (int i = 0; i < 1000; i++)
    zs += zeroed[i];
  printf("zeroed nonzero before %d, sum after %lld\n", nonzero, (long long)zs);
  int32_t id1 = next_id();
  int32_t id2 = next_id();
  next_id();
  int32_t id4 = next_id();
  printf("ids %d %d %d\n", id1, id2, id4);
  for (int i = 0; i < 4; i++)
    call_count();
  printf("calls %u\n", call_count());
  *counter_ptr += 23;
  printf("counter %d via ptr %d\n", counter, *counter_ptr);
  printf("names %s %s, greeting '%s', tail '%s'\n", names[1], names[3], greeting, greeting_ptr);
  config.small--;
  config.medium *= 2;
  config.big += config.small;
  config.real *= config.real;
  config.tag[3] = '!';
  printf("config %d %d %d %.2f %s\n", config.small, config.medium, config.big, config.real, config.tag);
  return 0;
}
