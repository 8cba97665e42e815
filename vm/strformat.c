/*
** strformat.c -- formatting text: format(value, spec) (obj_format), the
** format-spec mini-language for str, str.format / str.format_map, and
** printf-style `str % args`.
**
** The work is split as in CPython.  obj_format() dispatches on the value's
** type: str is formatted here, int and bool by the numbers component's
** int_format(), float by float_format(); any other type's __format__ is
** called, and object's default accepts only an empty spec (then str()).
** The numeric conversions of `%` (%d %x %e ...) go to num_percent_format(),
** which owns the digits, signs and padding of numbers; %s %r %a %c and the
** argument walking (tuples, mappings, `*`) are here.
**
** All the syntax of format strings and specs is ASCII, so parsing works on
** the UTF-8 bytes; only widths and precisions count code points.  Error
** texts follow CPython 3.11's (Objects/stringlib/unicode_format.h,
** Python/formatter_unicode.c, Objects/unicodeobject.c).
*/
#define _GNU_SOURCE 1   /* memmem */
#include <string.h>

#include "vm.h"
#include "str.h"
#include "int.h"
#include "floatobj.h"

/* ------------------------------------------------------------------ */
/* The format-spec mini-language (for str)                            */
/* ------------------------------------------------------------------ */

typedef struct FmtSpec {
  uint32_t fill;                  /* fill code point */
  char align;                     /* '<' '>' '^' '=' */
  char sign;                      /* '+' '-' ' ' or 0 */
  bool no_neg_0;                  /* 'z' */
  bool alternate;                 /* '#' */
  ssize width;                    /* -1 when absent */
  char thousands;                 /* ',' '_' or 0 */
  ssize precision;                /* -1 when absent */
  uint32_t type;                  /* presentation type code point */
} FmtSpec;

static bool is_align(uint32_t c) {
  return c == '<' || c == '>' || c == '=' || c == '^';
}

/* Read a decimal integer at S[*I] (Unicode decimal digits); returns the
** number of digits, or -1 with ValueError on overflow. */
static ssize read_int(VM *vm, const char *s, size_t n, size_t *i, ssize *out) {
  ssize v = 0, count = 0;
  while (*i < n) {
    size_t j = *i;
    uint32_t c = utf8_next(s, &j);
    int d = ucd_decimal_value(c);
    if (d < 0) break;
    if (v > (INTPTR_MAX - d) / 10) {
      vm_raise(vm, &Exc_ValueError, "Too many decimal digits in format string");
      return -1;
    }
    v = v * 10 + d;
    *i = j;
    count++;
  }
  *out = v;
  return count;
}

/* Describe code point C in a message as CPython does: 'c' or '\xNN'. */
static void code_text(uint32_t c, char *buf, size_t size) {
  if (c > 32 && c < 128) snprintf(buf, size, "%c", (char)c);
  else snprintf(buf, size, "\\x%x", (unsigned)c);
}

