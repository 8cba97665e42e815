/*
** dict.c -- dicts, their views and iterators.
**
** The layout is CPython's compact ordered dict.  A DictObj points to one
** DICT-tagged "keys" block holding
**
**   - a hash index of 2**log2_size slots, each 1, 2, 4 or 8 bytes wide
**     (the narrowest that can number the entries): EMPTY (-1), DUMMY (-2,
**     a deleted key, keeps probe chains intact), or an entry number;
**   - an entries array of USABLE_FRACTION(size) = 2/3 of the slots:
**     (hash, key, value) in insertion order.  Deleted entries keep their
**     place with key and value NULL until the next resize compacts them.
**
** Iteration walks the entries array, so order is insertion order.  A dict
** with no items has no keys block at all (CPython's shared empty keys).
** Probing is CPython's: i = hash & mask, then i = 5*i + perturb + 1 with
** perturb shifted right by 5 each step.  When the entries array is full the
** table is rebuilt at the smallest power of two >= 3 * used (GROWTH_RATE),
** which also drops deleted entries.
**
** Lookups of exact str keys in a table whose keys are all exact strs never
** call __eq__: pointer equality, then hash, then bytes.  Other lookups
** compare with ==, restarting if the comparison mutated the dict.
**
** VERSION counts modifications, for the evaluator's global-lookup caches.
*/
#include <string.h>
#include "vm.h"
#include "containers.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define LOG_MINSIZE 3
#define PERTURB_SHIFT 5
#define USABLE_FRACTION(n) (((n) << 1) / 3)

typedef struct DictEntry {
  hash_t hash;                    /* the key's hash */
  Obj *key;                       /* owned; NULL once deleted */
  Obj *value;                     /* owned; NULL once deleted */
} DictEntry;

typedef struct DictKeys {
  uint8_t log2_size;              /* the index has 1 << log2_size slots */
  uint8_t log2_ixbytes;           /* each slot is 1 << log2_ixbytes bytes */
  bool all_str;                   /* every key ever stored is an exact str */
  uint32_t hashbits;              /* HASH_BIT of every key stored since the
                                     block was made: a clear bit proves a
                                     hash absent (attribute caches) */
  ssize usable;                   /* entries still free at the end */
  ssize nentries;                 /* entries used, deleted ones included */
  int64_t indices[];              /* the index, then the entries (aligned) */
} DictKeys;

typedef struct DictObj {
  Obj ob;
  ssize used;                     /* live items */
  uint64_t version;               /* bumped on every change */
  DictKeys *keys;                 /* owned DICT block, NULL when never filled */
} DictObj;

#define D(o) ((DictObj *)(o))
#define HASH_BIT(h) ((uint32_t)1 << ((uint64_t)(h) >> 59))
#define DK_SIZE(dk) ((size_t)1 << (dk)->log2_size)
#define DK_MASK(dk) (DK_SIZE(dk) - 1)

static inline DictEntry *dk_entries(DictKeys *dk) {
  return (DictEntry *)((char *)dk->indices + (DK_SIZE(dk) << dk->log2_ixbytes));
}

static inline ssize dk_get_index(DictKeys *dk, size_t i) {
  switch (dk->log2_ixbytes) {
  case 0: return ((int8_t *)dk->indices)[i];
  case 1: return ((int16_t *)dk->indices)[i];
  case 2: return ((int32_t *)dk->indices)[i];
  default: return (ssize)((int64_t *)dk->indices)[i];
  }
}

static inline void dk_set_index(DictKeys *dk, size_t i, ssize ix) {
  switch (dk->log2_ixbytes) {
  case 0: ((int8_t *)dk->indices)[i] = (int8_t)ix; break;
  case 1: ((int16_t *)dk->indices)[i] = (int16_t)ix; break;
  case 2: ((int32_t *)dk->indices)[i] = (int32_t)ix; break;
  default: ((int64_t *)dk->indices)[i] = ix; break;
  }
}

static size_t keys_block_size(uint8_t log2_size) {
  size_t size = (size_t)1 << log2_size;
  int ixb = log2_size < 8 ? 0 : log2_size < 16 ? 1 : log2_size < 32 ? 2 : 3;
  return sizeof(DictKeys) + (size << ixb) + USABLE_FRACTION(size) * sizeof(DictEntry);
}

static size_t dk_bytes(DictKeys *dk) { return keys_block_size(dk->log2_size); }

/* A new, empty keys block of 2**LOG2_SIZE slots. */
static DictKeys *new_keys(VM *vm, uint8_t log2_size) {
  if (log2_size >= 8 * sizeof(size_t) - 4) { vm_raise_nomem(vm); return NULL; }
  size_t bytes = keys_block_size(log2_size);
  DictKeys *dk = ht_alloc(HT_TAG_DICT, bytes);
  if (!dk) { vm_raise_nomem(vm); return NULL; }
  dk->log2_size = log2_size;
  dk->log2_ixbytes = log2_size < 8 ? 0 : log2_size < 16 ? 1 : log2_size < 32 ? 2 : 3;
  dk->all_str = true;
  dk->hashbits = 0;
  dk->usable = (ssize)USABLE_FRACTION(DK_SIZE(dk));
  dk->nentries = 0;
  memset(dk->indices, 0xff, DK_SIZE(dk) << dk->log2_ixbytes);
  memset(dk_entries(dk), 0, (size_t)dk->usable * sizeof(DictEntry));
  return dk;
}

static void free_keys(DictKeys *dk) { ht_free(HT_TAG_DICT, dk, dk_bytes(dk)); }

/* The smallest log2 size (>= LOG_MINSIZE) whose table has MINSIZE slots. */
static uint8_t calculate_log2_keysize(ssize minsize) {
  uint8_t log2 = LOG_MINSIZE;
  while (((ssize)1 << log2) < minsize) log2++;
  return log2;
}

/* Size for N items without a resize: CPython's estimate_log2_keysize. */
static uint8_t estimate_log2_keysize(ssize n) {
  return calculate_log2_keysize((n * 3 + 1) / 2);
}

static inline bool str_exact(Obj *o) { return o->type == &Str_Type; }

static inline hash_t key_hash(VM *vm, Obj *key) {
  if (str_exact(key)) {
    hash_t h = ((StrObj *)key)->hash;
    return h != -1 ? h : str_hash(vm, key);
  }
  return obj_hash(vm, key);
}

static inline bool str_same(Obj *a, Obj *b) {
  return STR_NBYTES(a) == STR_NBYTES(b) &&
         memcmp(STR_UTF8(a), STR_UTF8(b), (size_t)STR_NBYTES(a)) == 0;
}

