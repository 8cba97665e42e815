/*
** packed.h -- the packed derived tables: `object_blob` and `series_blob`.
**
** They hold what would otherwise be millions of small SQLite rows, packed
** with the prefix varints of encode.h, and are read back through virtual
** tables with the documented columns: `object` (object-vtab.c) reads
** `object_blob` and, for free_seq = N, its index `object_end`; `series`
** (series-vtab.c) reads `series_blob`.
**
** ---- object_blob: object lifetimes ----
**
** The finalizer (derive.c) knows every object of a run: where and when it was
** created, and when it ended.  Storing one SQLite row per object costs about
** 27 bytes and a B-tree insert each (1.3 million objects a second), so
** objects are stored instead in runs of HT_OBJ_BLOB_OBJECTS consecutive
** objects (by id), one `object_blob` row per run, and the `object` virtual
** table (object-vtab.c) decodes them back into rows.
**
** A row holds the run's id range, a few figures the virtual table uses to
** skip whole runs (the smallest and largest free_seq, the number of objects
** alive at the end), and three BLOBs.  The run is cut into blocks of
** HT_OBJ_SUB objects that decode on their own, so finding one object by id
** decodes at most HT_OBJ_SUB of them:
**
**   idx    per block, the offsets (4-byte little-endian) of its records in
**          data and in fate: 8 bytes a block;
**   data   the creation fields, one record per object, in id order, written
**          as each object is created:
**            header  bits 0-1  id - previous id - 1 when below 3; 3: a varint
**                              of (id - previous id) follows
**                    bit 2     HT_O_PRE     the object predates the log
**                    bit 3     HT_O_TAG     a tag byte follows (else the
**                                           previous object's tag)
**                    bit 4     HT_O_SIZE    a size varint follows (else the
**                                           previous size seen with this tag)
**                    bit 5     HT_O_STACK   a zigzag varint of the change of
**                                           stack follows (else the same)
**                    bit 6     HT_O_NATIVE  the same for the native stack
**            order   header [id delta] [tag] addr [size] [stack] [native]
**          addr is coded as in encode.h: the difference from the previous
**          address of the same tag, divided by 8, zigzagged, shifted left
**          one bit, the low bit flagging one more byte for the low 3 bits.
**          Each block starts afresh: its "previous id" is the run's first_id
**          - 1, every other state 0.
**   fate   what became of each object, one varint per object, in the same
**          order, written when the run's last object has ended (or when the
**          profile is finalized): 0 or 1 means alive at the end (free_seq
**          NULL), else bits 1.. are (free_seq - id + 1); bit 0 says a varint
**          of the object's last size follows (it was resized).
**
** Varints are the prefix varints of encode.h.  On the VM's objects a record
** costs about 5 bytes of data and 2 of fate.
*/
#ifndef HT_OBJBLOB_H
#define HT_OBJBLOB_H

#include <stddef.h>
#include <stdint.h>
#include "encode.h"

#define HT_OBJ_BLOB_OBJECTS 4096   /* objects per object_blob row */
#define HT_OBJ_SUB 256             /* objects per block of a row */
#define HT_OBJ_BLOCKS (HT_OBJ_BLOB_OBJECTS / HT_OBJ_SUB)   /* blocks in a full row */
#define HT_OBJ_MAXBYTES 64         /* a data record's bound, with slack */
#define HT_FATE_MAXBYTES 32        /* a fate record's bound, with slack */

#define HT_O_PRE    0x04
#define HT_O_TAG    0x08
#define HT_O_SIZE   0x10
#define HT_O_STACK  0x20
#define HT_O_NATIVE 0x40

/* One object, decoded. */
typedef struct ht_obj {
  uint64_t id;                 /* seq of the event that created it */
  uint64_t addr;               /* address when created */
  uint64_t size;               /* last size */
  int64_t free_seq;            /* seq of its end; -1: alive at the end */
  uint32_t stack;              /* script stack of the creation */
  uint32_t native;             /* native stack of the creation (0 = none) */
  uint8_t tag;                 /* ht_tag */
  uint8_t pre;                 /* 1: allocated before the log began */
} ht_obj;

