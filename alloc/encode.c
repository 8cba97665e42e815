/*
** encode.c -- decoding the packed event format (encode.h has the layout).
**
** Every read is bounds-checked: a chunk from a damaged file yields -1, never
** a read past the BLOB.
*/
#include "encode.h"

static int get_varint(const uint8_t **pp, const uint8_t *end, uint64_t *out) {
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
  if (get_varint(pp, end, &w)) return -1;
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
    if (get_varint(&p, end, &v)) return -1;
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
  } else if (get_varint(&p, end, &ev->obj)) {
    return -1;
  }
  if (hdr & HT_F_SIZE) {
    if (get_varint(&p, end, &v)) return -1;
    c->last_size[c->tag] = v;
  }
  ev->size = c->last_size[c->tag];
  if (hdr & HT_F_STACK) {
    if (get_varint(&p, end, &v)) return -1;
    c->stack = (uint32_t)((int64_t)c->stack + ht_unzigzag(v));
  }
  ev->stack = c->stack;
  if (hdr & HT_F_NATIVE) {
    if (get_varint(&p, end, &v)) return -1;
    c->native = (uint32_t)((int64_t)c->native + ht_unzigzag(v));
  }
  ev->native = c->native;
  *pp = p;
  return 0;
}

long ht_decode_chunk(const void *data, size_t nbytes, uint64_t first_seq,
                     uint64_t t0, uint32_t n, ht_event *out) {
  ht_codec c;
  const uint8_t *p = data, *end = p + nbytes;
  ht_codec_reset(&c, t0);
  for (uint32_t i = 0; i < n; i++) {
    if (ht_decode_event(&c, &p, end, &out[i])) return -1;
    out[i].seq = first_seq + i;
  }
  return p == end ? (long)n : -1;
}
