/*
** schema.c -- running schema.sql: the recording tables, the derived tables
** in `main` or `temp`, and small meta writes.
**
** schema.sql is split at the "-- @derived" line (schema.h).  Statements are
** run one at a time with "main." replaced by the target schema's name, so
** the same text builds the derived tables in the file or, for a reader that
** cannot write it, as temp tables of its own connection.
*/
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "schema.h"
#include "tags.h"

_Atomic unsigned long ht_derive_progress;

/* ---- running schema text ---- */

static void set_err(char *err, size_t errsz, const char *fmt, const char *a, const char *b) {
  if (err && errsz) snprintf(err, errsz, fmt, a, b);
}

/* Copy SQL[0..LEN) replacing "main." at identifier starts by SCHEMA ".". */
static char *subst_schema(const char *sql, size_t len, const char *schema) {
  size_t slen = schema ? strlen(schema) : 4;
  char *out = malloc(len * (slen + 2) / 4 + len + 1), *o = out;
  if (!out) return NULL;
  for (size_t i = 0; i < len;) {
    int at_word = i == 0 || !(sql[i - 1] == '_' || sql[i - 1] == '.' ||
                              (sql[i - 1] >= 'a' && sql[i - 1] <= 'z') ||
                              (sql[i - 1] >= 'A' && sql[i - 1] <= 'Z') ||
                              (sql[i - 1] >= '0' && sql[i - 1] <= '9'));
    if (schema && at_word && i + 5 <= len && !memcmp(sql + i, "main.", 5)) {
      memcpy(o, schema, slen);
      o += slen;
      *o++ = '.';
      i += 5;
    } else {
      *o++ = sql[i++];
    }
  }
  *o = 0;
  return out;
}

static const char *skip_space(const char *p) {
  for (;;) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    if (p[0] == '-' && p[1] == '-') {
      while (*p && *p != '\n') p++;
    } else {
      return p;
    }
  }
}

/* End of the statement starting at P: just past its ';' (or the NUL). */
static const char *stmt_end(const char *p) {
  char q = 0;
  for (; *p; p++) {
    if (q) {
      if (*p == q) q = 0;
    } else if (*p == '\'' || *p == '"' || *p == '`' || *p == '[') {
      q = *p == '[' ? ']' : *p;
    } else if (p[0] == '-' && p[1] == '-') {
      while (p[1] && p[1] != '\n') p++;
    } else if (p[0] == '/' && p[1] == '*') {
      for (p += 2; *p && !(p[0] == '*' && p[1] == '/'); p++) {}
      if (!*p) return p;
      p++;
    } else if (*p == ';') {
      return p + 1;
    }
  }
  return p;
}

/* WHICH: 0 every statement, 1 all but CREATE INDEX, 2 only CREATE INDEX. */
static int sql_run(sqlite3 *db, const char *sql, long len, const char *schema, int which,
                   char *err, size_t errsz) {
  size_t n = len < 0 ? strlen(sql) : (size_t)len;
  char *text = subst_schema(sql, n, schema);
  if (!text) {
    set_err(err, errsz, "out of memory%s%s", "", "");
    return -1;
  }
  int rc = 0;
  for (const char *p = text; *(p = skip_space(p)); ) {
    const char *end = stmt_end(p);
    atomic_fetch_add_explicit(&ht_derive_progress, 1, memory_order_relaxed);
    int is_index = !sqlite3_strnicmp(p, "CREATE INDEX", 12);
    if (which == 0 || (which == 1) != is_index) {
      sqlite3_stmt *st = NULL;
      if (sqlite3_prepare_v2(db, p, (int)(end - p), &st, NULL) != SQLITE_OK) {
        char buf[160];
        snprintf(buf, sizeof buf, "%.*s", (int)(end - p < 150 ? end - p : 150), p);
        set_err(err, errsz, "%s (SQL: %s)", sqlite3_errmsg(db), buf);
        rc = -1;
        break;
      }
      int step = SQLITE_DONE;
      if (st)
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {}
      if (step != SQLITE_DONE) {
        set_err(err, errsz, "%s (SQL: %s)", sqlite3_errmsg(db), sqlite3_sql(st));
        rc = -1;
      }
      sqlite3_finalize(st);
      if (rc) break;
    }
    p = end;
  }
  free(text);
  return rc;
}