/* Find KEY: the entry number, DKIX_EMPTY when absent, DKIX_ERROR with an
** exception.  *SLOT receives the index slot holding the entry. */
static ssize dict_lookup(VM *vm, DictObj *d, Obj *key, hash_t hash, size_t *slot) {
restart:;
  DictKeys *dk = d->keys;
  if (!dk) return DKIX_EMPTY;
  size_t mask = DK_MASK(dk), perturb = (size_t)hash, i = (size_t)hash & mask;
  DictEntry *ep0 = dk_entries(dk);
  bool fast = dk->all_str && str_exact(key);
  for (;;) {
    ssize ix = dk_get_index(dk, i);
    if (ix == DKIX_EMPTY) return DKIX_EMPTY;
    if (ix >= 0) {
      DictEntry *ep = &ep0[ix];
      if (ep->key == key) { if (slot) *slot = i; return ix; }
      if (ep->hash == hash) {
        Obj *startkey = ep->key;
        if (fast || (str_exact(startkey) && str_exact(key))) {
          if (str_same(startkey, key)) { if (slot) *slot = i; return ix; }
        } else {
          incref(startkey);
          int cmp = obj_richcmp_bool(vm, startkey, key, CMP_EQ);
          decref(vm, startkey);
          if (cmp < 0) return DKIX_ERROR;
          if (dk != d->keys || ep->key != startkey) goto restart;
          if (cmp > 0) { if (slot) *slot = i; return ix; }
        }
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
}

/* The first free (EMPTY or DUMMY) index slot on HASH's probe path. */
static size_t find_empty_slot(DictKeys *dk, hash_t hash) {
  size_t mask = DK_MASK(dk), perturb = (size_t)hash, i = (size_t)hash & mask;
  while (dk_get_index(dk, i) >= 0) {
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

/* Rebuild D's table with 2**LOG2 slots, compacting the entries. */
static int dict_resize(VM *vm, DictObj *d, uint8_t log2) {
  DictKeys *old = d->keys;
  DictKeys *dk = new_keys(vm, log2);
  if (!dk) return -1;
  if (old) {
    DictEntry *src = dk_entries(old), *dst = dk_entries(dk);
    dk->all_str = old->all_str;
    if (old->nentries == d->used) {
      memcpy(dst, src, (size_t)d->used * sizeof(DictEntry));
    } else {
      ssize j = 0;
      for (ssize i = 0; i < old->nentries; i++)
        if (src[i].key) dst[j++] = src[i];
    }
    for (ssize i = 0; i < d->used; i++) {
      dk_set_index(dk, find_empty_slot(dk, dst[i].hash), i);
      dk->hashbits |= HASH_BIT(dst[i].hash);
    }
    dk->usable -= d->used;
    dk->nentries = d->used;
    free_keys(old);
  }
  d->keys = dk;
  return 0;
}

/* ------------------------------------------------------------------ */
/* The C API                                                          */
/* ------------------------------------------------------------------ */

static Obj *dict_alloc(VM *vm, TypeObj *type) {
  return gc_alloc(vm, type, type->basicsize);
}

Obj *dict_new(VM *vm) { return dict_alloc(vm, &Dict_Type); }

Obj *dict_new_presized(VM *vm, ssize n) {
  Obj *d = dict_new(vm);
  if (!d || n <= USABLE_FRACTION((ssize)1 << LOG_MINSIZE)) return d;
  if (dict_resize(vm, D(d), estimate_log2_keysize(n)) < 0) { decref(vm, d); return NULL; }
  return d;
}

Obj *dict_get_with_hash(VM *vm, Obj *d, Obj *key, hash_t hash) {
  ssize ix = dict_lookup(vm, D(d), key, hash, NULL);
  if (ix < 0) return NULL;
  return dk_entries(D(d)->keys)[ix].value;
}

Obj *dict_get(VM *vm, Obj *d, Obj *key) {
  hash_t h = key_hash(vm, key);
  if (h == -1) return NULL;
  return dict_get_with_hash(vm, d, key, h);
}

Obj *dict_get_cstr(VM *vm, Obj *d, const char *key) {
  Obj *k = str_intern_cstr(vm, key);
  if (!k) return NULL;
  return dict_get(vm, d, k);
}

int dict_set_with_hash(VM *vm, Obj *d_, Obj *key, hash_t hash, Obj *value) {
  DictObj *d = D(d_);
  size_t slot;
  incref(key);
  incref(value);
  ssize ix = dict_lookup(vm, d, key, hash, &slot);
  if (ix == DKIX_ERROR) goto fail;
  if (ix >= 0) {
    DictEntry *ep = &dk_entries(d->keys)[ix];
    Obj *old = ep->value;
    ep->value = value;
    d->version++;
    decref(vm, old);
    decref(vm, key);
    return 0;
  }
  if (!d->keys) {
    d->keys = new_keys(vm, LOG_MINSIZE);
    if (!d->keys) goto fail;
  } else if (d->keys->usable <= 0) {
    if (dict_resize(vm, d, calculate_log2_keysize(d->used * 3)) < 0) goto fail;
  }
  DictKeys *dk = d->keys;
  if (!str_exact(key)) dk->all_str = false;
  dk->hashbits |= HASH_BIT(hash);
  dk_set_index(dk, find_empty_slot(dk, hash), dk->nentries);
  DictEntry *ep = &dk_entries(dk)[dk->nentries];
  ep->hash = hash;
  ep->key = key;
  ep->value = value;
  dk->nentries++;
  dk->usable--;
  d->used++;
  d->version++;
  return 0;
fail:
  decref(vm, key);
  decref(vm, value);
  return -1;
}

int dict_set(VM *vm, Obj *d, Obj *key, Obj *value) {
  hash_t h = key_hash(vm, key);
  if (h == -1) return -1;
  return dict_set_with_hash(vm, d, key, h, value);
}

int dict_set_cstr(VM *vm, Obj *d, const char *key, Obj *value) {
  Obj *k = str_intern_cstr(vm, key);
  if (!k) return -1;
  return dict_set(vm, d, k, value);
}

/* The evaluator's attribute caches (eval.c declares these): KEY is an
** interned str and *HINT the entry number where it was found last time, in
** this or another instance's dict (instances of a class usually fill their
** dicts in the same order).  A hint is only trusted when that entry still
** holds KEY itself; otherwise a full lookup runs and refreshes *HINT.
** dict_get_hint returns the borrowed value, or NULL (check for an
** exception: a dict with non-str keys may have called __eq__). */
Obj *dict_get_hint(VM *vm, Obj *d_, Obj *key, ssize *hint);
Obj *dict_get_hint(VM *vm, Obj *d_, Obj *key, ssize *hint) {
  DictObj *d = D(d_);
  DictKeys *dk = d->keys;
  if (!dk) return NULL;
  size_t h = (size_t)*hint;
  if (h < (size_t)dk->nentries) {
    DictEntry *ep = &dk_entries(dk)[h];
    if (ep->key == key) return ep->value;
  }
  hash_t hash = key_hash(vm, key);
  if (hash == -1 || !(dk->hashbits & HASH_BIT(hash))) return NULL;
  ssize ix = dict_lookup(vm, d, key, hash, NULL);
  if (ix < 0) return NULL;
  *hint = ix;
  return dk_entries(d->keys)[ix].value;
}

/* D[KEY] = VALUE (borrowed) with the same hint; 0 or -1. */
int dict_set_hint(VM *vm, Obj *d_, Obj *key, Obj *value, ssize *hint);
int dict_set_hint(VM *vm, Obj *d_, Obj *key, Obj *value, ssize *hint) {
  DictObj *d = D(d_);
  DictKeys *dk = d->keys;
  size_t h = (size_t)*hint;
  if (dk && h < (size_t)dk->nentries) {
    DictEntry *ep = &dk_entries(dk)[h];
    if (ep->key == key) {
      Obj *old = ep->value;
      ep->value = incref(value);
      d->version++;
      decref(vm, old);
      return 0;
    }
  }
  hash_t hash = key_hash(vm, key);
  if (hash == -1) return -1;
  if (dict_set_with_hash(vm, d_, key, hash, value) < 0) return -1;
  dk = d->keys;
  if (dk_entries(dk)[dk->nentries - 1].key == key) {
    *hint = dk->nentries - 1;     /* appended */
  } else if (dk->all_str) {       /* replaced: find where (no __eq__ runs) */
    ssize ix = dict_lookup(vm, d, key, hash, NULL);
    if (ix >= 0) *hint = ix;
  }
  return 0;
}

/* Remove the entry IX found at SLOT. */
static void dict_del_entry(VM *vm, DictObj *d, size_t slot, ssize ix) {
  DictKeys *dk = d->keys;
  DictEntry *ep = &dk_entries(dk)[ix];
  Obj *k = ep->key, *v = ep->value;
  dk_set_index(dk, slot, DKIX_DUMMY);
  ep->key = NULL;
  ep->value = NULL;
  d->used--;
  d->version++;
  decref(vm, k);
  decref(vm, v);
}

int dict_del(VM *vm, Obj *d, Obj *key) {
  hash_t h = key_hash(vm, key);
  if (h == -1) return -1;
  size_t slot;
  ssize ix = dict_lookup(vm, D(d), key, h, &slot);
  if (ix == DKIX_ERROR) return -1;
  if (ix < 0) { cont_keyerror(vm, key); return -1; }
  dict_del_entry(vm, D(d), slot, ix);
  return 0;
}

Obj *dict_pop(VM *vm, Obj *d, Obj *key, Obj *deflt) {
  DictObj *dd = D(d);
  if (dd->used == 0) {
    if (deflt) return incref(deflt);
    return cont_keyerror(vm, key);
  }
  hash_t h = key_hash(vm, key);
  if (h == -1) return NULL;
  size_t slot;
  ssize ix = dict_lookup(vm, dd, key, h, &slot);
  if (ix == DKIX_ERROR) return NULL;
  if (ix < 0) {
    if (deflt) return incref(deflt);
    return cont_keyerror(vm, key);
  }
  Obj *v = incref(dk_entries(dd->keys)[ix].value);
  dict_del_entry(vm, dd, slot, ix);
  return v;
}

int dict_contains(VM *vm, Obj *d, Obj *key) {
  hash_t h = key_hash(vm, key);
  if (h == -1) return -1;
  ssize ix = dict_lookup(vm, D(d), key, h, NULL);
  if (ix == DKIX_ERROR) return -1;
  return ix >= 0;
}

ssize dict_size(Obj *d) { return D(d)->used; }

uint64_t dict_version(Obj *d) { return D(d)->version; }

bool dict_next(Obj *d, ssize *pos, Obj **k, Obj **v) {
  DictKeys *dk = D(d)->keys;
  if (!dk) return false;
  ssize i = *pos;
  DictEntry *ep = dk_entries(dk);
  while (i < dk->nentries && !ep[i].key) i++;
  if (i >= dk->nentries) return false;
  *pos = i + 1;
  if (k) *k = ep[i].key;
  if (v) *v = ep[i].value;
  return true;
}

bool dict_next_with_hash(Obj *d, ssize *pos, Obj **k, Obj **v, hash_t *h) {
  DictKeys *dk = D(d)->keys;
  if (!dk) return false;
  ssize i = *pos;
  DictEntry *ep = dk_entries(dk);
  while (i < dk->nentries && !ep[i].key) i++;
  if (i >= dk->nentries) return false;
  *pos = i + 1;
  *k = ep[i].key;
  *v = ep[i].value;
  *h = ep[i].hash;
  return true;
}

void dict_clear(VM *vm, Obj *d_) {
  DictObj *d = D(d_);
  DictKeys *dk = d->keys;
  if (!dk) return;
  d->keys = NULL;
  d->used = 0;
  d->version++;
  DictEntry *ep = dk_entries(dk);
  for (ssize i = 0; i < dk->nentries; i++) {
    if (ep[i].key) {
      decref(vm, ep[i].key);
      decref(vm, ep[i].value);
    }
  }
  free_keys(dk);
}

Obj *dict_copy(VM *vm, Obj *d_) {
  DictObj *d = D(d_);
  if (d->used == 0) return dict_new(vm);
  DictKeys *dk = d->keys;
  if (d->used >= dk->nentries * 2 / 3) {
    /* Few deleted entries: clone the block as it is. */
    size_t bytes = dk_bytes(dk);
    DictKeys *nk = ht_alloc(HT_TAG_DICT, bytes);
    if (!nk) return vm_raise_nomem(vm);
    Obj *c = dict_new(vm);
    if (!c) { ht_free(HT_TAG_DICT, nk, bytes); return NULL; }
    memcpy(nk, dk, bytes);
    DictEntry *ep = dk_entries(nk);
    for (ssize i = 0; i < nk->nentries; i++) {
      if (ep[i].key) {
        incref(ep[i].key);
        incref(ep[i].value);
      }
    }
    D(c)->keys = nk;
    D(c)->used = d->used;
    return c;
  }
  Obj *c = dict_new_presized(vm, d->used);
  if (!c) return NULL;
  if (dict_merge(vm, c, d_, 1) < 0) { decref(vm, c); return NULL; }
  return c;
}

/* The dict part of dict_merge: OTHER is a dict with dict's own iteration. */
static int merge_from_dict(VM *vm, DictObj *a, DictObj *b, int override) {
  if (a == b || b->used == 0) return 0;
  if (a->used == 0) override = 1;
  DictKeys *bk = b->keys;
  ssize cap = a->keys ? (ssize)USABLE_FRACTION(DK_SIZE(a->keys))
                     : USABLE_FRACTION((ssize)1 << LOG_MINSIZE);
  if (cap < b->used) {
    if (dict_resize(vm, a, estimate_log2_keysize(a->used + b->used)) < 0) return -1;
  }
  ssize n = bk->nentries;
  for (ssize i = 0; i < n; i++) {
    DictEntry *ep = &dk_entries(bk)[i];
    Obj *key = ep->key, *value = ep->value;
    if (!key) continue;
    hash_t h = ep->hash;
    incref(key);
    incref(value);
    int err = 0;
    if (override == 1) {
      err = dict_set_with_hash(vm, OBJ(a), key, h, value);
    } else {
      ssize ix = dict_lookup(vm, a, key, h, NULL);
      if (ix == DKIX_ERROR) err = -1;
      else if (ix == DKIX_EMPTY) err = dict_set_with_hash(vm, OBJ(a), key, h, value);
      else if (override == 2) { cont_keyerror(vm, key); err = -1; }
    }
    decref(vm, key);
    decref(vm, value);
    if (err < 0) return -1;
    if (b->keys != bk || bk->nentries != n) {
      vm_raise(vm, &Exc_RuntimeError, "dict mutated during update");
      return -1;
    }
  }
  return 0;
}

int dict_merge(VM *vm, Obj *a, Obj *b, int override) {
  if (dict_check(b) && b->type->iter == Dict_Type.iter)
    return merge_from_dict(vm, D(a), D(b), override);
  /* A mapping: for key in b.keys(): a[key] = b[key]. */
  Obj *meth = obj_getattr_cstr(vm, b, "keys");
  if (!meth) return -1;
  Obj *keys = obj_call0(vm, meth);
  decref(vm, meth);
  if (!keys) return -1;
  Obj *it = obj_iter(vm, keys);
  decref(vm, keys);
  if (!it) return -1;
  Obj *key;
  while ((key = obj_iternext(vm, it))) {
    if (override != 1) {
      int c = dict_contains(vm, a, key);
      if (c < 0) goto fail_key;
      if (c) {
        if (override == 2) { cont_keyerror(vm, key); goto fail_key; }
        decref(vm, key);
        continue;
      }
    }
    Obj *value = obj_getitem(vm, b, key);
    if (!value) goto fail_key;
    int r = dict_set(vm, a, key, value);
    decref(vm, value);
    if (r < 0) goto fail_key;
    decref(vm, key);
  }
  decref(vm, it);
  return vm_exc_occurred(vm) ? -1 : 0;
fail_key:
  decref(vm, key);
  decref(vm, it);
  return -1;
}

/* dict.update(iterable of pairs), CPython's PyDict_MergeFromSeq2. */
static int merge_from_pairs(VM *vm, Obj *d, Obj *seq2) {
  Obj *it = obj_iter(vm, seq2);
  if (!it) return -1;
  Obj *item;
  ssize i = 0;
  for (; (item = obj_iternext(vm, it)); i++) {
    Obj *pair = NULL;
    if (obj_is(item, &Tuple_Type) || obj_is(item, &List_Type)) {
      pair = incref(item);
    } else {
      Obj *iit = obj_iter(vm, item);
      if (iit) {
        pair = list_new(vm, 0);
        if (pair && list_extend(vm, pair, iit) < 0) { decref(vm, pair); pair = NULL; }
        decref(vm, iit);
      } else if (vm_exc_matches(vm, &Exc_TypeError)) {
        vm_exc_clear(vm);
        vm_raise(vm, &Exc_TypeError,
                 "cannot convert dictionary update sequence element #%zd to a sequence",
                 (ssize_t)i);
      }
    }
    decref(vm, item);
    if (!pair) goto fail;
    Obj **pi = obj_is(pair, &Tuple_Type) ? TUPLE_ITEMS(pair) : LIST_ITEMS(pair);
    ssize n = obj_is(pair, &Tuple_Type) ? TUPLE_SIZE(pair) : LIST_SIZE(pair);
    if (n != 2) {
      decref(vm, pair);
      vm_raise(vm, &Exc_ValueError,
               "dictionary update sequence element #%zd has length %zd; 2 is required",
               (ssize_t)i, (ssize_t)n);
      goto fail;
    }
    Obj *k = incref(pi[0]), *v = incref(pi[1]);
    decref(vm, pair);
    int r = dict_set(vm, d, k, v);
    decref(vm, k);
    decref(vm, v);
    if (r < 0) goto fail;
  }
  decref(vm, it);
  return vm_exc_occurred(vm) ? -1 : 0;
fail:
  decref(vm, it);
  return -1;
}

int dict_update(VM *vm, Obj *d, Obj *other) {
  if (obj_is(other, &Dict_Type)) return dict_merge(vm, d, other, 1);
  Obj *keys = obj_getattr_cstr(vm, other, "keys");
  if (keys) {
    decref(vm, keys);
    return dict_merge(vm, d, other, 1);
  }
  if (!vm_exc_matches(vm, &Exc_AttributeError)) return -1;
  vm_exc_clear(vm);
  return merge_from_pairs(vm, d, other);
}

static Obj *dict_list_of(VM *vm, Obj *d, int what) {
  Obj *l = list_new(vm, D(d)->used);
  if (!l) return NULL;
  ssize pos = 0, j = 0;
  Obj *k, *v;
  while (dict_next(d, &pos, &k, &v)) {
    Obj *item;
    if (what == 0) item = incref(k);
    else if (what == 1) item = incref(v);
    else {
      item = tuple_pack(vm, 2, k, v);
      if (!item) { decref(vm, l); return NULL; }
    }
    LIST_ITEMS(l)[j++] = item;
  }
  return l;
}

Obj *dict_keys_list(VM *vm, Obj *d) { return dict_list_of(vm, d, 0); }
Obj *dict_values_list(VM *vm, Obj *d) { return dict_list_of(vm, d, 1); }
Obj *dict_items_list(VM *vm, Obj *d) { return dict_list_of(vm, d, 2); }

/* ------------------------------------------------------------------ */
/* Lifecycle                                                          */
/* ------------------------------------------------------------------ */

static void dict_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  if (!trash_begin(vm, o)) return;
  dict_clear(vm, o);
  gc_free(vm, o, o->type->basicsize);
  trash_end(vm);
}

static size_t dict_sizeof(Obj *o) {
  DictKeys *dk = D(o)->keys;
  return GC_SIZEOF(o->type->basicsize) + (dk ? dk_bytes(dk) : 0);
}

static int dict_traverse(Obj *o, visitproc visit, void *arg) {
  DictKeys *dk = D(o)->keys;
  if (!dk) return 0;
  DictEntry *ep = dk_entries(dk);
  for (ssize i = 0, n = 0; i < dk->nentries; i++) {
    if (!ep[i].key) continue;
    int r = visit(ep[i].key, EDGE_KEY, n, NULL, arg);
    if (r) return r;
    r = visit(ep[i].value, EDGE_VALUE, n, ep[i].key, arg);
    if (r) return r;
    n++;
  }
  return 0;
}

static int dict_gc_clear(VM *vm, Obj *o) {
  dict_clear(vm, o);
  return 0;
}

/* dict.__new__: an empty dict of the requested type; __init__ fills it. */
static Obj *dict_ctor(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                      Obj *kwnames) {
  return dict_alloc(vm, (TypeObj *)type);
}

/* dict.update / dict.__init__: one optional positional, then keywords. */
static int dict_update_common(VM *vm, Obj *self, const char *name,
                              Obj *const *args, size_t nargs, Obj *kwnames) {
  ssize nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
  if (nargs > 1) {
    vm_raise(vm, &Exc_TypeError, "%s expected at most 1 argument, got %zu", name, nargs);
    return -1;
  }
  if (nargs == 1 && dict_update(vm, self, args[0]) < 0) return -1;
  for (ssize i = 0; i < nkw; i++)
    if (dict_set(vm, self, TUPLE_ITEMS(kwnames)[i], args[nargs + i]) < 0) return -1;
  return 0;
}

static int dict_init(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                     Obj *kwnames) {
  return dict_update_common(vm, self, "dict", args, nargs, kwnames);
}

/* ------------------------------------------------------------------ */
/* Mapping protocol                                                   */
/* ------------------------------------------------------------------ */

static ssize dict_len(VM *vm, Obj *o) { return D(o)->used; }

static int dict_bool(VM *vm, Obj *o) { return D(o)->used != 0; }

static int dict_sq_contains(VM *vm, Obj *o, Obj *key) { return dict_contains(vm, o, key); }

static Obj *dict_subscript(VM *vm, Obj *o, Obj *key) {
  hash_t h = key_hash(vm, key);
  if (h == -1) return NULL;
  ssize ix = dict_lookup(vm, D(o), key, h, NULL);
  if (ix == DKIX_ERROR) return NULL;
  if (ix >= 0) return incref(dk_entries(D(o)->keys)[ix].value);
  if (!obj_is(o, &Dict_Type)) {
    /* A subclass may define __missing__. */
    Obj *missing = type_lookup(o->type, str_intern_cstr(vm, "__missing__"));
    if (missing) return obj_call_method(vm, o, "__missing__", &key, 1);
  }
  return cont_keyerror(vm, key);
}

static int dict_ass_subscript(VM *vm, Obj *o, Obj *key, Obj *value) {
  if (!value) return dict_del(vm, o, key);
  return dict_set(vm, o, key, value);
}

static Obj *dict_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (!dict_check(a) || !dict_check(b) || (op != CMP_EQ && op != CMP_NE))
    return incref(NotImplemented);
  int eq = 1;
  if (D(a)->used != D(b)->used) {
    eq = 0;
  } else {
    for (ssize i = 0; D(a)->keys && i < D(a)->keys->nentries; i++) {
      DictEntry *ep = &dk_entries(D(a)->keys)[i];
      if (!ep->key) continue;
      Obj *key = incref(ep->key), *aval = incref(ep->value);
      hash_t h = ep->hash;
      ssize ix = dict_lookup(vm, D(b), key, h, NULL);
      if (ix == DKIX_ERROR) { decref(vm, key); decref(vm, aval); return NULL; }
      if (ix < 0) {
        decref(vm, key);
        decref(vm, aval);
        eq = 0;
        break;
      }
      Obj *bval = incref(dk_entries(D(b)->keys)[ix].value);
      int r = obj_richcmp_bool(vm, aval, bval, CMP_EQ);
      decref(vm, key);
      decref(vm, aval);
      decref(vm, bval);
      if (r < 0) return NULL;
      if (!r) { eq = 0; break; }
    }
  }
  return bool_new(op == CMP_EQ ? eq : !eq);
}

static Obj *dict_repr(VM *vm, Obj *o) {
  if (D(o)->used == 0) return str_from_cstr(vm, "{}");
  int st = repr_enter(vm, o);
  if (st != 0) return st > 0 ? str_from_cstr(vm, "{...}") : NULL;
  Obj *result = NULL;
  ssize cap = D(o)->used, n = 0;
  Obj **parts = ht_alloc(HT_TAG_VMINTERNAL, (size_t)cap * sizeof(Obj *));
  if (!parts) { vm_raise_nomem(vm); goto out; }
  ssize pos = 0;
  Obj *k, *v;
  while (dict_next(o, &pos, &k, &v)) {
    if (n == cap) {
      Obj **np = ht_realloc(HT_TAG_VMINTERNAL, parts, (size_t)cap * sizeof(Obj *),
                            (size_t)cap * 2 * sizeof(Obj *));
      if (!np) { vm_raise_nomem(vm); goto out; }
      parts = np;
      cap *= 2;
    }
    incref(k);
    incref(v);
    parts[n] = str_fromf(vm, "%R: %R", k, v);
    decref(vm, k);
    decref(vm, v);
    if (!parts[n]) goto out;
    n++;
  }
  result = cont_join_repr(vm, "{", parts, n, "}");
out:
  if (parts) {
    for (ssize i = 0; i < n; i++) decref(vm, parts[i]);
    ht_free(HT_TAG_VMINTERNAL, parts, (size_t)cap * sizeof(Obj *));
  }
  repr_leave(vm, o);
  return result;
}

static Obj *dict_or(VM *vm, Obj *a, Obj *b) {
  if (!dict_check(a) || !dict_check(b)) return incref(NotImplemented);
  Obj *r = dict_copy(vm, a);
  if (!r) return NULL;
  if (dict_update(vm, r, b) < 0) { decref(vm, r); return NULL; }
  return r;
}

static Obj *dict_ior(VM *vm, Obj *a, Obj *b) {
  if (dict_update(vm, a, b) < 0) return NULL;
  return incref(a);
}

/* ------------------------------------------------------------------ */
/* Iterators                                                          */
/* ------------------------------------------------------------------ */

typedef struct DictIterObj {
  Obj ob;
  Obj *dict;                      /* owned; NULL once exhausted */
  ssize used;                     /* dict size when created (-1: changed) */
  ssize pos;                      /* next entry (reverse: counts down) */
  ssize len;                      /* items still expected */
  Obj *result;                    /* reusable (key, value) tuple for items (owned) */
} DictIterObj;

static Obj *dictiter_new(VM *vm, Obj *d, TypeObj *type) {
  DictIterObj *it = (DictIterObj *)gc_alloc(vm, type, sizeof(DictIterObj));
  if (!it) return NULL;
  it->dict = incref(d);
  it->used = D(d)->used;
  it->len = D(d)->used;
  bool rev = type == &DictRevKeyIter_Type || type == &DictRevValueIter_Type ||
             type == &DictRevItemIter_Type;
  it->pos = rev ? (D(d)->keys ? D(d)->keys->nentries - 1 : -1) : 0;
  if (type == &DictItemIter_Type || type == &DictRevItemIter_Type) {
    it->result = tuple_pack(vm, 2, None, None);
    if (!it->result) { decref(vm, OBJ(it)); return NULL; }
  }
  return OBJ(it);
}

/* Advance IT to its next entry; NULL when done or on error. */
static DictEntry *dictiter_step(VM *vm, DictIterObj *it, bool reverse) {
  Obj *d = it->dict;
  if (!d) return NULL;
  if (it->used != D(d)->used) {
    vm_raise(vm, &Exc_RuntimeError, "dictionary changed size during iteration");
    it->used = -1;
    return NULL;
  }
  DictKeys *dk = D(d)->keys;
  ssize i = it->pos;
  DictEntry *ep = NULL;
  if (dk) {
    DictEntry *ep0 = dk_entries(dk);
    if (reverse) {
      if (i >= dk->nentries) i = dk->nentries - 1;
      while (i >= 0 && !ep0[i].key) i--;
      if (i >= 0) ep = &ep0[i];
    } else {
      while (i < dk->nentries && !ep0[i].key) i++;
      if (i < dk->nentries) ep = &ep0[i];
    }
  }
  if (!ep) goto done;
  if (it->len == 0) {
    vm_raise(vm, &Exc_RuntimeError, "dictionary keys changed during iteration");
    goto done;
  }
  it->pos = reverse ? i - 1 : i + 1;
  it->len--;
  return ep;
done:
  it->dict = NULL;
  decref(vm, d);
  return NULL;
}

static Obj *dictiter_item(VM *vm, DictIterObj *it, DictEntry *ep) {
  Obj *r = it->result;
  if (r->refcnt == 1) {
    /* Nobody kept the previous pair: reuse the tuple. */
    Obj *ok = TUPLE_ITEMS(r)[0], *ov = TUPLE_ITEMS(r)[1];
    TUPLE_ITEMS(r)[0] = incref(ep->key);
    TUPLE_ITEMS(r)[1] = incref(ep->value);
    incref(r);
    decref(vm, ok);
    decref(vm, ov);
    return r;
  }
  return tuple_pack(vm, 2, ep->key, ep->value);
}

static Obj *dictiter_nextkey(VM *vm, Obj *o) {
  DictEntry *ep = dictiter_step(vm, (DictIterObj *)o, false);
  return ep ? incref(ep->key) : NULL;
}
static Obj *dictiter_nextvalue(VM *vm, Obj *o) {
  DictEntry *ep = dictiter_step(vm, (DictIterObj *)o, false);
  return ep ? incref(ep->value) : NULL;
}
static Obj *dictiter_nextitem(VM *vm, Obj *o) {
  DictEntry *ep = dictiter_step(vm, (DictIterObj *)o, false);
  return ep ? dictiter_item(vm, (DictIterObj *)o, ep) : NULL;
}
static Obj *dictreviter_nextkey(VM *vm, Obj *o) {
  DictEntry *ep = dictiter_step(vm, (DictIterObj *)o, true);
  return ep ? incref(ep->key) : NULL;
}
static Obj *dictreviter_nextvalue(VM *vm, Obj *o) {
  DictEntry *ep = dictiter_step(vm, (DictIterObj *)o, true);
  return ep ? incref(ep->value) : NULL;
}
static Obj *dictreviter_nextitem(VM *vm, Obj *o) {
  DictEntry *ep = dictiter_step(vm, (DictIterObj *)o, true);
  return ep ? dictiter_item(vm, (DictIterObj *)o, ep) : NULL;
}

static void dictiter_dealloc(VM *vm, Obj *o) {
  DictIterObj *it = (DictIterObj *)o;
  gc_untrack(o);
  xdecref(vm, it->dict);
  xdecref(vm, it->result);
  gc_free(vm, o, sizeof(DictIterObj));
}

static int dictiter_traverse(Obj *o, visitproc visit, void *arg) {
  DictIterObj *it = (DictIterObj *)o;
  int r;
  if (it->dict && (r = visit(it->dict, EDGE_OTHER, 0, NULL, arg))) return r;
  if (it->result && (r = visit(it->result, EDGE_OTHER, 1, NULL, arg))) return r;
  return 0;
}

static int dictiter_clear(VM *vm, Obj *o) {
  DictIterObj *it = (DictIterObj *)o;
  obj_setref(vm, &it->dict, NULL);
  obj_setref(vm, &it->result, NULL);
  return 0;
}

static size_t dictiter_sizeof(Obj *o) { return GC_SIZEOF(sizeof(DictIterObj)); }

static Obj *iter_self(VM *vm, Obj *o) { return incref(o); }

static Obj *dictiter_m_length_hint(VM *vm, Obj *self, Obj *const *args,
                                   size_t nargs, Obj *kwnames) {
  DictIterObj *it = (DictIterObj *)self;
  if (cont_noargs(vm, "dict_keyiterator.__length_hint__", nargs, kwnames) < 0) return NULL;
  ssize n = it->dict && it->used == D(it->dict)->used ? it->len : 0;
  return int_from_i64(vm, n);
}

static const MethodDef dictiter_methods[] = {
  {"__length_hint__", dictiter_m_length_hint, 0},
  {NULL, NULL, 0}
};

#define DICTITER_TYPE(var, tname, nextfn)                          \
  TypeObj var = {                                                  \
    .ob = OBJ_STATIC_INIT(&Type_Type),                             \
    .name = tname,                                                 \
    .tag = HT_TAG_ITERATOR,                                        \
    .basicsize = sizeof(DictIterObj),                              \
    .flags = TF_GC,                                                \
    .dealloc = dictiter_dealloc,                                   \
    .sizeof_ = dictiter_sizeof,                                    \
    .traverse = dictiter_traverse,                                 \
    .clear = dictiter_clear,                                       \
    .iter = iter_self,                                             \
    .iternext = nextfn,                                            \
    .methods = dictiter_methods,                                   \
  };

DICTITER_TYPE(DictKeyIter_Type, "dict_keyiterator", dictiter_nextkey)
DICTITER_TYPE(DictValueIter_Type, "dict_valueiterator", dictiter_nextvalue)
DICTITER_TYPE(DictItemIter_Type, "dict_itemiterator", dictiter_nextitem)
DICTITER_TYPE(DictRevKeyIter_Type, "dict_reversekeyiterator", dictreviter_nextkey)
DICTITER_TYPE(DictRevValueIter_Type, "dict_reversevalueiterator", dictreviter_nextvalue)
DICTITER_TYPE(DictRevItemIter_Type, "dict_reverseitemiterator", dictreviter_nextitem)

static Obj *dict_iter(VM *vm, Obj *o) { return dictiter_new(vm, o, &DictKeyIter_Type); }

/* ------------------------------------------------------------------ */
/* Views                                                              */
/* ------------------------------------------------------------------ */

typedef struct DictViewObj {
  Obj ob;
  Obj *dict;                      /* owned */
} DictViewObj;

#define VIEW_DICT(o) (((DictViewObj *)(o))->dict)

static Obj *dictview_new(VM *vm, Obj *d, TypeObj *type) {
  DictViewObj *v = (DictViewObj *)gc_alloc(vm, type, sizeof(DictViewObj));
  if (!v) return NULL;
  v->dict = incref(d);
  return OBJ(v);
}

static void dictview_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  xdecref(vm, VIEW_DICT(o));
  gc_free(vm, o, sizeof(DictViewObj));
}

static int dictview_traverse(Obj *o, visitproc visit, void *arg) {
  Obj *d = VIEW_DICT(o);
  return d ? visit(d, EDGE_OTHER, 0, NULL, arg) : 0;
}

static int dictview_clear(VM *vm, Obj *o) {
  obj_setref(vm, &((DictViewObj *)o)->dict, NULL);
  return 0;
}

static size_t dictview_sizeof(Obj *o) { return GC_SIZEOF(sizeof(DictViewObj)); }

static ssize dictview_len(VM *vm, Obj *o) { return D(VIEW_DICT(o))->used; }

static Obj *dictkeys_iter(VM *vm, Obj *o) {
  return dictiter_new(vm, VIEW_DICT(o), &DictKeyIter_Type);
}
static Obj *dictvalues_iter(VM *vm, Obj *o) {
  return dictiter_new(vm, VIEW_DICT(o), &DictValueIter_Type);
}
static Obj *dictitems_iter(VM *vm, Obj *o) {
  return dictiter_new(vm, VIEW_DICT(o), &DictItemIter_Type);
}

static int dictkeys_contains(VM *vm, Obj *o, Obj *key) {
  return dict_contains(vm, VIEW_DICT(o), key);
}

static int dictitems_contains(VM *vm, Obj *o, Obj *item) {
  if (!tuple_check(item) || TUPLE_SIZE(item) != 2) return 0;
  Obj *key = TUPLE_ITEMS(item)[0], *value = TUPLE_ITEMS(item)[1];
  Obj *found = dict_get(vm, VIEW_DICT(o), key);
  if (!found) return vm_exc_occurred(vm) ? -1 : 0;
  incref(found);
  int r = obj_richcmp_bool(vm, found, value, CMP_EQ);
  decref(vm, found);
  return r;
}

static int dictvalues_contains(VM *vm, Obj *o, Obj *value) {
  Obj *d = VIEW_DICT(o);
  for (ssize i = 0; D(d)->keys && i < D(d)->keys->nentries; i++) {
    DictEntry *ep = &dk_entries(D(d)->keys)[i];
    if (!ep->key) continue;
    Obj *v = incref(ep->value);
    int r = obj_richcmp_bool(vm, v, value, CMP_EQ);
    decref(vm, v);
    if (r) return r;
  }
  return 0;
}

static Obj *dictview_repr(VM *vm, Obj *o) {
  int st = repr_enter(vm, o);
  if (st != 0) return st > 0 ? str_from_cstr(vm, "...") : NULL;
  Obj *r = NULL;
  Obj *l = list_new(vm, 0);
  if (l && list_extend(vm, l, o) == 0) r = str_fromf(vm, "%s(%R)", o->type->name, l);
  xdecref(vm, l);
  repr_leave(vm, o);
  return r;
}

static bool is_setview(Obj *o) {
  return o->type == &DictKeys_Type || o->type == &DictItems_Type;
}

/* Every element of SELF is in OTHER. */
static int all_contained_in(VM *vm, Obj *self, Obj *other) {
  Obj *it = obj_iter(vm, self);
  if (!it) return -1;
  int ok = 1;
  Obj *x;
  while ((x = obj_iternext(vm, it))) {
    ok = obj_contains(vm, other, x);
    decref(vm, x);
    if (ok <= 0) break;
  }
  decref(vm, it);
  if (ok >= 0 && vm_exc_occurred(vm)) return -1;
  return ok;
}

static Obj *dictview_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (!is_setview(a) || !(anyset_check(b) || is_setview(b)))
    return incref(NotImplemented);
  ssize la = obj_len(vm, a), lb = obj_len(vm, b);
  if (la < 0 || lb < 0) return NULL;
  int ok = 0;
  switch (op) {
  case CMP_EQ: case CMP_NE:
    ok = la == lb ? all_contained_in(vm, a, b) : 0;
    if (ok >= 0 && op == CMP_NE) ok = !ok;
    break;
  case CMP_LT: ok = la < lb ? all_contained_in(vm, a, b) : 0; break;
  case CMP_LE: ok = la <= lb ? all_contained_in(vm, a, b) : 0; break;
  case CMP_GT: ok = la > lb ? all_contained_in(vm, b, a) : 0; break;
  case CMP_GE: ok = la >= lb ? all_contained_in(vm, b, a) : 0; break;
  }
  if (ok < 0) return NULL;
  return bool_new(ok);
}

/* set(A) then one in-place set operation with B (CPython's dictviews_or,
** _sub and _xor: A is the left operand, view or not). */
static Obj *dictview_setop(VM *vm, Obj *a, Obj *b, const char *method) {
  Obj *result = set_new(vm, a);
  if (!result) return NULL;
  Obj *r = obj_call_method(vm, result, method, &b, 1);
  if (!r) { decref(vm, result); return NULL; }
  decref(vm, r);
  return result;
}

static Obj *dictview_or(VM *vm, Obj *a, Obj *b) { return dictview_setop(vm, a, b, "update"); }
static Obj *dictview_xor(VM *vm, Obj *a, Obj *b) {
  return dictview_setop(vm, a, b, "symmetric_difference_update");
}
static Obj *dictview_sub(VM *vm, Obj *a, Obj *b) {
  return dictview_setop(vm, a, b, "difference_update");
}

/* CPython's _PyDictView_Intersect. */
static Obj *dictview_and(VM *vm, Obj *a, Obj *b) {
  if (!is_setview(a)) { Obj *t = a; a = b; b = t; }
  ssize la = obj_len(vm, a);
  if (la < 0) return NULL;
  if (obj_is(b, &Set_Type) && la <= set_size(b))
    return obj_call_method(vm, b, "intersection", &a, 1);
  if (is_setview(b)) {
    ssize lb = obj_len(vm, b);
    if (lb < 0) return NULL;
    if (lb > la) { Obj *t = a; a = b; b = t; }
  }
  Obj *result = set_new(vm, NULL);
  if (!result) return NULL;
  Obj *it = obj_iter(vm, b);
  if (!it) { decref(vm, result); return NULL; }
  int (*contains)(VM *, Obj *, Obj *) =
    a->type == &DictKeys_Type ? dictkeys_contains : dictitems_contains;
  Obj *x;
  while ((x = obj_iternext(vm, it))) {
    int r = contains(vm, a, x);
    if (r > 0) r = set_add(vm, result, x);
    decref(vm, x);
    if (r < 0) { decref(vm, it); decref(vm, result); return NULL; }
  }
  decref(vm, it);
  if (vm_exc_occurred(vm)) { decref(vm, result); return NULL; }
  return result;
}

static Obj *dictview_m_isdisjoint(VM *vm, Obj *self, Obj *const *args,
                                  size_t nargs, Obj *kwnames) {
  if (cont_onearg(vm, "isdisjoint", nargs, kwnames) < 0) return NULL;
  Obj *other = args[0];
  if (other == self) return bool_new(D(VIEW_DICT(self))->used == 0);
  Obj *it = obj_iter(vm, other);
  if (!it) return NULL;
  int (*contains)(VM *, Obj *, Obj *) =
    self->type == &DictKeys_Type ? dictkeys_contains : dictitems_contains;
  Obj *x;
  while ((x = obj_iternext(vm, it))) {
    int r = contains(vm, self, x);
    decref(vm, x);
    if (r) {
      decref(vm, it);
      return r < 0 ? NULL : bool_new(false);
    }
  }
  decref(vm, it);
  if (vm_exc_occurred(vm)) return NULL;
  return bool_new(true);
}

static Obj *dictkeys_m_reversed(VM *vm, Obj *self, Obj *const *args,
                                size_t nargs, Obj *kwnames) {
  if (cont_noargs(vm, "dict_keys.__reversed__", nargs, kwnames) < 0) return NULL;
  return dictiter_new(vm, VIEW_DICT(self), &DictRevKeyIter_Type);
}
static Obj *dictvalues_m_reversed(VM *vm, Obj *self, Obj *const *args,
                                  size_t nargs, Obj *kwnames) {
  if (cont_noargs(vm, "dict_values.__reversed__", nargs, kwnames) < 0) return NULL;
  return dictiter_new(vm, VIEW_DICT(self), &DictRevValueIter_Type);
}
static Obj *dictitems_m_reversed(VM *vm, Obj *self, Obj *const *args,
                                 size_t nargs, Obj *kwnames) {
  if (cont_noargs(vm, "dict_items.__reversed__", nargs, kwnames) < 0) return NULL;
  return dictiter_new(vm, VIEW_DICT(self), &DictRevItemIter_Type);
}

static const MethodDef dictkeys_methods[] = {
  {"isdisjoint", dictview_m_isdisjoint, 0},
  {"__reversed__", dictkeys_m_reversed, 0},
  {NULL, NULL, 0}
};
static const MethodDef dictitems_methods[] = {
  {"isdisjoint", dictview_m_isdisjoint, 0},
  {"__reversed__", dictitems_m_reversed, 0},
  {NULL, NULL, 0}
};
static const MethodDef dictvalues_methods[] = {
  {"__reversed__", dictvalues_m_reversed, 0},
  {NULL, NULL, 0}
};

#define DICTVIEW_BINOPS \
  { [BINOP_AND] = dictview_and, [BINOP_OR] = dictview_or, \
    [BINOP_SUB] = dictview_sub, [BINOP_XOR] = dictview_xor }

TypeObj DictKeys_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "dict_keys",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(DictViewObj),
  .flags = TF_GC,
  .dealloc = dictview_dealloc,
  .sizeof_ = dictview_sizeof,
  .traverse = dictview_traverse,
  .clear = dictview_clear,
  .repr = dictview_repr,
  .richcmp = dictview_richcmp,
  .iter = dictkeys_iter,
  .len = dictview_len,
  .contains = dictkeys_contains,
  .binop = DICTVIEW_BINOPS,
  .methods = dictkeys_methods,
};

