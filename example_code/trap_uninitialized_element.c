/* Trap: an indirect call through a null function pointer. clang's function
 * table leaves index 0 empty so that NULL is a null table entry.
 * Expected: "awsm: trap: uninitialized element". */
#include <stdint.h>
#include <stdio.h>

static int32_t answer(void) { return 42; }

int main(void) {
  int32_t (*volatile fp)(void) = answer;
  printf("valid call returns %d\n", fp());
  fflush(stdout);
  fp = 0;
  printf("null call returns %d\n", fp());
  return 0;
}
