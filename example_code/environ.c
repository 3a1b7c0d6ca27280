/* Environment variables: getenv of variables the test sets (including an
 * empty value and one with '=' in the value), an unset variable, and the
 * full environ list, which the harness makes exactly the variables it
 * sets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(void) {
  const char *names[] = {"AWSM_GREETING", "AWSM_EMPTY", "AWSM_EQUATION", "AWSM_UNSET"};
  for (int i = 0; i < 4; i++) {
    const char *v = getenv(names[i]);
    if (v)
      printf("%s = '%s' (%u bytes)\n", names[i], v, (unsigned)strlen(v));
    else
      printf("%s is not set\n", names[i]);
  }
  int count = 0;
  int found_greeting = 0;
  for (char **e = environ; *e; e++) {
    count++;
    found_greeting += strncmp(*e, "AWSM_GREETING=", 14) == 0;
  }
  printf("environ has %d entries, greeting listed %d time(s)\n", count, found_greeting);
  const char *n = getenv("AWSM_NUMBER");
  long v = n ? strtol(n, NULL, 10) : -1;
  printf("AWSM_NUMBER * 2 = %ld\n", v * 2);
  return 0;
}
