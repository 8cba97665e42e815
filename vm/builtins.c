/*
** builtins.c -- the `builtins` module: the builtin functions, the builtin
** types and exceptions under their names, and the constants.
**
** Every function follows CPython 3.11's argument handling and error texts
** (checked against /usr/bin/python3); the comments name the CPython
** function each one mirrors where the behaviour is not obvious.  Work that
** belongs to a type (len, iteration, arithmetic, rounding, formatting) is
** done by that type's slots through the generic operations of object.h; the
** functions here only parse arguments and combine those operations.
**
** The builtin types (int, list, range, enumerate, ...) are the static type
** objects of their components; calling one is the type call of core.
** exit and quit are instances of a small Quitter type, as in CPython's
** site module: their repr is the hint, calling one raises SystemExit.
*/
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "containers.h"
#include "frame.h"
#include "int.h"
#include "modules.h"
#include "str.h"
#include "vm.h"

#define BI_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

static int is_callable(VM *vm, Obj *o);

static bool is_number(Obj *o) {
  return int_check(o) || obj_isinstance(o, &Float_Type);
}

/* Look up the special method NAME on O's type and call it bound to O with
** ARGS.  Sets *FOUND; returns NULL without an exception when absent. */
static Obj *call_special(VM *vm, Obj *o, const char *name, Obj *const *args,
                         size_t n, bool *found) {
  Obj *key = str_intern_cstr(vm, name), *f, *stack[4], *r;
  if (!key) {            /* MemoryError: report it as the method's failure */
    *found = true;
    return NULL;
  }
  f = type_lookup(TYPE(o), key);
  *found = f != NULL;
  if (!f) return NULL;
  if (obj_is(f, &Function_Type) || obj_is(f, &MethodDescr_Type)) {
    stack[0] = o;
    for (size_t i = 0; i < n && i < 3; i++) stack[i + 1] = args[i];
    return obj_call(vm, f, stack, n + 1, NULL);
  }
  if (!TYPE(f)->descr_get) return obj_call(vm, f, args, n, NULL);
  Obj *bound = TYPE(f)->descr_get(vm, f, o, OBJ(TYPE(o)));
  if (!bound) return NULL;
  r = obj_call(vm, bound, args, n, NULL);
  decref(vm, bound);
  return r;
}

/* ------------------------------------------------------------------ */
/* print                                                              */
/* ------------------------------------------------------------------ */

/* sys.stdout as print() sees it: the sys module's attribute once sys is
** imported, else the stream sys will expose.  Borrowed. */
static Obj *current_stdout(VM *vm) {
  Obj *sys = vm->modules ? dict_get_cstr(vm, vm->modules, "sys") : NULL;
  if (sys && obj_is(sys, &Module_Type)) {
    Obj *out = dict_get_cstr(vm, ((ModuleObj *)sys)->dict, "stdout");
    if (!out) vm_raise(vm, &Exc_RuntimeError, "lost sys.stdout");
    return out;
  }
  return sysmod_stream(vm, 1);
}

/* file.write(S) for a file that is not one of the VM's streams. */
static int write_obj(VM *vm, Obj *file, Obj *s) {
  Obj *r = obj_call_method(vm, file, "write", &s, 1);
  if (!r) return -1;
  decref(vm, r);
  return 0;
}

static int write_cstr(VM *vm, Obj *file, const char *s) {
  Obj *o = str_from_cstr(vm, s);
  if (!o) return -1;
  int rc = write_obj(vm, file, o);
  decref(vm, o);
  return rc;
}

static const char *const print_names[] = {"sep", "end", "file", "flush"};
static const ModArgSpec print_spec = {"print", print_names, 4, 0, 0, 0};

/* builtin_print: sep/end must be None or str; file None means sys.stdout
** (and nothing is printed when that is None). */
static Obj *bi_print(BI_ARGS) {
  Obj *kw[4] = {NULL, NULL, NULL, NULL};
  Obj *sep, *end, *file;
  FILE *fp;
  if (kwnames && TUPLE_SIZE(kwnames) > 0 &&
      mod_args(vm, &print_spec, args + nargs, 0, kwnames, kw) < 0)
    return NULL;
  sep = kw[0];
  end = kw[1];
  file = kw[2];
  if (!file || file == None) {
    file = current_stdout(vm);
    if (!file) return NULL;
    if (file == None) return none_new();
  }
  if (sep == None) {
    sep = NULL;
  } else if (sep && !str_check(sep)) {
    return vm_raise(vm, &Exc_TypeError, "sep must be None or a string, not %s",
                    obj_type_name(sep));
  }
  if (end == None) {
    end = NULL;
  } else if (end && !str_check(end)) {
    return vm_raise(vm, &Exc_TypeError, "end must be None or a string, not %s",
                    obj_type_name(end));
  }
  fp = sysmod_stream_file(vm, file);
  for (size_t i = 0; i < nargs; i++) {
    Obj *a = args[i], *s;
    if (fp) {
      if (i > 0) {
        if (sep) fwrite(STR_UTF8(sep), 1, (size_t)STR_NBYTES(sep), fp);
        else fputc(' ', fp);
      }
      if (obj_is(a, &Str_Type)) {
        fwrite(STR_UTF8(a), 1, (size_t)STR_NBYTES(a), fp);
        continue;
      }
      s = obj_str(vm, a);
      if (!s) return NULL;
      fwrite(STR_UTF8(s), 1, (size_t)STR_NBYTES(s), fp);
      decref(vm, s);
      continue;
    }
    if (i > 0 && (sep ? write_obj(vm, file, sep) : write_cstr(vm, file, " ")) < 0)
      return NULL;
    s = obj_str(vm, a);
    if (!s) return NULL;
    int rc = write_obj(vm, file, s);
    decref(vm, s);
    if (rc < 0) return NULL;
  }
  if (fp) {
    if (end) fwrite(STR_UTF8(end), 1, (size_t)STR_NBYTES(end), fp);
    else fputc('\n', fp);
  } else if ((end ? write_obj(vm, file, end) : write_cstr(vm, file, "\n")) < 0) {
    return NULL;
  }
  if (kw[3]) {
    int fl = obj_truthy(vm, kw[3]);
    if (fl < 0) return NULL;
    if (fl) {
      if (fp) {
        fflush(fp);
      } else {
        Obj *r = obj_call_method(vm, file, "flush", NULL, 0);
        if (!r) return NULL;
        decref(vm, r);
      }
    }
  }
  return none_new();
}

/* ------------------------------------------------------------------ */
/* Sequences and iteration                                            */
/* ------------------------------------------------------------------ */

static Obj *bi_len(BI_ARGS) {
  if (mod_check_o(vm, "len", nargs, kwnames) < 0) return NULL;
  ssize n = obj_len(vm, args[0]);
  return n < 0 ? NULL : int_from_i64(vm, n);
}

