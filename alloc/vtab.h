/*
** vtab.h -- what the profile's virtual tables (events, object, series) share.
**
** Each table's sqlite3_vtab subclass starts with an ht_vtab, so that the
** helpers below can reach the connection from any of its cursors.  Cursors
** prepare their statements lazily and report errors through the table's
** zErrMsg, as SQLite expects of xFilter/xNext.
*/
#ifndef HT_VTAB_H
#define HT_VTAB_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

typedef struct ht_vtab {
  sqlite3_vtab base;           /* SQLite's header */
  sqlite3 *db;                 /* the connection (borrowed) */
} ht_vtab;

/* xConnect's common part: declare DECL (a CREATE TABLE statement) and make
** a zeroed table of SIZE bytes (>= sizeof(ht_vtab)) bound to DB. */
int ht_vtab_new(sqlite3 *db, const char *decl, size_t size, sqlite3_vtab **out);

/* Set the table's error to MSG (sqlite3_mprintf'd, owned), or to the
** connection's last error when MSG is NULL; returns RC. */
int ht_vtab_error(sqlite3_vtab_cursor *cur, int rc, char *msg);

/* Prepare SQL into *ST unless it already is. */
int ht_vtab_prepare(sqlite3_vtab_cursor *cur, sqlite3_stmt **st, const char *sql);

/* A generous integer bound from a constraint's value V: floor for LOWER
** bounds, else ceiling, clamped to int64.  Values that are not numbers (and
** NaN) give OPEN; NULL also sets *NUL, since a comparison with NULL matches
** nothing.  SQLite re-checks every constraint, so callers need only be
** generous. */
int64_t ht_vtab_bound(sqlite3_value *v, int lower, int64_t open, int *nul);

#endif
