/*
** slice.c -- slice objects and the index arithmetic every sequence uses.
**
** A SliceObj (object.h) holds three owned references, None where omitted.
** slice_indices() resolves one against a length exactly as CPython's
** PySlice_GetIndicesEx does: PySlice_Unpack (None -> defaults, indices
** clamped to the ssize range, step 0 rejected, step clamped to -SSIZE_MAX)
** followed by PySlice_AdjustIndices.  Slices are GC objects (they can hold
** anything); as in CPython 3.11 they compare like (start, stop, step) tuples
** and are unhashable.  Tag OTHER.
*/
#include "vm.h"
#include "containers.h"

#define SSIZE_MAX_ INTPTR_MAX
#define SSIZE_MIN_ INTPTR_MIN

Obj *slice_new(VM *vm, Obj *start, Obj *stop, Obj *step) {
  SliceObj *s = (SliceObj *)gc_alloc(vm, &Slice_Type, sizeof(SliceObj));
  if (!s) return NULL;
  s->start = incref(start ? start : None);
  s->stop = incref(stop ? stop : None);
  s->step = incref(step ? step : None);
  return OBJ(s);
}

/* One bound as _PyEval_SliceIndex: an index-able value clamped to the ssize
** range.  Returns 0, or -1 with TypeError. */
static int slice_index(VM *vm, Obj *v, ssize *out) {
  Obj *iv;
  if (int_check(v)) {
    iv = incref(v);
  } else if (v->type->index) {
    iv = obj_index(vm, v);
    if (!iv) return -1;
  } else {
    vm_raise(vm, &Exc_TypeError,
             "slice indices must be integers or None or have an __index__ method");
    return -1;
  }
  if (int_fits_i64(iv)) *out = (ssize)int_as_i64_unchecked(iv);
  else *out = int_sign(iv) < 0 ? SSIZE_MIN_ : SSIZE_MAX_;
  decref(vm, iv);
  return 0;
}

/* PySlice_Unpack. */
static int slice_unpack(VM *vm, SliceObj *r, ssize *start, ssize *stop,
                        ssize *step) {
  if (r->step == None) {
    *step = 1;
  } else {
    if (slice_index(vm, r->step, step) < 0) return -1;
    if (*step == 0) {
      vm_raise(vm, &Exc_ValueError, "slice step cannot be zero");
      return -1;
    }
    if (*step < -SSIZE_MAX_) *step = -SSIZE_MAX_;
  }
  if (r->start == None) *start = *step < 0 ? SSIZE_MAX_ : 0;
  else if (slice_index(vm, r->start, start) < 0) return -1;
  if (r->stop == None) *stop = *step < 0 ? SSIZE_MIN_ : SSIZE_MAX_;
  else if (slice_index(vm, r->stop, stop) < 0) return -1;
  return 0;
}