static Obj *bi_iter(BI_ARGS) {
  if (mod_check_pos(vm, "iter", nargs, kwnames, 1, 2) < 0) return NULL;
  if (nargs == 1) return obj_iter(vm, args[0]);
  int c = is_callable(vm, args[0]);
  if (c < 0) return NULL;
  if (!c) return vm_raise(vm, &Exc_TypeError, "iter(v, w): v must be callable");
  return calliter_new(vm, args[0], args[1]);
}

static Obj *bi_next(BI_ARGS) {
  Obj *it, *r;
  if (mod_check_pos(vm, "next", nargs, kwnames, 1, 2) < 0) return NULL;
  it = args[0];
  if (!TYPE(it)->iternext)
    return vm_raise(vm, &Exc_TypeError, "'%s' object is not an iterator",
                    obj_type_name(it));
  r = obj_iternext(vm, it);
  if (r) return r;
  if (vm_exc_occurred(vm)) {
    if (nargs < 2 || !vm_exc_matches(vm, &Exc_StopIteration)) return NULL;
    vm_exc_clear(vm);
  } else if (nargs < 2) {
    return vm_raise_obj(vm, OBJ(&Exc_StopIteration));
  }
  return incref(args[1]);
}

/* any() / all(): stop at the first item whose truth is WANT. */
static Obj *any_all(VM *vm, const char *name, Obj *const *args, size_t nargs,
                    Obj *kwnames, int want) {
  Obj *it, *item;
  if (mod_check_o(vm, name, nargs, kwnames) < 0) return NULL;
  it = obj_iter(vm, args[0]);
  if (!it) return NULL;
  while ((item = obj_iternext(vm, it)) != NULL) {
    int t = obj_truthy(vm, item);
    decref(vm, item);
    if (t < 0) {
      decref(vm, it);
      return NULL;
    }
    if (t == want) {
      decref(vm, it);
      return bool_new(want);
    }
  }
  decref(vm, it);
  if (vm_exc_occurred(vm)) return NULL;
  return bool_new(!want);
}

static Obj *bi_any(BI_ARGS) { return any_all(vm, "any", args, nargs, kwnames, 1); }
static Obj *bi_all(BI_ARGS) { return any_all(vm, "all", args, nargs, kwnames, 0); }

static const char *const sum_names[] = {"iterable", "start"};
static const ModArgSpec sum_spec = {"sum", sum_names, 2, 1, 2, 1};

static bool exact_int(Obj *o) {
  return obj_is(o, &Int_Type) || obj_is(o, &Bool_Type);
}

/* builtin_sum_impl of 3.11: an int64 fast path while the items are exact
** ints that do not overflow, then a double fast path (plain addition, no
** compensation: that came in 3.12) while they are floats or ints that fit,
** then generic `+`. */
static Obj *bi_sum(BI_ARGS) {
  Obj *a[2], *it, *result, *item;
  if (mod_args(vm, &sum_spec, args, nargs, kwnames, a) < 0) return NULL;
  it = obj_iter(vm, a[0]);
  if (!it) return NULL;
  result = a[1];
  if (!result) {
    result = int_from_i64(vm, 0);
    if (!result) goto fail_it;
  } else {
    const char *what = str_check(result) ? "strings [use ''.join(seq) instead]"
                       : bytes_check(result) ? "bytes [use b''.join(seq) instead]"
                       : bytearray_check(result) ? "bytearray [use b''.join(seq) instead]"
                       : NULL;
    if (what) {
      vm_raise(vm, &Exc_TypeError, "sum() can't sum %s", what);
      goto fail_it;
    }
    incref(result);
  }

  if (obj_is(result, &Int_Type) && int_fits_i64(result)) {
    int64_t acc = int_as_i64_unchecked(result);
    decref(vm, result);
    result = NULL;
    while (!result) {
      item = obj_iternext(vm, it);
      if (!item) {
        decref(vm, it);
        return vm_exc_occurred(vm) ? NULL : int_from_i64(vm, acc);
      }
      if (exact_int(item) && int_fits_i64(item)) {
        int64_t s;
        if (!__builtin_add_overflow(acc, int_as_i64_unchecked(item), &s)) {
          acc = s;
          decref(vm, item);
          continue;
        }
      }
      Obj *r = int_from_i64(vm, acc);
      if (r) {
        result = obj_binop(vm, r, item, BINOP_ADD);
        decref(vm, r);
      }
      decref(vm, item);
      if (!result) goto fail_it;
    }
  }

  if (obj_is(result, &Float_Type)) {
    double f = FLOAT_VAL(result);
    decref(vm, result);
    result = NULL;
    while (!result) {
      item = obj_iternext(vm, it);
      if (!item) {
        decref(vm, it);
        return vm_exc_occurred(vm) ? NULL : float_new(vm, f);
      }
      if (obj_is(item, &Float_Type)) {
        f += FLOAT_VAL(item);
        decref(vm, item);
        continue;
      }
      if (int_check(item) && int_fits_i64(item)) {
        f += (double)int_as_i64_unchecked(item);
        decref(vm, item);
        continue;
      }
      Obj *r = float_new(vm, f);
      if (r) {
        result = obj_binop(vm, r, item, BINOP_ADD);
        decref(vm, r);
      }
      decref(vm, item);
      if (!result) goto fail_it;
    }
  }

  while ((item = obj_iternext(vm, it)) != NULL) {
    Obj *r = obj_binop(vm, result, item, BINOP_ADD);
    decref(vm, item);
    decref(vm, result);
    result = r;
    if (!result) goto fail_it;
  }
  decref(vm, it);
  if (vm_exc_occurred(vm)) {
    decref(vm, result);
    return NULL;
  }
  return result;

fail_it:
  decref(vm, it);
  return NULL;
}

static const char *const minmax_names[] = {"key", "default"};

