/*
** schema.h -- the profile schema and the finalizer (internal to alloc/).
**
** schema.sql is the one description of a profile's tables.  It is embedded at
** build time as ht_schema_sql (generated alloc/schema-sql.c).  The text before
** the line "-- @derived" creates the recording tables (the recorder runs it
** when it opens a file); the text after it creates the derived tables, every
** name written `main.`; ht_schema_derived() runs it with `main.` replaced by
** another schema name (`temp` when a reader finalizes a file it cannot write).
**
** Errors: functions return 0 on success and -1 on failure with a message in
** ERR (ERRSZ bytes), which names the failing SQL where that helps.
*/
#ifndef HT_SCHEMA_H
#define HT_SCHEMA_H

#include <stdatomic.h>
#include <stddef.h>
#include <sqlite3.h>

#define HT_SCHEMA_VERSION 1
#define HT_APPLICATION_ID 0x48545052   /* "HTPR" */
#define HT_DERIVED_MARKER "-- @derived"

extern const char ht_schema_sql[];

/* Bumped as ht_derive() makes progress (a signal handler watches it). */
extern _Atomic unsigned long ht_derive_progress;

/* Run every statement of SQL (LEN bytes, or up to NUL if LEN < 0), with each
** "main." replaced by SCHEMA "." when SCHEMA is not NULL. */
int ht_sql_run(sqlite3 *db, const char *sql, long len, const char *schema,
               char *err, size_t errsz);

/* Create the recording tables and fill `tag` and `event_kind`. */
int ht_schema_base(sqlite3 *db, char *err, size_t errsz);

/* Drop and recreate the derived tables in SCHEMA ("main" or "temp"). */
int ht_schema_derived(sqlite3 *db, const char *schema, char *err, size_t errsz);

/* Build the derived tables of DB in SCHEMA from its chunks, in one
** transaction, and set meta finished=1, finalized_by=BY and complete=COMPLETE.
** With SCHEMA "temp", a copy of meta is made in temp first. */
int ht_derive(sqlite3 *db, const char *schema, const char *by, int complete,
              char *err, size_t errsz);

/* Set meta KEY to VALUE (text) or IVALUE (when VALUE is NULL) in SCHEMA. */
int ht_meta_set(sqlite3 *db, const char *schema, const char *key,
                const char *value, long long ivalue, char *err, size_t errsz);

#endif
