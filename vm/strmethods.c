/*
** strmethods.c -- the methods of str, as CPython 3.11 has them.
**
** Every method is a cmethod (object.h) bound to a str SELF.  Searching is
** done on the UTF-8 bytes: valid UTF-8 is self-synchronising, so a byte
** match of a valid needle is always a code point match.  Code point
** arguments (start, end) are turned into byte offsets once, and byte
** results back into code point indices; both conversions are free when the
** string is ASCII.  Case mappings and character classes come from the
** Unicode tables in strucd.c.
**
** Argument errors use CPython's texts, which differ between the methods
** that CPython parses with PyArg_ParseTuple ("find() takes at least 1
** argument (0 given)") and those parsed by Argument Clinic ("ljust expected
** at least 1 argument, got 0"); pos_args() knows both.
*/
#define _GNU_SOURCE 1   /* memmem */
#include <string.h>

#include "vm.h"
#include "str.h"
#include "containers.h"

#define SELF_DATA(s) STR_UTF8(s)
#define ASCII(s) (((StrObj *)(s))->ascii)

/* ------------------------------------------------------------------ */
/* Argument helpers                                                   */
/* ------------------------------------------------------------------ */

typedef enum ArgStyle {
  ARG_GETARGS,                    /* "find() takes at least 1 argument (0 given)" */
  ARG_CLINIC                      /* "ljust expected at least 1 argument, got 0" */
} ArgStyle;

static size_t kw_count(Obj *kwnames) {
  return kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
}

/* Positional-only arguments, MIN..MAX of them. */
static int pos_args(VM *vm, const char *name, size_t nargs, Obj *kwnames,
                    size_t min, size_t max, ArgStyle style) {
  if (kw_count(kwnames)) {
    vm_raise(vm, &Exc_TypeError, "str.%s() takes no keyword arguments", name);
    return -1;
  }
  if (nargs >= min && nargs <= max) return 0;
  if (max == 0)
    vm_raise(vm, &Exc_TypeError, "str.%s() takes no arguments (%zu given)", name,
             nargs);
  else if (min == 1 && max == 1)
    vm_raise(vm, &Exc_TypeError, "str.%s() takes exactly one argument (%zu given)",
             name, nargs);
  else if (style == ARG_GETARGS)
    vm_raise(vm, &Exc_TypeError, "%s() takes at %s %zu argument%s (%zu given)", name,
             nargs < min ? "least" : "most", nargs < min ? min : max,
             (nargs < min ? min : max) == 1 ? "" : "s", nargs);
  else
    vm_raise(vm, &Exc_TypeError, "%s expected at %s %zu argument%s, got %zu", name,
             nargs < min ? "least" : "most", nargs < min ? min : max,
             (nargs < min ? min : max) == 1 ? "" : "s", nargs);
  return -1;
}

/* Positional-or-keyword arguments NAMES[0..N), all optional. */
static int kw_args(VM *vm, const char *name, Obj *const *args, size_t nargs,
                   Obj *kwnames, const char *const *names, size_t n, Obj **out) {
  size_t nkw = kw_count(kwnames);
  for (size_t i = 0; i < n; i++) out[i] = NULL;
  if (nargs + nkw > n) {
    vm_raise(vm, &Exc_TypeError, "%s() takes at most %zu argument%s (%zu given)",
             name, n, n == 1 ? "" : "s", nargs + nkw);
    return -1;
  }
  for (size_t i = 0; i < nargs; i++) out[i] = args[i];
  for (size_t k = 0; k < nkw; k++) {
    Obj *key = TUPLE_GET(kwnames, k);
    size_t j = 0;
    while (j < n && !str_eq_cstr(key, names[j])) j++;
    if (j == n) {
      vm_raise(vm, &Exc_TypeError, "'%S' is an invalid keyword argument for %s()",
               key, name);
      return -1;
    }
    if (out[j]) {
      vm_raise(vm, &Exc_TypeError,
               "argument for %s() given by name ('%s') and position (%zu)", name,
               names[j], j + 1);
      return -1;
    }
    out[j] = args[nargs + k];
  }
  return 0;
}

/* A slice index argument: None keeps *OUT; huge ints clamp. */
static int slice_index(VM *vm, Obj *o, ssize *out) {
  if (o == None) return 0;
  if (!int_check(o) && !TYPE(o)->index) {
    vm_raise(vm, &Exc_TypeError,
             "slice indices must be integers or None or have an __index__ method");
    return -1;
  }
  Obj *i = obj_index(vm, o);
  if (!i) return -1;
  int64_t v;
  if (int_as_i64(vm, i, &v) < 0) {
    vm_exc_clear(vm);
    v = int_sign(i) < 0 ? INTPTR_MIN : INTPTR_MAX;
  }
  decref(vm, i);
  *out = (ssize)v;
  return 0;
}

/* Parse optional START and END (ARGS[0], ARGS[1] when present) against
** LEN as CPython's ADJUST_INDICES: START may end up past LEN. */
static int parse_range(VM *vm, Obj *const *args, size_t nargs, ssize len,
                       ssize *start, ssize *end) {
  *start = 0;
  *end = INTPTR_MAX;
  if (nargs > 0 && slice_index(vm, args[0], start) < 0) return -1;
  if (nargs > 1 && slice_index(vm, args[1], end) < 0) return -1;
  if (*end > len) *end = len;
  else if (*end < 0) { *end += len; if (*end < 0) *end = 0; }
  if (*start < 0) { *start += len; if (*start < 0) *start = 0; }
  return 0;
}

/* An integer argument (width, tabsize, ...). */
static int int_arg(VM *vm, Obj *o, ssize *out) {
  ssize v = obj_as_ssize(vm, o);
  if (v == -1 && vm_exc_occurred(vm)) return -1;
  *out = v;
  return 0;
}

static int need_str(VM *vm, Obj *o, const char *fmt) {
  if (str_check(o)) return 0;
  vm_raise(vm, &Exc_TypeError, fmt, obj_type_name(o));
  return -1;
}

/* Byte offset of code point I of S (I clamped to [0, len]). */
static ssize off_of(Obj *s, ssize i) {
  if (i <= 0) return 0;
  if (i >= STR_LEN(s)) return STR_NBYTES(s);
  return str_offset(s, i);
}

/* Code point index of byte offset OFF of S. */
static ssize cp_of(Obj *s, ssize off) {
  if (ASCII(s)) return off;
  const char *d = STR_UTF8(s);
  ssize n = 0;
  for (ssize i = 0; i < off; i++) n += ((unsigned char)d[i] & 0xC0) != 0x80;
  return n;
}

