/*
** set.c -- set and frozenset, and the set iterator.
**
** The table is CPython 3.11's setobject.c design, so that iteration order
** (and so printed output) is CPython's:
**
**   - open addressing over 2**k (key, hash) entries; an entry is empty
**     (key NULL, hash 0), active, or a dummy left by a deletion (the static
**     dummy key, hash -1);
**   - a probe looks at slot i and, when they fit before the end of the
**     table, the LINEAR_PROBES (9) slots after it, then jumps to
**     i = 5*i + 1 + perturb with perturb shifted right by 5 each time;
**   - a set starts with an inline table of 8 entries (no extra block);
**     when fill*5 >= mask*3 after an insertion into a fresh slot the table
**     is rebuilt at the smallest power of two > 4*used (2*used past 50000),
**     which also clears the dummies;
**   - merges, copies, unions and intersections insert in CPython's order,
**     including the pointer copy of a same-sized dummy-free table.
**
** Larger tables are separate SET-tagged blocks.  frozenset's hash is
** CPython's (xor of shuffled entry hashes, corrected for empty and dummy
** slots), cached in HASH.  Tag SET for both types.
*/
#include <string.h>
#include "vm.h"
#include "containers.h"

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct SetEntry {
  Obj *key;                       /* owned; NULL empty; &set_dummy deleted */
  hash_t hash;                    /* 0 when empty, -1 for a dummy */
} SetEntry;

typedef struct SetObj {
  Obj ob;
  ssize fill;                     /* active + dummy entries */
  ssize used;                     /* active entries */
  ssize mask;                     /* table size - 1 */
  SetEntry *table;                /* smalltable, or an owned SET block */
  hash_t hash;                    /* frozenset hash cache, -1 until computed */
  ssize finger;                   /* where pop() looks next */
  SetEntry smalltable[SET_MINSIZE]; /* the table of small sets */
} SetObj;

#define S(o) ((SetObj *)(o))

/* The marker of deleted entries: never visible outside this file. */
static Obj set_dummy = OBJ_STATIC_INIT(&Object_Type);
#define dummy (&set_dummy)

static inline bool is_set_type(Obj *o) {
  return o->type == &Set_Type || type_is_subtype(o->type, &Set_Type);
}

static inline size_t table_bytes(ssize mask) {
  return (size_t)(mask + 1) * sizeof(SetEntry);
}

static inline hash_t set_key_hash(VM *vm, Obj *key) {
  if (key->type == &Str_Type) {
    hash_t h = ((StrObj *)key)->hash;
    if (h != -1) return h;
  }
  return obj_hash(vm, key);
}

static inline bool strs_equal(Obj *a, Obj *b) {
  return a->type == &Str_Type && b->type == &Str_Type &&
         STR_NBYTES(a) == STR_NBYTES(b) &&
         memcmp(STR_UTF8(a), STR_UTF8(b), (size_t)STR_NBYTES(a)) == 0;
}

/* ------------------------------------------------------------------ */
/* Probing                                                            */
/* ------------------------------------------------------------------ */