/* PySlice_AdjustIndices: clamp to LENGTH and return the slice length. */
static ssize slice_adjust(ssize length, ssize *start, ssize *stop, ssize step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

ssize slice_indices(VM *vm, Obj *slice, ssize length, ssize *start,
                    ssize *stop, ssize *step) {
  SliceObj *r = (SliceObj *)slice;
  /* Fast path: the common a[i:j] with small ints or None. */
  if (r->step == None) {
    *step = 1;
    if (r->start == None) *start = 0;
    else if (slice_index(vm, r->start, start) < 0) return -1;
    if (r->stop == None) *stop = SSIZE_MAX_;
    else if (slice_index(vm, r->stop, stop) < 0) return -1;
  } else if (slice_unpack(vm, r, start, stop, step) < 0) {
    return -1;
  }
  return slice_adjust(length, start, stop, *step);
}

/* ------------------------------------------------------------------ */
/* The type                                                           */
/* ------------------------------------------------------------------ */

static void slice_dealloc(VM *vm, Obj *o) {
  SliceObj *s = (SliceObj *)o;
  gc_untrack(o);
  decref(vm, s->start);
  decref(vm, s->stop);
  decref(vm, s->step);
  gc_free(vm, o, sizeof(SliceObj));
}

static size_t slice_sizeof(Obj *o) { return GC_SIZEOF(sizeof(SliceObj)); }

static int slice_traverse(Obj *o, visitproc visit, void *arg) {
  SliceObj *s = (SliceObj *)o;
  int r;
  if (s->start && (r = visit(s->start, EDGE_OTHER, 0, NULL, arg))) return r;
  if (s->stop && (r = visit(s->stop, EDGE_OTHER, 1, NULL, arg))) return r;
  if (s->step && (r = visit(s->step, EDGE_OTHER, 2, NULL, arg))) return r;
  return 0;
}

static int slice_clear(VM *vm, Obj *o) {
  SliceObj *s = (SliceObj *)o;
  obj_setref(vm, &s->start, incref(None));
  obj_setref(vm, &s->stop, incref(None));
  obj_setref(vm, &s->step, incref(None));
  return 0;
}

static Obj *slice_ctor(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  if (cont_posargs(vm, "slice", nargs, kwnames, 1, 3) < 0) return NULL;
  if (nargs == 1) return slice_new(vm, NULL, args[0], NULL);
  return slice_new(vm, args[0], args[1], nargs == 3 ? args[2] : NULL);
}

static Obj *slice_repr(VM *vm, Obj *o) {
  SliceObj *s = (SliceObj *)o;
  return str_fromf(vm, "slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static Obj *slice_as_tuple(VM *vm, Obj *o) {
  SliceObj *s = (SliceObj *)o;
  return tuple_pack(vm, 3, s->start, s->stop, s->step);
}

static Obj *slice_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (!obj_isinstance(a, &Slice_Type) || !obj_isinstance(b, &Slice_Type))
    return incref(NotImplemented);
  if (a == b) {
    switch (op) {
    case CMP_EQ: case CMP_LE: case CMP_GE: return bool_new(true);
    case CMP_NE: case CMP_LT: case CMP_GT: return bool_new(false);
    }
  }
  Obj *ta = slice_as_tuple(vm, a);
  if (!ta) return NULL;
  Obj *tb = slice_as_tuple(vm, b);
  if (!tb) { decref(vm, ta); return NULL; }
  Obj *r = obj_richcmp(vm, ta, tb, op);
  decref(vm, ta);
  decref(vm, tb);
  return r;
}

/* slice.indices(length) -> (start, stop, step) */
static Obj *slice_m_indices(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                            Obj *kwnames) {
  ssize len, start, stop, step;
  if (cont_onearg(vm, "slice.indices", nargs, kwnames) < 0) return NULL;
  if (!int_check(args[0]) && !args[0]->type->index)
    return vm_raise(vm, &Exc_TypeError,
                    "'%s' object cannot be interpreted as an integer",
                    obj_type_name(args[0]));
  len = obj_as_ssize(vm, args[0]);
  if (len == -1 && vm_exc_occurred(vm)) return NULL;
  if (len < 0)
    return vm_raise(vm, &Exc_ValueError, "length should not be negative");
  if (slice_indices(vm, self, len, &start, &stop, &step) < 0) return NULL;
  Obj *a = int_from_i64(vm, start);
  Obj *b = a ? int_from_i64(vm, stop) : NULL;
  Obj *c = b ? int_from_i64(vm, step) : NULL;
  Obj *t = c ? tuple_new(vm, 3) : NULL;
  if (!t) {
    xdecref(vm, a); xdecref(vm, b); xdecref(vm, c);
    return NULL;
  }
  TUPLE_ITEMS(t)[0] = a;
  TUPLE_ITEMS(t)[1] = b;
  TUPLE_ITEMS(t)[2] = c;
  return t;
}

static Obj *slice_get_start(VM *vm, Obj *o) { return incref(((SliceObj *)o)->start); }
static Obj *slice_get_stop(VM *vm, Obj *o) { return incref(((SliceObj *)o)->stop); }
static Obj *slice_get_step(VM *vm, Obj *o) { return incref(((SliceObj *)o)->step); }

static const MethodDef slice_methods[] = {
  {"indices", slice_m_indices, 0},
  {NULL, NULL, 0}
};

static const GetSetDef slice_getset[] = {
  {"start", slice_get_start, NULL},
  {"stop", slice_get_stop, NULL},
  {"step", slice_get_step, NULL},
  {NULL, NULL, NULL}
};

TypeObj Slice_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "slice",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(SliceObj),
  .flags = TF_GC,
  .dealloc = slice_dealloc,
  .sizeof_ = slice_sizeof,
  .traverse = slice_traverse,
  .clear = slice_clear,
  .new_ = slice_ctor,
  .init = cont_init_accept,
  .repr = slice_repr,
  .richcmp = slice_richcmp,
  .methods = slice_methods,
  .getset = slice_getset,
  .doc = "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  "
         "This is used for extended slicing (e.g. a[0:10:2]).",
};
