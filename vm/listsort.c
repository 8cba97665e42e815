/*
** listsort.c -- list.sort: CPython 3.11's adaptive, stable natural merge
** sort (timsort with the "powersort" merge policy), so that the sequence of
** `<` comparisons, and so the result even for inconsistent orderings and
** the output of comparison methods that print, is CPython's.
**
** The algorithm (see CPython's Objects/listsort.txt for the full story):
**   - walk the array once, finding natural runs (non-descending, or strictly
**     descending and then reversed in place); runs shorter than minrun
**     (32..64, chosen from the length) are extended by binary insertion;
**   - each run is pushed on a stack; before the push, runs whose "power"
**     (depth of the boundary between two runs in a nearly balanced binary
**     merge tree over [0, n)) exceeds the new boundary's are merged;
**   - merges trim the parts already in place with a gallop, then merge the
**     rest into a temp copy of the smaller side, switching to galloping
**     (exponential then binary search) when one side keeps winning
**     min_gallop times in a row; min_gallop adapts to the data.
**
** Only "<" is used.  With a key function the keys are computed first, once
** per item in order, and moved in lockstep with the items.  reverse=True is
** done by reversing before and after a forward sort, which keeps the sort
** stable.  While sorting, the list is emptied (size 0, items NULL,
** allocated -1); if anything stores into it meanwhile, the sort fails with
** ValueError "list modified during sort" and what was stored is dropped.
**
** Temporary arrays come from the VMINTERNAL tag (small ones live on the C
** stack).
*/
#include <string.h>
#include "vm.h"
#include "containers.h"

#define MAX_MERGE_PENDING ((int)(sizeof(size_t) * 8))
#define MIN_GALLOP 7
#define TEMP_SLOTS 256

/* Keys and the items that go with them (VALUES NULL when the keys are the
** items). */
typedef struct SortSlice {
  Obj **keys;                     /* the array compared */
  Obj **values;                   /* moved in lockstep, or NULL */
} SortSlice;

typedef struct Run {
  SortSlice base;                 /* first element */
  ssize len;                      /* number of elements */
  int power;                      /* powersort node level of its right boundary */
} Run;

typedef struct MergeState MergeState;
struct MergeState {
  VM *vm;                         /* for comparisons and errors */
  ssize min_gallop;               /* adaptive galloping threshold */
  ssize listlen;                  /* number of items sorted */
  Obj **basekeys;                 /* start of the keys array */
  SortSlice a;                    /* merge temp space: temparray or a heap block */
  ssize alloced;                  /* slots in a.keys (and in a.values) */
  size_t heap_bytes;              /* bytes of the heap block, 0 if temparray */
  int n;                          /* runs on the stack */
  Run pending[MAX_MERGE_PENDING]; /* the run stack */
  int (*islt)(MergeState *, Obj *, Obj *);   /* 1 if x < y, 0, -1 error */
  Obj *(*key_richcmp)(VM *, Obj *, Obj *, CmpOp); /* homogeneous keys' richcmp */
  TypeObj *key_type;              /* their type */
  Obj *temparray[TEMP_SLOTS];     /* small merges need no heap */
};

/* ------------------------------------------------------------------ */
/* Comparisons                                                        */
/* ------------------------------------------------------------------ */

static int lt_generic(MergeState *ms, Obj *x, Obj *y) {
  return obj_richcmp_bool(ms->vm, x, y, CMP_LT);
}

/* All keys share one type: call its richcmp directly, falling back to the
** full protocol when it declines. */
static int lt_same_type(MergeState *ms, Obj *x, Obj *y) {
  if (x->type != ms->key_type) return obj_richcmp_bool(ms->vm, x, y, CMP_LT);
  Obj *r = ms->key_richcmp(ms->vm, x, y, CMP_LT);
  if (!r) return -1;
  if (r == NotImplemented) {
    decref(ms->vm, r);
    return obj_richcmp_bool(ms->vm, x, y, CMP_LT);
  }
  int k;
  if (r == True_) k = 1;
  else if (r == False_) k = 0;
  else k = obj_truthy(ms->vm, r);
  decref(ms->vm, r);
  return k;
}

