/*
** encode.c -- decoding the packed event format (encode.h has the layout).
**
** Every read stays inside the BLOB: a chunk from a damaged file yields -1,
** never a read past its end.  ht_decode_chunk reads unchecked while at least
** HT_EVENT_MAXBYTES bytes remain (an event, however damaged, never spans
** more than 58), and checked after that.
*/
#include "encode.h"

/* Bytes of a varint by the bit count of its value (0 and 1 bit: 1 byte). */
const uint8_t ht_varint_len[65] = {
  1, 1, 1, 1, 1, 1, 1, 1,                /* 0..7 bits */
  2, 2, 2, 2, 2, 2, 2,                   /* 8..14 */
  3, 3, 3, 3, 3, 3, 3,                   /* 15..21 */
  4, 4, 4, 4, 4, 4, 4,                   /* 22..28 */
  5, 5, 5, 5, 5, 5, 5,                   /* 29..35 */
  6, 6, 6, 6, 6, 6, 6,                   /* 36..42 */
  7, 7, 7, 7, 7, 7, 7,                   /* 43..49 */
  8, 8, 8, 8, 8, 8, 8,                   /* 50..56 */
  9, 9, 9, 9, 9, 9, 9, 9                 /* 57..64: a 0 byte and 8 bytes */
};

int ht_get_varint(const uint8_t **pp, const uint8_t *end, uint64_t *out) {
  const uint8_t *p = *pp;
  if (p >= end) return -1;
  unsigned b = p[0];
  if (b == 0) {
    if (end - p < 9) return -1;
    memcpy(out, p + 1, 8);
    *pp = p + 9;
    return 0;
  }
  unsigned n = (unsigned)__builtin_ctz(b) + 1;
  if ((size_t)(end - p) < n) return -1;
  uint64_t w = 0;
  if (end - p >= 8) {
    memcpy(&w, p, 8);
  } else {
    for (unsigned i = 0; i < n; i++) w |= (uint64_t)p[i] << (8 * i);
  }
  if (n < 8) w &= (1ull << (8 * n)) - 1;
  *out = w >> n;
  *pp = p + n;
  return 0;
}

static int get_addr(const uint8_t **pp, const uint8_t *end, uint64_t *last,
                    uint64_t *out) {
  uint64_t w;
  if (ht_get_varint(pp, end, &w)) return -1;
  uint64_t d = (uint64_t)ht_unzigzag(w >> 1) << 3;
  if (w & 1) {
    if (*pp >= end) return -1;
    d |= *(*pp)++ & 7;
  }
  *last += d;
  *out = *last;
  return 0;
}

int ht_decode_event(ht_codec *c, const uint8_t **pp, const uint8_t *end,
                    ht_event *ev) {
  const uint8_t *p = *pp;
  uint64_t v;
  if (p >= end) return -1;
  unsigned hdr = *p++;
  ev->kind = hdr & 7;
  if (hdr & HT_F_TIME) {
    if (ht_get_varint(&p, end, &v)) return -1;
    c->t += v;
  }
  ev->t = c->t;
  if (hdr & HT_F_TAG) {
    if (p >= end) return -1;
    c->tag = *p++;
  }
  ev->tag = c->tag;
  ev->old = 0;
  if (ev->kind <= 2) {
    if (ev->kind == 2 && get_addr(&p, end, &c->last_addr[c->tag], &ev->old))
      return -1;
    if (get_addr(&p, end, &c->last_addr[c->tag], &ev->obj)) return -1;
  } else if (ht_get_varint(&p, end, &ev->obj)) {
    return -1;
  }
  if (hdr & HT_F_SIZE) {
    if (ht_get_varint(&p, end, &v)) return -1;
    c->last_size[c->tag] = v;
  }
  ev->size = c->last_size[c->tag];
  if (hdr & HT_F_STACK) {
    if (ht_get_varint(&p, end, &v)) return -1;
    c->stack = (uint32_t)((int64_t)c->stack + ht_unzigzag(v));
  }
  ev->stack = c->stack;
  if (hdr & HT_F_NATIVE) {
    if (ht_get_varint(&p, end, &v)) return -1;
    c->native = (uint32_t)((int64_t)c->native + ht_unzigzag(v));
  }
  ev->native = c->native;
  *pp = p;
  return 0;
}

/* An address field without bounds checks (see ht_get_varint_fast). */
static inline uint64_t get_addr_fast(const uint8_t **pp, uint64_t *last) {
  uint64_t w = ht_get_varint_fast(pp);
  uint64_t d = (uint64_t)ht_unzigzag(w >> 1) << 3;
  if (__builtin_expect(w & 1, 0)) d |= *(*pp)++ & 7;
  *last += d;
  return *last;
}

long ht_decode_chunk(const void *data, size_t nbytes, uint64_t first_seq,
                     uint64_t t0, uint32_t n, ht_event *out) {
  ht_codec c;
  const uint8_t *p = data, *end = p + nbytes;
  uint32_t i = 0;
  ht_codec_reset(&c, t0);
  if (nbytes >= HT_EVENT_MAXBYTES) {
    const uint8_t *safe = end - HT_EVENT_MAXBYTES;
    for (; i < n && p <= safe; i++) {
      ht_event *ev = &out[i];
      unsigned hdr = *p++;
      unsigned kind = hdr & 7;
      ev->seq = first_seq + i;
      ev->kind = (uint8_t)kind;
      if (hdr & HT_F_TIME) c.t += ht_get_varint_fast(&p);
      ev->t = c.t;
      if (hdr & HT_F_TAG) c.tag = *p++;
      unsigned tag = c.tag;
      ev->tag = (uint8_t)tag;
      ev->old = 0;
      if (kind <= 2) {
        if (kind == 2) ev->old = get_addr_fast(&p, &c.last_addr[tag]);
        ev->obj = get_addr_fast(&p, &c.last_addr[tag]);
      } else {
        ev->obj = ht_get_varint_fast(&p);
      }
      if (hdr & HT_F_SIZE) c.last_size[tag] = ht_get_varint_fast(&p);
      ev->size = c.last_size[tag];
      if (hdr & HT_F_STACK) c.stack = (uint32_t)((int64_t)c.stack + ht_unzigzag(ht_get_varint_fast(&p)));
      ev->stack = c.stack;
      if (hdr & HT_F_NATIVE) c.native = (uint32_t)((int64_t)c.native + ht_unzigzag(ht_get_varint_fast(&p)));
      ev->native = c.native;
    }
  }
  for (; i < n; i++) {
    if (ht_decode_event(&c, &p, end, &out[i])) return -1;
    out[i].seq = first_seq + i;
  }
  return p == end ? (long)n : -1;
}