/* State of a data section's encoder (or decoder). */
typedef struct ht_objenc {
  uint64_t last_addr[256];     /* previous address per tag */
  uint64_t last_size[256];     /* previous size per tag */
  uint64_t prev_id;            /* previous object's id */
  uint32_t stack;              /* previous stack */
  uint32_t native;             /* previous native stack */
  uint8_t tag;                 /* previous tag */
} ht_objenc;

static inline void ht_objenc_reset(ht_objenc *e, uint64_t first_id) {
  memset(e, 0, sizeof *e);
  e->prev_id = first_id - 1;
}

/* Append the data record of one object at P (HT_OBJ_MAXBYTES of room);
** returns the new end. */
static inline uint8_t *ht_objenc_put(ht_objenc *e, uint8_t *p, uint64_t id, int pre,
                                     unsigned tag, uint64_t addr, uint64_t size,
                                     uint32_t stack, uint32_t native) {
  uint8_t *h = p++;
  uint64_t did = id - e->prev_id;
  unsigned hdr = pre ? HT_O_PRE : 0;
  tag &= 0xff;
  e->prev_id = id;
  if (did - 1 < 3) {
    hdr |= (unsigned)(did - 1);
  } else {
    hdr |= 3;
    p = ht_put_varint(p, did);
  }
  if (tag != e->tag) {
    hdr |= HT_O_TAG;
    *p++ = (uint8_t)tag;
    e->tag = (uint8_t)tag;
  }
  p = ht_put_addr(p, &e->last_addr[tag], addr);
  if (size != e->last_size[tag]) {
    hdr |= HT_O_SIZE;
    p = ht_put_varint(p, size);
    e->last_size[tag] = size;
  }
  if (stack != e->stack) {
    hdr |= HT_O_STACK;
    p = ht_put_varint(p, ht_zigzag((int64_t)stack - (int64_t)e->stack));
    e->stack = stack;
  }
  if (native != e->native) {
    hdr |= HT_O_NATIVE;
    p = ht_put_varint(p, ht_zigzag((int64_t)native - (int64_t)e->native));
    e->native = native;
  }
  *h = (uint8_t)hdr;
  return p;
}

/* Append the fate record of an object at P (HT_FATE_MAXBYTES of room): LIFE
** is free_seq - id (-1: alive at the end) and, when RESIZED, SIZE its last
** size. */
static inline uint8_t *ht_objfate_put(uint8_t *p, int64_t life, int resized, uint64_t size) {
  uint64_t v = life < 0 ? 0 : ((uint64_t)life + 1) << 1;
  p = ht_put_varint(p, v | (resized ? 1u : 0u));
  return resized ? ht_put_varint(p, size) : p;
}

/* Write block K's offsets (DATA_OFF into data, FATE_OFF into fate) into
** the idx BLOB at IDX. */
static inline void ht_objidx_put(uint8_t *idx, uint32_t k, uint32_t data_off, uint32_t fate_off) {
  for (int b = 0; b < 4; b++) {
    idx[8 * k + b] = (uint8_t)(data_off >> (8 * b));
    idx[8 * k + 4 + b] = (uint8_t)(fate_off >> (8 * b));
  }
}

/* An object_blob row, as read (all borrowed). */
typedef struct ht_objrow {
  const uint8_t *idx;          /* idx column */
  size_t nidx;                 /* its bytes */
  const uint8_t *data;         /* data column */
  size_t ndata;                /* its bytes */
  const uint8_t *fate;         /* fate column */
  size_t nfate;                /* its bytes */
  uint64_t first_id;           /* first_id column */
  uint32_t n;                  /* n column */
} ht_objrow;

/* Decode the N objects of ROW into OUT (room for N).  Returns 0, or -1 when
** the row is malformed. */
int ht_objrow_decode(const ht_objrow *row, ht_obj *out);