static int parse_spec(VM *vm, Obj *value, const char *s, size_t n, FmtSpec *f,
                      uint32_t default_type, char default_align) {
  f->fill = ' ';
  f->align = default_align;
  f->sign = 0;
  f->no_neg_0 = false;
  f->alternate = false;
  f->width = -1;
  f->thousands = 0;
  f->precision = -1;
  f->type = default_type;
  bool fill_given = false, align_given = false;
  size_t i = 0;
  /* [[fill]align] */
  if (n > 0) {
    size_t j = 0;
    uint32_t c0 = utf8_next(s, &j);
    if (j < n && is_align((unsigned char)s[j])) {
      f->fill = c0;
      f->align = s[j];
      fill_given = align_given = true;
      i = j + 1;
    } else if (is_align(c0)) {
      f->align = (char)c0;
      align_given = true;
      i = 1;
    }
  }
  if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) f->sign = s[i++];
  if (i < n && s[i] == 'z') { f->no_neg_0 = true; i++; }
  if (i < n && s[i] == '#') { f->alternate = true; i++; }
  if (!fill_given && i < n && s[i] == '0') {
    f->fill = '0';
    if (!align_given && default_align == '>') f->align = '=';
    i++;
  }
  ssize consumed = read_int(vm, s, n, &i, &f->width);
  if (consumed < 0) return -1;
  if (consumed == 0) f->width = -1;
  if (i < n && s[i] == ',') { f->thousands = ','; i++; }
  if (i < n && s[i] == '_') {
    if (f->thousands) {
      vm_raise(vm, &Exc_ValueError, "Cannot specify both ',' and '_'.");
      return -1;
    }
    f->thousands = '_';
    i++;
  }
  if (i < n && s[i] == ',' && f->thousands == '_') {
    vm_raise(vm, &Exc_ValueError, "Cannot specify both ',' and '_'.");
    return -1;
  }
  if (i < n && s[i] == '.') {
    i++;
    consumed = read_int(vm, s, n, &i, &f->precision);
    if (consumed < 0) return -1;
    if (consumed == 0) {
      vm_raise(vm, &Exc_ValueError, "Format specifier missing precision");
      return -1;
    }
  }
  if (i < n) {
    size_t j = i;
    f->type = utf8_next(s, &j);
    if (j < n) {
      Obj *t = str_new(vm, s, n);
      if (t) {
        vm_raise(vm, &Exc_ValueError,
                 "Invalid format specifier '%S' for object of type '%s'", t,
                 obj_type_name(value));
        decref(vm, t);
      }
      return -1;
    }
  }
  if (f->thousands) {
    switch (f->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%':
    case 'F': case 0:
      break;
    case 'b': case 'o': case 'x': case 'X':
      if (f->thousands == '_') break;
      /* fall through */
    default: {
      char buf[16];
      code_text(f->type, buf, sizeof buf);
      vm_raise(vm, &Exc_ValueError, "Cannot specify '%c' with '%s'.", f->thousands,
               buf);
      return -1;
    }
    }
  }
  return 0;
}

/* Append S (LEN code points, BYTES bytes) padded to F's width. */
static int pad_to(VM *vm, StrBuf *b, const char *s, size_t bytes, ssize len,
                  const FmtSpec *f) {
  ssize total = f->width > len ? f->width : len, left;
  if (f->align == '>') left = total - len;
  else if (f->align == '^') left = (total - len) / 2;
  else left = 0;
  if (sb_fill(vm, b, f->fill, left) < 0 || sb_add(vm, b, s, bytes) < 0 ||
      sb_fill(vm, b, f->fill, total - len - left) < 0)
    return -1;
  return 0;
}

Obj *str_format_spec(VM *vm, Obj *s, const char *spec, size_t n) {
  if (n == 0) {
    if (obj_is(s, &Str_Type)) return incref(s);
    return str_new_trusted(vm, STR_UTF8(s), (size_t)STR_NBYTES(s));
  }
  FmtSpec f;
  if (parse_spec(vm, s, spec, n, &f, 's', '<') < 0) return NULL;
  if (f.type != 's') {
    char buf[16];
    code_text(f.type, buf, sizeof buf);
    return vm_raise(vm, &Exc_ValueError,
                    "Unknown format code '%s' for object of type '%s'", buf,
                    obj_type_name(s));
  }
  if (f.sign == ' ')
    return vm_raise(vm, &Exc_ValueError, "Space not allowed in string format specifier");
  if (f.sign)
    return vm_raise(vm, &Exc_ValueError, "Sign not allowed in string format specifier");
  if (f.no_neg_0)
    return vm_raise(vm, &Exc_ValueError,
                    "Negative zero coercion (z) not allowed in string format specifier");
  if (f.alternate)
    return vm_raise(vm, &Exc_ValueError,
                    "Alternate form (#) not allowed in string format specifier");
  if (f.align == '=')
    return vm_raise(vm, &Exc_ValueError,
                    "'=' alignment not allowed in string format specifier");
  ssize len = STR_LEN(s);
  size_t bytes = (size_t)STR_NBYTES(s);
  if (f.precision >= 0 && len > f.precision) {
    len = f.precision;
    bytes = (size_t)str_offset(s, len);
  }
  if (f.width <= len && bytes == (size_t)STR_NBYTES(s) && obj_is(s, &Str_Type))
    return incref(s);
  StrBuf b;
  sb_init(&b);
  if (pad_to(vm, &b, STR_UTF8(s), bytes, len, &f) < 0) { sb_free(&b); return NULL; }
  return sb_finish(vm, &b);
}

