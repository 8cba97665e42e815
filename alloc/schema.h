/*
** schema.h -- the profile schema and the finalizer (internal to alloc/).
**
** schema.sql is the one description of a profile's tables.  It is embedded at
** build time as ht_schema_sql (generated alloc/schema-sql.c).  The text before
** the line "-- @derived" creates the recording tables (the recorder runs it
** when it opens a file); the text after it creates the derived tables, every
** name written `main.`; ht_schema_derived() runs it with `main.` replaced by
** another schema name (`temp` when a reader finalizes a file it cannot write).
** schema.c runs the text; derive.c fills the derived tables.
**
** The deriver (ht_deriver) builds the derived tables from the events, fed in
** seq order: object lifetimes packed in `object_blob` (objblob.h), `resize`
** rows, per-site totals and the `series` timelines.  The recorder's writer
** thread feeds it each chunk as it stores it, so closing a recording only
** writes what is still in memory; a reader that finalizes a killed run
** (ht_derive) feeds it every chunk of the file.
**
** Errors: functions return 0 on success and -1 on failure with a message in
** ERR (ERRSZ bytes), which names the failing SQL where that helps.
*/
#ifndef HT_SCHEMA_H
#define HT_SCHEMA_H

#include <stdatomic.h>
#include <stddef.h>
#include <sqlite3.h>
#include "encode.h"

#define HT_SCHEMA_VERSION 2
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

/* Drop and recreate the derived tables and views in SCHEMA ("main" or
** "temp"), without their indexes. */
int ht_schema_derived(sqlite3 *db, const char *schema, char *err, size_t errsz);

/* Create the derived tables' indexes in SCHEMA (once they are filled). */
int ht_schema_derived_indexes(sqlite3 *db, const char *schema, char *err, size_t errsz);

/* Build the derived tables of DB in SCHEMA from its chunks, in one
** transaction, and set meta finished=1, finalized_by=BY and complete=COMPLETE.
** With SCHEMA "temp", a copy of meta is made in temp first. */
int ht_derive(sqlite3 *db, const char *schema, const char *by, int complete,
              char *err, size_t errsz);

/* The deriver: state of a replay (opaque; owned by its creator). */
typedef struct ht_deriver ht_deriver;

/* A new deriver writing into the (empty) derived tables of SCHEMA in DB.
** Returns 0 and *OUT, or -1 with ERR set. */
int ht_deriver_new(ht_deriver **out, sqlite3 *db, const char *schema, char *err, size_t errsz);

/* Replay N events (in seq order, continuing the previous call's).  Writes
** `object_blob` rows as runs of objects end, and `resize` rows, into the
** open transaction.  Returns 0; -1 on an SQLite error, -2 when out of
** memory (ht_deriver_error says which); after an error the deriver is
** unusable. */
int ht_deriver_feed(ht_deriver *d, const ht_event *ev, uint32_t n);

/* Write everything still in memory (object_blob rows of objects alive at the
** end, `site`, `series_level`, `series`, `native_frame`), create the
** indexes and set the derived meta values, with finished=1, finalized_by=BY
** and complete=COMPLETE, into the open transaction.  Returns 0 or -1. */
int ht_deriver_finish(ht_deriver *d, const char *by, int complete);

/* The last error, "" if none (borrowed). */
const char *ht_deriver_error(const ht_deriver *d);

/* Events replayed so far. */
uint64_t ht_deriver_events(const ht_deriver *d);

/* Free D and everything it owns.  D may be NULL. */
void ht_deriver_free(ht_deriver *d);

/* Register the `object` (object-vtab.c) and `series` (series-vtab.c)
** virtual tables on DB; profile.h's ht_events_register calls them.  Return 0
** on success. */
int ht_object_register(sqlite3 *db);
int ht_series_register(sqlite3 *db);

/* Set meta KEY to VALUE (text) or IVALUE (when VALUE is NULL) in SCHEMA. */
int ht_meta_set(sqlite3 *db, const char *schema, const char *key,
                const char *value, long long ivalue, char *err, size_t errsz);

#endif
