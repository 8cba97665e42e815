/*
** profile.h -- opening a heaptrail profile for reading.
**
** A profile is one SQLite file written by the recorder (recorder.h); its
** tables are described in doc/profile-format.md.  ht_profile_open() checks
** that a file really is a profile before anything else looks at it -- it
** tells a missing, empty, truncated, corrupt or foreign file (a text file, an
** SQLite database of another program) apart, and refuses schema versions it
** does not know -- then registers the `events`, `object` and `series` virtual
** tables on the
** connection and, if the run that wrote the file was killed, finalizes it:
** builds the derived tables in the file when it can write it, or as temp
** tables of this connection when it cannot (read-only file or directory, a
** full disk, or a recorder still writing the file).
**
** Ownership: ht_profile_open returns a new ht_profile, released by
** ht_profile_close; the sqlite3 handle from ht_profile_db is borrowed.
** Errors: functions returning int return 0 on success and -1 on failure with
** a message that starts with the file's name.
*/
#ifndef HT_PROFILE_H
#define HT_PROFILE_H

#include <stddef.h>
#include <sqlite3.h>

typedef struct ht_profile ht_profile;

enum {
  HT_PROFILE_READONLY = 1,    /* never write the file (finalize into temp) */
  HT_PROFILE_CHECK = 2,       /* also run PRAGMA quick_check on open */
  HT_PROFILE_NOFINALIZE = 4   /* open an unfinished profile as it is */
};

/* What ht_profile_open did to an unfinished profile. */
enum {
  HT_FINALIZED_NO = 0,        /* the file was finished already (or NOFINALIZE) */
  HT_FINALIZED_FILE = 1,      /* derived tables were written into the file */
  HT_FINALIZED_TEMP = 2       /* derived tables live in this connection only */
};

/* Open PATH.  On success *OUT is a new profile and 0 is returned; on failure
** ERR (ERRSZ bytes) says why, starting with PATH, and -1 is returned. */
int ht_profile_open(ht_profile **out, const char *path, unsigned flags, char *err,
                    size_t errsz);

/* Close P and everything it owns.  P may be NULL. */
void ht_profile_close(ht_profile *p);

/* The connection (borrowed, valid until ht_profile_close). */
sqlite3 *ht_profile_db(ht_profile *p);

/* The path P was opened with (borrowed). */
const char *ht_profile_path(ht_profile *p);

/* HT_FINALIZED_NO, _FILE or _TEMP. */
int ht_profile_finalized(ht_profile *p);

/* Format the connection's last error for the user into BUF: "PATH: corrupt
** profile (...)" for damaged data, "PATH: MSG" otherwise.  Returns BUF. */
char *ht_profile_errmsg(ht_profile *p, char *buf, size_t n);

/* Register the `events`, `object` and `series` virtual tables on DB (any
** connection to a profile).  Returns 0 on success. */
int ht_events_register(sqlite3 *db);

/* Decode the events with LO <= seq <= HI of the profile on DB, in seq order,
** and pass them to FN(UD, EV, N), at most a chunk's worth per call (EV is an
** array of `struct ht_event`, encode.h; borrowed for the call).  This is the
** `events` table without SQLite's cost per row and column (about 5 ns per
** event instead of 100 for five columns), for C code that reads long ranges.
** Stops when FN returns nonzero and returns that value; returns 0 at the end,
** -1 with ERR (ERRSZ bytes) set on a database error or a malformed chunk. */
struct ht_event;
typedef int (*ht_events_fn)(void *ud, const struct ht_event *ev, size_t n);
int ht_events_scan(sqlite3 *db, long long lo, long long hi, ht_events_fn fn, void *ud, char *err,
                   size_t errsz);

/* What a file looks like, without opening it with SQLite. */
typedef enum ht_file_kind {
  HT_FILE_MISSING,            /* no such file */
  HT_FILE_UNREADABLE,         /* cannot stat or read it (errno in *ERRNUM) */
  HT_FILE_NOT_REGULAR,        /* a directory, a device ... */
  HT_FILE_EMPTY,              /* zero bytes */
  HT_FILE_NOT_SQLITE,         /* no SQLite header: text or another format */
  HT_FILE_FOREIGN,            /* an SQLite database of another application */
  HT_FILE_CORRUPT,            /* an SQLite header that makes no sense */
  HT_FILE_TRUNCATED,          /* a profile shorter than its header says */
  HT_FILE_PROFILE             /* looks like a heaptrail profile */
} ht_file_kind;

ht_file_kind ht_file_sniff(const char *path, int *errnum);

/* Nonzero when a recorder holds PATH open right now. */
int ht_file_busy(const char *path);

/* `heaptrail sql [--header] [--json] [--check] [--readonly] FILE SQL...`:
** ARGV[0] is "sql".  Prints each statement's rows to stdout, columns
** separated by '|' (sqlite3's list mode), or as JSON.  Returns the exit
** status: 0, 1 on an error (message on stderr), 2 on a usage error. */
int ht_cmd_sql(int argc, char **argv);

#endif