/* ------------------------------------------------------------------ */
/* obj_format                                                         */
/* ------------------------------------------------------------------ */

static Obj *call_format(VM *vm, Obj *value, Obj *spec) {
  Obj *r = obj_call_method(vm, value, "__format__", &spec, 1);
  if (r && !str_check(r)) {
    vm_raise(vm, &Exc_TypeError, "__format__ must return a str, not %s",
             obj_type_name(r));
    decref(vm, r);
    return NULL;
  }
  return r;
}

/* The format implementation the type T itself provides, if any:
** 1 str, 2 int, 3 float, 4 object's default, 5 a __format__ in T's dict. */
static int own_format(VM *vm, TypeObj *t) {
  if (t == &Str_Type) return 1;
  if (t == &Int_Type || t == &Bool_Type) return 2;
  if (t == &Float_Type) return 3;
  if (t == &Object_Type) return 4;
  if (t->dict && dict_get_cstr(vm, t->dict, "__format__")) return 5;
  return 0;
}

Obj *obj_format(VM *vm, Obj *value, Obj *spec) {
  const char *sp = spec ? STR_UTF8(spec) : "";
  size_t n = spec ? (size_t)STR_NBYTES(spec) : 0;
  TypeObj *t = TYPE(value);
  int how = 0;
  /* exact builtin types first, then the MRO */
  how = own_format(vm, t);
  if (!how) {
    Obj *mro = t->mro;
    if (mro && tuple_check(mro)) {
      for (ssize i = 1; i < TUPLE_SIZE(mro) && !how; i++)
        how = own_format(vm, (TypeObj *)TUPLE_GET(mro, i));
    } else {
      for (TypeObj *b = t->base; b && !how; b = b->base) how = own_format(vm, b);
    }
    if (!how) how = 4;
  }
  switch (how) {
  case 1:
    return str_format_spec(vm, value, sp, n);
  case 2:
    return int_format(vm, value, sp, n);
  case 3:
    return float_format(vm, FLOAT_VAL(value), sp, n);
  case 5: {
    Obj *s = spec ? incref(spec) : incref(vm->empty_str);
    Obj *r = call_format(vm, value, s);
    decref(vm, s);
    return r;
  }
  default:
    if (n > 0)
      return vm_raise(vm, &Exc_TypeError,
                      "unsupported format string passed to %s.__format__",
                      obj_type_name(value));
    return obj_str(vm, value);
  }
}

Obj *str_m___format__(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                      Obj *kwnames) {
  if (kwnames && TUPLE_SIZE(kwnames))
    return vm_raise(vm, &Exc_TypeError, "str.__format__() takes no keyword arguments");
  if (nargs != 1)
    return vm_raise(vm, &Exc_TypeError,
                    "str.__format__() takes exactly one argument (%zu given)", nargs);
  if (!str_check(args[0]))
    return vm_raise(vm, &Exc_TypeError, "__format__() argument must be str, not %s",
                    obj_type_name(args[0]));
  return str_format_spec(vm, self, STR_UTF8(args[0]), (size_t)STR_NBYTES(args[0]));
}

/* ------------------------------------------------------------------ */
/* str.format                                                         */
/* ------------------------------------------------------------------ */