/* min_max of bltinmodule.c: one iterable argument or several positional
** ones; keyword-only key= and default=. */
static Obj *min_max(VM *vm, Obj *const *args, size_t nargs, Obj *kwnames,
                    CmpOp op) {
  const char *name = op == CMP_LT ? "min" : "max";
  ModArgSpec spec = {name, minmax_names, 2, 0, 0, 0};
  Obj *kw[2] = {NULL, NULL}, *key, *it = NULL;
  Obj *best = NULL, *bestval = NULL;
  if (nargs == 0)
    return vm_raise(vm, &Exc_TypeError, "%s expected at least 1 argument, got 0",
                    name);
  if (kwnames && TUPLE_SIZE(kwnames) > 0 &&
      mod_args(vm, &spec, args + nargs, 0, kwnames, kw) < 0)
    return NULL;
  if (nargs > 1 && kw[1])
    return vm_raise(vm, &Exc_TypeError,
                    "Cannot specify a default for %s() with multiple positional "
                    "arguments", name);
  key = kw[0] == None ? NULL : kw[0];
  if (nargs == 1) {
    it = obj_iter(vm, args[0]);
    if (!it) return NULL;
  }
  for (size_t i = 0;; i++) {
    Obj *item, *val;
    if (it) {
      item = obj_iternext(vm, it);
      if (!item) {
        if (vm_exc_occurred(vm)) goto fail;
        break;
      }
    } else {
      if (i >= nargs) break;
      item = incref(args[i]);
    }
    val = key ? obj_call1(vm, key, item) : incref(item);
    if (!val) {
      decref(vm, item);
      goto fail;
    }
    if (!bestval) {
      best = item;
      bestval = val;
      continue;
    }
    int c = obj_richcmp_bool(vm, val, bestval, op);
    if (c > 0) {
      decref(vm, best);
      decref(vm, bestval);
      best = item;
      bestval = val;
    } else {
      decref(vm, item);
      decref(vm, val);
      if (c < 0) goto fail;
    }
  }
  xdecref(vm, it);
  if (!bestval) {
    if (kw[1]) return incref(kw[1]);
    return vm_raise(vm, &Exc_ValueError, "%s() arg is an empty sequence", name);
  }
  decref(vm, bestval);
  return best;

fail:
  xdecref(vm, it);
  xdecref(vm, best);
  xdecref(vm, bestval);
  return NULL;
}

static Obj *bi_min(BI_ARGS) { return min_max(vm, args, nargs, kwnames, CMP_LT); }
static Obj *bi_max(BI_ARGS) { return min_max(vm, args, nargs, kwnames, CMP_GT); }

static const char *const sort_names[] = {"key", "reverse"};
static const ModArgSpec sort_spec = {"sort", sort_names, 2, 0, 0, 0};