TypeObj DictItems_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "dict_items",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(DictViewObj),
  .flags = TF_GC,
  .dealloc = dictview_dealloc,
  .sizeof_ = dictview_sizeof,
  .traverse = dictview_traverse,
  .clear = dictview_clear,
  .repr = dictview_repr,
  .richcmp = dictview_richcmp,
  .iter = dictitems_iter,
  .len = dictview_len,
  .contains = dictitems_contains,
  .binop = DICTVIEW_BINOPS,
  .methods = dictitems_methods,
};

TypeObj DictValues_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "dict_values",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(DictViewObj),
  .flags = TF_GC,
  .dealloc = dictview_dealloc,
  .sizeof_ = dictview_sizeof,
  .traverse = dictview_traverse,
  .clear = dictview_clear,
  .repr = dictview_repr,
  .iter = dictvalues_iter,
  .len = dictview_len,
  .contains = dictvalues_contains,
  .methods = dictvalues_methods,
};

/* ------------------------------------------------------------------ */
/* Methods                                                            */
/* ------------------------------------------------------------------ */

static Obj *dict_m_get(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  if (cont_posargs(vm, "dict.get", nargs, kwnames, 1, 2) < 0) return NULL;
  Obj *v = dict_get(vm, self, args[0]);
  if (v) return incref(v);
  if (vm_exc_occurred(vm)) return NULL;
  return incref(nargs > 1 ? args[1] : None);
}