/* Where replacement fields find their values. */
typedef struct FmtArgs {
  Obj *const *args;               /* positional values (borrowed) */
  size_t nargs;                   /* how many; see has_args */
  bool has_args;                  /* false for format_map */
  Obj *kwnames;                   /* tuple of names for kwvals, or NULL */
  Obj *const *kwvals;             /* keyword values (borrowed) */
  Obj *mapping;                   /* format_map's mapping, or NULL */
  int auto_state;                 /* 0 init, 1 automatic, 2 manual */
  ssize auto_next;                /* next automatic field number */
} FmtArgs;

static Obj *raise_key_error(VM *vm, Obj *key) {
  Obj *exc = obj_call1(vm, OBJ(&Exc_KeyError), key);
  if (exc) {
    vm_raise_obj(vm, exc);
    decref(vm, exc);
  }
  return NULL;
}

/* If S[0..n) is all decimal digits, its value; -1 if not a number, -2 on
** overflow (ValueError set). */
static ssize field_integer(VM *vm, const char *s, size_t n) {
  if (n == 0) return -1;
  size_t i = 0;
  ssize v;
  ssize k = read_int(vm, s, n, &i, &v);
  if (k < 0) return -2;
  if (i != n) return -1;
  return v;
}

static Obj *lookup_keyword(VM *vm, FmtArgs *fa, const char *s, size_t n) {
  Obj *key = str_new_trusted(vm, s, n);
  if (!key) return NULL;
  Obj *r = NULL;
  if (fa->mapping) {
    r = obj_getitem(vm, fa->mapping, key);
  } else {
    ssize nk = fa->kwnames ? TUPLE_SIZE(fa->kwnames) : 0;
    for (ssize i = 0; i < nk; i++)
      if (str_eq(TUPLE_GET(fa->kwnames, i), key)) { r = incref(fa->kwvals[i]); break; }
    if (!r) raise_key_error(vm, key);
  }
  decref(vm, key);
  return r;
}

/* The object named by the field name S[0..n): first part, then .attr and
** [key] parts. */
static Obj *get_field(VM *vm, FmtArgs *fa, const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] != '.' && s[i] != '[') i++;
  ssize idx = field_integer(vm, s, i);
  if (idx == -2) return NULL;
  bool empty = i == 0;
  bool numeric = empty || idx >= 0;
  if (numeric) {
    if (fa->auto_state == 0) fa->auto_state = empty ? 1 : 2;
    if (fa->auto_state == 2 && empty)
      return vm_raise(vm, &Exc_ValueError,
                      "cannot switch from manual field specification to automatic "
                      "field numbering");
    if (fa->auto_state == 1 && !empty)
      return vm_raise(vm, &Exc_ValueError,
                      "cannot switch from automatic field numbering to manual field "
                      "specification");
    if (empty) idx = fa->auto_next++;
  }
  Obj *obj;
  if (!numeric) {
    obj = lookup_keyword(vm, fa, s, i);
  } else {
    if (!fa->has_args)
      return vm_raise(vm, &Exc_ValueError, "Format string contains positional fields");
    if ((size_t)idx >= fa->nargs)
      return vm_raise(vm, &Exc_IndexError,
                      "Replacement index %zd out of range for positional args tuple",
                      idx);
    obj = incref(fa->args[idx]);
  }
  if (!obj) return NULL;
  while (i < n) {
    char c = s[i++];
    size_t a = i;
    bool attr = c == '.';
    if (c == '.') {
      while (i < n && s[i] != '.' && s[i] != '[') i++;
    } else if (c == '[') {
      while (i < n && s[i] != ']') i++;
      if (i >= n) {
        decref(vm, obj);
        return vm_raise(vm, &Exc_ValueError, "Missing ']' in format string");
      }
    } else {
      decref(vm, obj);
      return vm_raise(vm, &Exc_ValueError,
                      "Only '.' or '[' may follow ']' in format field specifier");
    }
    size_t e = i;
    if (c == '[') i++;            /* skip the ']' */
    if (e == a) {
      decref(vm, obj);
      return vm_raise(vm, &Exc_ValueError, "Empty attribute in format string");
    }
    Obj *next;
    if (attr) {
      Obj *name = str_new_trusted(vm, s + a, e - a);
      if (!name) { decref(vm, obj); return NULL; }
      next = obj_getattr(vm, obj, name);
      decref(vm, name);
    } else {
      ssize k = field_integer(vm, s + a, e - a);
      if (k == -2) { decref(vm, obj); return NULL; }
      Obj *key = k >= 0 ? int_from_i64(vm, k) : str_new_trusted(vm, s + a, e - a);
      if (!key) { decref(vm, obj); return NULL; }
      next = obj_getitem(vm, obj, key);
      decref(vm, key);
    }
    decref(vm, obj);
    if (!next) return NULL;
    obj = next;
  }
  return obj;
}

