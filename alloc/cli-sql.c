/*
** cli-sql.c -- `heaptrail sql FILE 'SELECT ...'`: SQL over a profile.
**
** The profile is opened with ht_profile_open (so a profile whose run was
** killed is finalized first, and a file that is not a profile is refused with
** a clear message), then the connection is made query-only and each SQL
** argument runs, statement by statement.  Output follows sqlite3's list mode:
** one line per row, columns separated by '|', NULL as an empty field; BLOBs
** print as X'hex'.  --header adds a line of column names; --json prints each
** statement's rows as a JSON array of objects instead.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "profile.h"

static void usage(FILE *f) {
  fputs("usage: heaptrail sql [--header] [--json] [--check] [--readonly] FILE SQL...\n"
        "  Run SQL over the profile FILE (tables and views: doc/profile-format.md).\n"
        "  --header    print column names first\n"
        "  --json      print rows as a JSON array of objects\n"
        "  --check     verify the file's integrity first (PRAGMA quick_check)\n"
        "  --readonly  never write FILE, even to finalize an unfinished profile\n", f);
}

static void put_hex(const unsigned char *p, int n, FILE *out) {
  for (int i = 0; i < n; i++) fprintf(out, "%02X", p[i]);
}

static void put_json_string(const unsigned char *s, FILE *out) {
  putc('"', out);
  for (; *s; s++) {
    switch (*s) {
    case '"': fputs("\\\"", out); break;
    case '\\': fputs("\\\\", out); break;
    case '\n': fputs("\\n", out); break;
    case '\r': fputs("\\r", out); break;
    case '\t': fputs("\\t", out); break;
    default:
      if (*s < 0x20) fprintf(out, "\\u%04x", *s);
      else putc(*s, out);
    }
  }
  putc('"', out);
}

static void put_value_json(sqlite3_stmt *st, int i, FILE *out) {
  switch (sqlite3_column_type(st, i)) {
  case SQLITE_NULL: fputs("null", out); break;
  case SQLITE_INTEGER: fprintf(out, "%lld", (long long)sqlite3_column_int64(st, i)); break;
  case SQLITE_FLOAT: {
    double d = sqlite3_column_double(st, i);
    if (isfinite(d)) fprintf(out, "%.17g", d);
    else fputs("null", out);
    break;
  }
  case SQLITE_BLOB:
    putc('"', out);
    put_hex(sqlite3_column_blob(st, i), sqlite3_column_bytes(st, i), out);
    putc('"', out);
    break;
  default: put_json_string(sqlite3_column_text(st, i), out);
  }
}

static void put_value_list(sqlite3_stmt *st, int i, FILE *out) {
  switch (sqlite3_column_type(st, i)) {
  case SQLITE_NULL: break;
  case SQLITE_BLOB:
    fputs("X'", out);
    put_hex(sqlite3_column_blob(st, i), sqlite3_column_bytes(st, i), out);
    putc('\'', out);
    break;
  default: fputs((const char *)sqlite3_column_text(st, i), out);
  }
}

/* Run every statement of SQL; returns 0 or -1 (message printed). */
static int run_sql(ht_profile *p, const char *sql, int header, int json, FILE *out) {
  sqlite3 *db = ht_profile_db(p);
  const char *tail = sql;
  char msg[1024];
  while (tail && *tail) {
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, tail, -1, &st, &tail) != SQLITE_OK) {
      fprintf(stderr, "heaptrail sql: %s\n", ht_profile_errmsg(p, msg, sizeof msg));
      return -1;
    }
    if (!st) continue;   /* whitespace or a comment */
    int ncol = sqlite3_column_count(st), rc, nrows = 0;
    if (header && !json && ncol) {
      for (int i = 0; i < ncol; i++) fprintf(out, "%s%s", i ? "|" : "", sqlite3_column_name(st, i));
      putc('\n', out);
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      if (json) {
        fputs(nrows ? ",\n{" : "[{", out);
        for (int i = 0; i < ncol; i++) {
          if (i) putc(',', out);
          put_json_string((const unsigned char *)sqlite3_column_name(st, i), out);
          putc(':', out);
          put_value_json(st, i, out);
        }
        putc('}', out);
      } else {
        for (int i = 0; i < ncol; i++) {
          if (i) putc('|', out);
          put_value_list(st, i, out);
        }
        putc('\n', out);
      }
      nrows++;
    }
    if (json && ncol) fputs(nrows ? "]\n" : "[]\n", out);
    if (rc != SQLITE_DONE) {
      fprintf(stderr, "heaptrail sql: %s\n", ht_profile_errmsg(p, msg, sizeof msg));
      sqlite3_finalize(st);
      return -1;
    }
    sqlite3_finalize(st);
  }
  return 0;
}

int ht_cmd_sql(int argc, char **argv) {
  int header = 0, json = 0, i = 1;
  unsigned flags = 0;
  for (; i < argc && !strncmp(argv[i], "--", 2); i++) {
    if (!strcmp(argv[i], "--")) { i++; break; }
    if (!strcmp(argv[i], "--header")) header = 1;
    else if (!strcmp(argv[i], "--json")) json = 1;
    else if (!strcmp(argv[i], "--check")) flags |= HT_PROFILE_CHECK;
    else if (!strcmp(argv[i], "--readonly")) flags |= HT_PROFILE_READONLY;
    else if (!strcmp(argv[i], "--help")) { usage(stdout); return 0; }
    else {
      fprintf(stderr, "heaptrail sql: unknown option %s\n", argv[i]);
      usage(stderr);
      return 2;
    }
  }
  if (argc - i < 2) {
    usage(stderr);
    return 2;
  }
  const char *path = argv[i++];
  char err[1024];
  ht_profile *p;
  if (ht_profile_open(&p, path, flags, err, sizeof err)) {
    fprintf(stderr, "heaptrail sql: %s\n", err);
    return 1;
  }
  if (ht_profile_finalized(p))
    fprintf(stderr, "heaptrail sql: note: %s was not finished (the run was killed?); "
            "finalized it%s\n", path,
            ht_profile_finalized(p) == HT_FINALIZED_TEMP ? " in memory (the file is read-only or busy)" : "");
  sqlite3_exec(ht_profile_db(p), "PRAGMA query_only=1", NULL, NULL, NULL);
  int status = 0;
  for (; i < argc && !status; i++)
    if (run_sql(p, argv[i], header, json, stdout)) status = 1;
  if (fflush(stdout)) status = 1;
  ht_profile_close(p);
  return status;
}