/* The entry holding KEY, or the empty entry ending its probe sequence;
** NULL when a comparison fails. */
static SetEntry *set_lookkey(VM *vm, SetObj *so, Obj *key, hash_t hash) {
restart:;
  size_t perturb = (size_t)hash, mask = (size_t)so->mask;
  size_t i = (size_t)hash & mask;
  for (;;) {
    SetEntry *entry = &so->table[i];
    int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
    do {
      if (entry->hash == 0 && entry->key == NULL) return entry;
      if (entry->hash == hash) {
        Obj *startkey = entry->key;
        if (startkey == key || strs_equal(startkey, key)) return entry;
        SetEntry *table = so->table;
        incref(startkey);
        int cmp = obj_richcmp_bool(vm, startkey, key, CMP_EQ);
        decref(vm, startkey);
        if (cmp < 0) return NULL;
        if (table != so->table || entry->key != startkey) goto restart;
        if (cmp > 0) return entry;
        mask = (size_t)so->mask;
      }
      entry++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

/* Insert KEY known to be absent into a dummy-free TABLE. */
static void set_insert_clean(SetEntry *table, size_t mask, Obj *key, hash_t hash) {
  size_t perturb = (size_t)hash, i = (size_t)hash & mask;
  SetEntry *entry;
  for (;;) {
    entry = &table[i];
    if (!entry->key) goto found;
    if (i + LINEAR_PROBES <= mask) {
      for (int j = 0; j < LINEAR_PROBES; j++) {
        entry++;
        if (!entry->key) goto found;
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
found:
  entry->key = key;
  entry->hash = hash;
}

/* Rebuild the table at the smallest power of two > MINUSED. */
static int set_table_resize(VM *vm, SetObj *so, ssize minused) {
  size_t newsize = SET_MINSIZE;
  while (newsize <= (size_t)minused) newsize <<= 1;
  SetEntry *oldtable = so->table, *newtable;
  ssize oldmask = so->mask;
  bool old_heap = oldtable != so->smalltable;
  SetEntry small_copy[SET_MINSIZE];

  if (newsize == SET_MINSIZE) {
    newtable = so->smalltable;
    if (newtable == oldtable) {
      if (so->fill == so->used) return 0;   /* no dummies to purge */
      memcpy(small_copy, oldtable, sizeof(small_copy));
      oldtable = small_copy;
    }
  } else {
    newtable = ht_alloc(HT_TAG_SET, newsize * sizeof(SetEntry));
    if (!newtable) { vm_raise_nomem(vm); return -1; }
  }
  memset(newtable, 0, newsize * sizeof(SetEntry));
  so->mask = (ssize)newsize - 1;
  so->table = newtable;
  size_t newmask = newsize - 1;
  if (so->fill == so->used) {
    for (SetEntry *e = oldtable; e <= oldtable + oldmask; e++)
      if (e->key) set_insert_clean(newtable, newmask, e->key, e->hash);
  } else {
    so->fill = so->used;
    for (SetEntry *e = oldtable; e <= oldtable + oldmask; e++)
      if (e->key && e->key != dummy) set_insert_clean(newtable, newmask, e->key, e->hash);
  }
  if (old_heap) ht_free(HT_TAG_SET, oldtable, table_bytes(oldmask));
  return 0;
}

static int set_add_entry(VM *vm, SetObj *so, Obj *key, hash_t hash) {
  SetEntry *freeslot, *entry;
  size_t perturb, mask, i;
  incref(key);
restart:
  mask = (size_t)so->mask;
  i = (size_t)hash & mask;
  freeslot = NULL;
  perturb = (size_t)hash;
  for (;;) {
    entry = &so->table[i];
    int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
    do {
      if (entry->hash == 0 && entry->key == NULL) goto found_unused_or_dummy;
      if (entry->hash == hash) {
        Obj *startkey = entry->key;
        if (startkey == key || strs_equal(startkey, key)) goto found_active;
        SetEntry *table = so->table;
        incref(startkey);
        int cmp = obj_richcmp_bool(vm, startkey, key, CMP_EQ);
        decref(vm, startkey);
        if (cmp > 0) goto found_active;
        if (cmp < 0) goto comparison_error;
        if (table != so->table || entry->key != startkey) goto restart;
        mask = (size_t)so->mask;
      } else if (entry->hash == -1) {
        freeslot = entry;
      }
      entry++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot) {
    so->used++;
    freeslot->key = key;
    freeslot->hash = hash;
    return 0;
  }
  so->fill++;
  so->used++;
  entry->key = key;
  entry->hash = hash;
  if ((size_t)so->fill * 5 < mask * 3) return 0;
  return set_table_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
  decref(vm, key);
  return 0;
comparison_error:
  decref(vm, key);
  return -1;
}

static int set_contains_entry(VM *vm, SetObj *so, Obj *key, hash_t hash) {
  SetEntry *entry = set_lookkey(vm, so, key, hash);
  if (!entry) return -1;
  return entry->key != NULL;
}

/* 1 removed, 0 absent, -1 error. */
static int set_discard_entry(VM *vm, SetObj *so, Obj *key, hash_t hash) {
  SetEntry *entry = set_lookkey(vm, so, key, hash);
  if (!entry) return -1;
  if (!entry->key) return 0;
  Obj *old = entry->key;
  entry->key = dummy;
  entry->hash = -1;
  so->used--;
  decref(vm, old);
  return 1;
}

static int set_add_key(VM *vm, SetObj *so, Obj *key) {
  hash_t h = set_key_hash(vm, key);
  if (h == -1) return -1;
  return set_add_entry(vm, so, key, h);
}

static int set_contains_key(VM *vm, SetObj *so, Obj *key) {
  hash_t h = set_key_hash(vm, key);
  if (h == -1) return -1;
  return set_contains_entry(vm, so, key, h);
}

static int set_discard_key(VM *vm, SetObj *so, Obj *key) {
  hash_t h = set_key_hash(vm, key);
  if (h == -1) return -1;
  return set_discard_entry(vm, so, key, h);
}

static void set_empty_to_minsize(SetObj *so) {
  memset(so->smalltable, 0, sizeof(so->smalltable));
  so->fill = 0;
  so->used = 0;
  so->mask = SET_MINSIZE - 1;
  so->table = so->smalltable;
  so->hash = -1;
}

/* Empty the set first, then release the keys (their destructors may touch
** the set). */
static void set_clear_internal(VM *vm, SetObj *so) {
  SetEntry *table = so->table;
  ssize used = so->used, mask = so->mask;
  bool heap = table != so->smalltable;
  SetEntry small_copy[SET_MINSIZE];
  if (heap) {
    set_empty_to_minsize(so);
  } else if (so->fill > 0) {
    memcpy(small_copy, table, sizeof(small_copy));
    table = small_copy;
    set_empty_to_minsize(so);
  } else {
    return;
  }
  for (SetEntry *e = table; used > 0; e++) {
    if (e->key && e->key != dummy) {
      used--;
      decref(vm, e->key);
    }
  }
  if (heap) ht_free(HT_TAG_SET, table, table_bytes(mask));
}

static bool set_next_entry(SetObj *so, ssize *pos, SetEntry **out) {
  ssize i = *pos, mask = so->mask;
  SetEntry *e = &so->table[i];
  while (i <= mask && (!e->key || e->key == dummy)) { i++; e++; }
  *pos = i + 1;
  if (i > mask) return false;
  *out = e;
  return true;
}

/* Add every key of OTHERSET (a set or frozenset). */
static int set_merge(VM *vm, SetObj *so, SetObj *other) {
  if (other == so || other->used == 0) return 0;
  /* One big resize up front, expecting few overlapping keys. */
  if ((so->fill + other->used) * 5 >= so->mask * 3) {
    if (set_table_resize(vm, so, (so->used + other->used) * 2) < 0) return -1;
  }
  SetEntry *so_entry = so->table, *other_entry = other->table;
  /* Empty target of the same size and a dummy-free source: copy slots. */
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (ssize i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
      Obj *key = other_entry->key;
      if (key) {
        so_entry->key = incref(key);
        so_entry->hash = other_entry->hash;
      }
    }
    so->fill = other->fill;
    so->used = other->used;
    return 0;
  }
  /* Empty target: no duplicates possible. */
  if (so->fill == 0) {
    SetEntry *newtable = so->table;
    size_t newmask = (size_t)so->mask;
    so->fill = other->used;
    so->used = other->used;
    for (ssize i = other->mask + 1; i > 0; i--, other_entry++) {
      Obj *key = other_entry->key;
      if (key && key != dummy)
        set_insert_clean(newtable, newmask, incref(key), other_entry->hash);
    }
    return 0;
  }
  for (ssize i = 0; i <= other->mask; i++) {
    other_entry = &other->table[i];
    Obj *key = other_entry->key;
    if (key && key != dummy && set_add_entry(vm, so, key, other_entry->hash) < 0)
      return -1;
  }
  return 0;
}

static int set_update_internal(VM *vm, SetObj *so, Obj *other) {
  if (anyset_check(other)) return set_merge(vm, so, S(other));
  if (obj_is(other, &Dict_Type)) {
    ssize dictsize = dict_size(other);
    if ((so->fill + dictsize) * 5 >= so->mask * 3) {
      if (set_table_resize(vm, so, (so->used + dictsize) * 2) < 0) return -1;
    }
    ssize pos = 0;
    Obj *key, *value;
    hash_t hash;
    while (dict_next_with_hash(other, &pos, &key, &value, &hash))
      if (set_add_entry(vm, so, key, hash) < 0) return -1;
    return 0;
  }
  Obj *it = obj_iter(vm, other);
  if (!it) return -1;
  Obj *key;
  while ((key = obj_iternext(vm, it))) {
    int r = set_add_key(vm, so, key);
    decref(vm, key);
    if (r < 0) { decref(vm, it); return -1; }
  }
  decref(vm, it);
  return vm_exc_occurred(vm) ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Construction                                                       */
/* ------------------------------------------------------------------ */

static Obj *make_new_set(VM *vm, TypeObj *type, Obj *iterable) {
  SetObj *so = (SetObj *)gc_alloc(vm, type, type->basicsize);
  if (!so) return NULL;
  so->mask = SET_MINSIZE - 1;
  so->table = so->smalltable;
  so->hash = -1;
  if (iterable && set_update_internal(vm, so, iterable) < 0) {
    decref(vm, OBJ(so));
    return NULL;
  }
  return OBJ(so);
}

/* A set for results: the base type, set or frozenset, that TYPE derives from. */
static Obj *make_new_set_basetype(VM *vm, TypeObj *type, Obj *iterable) {
  if (type != &Set_Type && type != &FrozenSet_Type)
    type = type_is_subtype(type, &Set_Type) ? &Set_Type : &FrozenSet_Type;
  return make_new_set(vm, type, iterable);
}

Obj *set_new(VM *vm, Obj *iterable) { return make_new_set(vm, &Set_Type, iterable); }

Obj *frozenset_new(VM *vm, Obj *iterable) {
  if (iterable && obj_is(iterable, &FrozenSet_Type)) return incref(iterable);
  return make_new_set(vm, &FrozenSet_Type, iterable);
}

int set_add(VM *vm, Obj *set, Obj *key) { return set_add_key(vm, S(set), key); }

int set_discard(VM *vm, Obj *set, Obj *key) { return set_discard_key(vm, S(set), key); }

ssize set_size(Obj *set) { return S(set)->used; }

bool set_next(Obj *set, ssize *pos, Obj **key, hash_t *hash) {
  SetEntry *e;
  if (!set_next_entry(S(set), pos, &e)) return false;
  *key = e->key;
  if (hash) *hash = e->hash;
  return true;
}

int set_update(VM *vm, Obj *set, Obj *iterable) {
  return set_update_internal(vm, S(set), iterable);
}

static Obj *set_ctor(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                     Obj *kwnames) {
  return make_new_set(vm, (TypeObj *)type, NULL);
}

static int set_init(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                    Obj *kwnames) {
  if (cont_nokw(vm, "set", kwnames) < 0) return -1;
  if (nargs > 1) {
    vm_raise(vm, &Exc_TypeError, "%s expected at most 1 argument, got %zu",
             self->type->name, nargs);
    return -1;
  }
  SetObj *so = S(self);
  if (so->fill) set_clear_internal(vm, so);
  so->hash = -1;
  if (nargs == 0) return 0;
  return set_update_internal(vm, so, args[0]);
}

static Obj *frozenset_ctor(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  TypeObj *tp = (TypeObj *)type;
  if (tp == &FrozenSet_Type && cont_nokw(vm, "frozenset", kwnames) < 0) return NULL;
  if (nargs > 1)
    return vm_raise(vm, &Exc_TypeError, "%s expected at most 1 argument, got %zu",
                    tp->name, nargs);
  Obj *iterable = nargs ? args[0] : NULL;
  if (tp != &FrozenSet_Type) return make_new_set(vm, tp, iterable);
  return frozenset_new(vm, iterable);
}

/* ------------------------------------------------------------------ */
/* Lifecycle                                                          */
/* ------------------------------------------------------------------ */

static void set_dealloc(VM *vm, Obj *o) {
  SetObj *so = S(o);
  gc_untrack(o);
  if (!trash_begin(vm, o)) return;
  ssize used = so->used;
  for (SetEntry *e = so->table; used > 0; e++) {
    if (e->key && e->key != dummy) {
      used--;
      decref(vm, e->key);
    }
  }
  if (so->table != so->smalltable) ht_free(HT_TAG_SET, so->table, table_bytes(so->mask));
  gc_free(vm, o, o->type->basicsize);
  trash_end(vm);
}

static size_t set_sizeof(Obj *o) {
  SetObj *so = S(o);
  size_t n = GC_SIZEOF(o->type->basicsize);
  if (so->table != so->smalltable) n += table_bytes(so->mask);
  return n;
}

static int set_traverse(Obj *o, visitproc visit, void *arg) {
  ssize pos = 0, n = 0;
  SetEntry *e;
  while (set_next_entry(S(o), &pos, &e)) {
    int r = visit(e->key, EDGE_KEY, n++, NULL, arg);
    if (r) return r;
  }
  return 0;
}

static int set_gc_clear(VM *vm, Obj *o) {
  set_clear_internal(vm, S(o));
  return 0;
}

/* ------------------------------------------------------------------ */
/* Operations                                                         */
/* ------------------------------------------------------------------ */

static Obj *set_copy_of(VM *vm, Obj *so) {
  return make_new_set_basetype(vm, so->type, so);
}

/* Swap the contents of A and B (CPython's set_swap_bodies). */
static void set_swap_bodies(SetObj *a, SetObj *b) {
  ssize t;
  t = a->fill; a->fill = b->fill; b->fill = t;
  t = a->used; a->used = b->used; b->used = t;
  t = a->mask; a->mask = b->mask; b->mask = t;
  SetEntry *u = a->table == a->smalltable ? b->smalltable : a->table;
  a->table = b->table == b->smalltable ? a->smalltable : b->table;
  b->table = u;
  if (a->table == a->smalltable || b->table == b->smalltable) {
    SetEntry tab[SET_MINSIZE];
    memcpy(tab, a->smalltable, sizeof(tab));
    memcpy(a->smalltable, b->smalltable, sizeof(tab));
    memcpy(b->smalltable, tab, sizeof(tab));
  }
  if (frozenset_check(OBJ(a)) && frozenset_check(OBJ(b))) {
    hash_t h = a->hash; a->hash = b->hash; b->hash = h;
  } else {
    a->hash = -1;
    b->hash = -1;
  }
}

static Obj *set_intersection(VM *vm, Obj *so_, Obj *other) {
  if (so_ == other) return set_copy_of(vm, so_);
  Obj *result = make_new_set_basetype(vm, so_->type, NULL);
  if (!result) return NULL;
  SetObj *so = S(so_);
  if (anyset_check(other)) {
    SetObj *o = S(other);
    if (o->used > so->used) { SetObj *t = so; so = o; o = t; }
    ssize pos = 0;
    SetEntry *e;
    while (set_next_entry(o, &pos, &e)) {
      Obj *key = incref(e->key);
      hash_t hash = e->hash;
      int rv = set_contains_entry(vm, so, key, hash);
      if (rv > 0) rv = set_add_entry(vm, S(result), key, hash);
      decref(vm, key);
      if (rv < 0) { decref(vm, result); return NULL; }
    }
    return result;
  }
  Obj *it = obj_iter(vm, other);
  if (!it) { decref(vm, result); return NULL; }
  Obj *key;
  while ((key = obj_iternext(vm, it))) {
    hash_t hash = set_key_hash(vm, key);
    int rv = hash == -1 ? -1 : set_contains_entry(vm, so, key, hash);
    if (rv > 0) {
      rv = set_add_entry(vm, S(result), key, hash);
      if (rv == 0 && S(result)->used >= so->used) {
        decref(vm, key);
        break;
      }
    }
    decref(vm, key);
    if (rv < 0) { decref(vm, it); decref(vm, result); return NULL; }
  }
  decref(vm, it);
  if (vm_exc_occurred(vm)) { decref(vm, result); return NULL; }
  return result;
}

static int set_difference_update_internal(VM *vm, SetObj *so, Obj *other) {
  if (OBJ(so) == other) {
    set_clear_internal(vm, so);
    return 0;
  }
  if (anyset_check(other)) {
    /* Much larger other: only the common part matters. */
    if ((S(other)->used >> 3) > so->used) {
      other = set_intersection(vm, OBJ(so), other);
      if (!other) return -1;
    } else {
      incref(other);
    }
    ssize pos = 0;
    SetEntry *e;
    while (set_next_entry(S(other), &pos, &e)) {
      Obj *key = incref(e->key);
      int r = set_discard_entry(vm, so, key, e->hash);
      decref(vm, key);
      if (r < 0) { decref(vm, other); return -1; }
    }
    decref(vm, other);
  } else {
    Obj *it = obj_iter(vm, other);
    if (!it) return -1;
    Obj *key;
    while ((key = obj_iternext(vm, it))) {
      int r = set_discard_key(vm, so, key);
      decref(vm, key);
      if (r < 0) { decref(vm, it); return -1; }
    }
    decref(vm, it);
    if (vm_exc_occurred(vm)) return -1;
  }
  /* More than a quarter dummies: rebuild. */
  if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4) return 0;
  return set_table_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static Obj *set_copy_and_difference(VM *vm, Obj *so, Obj *other) {
  Obj *result = set_copy_of(vm, so);
  if (!result) return NULL;
  if (set_difference_update_internal(vm, S(result), other) == 0) return result;
  decref(vm, result);
  return NULL;
}

static Obj *set_difference(VM *vm, Obj *so_, Obj *other) {
  SetObj *so = S(so_);
  ssize other_size;
  if (anyset_check(other)) other_size = S(other)->used;
  else if (obj_is(other, &Dict_Type)) other_size = dict_size(other);
  else return set_copy_and_difference(vm, so_, other);
  if ((so->used >> 2) > other_size) return set_copy_and_difference(vm, so_, other);

  Obj *result = make_new_set_basetype(vm, so_->type, NULL);
  if (!result) return NULL;
  ssize pos = 0;
  SetEntry *e;
  bool isdict = obj_is(other, &Dict_Type);
  while (set_next_entry(so, &pos, &e)) {
    Obj *key = incref(e->key);
    hash_t hash = e->hash;
    int rv;
    if (isdict) {
      Obj *v = dict_get_with_hash(vm, other, key, hash);
      rv = v ? 1 : vm_exc_occurred(vm) ? -1 : 0;
    } else {
      rv = set_contains_entry(vm, S(other), key, hash);
    }
    if (rv == 0) rv = set_add_entry(vm, S(result), key, hash);
    decref(vm, key);
    if (rv < 0) { decref(vm, result); return NULL; }
  }
  return result;
}

static int set_symmetric_difference_update_internal(VM *vm, SetObj *so, Obj *other) {
  if (OBJ(so) == other) {
    set_clear_internal(vm, so);
    return 0;
  }
  if (obj_is(other, &Dict_Type)) {
    ssize pos = 0;
    Obj *key, *value;
    hash_t hash;
    while (dict_next_with_hash(other, &pos, &key, &value, &hash)) {
      incref(key);
      int rv = set_discard_entry(vm, so, key, hash);
      if (rv == 0) rv = set_add_entry(vm, so, key, hash);
      decref(vm, key);
      if (rv < 0) return -1;
    }
    return 0;
  }
  Obj *otherset;
  if (anyset_check(other)) otherset = incref(other);
  else if (!(otherset = make_new_set_basetype(vm, OBJ(so)->type, other))) return -1;
  ssize pos = 0;
  SetEntry *e;
  while (set_next_entry(S(otherset), &pos, &e)) {
    Obj *key = incref(e->key);
    hash_t hash = e->hash;
    int rv = set_discard_entry(vm, so, key, hash);
    if (rv == 0) rv = set_add_entry(vm, so, key, hash);
    decref(vm, key);
    if (rv < 0) { decref(vm, otherset); return -1; }
  }
  decref(vm, otherset);
  return 0;
}

static Obj *set_symmetric_difference(VM *vm, Obj *so, Obj *other) {
  Obj *otherset = make_new_set_basetype(vm, so->type, other);
  if (!otherset) return NULL;
  if (set_symmetric_difference_update_internal(vm, S(otherset), so) < 0) {
    decref(vm, otherset);
    return NULL;
  }
  return otherset;
}

/* 1 if every key of SO is in OTHER. */
static int set_issubset_internal(VM *vm, Obj *so, Obj *other) {
  if (!anyset_check(other)) {
    Obj *tmp = set_new(vm, other);
    if (!tmp) return -1;
    int r = set_issubset_internal(vm, so, tmp);
    decref(vm, tmp);
    return r;
  }
  if (S(so)->used > S(other)->used) return 0;
  ssize pos = 0;
  SetEntry *e;
  while (set_next_entry(S(so), &pos, &e)) {
    Obj *key = incref(e->key);
    int rv = set_contains_entry(vm, S(other), key, e->hash);
    decref(vm, key);
    if (rv <= 0) return rv;
  }
  return 1;
}

static int set_issuperset_internal(VM *vm, Obj *so, Obj *other) {
  if (anyset_check(other)) return set_issubset_internal(vm, other, so);
  Obj *it = obj_iter(vm, other);
  if (!it) return -1;
  Obj *key;
  while ((key = obj_iternext(vm, it))) {
    int rv = set_contains_key(vm, S(so), key);
    decref(vm, key);
    if (rv <= 0) { decref(vm, it); return rv; }
  }
  decref(vm, it);
  return vm_exc_occurred(vm) ? -1 : 1;
}

/* ------------------------------------------------------------------ */
/* Protocols                                                          */
/* ------------------------------------------------------------------ */

static ssize set_len(VM *vm, Obj *o) { return S(o)->used; }

static int set_bool(VM *vm, Obj *o) { return S(o)->used != 0; }

/* `key in set`; an unhashable set key is looked up as a frozenset. */
static int set_sq_contains(VM *vm, Obj *o, Obj *key) {
  int rv = set_contains_key(vm, S(o), key);
  if (rv < 0 && is_set_type(key) && vm_exc_matches(vm, &Exc_TypeError)) {
    vm_exc_clear(vm);
    Obj *tmp = make_new_set(vm, &FrozenSet_Type, key);
    if (!tmp) return -1;
    rv = set_contains_key(vm, S(o), tmp);
    decref(vm, tmp);
  }
  return rv;
}

int set_contains(VM *vm, Obj *set, Obj *key) { return set_sq_contains(vm, set, key); }

static Obj *set_repr(VM *vm, Obj *o) {
  SetObj *so = S(o);
  bool exact = obj_is(o, &Set_Type);
  int st = repr_enter(vm, o);
  if (st != 0) return st > 0 ? str_fromf(vm, "%s(...)", o->type->name) : NULL;
  Obj *result = NULL;
  if (so->used == 0) {
    result = str_fromf(vm, "%s()", o->type->name);
    repr_leave(vm, o);
    return result;
  }
  /* Snapshot the keys first, as CPython does with a list. */
  Obj *keys = list_new(vm, 0);
  Obj **parts = NULL;
  ssize n = 0, done = 0;
  if (!keys || list_extend(vm, keys, o) < 0) goto out;
  n = LIST_SIZE(keys);
  parts = ht_alloc(HT_TAG_VMINTERNAL, (size_t)n * sizeof(Obj *));
  if (!parts) { vm_raise_nomem(vm); goto out; }
  for (; done < n; done++) {
    parts[done] = obj_repr(vm, LIST_ITEMS(keys)[done]);
    if (!parts[done]) goto out;
  }
  if (exact) {
    result = cont_join_repr(vm, "{", parts, n, "}");
  } else {
    Obj *inner = cont_join_repr(vm, "{", parts, n, "}");
    if (inner) {
      result = str_fromf(vm, "%s(%S)", o->type->name, inner);
      decref(vm, inner);
    }
  }
out:
  if (parts) {
    for (ssize i = 0; i < done; i++) decref(vm, parts[i]);
    ht_free(HT_TAG_VMINTERNAL, parts, (size_t)n * sizeof(Obj *));
  }
  xdecref(vm, keys);
  repr_leave(vm, o);
  return result;
}

static uint64_t shuffle_bits(uint64_t h) {
  return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static hash_t frozenset_hash(VM *vm, Obj *o) {
  SetObj *so = S(o);
  if (so->hash != -1) return so->hash;
  uint64_t hash = 0;
  /* Every slot's hash, then cancel the empty (0) and dummy (-1) ones. */
  for (SetEntry *e = so->table; e <= &so->table[so->mask]; e++)
    hash ^= shuffle_bits((uint64_t)e->hash);
  if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
  if ((so->fill - so->used) & 1) hash ^= shuffle_bits((uint64_t)-1);
  hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923UL;
  if (hash == (uint64_t)-1) hash = 590923713UL;
  so->hash = (hash_t)hash;
  return so->hash;
}

static Obj *set_richcmp(VM *vm, Obj *v, Obj *w, CmpOp op) {
  if (!anyset_check(v) || !anyset_check(w)) return incref(NotImplemented);
  ssize lv = S(v)->used, lw = S(w)->used;
  int r;
  switch (op) {
  case CMP_EQ:
  case CMP_NE:
    if (lv != lw) r = 0;
    else if (S(v)->hash != -1 && S(w)->hash != -1 && S(v)->hash != S(w)->hash) r = 0;
    else r = set_issubset_internal(vm, v, w);
    if (r < 0) return NULL;
    return bool_new(op == CMP_EQ ? r : !r);
  case CMP_LE: r = set_issubset_internal(vm, v, w); break;
  case CMP_GE: r = set_issuperset_internal(vm, v, w); break;
  case CMP_LT: r = lv >= lw ? 0 : set_issubset_internal(vm, v, w); break;
  case CMP_GT: r = lv <= lw ? 0 : set_issuperset_internal(vm, v, w); break;
  default: return incref(NotImplemented);
  }
  if (r < 0) return NULL;
  return bool_new(r);
}

static Obj *set_or(VM *vm, Obj *a, Obj *b) {
  if (!anyset_check(a) || !anyset_check(b)) return incref(NotImplemented);
  Obj *result = set_copy_of(vm, a);
  if (!result || a == b) return result;
  if (set_update_internal(vm, S(result), b) < 0) { decref(vm, result); return NULL; }
  return result;
}

static Obj *set_and(VM *vm, Obj *a, Obj *b) {
  if (!anyset_check(a) || !anyset_check(b)) return incref(NotImplemented);
  return set_intersection(vm, a, b);
}

static Obj *set_sub(VM *vm, Obj *a, Obj *b) {
  if (!anyset_check(a) || !anyset_check(b)) return incref(NotImplemented);
  return set_difference(vm, a, b);
}

static Obj *set_xor(VM *vm, Obj *a, Obj *b) {
  if (!anyset_check(a) || !anyset_check(b)) return incref(NotImplemented);
  return set_symmetric_difference(vm, a, b);
}

static Obj *set_ior(VM *vm, Obj *a, Obj *b) {
  if (!anyset_check(b)) return incref(NotImplemented);
  if (set_update_internal(vm, S(a), b) < 0) return NULL;
  return incref(a);
}

static Obj *set_iand(VM *vm, Obj *a, Obj *b) {
  if (!anyset_check(b)) return incref(NotImplemented);
  Obj *tmp = set_intersection(vm, a, b);
  if (!tmp) return NULL;
  set_swap_bodies(S(a), S(tmp));
  decref(vm, tmp);
  return incref(a);
}

static Obj *set_isub(VM *vm, Obj *a, Obj *b) {
  if (!anyset_check(b)) return incref(NotImplemented);
  if (set_difference_update_internal(vm, S(a), b) < 0) return NULL;
  return incref(a);
}

static Obj *set_ixor(VM *vm, Obj *a, Obj *b) {
  if (!anyset_check(b)) return incref(NotImplemented);
  if (set_symmetric_difference_update_internal(vm, S(a), b) < 0) return NULL;
  return incref(a);
}

/* ------------------------------------------------------------------ */
/* Methods                                                            */
/* ------------------------------------------------------------------ */

#define METHOD(name) \
  static Obj *name(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)

METHOD(set_m_add) {
  if (cont_onearg(vm, "set.add", nargs, kwnames) < 0) return NULL;
  if (set_add_key(vm, S(self), args[0]) < 0) return NULL;
  return none_new();
}

METHOD(set_m_clear) {
  if (cont_noargs(vm, "set.clear", nargs, kwnames) < 0) return NULL;
  set_clear_internal(vm, S(self));
  return none_new();
}

METHOD(set_m_copy) {
  if (cont_noargs(vm, "set.copy", nargs, kwnames) < 0) return NULL;
  return set_copy_of(vm, self);
}

METHOD(frozenset_m_copy) {
  if (cont_noargs(vm, "frozenset.copy", nargs, kwnames) < 0) return NULL;
  if (obj_is(self, &FrozenSet_Type)) return incref(self);
  return set_copy_of(vm, self);
}

/* set.remove / set.discard: a set key is retried as a frozenset. */
static int discard_common(VM *vm, Obj *self, Obj *key) {
  int rv = set_discard_key(vm, S(self), key);
  if (rv < 0 && is_set_type(key) && vm_exc_matches(vm, &Exc_TypeError)) {
    vm_exc_clear(vm);
    Obj *tmp = make_new_set(vm, &FrozenSet_Type, key);
    if (!tmp) return -1;
    rv = set_discard_key(vm, S(self), tmp);
    decref(vm, tmp);
  }
  return rv;
}

METHOD(set_m_discard) {
  if (cont_onearg(vm, "set.discard", nargs, kwnames) < 0) return NULL;
  if (discard_common(vm, self, args[0]) < 0) return NULL;
  return none_new();
}

METHOD(set_m_remove) {
  if (cont_onearg(vm, "set.remove", nargs, kwnames) < 0) return NULL;
  int rv = discard_common(vm, self, args[0]);
  if (rv < 0) return NULL;
  if (rv == 0) return cont_keyerror(vm, args[0]);
  return none_new();
}

METHOD(set_m_pop) {
  SetObj *so = S(self);
  if (cont_noargs(vm, "set.pop", nargs, kwnames) < 0) return NULL;
  if (so->used == 0) {
    Obj *msg = str_from_cstr(vm, "pop from an empty set");
    if (msg) {
      cont_keyerror(vm, msg);
      decref(vm, msg);
    }
    return NULL;
  }
  SetEntry *entry = so->table + (so->finger & so->mask);
  SetEntry *limit = so->table + so->mask;
  while (!entry->key || entry->key == dummy) {
    entry++;
    if (entry > limit) entry = so->table;
  }
  Obj *key = entry->key;
  entry->key = dummy;
  entry->hash = -1;
  so->used--;
  so->finger = entry - so->table + 1;
  return key;
}

METHOD(set_m_union) {
  if (cont_nokw(vm, "set.union", kwnames) < 0) return NULL;
  Obj *result = set_copy_of(vm, self);
  if (!result) return NULL;
  for (size_t i = 0; i < nargs; i++) {
    if (args[i] == self) continue;
    if (set_update_internal(vm, S(result), args[i]) < 0) {
      decref(vm, result);
      return NULL;
    }
  }
  return result;
}

METHOD(set_m_update) {
  if (cont_nokw(vm, "set.update", kwnames) < 0) return NULL;
  for (size_t i = 0; i < nargs; i++)
    if (set_update_internal(vm, S(self), args[i]) < 0) return NULL;
  return none_new();
}

static Obj *intersection_multi(VM *vm, Obj *self, Obj *const *args, size_t nargs) {
  if (nargs == 0) return set_copy_of(vm, self);
  Obj *result = incref(self);
  for (size_t i = 0; i < nargs; i++) {
    Obj *nr = set_intersection(vm, result, args[i]);
    decref(vm, result);
    if (!nr) return NULL;
    result = nr;
  }
  return result;
}

METHOD(set_m_intersection) {
  if (cont_nokw(vm, "set.intersection", kwnames) < 0) return NULL;
  return intersection_multi(vm, self, args, nargs);
}

METHOD(set_m_intersection_update) {
  if (cont_nokw(vm, "set.intersection_update", kwnames) < 0) return NULL;
  Obj *tmp = intersection_multi(vm, self, args, nargs);
  if (!tmp) return NULL;
  set_swap_bodies(S(self), S(tmp));
  decref(vm, tmp);
  return none_new();
}

METHOD(set_m_difference) {
  if (cont_nokw(vm, "set.difference", kwnames) < 0) return NULL;
  if (nargs == 0) return set_copy_of(vm, self);
  Obj *result = set_difference(vm, self, args[0]);
  if (!result) return NULL;
  for (size_t i = 1; i < nargs; i++) {
    if (set_difference_update_internal(vm, S(result), args[i]) < 0) {
      decref(vm, result);
      return NULL;
    }
  }
  return result;
}

METHOD(set_m_difference_update) {
  if (cont_nokw(vm, "set.difference_update", kwnames) < 0) return NULL;
  for (size_t i = 0; i < nargs; i++)
    if (set_difference_update_internal(vm, S(self), args[i]) < 0) return NULL;
  return none_new();
}

METHOD(set_m_symmetric_difference) {
  if (cont_onearg(vm, "set.symmetric_difference", nargs, kwnames) < 0) return NULL;
  return set_symmetric_difference(vm, self, args[0]);
}

METHOD(set_m_symmetric_difference_update) {
  if (cont_onearg(vm, "set.symmetric_difference_update", nargs, kwnames) < 0) return NULL;
  if (set_symmetric_difference_update_internal(vm, S(self), args[0]) < 0) return NULL;
  return none_new();
}

METHOD(set_m_issubset) {
  if (cont_onearg(vm, "set.issubset", nargs, kwnames) < 0) return NULL;
  int r = set_issubset_internal(vm, self, args[0]);
  return r < 0 ? NULL : bool_new(r);
}

METHOD(set_m_issuperset) {
  if (cont_onearg(vm, "set.issuperset", nargs, kwnames) < 0) return NULL;
  int r = set_issuperset_internal(vm, self, args[0]);
  return r < 0 ? NULL : bool_new(r);
}

METHOD(set_m_isdisjoint) {
  if (cont_onearg(vm, "set.isdisjoint", nargs, kwnames) < 0) return NULL;
  Obj *other = args[0];
  if (other == self) return bool_new(S(self)->used == 0);
  if (obj_is(other, &Set_Type) || obj_is(other, &FrozenSet_Type)) {
    SetObj *so = S(self), *o = S(other);
    if (o->used > so->used) { SetObj *t = so; so = o; o = t; }
    ssize pos = 0;
    SetEntry *e;
    while (set_next_entry(o, &pos, &e)) {
      Obj *key = incref(e->key);
      int rv = set_contains_entry(vm, so, key, e->hash);
      decref(vm, key);
      if (rv < 0) return NULL;
      if (rv) return bool_new(false);
    }
    return bool_new(true);
  }
  Obj *it = obj_iter(vm, other);
  if (!it) return NULL;
  Obj *key;
  while ((key = obj_iternext(vm, it))) {
    int rv = set_contains_key(vm, S(self), key);
    decref(vm, key);
    if (rv) {
      decref(vm, it);
      return rv < 0 ? NULL : bool_new(false);
    }
  }
  decref(vm, it);
  if (vm_exc_occurred(vm)) return NULL;
  return bool_new(true);
}

METHOD(set_m_contains) {
  if (cont_onearg(vm, "set.__contains__", nargs, kwnames) < 0) return NULL;
  int r = set_sq_contains(vm, self, args[0]);
  return r < 0 ? NULL : bool_new(r);
}

static const MethodDef set_methods[] = {
  {"add", set_m_add, 0},
  {"clear", set_m_clear, 0},
  {"copy", set_m_copy, 0},
  {"discard", set_m_discard, 0},
  {"difference", set_m_difference, 0},
  {"difference_update", set_m_difference_update, 0},
  {"intersection", set_m_intersection, 0},
  {"intersection_update", set_m_intersection_update, 0},
  {"isdisjoint", set_m_isdisjoint, 0},
  {"issubset", set_m_issubset, 0},
  {"issuperset", set_m_issuperset, 0},
  {"pop", set_m_pop, 0},
  {"remove", set_m_remove, 0},
  {"symmetric_difference", set_m_symmetric_difference, 0},
  {"symmetric_difference_update", set_m_symmetric_difference_update, 0},
  {"union", set_m_union, 0},
  {"update", set_m_update, 0},
  {"__contains__", set_m_contains, 0},
  {"__class_getitem__", cont_class_getitem, METH_CLASS},
  {NULL, NULL, 0}
};

static const MethodDef frozenset_methods[] = {
  {"copy", frozenset_m_copy, 0},
  {"difference", set_m_difference, 0},
  {"intersection", set_m_intersection, 0},
  {"isdisjoint", set_m_isdisjoint, 0},
  {"issubset", set_m_issubset, 0},
  {"issuperset", set_m_issuperset, 0},
  {"symmetric_difference", set_m_symmetric_difference, 0},
  {"union", set_m_union, 0},
  {"__contains__", set_m_contains, 0},
  {"__class_getitem__", cont_class_getitem, METH_CLASS},
  {NULL, NULL, 0}
};

/* ------------------------------------------------------------------ */
/* Iterator                                                           */
/* ------------------------------------------------------------------ */

typedef struct SetIterObj {
  Obj ob;
  Obj *set;                       /* owned; NULL once exhausted */
  ssize used;                     /* size when created (-1: changed) */
  ssize pos;                      /* next slot */
  ssize len;                      /* keys still expected */
} SetIterObj;

static Obj *set_iter(VM *vm, Obj *o) {
  SetIterObj *it = (SetIterObj *)gc_alloc(vm, &SetIter_Type, sizeof(SetIterObj));
  if (!it) return NULL;
  it->set = incref(o);
  it->used = S(o)->used;
  it->len = S(o)->used;
  return OBJ(it);
}

static Obj *setiter_next(VM *vm, Obj *o) {
  SetIterObj *it = (SetIterObj *)o;
  Obj *s = it->set;
  if (!s) return NULL;
  SetObj *so = S(s);
  if (it->used != so->used) {
    vm_raise(vm, &Exc_RuntimeError, "Set changed size during iteration");
    it->used = -1;
    return NULL;
  }
  ssize i = it->pos, mask = so->mask;
  SetEntry *e = so->table;
  while (i <= mask && (!e[i].key || e[i].key == dummy)) i++;
  it->pos = i + 1;
  if (i > mask) {
    it->set = NULL;
    decref(vm, s);
    return NULL;
  }
  it->len--;
  return incref(e[i].key);
}

static void setiter_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  xdecref(vm, ((SetIterObj *)o)->set);
  gc_free(vm, o, sizeof(SetIterObj));
}

static int setiter_traverse(Obj *o, visitproc visit, void *arg) {
  Obj *s = ((SetIterObj *)o)->set;
  return s ? visit(s, EDGE_OTHER, 0, NULL, arg) : 0;
}

static int setiter_clear(VM *vm, Obj *o) {
  obj_setref(vm, &((SetIterObj *)o)->set, NULL);
  return 0;
}

static size_t setiter_sizeof(Obj *o) { return GC_SIZEOF(sizeof(SetIterObj)); }

static Obj *iter_self(VM *vm, Obj *o) { return incref(o); }

METHOD(setiter_m_length_hint) {
  SetIterObj *it = (SetIterObj *)self;
  if (cont_noargs(vm, "set_iterator.__length_hint__", nargs, kwnames) < 0) return NULL;
  ssize n = it->set && it->used == S(it->set)->used ? it->len : 0;
  return int_from_i64(vm, n);
}

static const MethodDef setiter_methods[] = {
  {"__length_hint__", setiter_m_length_hint, 0},
  {NULL, NULL, 0}
};

TypeObj SetIter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "set_iterator",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(SetIterObj),
  .flags = TF_GC,
  .dealloc = setiter_dealloc,
  .sizeof_ = setiter_sizeof,
  .traverse = setiter_traverse,
  .clear = setiter_clear,
  .iter = iter_self,
  .iternext = setiter_next,
  .methods = setiter_methods,
};

TypeObj Set_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "set",
  .tag = HT_TAG_SET,
  .basicsize = sizeof(SetObj),
  .flags = TF_GC | TF_BASETYPE,
  .dealloc = set_dealloc,
  .sizeof_ = set_sizeof,
  .traverse = set_traverse,
  .clear = set_gc_clear,
  .new_ = set_ctor,
  .init = set_init,
  .repr = set_repr,
  .richcmp = set_richcmp,
  .iter = set_iter,
  .len = set_len,
  .contains = set_sq_contains,
  .bool_ = set_bool,
  .binop = { [BINOP_OR] = set_or, [BINOP_AND] = set_and,
             [BINOP_SUB] = set_sub, [BINOP_XOR] = set_xor },
  .inplace = { [BINOP_OR] = set_ior, [BINOP_AND] = set_iand,
               [BINOP_SUB] = set_isub, [BINOP_XOR] = set_ixor },
  .methods = set_methods,
  .doc = "set() -> new empty set object\nset(iterable) -> new set object\n\n"
         "Build an unordered collection of unique elements.",
};

TypeObj FrozenSet_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "frozenset",
  .tag = HT_TAG_SET,
  .basicsize = sizeof(SetObj),
  .flags = TF_GC | TF_BASETYPE,
  .dealloc = set_dealloc,
  .sizeof_ = set_sizeof,
  .traverse = set_traverse,
  .clear = set_gc_clear,
  .new_ = frozenset_ctor,
  .init = cont_init_accept,
  .repr = set_repr,
  .hash = frozenset_hash,
  .richcmp = set_richcmp,
  .iter = set_iter,
  .len = set_len,
  .contains = set_sq_contains,
  .bool_ = set_bool,
  .binop = { [BINOP_OR] = set_or, [BINOP_AND] = set_and,
             [BINOP_SUB] = set_sub, [BINOP_XOR] = set_xor },
  .methods = frozenset_methods,
  .doc = "frozenset() -> empty frozenset object\n"
         "frozenset(iterable) -> frozenset object\n\n"
         "Build an immutable unordered collection of unique elements.",
};
