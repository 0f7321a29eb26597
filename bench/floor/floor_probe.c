/* The least CPU a catalog read can cost on each backend, measured outside
 * deltalabs (bench/postgres-floor.sh, decision 0032): the statements the
 * server runs for GET /v1/courses/:id and GET /v1/courses?limit=20, each
 * prepared once and run again and again, on PostgreSQL in pipeline batches of
 * 16 (the read pipelines' best case) and on SQLite in process.
 *
 * Usage: floor_probe PG_CONNINFO SQLITE_FILE IDS_FILE
 * Prints one tab-separated line per target and backend:
 *   target  backend  statements/s  engine_us  client_us
 * engine_us is the CPU per statement of the engine: the PostgreSQL backend's
 * (from /proc, so the server must run on this machine), or SQLite's, which
 * runs in this process; client_us is libpq's, reading PostgreSQL's answers. */
#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define COLUMNS                                                                               \
  "c.id, c.slug, c.title, c.subtitle, c.description, c.category_id, c.level_id, c.language, " \
  "c.price_amount_minor, c.price_currency, c.status, c.max_students, c.enrollment_count, "    \
  "c.created_by, c.published_at, c.created_at, c.updated_at, c.instructor_ids AS instructors"
/* The texts of catalog_sql.h's kSelectCourse and kPgCatalogNewestFirst with its row limit. */
static const char* const kById = "SELECT " COLUMNS " FROM courses c WHERE c.id = $1";
static const char* const kPage = "SELECT " COLUMNS
                                 ", 0 AS score FROM courses c WHERE c.status = 'published' "
                                 "ORDER BY c.id DESC LIMIT 21";
enum { kBatch = 16, kMaxIds = 1000 };

static char ids[kMaxIds][64];
static int id_count;

static double seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double own_cpu(void) {
  struct rusage r;
  getrusage(RUSAGE_SELF, &r);
  return (double)r.ru_utime.tv_sec + (double)r.ru_utime.tv_usec * 1e-6 + (double)r.ru_stime.tv_sec +
         (double)r.ru_stime.tv_usec * 1e-6;
}

/* User and system CPU seconds of process `pid`, from /proc. */
static double process_cpu(int pid) {
  char path[64], line[4096];
  snprintf(path, sizeof path, "/proc/%d/stat", pid);
  FILE* f = fopen(path, "r");
  if (f == NULL || fgets(line, sizeof line, f) == NULL) {
    fprintf(stderr, "cannot read %s: is PostgreSQL on this machine?\n", path);
    exit(1);
  }
  fclose(f);
  char* field = strrchr(line, ')') + 2; /* field 3, the state */
  long values[16];
  int n = 0;
  for (char* t = strtok(field, " "); t != NULL && n < 16; t = strtok(NULL, " "))
    values[n++] = atol(t);
  return (double)(values[11] + values[12]) / (double)sysconf(_SC_CLK_TCK);
}

static void fail(const char* what, const char* why) {
  fprintf(stderr, "%s: %s\n", what, why);
  exit(1);
}

static void prepare_postgres(PGconn* c, const char* name, int with_id) {
  PGresult* r = PQprepare(c, name, with_id ? kById : kPage, with_id, NULL);
  if (PQresultStatus(r) != PGRES_COMMAND_OK) fail("prepare", PQerrorMessage(c));
  PQclear(r);
}

/* Runs the prepared statement `name` `statements` times in batches; prints
 * the figures when `report`. */