/* builtin_sorted: one positional argument, then list.sort's keywords. */
static Obj *bi_sorted(BI_ARGS) {
  Obj *kw[2] = {NULL, NULL}, *list;
  int reverse = 0;
  if (nargs != 1)
    return vm_raise(vm, &Exc_TypeError, "sorted expected 1 argument, got %d",
                    (int)nargs);
  list = seq_to_list(vm, args[0]);
  if (!list) return NULL;
  if (kwnames && TUPLE_SIZE(kwnames) > 0 &&
      mod_args(vm, &sort_spec, args + nargs, 0, kwnames, kw) < 0)
    goto fail;
  if (kw[1] && mod_as_int(vm, kw[1], &reverse) < 0) goto fail;
  if (list_sort(vm, list, kw[0] == None ? NULL : kw[0], reverse != 0) < 0)
    goto fail;
  return list;
fail:
  decref(vm, list);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Numbers                                                            */
/* ------------------------------------------------------------------ */

static Obj *bi_abs(BI_ARGS) {
  Obj *o, *r;
  bool found;
  if (mod_check_o(vm, "abs", nargs, kwnames) < 0) return NULL;
  o = args[0];
  if (TYPE(o)->abs) return TYPE(o)->abs(vm, o);
  r = call_special(vm, o, "__abs__", NULL, 0, &found);
  if (found) return r;
  return vm_raise(vm, &Exc_TypeError, "bad operand type for abs(): '%s'",
                  obj_type_name(o));
}

/* builtin_divmod: the numbers' divmod, else __divmod__ / __rdivmod__. */
static Obj *bi_divmod(BI_ARGS) {
  Obj *a, *b, *r;
  bool found;
  if (mod_check_pos(vm, "divmod", nargs, kwnames, 2, 2) < 0) return NULL;
  a = args[0];
  b = args[1];
  if (is_number(a) && is_number(b)) {
    r = num_divmod(vm, a, b);
    if (r != NotImplemented) return r;
    decref(vm, r);
  }
  r = call_special(vm, a, "__divmod__", &b, 1, &found);
  if (found && r != NotImplemented) return r;
  if (r) decref(vm, r);
  else if (found) return NULL;
  if (TYPE(b) != TYPE(a)) {
    r = call_special(vm, b, "__rdivmod__", &a, 1, &found);
    if (found && r != NotImplemented) return r;
    if (r) decref(vm, r);
    else if (found) return NULL;
  }
  return vm_raise(vm, &Exc_TypeError,
                  "unsupported operand type(s) for divmod(): '%s' and '%s'",
                  obj_type_name(a), obj_type_name(b));
}

static const char *const pow_names[] = {"base", "exp", "mod"};
static const ModArgSpec pow_spec = {"pow", pow_names, 3, 0, 3, 2};

static Obj *bi_pow(BI_ARGS) {
  Obj *a[3];
  if (mod_args(vm, &pow_spec, args, nargs, kwnames, a) < 0) return NULL;
  if (!a[2] || a[2] == None) return obj_binop(vm, a[0], a[1], BINOP_POW);
  /* Three-argument pow never uses __rpow__: only the base's own __pow__
  ** (a class statement's, or an int/float subclass's override) is tried. */
  if (TYPE(a[0])->flags & TF_HEAPTYPE) {
    bool found;
    Obj *r = call_special(vm, a[0], "__pow__", a + 1, 2, &found);
    if (found) {
      if (!r || r != NotImplemented) return r;
      decref(vm, r);
    }
  }
  if (!is_number(a[0]) || !is_number(a[1]) || !is_number(a[2]))
    return vm_raise(vm, &Exc_TypeError,
                    "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                    obj_type_name(a[0]), obj_type_name(a[1]),
                    obj_type_name(a[2]));
  return num_pow(vm, a[0], a[1], a[2]);
}

static const char *const round_names[] = {"number", "ndigits"};
static const ModArgSpec round_spec = {"round", round_names, 2, 0, 2, 1};

static Obj *bi_round(BI_ARGS) {
  Obj *a[2], *r;
  bool found;
  if (mod_args(vm, &round_spec, args, nargs, kwnames, a) < 0) return NULL;
  if (is_number(a[0])) return num_round(vm, a[0], a[1]);
  if (a[1] && a[1] != None) r = call_special(vm, a[0], "__round__", &a[1], 1, &found);
  else r = call_special(vm, a[0], "__round__", NULL, 0, &found);
  if (found) return r;
  return vm_raise(vm, &Exc_TypeError, "type %s doesn't define __round__ method",
                  obj_type_name(a[0]));
}

/* hex(), oct(), bin(): the index of the argument in BASE with a prefix. */
static Obj *int_base(VM *vm, const char *name, Obj *const *args, size_t nargs,
                     Obj *kwnames, int base) {
  Obj *i, *r;
  if (mod_check_o(vm, name, nargs, kwnames) < 0) return NULL;
  i = obj_index(vm, args[0]);
  if (!i) return NULL;
  r = int_to_str_base(vm, i, base, true);
  decref(vm, i);
  return r;
}

static Obj *bi_hex(BI_ARGS) { return int_base(vm, "hex", args, nargs, kwnames, 16); }
static Obj *bi_oct(BI_ARGS) { return int_base(vm, "oct", args, nargs, kwnames, 8); }
static Obj *bi_bin(BI_ARGS) { return int_base(vm, "bin", args, nargs, kwnames, 2); }

/* ------------------------------------------------------------------ */
/* Characters                                                         */
/* ------------------------------------------------------------------ */

static Obj *bi_chr(BI_ARGS) {
  int cp;
  if (mod_check_o(vm, "chr", nargs, kwnames) < 0) return NULL;
  if (mod_as_int(vm, args[0], &cp) < 0) return NULL;
  return str_from_codepoint(vm, cp);
}

static Obj *bi_ord(BI_ARGS) {
  Obj *c;
  ssize n;
  if (mod_check_o(vm, "ord", nargs, kwnames) < 0) return NULL;
  c = args[0];
  if (str_check(c)) {
    n = STR_LEN(c);
    if (n == 1) return int_from_i64(vm, str_char_at(c, 0));
  } else if (bytes_check(c)) {
    n = BYTES_SIZE(c);
    if (n == 1) return int_from_i64(vm, (unsigned char)BYTES_DATA(c)[0]);
  } else if (bytearray_check(c)) {
    n = ((ByteArrayObj *)c)->size;
    if (n == 1) return int_from_i64(vm, (unsigned char)((ByteArrayObj *)c)->data[0]);
  } else {
    return vm_raise(vm, &Exc_TypeError,
                    "ord() expected string of length 1, but %s found",
                    obj_type_name(c));
  }
  return vm_raise(vm, &Exc_TypeError,
                  "ord() expected a character, but string of length %ld found",
                  (long)n);
}

static Obj *bi_repr(BI_ARGS) {
  if (mod_check_o(vm, "repr", nargs, kwnames) < 0) return NULL;
  return obj_repr(vm, args[0]);
}

static Obj *bi_ascii(BI_ARGS) {
  if (mod_check_o(vm, "ascii", nargs, kwnames) < 0) return NULL;
  return str_ascii(vm, args[0]);
}

static Obj *bi_format(BI_ARGS) {
  Obj *spec;
  if (mod_check_pos(vm, "format", nargs, kwnames, 1, 2) < 0) return NULL;
  spec = nargs > 1 ? args[1] : vm->empty_str;
  if (!str_check(spec))
    return vm_raise(vm, &Exc_TypeError, "format() argument 2 must be str, not %s",
                    obj_type_name(spec));
  return obj_format(vm, args[0], spec);
}

/* ------------------------------------------------------------------ */
/* Objects and types                                                  */
/* ------------------------------------------------------------------ */

static Obj *bi_id(BI_ARGS) {
  if (mod_check_o(vm, "id", nargs, kwnames) < 0) return NULL;
  return int_from_u64(vm, (uint64_t)(uintptr_t)args[0]);
}

static Obj *bi_hash(BI_ARGS) {
  if (mod_check_o(vm, "hash", nargs, kwnames) < 0) return NULL;
  hash_t h = obj_hash(vm, args[0]);
  return h == -1 ? NULL : int_from_i64(vm, h);
}

/* 1 if O can be called, 0 if not, -1 with MemoryError. */
static int is_callable(VM *vm, Obj *o) {
  Obj *n;
  if (TYPE(o)->call) return 1;
  n = str_intern_cstr(vm, "__call__");
  if (!n) return -1;
  return type_lookup(TYPE(o), n) != NULL;
}

static Obj *bi_callable(BI_ARGS) {
  if (mod_check_o(vm, "callable", nargs, kwnames) < 0) return NULL;
  int c = is_callable(vm, args[0]);
  return c < 0 ? NULL : bool_new(c);
}

static bool is_type(Obj *o) { return obj_isinstance(o, &Type_Type); }

/* isinstance / issubclass against CLS: a type or a (nested) tuple of
** types.  Returns 1, 0, or -1 with TypeError (BAD is the message). */
static int check_class(VM *vm, Obj *o, Obj *cls, bool sub, const char *bad,
                       int depth) {
  if (cls->type != &Type_Type && !tuple_check(cls)) {
    /* a metaclass's or an object's own __instancecheck__ / __subclasscheck__ */
    Obj *m = type_lookup(cls->type, str_intern_cstr(vm, sub ? "__subclasscheck__"
                                                            : "__instancecheck__"));
    if (m) {
      Obj *bound = m->type->descr_get ? m->type->descr_get(vm, m, cls, OBJ(cls->type))
                                      : incref(m);
      Obj *r = bound ? obj_call1(vm, bound, o) : NULL;
      xdecref(vm, bound);
      if (!r) return -1;
      int t = obj_truthy(vm, r);
      decref(vm, r);
      return t;
    }
  }
  if (is_type(cls))
    return sub ? type_is_subtype((TypeObj *)o, (TypeObj *)cls)
               : obj_isinstance(o, (TypeObj *)cls);
  if (obj_is(cls, &GenericAlias_Type)) {
    vm_raise(vm, &Exc_TypeError, "%s() argument 2 cannot be a parameterized generic",
             sub ? "issubclass" : "isinstance");
    return -1;
  }
  if (union_check(cls)) cls = union_args(cls);   /* int | str: as (int, str) */
  if (tuple_check(cls)) {
    if (depth > 1000) {
      vm_raise(vm, &Exc_RecursionError, "maximum recursion depth exceeded in %s",
               sub ? "__subclasscheck__" : "__instancecheck__");
      return -1;
    }
    for (ssize i = 0; i < TUPLE_SIZE(cls); i++) {
      int r = check_class(vm, o, TUPLE_GET(cls, i), sub, bad, depth + 1);
      if (r != 0) return r;
    }
    return 0;
  }
  vm_raise(vm, &Exc_TypeError, "%s", bad);
  return -1;
}

static Obj *bi_isinstance(BI_ARGS) {
  if (mod_check_pos(vm, "isinstance", nargs, kwnames, 2, 2) < 0) return NULL;
  int r = check_class(vm, args[0], args[1], false,
                      "isinstance() arg 2 must be a type, a tuple of types, or a union", 0);
  return r < 0 ? NULL : bool_new(r);
}

static Obj *bi_issubclass(BI_ARGS) {
  if (mod_check_pos(vm, "issubclass", nargs, kwnames, 2, 2) < 0) return NULL;
  if (!is_type(args[0]))
    return vm_raise(vm, &Exc_TypeError, "issubclass() arg 1 must be a class");
  int r = check_class(vm, args[0], args[1], true,
                      "issubclass() arg 2 must be a class, a tuple of classes, or a union", 0);
  return r < 0 ? NULL : bool_new(r);
}

static int check_attr_name(VM *vm, Obj *name) {
  if (str_check(name)) return 0;
  vm_raise(vm, &Exc_TypeError, "attribute name must be string, not '%s'",
           obj_type_name(name));
  return -1;
}

static Obj *bi_getattr(BI_ARGS) {
  Obj *r;
  if (mod_check_pos(vm, "getattr", nargs, kwnames, 2, 3) < 0) return NULL;
  if (check_attr_name(vm, args[1]) < 0) return NULL;
  r = obj_getattr(vm, args[0], args[1]);
  if (!r && nargs == 3 && vm_exc_matches(vm, &Exc_AttributeError)) {
    vm_exc_clear(vm);
    r = incref(args[2]);
  }
  return r;
}

static Obj *bi_setattr(BI_ARGS) {
  if (mod_check_pos(vm, "setattr", nargs, kwnames, 3, 3) < 0) return NULL;
  if (check_attr_name(vm, args[1]) < 0) return NULL;
  if (obj_setattr(vm, args[0], args[1], args[2]) < 0) return NULL;
  return none_new();
}

static Obj *bi_delattr(BI_ARGS) {
  if (mod_check_pos(vm, "delattr", nargs, kwnames, 2, 2) < 0) return NULL;
  if (check_attr_name(vm, args[1]) < 0) return NULL;
  if (obj_setattr(vm, args[0], args[1], NULL) < 0) return NULL;
  return none_new();
}

static Obj *bi_hasattr(BI_ARGS) {
  Obj *r;
  if (mod_check_pos(vm, "hasattr", nargs, kwnames, 2, 2) < 0) return NULL;
  if (check_attr_name(vm, args[1]) < 0) return NULL;
  r = obj_getattr(vm, args[0], args[1]);
  if (r) {
    decref(vm, r);
    return bool_new(true);
  }
  if (!vm_exc_matches(vm, &Exc_AttributeError)) return NULL;
  vm_exc_clear(vm);
  return bool_new(false);
}

/* ------------------------------------------------------------------ */
/* Namespaces: globals, locals, vars, dir                             */
/* ------------------------------------------------------------------ */

static FrameObj *current_frame(VM *vm) {
  if (!vm->frame)
    vm_raise(vm, &Exc_RuntimeError, "no Python frame is executing");
  return vm->frame;
}

static bool is_cell_slot(CodeObj *co, int i) {
  if (code_slot_is_free(co, i)) return true;
  for (int j = 0; j < co->ncellvars; j++)
    if (co->cell2slot[j] == i) return true;
  return false;
}

/* locals() of the calling frame: its locals dict (module and class
** bodies), or a new dict of its bound fast locals, cells and free
** variables, in co_localsplusnames order, as PyFrame_FastToLocals. */
static Obj *frame_locals(VM *vm) {
  FrameObj *f = current_frame(vm);
  CodeObj *co;
  Obj *d;
  if (!f) return NULL;
  if (f->locals) return incref(f->locals);
  co = f->code;
  d = dict_new(vm);
  if (!d) return NULL;
  for (int i = 0; i < co->nlocalsplus; i++) {
    Obj *v = f->localsplus[i];
    if (v && is_cell_slot(co, i) && obj_is(v, &Cell_Type)) v = ((CellObj *)v)->ref;
    if (!v) continue;
    if (dict_set(vm, d, code_slot_name(co, i), v) < 0) {
      decref(vm, d);
      return NULL;
    }
  }
  return d;
}

static Obj *bi_globals(BI_ARGS) {
  if (mod_check_noargs(vm, "globals", nargs, kwnames) < 0) return NULL;
  FrameObj *f = current_frame(vm);
  return f ? incref(f->globals) : NULL;
}

static Obj *bi_locals(BI_ARGS) {
  if (mod_check_noargs(vm, "locals", nargs, kwnames) < 0) return NULL;
  return frame_locals(vm);
}

static Obj *bi_vars(BI_ARGS) {
  Obj *d;
  if (mod_check_pos(vm, "vars", nargs, kwnames, 0, 1) < 0) return NULL;
  if (nargs == 0) return frame_locals(vm);
  d = obj_getattr_cstr(vm, args[0], "__dict__");
  if (!d && vm_exc_matches(vm, &Exc_AttributeError)) {
    vm_exc_clear(vm);
    vm_raise(vm, &Exc_TypeError, "vars() argument must have __dict__ attribute");
  }
  return d;
}

/* ------------------------------------------------------------------ */
/* input, and the builtins the VM does not provide                    */
/* ------------------------------------------------------------------ */

/* builtin_input: the prompt goes to sys.stdout (flushed), the line comes
** from the process's standard input without its line end; EOFError at
** end of input. */
static Obj *bi_input(BI_ARGS) {
  if (mod_check_pos(vm, "input", nargs, kwnames, 0, 1) < 0) return NULL;
  Obj *file = current_stdout(vm);
  if (!file) return NULL;
  FILE *fp = file != None ? sysmod_stream_file(vm, file) : NULL;
  if (nargs && file != None) {
    Obj *s = obj_str(vm, args[0]);
    if (!s) return NULL;
    int rc = 0;
    if (fp) fwrite(STR_UTF8(s), 1, (size_t)STR_NBYTES(s), fp);
    else rc = write_obj(vm, file, s);
    decref(vm, s);
    if (rc < 0) return NULL;
  }
  if (fp) {
    fflush(fp);
  } else if (file != None) {     /* as CPython, a failing flush is ignored */
    Obj *r = obj_call_method(vm, file, "flush", NULL, 0);
    if (r) decref(vm, r);
    else vm_exc_clear(vm);
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t len = getline(&line, &cap, stdin);
  if (len < 0) {
    free(line);
    return vm_raise(vm, &Exc_EOFError, "EOF when reading a line");
  }
  if (len > 0 && line[len - 1] == '\n') len--;
  Obj *r = str_new(vm, line, (size_t)len);
  free(line);
  return r;
}

/* Builtins whose machinery the VM lacks: present, so that a program using
** one stops with a NotImplementedError naming it (the traceback gives the
** file and line) rather than a NameError that looks like its own bug. */
static Obj *bi_open(BI_ARGS) {
  (void)self, (void)args, (void)nargs, (void)kwnames;
  return vm_raise(vm, &Exc_NotImplementedError,
                  "open() is not supported yet: the VM has no file objects");
}

/* `complex` is a type with no instances: isinstance(x, complex) is False
** (the VM makes no complex numbers), calling it raises. */
static Obj *complex_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  (void)type, (void)args, (void)nargs, (void)kwnames;
  return vm_raise(vm, &Exc_NotImplementedError, "complex numbers are not supported yet");
}

TypeObj Complex_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "complex",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(Obj),
  .new_ = complex_new,
  .doc = "complex numbers (not supported by this VM: calling it raises "
         "NotImplementedError)",
};