static Obj *dict_m_setdefault(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                              Obj *kwnames) {
  if (cont_posargs(vm, "dict.setdefault", nargs, kwnames, 1, 2) < 0) return NULL;
  Obj *key = args[0], *deflt = nargs > 1 ? args[1] : None;
  hash_t h = key_hash(vm, key);
  if (h == -1) return NULL;
  Obj *v = dict_get_with_hash(vm, self, key, h);
  if (v) return incref(v);
  if (vm_exc_occurred(vm)) return NULL;
  if (dict_set_with_hash(vm, self, key, h, deflt) < 0) return NULL;
  return incref(deflt);
}

static Obj *dict_m_pop(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  if (cont_posargs(vm, "dict.pop", nargs, kwnames, 1, 2) < 0) return NULL;
  return dict_pop(vm, self, args[0], nargs > 1 ? args[1] : NULL);
}

static Obj *dict_m_popitem(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  DictObj *d = D(self);
  if (cont_noargs(vm, "dict.popitem", nargs, kwnames) < 0) return NULL;
  if (d->used == 0) {
    Obj *msg = str_from_cstr(vm, "popitem(): dictionary is empty");
    if (!msg) return NULL;
    cont_keyerror(vm, msg);
    decref(vm, msg);
    return NULL;
  }
  /* Make the result first, so nothing can fail after the removal. */
  Obj *res = tuple_new(vm, 2);
  if (!res) return NULL;
  DictKeys *dk = d->keys;
  DictEntry *ep0 = dk_entries(dk);
  ssize i = dk->nentries - 1;
  while (i >= 0 && !ep0[i].key) i--;
  DictEntry *ep = &ep0[i];
  /* Find the slot pointing at entry I. */
  size_t mask = DK_MASK(dk), perturb = (size_t)ep->hash, j = (size_t)ep->hash & mask;
  while (dk_get_index(dk, j) != i) {
    perturb >>= PERTURB_SHIFT;
    j = (j * 5 + perturb + 1) & mask;
  }
  dk_set_index(dk, j, DKIX_DUMMY);
  TUPLE_ITEMS(res)[0] = ep->key;
  TUPLE_ITEMS(res)[1] = ep->value;
  ep->key = NULL;
  ep->value = NULL;
  /* The entry can be reused later: the index still holds a DUMMY. */
  dk->nentries = i;
  d->used--;
  d->version++;
  return res;
}