static ssize bfind(const char *h, ssize n, const char *needle, ssize m) {
  if (m == 0) return 0;
  if (m > n) return -1;
  const char *p = m == 1 ? memchr(h, needle[0], (size_t)n)
                         : memmem(h, (size_t)n, needle, (size_t)m);
  return p ? p - h : -1;
}

static ssize brfind(const char *h, ssize n, const char *needle, ssize m) {
  if (m == 0) return n;
  if (m > n) return -1;
  for (ssize i = n - m; i >= 0; i--)
    if (h[i] == needle[0] && memcmp(h + i, needle, (size_t)m) == 0) return i;
  return -1;
}

/* Non-overlapping occurrences, at most MAX (MAX < 0: all). */
static ssize bcount(const char *h, ssize n, const char *needle, ssize m,
                    ssize max) {
  ssize c = 0, i = 0;
  if (m == 0) return 0;
  while (max < 0 || c < max) {
    ssize k = bfind(h + i, n - i, needle, m);
    if (k < 0) break;
    c++;
    i += k + m;
  }
  return c;
}

static Obj *new_list_append(VM *vm, Obj *list, Obj *item) {
  if (!item) return NULL;
  int r = list_append(vm, list, item);
  decref(vm, item);
  return r < 0 ? NULL : list;
}

/* ------------------------------------------------------------------ */
/* Searching: find rfind index rindex count startswith endswith       */
/* ------------------------------------------------------------------ */

/* The shared part of find/rfind/index/rindex: -2 on error, -1 absent. */
static ssize find_impl(VM *vm, Obj *self, const char *name, Obj *const *args,
                       size_t nargs, Obj *kwnames, bool reverse) {
  if (pos_args(vm, name, nargs, kwnames, 1, 3, ARG_GETARGS) < 0) return -2;
  if (need_str(vm, args[0], "must be str, not %s") < 0) return -2;
  ssize start, end;
  if (parse_range(vm, args + 1, nargs - 1, STR_LEN(self), &start, &end) < 0)
    return -2;
  Obj *sub = args[0];
  if (end - start < STR_LEN(sub)) return -1;
  ssize bs = off_of(self, start), be = off_of(self, end);
  const char *d = STR_UTF8(self);
  ssize k = reverse ? brfind(d + bs, be - bs, STR_UTF8(sub), STR_NBYTES(sub))
                    : bfind(d + bs, be - bs, STR_UTF8(sub), STR_NBYTES(sub));
  if (k < 0) return -1;
  return ASCII(self) ? bs + k : start + cp_of(self, bs + k) - cp_of(self, bs);
}

static Obj *m_find(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  ssize r = find_impl(vm, self, "find", args, nargs, kwnames, false);
  return r == -2 ? NULL : int_from_i64(vm, r);
}

static Obj *m_rfind(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  ssize r = find_impl(vm, self, "rfind", args, nargs, kwnames, true);
  return r == -2 ? NULL : int_from_i64(vm, r);
}

static Obj *m_index(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  ssize r = find_impl(vm, self, "index", args, nargs, kwnames, false);
  if (r == -2) return NULL;
  if (r == -1) return vm_raise(vm, &Exc_ValueError, "substring not found");
  return int_from_i64(vm, r);
}

static Obj *m_rindex(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  ssize r = find_impl(vm, self, "rindex", args, nargs, kwnames, true);
  if (r == -2) return NULL;
  if (r == -1) return vm_raise(vm, &Exc_ValueError, "substring not found");
  return int_from_i64(vm, r);
}

static Obj *m_count(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (pos_args(vm, "count", nargs, kwnames, 1, 3, ARG_GETARGS) < 0) return NULL;
  if (need_str(vm, args[0], "must be str, not %s") < 0) return NULL;
  ssize start, end;
  if (parse_range(vm, args + 1, nargs - 1, STR_LEN(self), &start, &end) < 0)
    return NULL;
  Obj *sub = args[0];
  if (start > STR_LEN(self) || end < start) return int_from_i64(vm, 0);
  if (STR_LEN(sub) == 0) return int_from_i64(vm, end - start + 1);
  ssize bs = off_of(self, start), be = off_of(self, end);
  return int_from_i64(vm, bcount(STR_UTF8(self) + bs, be - bs, STR_UTF8(sub),
                                 STR_NBYTES(sub), -1));
}

/* Does SUB match S's code points [START, END) at the start (or the end)? */
static bool tailmatch(Obj *s, Obj *sub, ssize start, ssize end, bool at_end) {
  if (start > STR_LEN(s)) return false;
  if (end - start < STR_LEN(sub)) return false;
  if (STR_LEN(sub) == 0) return true;
  ssize m = STR_NBYTES(sub);
  ssize bs, be;
  if (at_end) {
    be = off_of(s, end);
    bs = be - m;
    if (bs < off_of(s, start)) return false;
  } else {
    bs = off_of(s, start);
    be = bs + m;
    if (be > off_of(s, end)) return false;
  }
  return memcmp(STR_UTF8(s) + bs, STR_UTF8(sub), (size_t)m) == 0;
}

static Obj *startsend(VM *vm, Obj *self, const char *name, Obj *const *args,
                      size_t nargs, Obj *kwnames, bool at_end) {
  if (pos_args(vm, name, nargs, kwnames, 1, 3, ARG_GETARGS) < 0) return NULL;
  ssize start, end;
  if (parse_range(vm, args + 1, nargs - 1, STR_LEN(self), &start, &end) < 0)
    return NULL;
  Obj *x = args[0];
  if (tuple_check(x)) {
    for (ssize i = 0; i < TUPLE_SIZE(x); i++) {
      Obj *sub = TUPLE_GET(x, i);
      if (!str_check(sub))
        return vm_raise(vm, &Exc_TypeError,
                        "tuple for %s must only contain str, not %s", name,
                        obj_type_name(sub));
      if (tailmatch(self, sub, start, end, at_end)) return bool_new(true);
    }
    return bool_new(false);
  }
  if (!str_check(x))
    return vm_raise(vm, &Exc_TypeError,
                    "%s first arg must be str or a tuple of str, not %s", name,
                    obj_type_name(x));
  return bool_new(tailmatch(self, x, start, end, at_end));
}

static Obj *m_startswith(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  return startsend(vm, self, "startswith", args, nargs, kwnames, false);
}

static Obj *m_endswith(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  return startsend(vm, self, "endswith", args, nargs, kwnames, true);
}

/* ------------------------------------------------------------------ */
/* Splitting and joining                                              */
/* ------------------------------------------------------------------ */