/* Exact strs: UTF-8 byte order is code point order. */
static int lt_str(MergeState *ms, Obj *x, Obj *y) {
  ssize nx = STR_NBYTES(x), ny = STR_NBYTES(y);
  int c = memcmp(STR_UTF8(x), STR_UTF8(y), (size_t)(nx < ny ? nx : ny));
  return c < 0 || (c == 0 && nx < ny);
}

/* Exact ints that all fit in 64 bits. */
static int lt_int64(MergeState *ms, Obj *x, Obj *y) {
  return int_as_i64_unchecked(x) < int_as_i64_unchecked(y);
}

static int lt_float(MergeState *ms, Obj *x, Obj *y) {
  return FLOAT_VAL(x) < FLOAT_VAL(y);
}

/* Pick the comparison for KEYS[0..N) (CPython's pre-sort check). */
static void choose_compare(MergeState *ms, Obj **keys, ssize n) {
  ms->islt = lt_generic;
  if (n < 2) return;
  TypeObj *t = keys[0]->type;
  bool ints_fit = true;
  for (ssize i = 0; i < n; i++) {
    if (keys[i]->type != t) return;
    if (t == &Int_Type && ints_fit && !int_fits_i64(keys[i])) ints_fit = false;
  }
  if (t == &Str_Type) ms->islt = lt_str;
  else if (t == &Int_Type && ints_fit) ms->islt = lt_int64;
  else if (t == &Float_Type) ms->islt = lt_float;
  else if (t->richcmp) {
    ms->key_type = t;
    ms->key_richcmp = t->richcmp;
    ms->islt = lt_same_type;
  }
}

#define ISLT(x, y) (ms->islt(ms, (x), (y)))

/* ------------------------------------------------------------------ */
/* Slice helpers                                                      */
/* ------------------------------------------------------------------ */

static inline void ss_copy(SortSlice *d, ssize i, const SortSlice *s, ssize j) {
  d->keys[i] = s->keys[j];
  if (d->values) d->values[i] = s->values[j];
}

static inline void ss_copy_incr(SortSlice *d, SortSlice *s) {
  *d->keys++ = *s->keys++;
  if (d->values) *d->values++ = *s->values++;
}

static inline void ss_copy_decr(SortSlice *d, SortSlice *s) {
  *d->keys-- = *s->keys--;
  if (d->values) *d->values-- = *s->values--;
}

static inline void ss_memcpy(SortSlice *d, ssize i, const SortSlice *s, ssize j, ssize n) {
  memcpy(&d->keys[i], &s->keys[j], (size_t)n * sizeof(Obj *));
  if (d->values) memcpy(&d->values[i], &s->values[j], (size_t)n * sizeof(Obj *));
}

static inline void ss_memmove(SortSlice *d, ssize i, const SortSlice *s, ssize j, ssize n) {
  memmove(&d->keys[i], &s->keys[j], (size_t)n * sizeof(Obj *));
  if (d->values) memmove(&d->values[i], &s->values[j], (size_t)n * sizeof(Obj *));
}

static inline void ss_advance(SortSlice *s, ssize n) {
  s->keys += n;
  if (s->values) s->values += n;
}

static void reverse_ptrs(Obj **lo, Obj **hi) {
  for (--hi; lo < hi; lo++, hi--) {
    Obj *t = *lo;
    *lo = *hi;
    *hi = t;
  }
}

static void ss_reverse(SortSlice *s, ssize n) {
  reverse_ptrs(s->keys, s->keys + n);
  if (s->values) reverse_ptrs(s->values, s->values + n);
}

/* ------------------------------------------------------------------ */
/* Runs                                                               */
/* ------------------------------------------------------------------ */