/* Decode the block of ROW that holds object ID, if any, into OUT (room for
** HT_OBJ_SUB).  Returns the number of objects decoded (0: no block can hold
** ID) with the block's number in *BLOCK, or -1 when the row is malformed. */
int ht_objrow_find(const ht_objrow *row, uint64_t id, ht_obj *out, uint32_t *block);

/*
** ---- object_end: objects by the seq of their end ----
**
** An index of `object` on free_seq: the objects that ended, in the order
** they ended (free_seq, then the order of the replay), about 16000 bytes of
** them to a row (one page of the profile), one record each:
**
**   free   varint: free_seq - previous free_seq (the first: free_seq -
**          first_free, that is 0)
**   life   varint: free_seq - id
**
** The deriver appends a record as each object ends, so the rows are written
** as the run goes.  About 2 bytes per object.
*/
#define HT_END_MAXBYTES 32           /* an end record's bound, with slack */

/* One end, decoded. */
typedef struct ht_objend {
  uint64_t free_seq;           /* seq of the object's end */
  uint64_t id;                 /* the object */
} ht_objend;

static inline uint8_t *ht_objend_put(uint8_t *p, uint64_t prev_free, uint64_t free_seq, uint64_t id) {
  p = ht_put_varint(p, free_seq - prev_free);
  return ht_put_varint(p, free_seq - id);
}

/* Decode the N records of an object_end row starting at FIRST_FREE into
** OUT.  Returns 0, or -1 when the row is malformed. */
int ht_objend_decode(const void *data, size_t ndata, uint64_t first_free, uint32_t n, ht_objend *out);

/*
** ---- series_blob: the timelines ----
**
** One row per (level, tag) of the series holds, in bucket order, the
** buckets where the tag had live objects or events, one record each:
**
**   bucket      varint: bucket - previous bucket (the first: bucket + 1)
**   t           varint: t - previous t (the first: t)
**   count       zigzag varint: count - previous count
**   bytes       zigzag varint: bytes - previous bytes
**   peak_bytes  zigzag varint: peak_bytes - bytes
**   allocs      varint
**   frees       varint
**
** ("previous" values start at 0.)  A level-0 row has at most 16384 records,
** about 6 bytes each.
*/
#define HT_SERIES_MAXBYTES 72        /* a series record's bound, with slack */

/* One bucket of one tag, decoded. */
typedef struct ht_sbucket {
  int64_t bucket;              /* bucket number within its level */
  int64_t t;                   /* time of the bucket's last event */
  int64_t count;               /* live objects at the bucket's end */
  int64_t bytes;               /* live bytes at the bucket's end */
  int64_t peak;                /* most live bytes in the bucket */
  int64_t allocs;              /* ALLOC and REALLOC events */
  int64_t frees;               /* FREE events */
} ht_sbucket;

/* Append B's record at P (HT_SERIES_MAXBYTES of room), PREV being the
** previous record (all zero before the first, with bucket -1); returns the
** new end. */
static inline uint8_t *ht_series_put(uint8_t *p, const ht_sbucket *prev, const ht_sbucket *b) {
  p = ht_put_varint(p, (uint64_t)(b->bucket - prev->bucket));
  p = ht_put_varint(p, (uint64_t)(b->t - prev->t));
  p = ht_put_varint(p, ht_zigzag(b->count - prev->count));
  p = ht_put_varint(p, ht_zigzag(b->bytes - prev->bytes));
  p = ht_put_varint(p, ht_zigzag(b->peak - b->bytes));
  p = ht_put_varint(p, (uint64_t)b->allocs);
  return ht_put_varint(p, (uint64_t)b->frees);
}

/* Decode the N records of a series_blob row into OUT (room for N).  Returns
** 0, or -1 when the row is malformed (or its buckets do not increase). */
int ht_series_decode(const void *data, size_t ndata, uint32_t n, ht_sbucket *out);

#endif
