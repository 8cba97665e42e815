/*
** vtab.c -- helpers shared by the profile's virtual tables (vtab.h).
*/
#include <math.h>
#include <string.h>
#include "vtab.h"

int ht_vtab_new(sqlite3 *db, const char *decl, size_t size, sqlite3_vtab **out) {
  int rc = sqlite3_declare_vtab(db, decl);
  if (rc != SQLITE_OK) return rc;
  ht_vtab *v = sqlite3_malloc64(size);
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, size);
  v->db = db;
  *out = &v->base;
  return SQLITE_OK;
}

int ht_vtab_error(sqlite3_vtab_cursor *cur, int rc, char *msg) {
  ht_vtab *v = (ht_vtab *)cur->pVtab;
  sqlite3_free(v->base.zErrMsg);
  v->base.zErrMsg = msg ? msg : sqlite3_mprintf("%s", sqlite3_errmsg(v->db));
  return rc;
}

int ht_vtab_prepare(sqlite3_vtab_cursor *cur, sqlite3_stmt **st, const char *sql) {
  if (*st) return SQLITE_OK;
  int rc = sqlite3_prepare_v2(((ht_vtab *)cur->pVtab)->db, sql, -1, st, NULL);
  return rc == SQLITE_OK ? rc : ht_vtab_error(cur, rc, NULL);
}

int64_t ht_vtab_bound(sqlite3_value *v, int lower, int64_t open, int *nul) {
  switch (sqlite3_value_numeric_type(v)) {
  case SQLITE_INTEGER: return sqlite3_value_int64(v);
  case SQLITE_FLOAT: {
    double d = sqlite3_value_double(v);
    if (isnan(d)) return open;
    d = lower ? floor(d) : ceil(d);
    if (d <= -9.2e18) return INT64_MIN;
    if (d >= 9.2e18) return INT64_MAX;
    return (int64_t)d;
  }
  case SQLITE_NULL: *nul = 1; return open;
  default: return open;
  }
}