/* Sort [lo, hi) by binary insertion, given that [lo, start) is sorted. */
static int binarysort(MergeState *ms, SortSlice lo, Obj **hi, Obj **start) {
  if (lo.keys == start) ++start;
  for (; start < hi; ++start) {
    Obj **l = lo.keys, **r = start, *pivot = *r;
    /* pivot >= all in [lo, l), pivot < all in [r, start) */
    do {
      Obj **p = l + ((r - l) >> 1);
      int k = ISLT(pivot, *p);
      if (k < 0) return -1;
      if (k) r = p;
      else l = p + 1;
    } while (l < r);
    for (Obj **p = start; p > l; --p) *p = *(p - 1);
    *l = pivot;
    if (lo.values) {
      ssize si = start - lo.keys, li = l - lo.keys;
      Obj *vpivot = lo.values[si];
      for (ssize p = si; p > li; --p) lo.values[p] = lo.values[p - 1];
      lo.values[li] = vpivot;
    }
  }
  return 0;
}

/* Length of the run at [lo, hi): ascending (lo[0] <= lo[1] <= ...) or
** strictly descending (*DESCENDING set).  -1 on error. */
static ssize count_run(MergeState *ms, Obj **lo, Obj **hi, int *descending) {
  *descending = 0;
  ++lo;
  if (lo == hi) return 1;
  ssize n = 2;
  int k = ISLT(*lo, *(lo - 1));
  if (k < 0) return -1;
  if (k) {
    *descending = 1;
    for (lo = lo + 1; lo < hi; ++lo, ++n) {
      k = ISLT(*lo, *(lo - 1));
      if (k < 0) return -1;
      if (!k) break;
    }
  } else {
    for (lo = lo + 1; lo < hi; ++lo, ++n) {
      k = ISLT(*lo, *(lo - 1));
      if (k < 0) return -1;
      if (k) break;
    }
  }
  return n;
}

/* ------------------------------------------------------------------ */
/* Galloping                                                          */
/* ------------------------------------------------------------------ */

