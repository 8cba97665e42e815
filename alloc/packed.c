/*
** packed.c -- decoding `object_blob`, `object_end` and `series_blob` rows
** (packed.h has the layouts).
**
** A damaged row yields -1, never a read past its BLOBs: reads are unchecked
** only while a record's largest size remains (HT_OBJ_MAXBYTES,
** HT_FATE_MAXBYTES), checked after that.  Ids must increase and every fate
** must be at or after its object's id, so the rows served by the `object`
** table keep the promises the documentation makes (id order, alloc_seq <=
** free_seq) even on a file that was tampered with.
*/
#include "packed.h"

/* Read a varint: unchecked while FAST (enough bytes remain), else checked. */
#define GETV(fast, pp, end, out) \
  ((fast) ? (*(out) = ht_get_varint_fast(pp), 0) : ht_get_varint(pp, end, out))

/* One data record into O, with E's state; FAST: at least HT_OBJ_MAXBYTES
** bytes remain, so no read needs checking.  Returns 0 or -1. */
static inline int get_object(ht_objenc *e, const uint8_t **pp, const uint8_t *end, int fast, int first,
                             ht_obj *o) {
  const uint8_t *p = *pp;
  uint64_t v, w;
  if (p >= end) return -1;
  unsigned hdr = *p++;
  uint64_t did = (hdr & 3) + 1;
  if ((hdr & 3) == 3 && (GETV(fast, &p, end, &did) || did == 0)) return -1;
  if (e->prev_id + did < e->prev_id && !first) return -1;     /* ids must increase */
  o->id = e->prev_id += did;
  o->pre = (hdr & HT_O_PRE) != 0;
  if (hdr & HT_O_TAG) {
    if (p >= end) return -1;
    e->tag = *p++;
  }
  o->tag = e->tag;
  if (GETV(fast, &p, end, &w)) return -1;
  uint64_t d = (uint64_t)ht_unzigzag(w >> 1) << 3;
  if (w & 1) {
    if (p >= end) return -1;
    d |= *p++ & 7;
  }
  o->addr = e->last_addr[e->tag] += d;
  if (hdr & HT_O_SIZE) {
    if (GETV(fast, &p, end, &v)) return -1;
    e->last_size[e->tag] = v;
  }
  o->size = e->last_size[e->tag];
  if (hdr & HT_O_STACK) {
    if (GETV(fast, &p, end, &v)) return -1;
    e->stack = (uint32_t)((int64_t)e->stack + ht_unzigzag(v));
  }
  o->stack = e->stack;
  if (hdr & HT_O_NATIVE) {
    if (GETV(fast, &p, end, &v)) return -1;
    e->native = (uint32_t)((int64_t)e->native + ht_unzigzag(v));
  }
  o->native = e->native;
  *pp = p;
  return 0;
}

/* One fate record into O (whose id is known). */
static inline int get_fate(const uint8_t **pp, const uint8_t *end, int fast, ht_obj *o) {
  uint64_t v;
  if (GETV(fast, pp, end, &v)) return -1;
  o->free_seq = -1;
  if (v >> 1) {
    uint64_t f = o->id + (v >> 1) - 1;
    if (f < o->id || f > (uint64_t)INT64_MAX) return -1;
    o->free_seq = (int64_t)f;
  }
  if ((v & 1) && GETV(fast, pp, end, &o->size)) return -1;
  return 0;
}

static uint32_t le32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The byte ranges of block K in data and fate.  Returns 0, or -1 when the
** idx column does not fit the row. */
static int block_range(const ht_objrow *r, uint32_t k, size_t *d0, size_t *d1, size_t *f0, size_t *f1) {
  uint32_t nb = (r->n + HT_OBJ_SUB - 1) / HT_OBJ_SUB;
  if (k >= nb || r->nidx != (size_t)nb * 8) return -1;
  *d0 = le32(r->idx + 8 * k);
  *f0 = le32(r->idx + 8 * k + 4);
  *d1 = k + 1 < nb ? le32(r->idx + 8 * (k + 1)) : r->ndata;
  *f1 = k + 1 < nb ? le32(r->idx + 8 * (k + 1) + 4) : r->nfate;
  if (k == 0 && (*d0 != 0 || *f0 != 0)) return -1;
  return *d0 <= *d1 && *d1 <= r->ndata && *f0 <= *f1 && *f1 <= r->nfate ? 0 : -1;
}