/* Is the code point at byte I whitespace?  Sets *LEN to its byte length. */
static inline bool space_at(const char *d, ssize i, ssize *len) {
  unsigned char c = (unsigned char)d[i];
  if (c < 0x80) {
    *len = 1;
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  }
  size_t j = (size_t)i;
  uint32_t cp = utf8_next(d, &j);
  *len = (ssize)j - i;
  return ucd_isspace(cp);
}

/* Is the code point ending at byte I (exclusive) whitespace?  *LEN its size. */
static inline bool space_before(const char *d, ssize i, ssize *len) {
  ssize j = i - 1;
  while (j > 0 && ((unsigned char)d[j] & 0xC0) == 0x80) j--;
  return space_at(d, j, len);
}

static Obj *split_ws(VM *vm, Obj *self, ssize maxsplit) {
  const char *d = STR_UTF8(self);
  ssize n = STR_NBYTES(self), i = 0, k;
  Obj *list = list_new(vm, 0);
  if (!list) return NULL;
  while (true) {
    while (i < n && space_at(d, i, &k)) i += k;
    if (i >= n) break;
    ssize a = i;
    if (maxsplit == 0) {
      /* the rest, trailing whitespace included */
      if (!new_list_append(vm, list, str_from_sub(vm, self, a, n))) goto fail;
      break;
    }
    while (i < n && !space_at(d, i, &k)) i += k;
    if (!new_list_append(vm, list, str_from_sub(vm, self, a, i))) goto fail;
    maxsplit--;
  }
  return list;
fail:
  decref(vm, list);
  return NULL;
}

static Obj *rsplit_ws(VM *vm, Obj *self, ssize maxsplit) {
  const char *d = STR_UTF8(self);
  ssize i = STR_NBYTES(self), k;
  Obj *list = list_new(vm, 0);
  if (!list) return NULL;
  while (true) {
    while (i > 0 && space_before(d, i, &k)) i -= k;
    if (i <= 0) break;
    ssize e = i;
    if (maxsplit == 0) {
      if (!new_list_append(vm, list, str_from_sub(vm, self, 0, e))) goto fail;
      break;
    }
    while (i > 0 && !space_before(d, i, &k)) i -= k;
    if (!new_list_append(vm, list, str_from_sub(vm, self, i, e))) goto fail;
    maxsplit--;
  }
  list_reverse(list);
  return list;
fail:
  decref(vm, list);
  return NULL;
}

static int split_args(VM *vm, const char *name, Obj *const *args, size_t nargs,
                      Obj *kwnames, Obj **sep, ssize *maxsplit) {
  static const char *const names[] = {"sep", "maxsplit"};
  Obj *a[2];
  if (kw_args(vm, name, args, nargs, kwnames, names, 2, a) < 0) return -1;
  *sep = a[0] && a[0] != None ? a[0] : NULL;
  *maxsplit = -1;
  if (a[1] && int_arg(vm, a[1], maxsplit) < 0) return -1;
  if (*maxsplit < 0) *maxsplit = INTPTR_MAX;
  if (*sep) {
    if (need_str(vm, *sep, "must be str or None, not %s") < 0) return -1;
    if (STR_NBYTES(*sep) == 0) {
      vm_raise(vm, &Exc_ValueError, "empty separator");
      return -1;
    }
  }
  return 0;
}

static Obj *m_split(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  Obj *sep;
  ssize maxsplit;
  if (split_args(vm, "split", args, nargs, kwnames, &sep, &maxsplit) < 0) return NULL;
  if (!sep) return split_ws(vm, self, maxsplit);
  Obj *list = list_new(vm, 0);
  if (!list) return NULL;
  const char *d = STR_UTF8(self), *s = STR_UTF8(sep);
  ssize n = STR_NBYTES(self), m = STR_NBYTES(sep), i = 0;
  while (maxsplit-- > 0) {
    ssize k = bfind(d + i, n - i, s, m);
    if (k < 0) break;
    if (!new_list_append(vm, list, str_from_sub(vm, self, i, i + k))) goto fail;
    i += k + m;
  }
  if (!new_list_append(vm, list, str_from_sub(vm, self, i, n))) goto fail;
  return list;
fail:
  decref(vm, list);
  return NULL;
}

