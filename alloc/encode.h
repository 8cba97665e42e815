/*
** encode.h -- the packed event format of a profile's `chunk` rows.
**
** A chunk is a run of consecutive events (seq first_seq .. first_seq+n-1)
** stored as one BLOB.  Each event is a header byte followed by its fields:
**
**   header   bits 0-2  kind (ht_event_kind)
**            bit 3     HT_F_TAG     a tag byte follows (else: same tag as the
**                                   previous event of the chunk)
**            bit 4     HT_F_SIZE    a size varint follows (else: the size of
**                                   the previous event with this tag)
**            bit 5     HT_F_STACK   a zigzag varint of (stack - previous stack)
**            bit 6     HT_F_NATIVE  a zigzag varint of (native - previous native)
**            bit 7     HT_F_TIME    a varint of (t - previous t) follows
**   order    header [dt] [tag] obj [old] [size] [stack] [native]
**
** Varints are prefix varints (see ht_put_varint): n bytes carry 7n bits and
** the first byte's trailing zeros say n.  Addresses (obj of ALLOC/FREE/
** REALLOC, old of REALLOC) are coded as the difference from the previous
** address seen with the same tag, divided by 8 and zigzagged, shifted left
** one bit; the low bit says that one more byte (the difference's low 3 bits)
** follows, for the rare unaligned address.
** A REALLOC codes old first, then obj relative to old.  Other kinds store obj
** as a plain varint (an id) and have no `old`.
**
** Every chunk starts from a fresh state (ht_codec_reset, with t = the chunk's
** t0 column), so any chunk -- and any prefix of one -- decodes on its own.
** This is what lets the writer store a partial chunk and a reader use every
** chunk committed before a crash.
**
** The encoder is inline here because it sits on the recorder's hot path; the
** decoder is in encode.c.
*/
#ifndef HT_ENCODE_H
#define HT_ENCODE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define HT_F_TAG    0x08
#define HT_F_SIZE   0x10
#define HT_F_STACK  0x20
#define HT_F_NATIVE 0x40
#define HT_F_TIME   0x80

/* Upper bound on the encoded size of one event, plus the 8 bytes of slack
** the encoder's wide stores need. */
#define HT_EVENT_MAXBYTES 72

/* Encoder and decoder state; both sides evolve it identically. */
typedef struct ht_codec {
  uint64_t last_addr[256];  /* previous address per tag */
  uint64_t last_size[256];  /* previous size per tag */
  uint64_t t;               /* time of the previous event, ns since start */
  uint32_t stack;           /* previous script-stack id */
  uint32_t native;          /* previous native-stack id */
  uint8_t tag;              /* previous tag */
} ht_codec;

/* One decoded event. */
typedef struct ht_event {
  uint64_t seq;     /* global sequence number */
  uint64_t t;       /* ns since the recording started */
  uint64_t obj;     /* address, or an id for non-memory kinds */
  uint64_t old;     /* REALLOC: old address; 0 otherwise */
  uint64_t size;    /* bytes */
  uint32_t stack;   /* script-stack node (0 = empty) */
  uint32_t native;  /* native-stack id (0 = none) */
  uint8_t kind;     /* ht_event_kind */
  uint8_t tag;      /* ht_tag */
} ht_event;

static inline void ht_codec_reset(ht_codec *c, uint64_t t0) {
  memset(c, 0, sizeof *c);
  c->t = t0;
}

/* Varints are prefix varints: a value of up to 7n bits (n = 1..8) takes n
** bytes, stored little-endian as (v << n) | (1 << (n - 1)), so the first
** byte's trailing zeros give the length; a first byte of 0 means the 8 bytes
** that follow hold the value.  The encoder writes with one unaligned 8-byte
** store (the buffer keeps HT_EVENT_MAXBYTES of slack) and no loop; the
** length comes from a table indexed by the value's bit count. */
extern const uint8_t ht_varint_len[65];

static inline uint8_t *ht_put_varint(uint8_t *p, uint64_t v) {
  unsigned bits = 64 - (unsigned)__builtin_clzll(v | 1);
  if (__builtin_expect(bits > 56, 0)) {
    p[0] = 0;
    memcpy(p + 1, &v, 8);
    return p + 9;
  }
  unsigned n = ht_varint_len[bits];
  uint64_t w = (v << n) | (1ull << (n - 1));
  memcpy(p, &w, 8);
  return p + n;
}