/* Decode block K of R (its N objects) into OUT. */
static int decode_block(const ht_objrow *r, uint32_t k, uint32_t n, ht_obj *out) {
  size_t d0, d1, f0, f1;
  if (block_range(r, k, &d0, &d1, &f0, &f1)) return -1;
  ht_objenc e;
  const uint8_t *p = r->data + d0, *end = r->data + d1;
  const uint8_t *safe = d1 - d0 >= HT_OBJ_MAXBYTES ? end - HT_OBJ_MAXBYTES : p - 1;
  uint32_t i = 0;
  ht_objenc_reset(&e, r->first_id);
  for (; i < n && p <= safe; i++)
    if (get_object(&e, &p, end, 1, i == 0, &out[i])) return -1;
  for (; i < n; i++)
    if (get_object(&e, &p, end, 0, i == 0, &out[i])) return -1;
  if (p != end) return -1;
  p = r->fate + f0;
  end = r->fate + f1;
  safe = f1 - f0 >= HT_FATE_MAXBYTES ? end - HT_FATE_MAXBYTES : p - 1;
  for (i = 0; i < n && p <= safe; i++)
    if (get_fate(&p, end, 1, &out[i])) return -1;
  for (; i < n; i++)
    if (get_fate(&p, end, 0, &out[i])) return -1;
  return p == end ? 0 : -1;
}

static uint32_t block_size(const ht_objrow *r, uint32_t k) {
  uint32_t left = r->n - k * HT_OBJ_SUB;
  return left < HT_OBJ_SUB ? left : HT_OBJ_SUB;
}

int ht_objrow_decode(const ht_objrow *r, ht_obj *out) {
  uint32_t nb = (r->n + HT_OBJ_SUB - 1) / HT_OBJ_SUB;
  if (r->n > HT_OBJ_BLOB_OBJECTS || r->nidx != (size_t)nb * 8) return -1;
  for (uint32_t k = 0; k < nb; k++) {
    if (decode_block(r, k, block_size(r, k), out + (size_t)k * HT_OBJ_SUB)) return -1;
    /* Ids increase across blocks too. */
    if (k && out[(size_t)k * HT_OBJ_SUB].id <= out[(size_t)k * HT_OBJ_SUB - 1].id) return -1;
  }
  return 0;
}

/* The id of block K's first object (its first record's header and id). */
static int block_first_id(const ht_objrow *r, uint32_t k, uint64_t *id) {
  size_t d0, d1, f0, f1;
  if (block_range(r, k, &d0, &d1, &f0, &f1) || d0 >= d1) return -1;
  const uint8_t *p = r->data + d0;
  uint64_t did = (p[0] & 3) + 1;
  p++;
  if ((r->data[d0] & 3) == 3 && (ht_get_varint(&p, r->data + d1, &did) || did == 0)) return -1;
  *id = r->first_id - 1 + did;
  return 0;
}

int ht_objrow_find(const ht_objrow *r, uint64_t id, ht_obj *out, uint32_t *block) {
  uint32_t nb = (r->n + HT_OBJ_SUB - 1) / HT_OBJ_SUB;
  if (r->n > HT_OBJ_BLOB_OBJECTS || r->nidx != (size_t)nb * 8) return -1;
  if (!nb || id < r->first_id) return 0;
  /* The last block whose first id is <= ID. */
  uint32_t lo = 0, hi = nb;
  while (hi - lo > 1) {
    uint32_t mid = (lo + hi) / 2;
    uint64_t first;
    if (block_first_id(r, mid, &first)) return -1;
    if (first <= id) lo = mid;
    else hi = mid;
  }
  *block = lo;
  uint32_t n = block_size(r, lo);
  return decode_block(r, lo, n, out) ? -1 : (int)n;
}

int ht_series_decode(const void *data, size_t ndata, uint32_t n, ht_sbucket *out) {
  const uint8_t *p = data, *end = p + ndata;
  ht_sbucket prev = { -1, 0, 0, 0, 0, 0, 0 };
  uint64_t v[7];
  for (uint32_t i = 0; i < n; i++) {
    for (int k = 0; k < 7; k++)
      if (ht_get_varint(&p, end, &v[k])) return -1;
    ht_sbucket *b = &out[i];
    if (v[0] == 0 || v[0] > (uint64_t)INT64_MAX - (uint64_t)prev.bucket) return -1;
    b->bucket = prev.bucket + (int64_t)v[0];
    b->t = (int64_t)((uint64_t)prev.t + v[1]);
    b->count = (int64_t)((uint64_t)prev.count + (uint64_t)ht_unzigzag(v[2]));
    b->bytes = (int64_t)((uint64_t)prev.bytes + (uint64_t)ht_unzigzag(v[3]));
    b->peak = (int64_t)((uint64_t)b->bytes + (uint64_t)ht_unzigzag(v[4]));
    b->allocs = (int64_t)v[5];
    b->frees = (int64_t)v[6];
    prev = *b;
  }
  return p == end ? 0 : -1;
}

int ht_objend_decode(const void *data, size_t ndata, uint64_t first_free, uint32_t n, ht_objend *out) {
  const uint8_t *p = data, *end = p + ndata;
  uint64_t f = first_free, df, life;
  for (uint32_t i = 0; i < n; i++) {
    if (ht_get_varint(&p, end, &df) || ht_get_varint(&p, end, &life)) return -1;
    if (f + df < f || f + df > (uint64_t)INT64_MAX || life > f + df) return -1;
    f += df;
    out[i].free_seq = f;
    out[i].id = f - life;
  }
  return p == end ? 0 : -1;
}