static Obj *dict_m_keys(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  if (cont_noargs(vm, "dict.keys", nargs, kwnames) < 0) return NULL;
  return dictview_new(vm, self, &DictKeys_Type);
}

static Obj *dict_m_values(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  if (cont_noargs(vm, "dict.values", nargs, kwnames) < 0) return NULL;
  return dictview_new(vm, self, &DictValues_Type);
}

static Obj *dict_m_items(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  if (cont_noargs(vm, "dict.items", nargs, kwnames) < 0) return NULL;
  return dictview_new(vm, self, &DictItems_Type);
}

static Obj *dict_m_update(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  if (dict_update_common(vm, self, "update", args, nargs, kwnames) < 0) return NULL;
  return none_new();
}

static Obj *dict_m_copy(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  if (cont_noargs(vm, "dict.copy", nargs, kwnames) < 0) return NULL;
  return dict_copy(vm, self);
}

static Obj *dict_m_clear(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  if (cont_noargs(vm, "dict.clear", nargs, kwnames) < 0) return NULL;
  dict_clear(vm, self);
  return none_new();
}

/* dict.fromkeys(iterable, value=None), a class method: SELF is the type. */
static Obj *dict_m_fromkeys(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                            Obj *kwnames) {
  if (cont_posargs(vm, "dict.fromkeys", nargs, kwnames, 1, 2) < 0) return NULL;
  Obj *value = nargs > 1 ? args[1] : None;
  bool exact = self == (Obj *)&Dict_Type;
  Obj *d = exact ? dict_new(vm) : obj_call0(vm, self);
  if (!d) return NULL;
  Obj *it = obj_iter(vm, args[0]);
  if (!it) { decref(vm, d); return NULL; }
  Obj *key;
  while ((key = obj_iternext(vm, it))) {
    int r = exact ? dict_set(vm, d, key, value) : obj_setitem(vm, d, key, value);
    decref(vm, key);
    if (r < 0) break;
  }
  decref(vm, it);
  if (vm_exc_occurred(vm)) { decref(vm, d); return NULL; }
  return d;
}

