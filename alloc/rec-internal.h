/*
** rec-internal.h -- state shared by the recorder's files (not installed).
**
** Two threads touch a recording:
**
**   the VM thread   calls ht_rec_event() and friends; it alone appends events
**                   to `buf`, and it alone appends to the interning tables;
**   the writer      (writer.c) takes full chunks from the queue, packs and
**                   stores them and the new table rows in SQLite, commits
**                   every flush_ms, samples memory every sample_ms.
**
** The VM thread only appends 16-byte records (htr_rec), an extra record
** for the rare event that does not fit (htr_xrec) and, every
** HTR_CLOCK_EVERY events, a clock reading; the writer packs each chunk into
** the compact format of encode.h, so the hot path is a handful of stores.
**
** Hand-over without locks on the hot path: the VM thread publishes how much
** of its current chunk is complete with one release store per event
** (htr_buf.pub), and how many rows of each interning table exist with one
** release store per new row (htr_pages.pub).  Everything below a published
** count is immutable, so the writer can store a partial chunk (and the rows it
** references) at any time without stopping the VM.  Full chunks travel
** through a mutex-protected queue and come back through a free list; the
** writer is the only thread that recycles a buffer, so a buffer it is reading
** cannot be reused under it.
**
** Nothing here allocates from the tagged arena: buffers, pages and hashes use
** the process malloc.  Only the VM thread may call the recorder's API (the
** arena is single-threaded too).
*/
#ifndef HT_REC_INTERNAL_H
#define HT_REC_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include "encode.h"
#include "recorder.h"

#define HTR_CHUNK_EVENTS 8192          /* events per chunk */
#define HTR_MAX_BUFS 128               /* buffers in flight before the VM waits */
#define HTR_CLOCK_EVERY 32             /* events per clock_gettime */
#define HTR_MAX_TICKS (HTR_CHUNK_EVENTS / HTR_CLOCK_EVERY + 2)
#define HTR_NATIVE_MAX 64              /* frames kept per native stack */

/* One event as the VM thread logs it: 16 bytes, no encoding.  The writer
** packs records into the chunk format (encode.h).  The common event (ALLOC or
** FREE of under 1 MiB, no native stack) fits the record alone; any other
** (a REALLOC with an old address, a big size, a native stack) sets
** HTR_X_FLAG and puts its old address, size and native id in the chunk's
** next htr_xrec, so the writer consumes extras in event order. */
typedef struct htr_rec {
  uint64_t obj;                /* address or id */
  uint32_t stack;              /* script-stack node */
  uint32_t kts;                /* kind | tag << 3 | HTR_X_FLAG | size << HTR_SIZE_SHIFT */
} htr_rec;
#define HTR_X_FLAG (1u << 11)            /* the sizes and ids are in an htr_xrec */
#define HTR_SIZE_SHIFT 12                /* inline size: bits 12..31 */
#define HTR_SIZE_INLINE (1u << 20)       /* sizes below this fit inline */

/* The rest of an event that does not fit an htr_rec. */
typedef struct htr_xrec {
  uint64_t old;                /* REALLOC: old address, else 0 */
  uint64_t size;               /* bytes */
  uint32_t native;             /* native-stack id */
} htr_xrec;

/* A clock reading: events from index `at` on have time `t`. */
typedef struct htr_tick {
  uint32_t at;                 /* index of the first event with this time */
  uint64_t t;                  /* ns since start */
} htr_tick;

/* One chunk being filled or waiting for the writer. */
typedef struct htr_buf {
  struct htr_buf *next;        /* queue or free-list link (under htr.mu) */
  uint64_t first_seq;          /* seq of the first event */
  uint64_t t0;                 /* time of events before the first tick */
  _Atomic uint64_t pub;        /* complete prefix: (events << 32) | ticks */
  uint32_t n;                  /* events written (VM thread only) */
  uint32_t nticks;             /* ticks written (VM thread only) */
  uint32_t nx;                 /* extras written (VM thread only) */
  htr_rec rec[HTR_CHUNK_EVENTS];           /* the events */
  htr_tick ticks[HTR_MAX_TICKS];           /* clock readings */
  htr_xrec x[HTR_CHUNK_EVENTS];            /* extras, in event order (pages
                                              untouched until used) */
} htr_buf;

/* An append-only array in fixed pages, so items never move and the writer can
** read the published prefix while the VM appends.  Item 0 is reserved: ids
** are indexes, starting at 1. */
#define HTR_PAGE_SHIFT 12
#define HTR_PAGE_ITEMS (1u << HTR_PAGE_SHIFT)
#define HTR_MAX_PAGES 16384
typedef struct htr_pages {
  char **page;                 /* HTR_MAX_PAGES page pointers (owned) */
  size_t elsize;               /* bytes per item */
  uint32_t n;                  /* items, including the reserved item 0 */
  _Atomic uint32_t pub;        /* items the writer may read */
} htr_pages;

typedef struct htr_code {
  char *filename;              /* owned copy */
  char *qualname;              /* owned copy */
  int firstlineno;             /* line of the def */
  uint32_t hash;               /* of the three fields */
} htr_code;

typedef struct htr_node {
  uint32_t parent;             /* parent node (0 = root) */
  uint32_t code;               /* code id */
  uint32_t line;               /* current line in that code */
  uint32_t depth;              /* 1 for a node whose parent is 0 */
} htr_node;

typedef struct htr_mark {
  uint64_t seq;                /* seq of the MARK event */
  uint64_t t;                  /* its time */
  char *label;                 /* owned copy */
} htr_mark;

typedef struct htr_native {
  uint64_t hash;               /* of the frames */
  uint32_t depth;              /* frames in pcs */
  uintptr_t *pcs;              /* return addresses, innermost first (owned) */
} htr_native;

