/*
 * reactor.c — a reactor module (built with -mexec-model=reactor: no
 * _start, an _initialize export that runs constructors). main.c runs
 * _initialize once, then the export named by --invoke with the guest
 * arguments as parameters, and prints its results.
 */
#include <stdio.h>
#include <stdlib.h>

static int initialized;
static int calls;

__attribute__((constructor)) static void init(void) { initialized++; }

__attribute__((export_name("add"))) int add(int a, int b) {
  calls++;
  printf("add called (initialized %d times, call %d)\n", initialized, calls);
  fflush(stdout);
  return a + b;
}

__attribute__((export_name("scale"))) double scale(double x, long long k) { return x * (double)k; }

__attribute__((export_name("fail"))) void fail(void) { abort(); }

__attribute__((export_name("quit"))) void quit(int status) { exit(status); }