static Obj *dict_m_contains(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                            Obj *kwnames) {
  if (cont_onearg(vm, "dict.__contains__", nargs, kwnames) < 0) return NULL;
  int r = dict_contains(vm, self, args[0]);
  return r < 0 ? NULL : bool_new(r);
}

static Obj *dict_m_getitem(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  if (cont_onearg(vm, "dict.__getitem__", nargs, kwnames) < 0) return NULL;
  return dict_subscript(vm, self, args[0]);
}

static Obj *dict_m_reversed(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                            Obj *kwnames) {
  if (cont_noargs(vm, "dict.__reversed__", nargs, kwnames) < 0) return NULL;
  return dictiter_new(vm, self, &DictRevKeyIter_Type);
}

static const MethodDef dict_methods[] = {
  {"get", dict_m_get, 0},
  {"setdefault", dict_m_setdefault, 0},
  {"pop", dict_m_pop, 0},
  {"popitem", dict_m_popitem, 0},
  {"keys", dict_m_keys, 0},
  {"values", dict_m_values, 0},
  {"items", dict_m_items, 0},
  {"update", dict_m_update, 0},
  {"copy", dict_m_copy, 0},
  {"clear", dict_m_clear, 0},
  {"fromkeys", dict_m_fromkeys, METH_CLASS},
  {"__contains__", dict_m_contains, 0},
  {"__getitem__", dict_m_getitem, 0},
  {"__reversed__", dict_m_reversed, 0},
  {"__class_getitem__", cont_class_getitem, METH_CLASS},
  {NULL, NULL, 0}
};