/* ------------------------------------------------------------------ */
/* exec, eval, compile                                                */
/* ------------------------------------------------------------------ */

/* The compiler has only the module mode, so eval-mode source is compiled
** as the module statement `EVAL_RESULT = (SOURCE\n)` (SOURCE on the
** wrapper's first line, so line numbers are unchanged): the evaluator
** stores the value in the locals dict, whence eval() pops it.  The source
** is first compiled alone, so that its syntax errors are CPython's; a
** source that is valid as statements but not as an expression gets the
** SyntaxError "invalid syntax" (CPython's column may differ).  A code
** object names EVAL_RESULT exactly when compile() made it in 'eval' mode. */
#define EVAL_RESULT "__heaptrail_eval_result__"
#define EVAL_OPEN EVAL_RESULT " = ("

/* The code of SRC[0..N) (UTF-8) compiled as MODE 'e'val or 'x'ec. */
static Obj *compile_text(VM *vm, const char *src, size_t n, Obj *filename,
                         char mode) {
  if (memchr(src, 0, n))
    return vm_raise(vm, &Exc_ValueError, "source code string cannot contain null bytes");
  if (mode == 'e')
    while (n && (*src == ' ' || *src == '\t')) src++, n--;
  Obj *code = compile_module(vm, src, n, filename);
  if (!code && mode == 'e' && vm_exc_matches(vm, &Exc_SyntaxError)) {
    /* eval mode's SyntaxError.text has no line end */
    Obj *exc = vm_exc_fetch(vm), *t = obj_getattr_cstr(vm, exc, "text");
    if (t && str_check(t) && STR_NBYTES(t) && STR_UTF8(t)[STR_NBYTES(t) - 1] == '\n') {
      Obj *cut = str_new(vm, STR_UTF8(t), (size_t)STR_NBYTES(t) - 1);
      if (!cut || obj_setattr(vm, exc, str_intern_cstr(vm, "text"), cut) < 0)
        vm_exc_clear(vm);
      xdecref(vm, cut);
    }
    if (!t) vm_exc_clear(vm);
    xdecref(vm, t);
    vm_exc_restore(vm, exc);
  }
  if (!code || mode != 'e') return code;
  /* no token at all (blanks and comments): not an expression */
  bool comment = false;
  size_t i = 0;
  while (i < n) {
    if (src[i] == '#') {
      comment = true;
      while (i < n && src[i] != '\n') i++;
    } else if (strchr(" \t\n\r\f", src[i])) {
      i++;
    } else {
      break;
    }
  }
  if (i == n) {
    decref(vm, code);
    const char *nl = memchr(src, '\n', n);
    size_t len = nl ? (size_t)(nl - src) : n;
    char *line = ht_alloc(HT_TAG_VMINTERNAL, len + 1);
    if (!line) return vm_raise_nomem(vm);
    memcpy(line, src, len);
    line[len] = 0;
    vm_raise_syntax(vm, &Exc_SyntaxError, "invalid syntax", filename, comment, 0, 0,
                    comment ? line : "");
    ht_free(HT_TAG_VMINTERNAL, line, len + 1);
    return NULL;
  }
  decref(vm, code);
  size_t lo = strlen(EVAL_OPEN);
  char *buf = ht_alloc(HT_TAG_VMINTERNAL, lo + n + 3);
  if (!buf) return vm_raise_nomem(vm);
  memcpy(buf, EVAL_OPEN, lo);
  memcpy(buf + lo, src, n);
  memcpy(buf + lo + n, "\n)", 3);
  code = compile_module(vm, buf, lo + n + 2, filename);
  if (!code && vm_exc_matches(vm, &Exc_SyntaxError)) {
    /* statements: not an expression.  Report "invalid syntax" where the
    ** wrapped source failed, on the source's own line and column (BUF
    ** now holds that line). */
    Obj *exc = vm_exc_fetch(vm), *v;
    int64_t line = 1, col = 1;
    if ((v = obj_getattr_cstr(vm, exc, "lineno")) && int_check(v)) int_as_i64(vm, v, &line);
    xdecref(vm, v);
    if ((v = obj_getattr_cstr(vm, exc, "offset")) && int_check(v)) int_as_i64(vm, v, &col);
    xdecref(vm, v);
    vm_exc_clear(vm);
    decref(vm, exc);
    if (line == 1) col -= (int64_t)lo;
    if (col < 1) col = 1;
    const char *ls = src, *end = src + n;
    for (int64_t k = 1; k < line && ls < end; k++) {
      const char *nl = memchr(ls, '\n', (size_t)(end - ls));
      ls = nl ? nl + 1 : end;
    }
    const char *nl = memchr(ls, '\n', (size_t)(end - ls));
    size_t len = nl ? (size_t)(nl - ls) : (size_t)(end - ls);
    memmove(buf, ls, len);
    buf[len] = 0;
    vm_raise_syntax(vm, &Exc_SyntaxError, "invalid syntax", filename, (int)line,
                    (int)col, 0, buf);
  }
  ht_free(HT_TAG_VMINTERNAL, buf, lo + n + 3);
  return code;
}

