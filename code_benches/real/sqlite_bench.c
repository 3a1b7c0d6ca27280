/* sqlite: a fixed in-memory workload on the SQLite amalgamation fetched
 * from the libsqlite3-sys crate (bundled sqlite3.c): bulk inserts in a
 * transaction, an index, range/aggregate/join/order-by queries, updates
 * and deletes. SQLite is built with SQLITE_OS_OTHER: the only VFS is the
 * minimal one below (no files: the database is ":memory:" and temporary
 * storage is in memory), so native and wasm builds run the same code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite3.h"

#ifdef QUICK
#define ROWS 2000
#else
#define ROWS 200000
#endif

/* ---- a VFS that can open no file: enough for :memory: databases ---- */
static int vfs_open(sqlite3_vfs *v, const char *n, sqlite3_file *f, int fl, int *o) {
  (void)v; (void)n; (void)f; (void)fl; (void)o;
  return SQLITE_CANTOPEN;
}
static int vfs_delete(sqlite3_vfs *v, const char *n, int s) { (void)v; (void)n; (void)s; return SQLITE_OK; }
static int vfs_access(sqlite3_vfs *v, const char *n, int f, int *out) {
  (void)v; (void)n; (void)f;
  *out = 0;
  return SQLITE_OK;
}
static int vfs_fullpath(sqlite3_vfs *v, const char *n, int len, char *out) {
  (void)v;
  sqlite3_snprintf(len, out, "%s", n);
  return SQLITE_OK;
}
static int vfs_random(sqlite3_vfs *v, int n, char *out) { /* deterministic */
  (void)v;
  for (int i = 0; i < n; i++) out[i] = (char)(i * 131 + 7);
  return n;
}
static int vfs_sleep(sqlite3_vfs *v, int us) { (void)v; return us; }
static int vfs_time(sqlite3_vfs *v, double *t) { (void)v; *t = 2460000.5; return SQLITE_OK; }
static int vfs_lasterr(sqlite3_vfs *v, int n, char *s) { (void)v; (void)n; (void)s; return 0; }
static int vfs_time64(sqlite3_vfs *v, sqlite3_int64 *t) {
  (void)v;
  *t = (sqlite3_int64)2460000 * 86400000 + 43200000;
  return SQLITE_OK;
}
static sqlite3_vfs bench_vfs = {2, 0, 1024, 0, "bench", 0, vfs_open, vfs_delete, vfs_access, vfs_fullpath,
                                0, 0, 0, 0, vfs_random, vfs_sleep, vfs_time, vfs_lasterr, vfs_time64};
int sqlite3_os_init(void) { return sqlite3_vfs_register(&bench_vfs, 1); }
int sqlite3_os_end(void) { return SQLITE_OK; }

/* ---- the workload ---- */
static sqlite3 *db;
static void die(const char *what) {
  fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
  exit(1);
}
static void exec(const char *sql) {
  char *err = 0;
  if (sqlite3_exec(db, sql, 0, 0, &err) != SQLITE_OK) {
    fprintf(stderr, "%s: %s\n", sql, err);
    exit(1);
  }
}
/* Run a query and print every row, columns separated by '|'. */
static void query(const char *sql) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, sql, -1, &st, 0) != SQLITE_OK) die(sql);
  int rows = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(st); c++)
      printf("%s%s", c ? "|" : "", (const char *)sqlite3_column_text(st, c) ? (const char *)sqlite3_column_text(st, c) : "NULL");
    printf("\n");
    rows++;
  }
  sqlite3_finalize(st);
}

int main(void) {
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) die("open");
  exec("CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT, c REAL);"
       "CREATE TABLE u(k INTEGER PRIMARY KEY, name TEXT);");
  exec("BEGIN");
  sqlite3_stmt *ins;
  if (sqlite3_prepare_v2(db, "INSERT INTO t(a, b, c) VALUES(?1, ?2, ?3)", -1, &ins, 0) != SQLITE_OK) die("prep");
  unsigned x = 12345;
  char text[64];
  for (int i = 0; i < ROWS; i++) {
    x = x * 1103515245u + 12345u;
    int a = (int)(x >> 8) % 10007;
    snprintf(text, sizeof text, "name-%u-%d", (x >> 4) % 99991, i % 97);
    sqlite3_bind_int(ins, 1, a);
    sqlite3_bind_text(ins, 2, text, -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(ins, 3, (double)(x % 100000) / 7.0);
    if (sqlite3_step(ins) != SQLITE_DONE) die("insert");
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  for (int k = 0; k < 10007; k += 3) {
    char sql[96];
    snprintf(sql, sizeof sql, "INSERT INTO u VALUES(%d, 'group%d')", k, k % 50);
    exec(sql);
  }
  exec("COMMIT");
  exec("CREATE INDEX t_a ON t(a); CREATE INDEX t_b ON t(b);");
  query("SELECT count(*), sum(a), round(avg(c), 3) FROM t");
  query("SELECT count(*) FROM t WHERE a BETWEEN 1000 AND 2000");
  query("SELECT a % 10, count(*), round(sum(c), 2) FROM t GROUP BY a % 10 ORDER BY 1");
  query("SELECT b, a FROM t ORDER BY b DESC, id LIMIT 5");
  query("SELECT u.name, count(*) FROM t JOIN u ON u.k = t.a GROUP BY u.name ORDER BY 2 DESC, 1 LIMIT 5");
  for (int q = 0; q < (ROWS / 100); q++) { /* point lookups through the index */
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM t WHERE a = %d AND b LIKE 'name-%%'", (q * 37) % 10007);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, 0) != SQLITE_OK) die(sql);
    while (sqlite3_step(st) == SQLITE_ROW) x += (unsigned)sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
  }
  printf("lookups %u\n", x);
  exec("UPDATE t SET c = c * 2 WHERE a % 3 = 0");
  exec("DELETE FROM t WHERE a % 5 = 1");
  query("SELECT count(*), round(sum(c), 2), max(length(b)) FROM t");
  query("SELECT substr(group_concat(b, ','), 1, 60) FROM (SELECT b FROM t ORDER BY c LIMIT 20)");
  sqlite3_close(db);
  return 0;
}