TypeObj Dict_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "dict",
  .tag = HT_TAG_DICT,
  .basicsize = sizeof(DictObj),
  .flags = TF_GC | TF_BASETYPE | TF_DICT_SUBCLASS,
  .dealloc = dict_dealloc,
  .sizeof_ = dict_sizeof,
  .traverse = dict_traverse,
  .clear = dict_gc_clear,
  .new_ = dict_ctor,
  .init = dict_init,
  .repr = dict_repr,
  .richcmp = dict_richcmp,
  .iter = dict_iter,
  .len = dict_len,
  .getitem = dict_subscript,
  .setitem = dict_ass_subscript,
  .contains = dict_sq_contains,
  .bool_ = dict_bool,
  .binop = { [BINOP_OR] = dict_or },
  .inplace = { [BINOP_OR] = dict_ior },
  .methods = dict_methods,
  .doc = "dict() -> new empty dictionary\n"
         "dict(mapping) -> new dictionary initialized from a mapping object's\n"
         "    (key, value) pairs\n"
         "dict(iterable) -> new dictionary initialized as if via:\n"
         "    d = {}\n"
         "    for k, v in iterable:\n"
         "        d[k] = v\n"
         "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
         "    in the keyword argument list.  For example:  dict(one=1, two=2)",
};