/* Is CODE an eval-mode code object (see EVAL_RESULT)? */
static bool code_is_eval(Obj *code) {
  Obj *names = ((CodeObj *)code)->names;
  ssize n = TUPLE_SIZE(names);
  return n > 0 && str_check(TUPLE_ITEMS(names)[n - 1]) &&
         strcmp(STR_UTF8(TUPLE_ITEMS(names)[n - 1]), EVAL_RESULT) == 0;
}

/* SOURCE as UTF-8 text for FNAME ("exec", "eval", "compile"): a str or a
** bytes object (borrowed pointer into it).  Returns 0, or -1 with TypeError
** ("... arg 1 must be a string, bytes or code object"). */
static int source_text(VM *vm, Obj *source, const char *what, const char **p,
                       size_t *n) {
  if (str_check(source)) {
    *p = STR_UTF8(source);
    *n = (size_t)STR_NBYTES(source);
    return 0;
  }
  if (bytes_check(source)) {
    *p = (const char *)BYTES_DATA(source);
    *n = (size_t)BYTES_SIZE(source);
    return 0;
  }
  vm_raise(vm, &Exc_TypeError, "%s", what);
  return -1;
}

/* exec/eval: resolve the namespaces as builtin_exec_impl/builtin_eval_impl
** and run CODE in them.  New references in *G and *L on success. */
static int run_namespaces(VM *vm, bool is_eval, Obj *globals, Obj *locals,
                          Obj **g, Obj **l) {
  if (globals == None) globals = NULL;
  if (locals == None) locals = NULL;
  if (is_eval && locals && !dict_check(locals) && !TYPE(locals)->getitem) {
    vm_raise(vm, &Exc_TypeError, "locals must be a mapping");
    return -1;
  }
  if (globals && !dict_check(globals)) {
    if (is_eval)
      vm_raise(vm, &Exc_TypeError, TYPE(globals)->getitem
               ? "globals must be a real dict; try eval(expr, {}, mapping)"
               : "globals must be a dict");
    else
      vm_raise(vm, &Exc_TypeError, "exec() globals must be a dict, not %s",
               obj_type_name(globals));
    return -1;
  }
  if (!is_eval && locals && !dict_check(locals) && !TYPE(locals)->getitem) {
    vm_raise(vm, &Exc_TypeError, "locals must be a mapping or None, not %s",
             obj_type_name(locals));
    return -1;
  }
  if (locals && !dict_check(locals)) {
    vm_raise(vm, &Exc_NotImplementedError,
             "%s() with a locals mapping that is not a dict is not supported",
             is_eval ? "eval" : "exec");
    return -1;
  }
  if (!globals) {
    FrameObj *f = current_frame(vm);
    if (!f) return -1;
    globals = f->globals;
    *l = locals ? incref(locals) : frame_locals(vm);
    if (!*l) return -1;
  } else {
    *l = incref(locals ? locals : globals);
  }
  *g = incref(globals);
  if (!dict_get_cstr(vm, globals, "__builtins__") &&
      dict_set_cstr(vm, globals, "__builtins__", vm->builtins) < 0) {
    decref(vm, *g);
    decref(vm, *l);
    return -1;
  }
  return 0;
}