/* Where KEY goes in sorted A[0..N): the k with A[k-1] < key <= A[k],
** starting the search at HINT.  -1 on error. */
static ssize gallop_left(MergeState *ms, Obj *key, Obj **a, ssize n, ssize hint) {
  ssize ofs = 1, lastofs = 0, k;
  a += hint;
  if ((k = ISLT(*a, key)) < 0) return -1;
  if (k) {
    /* a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs] */
    const ssize maxofs = n - hint;
    while (ofs < maxofs) {
      if ((k = ISLT(a[ofs], key)) < 0) return -1;
      if (!k) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  } else {
    /* key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs] */
    const ssize maxofs = hint + 1;
    while (ofs < maxofs) {
      if ((k = ISLT(*(a - ofs), key)) < 0) return -1;
      if (k) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  a -= hint;
  /* a[lastofs] < key <= a[ofs]: binary search in between */
  ++lastofs;
  while (lastofs < ofs) {
    ssize m = lastofs + ((ofs - lastofs) >> 1);
    if ((k = ISLT(a[m], key)) < 0) return -1;
    if (k) lastofs = m + 1;
    else ofs = m;
  }
  return ofs;
}

/* As gallop_left, but after any equal elements: A[k-1] <= key < A[k]. */
static ssize gallop_right(MergeState *ms, Obj *key, Obj **a, ssize n, ssize hint) {
  ssize ofs = 1, lastofs = 0, k;
  a += hint;
  if ((k = ISLT(key, *a)) < 0) return -1;
  if (k) {
    /* key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-lastofs] */
    const ssize maxofs = hint + 1;
    while (ofs < maxofs) {
      if ((k = ISLT(key, *(a - ofs))) < 0) return -1;
      if (!k) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  } else {
    /* a[hint] <= key: gallop right until a[hint+lastofs] <= key < a[hint+ofs] */
    const ssize maxofs = n - hint;
    while (ofs < maxofs) {
      if ((k = ISLT(key, a[ofs])) < 0) return -1;
      if (k) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  a -= hint;
  ++lastofs;
  while (lastofs < ofs) {
    ssize m = lastofs + ((ofs - lastofs) >> 1);
    if ((k = ISLT(key, a[m])) < 0) return -1;
    if (k) ofs = m;
    else lastofs = m + 1;
  }
  return ofs;
}

/* ------------------------------------------------------------------ */
/* Merging                                                            */
/* ------------------------------------------------------------------ */

static void merge_init(MergeState *ms, VM *vm, ssize n, bool has_values,
                       Obj **basekeys) {
  ms->vm = vm;
  ms->heap_bytes = 0;
  if (has_values) {
    /* Half the temp array for keys, half for values. */
    ms->alloced = (n + 1) / 2;
    if (ms->alloced > TEMP_SLOTS / 2) ms->alloced = TEMP_SLOTS / 2;
    ms->a.values = &ms->temparray[ms->alloced];
  } else {
    ms->alloced = TEMP_SLOTS;
    ms->a.values = NULL;
  }
  ms->a.keys = ms->temparray;
  ms->n = 0;
  ms->min_gallop = MIN_GALLOP;
  ms->listlen = n;
  ms->basekeys = basekeys;
}

static void merge_freemem(MergeState *ms) {
  if (ms->heap_bytes) {
    ht_free(HT_TAG_VMINTERNAL, ms->a.keys, ms->heap_bytes);
    ms->heap_bytes = 0;
    ms->a.keys = ms->temparray;
  }
}

/* Room for NEED slots in the temp space. */
static int merge_getmem(MergeState *ms, ssize need) {
  if (need <= ms->alloced) return 0;
  int mult = ms->a.values ? 2 : 1;
  merge_freemem(ms);
  if ((size_t)need > SIZE_MAX / sizeof(Obj *) / (size_t)mult) {
    vm_raise_nomem(ms->vm);
    return -1;
  }
  size_t bytes = (size_t)mult * (size_t)need * sizeof(Obj *);
  Obj **p = ht_alloc(HT_TAG_VMINTERNAL, bytes);
  if (!p) {
    vm_raise_nomem(ms->vm);
    return -1;
  }
  ms->a.keys = p;
  ms->heap_bytes = bytes;
  ms->alloced = need;
  if (ms->a.values) ms->a.values = p + need;
  return 0;
}

/* Merge the NA elements at SSA with the NB at SSB (adjacent, SSA first),
** using temp space for A; NA <= NB; ssa[na-1] belongs at the very end. */
static int merge_lo(MergeState *ms, SortSlice ssa, ssize na, SortSlice ssb, ssize nb) {
  ssize k, min_gallop;
  SortSlice dest;
  int result = -1;
  if (merge_getmem(ms, na) < 0) return -1;
  ss_memcpy(&ms->a, 0, &ssa, 0, na);
  dest = ssa;
  ssa = ms->a;

  ss_copy_incr(&dest, &ssb);
  --nb;
  if (nb == 0) goto succeed;
  if (na == 1) goto copy_b;

  min_gallop = ms->min_gallop;
  for (;;) {
    ssize acount = 0, bcount = 0;     /* times A / B won in a row */
    /* One pair at a time until a run seems to win consistently. */
    for (;;) {
      k = ISLT(ssb.keys[0], ssa.keys[0]);
      if (k) {
        if (k < 0) goto fail;
        ss_copy_incr(&dest, &ssb);
        ++bcount;
        acount = 0;
        --nb;
        if (nb == 0) goto succeed;
        if (bcount >= min_gallop) break;
      } else {
        ss_copy_incr(&dest, &ssa);
        ++acount;
        bcount = 0;
        --na;
        if (na == 1) goto copy_b;
        if (acount >= min_gallop) break;
      }
    }
    /* Gallop while either run keeps winning MIN_GALLOP at a time. */
    ++min_gallop;
    do {
      min_gallop -= min_gallop > 1;
      ms->min_gallop = min_gallop;
      k = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
      acount = k;
      if (k) {
        if (k < 0) goto fail;
        ss_memcpy(&dest, 0, &ssa, 0, k);
        ss_advance(&dest, k);
        ss_advance(&ssa, k);
        na -= k;
        if (na == 1) goto copy_b;
        /* na == 0 only with an inconsistent comparison */
        if (na == 0) goto succeed;
      }
      ss_copy_incr(&dest, &ssb);
      --nb;
      if (nb == 0) goto succeed;

      k = gallop_left(ms, ssa.keys[0], ssb.keys, nb, 0);
      bcount = k;
      if (k) {
        if (k < 0) goto fail;
        ss_memmove(&dest, 0, &ssb, 0, k);
        ss_advance(&dest, k);
        ss_advance(&ssb, k);
        nb -= k;
        if (nb == 0) goto succeed;
      }
      ss_copy_incr(&dest, &ssa);
      --na;
      if (na == 1) goto copy_b;
    } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
    ++min_gallop;           /* penalty for leaving galloping mode */
    ms->min_gallop = min_gallop;
  }
succeed:
  result = 0;
fail:
  if (na) ss_memcpy(&dest, 0, &ssa, 0, na);
  return result;
copy_b:
  /* The last element of A belongs at the end of the merge. */
  ss_memmove(&dest, 0, &ssb, 0, nb);
  ss_copy(&dest, nb, &ssa, 0);
  return 0;
}

/* Mirror image of merge_lo, using temp space for B; NA >= NB. */
static int merge_hi(MergeState *ms, SortSlice ssa, ssize na, SortSlice ssb, ssize nb) {
  ssize k, min_gallop;
  SortSlice dest, basea, baseb;
  int result = -1;
  if (merge_getmem(ms, nb) < 0) return -1;
  dest = ssb;
  ss_advance(&dest, nb - 1);
  ss_memcpy(&ms->a, 0, &ssb, 0, nb);
  basea = ssa;
  baseb = ms->a;
  ssb.keys = ms->a.keys + nb - 1;
  if (ssb.values) ssb.values = ms->a.values + nb - 1;
  ss_advance(&ssa, na - 1);

  ss_copy_decr(&dest, &ssa);
  --na;
  if (na == 0) goto succeed;
  if (nb == 1) goto copy_a;

  min_gallop = ms->min_gallop;
  for (;;) {
    ssize acount = 0, bcount = 0;
    for (;;) {
      k = ISLT(ssb.keys[0], ssa.keys[0]);
      if (k) {
        if (k < 0) goto fail;
        ss_copy_decr(&dest, &ssa);
        ++acount;
        bcount = 0;
        --na;
        if (na == 0) goto succeed;
        if (acount >= min_gallop) break;
      } else {
        ss_copy_decr(&dest, &ssb);
        ++bcount;
        acount = 0;
        --nb;
        if (nb == 1) goto copy_a;
        if (bcount >= min_gallop) break;
      }
    }
    ++min_gallop;
    do {
      min_gallop -= min_gallop > 1;
      ms->min_gallop = min_gallop;
      k = gallop_right(ms, ssb.keys[0], basea.keys, na, na - 1);
      if (k < 0) goto fail;
      k = na - k;
      acount = k;
      if (k) {
        ss_advance(&dest, -k);
        ss_advance(&ssa, -k);
        ss_memmove(&dest, 1, &ssa, 1, k);
        na -= k;
        if (na == 0) goto succeed;
      }
      ss_copy_decr(&dest, &ssb);
      --nb;
      if (nb == 1) goto copy_a;

      k = gallop_left(ms, ssa.keys[0], baseb.keys, nb, nb - 1);
      if (k < 0) goto fail;
      k = nb - k;
      bcount = k;
      if (k) {
        ss_advance(&dest, -k);
        ss_advance(&ssb, -k);
        ss_memcpy(&dest, 1, &ssb, 1, k);
        nb -= k;
        if (nb == 1) goto copy_a;
        /* nb == 0 only with an inconsistent comparison */
        if (nb == 0) goto succeed;
      }
      ss_copy_decr(&dest, &ssa);
      --na;
      if (na == 0) goto succeed;
    } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
    ++min_gallop;
    ms->min_gallop = min_gallop;
  }
succeed:
  result = 0;
fail:
  if (nb) ss_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
  return result;
copy_a:
  /* The first element of B belongs at the front of the merge. */
  ss_memmove(&dest, 1 - na, &ssa, 1 - na, na);
  ss_advance(&dest, -na);
  ss_advance(&ssa, -na);
  ss_copy(&dest, 0, &ssb, 0);
  return 0;
}

/* Merge the runs at stack positions I and I+1. */
static int merge_at(MergeState *ms, int i) {
  SortSlice ssa = ms->pending[i].base, ssb = ms->pending[i + 1].base;
  ssize na = ms->pending[i].len, nb = ms->pending[i + 1].len, k;

  ms->pending[i].len = na + nb;
  if (i == ms->n - 3) ms->pending[i + 1] = ms->pending[i + 2];
  --ms->n;

  /* Elements of A before where B[0] goes are already in place. */
  k = gallop_right(ms, *ssb.keys, ssa.keys, na, 0);
  if (k < 0) return -1;
  ss_advance(&ssa, k);
  na -= k;
  if (na == 0) return 0;
  /* Elements of B after where A's last goes are already in place. */
  nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
  if (nb <= 0) return (int)nb;
  if (na <= nb) return merge_lo(ms, ssa, na, ssb, nb);
  return merge_hi(ms, ssa, na, ssb, nb);
}

/* The powersort level of the boundary between the run [s1, s1+n1) and the
** next one of length n2, in a list of length n: the first bit where the
** binary expansions of the two runs' midpoints (as fractions of n)
** differ. */
static int powerloop(ssize s1, ssize n1, ssize n2, ssize n) {
  int result = 0;
  ssize a = 2 * s1 + n1;          /* 2 * midpoint of run 1 */
  ssize b = a + n1 + n2;          /* 2 * midpoint of run 2 */
  for (;;) {
    ++result;
    if (a >= n) {                 /* both bits are 1 */
      a -= n;
      b -= n;
    } else if (b >= n) {          /* they differ */
      break;
    }
    a <<= 1;
    b <<= 1;
  }
  return result;
}

/* A run of length N2 follows the top of the stack: merge what the
** powersort policy says must be merged before it is pushed. */
static int found_new_run(MergeState *ms, ssize n2) {
  if (ms->n) {
    Run *p = ms->pending;
    ssize s1 = p[ms->n - 1].base.keys - ms->basekeys;
    ssize n1 = p[ms->n - 1].len;
    int power = powerloop(s1, n1, n2, ms->listlen);
    while (ms->n > 1 && p[ms->n - 2].power > power)
      if (merge_at(ms, ms->n - 2) < 0) return -1;
    p[ms->n - 1].power = power;
  }
  return 0;
}

static int merge_force_collapse(MergeState *ms) {
  Run *p = ms->pending;
  while (ms->n > 1) {
    int n = ms->n - 2;
    if (n > 0 && p[n - 1].len < p[n + 1].len) --n;
    if (merge_at(ms, n) < 0) return -1;
  }
  return 0;
}

/* 32..64 such that n/minrun is close to, but below, a power of 2 (n itself
** when n < 64). */
static ssize compute_minrun(ssize n) {
  ssize r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

/* ------------------------------------------------------------------ */
/* list.sort                                                          */
/* ------------------------------------------------------------------ */

int list_sort(VM *vm, Obj *list, Obj *keyfunc, bool reverse) {
  ListObj *self = (ListObj *)list;
  MergeState ms;
  Obj *stack_keys[TEMP_SLOTS / 2];
  Obj **keys = NULL;
  SortSlice lo;
  int result = -1;
  ssize i;

  /* Empty the list while sorting. */
  ssize saved_size = self->size, saved_allocated = self->allocated;
  Obj **saved_items = self->items;
  self->size = 0;
  self->items = NULL;
  self->allocated = -1;

  if (keyfunc == None) keyfunc = NULL;
  if (!keyfunc) {
    lo.keys = saved_items;
    lo.values = NULL;
  } else {
    if (saved_size < TEMP_SLOTS / 2) {
      keys = stack_keys;
    } else {
      keys = ht_alloc(HT_TAG_VMINTERNAL, (size_t)saved_size * sizeof(Obj *));
      if (!keys) { vm_raise_nomem(vm); goto keyfunc_fail; }
    }
    for (i = 0; i < saved_size; i++) {
      keys[i] = obj_call1(vm, keyfunc, saved_items[i]);
      if (!keys[i]) {
        while (--i >= 0) decref(vm, keys[i]);
        if (keys != stack_keys)
          ht_free(HT_TAG_VMINTERNAL, keys, (size_t)saved_size * sizeof(Obj *));
        goto keyfunc_fail;
      }
    }
    lo.keys = keys;
    lo.values = saved_items;
  }

  choose_compare(&ms, lo.keys, saved_size);
  merge_init(&ms, vm, saved_size, keys != NULL, lo.keys);

  /* reverse=True: reverse, sort forward (stably), reverse back. */
  if (reverse) {
    if (keys) reverse_ptrs(keys, keys + saved_size);
    if (saved_items) reverse_ptrs(saved_items, saved_items + saved_size);
  }

  ssize nremaining = saved_size;
  if (nremaining < 2) goto succeed;
  ssize minrun = compute_minrun(nremaining);
  do {
    int descending;
    ssize n = count_run(&ms, lo.keys, lo.keys + nremaining, &descending);
    if (n < 0) goto fail;
    if (descending) ss_reverse(&lo, n);
    if (n < minrun) {
      ssize force = nremaining <= minrun ? nremaining : minrun;
      if (binarysort(&ms, lo, lo.keys + force, lo.keys + n) < 0) goto fail;
      n = force;
    }
    if (found_new_run(&ms, n) < 0) goto fail;
    ms.pending[ms.n].base = lo;
    ms.pending[ms.n].len = n;
    ++ms.n;
    ss_advance(&lo, n);
    nremaining -= n;
  } while (nremaining);
  if (merge_force_collapse(&ms) < 0) goto fail;

succeed:
  result = 0;
fail:
  if (keys) {
    for (i = 0; i < saved_size; i++) decref(vm, keys[i]);
    if (keys != stack_keys)
      ht_free(HT_TAG_VMINTERNAL, keys, (size_t)saved_size * sizeof(Obj *));
  }
  if (self->allocated != -1 && result == 0) {
    /* Something stored into the list while it was being sorted. */
    vm_raise(vm, &Exc_ValueError, "list modified during sort");
    result = -1;
  }
  if (reverse && saved_size > 1) reverse_ptrs(saved_items, saved_items + saved_size);
  merge_freemem(&ms);

keyfunc_fail:;
  /* Put the items back; drop whatever was stored meanwhile. */
  Obj **final_items = self->items;
  ssize final_size = self->size, final_cap = self->allocated > 0 ? self->allocated : 0;
  self->size = saved_size;
  self->items = saved_items;
  self->allocated = saved_allocated;
  if (final_items) {
    while (--final_size >= 0) xdecref(vm, final_items[final_size]);
    ht_free(HT_TAG_LIST, final_items, (size_t)final_cap * sizeof(Obj *));
  }
  return result;
}
