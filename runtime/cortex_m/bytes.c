/*
 * bytes.c — byte-at-a-time copy and fill for firmware built for size.
 *
 * LLVM lowers memcpy/memmove/memset (data-segment initialisation,
 * memory.copy/fill, calloc's zeroing, struct copies) to calls of the Arm
 * EABI helpers __aeabi_memcpy, __aeabi_memmove, __aeabi_memset and
 * __aeabi_memclr (and their 4- and 8-byte-aligned variants). newlib's
 * versions copy a word or more at a time and cost about 460 bytes of
 * flash, which at -Os/-Oz is more than most guests' code. These loops
 * cost a few dozen bytes and a few cycles per byte.
 *
 * The 4- and 8-byte-aligned variants are not defined here: a byte loop
 * needs no alignment, so awsm makes each another name for its byte loop
 * (SIZE_LEVEL_ALIASES in src/target/board.rs), which costs no flash.
 *
 * Which version a firmware gets is decided by awsm, not here (src/target/firmware.rs,
 * `SIZE_LEVEL_HELPERS` in src/target/board.rs): at -Os and -Oz firmware
 * keeps these definitions external, so the calls the backend emits bind
 * to them and the linker never pulls newlib's; at other levels, and in
 * objects, awsm deletes them and newlib's fast ones are linked, so -O2
 * firmware is unchanged. Nothing in the runtime calls them by name.
 *
 * The empty asm in each loop hides the loop's shape from LLVM's loop
 * idiom recognition, which would otherwise turn it back into a call of
 * the very function it is in.
 */
#include <stddef.h>
#include <stdint.h>

void __aeabi_memcpy(void *dest, const void *src, size_t n);
void __aeabi_memmove(void *dest, const void *src, size_t n);
void __aeabi_memset(void *dest, size_t n, int c);
void __aeabi_memclr(void *dest, size_t n);

void __aeabi_memcpy(void *dest, const void *src, size_t n) {
  uint8_t *d = dest;
  const uint8_t *s = src;
  while (n--) {
    *d++ = *s++;
    __asm__("" : "+r"(d));
  }
}

/* Backwards when the destination is above the source, so overlapping
 * bytes are read before they are overwritten. */
void __aeabi_memmove(void *dest, const void *src, size_t n) {
  uint8_t *d = dest;
  const uint8_t *s = src;
  if (d <= s) {
    __aeabi_memcpy(dest, src, n);
    return;
  }
  while (n--) {
    d[n] = s[n];
    __asm__("" : "+r"(d));
  }
}

/* The EABI order: length before value. */
void __aeabi_memset(void *dest, size_t n, int c) {
  uint8_t *d = dest;
  while (n--) {
    *d++ = (uint8_t)c;
    __asm__("" : "+r"(d));
  }
}

void __aeabi_memclr(void *dest, size_t n) { __aeabi_memset(dest, n, 0); }