static Obj *run_code(VM *vm, bool is_eval, Obj *code, Obj *globals, Obj *locals) {
  Obj *g, *l, *r = NULL;
  if (run_namespaces(vm, is_eval, globals, locals, &g, &l) < 0) return NULL;
  FrameObj *f = frame_new(vm, (CodeObj *)code, NULL, g, vm->builtins, l);
  if (f) r = vm_eval(vm, f);
  if (r && code_is_eval(code)) {
    /* the expression's value, out of the locals dict again */
    decref(vm, r);
    Obj *key = str_intern_cstr(vm, EVAL_RESULT);
    r = key ? dict_get(vm, l, key) : NULL;
    if (r) {
      incref(r);
      if (dict_del(vm, l, key) < 0) {
        decref(vm, r);
        r = NULL;
      }
    } else if (key && !vm_exc_occurred(vm)) {
      r = none_new();
    }
  }
  if (r && !is_eval) {         /* exec() returns None */
    decref(vm, r);
    r = none_new();
  }
  decref(vm, g);
  decref(vm, l);
  return r;
}

static Obj *exec_or_eval(VM *vm, bool is_eval, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  const char *name = is_eval ? "eval" : "exec";
  if (mod_check_pos(vm, name, nargs, kwnames, 1, 3) < 0) return NULL;
  Obj *src = args[0], *g = nargs > 1 ? args[1] : None, *l = nargs > 2 ? args[2] : None;
  if (obj_is(src, &Code_Type)) return run_code(vm, is_eval, src, g, l);
  const char *p;
  size_t n;
  if (source_text(vm, src, is_eval ? "eval() arg 1 must be a string, bytes or code object"
                                   : "exec() arg 1 must be a string, bytes or code object",
                  &p, &n) < 0)
    return NULL;
  Obj *fname = str_from_cstr(vm, "<string>");
  if (!fname) return NULL;
  Obj *code = compile_text(vm, p, n, fname, is_eval ? 'e' : 'x');
  decref(vm, fname);
  if (!code) return NULL;
  Obj *r = run_code(vm, is_eval, code, g, l);
  decref(vm, code);
  return r;
}

static Obj *bi_exec(BI_ARGS) { return exec_or_eval(vm, false, args, nargs, kwnames); }
static Obj *bi_eval(BI_ARGS) { return exec_or_eval(vm, true, args, nargs, kwnames); }

static const char *const compile_names[] = {"source", "filename", "mode", "flags",
                                            "dont_inherit", "optimize"};
static const ModArgSpec compile_spec = {"compile", compile_names, 6, 0, 6, 3};

static Obj *bi_compile(BI_ARGS) {
  Obj *a[6];
  if (mod_args(vm, &compile_spec, args, nargs, kwnames, a) < 0) return NULL;
  const char *p;
  size_t n;
  if (source_text(vm, a[0], "compile() arg 1 must be a string, bytes or AST object",
                  &p, &n) < 0)
    return NULL;
  if (!str_check(a[1]))
    return vm_raise(vm, &Exc_TypeError,
                    "expected str, bytes or os.PathLike object, not %s",
                    obj_type_name(a[1]));
  if (!str_check(a[2]))
    return vm_raise(vm, &Exc_TypeError,
                    "compile() argument 'mode' must be str, not %s",
                    obj_type_name(a[2]));
  const char *mode = STR_UTF8(a[2]);
  if (strcmp(mode, "exec") && strcmp(mode, "eval") && strcmp(mode, "single"))
    return vm_raise(vm, &Exc_ValueError,
                    "compile() mode must be 'exec', 'eval' or 'single'");
  if (!strcmp(mode, "single"))
    return vm_raise(vm, &Exc_NotImplementedError,
                    "compile() in 'single' mode is not supported");
  if (a[3]) {
    int t = obj_truthy(vm, a[3]);
    if (t < 0) return NULL;
    if (t)
      return vm_raise(vm, &Exc_NotImplementedError,
                      "compile() flags (ast.PyCF_*, __future__) are not supported");
  }
  return compile_text(vm, p, n, a[1], mode[1] == 'v' ? 'e' : 'x');
}

/* Add the keys of dict D to the dict-as-set NAMES. */
static int add_keys(VM *vm, Obj *names, Obj *d) {
  ssize pos = 0;
  Obj *k, *v;
  if (!d || !dict_check(d)) return 0;
  while (dict_next(d, &pos, &k, &v))
    if (dict_set(vm, names, k, None) < 0) return -1;
  return 0;
}

/* Add the attribute names of TYPE and its bases (along the mro). */
static int add_type_keys(VM *vm, Obj *names, TypeObj *type) {
  if (!type->mro) return add_keys(vm, names, type->dict);
  for (ssize i = 0; i < TUPLE_SIZE(type->mro); i++)
    if (add_keys(vm, names, ((TypeObj *)TUPLE_GET(type->mro, i))->dict) < 0)
      return -1;
  return 0;
}