/* Read a varint at *PP without bounds checks: the caller guarantees 9
** readable bytes.  Advances *PP. */
static inline uint64_t ht_get_varint_fast(const uint8_t **pp) {
  const uint8_t *p = *pp;
  uint64_t w;
  memcpy(&w, p, 8);
  if (__builtin_expect((uint8_t)w == 0, 0)) {
    memcpy(&w, p + 1, 8);
    *pp = p + 9;
    return w;
  }
  unsigned n = (unsigned)__builtin_ctzll(w) + 1;
  *pp = p + n;
  return (w << (64 - 8 * n)) >> (64 - 7 * n);
}

/* Read a varint at *PP, not past END.  Returns 0, or -1 when it is cut. */
int ht_get_varint(const uint8_t **pp, const uint8_t *end, uint64_t *out);

static inline uint64_t ht_zigzag(int64_t v) {
  return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
}

static inline int64_t ht_unzigzag(uint64_t v) {
  return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

/* Code address A relative to *LAST and make A the new *LAST. */
static inline uint8_t *ht_put_addr(uint8_t *p, uint64_t *last, uint64_t a) {
  int64_t d = (int64_t)(a - *last);
  int odd = (d & 7) != 0;
  *last = a;
  p = ht_put_varint(p, (ht_zigzag(d >> 3) << 1) | (uint64_t)odd);
  *p = (uint8_t)(d & 7);
  return p + odd;
}

/* Append one event at P (which must have HT_EVENT_MAXBYTES of room);
** returns the new end.  Fields that usually repeat (time, size, stack,
** native stack) are tested with branches: on the VM's event streams they
** are predictable, and skipping their varints is what makes this fast
** (about 5 ns per event on a VM profile, 9 ns on a random mix). */
static inline uint8_t *ht_encode_event(ht_codec *c, uint8_t *p, unsigned kind,
                                       unsigned tag, uint64_t obj, uint64_t old,
                                       uint64_t size, uint32_t stack,
                                       uint32_t native, uint64_t t) {
  uint8_t *h = p++;
  unsigned hdr = kind & 7;
  tag &= 0xff;
  if (__builtin_expect(t != c->t, 0)) {
    hdr |= HT_F_TIME;
    p = ht_put_varint(p, t - c->t);
    c->t = t;
  }
  int fg = tag != c->tag;
  hdr |= fg ? HT_F_TAG : 0;
  *p = (uint8_t)tag;
  p += fg;
  c->tag = (uint8_t)tag;
  if (kind <= 2) {           /* ALLOC, FREE, REALLOC */
    if (kind == 2) p = ht_put_addr(p, &c->last_addr[tag], old);
    p = ht_put_addr(p, &c->last_addr[tag], obj);
  } else {
    p = ht_put_varint(p, obj);
  }
  if (size != c->last_size[tag]) {
    hdr |= HT_F_SIZE;
    p = ht_put_varint(p, size);
    c->last_size[tag] = size;
  }
  if (stack != c->stack) {
    hdr |= HT_F_STACK;
    p = ht_put_varint(p, ht_zigzag((int64_t)stack - (int64_t)c->stack));
    c->stack = stack;
  }
  if (__builtin_expect(native != c->native, 0)) {
    hdr |= HT_F_NATIVE;
    p = ht_put_varint(p, ht_zigzag((int64_t)native - (int64_t)c->native));
    c->native = native;
  }
  *h = (uint8_t)hdr;
  return p;
}

/* Decode the event at *P (not past END) into EV, advancing *P.  EV->seq is
** left for the caller.  Returns 0, or -1 when the bytes are malformed. */
int ht_decode_event(ht_codec *c, const uint8_t **p, const uint8_t *end,
                    ht_event *ev);

/* Decode a whole chunk of N events starting at FIRST_SEQ / T0 into OUT
** (room for N).  Returns the number decoded, or -1 when the chunk is
** malformed (then fewer than N events are valid).  Reads without bounds
** checks while HT_EVENT_MAXBYTES bytes remain, checked after that. */
long ht_decode_chunk(const void *data, size_t nbytes, uint64_t first_seq,
                     uint64_t t0, uint32_t n, ht_event *out);

#endif