static Obj *m_rsplit(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  Obj *sep;
  ssize maxsplit;
  if (split_args(vm, "rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0) return NULL;
  if (!sep) return rsplit_ws(vm, self, maxsplit);
  Obj *list = list_new(vm, 0);
  if (!list) return NULL;
  const char *d = STR_UTF8(self), *s = STR_UTF8(sep);
  ssize m = STR_NBYTES(sep), e = STR_NBYTES(self);
  while (maxsplit-- > 0) {
    ssize k = brfind(d, e, s, m);
    if (k < 0) break;
    if (!new_list_append(vm, list, str_from_sub(vm, self, k + m, e))) goto fail;
    e = k;
  }
  if (!new_list_append(vm, list, str_from_sub(vm, self, 0, e))) goto fail;
  list_reverse(list);
  return list;
fail:
  decref(vm, list);
  return NULL;
}

static Obj *m_splitlines(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  static const char *const names[] = {"keepends"};
  Obj *a[1];
  if (kw_args(vm, "splitlines", args, nargs, kwnames, names, 1, a) < 0) return NULL;
  ssize keep = 0;
  if (a[0]) {
    if (!int_check(a[0]) && !TYPE(a[0])->index)
      return vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      obj_type_name(a[0]));
    if (int_arg(vm, a[0], &keep) < 0) return NULL;
  }
  Obj *list = list_new(vm, 0);
  if (!list) return NULL;
  const char *d = STR_UTF8(self);
  ssize n = STR_NBYTES(self), i = 0;
  while (i < n) {
    ssize a0 = i, eol = -1, next = n;
    while (i < n) {
      unsigned char c = (unsigned char)d[i];
      ssize at = i;
      uint32_t cp;
      if (c < 0x80) { cp = c; i++; }
      else { size_t j = (size_t)i; cp = utf8_next(d, &j); i = (ssize)j; }
      if ((cp >= 0x0A && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1E) ||
          cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
        eol = at;
        if (cp == '\r' && i < n && d[i] == '\n') i++;
        next = i;
        break;
      }
    }
    if (eol < 0) { eol = n; next = n; }
    if (!new_list_append(vm, list, str_from_sub(vm, self, a0, keep ? next : eol)))
      goto fail;
    i = next;
  }
  return list;
fail:
  decref(vm, list);
  return NULL;
}

static Obj *m_join(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (pos_args(vm, "join", nargs, kwnames, 1, 1, ARG_GETARGS) < 0) return NULL;
  Obj *x = args[0];
  if (list_check(x)) return str_join(vm, self, LIST_ITEMS(x), (size_t)LIST_SIZE(x));
  if (tuple_check(x)) return str_join(vm, self, TUPLE_ITEMS(x), (size_t)TUPLE_SIZE(x));
  if (!TYPE(x)->iter && !TYPE(x)->getitem)
    return vm_raise(vm, &Exc_TypeError, "can only join an iterable");
  Obj *list = seq_to_list(vm, x);
  if (!list) return NULL;
  Obj *r = str_join(vm, self, LIST_ITEMS(list), (size_t)LIST_SIZE(list));
  decref(vm, list);
  return r;
}

static Obj *partition(VM *vm, Obj *self, const char *name, Obj *const *args,
                      size_t nargs, Obj *kwnames, bool reverse) {
  if (pos_args(vm, name, nargs, kwnames, 1, 1, ARG_CLINIC) < 0) return NULL;
  Obj *sep = args[0];
  if (need_str(vm, sep, "must be str, not %s") < 0) return NULL;
  if (STR_NBYTES(sep) == 0) return vm_raise(vm, &Exc_ValueError, "empty separator");
  ssize n = STR_NBYTES(self), m = STR_NBYTES(sep);
  ssize k = reverse ? brfind(STR_UTF8(self), n, STR_UTF8(sep), m)
                    : bfind(STR_UTF8(self), n, STR_UTF8(sep), m);
  Obj *t = tuple_new(vm, 3);
  if (!t) return NULL;
  Obj *a, *b, *c;
  if (k < 0) {
    a = reverse ? incref(vm->empty_str) : str_from_sub(vm, self, 0, n);
    b = incref(vm->empty_str);
    c = reverse ? str_from_sub(vm, self, 0, n) : incref(vm->empty_str);
  } else {
    a = str_from_sub(vm, self, 0, k);
    b = incref(sep);
    c = str_from_sub(vm, self, k + m, n);
  }
  TUPLE_ITEMS(t)[0] = a;
  TUPLE_ITEMS(t)[1] = b;
  TUPLE_ITEMS(t)[2] = c;
  if (!a || !c) {
    if (!a) TUPLE_ITEMS(t)[0] = incref(None);
    if (!c) TUPLE_ITEMS(t)[2] = incref(None);
    decref(vm, t);
    return NULL;
  }
  return t;
}

static Obj *m_partition(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  return partition(vm, self, "partition", args, nargs, kwnames, false);
}

static Obj *m_rpartition(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  return partition(vm, self, "rpartition", args, nargs, kwnames, true);
}

/* ------------------------------------------------------------------ */
/* Stripping                                                          */
/* ------------------------------------------------------------------ */

/* Which side(s) to strip. */
#define STRIP_LEFT 1
#define STRIP_RIGHT 2

static bool in_chars(Obj *chars, uint32_t cp) {
  const char *d = STR_UTF8(chars);
  size_t n = (size_t)STR_NBYTES(chars), i = 0;
  if (cp < 0x80) return memchr(d, (int)cp, n) != NULL;
  while (i < n)
    if (utf8_next(d, &i) == cp) return true;
  return false;
}

static Obj *strip_impl(VM *vm, Obj *self, const char *name, Obj *const *args,
                       size_t nargs, Obj *kwnames, int sides) {
  if (pos_args(vm, name, nargs, kwnames, 0, 1, ARG_CLINIC) < 0) return NULL;
  Obj *chars = nargs && args[0] != None ? args[0] : NULL;
  if (chars && !str_check(chars))
    return vm_raise(vm, &Exc_TypeError, "%s arg must be None or str", name);
  const char *d = STR_UTF8(self);
  ssize a = 0, e = STR_NBYTES(self);
  if (sides & STRIP_LEFT) {
    while (a < e) {
      size_t j = (size_t)a;
      uint32_t cp = utf8_next(d, &j);
      if (chars ? !in_chars(chars, cp) : !ucd_isspace(cp)) break;
      a = (ssize)j;
    }
  }
  if (sides & STRIP_RIGHT) {
    while (e > a) {
      ssize j = e - 1;
      while (j > a && ((unsigned char)d[j] & 0xC0) == 0x80) j--;
      size_t jj = (size_t)j;
      uint32_t cp = utf8_next(d, &jj);
      if (chars ? !in_chars(chars, cp) : !ucd_isspace(cp)) break;
      e = j;
    }
  }
  return str_from_sub(vm, self, a, e);
}

static Obj *m_strip(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return strip_impl(vm, self, "strip", args, nargs, kwnames, STRIP_LEFT | STRIP_RIGHT);
}

static Obj *m_lstrip(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return strip_impl(vm, self, "lstrip", args, nargs, kwnames, STRIP_LEFT);
}

static Obj *m_rstrip(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return strip_impl(vm, self, "rstrip", args, nargs, kwnames, STRIP_RIGHT);
}

static Obj *m_removeprefix(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  if (pos_args(vm, "removeprefix", nargs, kwnames, 1, 1, ARG_CLINIC) < 0) return NULL;
  Obj *p = args[0];
  if (need_str(vm, p, "removeprefix() argument must be str, not %s") < 0) return NULL;
  ssize n = STR_NBYTES(self), m = STR_NBYTES(p);
  if (m <= n && memcmp(STR_UTF8(self), STR_UTF8(p), (size_t)m) == 0)
    return str_from_sub(vm, self, m, n);
  return str_from_sub(vm, self, 0, n);
}

static Obj *m_removesuffix(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  if (pos_args(vm, "removesuffix", nargs, kwnames, 1, 1, ARG_CLINIC) < 0) return NULL;
  Obj *p = args[0];
  if (need_str(vm, p, "removesuffix() argument must be str, not %s") < 0) return NULL;
  ssize n = STR_NBYTES(self), m = STR_NBYTES(p);
  if (m && m <= n && memcmp(STR_UTF8(self) + n - m, STR_UTF8(p), (size_t)m) == 0)
    return str_from_sub(vm, self, 0, n - m);
  return str_from_sub(vm, self, 0, n);
}

/* ------------------------------------------------------------------ */
/* replace                                                            */
/* ------------------------------------------------------------------ */

static Obj *m_replace(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                     Obj *kwnames) {
  if (pos_args(vm, "replace", nargs, kwnames, 2, 3, ARG_CLINIC) < 0) return NULL;
  Obj *old = args[0], *new_ = args[1];
  if (need_str(vm, old, "replace() argument 1 must be str, not %s") < 0) return NULL;
  if (need_str(vm, new_, "replace() argument 2 must be str, not %s") < 0) return NULL;
  ssize count = -1;
  if (nargs > 2 && int_arg(vm, args[2], &count) < 0) return NULL;
  const char *d = STR_UTF8(self), *o = STR_UTF8(old), *w = STR_UTF8(new_);
  ssize n = STR_NBYTES(self), m = STR_NBYTES(old), k = STR_NBYTES(new_);
  StrBuf b;
  sb_init(&b);
  if (m == 0) {
    /* insert NEW before every code point and at the end */
    ssize i = 0, done = 0;
    while (count < 0 || done < count) {
      if (sb_add(vm, &b, w, (size_t)k) < 0) goto fail;
      done++;
      if (i >= n) break;
      ssize j = i + 1;
      while (j < n && ((unsigned char)d[j] & 0xC0) == 0x80) j++;
      if (sb_add(vm, &b, d + i, (size_t)(j - i)) < 0) goto fail;
      i = j;
    }
    if (i < n && sb_add(vm, &b, d + i, (size_t)(n - i)) < 0) goto fail;
    return sb_finish(vm, &b);
  }
  sb_free(&b);
  /* count first, then build the result in place: its size is known */
  ssize found = 0;
  if (m == 1) {
    /* a plain byte loop beats memchr calls on the usual short strings */
    if (count < 0)
      for (ssize j = 0; j < n; j++) found += d[j] == o[0];
    else
      for (ssize j = 0; j < n && found < count; j++) found += d[j] == o[0];
  } else {
    found = bcount(d, n, o, m, count);
  }
  if (found == 0) return str_from_sub(vm, self, 0, n);
  size_t size = (size_t)(n + found * (k - m));
  Obj *r = str_new_uninit(vm, size, STR_LEN(self) + found * (STR_LEN(new_) - STR_LEN(old)),
                          ASCII(self) && ASCII(new_));
  if (!r) return NULL;
  char *out = STR_UTF8(r);
  ssize i = 0;
  if (m == 1 && k == 1) {
    ssize done = 0;
    for (; i < n && done < found; i++) {
      char c = d[i];
      if (c == o[0]) { c = w[0]; done++; }
      out[i] = c;
    }
    memcpy(out + i, d + i, (size_t)(n - i));
    /* a one-byte OLD is ASCII: the result's flag is SELF's */
    return r;
  }
  for (ssize done = 0; done < found; done++) {
    ssize f = bfind(d + i, n - i, o, m);
    memcpy(out, d + i, (size_t)f);
    out += f;
    memcpy(out, w, (size_t)k);
    out += k;
    i += f + m;
  }
  memcpy(out, d + i, (size_t)(n - i));
  if (!ASCII(self) && ASCII(new_)) {
    /* replacing every non-ASCII code point may leave an ASCII string */
    bool all = true;
    for (size_t j = 0; j < size && all; j++) all = (unsigned char)STR_UTF8(r)[j] < 0x80;
    ((StrObj *)r)->ascii = all;
  }
  return r;
fail:
  sb_free(&b);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Case                                                               */
/* ------------------------------------------------------------------ */

/* Decode the whole of S into code points (VMINTERNAL block of *N). */
static uint32_t *decode_all(VM *vm, Obj *s, ssize *n) {
  ssize len = STR_LEN(s);
  uint32_t *cps = ht_alloc(HT_TAG_VMINTERNAL, (size_t)(len ? len : 1) * sizeof(uint32_t));
  if (!cps) { vm_raise_nomem(vm); return NULL; }
  const char *d = STR_UTF8(s);
  size_t i = 0;
  for (ssize k = 0; k < len; k++) cps[k] = utf8_next(d, &i);
  *n = len;
  return cps;
}

static void free_cps(uint32_t *cps, ssize n) {
  ht_free(HT_TAG_VMINTERNAL, cps, (size_t)(n ? n : 1) * sizeof(uint32_t));
}

/* Capital sigma at I lowercases to final sigma when a cased letter precedes
** it and none follows, case-ignorable code points skipped (CPython's rule). */
static uint32_t lower_sigma(const uint32_t *cps, ssize n, ssize i) {
  ssize j = i - 1;
  while (j >= 0 && ucd_iscaseignorable(cps[j])) j--;
  bool final = j >= 0 && ucd_iscased(cps[j]);
  if (final) {
    j = i + 1;
    while (j < n && ucd_iscaseignorable(cps[j])) j++;
    final = j == n || !ucd_iscased(cps[j]);
  }
  return final ? 0x3C2 : 0x3C3;
}

typedef enum CaseOp { C_UPPER, C_LOWER, C_SWAP, C_TITLE, C_CAPITALIZE, C_FOLD } CaseOp;

static int add_mapped(VM *vm, StrBuf *b, const uint32_t *out, int k) {
  for (int i = 0; i < k; i++)
    if (sb_addcp(vm, b, out[i]) < 0) return -1;
  return 0;
}

static int add_lower(VM *vm, StrBuf *b, const uint32_t *cps, ssize n, ssize i) {
  uint32_t out[3];
  if (cps[i] == 0x3A3) { out[0] = lower_sigma(cps, n, i); return add_mapped(vm, b, out, 1); }
  return add_mapped(vm, b, out, ucd_tolower(cps[i], out));
}

static Obj *case_ascii(VM *vm, Obj *self, CaseOp op) {
  ssize n = STR_NBYTES(self);
  Obj *r = str_new_uninit(vm, (size_t)n, n, true);
  if (!r) return NULL;
  const unsigned char *d = (const unsigned char *)STR_UTF8(self);
  char *w = STR_UTF8(r);
  bool prev_cased = false;
  for (ssize i = 0; i < n; i++) {
    unsigned c = d[i];
    bool up = c - 'A' < 26, lo = c - 'a' < 26;
    switch (op) {
    case C_UPPER: if (lo) c -= 32; break;
    case C_LOWER: case C_FOLD: if (up) c += 32; break;
    case C_SWAP: if (lo) c -= 32; else if (up) c += 32; break;
    case C_TITLE:
      if (prev_cased) { if (up) c += 32; }
      else if (lo) c -= 32;
      prev_cased = up || lo;
      break;
    case C_CAPITALIZE:
      if (i == 0) { if (lo) c -= 32; }
      else if (up) c += 32;
      break;
    }
    w[i] = (char)c;
  }
  return r;
}

static Obj *case_impl(VM *vm, Obj *self, const char *name, size_t nargs,
                      Obj *kwnames, CaseOp op) {
  if (pos_args(vm, name, nargs, kwnames, 0, 0, ARG_CLINIC) < 0) return NULL;
  if (ASCII(self)) return case_ascii(vm, self, op);
  ssize n;
  uint32_t *cps = decode_all(vm, self, &n);
  if (!cps) return NULL;
  StrBuf b;
  sb_init(&b);
  bool prev_cased = false;
  uint32_t out[3];
  int r = 0;
  for (ssize i = 0; i < n && r == 0; i++) {
    uint32_t c = cps[i];
    switch (op) {
    case C_UPPER: r = add_mapped(vm, &b, out, ucd_toupper(c, out)); break;
    case C_LOWER: r = add_lower(vm, &b, cps, n, i); break;
    case C_FOLD: r = add_mapped(vm, &b, out, ucd_tofold(c, out)); break;
    case C_SWAP:
      if (ucd_isupper(c)) r = add_lower(vm, &b, cps, n, i);
      else if (ucd_islower(c)) r = add_mapped(vm, &b, out, ucd_toupper(c, out));
      else r = sb_addcp(vm, &b, c);
      break;
    case C_TITLE:
      if (prev_cased) r = add_lower(vm, &b, cps, n, i);
      else r = add_mapped(vm, &b, out, ucd_totitle(c, out));
      prev_cased = ucd_iscased(c);
      break;
    case C_CAPITALIZE:
      if (i == 0) r = add_mapped(vm, &b, out, ucd_totitle(c, out));
      else r = add_lower(vm, &b, cps, n, i);
      break;
    }
  }
  free_cps(cps, n);
  if (r < 0) { sb_free(&b); return NULL; }
  return sb_finish(vm, &b);
}

#define CASE_METHOD(fn, name, op)                                          \
  static Obj *fn(VM *vm, Obj *self, Obj *const *args, size_t nargs,        \
                 Obj *kwnames) {                                           \
    return case_impl(vm, self, name, nargs, kwnames, op);                  \
  }
CASE_METHOD(m_upper, "upper", C_UPPER)
CASE_METHOD(m_lower, "lower", C_LOWER)
CASE_METHOD(m_swapcase, "swapcase", C_SWAP)
CASE_METHOD(m_title, "title", C_TITLE)
CASE_METHOD(m_capitalize, "capitalize", C_CAPITALIZE)
CASE_METHOD(m_casefold, "casefold", C_FOLD)

/* ------------------------------------------------------------------ */
/* Predicates                                                         */
/* ------------------------------------------------------------------ */

typedef bool (*cppred)(uint32_t);

static bool p_alnum(uint32_t c) {
  return ucd_isalpha(c) || ucd_isdecimal(c) || ucd_isdigit(c) || ucd_isnumeric(c);
}

/* True when S is non-empty (or EMPTY_OK) and every code point passes. */
static Obj *all_pred(VM *vm, Obj *self, const char *name, size_t nargs,
                     Obj *kwnames, cppred pred, bool empty_ok) {
  if (pos_args(vm, name, nargs, kwnames, 0, 0, ARG_CLINIC) < 0) return NULL;
  const char *d = STR_UTF8(self);
  size_t n = (size_t)STR_NBYTES(self), i = 0;
  if (n == 0) return bool_new(empty_ok);
  while (i < n)
    if (!pred(utf8_next(d, &i))) return bool_new(false);
  return bool_new(true);
}

#define PRED_METHOD(fn, name, pred, empty_ok)                              \
  static Obj *fn(VM *vm, Obj *self, Obj *const *args, size_t nargs,        \
                 Obj *kwnames) {                                           \
    return all_pred(vm, self, name, nargs, kwnames, pred, empty_ok);       \
  }
PRED_METHOD(m_isalpha, "isalpha", ucd_isalpha, false)
PRED_METHOD(m_isalnum, "isalnum", p_alnum, false)
PRED_METHOD(m_isdecimal, "isdecimal", ucd_isdecimal, false)
PRED_METHOD(m_isdigit, "isdigit", ucd_isdigit, false)
PRED_METHOD(m_isnumeric, "isnumeric", ucd_isnumeric, false)
PRED_METHOD(m_isspace, "isspace", ucd_isspace, false)
PRED_METHOD(m_isprintable, "isprintable", ucd_isprintable, true)

static Obj *m_isascii(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                      Obj *kwnames) {
  if (pos_args(vm, "isascii", nargs, kwnames, 0, 0, ARG_CLINIC) < 0) return NULL;
  return bool_new(ASCII(self));
}

/* isupper / islower: no cased code point of the other case, and one cased. */
static Obj *case_pred(VM *vm, Obj *self, const char *name, size_t nargs,
                      Obj *kwnames, bool upper) {
  if (pos_args(vm, name, nargs, kwnames, 0, 0, ARG_CLINIC) < 0) return NULL;
  const char *d = STR_UTF8(self);
  size_t n = (size_t)STR_NBYTES(self), i = 0;
  bool cased = false;
  while (i < n) {
    uint32_t c = utf8_next(d, &i);
    if (upper ? (ucd_islower(c) || ucd_istitle(c)) : (ucd_isupper(c) || ucd_istitle(c)))
      return bool_new(false);
    if (!cased && (upper ? ucd_isupper(c) : ucd_islower(c))) cased = true;
  }
  return bool_new(cased);
}

static Obj *m_isupper(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                      Obj *kwnames) {
  return case_pred(vm, self, "isupper", nargs, kwnames, true);
}

static Obj *m_islower(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                      Obj *kwnames) {
  return case_pred(vm, self, "islower", nargs, kwnames, false);
}

static Obj *m_istitle(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                      Obj *kwnames) {
  if (pos_args(vm, "istitle", nargs, kwnames, 0, 0, ARG_CLINIC) < 0) return NULL;
  const char *d = STR_UTF8(self);
  size_t n = (size_t)STR_NBYTES(self), i = 0;
  bool cased = false, prev = false;
  while (i < n) {
    uint32_t c = utf8_next(d, &i);
    if (ucd_isupper(c) || ucd_istitle(c)) {
      if (prev) return bool_new(false);
      prev = cased = true;
    } else if (ucd_islower(c)) {
      if (!prev) return bool_new(false);
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return bool_new(cased);
}

static Obj *m_isidentifier(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  if (pos_args(vm, "isidentifier", nargs, kwnames, 0, 0, ARG_CLINIC) < 0) return NULL;
  const char *d = STR_UTF8(self);
  size_t n = (size_t)STR_NBYTES(self), i = 0;
  if (n == 0) return bool_new(false);
  if (!ucd_isxidstart(utf8_next(d, &i))) return bool_new(false);
  while (i < n)
    if (!ucd_isxidcontinue(utf8_next(d, &i))) return bool_new(false);
  return bool_new(true);
}

/* ------------------------------------------------------------------ */
/* Padding: center ljust rjust zfill expandtabs                       */
/* ------------------------------------------------------------------ */

static Obj *pad(VM *vm, Obj *self, ssize left, ssize right, uint32_t fill) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return str_from_sub(vm, self, 0, STR_NBYTES(self));
  StrBuf b;
  sb_init(&b);
  if (sb_fill(vm, &b, fill, left) < 0 || sb_addstr(vm, &b, self) < 0 ||
      sb_fill(vm, &b, fill, right) < 0) {
    sb_free(&b);
    return NULL;
  }
  return sb_finish(vm, &b);
}

static Obj *justify(VM *vm, Obj *self, const char *name, Obj *const *args,
                    size_t nargs, Obj *kwnames, int how) {
  if (pos_args(vm, name, nargs, kwnames, 1, 2, ARG_CLINIC) < 0) return NULL;
  ssize width;
  if (int_arg(vm, args[0], &width) < 0) return NULL;
  uint32_t fill = ' ';
  if (nargs > 1) {
    if (!str_check(args[1]))
      return vm_raise(vm, &Exc_TypeError,
                      "The fill character must be a unicode character, not %s",
                      obj_type_name(args[1]));
    if (STR_LEN(args[1]) != 1)
      return vm_raise(vm, &Exc_TypeError,
                      "The fill character must be exactly one character long");
    fill = str_char_at(args[1], 0);
  }
  ssize len = STR_LEN(self), marg = width - len;
  if (marg <= 0) return str_from_sub(vm, self, 0, STR_NBYTES(self));
  if (how < 0) return pad(vm, self, 0, marg, fill);
  if (how > 0) return pad(vm, self, marg, 0, fill);
  ssize left = marg / 2 + (marg & width & 1);
  return pad(vm, self, left, marg - left, fill);
}

static Obj *m_center(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return justify(vm, self, "center", args, nargs, kwnames, 0);
}

static Obj *m_ljust(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return justify(vm, self, "ljust", args, nargs, kwnames, -1);
}

static Obj *m_rjust(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return justify(vm, self, "rjust", args, nargs, kwnames, 1);
}

static Obj *m_zfill(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (pos_args(vm, "zfill", nargs, kwnames, 1, 1, ARG_CLINIC) < 0) return NULL;
  ssize width;
  if (int_arg(vm, args[0], &width) < 0) return NULL;
  ssize len = STR_LEN(self);
  if (width <= len) return str_from_sub(vm, self, 0, STR_NBYTES(self));
  ssize fill = width - len;
  const char *d = STR_UTF8(self);
  StrBuf b;
  sb_init(&b);
  ssize skip = 0;
  if (STR_NBYTES(self) && (d[0] == '+' || d[0] == '-')) {
    sb_addc(vm, &b, d[0]);
    skip = 1;
  }
  if (sb_fill(vm, &b, '0', fill) < 0 ||
      sb_add(vm, &b, d + skip, (size_t)(STR_NBYTES(self) - skip)) < 0) {
    sb_free(&b);
    return NULL;
  }
  return sb_finish(vm, &b);
}

static Obj *m_expandtabs(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  static const char *const names[] = {"tabsize"};
  Obj *a[1];
  if (kw_args(vm, "expandtabs", args, nargs, kwnames, names, 1, a) < 0) return NULL;
  ssize tab = 8;
  if (a[0] && int_arg(vm, a[0], &tab) < 0) return NULL;
  const char *d = STR_UTF8(self);
  ssize n = STR_NBYTES(self), col = 0;
  if (!memchr(d, '\t', (size_t)n)) return str_from_sub(vm, self, 0, n);
  StrBuf b;
  sb_init(&b);
  for (ssize i = 0; i < n; i++) {
    char c = d[i];
    int r;
    if (c == '\t') {
      if (tab > 0) {
        ssize k = tab - col % tab;
        r = sb_fill(vm, &b, ' ', k);
        col += k;
      } else {
        r = 0;
      }
    } else {
      r = sb_addc(vm, &b, c);
      if (c == '\n' || c == '\r') col = 0;
      else if (((unsigned char)c & 0xC0) != 0x80) col++;
    }
    if (r < 0) { sb_free(&b); return NULL; }
  }
  return sb_finish(vm, &b);
}

/* ------------------------------------------------------------------ */
/* encode, maketrans, translate                                       */
/* ------------------------------------------------------------------ */

static Obj *m_encode(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                     Obj *kwnames) {
  static const char *const names[] = {"encoding", "errors"};
  Obj *a[2];
  if (kw_args(vm, "encode", args, nargs, kwnames, names, 2, a) < 0) return NULL;
  for (int i = 0; i < 2; i++)
    if (a[i] && !str_check(a[i]))
      return vm_raise(vm, &Exc_TypeError, "encode() argument '%s' must be str, not %s",
                      names[i], obj_type_name(a[i]));
  return str_encode(vm, self, a[0] ? STR_UTF8(a[0]) : "utf-8",
                    a[1] ? STR_UTF8(a[1]) : "strict");
}

static Obj *m_maketrans(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  if (pos_args(vm, "maketrans", nargs, kwnames, 1, 3, ARG_CLINIC) < 0) return NULL;
  Obj *d = dict_new(vm);
  if (!d) return NULL;
  Obj *x = args[0];
  if (nargs == 1) {
    if (!dict_check(x)) {
      decref(vm, d);
      return vm_raise(vm, &Exc_TypeError,
                      "if you give only one argument to maketrans it must be a dict");
    }
    ssize pos = 0;
    Obj *k, *v;
    while (dict_next(x, &pos, &k, &v)) {
      Obj *key;
      if (str_check(k)) {
        if (STR_LEN(k) != 1) {
          decref(vm, d);
          return vm_raise(vm, &Exc_ValueError,
                          "string keys in translate table must be of length 1");
        }
        key = int_from_i64(vm, str_char_at(k, 0));
      } else if (int_check(k)) {
        key = incref(k);
      } else {
        decref(vm, d);
        return vm_raise(vm, &Exc_TypeError,
                        "keys in translate table must be strings or integers");
      }
      if (!key || dict_set(vm, d, key, v) < 0) {
        xdecref(vm, key);
        decref(vm, d);
        return NULL;
      }
      decref(vm, key);
    }
    return d;
  }
  Obj *y = args[1];
  if (!str_check(x)) {
    decref(vm, d);
    return vm_raise(vm, &Exc_TypeError, "maketrans() argument 1 must be str, not %s",
                    obj_type_name(x));
  }
  if (!str_check(y)) {
    decref(vm, d);
    return vm_raise(vm, &Exc_TypeError, "maketrans() argument 2 must be str, not %s",
                    obj_type_name(y));
  }
  if (STR_LEN(x) != STR_LEN(y)) {
    decref(vm, d);
    return vm_raise(vm, &Exc_ValueError,
                    "the first two maketrans arguments must have equal length");
  }
  size_t i = 0, j = 0;
  for (ssize k = 0; k < STR_LEN(x); k++) {
    Obj *kk = int_from_i64(vm, utf8_next(STR_UTF8(x), &i));
    Obj *vv = int_from_i64(vm, utf8_next(STR_UTF8(y), &j));
    int r = kk && vv ? dict_set(vm, d, kk, vv) : -1;
    xdecref(vm, kk);
    xdecref(vm, vv);
    if (r < 0) { decref(vm, d); return NULL; }
  }
  if (nargs > 2) {
    Obj *z = args[2];
    if (!str_check(z)) {
      decref(vm, d);
      return vm_raise(vm, &Exc_TypeError, "maketrans() argument 3 must be str, not %s",
                      obj_type_name(z));
    }
    i = 0;
    for (ssize k = 0; k < STR_LEN(z); k++) {
      Obj *kk = int_from_i64(vm, utf8_next(STR_UTF8(z), &i));
      int r = kk ? dict_set(vm, d, kk, None) : -1;
      xdecref(vm, kk);
      if (r < 0) { decref(vm, d); return NULL; }
    }
  }
  return d;
}

static Obj *m_translate(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  if (pos_args(vm, "translate", nargs, kwnames, 1, 1, ARG_CLINIC) < 0) return NULL;
  Obj *table = args[0];
  const char *d = STR_UTF8(self);
  size_t n = (size_t)STR_NBYTES(self), i = 0;
  StrBuf b;
  sb_init(&b);
  while (i < n) {
    size_t at = i;
    uint32_t cp = utf8_next(d, &i);
    Obj *key = int_from_i64(vm, cp);
    if (!key) goto fail;
    Obj *v = obj_getitem(vm, table, key);
    decref(vm, key);
    if (!v) {
      if (!vm_exc_matches(vm, &Exc_LookupError)) goto fail;
      vm_exc_clear(vm);
      if (sb_add(vm, &b, d + at, i - at) < 0) goto fail;
      continue;
    }
    int r = 0;
    if (v == None) {
      /* deleted */
    } else if (int_check(v)) {
      int64_t c;
      if (int_as_i64(vm, v, &c) < 0 || c < 0 || c >= 0x110000) {
        vm_exc_clear(vm);
        decref(vm, v);
        vm_raise(vm, &Exc_ValueError, "character mapping must be in range(0x110000)");
        goto fail;
      }
      r = sb_addcp(vm, &b, (uint32_t)c);
    } else if (str_check(v)) {
      r = sb_addstr(vm, &b, v);
    } else {
      decref(vm, v);
      vm_raise(vm, &Exc_TypeError, "character mapping must return integer, None or str");
      goto fail;
    }
    decref(vm, v);
    if (r < 0) goto fail;
  }
  return sb_finish(vm, &b);
fail:
  sb_free(&b);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Dunders with no slot                                               */
/* ------------------------------------------------------------------ */

static Obj *m_getnewargs(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  if (pos_args(vm, "__getnewargs__", nargs, kwnames, 0, 0, ARG_CLINIC) < 0) return NULL;
  Obj *s = str_from_sub(vm, self, 0, STR_NBYTES(self));
  if (!s) return NULL;
  Obj *t = tuple_pack(vm, 1, s);
  decref(vm, s);
  return t;
}

static Obj *m_sizeof(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                     Obj *kwnames) {
  if (pos_args(vm, "__sizeof__", nargs, kwnames, 0, 0, ARG_CLINIC) < 0) return NULL;
  return int_from_i64(vm, (int64_t)TYPE(self)->sizeof_(self));
}

const MethodDef str_methods[] = {
  {"encode", m_encode, 0},
  {"replace", m_replace, 0},
  {"split", m_split, 0},
  {"rsplit", m_rsplit, 0},
  {"join", m_join, 0},
  {"capitalize", m_capitalize, 0},
  {"casefold", m_casefold, 0},
  {"title", m_title, 0},
  {"center", m_center, 0},
  {"count", m_count, 0},
  {"expandtabs", m_expandtabs, 0},
  {"find", m_find, 0},
  {"partition", m_partition, 0},
  {"index", m_index, 0},
  {"ljust", m_ljust, 0},
  {"lower", m_lower, 0},
  {"lstrip", m_lstrip, 0},
  {"rfind", m_rfind, 0},
  {"rindex", m_rindex, 0},
  {"rjust", m_rjust, 0},
  {"rstrip", m_rstrip, 0},
  {"rpartition", m_rpartition, 0},
  {"splitlines", m_splitlines, 0},
  {"strip", m_strip, 0},
  {"swapcase", m_swapcase, 0},
  {"translate", m_translate, 0},
  {"upper", m_upper, 0},
  {"startswith", m_startswith, 0},
  {"endswith", m_endswith, 0},
  {"removeprefix", m_removeprefix, 0},
  {"removesuffix", m_removesuffix, 0},
  {"isascii", m_isascii, 0},
  {"islower", m_islower, 0},
  {"isupper", m_isupper, 0},
  {"istitle", m_istitle, 0},
  {"isspace", m_isspace, 0},
  {"isdecimal", m_isdecimal, 0},
  {"isdigit", m_isdigit, 0},
  {"isnumeric", m_isnumeric, 0},
  {"isalpha", m_isalpha, 0},
  {"isalnum", m_isalnum, 0},
  {"isidentifier", m_isidentifier, 0},
  {"isprintable", m_isprintable, 0},
  {"zfill", m_zfill, 0},
  {"format", str_m_format, 0},
  {"format_map", str_m_format_map, 0},
  {"__format__", str_m___format__, 0},
  {"maketrans", m_maketrans, METH_STATIC},
  {"__sizeof__", m_sizeof, 0},
  {"__getnewargs__", m_getnewargs, 0},
  {NULL, NULL, 0}
};