/* dir(): the sorted names of the caller's locals; dir(o): a __dir__ the
** class defines, else the module's globals, a type's attributes along its
** mro, or an instance's __dict__ plus its class's attributes. */
static Obj *bi_dir(BI_ARGS) {
  Obj *names, *list, *o;
  bool found;
  if (mod_check_pos(vm, "dir", nargs, kwnames, 0, 1) < 0) return NULL;
  if (nargs == 0) {
    names = frame_locals(vm);
  } else {
    o = args[0];
    list = call_special(vm, o, "__dir__", NULL, 0, &found);
    if (found) {
      if (!list) return NULL;
      Obj *r = seq_to_list(vm, list);
      decref(vm, list);
      if (r && list_sort(vm, r, NULL, false) < 0) {
        decref(vm, r);
        return NULL;
      }
      return r;
    }
    names = dict_new(vm);
    if (!names) return NULL;
    int rc = 0;
    if (obj_is(o, &Module_Type)) {
      rc = add_keys(vm, names, ((ModuleObj *)o)->dict);
    } else if (is_type(o)) {
      rc = add_type_keys(vm, names, (TypeObj *)o);
    } else {
      Obj *d = obj_getattr_cstr(vm, o, "__dict__");
      if (d) {
        rc = add_keys(vm, names, d);
        decref(vm, d);
      } else if (vm_exc_matches(vm, &Exc_AttributeError)) {
        vm_exc_clear(vm);
      } else {
        rc = -1;
      }
      if (rc == 0) rc = add_type_keys(vm, names, TYPE(o));
    }
    if (rc < 0) {
      decref(vm, names);
      return NULL;
    }
  }
  if (!names) return NULL;
  list = dict_keys_list(vm, names);
  decref(vm, names);
  if (list && list_sort(vm, list, NULL, false) < 0) {
    decref(vm, list);
    return NULL;
  }
  return list;
}

/* ------------------------------------------------------------------ */
/* exit and quit                                                      */
/* ------------------------------------------------------------------ */

typedef struct QuitterObj {
  Obj ob;
  const char *name;               /* "exit" or "quit" */
} QuitterObj;

static Obj *quitter_repr(VM *vm, Obj *o) {
  return str_fromf(vm, "Use %s() or Ctrl-D (i.e. EOF) to exit",
                   ((QuitterObj *)o)->name);
}

/* Quitter.__call__(self, code=None): raise SystemExit(code). */
static Obj *quitter_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  static const char *const names[] = {"code"};
  static const ModArgSpec spec = {"Quitter.__call__", names, 1, 0, 1, 0};
  Obj *code;
  if (nargs > 1)
    return vm_raise(vm, &Exc_TypeError,
                    "Quitter.__call__() takes from 1 to 2 positional arguments "
                    "but %d were given", (int)nargs + 1);
  if (mod_args(vm, &spec, args, nargs, kwnames, &code) < 0) return NULL;
  return mod_raise_exit(vm, code ? code : None);
}

TypeObj Quitter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "_sitebuiltins.Quitter",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(QuitterObj),
  .repr = quitter_repr,
  .call = quitter_call,
};

static QuitterObj exit_obj = {OBJ_STATIC_INIT(&Quitter_Type), "exit"};
static QuitterObj quit_obj = {OBJ_STATIC_INIT(&Quitter_Type), "quit"};

/* ------------------------------------------------------------------ */
/* The module                                                         */
/* ------------------------------------------------------------------ */

static const MethodDef builtin_funcs[] = {
  {"print", bi_print, 0},
  {"len", bi_len, 0},
  {"iter", bi_iter, 0},
  {"next", bi_next, 0},
  {"any", bi_any, 0},
  {"all", bi_all, 0},
  {"sum", bi_sum, 0},
  {"min", bi_min, 0},
  {"max", bi_max, 0},
  {"sorted", bi_sorted, 0},
  {"__build_class__", class_build_class, 0},
  {"abs", bi_abs, 0},
  {"divmod", bi_divmod, 0},
  {"pow", bi_pow, 0},
  {"round", bi_round, 0},
  {"hex", bi_hex, 0},
  {"oct", bi_oct, 0},
  {"bin", bi_bin, 0},
  {"chr", bi_chr, 0},
  {"ord", bi_ord, 0},
  {"repr", bi_repr, 0},
  {"ascii", bi_ascii, 0},
  {"format", bi_format, 0},
  {"id", bi_id, 0},
  {"hash", bi_hash, 0},
  {"callable", bi_callable, 0},
  {"isinstance", bi_isinstance, 0},
  {"issubclass", bi_issubclass, 0},
  {"getattr", bi_getattr, 0},
  {"setattr", bi_setattr, 0},
  {"delattr", bi_delattr, 0},
  {"hasattr", bi_hasattr, 0},
  {"input", bi_input, 0},
  {"open", bi_open, 0},
  {"exec", bi_exec, 0},
  {"eval", bi_eval, 0},
  {"compile", bi_compile, 0},
  {"globals", bi_globals, 0},
  {"locals", bi_locals, 0},
  {"vars", bi_vars, 0},
  {"dir", bi_dir, 0},
  {NULL, NULL, 0},
};

static const struct {
  const char *name;
  TypeObj *type;
} builtin_types[] = {
  {"type", &Type_Type}, {"object", &Object_Type}, {"int", &Int_Type}, {"super", &Super_Type},
  {"float", &Float_Type}, {"bool", &Bool_Type}, {"str", &Str_Type}, {"complex", &Complex_Type},
  {"bytes", &Bytes_Type}, {"bytearray", &ByteArray_Type},
  {"tuple", &Tuple_Type}, {"list", &List_Type}, {"dict", &Dict_Type},
  {"set", &Set_Type}, {"frozenset", &FrozenSet_Type}, {"range", &Range_Type},
  {"slice", &Slice_Type}, {"staticmethod", &StaticMethod_Type},
  {"classmethod", &ClassMethod_Type}, {"property", &Property_Type},
  {"enumerate", &Enumerate_Type}, {"zip", &Zip_Type}, {"map", &Map_Type},
  {"filter", &Filter_Type}, {"reversed", &Reversed_Type},
#define X_(name, base) {#name, &Exc_##name},
  EXC_LIST(X_)
#undef X_
  {"EnvironmentError", &Exc_OSError}, {"IOError", &Exc_OSError},
};

static const struct {
  const char *name;
  Obj *value;
} builtin_consts[] = {
  {"None", None}, {"True", True_}, {"False", False_}, {"Ellipsis", Ellipsis},
  {"NotImplemented", NotImplemented}, {"__debug__", True_},
  {"exit", OBJ(&exit_obj)}, {"quit", OBJ(&quit_obj)},
};

Obj *builtins_init(VM *vm) {
  Obj *m = module_new(vm, "builtins", builtin_funcs);
  Obj *d;
  if (!m) return NULL;
  d = ((ModuleObj *)m)->dict;
  for (size_t i = 0; i < sizeof builtin_types / sizeof builtin_types[0]; i++)
    if (dict_set_cstr(vm, d, builtin_types[i].name, OBJ(builtin_types[i].type)) < 0)
      goto fail;
  for (size_t i = 0; i < sizeof builtin_consts / sizeof builtin_consts[0]; i++)
    if (dict_set_cstr(vm, d, builtin_consts[i].name, builtin_consts[i].value) < 0)
      goto fail;
  return m;
fail:
  decref(vm, m);
  return NULL;
}
