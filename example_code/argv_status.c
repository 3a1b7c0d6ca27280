/* argv and exit status: prints argc and each argument after argv[0] (whose
 * value depends on where the program lives), sums the numeric ones, and
 * returns 3 from main. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  printf("argc %d\n", argc);
  printf("argv[0] present %d\n", argc > 0 && argv[0] != NULL && argv[0][0] != '\0');
  long total = 0;
  size_t chars = 0;
  for (int i = 1; i < argc; i++) {
    printf("argv[%d] = '%s' (%u bytes)\n", i, argv[i], (unsigned)strlen(argv[i]));
    total += strtol(argv[i], NULL, 10);
    chars += strlen(argv[i]);
  }
  printf("argv[argc] is NULL: %d\n", argv[argc] == NULL);
  printf("numeric total %ld, %u chars\n", total, (unsigned)chars);
  return 3;
}
