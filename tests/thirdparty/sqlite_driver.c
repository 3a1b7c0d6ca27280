/*
 * sqlite_driver.c — exercises SQLite (the amalgamation bundled in the
 * libsqlite3-sys crate, fetched at test time) on a database file in the
 * directory given as argv[1]: schema, transactions, inserts, updates,
 * joins, aggregates, an index, a blob, reopening the file, and an
 * integrity check. tests/thirdparty.rs runs it natively and under awsm
 * and compares the output byte for byte.
 */
#include "sqlite3.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sqlite3 *db;

static int print_row(void *label, int n, char **values, char **names) {
  printf("%s:", (const char *)label);
  for (int i = 0; i < n; i++)
    printf(" %s=%s", names[i], values[i] ? values[i] : "NULL");
  printf("\n");
  return 0;
}

static void exec(const char *label, const char *sql) {
  char *err = NULL;
  if (sqlite3_exec(db, sql, print_row, (void *)label, &err) != SQLITE_OK) {
    printf("%s: error: %s\n", label, err);
    sqlite3_free(err);
  }
}

static void open_db(const char *path) {
  if (sqlite3_open(path, &db) != SQLITE_OK) {
    printf("cannot open %s: %s\n", path, sqlite3_errmsg(db));
    exit(1);
  }
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: sqlite_driver DIR\n");
    return 2;
  }
  char path[512];
  snprintf(path, sizeof path, "%s/test.db", argv[1]);
  printf("sqlite %s\n", sqlite3_libversion());
  open_db(path);
  exec("pragma", "PRAGMA journal_mode=DELETE; PRAGMA page_size=4096;");
  exec("schema", "CREATE TABLE city(id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT,"
                 " population INTEGER, area REAL);"
                 "CREATE TABLE visit(city INTEGER REFERENCES city(id), year INTEGER, note TEXT);");
  sqlite3_stmt *ins;
  sqlite3_prepare_v2(db, "INSERT INTO city(name, country, population, area) VALUES(?,?,?,?)", -1,
                     &ins, NULL);
  exec("begin", "BEGIN");
  unsigned seed = 12345;
  for (int i = 0; i < 2000; i++) {
    char name[32], country[8];
    seed = seed * 1103515245u + 12345u;
    snprintf(name, sizeof name, "city%04d_%u", i, (seed >> 16) % 1000);
    snprintf(country, sizeof country, "C%02u", (seed >> 8) % 37);
    sqlite3_bind_text(ins, 1, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 2, country, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(ins, 3, (sqlite3_int64)((seed >> 4) % 5000000) * 3);
    sqlite3_bind_double(ins, 4, (double)((seed >> 3) % 100000) / 7.0);
    if (sqlite3_step(ins) != SQLITE_DONE)
      printf("insert %d failed: %s\n", i, sqlite3_errmsg(db));
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  exec("commit", "COMMIT");
  exec("visits", "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM n WHERE x < 5000)"
                 " INSERT INTO visit SELECT (x * 7919) % 2000 + 1, 1990 + x % 35,"
                 " printf('note %d', x) FROM n;");
  exec("index", "CREATE INDEX visit_city ON visit(city); CREATE INDEX city_country ON city(country);");
  exec("count", "SELECT count(*) AS cities, sum(population) AS people, round(avg(area), 3) AS area"
                " FROM city");
  exec("top", "SELECT country, count(*) AS n, max(population) AS biggest FROM city"
              " GROUP BY country ORDER BY n DESC, country LIMIT 5");
  exec("join", "SELECT c.name, count(v.year) AS visits, min(v.year) AS first FROM city c"
               " JOIN visit v ON v.city = c.id WHERE c.country = 'C07'"
               " GROUP BY c.id ORDER BY visits DESC, c.name LIMIT 5");
  exec("like", "SELECT count(*) AS n FROM city WHERE name LIKE 'city1%_9%'");
  exec("update", "UPDATE city SET population = population / 2 WHERE area > 10000; "
                 "SELECT changes() AS changed");
  exec("delete", "DELETE FROM visit WHERE year < 1995; SELECT changes() AS deleted");
  exec("blob", "CREATE TABLE b(x BLOB); INSERT INTO b VALUES(zeroblob(100000));"
               " SELECT length(x) AS len, hex(substr(x, 1, 4)) AS head FROM b");
  exec("float", "SELECT printf('%.6f', sum(area * 1.5)) AS s, total(population) AS t FROM city");
  sqlite3_close(db);

  open_db(path);
  exec("reopen", "SELECT count(*) AS cities FROM city; SELECT count(*) AS visits FROM visit");
  exec("integrity", "PRAGMA integrity_check");
  exec("vacuum", "VACUUM");
  exec("after vacuum", "SELECT name FROM city WHERE id IN (1, 1000, 2000) ORDER BY id");
  exec("rollback", "BEGIN; DELETE FROM city; ROLLBACK; SELECT count(*) AS cities FROM city");
  sqlite3_close(db);
  printf("done\n");
  return 0;
}