static void probe_postgres(PGconn* c, const char* name, int with_id, int statements, int report) {
  if (PQenterPipelineMode(c) == 0) fail("pipeline mode", PQerrorMessage(c));
  const int pid = PQbackendPID(c);
  const double t0 = seconds(), c0 = own_cpu(), e0 = process_cpu(pid);
  for (int done = 0; done < statements; done += kBatch) {
    for (int i = 0; i < kBatch; ++i) {
      const char* value = ids[(done + i) % id_count];
      if (PQsendQueryPrepared(c, name, with_id, with_id ? &value : NULL, NULL, NULL, 0) == 0)
        fail("send", PQerrorMessage(c));
    }
    if (PQpipelineSync(c) == 0) fail("sync", PQerrorMessage(c));
    for (int i = 0; i < kBatch; ++i) {
      PGresult* r = PQgetResult(c);
      if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) < 1) fail("read", PQerrorMessage(c));
      PQclear(r);
      if (PQgetResult(c) != NULL) fail("read", "an answer too many");
    }
    PGresult* r = PQgetResult(c);
    if (PQresultStatus(r) != PGRES_PIPELINE_SYNC) fail("read", "no sync");
    PQclear(r);
  }
  const double t1 = seconds(), c1 = own_cpu(), e1 = process_cpu(pid);
  if (PQexitPipelineMode(c) == 0) fail("pipeline mode", PQerrorMessage(c));
  if (report)
    printf("%s\tpostgresql\t%.0f\t%.1f\t%.1f\n", name, statements / (t1 - t0),
           (e1 - e0) / statements * 1e6, (c1 - c0) / statements * 1e6);
}

/* Runs the target's statement `statements` times in process; prints the
 * figures when `report`. */
static void probe_sqlite(sqlite3* db, const char* name, int with_id, int statements, int report) {
  sqlite3_stmt* st;
  char text[2048];
  /* SQLite numbers its parameters ?1; the texts are otherwise the same. */
  snprintf(text, sizeof text, "%s", with_id ? kById : kPage);
  char* dollar = strstr(text, "$1");
  if (dollar != NULL) *dollar = '?';
  if (sqlite3_prepare_v2(db, text, -1, &st, NULL) != SQLITE_OK) fail("prepare", sqlite3_errmsg(db));
  const double t0 = seconds(), c0 = own_cpu();
  for (int done = 0; done < statements; ++done) {
    if (with_id) sqlite3_bind_text(st, 1, ids[done % id_count], -1, SQLITE_STATIC);
    int rows = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
      ++rows;
      for (int col = 0; col < sqlite3_column_count(st); ++col) sqlite3_column_text(st, col);
    }
    sqlite3_reset(st);
    if (rows == 0) fail("read", "no rows: is the scale data set seeded?");
  }
  const double t1 = seconds(), c1 = own_cpu();
  sqlite3_finalize(st);
  if (report)
    printf("%s\tsqlite\t%.0f\t%.1f\t-\n", name, statements / (t1 - t0),
           (c1 - c0) / statements * 1e6);
}

int main(int argc, char** argv) {
  if (argc != 4) fail("usage", "floor_probe PG_CONNINFO SQLITE_FILE IDS_FILE");
  FILE* f = fopen(argv[3], "r");
  if (f == NULL) fail("ids", argv[3]);
  while (id_count < kMaxIds && fgets(ids[id_count], sizeof ids[0], f) != NULL) {
    ids[id_count][strcspn(ids[id_count], "\n")] = '\0';
    if (ids[id_count][0] != '\0') ++id_count;
  }
  fclose(f);
  if (id_count == 0) fail("ids", "none");
  PGconn* c = PQconnectdb(argv[1]);
  if (PQstatus(c) != CONNECTION_OK) fail("connect", PQerrorMessage(c));
  sqlite3* db;
  if (sqlite3_open_v2(argv[2], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    fail("open", sqlite3_errmsg(db));
  prepare_postgres(c, "by_id", 1);
  prepare_postgres(c, "page", 0);
  for (int report = 0; report <= 1; ++report) { /* the first pass warms the caches */
    const int times = report ? 10 : 1;
    probe_postgres(c, "by_id", 1, 16000 * times, report);
    probe_sqlite(db, "by_id", 1, 16000 * times, report);
    probe_postgres(c, "page", 0, 4000 * times, report);
    probe_sqlite(db, "page", 0, 4000 * times, report);
  }
  PQfinish(c);
  sqlite3_close(db);
  return 0;
}