/* Open-addressing table of ids (0 = empty slot); keys live in the pages. */
typedef struct htr_hash {
  uint32_t *slot;              /* mask + 1 ids (owned) */
  uint32_t mask;               /* capacity - 1, a power of two minus one */
  uint32_t count;              /* ids stored */
} htr_hash;

/* A direct-mapped cache entry in front of the node hash: the VM asks for
** the same few (parent, code, line) nodes over and over. */
typedef struct htr_ncache {
  uint32_t parent;             /* key: parent node */
  uint32_t code;               /* key: code id */
  uint32_t line;               /* key: line */
  uint32_t id;                 /* the node, 0 for an empty entry */
} htr_ncache;
#define HTR_NODE_CACHE 4096

enum { HTR_CLOSED, HTR_RUNNING, HTR_CLOSING, HTR_SIGNALLED };

typedef struct htr_state {
  /* VM thread: the hot path */
  htr_buf *buf;                /* chunk being filled */
  uint64_t seq;                /* seq of the next event */
  uint64_t now;                /* last clock reading, ns since t_origin */
  uint64_t t_origin;           /* CLOCK_MONOTONIC ns when the file opened */
  unsigned tick;               /* events until the next clock reading */
  int in_event;                /* re-entrancy guard */
  ht_stack_fn stack_fn;        /* current script stack, or NULL */
  void *stack_ud;              /* its argument */
  int native;                  /* record native stacks */
  uint32_t sample_emitted;     /* last sample id logged as an event */
  int reported;                /* the writer's failure was printed */

  /* interning: the VM thread appends, the writer reads up to pub */
  htr_pages codes;             /* htr_code, by code id */
  htr_pages nodes;             /* htr_node, by stack node id */
  htr_pages marks;             /* htr_mark, by mark id */
  htr_pages natives;           /* htr_native, by native-stack id */
  htr_hash code_hash;          /* code id lookup (VM thread) */
  htr_hash node_hash;          /* node id lookup (VM thread) */
  htr_hash native_hash;        /* native id lookup (VM thread) */
  htr_ncache node_cache[HTR_NODE_CACHE];   /* recent node lookups (VM thread) */

  /* shared with the writer, under mu */
  pthread_mutex_t mu;          /* guards the fields down to `err` */
  pthread_cond_t wake_writer;  /* queue, flush or stop */
  pthread_cond_t wake_vm;      /* a buffer came back, a flush finished */
  htr_buf *q_head, *q_tail;    /* chunks waiting for the writer */
  htr_buf *free_bufs;          /* recycled buffers */
  unsigned nbufs;              /* buffers allocated */
  uint64_t flush_req;          /* flushes asked for */
  uint64_t flush_done;         /* flushes committed */
  int stop;                    /* the writer should drain and exit */
  int failed;                  /* the writer hit an error (err says which) */
  char err[1024];              /* last error message */

  /* lock-free hand-over */
  _Atomic(htr_buf *) cur;      /* == buf, for the writer's partial commits */
  _Atomic uint32_t sample_pending; /* last sample id stored by the writer */
  _Atomic int state;           /* HTR_CLOSED ... HTR_SIGNALLED */
  _Atomic int signal_req;      /* signal number caught, for the writer */
  int sig_pipe[2];             /* writer -> handler: finalized */

  /* configuration */
  char *path;                  /* profile path (owned) */
  unsigned flush_ms;           /* commit period */
  unsigned sample_ms;          /* sampling period */
  int lock_fd;                 /* flock'ed while recording, or -1 */
} htr_state;

extern htr_state htr;

/* stacks.c: paged arrays and interning. */
int htr_pages_init(htr_pages *pg, size_t elsize);
void *htr_pages_add(htr_pages *pg);
void htr_pages_free(htr_pages *pg, void (*fini)(void *item));
static inline void *htr_pages_at(const htr_pages *pg, uint32_t i) {
  return pg->page[i >> HTR_PAGE_SHIFT] + (size_t)(i & (HTR_PAGE_ITEMS - 1)) * pg->elsize;
}
static inline void htr_pages_publish(htr_pages *pg) {
  atomic_store_explicit(&pg->pub, pg->n, memory_order_release);
}
int htr_intern_init(void);
void htr_intern_free(void);
uint32_t htr_hash_mix(uint64_t a, uint64_t b);
/* Find KEY's id in H using EQ(item, key), or 0. */
uint32_t htr_hash_find(const htr_hash *h, const htr_pages *pg, uint32_t hash,
                       int (*eq)(const void *item, const void *key), const void *key);
/* Add ID with HASH; HASHOF recomputes hashes when the table grows.
** Returns 0, or -1 when out of memory. */
int htr_hash_add(htr_hash *h, const htr_pages *pg, uint32_t id, uint32_t hash,
                 uint32_t (*hashof)(const void *item));
void htr_hash_free(htr_hash *h);

/* native.c */
uint32_t htr_native_capture(void);
void htr_native_free(void *item);

/* writer.c */
int htr_writer_open(const char *path, const ht_rec_options *opts);
int htr_writer_start(void);
int htr_writer_join(void);
/* Symbolize, build derived tables, mark finished, close the database.
** Returns 0 on success (htr.err set otherwise). */
int htr_writer_finish(int exit_status, int signo);
void htr_writer_close(void);
void htr_set_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
uint64_t htr_clock_ns(void);

/* native.c: store symbols for every pc of the recorded native stacks
** (dladdr, then libunwind).  Runs at close, in the recording process. */
struct sqlite3;
int htr_native_symbolize(struct sqlite3 *db);

#endif