static int build_format(VM *vm, StrBuf *b, const char *s, size_t n, FmtArgs *fa,
                        int depth);

/* One replacement field: S[*I] is just past its '{'. */
static int do_field(VM *vm, StrBuf *b, const char *s, size_t n, size_t *pi,
                    FmtArgs *fa, int depth) {
  size_t i = *pi, name0 = i, name1;
  char c = 0;
  uint32_t conv = 0;
  size_t spec0 = 0, spec1 = 0;
  bool expand = false;
  /* the field name ends at '}', ':' or '!' (brackets skipped) */
  while (i < n) {
    c = s[i++];
    if (c == '{') {
      vm_raise(vm, &Exc_ValueError, "unexpected '{' in field name");
      return -1;
    }
    if (c == '[') {
      while (i < n && s[i] != ']') i++;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  name1 = i - 1;
  if (c == '!' || c == ':') {
    if (c == '!') {
      if (i >= n) {
        vm_raise(vm, &Exc_ValueError,
                 "end of string while looking for conversion specifier");
        return -1;
      }
      conv = utf8_next(s, &i);
      if (i < n) {
        c = s[i++];
        if (c == '}') goto have_field;
        if (c != ':') {
          vm_raise(vm, &Exc_ValueError, "expected ':' after conversion specifier");
          return -1;
        }
      }
    }
    spec0 = i;
    int count = 1;
    while (i < n) {
      c = s[i++];
      if (c == '{') { expand = true; count++; }
      else if (c == '}' && --count == 0) { spec1 = i - 1; goto have_field; }
    }
    vm_raise(vm, &Exc_ValueError, "unmatched '{' in format spec");
    return -1;
  } else if (c != '}' || name1 < name0) {
    vm_raise(vm, &Exc_ValueError, "expected '}' before end of string");
    return -1;
  }
have_field:
  *pi = i;
  Obj *obj = get_field(vm, fa, s + name0, name1 - name0);
  if (!obj) return -1;
  if (conv) {
    Obj *t;
    if (conv == 'r') t = obj_repr(vm, obj);
    else if (conv == 's') t = obj_str(vm, obj);
    else if (conv == 'a') t = str_ascii(vm, obj);
    else {
      char buf[16];
      code_text(conv, buf, sizeof buf);
      decref(vm, obj);
      vm_raise(vm, &Exc_ValueError, "Unknown conversion specifier %s", buf);
      return -1;
    }
    decref(vm, obj);
    if (!t) return -1;
    obj = t;
  }
  Obj *spec;
  if (expand) {
    StrBuf sb;
    sb_init(&sb);
    if (build_format(vm, &sb, s + spec0, spec1 - spec0, fa, depth - 1) < 0) {
      sb_free(&sb);
      decref(vm, obj);
      return -1;
    }
    spec = sb_finish(vm, &sb);
  } else {
    spec = str_new_trusted(vm, s + spec0, spec1 - spec0);
  }
  if (!spec) { decref(vm, obj); return -1; }
  Obj *r = obj_format(vm, obj, spec);
  decref(vm, spec);
  decref(vm, obj);
  if (!r) return -1;
  int rc = sb_addstr(vm, b, r);
  decref(vm, r);
  return rc;
}

static int build_format(VM *vm, StrBuf *b, const char *s, size_t n, FmtArgs *fa,
                        int depth) {
  if (depth <= 0) {
    vm_raise(vm, &Exc_ValueError, "Max string recursion exceeded");
    return -1;
  }
  size_t i = 0;
  while (i < n) {
    size_t a = i;
    while (i < n && s[i] != '{' && s[i] != '}') i++;
    if (sb_add(vm, b, s + a, i - a) < 0) return -1;
    if (i >= n) break;
    char c = s[i++];
    if (c == '}') {
      if (i >= n || s[i] != '}') {
        vm_raise(vm, &Exc_ValueError, "Single '}' encountered in format string");
        return -1;
      }
      i++;
      if (sb_addc(vm, b, '}') < 0) return -1;
      continue;
    }
    if (i >= n) {
      vm_raise(vm, &Exc_ValueError, "Single '{' encountered in format string");
      return -1;
    }
    if (s[i] == '{') {
      i++;
      if (sb_addc(vm, b, '{') < 0) return -1;
      continue;
    }
    if (do_field(vm, b, s, n, &i, fa, depth) < 0) return -1;
  }
  return 0;
}

static Obj *format_with(VM *vm, Obj *fmt, FmtArgs *fa) {
  StrBuf b;
  sb_init(&b);
  if (build_format(vm, &b, STR_UTF8(fmt), (size_t)STR_NBYTES(fmt), fa, 2) < 0) {
    sb_free(&b);
    return NULL;
  }
  return sb_finish(vm, &b);
}

Obj *str_format_impl(VM *vm, Obj *fmt, Obj *const *args, size_t nargs,
                     Obj *kwargs) {
  FmtArgs fa = {args, nargs, true, NULL, NULL, kwargs, 0, 0};
  return format_with(vm, fmt, &fa);
}

Obj *str_m_format(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  FmtArgs fa = {args, nargs, true, kwnames, args + nargs, NULL, 0, 0};
  return format_with(vm, self, &fa);
}

Obj *str_m_format_map(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                      Obj *kwnames) {
  if (kwnames && TUPLE_SIZE(kwnames))
    return vm_raise(vm, &Exc_TypeError, "str.format_map() takes no keyword arguments");
  if (nargs != 1)
    return vm_raise(vm, &Exc_TypeError,
                    "str.format_map() takes exactly one argument (%zu given)", nargs);
  FmtArgs fa = {NULL, 0, false, NULL, NULL, args[0], 0, 0};
  return format_with(vm, self, &fa);
}

/* ------------------------------------------------------------------ */
/* printf-style formatting: str % args                                */
/* ------------------------------------------------------------------ */

typedef struct PctState {
  Obj *args;                      /* the right operand (borrowed) */
  ssize arglen;                   /* tuple size, or -1 for a single value */
  ssize argidx;                   /* next argument; -2 before a single value */
  Obj *dict;                      /* ARGS when it is a mapping, else NULL */
} PctState;

static Obj *next_arg(VM *vm, PctState *st) {
  ssize i = st->argidx;
  if (i < st->arglen) {
    st->argidx++;
    if (st->arglen < 0) return st->args;
    return TUPLE_GET(st->args, i);
  }
  return vm_raise(vm, &Exc_TypeError, "not enough arguments for format string");
}

/* A '*' width or precision. */
static int star_arg(VM *vm, PctState *st, ssize *out) {
  Obj *v = next_arg(vm, st);
  if (!v) return -1;
  if (!int_check(v)) {
    vm_raise(vm, &Exc_TypeError, "* wants int");
    return -1;
  }
  int64_t x;
  if (int_as_i64(vm, v, &x) < 0 || x > INT32_MAX || x < -INT32_MAX) {
    vm_exc_clear(vm);
    vm_raise(vm, &Exc_ValueError, "width too big");
    return -1;
  }
  *out = (ssize)x;
  return 0;
}

#define PF_LJUST NUM_PF_LJUST
#define PF_SIGN NUM_PF_SIGN
#define PF_BLANK NUM_PF_BLANK
#define PF_ALT NUM_PF_ALT
#define PF_ZERO NUM_PF_ZERO

Obj *str_mod(VM *vm, Obj *fmt, Obj *args) {
  PctState st;
  st.args = args;
  st.dict = NULL;
  if (tuple_check(args)) {
    st.arglen = TUPLE_SIZE(args);
    st.argidx = 0;
  } else {
    st.arglen = -1;
    st.argidx = -2;
  }
  if (!tuple_check(args) && !str_check(args) && TYPE(args)->getitem) st.dict = args;
  const char *s = STR_UTF8(fmt);
  size_t n = (size_t)STR_NBYTES(fmt), i = 0;
  bool ascii = ((StrObj *)fmt)->ascii;
  StrBuf b;
  sb_init(&b);
  Obj *owned = NULL;              /* a value fetched by %(key) */
  while (i < n) {
    const char *pc = memchr(s + i, '%', n - i);
    size_t lit = pc ? (size_t)(pc - (s + i)) : n - i;
    if (sb_add(vm, &b, s + i, lit) < 0) goto fail;
    i += lit;
    if (i >= n) break;
    i++;                          /* the '%' */
    if (i < n && s[i] == '%') {
      if (sb_addc(vm, &b, '%') < 0) goto fail;
      i++;
      continue;
    }
    if (i < n && s[i] == '(') {
      if (!st.dict) {
        vm_raise(vm, &Exc_TypeError, "format requires a mapping");
        goto fail;
      }
      size_t k0 = ++i;
      int depth = 1;
      while (i < n && depth) {
        if (s[i] == ')') depth--;
        else if (s[i] == '(') depth++;
        i++;
      }
      if (depth) {
        vm_raise(vm, &Exc_ValueError, "incomplete format key");
        goto fail;
      }
      Obj *key = str_new_trusted(vm, s + k0, i - 1 - k0);
      if (!key) goto fail;
      xdecref(vm, owned);
      owned = obj_getitem(vm, st.dict, key);
      decref(vm, key);
      if (!owned) goto fail;
      /* the value becomes the single argument of this conversion */
      st.args = owned;
      st.arglen = -1;
      st.argidx = -2;
    }
    int flags = 0;
    for (; i < n; i++) {
      char c = s[i];
      if (c == '-') flags |= PF_LJUST;
      else if (c == '+') flags |= PF_SIGN;
      else if (c == ' ') flags |= PF_BLANK;
      else if (c == '#') flags |= PF_ALT;
      else if (c == '0') flags |= PF_ZERO;
      else break;
    }
    ssize width = -1, prec = -1;
    if (i < n && s[i] == '*') {
      i++;
      if (star_arg(vm, &st, &width) < 0) goto fail;
      if (width < 0) { flags |= PF_LJUST; width = -width; }
    } else if (i < n && s[i] >= '0' && s[i] <= '9') {
      width = 0;
      while (i < n && s[i] >= '0' && s[i] <= '9') {
        if (width > (INT32_MAX - (s[i] - '0')) / 10) {
          vm_raise(vm, &Exc_ValueError, "width too big");
          goto fail;
        }
        width = width * 10 + (s[i++] - '0');
      }
    }
    if (i < n && s[i] == '.') {
      i++;
      if (i < n && s[i] == '*') {
        i++;
        if (star_arg(vm, &st, &prec) < 0) goto fail;
        if (prec < 0) prec = 0;
      } else {
        prec = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
          if (prec > (INT32_MAX - (s[i] - '0')) / 10) {
            vm_raise(vm, &Exc_ValueError, "precision too big");
            goto fail;
          }
          prec = prec * 10 + (s[i++] - '0');
        }
      }
    }
    while (i < n && (s[i] == 'h' || s[i] == 'l' || s[i] == 'L')) i++;
    if (i >= n) {
      vm_raise(vm, &Exc_ValueError, "incomplete format");
      goto fail;
    }
    size_t conv_at = i;
    uint32_t conv = utf8_next(s, &i);
    Obj *v = next_arg(vm, &st);
    if (!v) goto fail;
    Obj *text = NULL;             /* the converted value before padding */
    switch (conv) {
    case 's':
      text = obj_str(vm, v);
      break;
    case 'r':
      text = obj_repr(vm, v);
      break;
    case 'a':
      text = str_ascii(vm, v);
      break;
    case 'c':
      if (str_check(v)) {
        if (STR_LEN(v) != 1) {
          vm_raise(vm, &Exc_TypeError, "%%c requires int or char");
          goto fail;
        }
        text = incref(v);
      } else if (int_check(v) || TYPE(v)->index) {
        /* an int, or any object with __index__ (as PyLong_AsLong) */
        Obj *iv = int_check(v) ? incref(v) : obj_index(vm, v);
        if (!iv) {
          if (!vm_exc_matches(vm, &Exc_TypeError)) goto fail;
          vm_exc_clear(vm);
          vm_raise(vm, &Exc_TypeError, "%%c requires int or char");
          goto fail;
        }
        int64_t c;
        int rc = int_as_i64(vm, iv, &c);
        decref(vm, iv);
        if (rc < 0 || c < 0 || c >= 0x110000) {
          vm_exc_clear(vm);
          vm_raise(vm, &Exc_OverflowError, "%%c arg not in range(0x110000)");
          goto fail;
        }
        text = str_from_codepoint(vm, c);
      } else {
        vm_raise(vm, &Exc_TypeError, "%%c requires int or char");
        goto fail;
      }
      break;
    case 'd': case 'i': case 'u':
      if (obj_is(v, &Int_Type) && int_is_small(v) && !flags && width < 0 && prec < 0) {
        /* the common plain %d of a machine-sized int, without a temporary */
        char digits[24], *e = digits + sizeof digits, *w = e;
        int64_t x = int_small_value(v);
        uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        do { *--w = (char)('0' + m % 10); m /= 10; } while (m);
        if (x < 0) *--w = '-';
        if (sb_add(vm, &b, w, (size_t)(e - w)) < 0) goto fail;
        continue;
      }
      /* fall through */
    case 'o': case 'x': case 'X':
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
      Obj *r = num_percent_format(vm, v, (char)conv, flags, (int)width, (int)prec);
      if (!r) goto fail;
      int rc = sb_addstr(vm, &b, r);
      decref(vm, r);
      if (rc < 0) goto fail;
      continue;
    }
    default: {
      ssize at = ascii ? (ssize)conv_at
                       : (ssize)utf8_count(s, conv_at, true, NULL, NULL, NULL);
      vm_raise(vm, &Exc_ValueError,
               "unsupported format character '%c' (0x%x) at index %zd",
               conv >= 31 && conv <= 126 ? (char)conv : '?', (unsigned)conv, at);
      goto fail;
    }
    }
    if (!text) goto fail;
    /* %s %r %a %c: precision truncates, width pads with spaces */
    ssize len = STR_LEN(text);
    size_t bytes = (size_t)STR_NBYTES(text);
    if (prec >= 0 && len > prec && conv != 'c') {
      len = prec;
      bytes = (size_t)str_offset(text, len);
    }
    FmtSpec f = {' ', (flags & PF_LJUST) ? '<' : '>', 0, false, false, width, 0, -1, 's'};
    int rc = pad_to(vm, &b, STR_UTF8(text), bytes, len, &f);
    decref(vm, text);
    if (rc < 0) goto fail;
  }
  xdecref(vm, owned);
  if (st.argidx < st.arglen && !st.dict) {
    vm_raise(vm, &Exc_TypeError, "not all arguments converted during string formatting");
    sb_free(&b);
    return NULL;
  }
  return sb_finish(vm, &b);
fail:
  xdecref(vm, owned);
  sb_free(&b);
  return NULL;
}
