/* A tiny bytecode interpreter: a stack machine with a dense opcode switch
 * in a hot loop, locals, conditional jumps, calls and returns. A small
 * assembler with labels builds three programs: iterative fib, a prime
 * counter (trial division), and recursive factorials via CALL/RET. */
#include <stdint.h>
#include <stdio.h>

enum op { PUSH, LOAD, STORE, ADD, SUB, MUL, DIV, MOD, LT, EQ, JMP, JZ, DUP, DROP, SWAP, CALL, RET, PRINT, HALT };

/* ---- assembler: forward references are patched when a label is bound */
enum { MAX_CODE = 512, MAX_LABELS = 16 };
static int32_t code[MAX_CODE];
static int32_t ncode;
static int32_t label_pc[MAX_LABELS];
static int32_t fixups[MAX_LABELS][8], nfixups[MAX_LABELS];

static void reset(void) {
  ncode = 0;
  for (int i = 0; i < MAX_LABELS; i++)
    label_pc[i] = -1, nfixups[i] = 0;
}
static void emit(int32_t op) { code[ncode++] = op; }
static void emit1(int32_t op, int32_t imm) { emit(op), emit(imm); }
static void emit_ref(int32_t op, int label) {
  emit(op);
  if (label_pc[label] >= 0)
    emit(label_pc[label]);
  else {
    fixups[label][nfixups[label]++] = ncode;
    emit(-1);
  }
}
static void bind(int label) {
  label_pc[label] = ncode;
  for (int i = 0; i < nfixups[label]; i++)
    code[fixups[label][i]] = ncode;
}

/* ---- interpreter */
static int64_t steps;

static int32_t run(int32_t *out, int *nout) {
  int32_t stack[256], locals[1024] = {0};
  int32_t ret_pc[128], ret_base[128];
  int sp = 0, fp = 0, base = 0;
  int32_t pc = 0;
  *nout = 0;
  for (;;) {
    steps++;
    switch ((enum op)code[pc++]) {
    case PUSH: stack[sp++] = code[pc++]; break;
    case LOAD: stack[sp++] = locals[base + code[pc++]]; break;
    case STORE: locals[base + code[pc++]] = stack[--sp]; break;
    case ADD: sp--; stack[sp - 1] = (int32_t)((uint32_t)stack[sp - 1] + (uint32_t)stack[sp]); break;
    case SUB: sp--; stack[sp - 1] = (int32_t)((uint32_t)stack[sp - 1] - (uint32_t)stack[sp]); break;
    case MUL: sp--; stack[sp - 1] = (int32_t)((uint32_t)stack[sp - 1] * (uint32_t)stack[sp]); break;
    case DIV: sp--; stack[sp - 1] = stack[sp] ? stack[sp - 1] / stack[sp] : 0; break;
    case MOD: sp--; stack[sp - 1] = stack[sp] ? stack[sp - 1] % stack[sp] : 0; break;
    case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
    case EQ: sp--; stack[sp - 1] = stack[sp - 1] == stack[sp]; break;
    case JMP: pc = code[pc]; break;
    case JZ: pc = stack[--sp] ? pc + 1 : code[pc]; break;
    case DUP: stack[sp] = stack[sp - 1]; sp++; break;
    case DROP: sp--; break;
    case SWAP: {
      int32_t t = stack[sp - 1];
      stack[sp - 1] = stack[sp - 2];
      stack[sp - 2] = t;
    } break;
    case CALL: { /* CALL target argc: args move from the stack into the new frame's locals */
      int32_t target = code[pc], argc = code[pc + 1];
      ret_pc[fp] = pc + 2;
      ret_base[fp++] = base;
      base += 8;
      for (int i = argc - 1; i >= 0; i--)
        locals[base + i] = stack[--sp];
      pc = target;
    } break;
    case RET:
      fp--;
      pc = ret_pc[fp];
      base = ret_base[fp];
      break;
    case PRINT: out[(*nout)++] = stack[--sp]; break;
    case HALT: return sp ? stack[sp - 1] : 0;
    default: return -999;
    }
  }
}