int ht_sql_run(sqlite3 *db, const char *sql, long len, const char *schema, char *err,
               size_t errsz) {
  return sql_run(db, sql, len, schema, 0, err, errsz);
}

static const char *derived_part(void) {
  const char *m = strstr(ht_schema_sql, HT_DERIVED_MARKER);
  return m ? m : ht_schema_sql + strlen(ht_schema_sql);
}

static int exec1(sqlite3 *db, const char *sql, char *err, size_t errsz) {
  if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
    set_err(err, errsz, "%s (SQL: %s)", sqlite3_errmsg(db), sql);
    return -1;
  }
  return 0;
}

static const char *const kind_names[] = {
  "alloc", "free", "realloc", "mark", "gc_start", "gc_end", "snapshot", "sample"
};

int ht_schema_base(sqlite3 *db, char *err, size_t errsz) {
  if (sql_run(db, ht_schema_sql, derived_part() - ht_schema_sql, NULL, 0, err, errsz))
    return -1;
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, "INSERT INTO tag(id, name, kind) VALUES(?1, ?2, ?3)", -1, &st, NULL);
  for (int t = 0; rc == SQLITE_OK && t < HT_NTAGS; t++) {
    sqlite3_bind_int(st, 1, t);
    sqlite3_bind_text(st, 2, ht_tag_name(t), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, ht_tag_kind(t) == HT_TAGKIND_OBJECT ? "object" : "internal", -1,
                      SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  st = NULL;
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(db, "INSERT INTO event_kind(id, name) VALUES(?1, ?2)", -1, &st, NULL);
  for (int k = 0; rc == SQLITE_OK && k < 8; k++) {
    sqlite3_bind_int(st, 1, k);
    sqlite3_bind_text(st, 2, kind_names[k], -1, SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_OK) {
    set_err(err, errsz, "%s%s", sqlite3_errmsg(db), "");
    return -1;
  }
  return 0;
}

/* Drop every table and view the derived part creates, in SCHEMA. */
static int drop_derived(sqlite3 *db, const char *schema, char *err, size_t errsz) {
  static const char *const what[] = { "CREATE TABLE main.", "CREATE VIEW main." };
  for (int w = 0; w < 2; w++) {
    for (const char *p = derived_part(); (p = strstr(p, what[w])); ) {
      p += strlen(what[w]);
      size_t n = strcspn(p, " (\n");
      char sql[256];
      snprintf(sql, sizeof sql, "DROP %s IF EXISTS %s.%.*s", w ? "VIEW" : "TABLE", schema,
               (int)n, p);
      if (exec1(db, sql, err, errsz)) return -1;
    }
  }
  return 0;
}

int ht_schema_derived(sqlite3 *db, const char *schema, char *err, size_t errsz) {
  return drop_derived(db, schema, err, errsz) ||
         sql_run(db, derived_part(), -1, schema, 1, err, errsz) ? -1 : 0;
}

int ht_schema_derived_indexes(sqlite3 *db, const char *schema, char *err, size_t errsz) {
  return sql_run(db, derived_part(), -1, schema, 2, err, errsz);
}

int ht_meta_set(sqlite3 *db, const char *schema, const char *key, const char *value,
                long long ivalue, char *err, size_t errsz) {
  char sql[128];
  sqlite3_stmt *st = NULL;
  snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO %s.meta(key, value) VALUES(?1, ?2)", schema);
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (rc == SQLITE_OK) {
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (value) sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    else sqlite3_bind_int64(st, 2, ivalue);
    rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_OK) {
    set_err(err, errsz, "cannot set meta %s: %s", key, sqlite3_errmsg(db));
    return -1;
  }
  return 0;
}
