/* indirect-calls: a tiny bytecode interpreter whose every instruction is
 * a call through a table of small handler functions (call_indirect in
 * wasm), plus small direct calls the compiler may or may not inline. */
#include "../common/bench.h"
#define STEPS SIZE(150000000L, 100000L)

typedef struct { uint32_t acc, x, pc; } Vm;
typedef void (*Op)(Vm *);

__attribute__((noinline)) static uint32_t mix(uint32_t a, uint32_t b) { return (a ^ b) * 0x9E3779B1u; }
static uint32_t rotl(uint32_t v, int n) { return (v << n) | (v >> (32 - n)); }

static void op_add(Vm *m) { m->acc += m->x; }
static void op_sub(Vm *m) { m->acc -= m->x >> 1; }
static void op_xor(Vm *m) { m->acc ^= rotl(m->x, 5); }
static void op_mix(Vm *m) { m->acc = mix(m->acc, m->x); }
static void op_inc(Vm *m) { m->x += 0x9E37u; }
static void op_rot(Vm *m) { m->x = rotl(m->x, 3) + 1; }
static void op_jmp(Vm *m) { m->pc += m->acc & 3; }
static void op_mul(Vm *m) { m->acc = m->acc * 33u + m->x; }

static Op table[8] = {op_add, op_sub, op_xor, op_mix, op_inc, op_rot, op_jmp, op_mul};

int main(void) {
  uint8_t prog[256];
  uint32_t s = 1;
  for (int i = 0; i < 256; i++) {
    s = s * 1664525u + 1013904223u;
    prog[i] = (uint8_t)(s >> 29);
  }
  Vm vm = {1, 2, 0};
  for (long i = 0; i < STEPS; i++) {
    table[prog[vm.pc & 255]](&vm);
    vm.pc++;
  }
  printf("acc %08x x %08x pc %u\n", vm.acc, vm.x, vm.pc);
  return 0;
}