static void report(const char *name) {
  int32_t out[64];
  int n;
  int64_t before = steps;
  int32_t r = run(out, &n);
  printf("%s (%d ops):", name, ncode);
  for (int i = 0; i < n; i++)
    printf(" %d", out[i]);
  printf(" | result %d, %lld steps\n", r, (long long)(steps - before));
}

int main(void) {
  enum { LOOP, DONE, NEXT_N, NEXT_D, TEST, COMPOSITE, PRIME, FACT };

  /* fib: a = 0, b = 1, n = 40; while (n) { t = a; a = b; b = t + b; n--; } print a */
  reset();
  emit1(PUSH, 0), emit1(STORE, 0), emit1(PUSH, 1), emit1(STORE, 1), emit1(PUSH, 40), emit1(STORE, 2);
  bind(LOOP);
  emit1(LOAD, 2), emit_ref(JZ, DONE);
  emit1(LOAD, 0), emit1(LOAD, 1), emit(DUP), emit1(STORE, 0), emit(ADD), emit1(STORE, 1);
  emit1(LOAD, 2), emit1(PUSH, 1), emit(SUB), emit1(STORE, 2), emit_ref(JMP, LOOP);
  bind(DONE);
  emit1(LOAD, 0), emit(DUP), emit(PRINT), emit(HALT);
  report("fib(40)");

  /* primes below 20000: for n in 2..: for d = 2; d*d <= n; d++: if n % d == 0 composite */
  reset();
  emit1(PUSH, 0), emit1(STORE, 0), emit1(PUSH, 2), emit1(STORE, 1);
  bind(NEXT_N);
  emit1(LOAD, 1), emit1(PUSH, 20000), emit(LT), emit_ref(JZ, DONE);
  emit1(PUSH, 2), emit1(STORE, 2);
  bind(NEXT_D);
  emit1(LOAD, 1), emit1(LOAD, 2), emit1(LOAD, 2), emit(MUL), emit(LT), emit_ref(JZ, TEST);
  emit_ref(JMP, PRIME); /* n < d*d: no divisor up to sqrt(n) */
  bind(TEST);
  emit1(LOAD, 1), emit1(LOAD, 2), emit(MOD), emit_ref(JZ, COMPOSITE);
  emit1(LOAD, 2), emit1(PUSH, 1), emit(ADD), emit1(STORE, 2), emit_ref(JMP, NEXT_D);
  bind(PRIME);
  emit1(LOAD, 0), emit1(PUSH, 1), emit(ADD), emit1(STORE, 0);
  bind(COMPOSITE);
  emit1(LOAD, 1), emit1(PUSH, 1), emit(ADD), emit1(STORE, 1), emit_ref(JMP, NEXT_N);
  bind(DONE);
  emit1(LOAD, 0), emit(PRINT), emit1(LOAD, 1), emit(HALT);
  report("primes<20000");

  /* fact(n) = n < 2 ? 1 : n * fact(n - 1); print fact(1..12) */
  reset();
  emit1(PUSH, 1), emit1(STORE, 0);
  bind(LOOP);
  emit1(LOAD, 0), emit1(PUSH, 13), emit(LT), emit_ref(JZ, DONE);
  emit1(LOAD, 0), emit_ref(CALL, FACT), emit(1), emit(PRINT);
  emit1(LOAD, 0), emit1(PUSH, 1), emit(ADD), emit1(STORE, 0), emit_ref(JMP, LOOP);
  bind(DONE);
  emit1(PUSH, 77), emit(HALT);
  bind(FACT);
  emit1(LOAD, 0), emit1(PUSH, 2), emit(LT), emit_ref(JZ, NEXT_N);
  emit1(PUSH, 1), emit(RET);
  bind(NEXT_N);
  emit1(LOAD, 0), emit1(LOAD, 0), emit1(PUSH, 1), emit(SUB), emit_ref(CALL, FACT), emit(1), emit(MUL), emit(RET);
  report("fact(1..12)");
  printf("total steps %lld\n", (long long)steps);
  return 0;
}
