/*
** bytes.c -- bytes and bytearray, and the codecs between them and str.
**
** bytes is one BYTES block: BytesObj, the data, a NUL.  bytearray is a
** ByteArrayObj header (tag BYTES) whose data lives in a second BYTES block
** of `alloc` bytes, grown with ht_realloc by CPython's over-allocation rule
** (so appends show up as REALLOC events, as list growth does).
**
** The read-only methods (find, split, strip, decode, ...) are shared: they
** take either type as SELF and read it through bytes_buffer(); methods that
** return a new sequence return one of SELF's kind (bytes or bytearray).
**
** Codecs: UTF-8, ASCII and Latin-1 under their usual aliases, with the
** error handlers strict, ignore, replace, backslashreplace,
** xmlcharrefreplace (encoding) and surrogateescape.  Error texts follow
** CPython's codecs ("'utf-8' codec can't decode byte 0xff in position 0:
** invalid start byte").
*/
#define _GNU_SOURCE 1   /* memmem */
#include <string.h>

#include "vm.h"
#include "str.h"
#include "containers.h"

#define BYTES_HEADER offsetof(BytesObj, data)
#define BA(o) ((ByteArrayObj *)(o))

static const char hexdig[] = "0123456789abcdef";

/* ------------------------------------------------------------------ */
/* Buffers and construction                                           */
/* ------------------------------------------------------------------ */

bool bytes_buffer(Obj *o, const char **data, ssize *size) {
  if (bytes_check(o)) {
    *data = BYTES_DATA(o);
    *size = BYTES_SIZE(o);
    return true;
  }
  if (bytearray_check(o)) {
    *data = BA(o)->data ? BA(o)->data : "";
    *size = BA(o)->size;
    return true;
  }
  return false;
}

Obj *bytes_new_uninit(VM *vm, size_t n) {
  if (n > (size_t)INTPTR_MAX - BYTES_HEADER - 1) return vm_raise_nomem(vm);
  BytesObj *b = (BytesObj *)obj_alloc(vm, &Bytes_Type, BYTES_HEADER + n + 1);
  if (!b) return NULL;
  b->size = (ssize)n;
  b->hash = -1;
  b->data[n] = '\0';
  return OBJ(b);
}

Obj *bytes_new(VM *vm, const char *data, size_t n) {
  Obj *b = bytes_new_uninit(vm, n);
  if (b && n) memcpy(BYTES_DATA(b), data, n);
  return b;
}

static void bytes_dealloc(VM *vm, Obj *o) {
  obj_free(vm, o, BYTES_HEADER + (size_t)BYTES_SIZE(o) + 1);
}

static size_t bytes_sizeof(Obj *o) {
  return BYTES_HEADER + (size_t)BYTES_SIZE(o) + 1;
}

/* Grow or shrink BA's data block so it holds N bytes (CPython's rule). */
static int ba_resize(VM *vm, Obj *o, ssize n) {
  ByteArrayObj *ba = BA(o);
  if (n <= ba->alloc && n >= ba->alloc / 2) {
    ba->size = n;
    return 0;
  }
  ssize want;
  if (n <= ba->alloc) want = n;                         /* shrink */
  else if (n <= ba->alloc + (ba->alloc >> 3)) want = n + (n >> 3) + (n < 9 ? 3 : 6);
  else want = n + 1;
  if (want == 0) {
    ht_free(HT_TAG_BYTES, ba->data, (size_t)ba->alloc);
    ba->data = NULL;
    ba->alloc = 0;
    ba->size = 0;
    return 0;
  }
  char *p = ht_realloc(HT_TAG_BYTES, ba->data, (size_t)ba->alloc, (size_t)want);
  if (!p) { vm_raise_nomem(vm); return -1; }
  ba->data = p;
  ba->alloc = want;
  ba->size = n;
  return 0;
}

static Obj *ba_alloc(VM *vm, TypeObj *t) {
  return obj_alloc(vm, t, t->basicsize ? t->basicsize : sizeof(ByteArrayObj));
}

Obj *bytearray_new(VM *vm, const char *data, size_t n) {
  Obj *o = ba_alloc(vm, &ByteArray_Type);
  if (!o) return NULL;
  if (n && ba_resize(vm, o, (ssize)n) < 0) { decref(vm, o); return NULL; }
  if (n) memcpy(BA(o)->data, data, n);
  return o;
}

static void bytearray_dealloc(VM *vm, Obj *o) {
  if (BA(o)->data) ht_free(HT_TAG_BYTES, BA(o)->data, (size_t)BA(o)->alloc);
  obj_free(vm, o, TYPE(o)->basicsize ? TYPE(o)->basicsize : sizeof(ByteArrayObj));
}

static size_t bytearray_sizeof(Obj *o) {
  return TYPE(o)->basicsize + (size_t)BA(o)->alloc;
}

/* A new object of SELF's kind (bytes or bytearray) holding DATA. */
static Obj *same_kind(VM *vm, Obj *self, const char *data, size_t n) {
  if (bytearray_check(self)) return bytearray_new(vm, data, n);
  if (obj_is(self, &Bytes_Type) && n == (size_t)BYTES_SIZE(self) &&
      (n == 0 || data == BYTES_DATA(self)))
    return incref(self);
  return bytes_new(vm, data, n);
}

/* ------------------------------------------------------------------ */
/* Codecs                                                             */
/* ------------------------------------------------------------------ */

typedef enum Codec { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_UNKNOWN } Codec;

static Codec codec_lookup(const char *name) {
  char n[32];
  size_t k = 0;
  for (const char *p = name; *p && k < sizeof n - 1; p++) {
    char c = *p;
    if (c >= 'A' && c <= 'Z') c += 32;
    if (c == '_' || c == ' ') c = '-';
    n[k++] = c;
  }
  n[k] = '\0';
  if (strlen(name) >= sizeof n - 1) return CODEC_UNKNOWN;
  static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", NULL};
  static const char *const ascii[] = {"ascii", "us-ascii", "646", "us", "ansi-x3.4-1968",
                                      "iso646-us", "cp367", NULL};
  static const char *const latin1[] = {"latin-1", "latin1", "latin", "l1", "iso-8859-1",
                                       "iso8859-1", "8859", "cp819", "iso-ir-100",
                                       "iso-8859-1:1987", NULL};
  for (int i = 0; utf8[i]; i++) if (!strcmp(n, utf8[i])) return CODEC_UTF8;
  for (int i = 0; ascii[i]; i++) if (!strcmp(n, ascii[i])) return CODEC_ASCII;
  for (int i = 0; latin1[i]; i++) if (!strcmp(n, latin1[i])) return CODEC_LATIN1;
  return CODEC_UNKNOWN;
}

static const char *const codec_name[] = {"utf-8", "ascii", "latin-1"};

typedef enum ErrMode {
  ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH, ERR_XMLREF, ERR_SURROGATE,
  ERR_UNKNOWN
} ErrMode;

static ErrMode err_lookup(const char *e) {
  if (!strcmp(e, "strict")) return ERR_STRICT;
  if (!strcmp(e, "ignore")) return ERR_IGNORE;
  if (!strcmp(e, "replace")) return ERR_REPLACE;
  if (!strcmp(e, "backslashreplace")) return ERR_BACKSLASH;
  if (!strcmp(e, "xmlcharrefreplace")) return ERR_XMLREF;
  if (!strcmp(e, "surrogateescape")) return ERR_SURROGATE;
  return ERR_UNKNOWN;
}

static Obj *unknown_handler(VM *vm, const char *errors) {
  return vm_raise(vm, &Exc_LookupError, "unknown error handler name '%s'", errors);
}

/* The escaped form of CP in codec messages: \xNN, \uNNNN, \UNNNNNNNN. */
static void cp_escape(uint32_t cp, char *buf, size_t size) {
  if (cp <= 0xFF) snprintf(buf, size, "\\x%02x", cp);
  else if (cp <= 0xFFFF) snprintf(buf, size, "\\u%04x", cp);
  else snprintf(buf, size, "\\U%08x", cp);
}

Obj *str_encode(VM *vm, Obj *str, const char *encoding, const char *errors) {
  Codec c = codec_lookup(encoding);
  if (c == CODEC_UNKNOWN)
    return vm_raise(vm, &Exc_LookupError, "unknown encoding: %s", encoding);
  const char *d = STR_UTF8(str);
  size_t n = (size_t)STR_NBYTES(str);
  uint32_t limit = c == CODEC_ASCII ? 0x80 : c == CODEC_LATIN1 ? 0x100 : 0x110000;
  if (((StrObj *)str)->ascii) return bytes_new(vm, d, n);
  StrBuf b;
  sb_init(&b);
  size_t i = 0;
  ssize pos = 0;                  /* code point index of d[i] */
  ErrMode mode = ERR_STRICT;
  bool mode_known = false;
  while (i < n) {
    size_t at = i;
    uint32_t cp = utf8_next(d, &i);
    bool bad = c == CODEC_UTF8 ? (cp >= 0xD800 && cp <= 0xDFFF) : cp >= limit;
    if (!bad) {
      int r = c == CODEC_UTF8 ? sb_add(vm, &b, d + at, i - at) : sb_addc(vm, &b, (char)cp);
      if (r < 0) goto fail;
      pos++;
      continue;
    }
    if (!mode_known) {
      mode = err_lookup(errors);
      mode_known = true;
    }
    /* the run of unencodable code points, as CPython reports it */
    size_t j = i;
    ssize end = pos + 1;
    uint32_t first = cp;
    while (j < n) {
      size_t k = j;
      uint32_t q = utf8_next(d, &k);
      bool qbad = c == CODEC_UTF8 ? (q >= 0xD800 && q <= 0xDFFF) : q >= limit;
      if (!qbad) break;
      j = k;
      end++;
    }
    const char *reason = c == CODEC_UTF8 ? "surrogates not allowed"
                         : c == CODEC_ASCII ? "ordinal not in range(128)"
                                            : "ordinal not in range(256)";
    if (mode == ERR_STRICT || mode == ERR_UNKNOWN ||
        (mode == ERR_SURROGATE && !(first >= 0xDC80 && first <= 0xDCFF))) {
      if (mode == ERR_UNKNOWN) { unknown_handler(vm, errors); goto fail; }
      char esc[16];
      cp_escape(first, esc, sizeof esc);
      if (end - pos == 1)
        vm_raise(vm, &Exc_UnicodeEncodeError,
                 "'%s' codec can't encode character '%s' in position %zd: %s",
                 codec_name[c], esc, pos, reason);
      else
        vm_raise(vm, &Exc_UnicodeEncodeError,
                 "'%s' codec can't encode characters in position %zd-%zd: %s",
                 codec_name[c], pos, end - 1, reason);
      goto fail;
    }
    /* handle the run one code point at a time */
    size_t k = at;
    while (k < j) {
      uint32_t q = utf8_next(d, &k);
      int r = 0;
      switch (mode) {
      case ERR_IGNORE: break;
      case ERR_REPLACE: r = sb_addc(vm, &b, '?'); break;
      case ERR_BACKSLASH: {
        char esc[16];
        cp_escape(q, esc, sizeof esc);
        r = sb_add(vm, &b, esc, strlen(esc));
        break;
      }
      case ERR_XMLREF: r = sb_printf(vm, &b, "&#%u;", q); break;
      case ERR_SURROGATE:
        if (q >= 0xDC80 && q <= 0xDCFF) r = sb_addc(vm, &b, (char)(q - 0xDC00));
        else {
          char esc[16];
          cp_escape(q, esc, sizeof esc);
          vm_raise(vm, &Exc_UnicodeEncodeError,
                   "'%s' codec can't encode character '%s' in position %zd: %s",
                   codec_name[c], esc, pos, reason);
          goto fail;
        }
        break;
      default: break;
      }
      if (r < 0) goto fail;
      pos++;
    }
    i = j;
  }
  {
    Obj *r = bytes_new(vm, b.p, b.len);
    sb_free(&b);
    return r;
  }
fail:
  sb_free(&b);
  return NULL;
}

Obj *bytes_decode(VM *vm, const char *data, size_t n, const char *encoding,
                  const char *errors) {
  Codec c = codec_lookup(encoding);
  if (c == CODEC_UNKNOWN)
    return vm_raise(vm, &Exc_LookupError, "unknown encoding: %s", encoding);
  if (c == CODEC_UTF8) {
    bool ascii;
    ssize len = utf8_count(data, n, false, &ascii, NULL, NULL);
    if (len >= 0) return str_new_trusted(vm, data, n);
  }
  StrBuf b;
  sb_init(&b);
  ErrMode mode = ERR_STRICT;
  bool mode_known = false;
  size_t i = 0;
  while (i < n) {
    unsigned char byte = (unsigned char)data[i];
    int k;
    uint32_t cp = byte;
    const char *why = "ordinal not in range(128)";
    if (c == CODEC_LATIN1) k = 1;
    else if (c == CODEC_ASCII) k = byte < 0x80 ? 1 : -1;
    else k = utf8_decode_one(data + i, n - i, false, &cp, &why);
    if (k > 0) {
      if (sb_addcp(vm, &b, cp) < 0) goto fail;
      i += (size_t)k;
      continue;
    }
    size_t bad = (size_t)-k;
    if (!mode_known) { mode = err_lookup(errors); mode_known = true; }
    int r = 0;
    switch (mode) {
    case ERR_IGNORE: break;
    case ERR_REPLACE: r = sb_addcp(vm, &b, 0xFFFD); break;
    case ERR_BACKSLASH:
      for (size_t q = 0; q < bad && r == 0; q++)
        r = sb_printf(vm, &b, "\\x%02x", (unsigned char)data[i + q]);
      break;
    case ERR_SURROGATE:
      for (size_t q = 0; q < bad && r == 0; q++)
        r = sb_addcp(vm, &b, 0xDC00 + (unsigned char)data[i + q]);
      break;
    case ERR_UNKNOWN:
      unknown_handler(vm, errors);
      goto fail;
    default:
      if (bad == 1)
        vm_raise(vm, &Exc_UnicodeDecodeError,
                 "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                 codec_name[c], byte, i, why);
      else
        vm_raise(vm, &Exc_UnicodeDecodeError,
                 "'%s' codec can't decode bytes in position %zu-%zu: %s",
                 codec_name[c], i, i + bad - 1, why);
      goto fail;
    }
    if (r < 0) goto fail;
    i += bad;
  }
  return sb_finish(vm, &b);
fail:
  sb_free(&b);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* repr, hash, comparison                                             */
/* ------------------------------------------------------------------ */

static int bytes_repr_to(VM *vm, StrBuf *b, const char *d, ssize n, bool always_sq) {
  bool sq = memchr(d, '\'', (size_t)n) != NULL, dq = memchr(d, '"', (size_t)n) != NULL;
  char quote = (sq && !dq) ? '"' : '\'';
  if (sb_addc(vm, b, 'b') < 0 || sb_addc(vm, b, quote) < 0) return -1;
  for (ssize i = 0; i < n; i++) {
    unsigned char c = (unsigned char)d[i];
    char e[4];
    int k;
    if (c == (unsigned char)quote || c == '\\' || (always_sq && c == '\'')) {
      e[0] = '\\'; e[1] = (char)c; k = 2;
    } else if (c == '\t') { e[0] = '\\'; e[1] = 't'; k = 2; }
    else if (c == '\n') { e[0] = '\\'; e[1] = 'n'; k = 2; }
    else if (c == '\r') { e[0] = '\\'; e[1] = 'r'; k = 2; }
    else if (c < ' ' || c >= 0x7F) {
      e[0] = '\\'; e[1] = 'x'; e[2] = hexdig[c >> 4]; e[3] = hexdig[c & 15]; k = 4;
    } else { e[0] = (char)c; k = 1; }
    if (sb_add(vm, b, e, (size_t)k) < 0) return -1;
  }
  return sb_addc(vm, b, quote);
}

static Obj *bytes_repr(VM *vm, Obj *o) {
  StrBuf b;
  sb_init(&b);
  if (bytes_repr_to(vm, &b, BYTES_DATA(o), BYTES_SIZE(o), false) < 0) {
    sb_free(&b);
    return NULL;
  }
  return sb_finish(vm, &b);
}

static Obj *bytearray_repr(VM *vm, Obj *o) {
  StrBuf b;
  sb_init(&b);
  const char *d;
  ssize n;
  bytes_buffer(o, &d, &n);
  if (sb_printf(vm, &b, "%s(", TYPE(o)->name) < 0 ||
      bytes_repr_to(vm, &b, d, n, true) < 0 || sb_addc(vm, &b, ')') < 0) {
    sb_free(&b);
    return NULL;
  }
  return sb_finish(vm, &b);
}

static hash_t bytes_hash(VM *vm, Obj *o) {
  BytesObj *b = (BytesObj *)o;
  if (b->hash == -1) b->hash = text_hash_bytes(b->data, (size_t)b->size);
  return b->hash;
}

static Obj *bytes_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  const char *x, *y;
  ssize nx, ny;
  if (!bytes_buffer(a, &x, &nx) || !bytes_buffer(b, &y, &ny))
    return incref(NotImplemented);
  if ((op == CMP_EQ || op == CMP_NE) && nx != ny) return bool_new(op == CMP_NE);
  int c = memcmp(x, y, (size_t)(nx < ny ? nx : ny));
  if (c == 0) c = nx < ny ? -1 : nx > ny;
  bool r;
  switch (op) {
  case CMP_LT: r = c < 0; break;
  case CMP_LE: r = c <= 0; break;
  case CMP_EQ: r = c == 0; break;
  case CMP_NE: r = c != 0; break;
  case CMP_GT: r = c > 0; break;
  default: r = c >= 0; break;
  }
  return bool_new(r);
}

/* ------------------------------------------------------------------ */
/* Sequence protocol                                                  */
/* ------------------------------------------------------------------ */

static ssize bytes_len(VM *vm, Obj *o) {
  const char *d;
  ssize n = 0;
  bytes_buffer(o, &d, &n);
  return n;
}

/* An int key as an index in [0, N); -1 with IndexError/TypeError set. */
static ssize seq_index(VM *vm, Obj *o, Obj *key, ssize n, const char *what) {
  ssize i = obj_as_ssize(vm, key);
  if (i == -1 && vm_exc_occurred(vm)) return -1;
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    vm_raise(vm, &Exc_IndexError, "%s", what);
    return -1;
  }
  return i;
}

static Obj *bytes_getitem(VM *vm, Obj *o, Obj *key) {
  const char *d;
  ssize n;
  bytes_buffer(o, &d, &n);
  bool ba = bytearray_check(o);
  if (obj_is(key, &Slice_Type)) {
    ssize start, stop, step;
    ssize len = slice_indices(vm, key, n, &start, &stop, &step);
    if (len < 0) return NULL;
    if (step == 1) return same_kind(vm, o, d + start, (size_t)len);
    Obj *r = ba ? bytearray_new(vm, NULL, 0) : bytes_new_uninit(vm, (size_t)len);
    if (!r) return NULL;
    if (ba && len && ba_resize(vm, r, len) < 0) { decref(vm, r); return NULL; }
    char *w = ba ? BA(r)->data : BYTES_DATA(r);
    for (ssize i = 0, j = start; i < len; i++, j += step) w[i] = d[j];
    return r;
  }
  if (!int_check(key) && !TYPE(key)->index)
    return vm_raise(vm, &Exc_TypeError, "%s indices must be integers or slices, not %s",
                    ba ? "bytearray" : "byte", obj_type_name(key));
  ssize i = seq_index(vm, o, key, n, ba ? "bytearray index out of range"
                                          : "index out of range");
  if (i < 0) return NULL;
  return int_from_i64(vm, (unsigned char)d[i]);
}

/* An int 0..255 from O, for item values and `in`. */
static int byte_value(VM *vm, Obj *o, const char *range_msg) {
  ssize v = obj_as_ssize(vm, o);
  if (v == -1 && vm_exc_occurred(vm)) {
    if (vm_exc_matches(vm, &Exc_OverflowError)) {
      vm_exc_clear(vm);
      vm_raise(vm, &Exc_ValueError, "%s", range_msg);
    }
    return -1;
  }
  if (v < 0 || v > 255) {
    vm_raise(vm, &Exc_ValueError, "%s", range_msg);
    return -1;
  }
  return (int)v;
}

static ssize bfind(const char *h, ssize n, const char *needle, ssize m) {
  if (m == 0) return 0;
  if (m > n) return -1;
  const char *p = memmem(h, (size_t)n, needle, (size_t)m);
  return p ? p - h : -1;
}

static ssize brfind(const char *h, ssize n, const char *needle, ssize m) {
  if (m == 0) return n;
  for (ssize i = n - m; i >= 0; i--)
    if (memcmp(h + i, needle, (size_t)m) == 0) return i;
  return -1;
}

/* A needle: a bytes-like object or an int byte.  BYTE holds the int case. */
static int get_needle(VM *vm, Obj *o, const char **d, ssize *n, char *byte) {
  if (bytes_buffer(o, d, n)) return 0;
  if (int_check(o) || TYPE(o)->index) {
    int v = byte_value(vm, o, "byte must be in range(0, 256)");
    if (v < 0) return -1;
    *byte = (char)v;
    *d = byte;
    *n = 1;
    return 0;
  }
  vm_raise(vm, &Exc_TypeError,
           "argument should be integer or bytes-like object, not '%s'",
           obj_type_name(o));
  return -1;
}

static int bytes_contains(VM *vm, Obj *o, Obj *item) {
  const char *d, *nd;
  ssize n, nn;
  char byte;
  bytes_buffer(o, &d, &n);
  if (!bytes_buffer(item, &nd, &nn)) {
    if (!int_check(item) && !TYPE(item)->index) {
      vm_raise(vm, &Exc_TypeError, "a bytes-like object is required, not '%s'",
               obj_type_name(item));
      return -1;
    }
    if (get_needle(vm, item, &nd, &nn, &byte) < 0) return -1;
  }
  return bfind(d, n, nd, nn) >= 0;
}

static Obj *bytes_concat(VM *vm, Obj *a, Obj *b) {
  const char *x, *y;
  ssize nx, ny;
  if (!bytes_buffer(a, &x, &nx)) return incref(NotImplemented);
  if (!bytes_buffer(b, &y, &ny))
    return vm_raise(vm, &Exc_TypeError, "can't concat %s to %s", obj_type_name(b),
                    obj_type_name(a));
  if (bytearray_check(a)) {
    Obj *r = bytearray_new(vm, x, (size_t)nx);
    if (!r) return NULL;
    if (ny && ba_resize(vm, r, nx + ny) < 0) { decref(vm, r); return NULL; }
    if (ny) memcpy(BA(r)->data + nx, y, (size_t)ny);
    return r;
  }
  if (ny == 0 && obj_is(a, &Bytes_Type)) return incref(a);
  Obj *r = bytes_new_uninit(vm, (size_t)(nx + ny));
  if (!r) return NULL;
  memcpy(BYTES_DATA(r), x, (size_t)nx);
  memcpy(BYTES_DATA(r) + nx, y, (size_t)ny);
  return r;
}

static Obj *bytes_repeat(VM *vm, Obj *a, Obj *b) {
  Obj *s = (bytes_check(a) || bytearray_check(a)) ? a : b, *k = s == a ? b : a;
  if (!int_check(k) && !TYPE(k)->index)
    return vm_raise(vm, &Exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                    obj_type_name(k));
  ssize times = obj_as_ssize(vm, k);
  if (times == -1 && vm_exc_occurred(vm)) return NULL;
  if (times < 0) times = 0;
  const char *d;
  ssize n;
  bytes_buffer(s, &d, &n);
  if (n && times > INTPTR_MAX / n) return vm_raise_nomem(vm);
  ssize total = n * times;
  Obj *r;
  char *w;
  if (bytearray_check(s)) {
    r = bytearray_new(vm, NULL, 0);
    if (!r) return NULL;
    if (total && ba_resize(vm, r, total) < 0) { decref(vm, r); return NULL; }
    w = BA(r)->data;
    bytes_buffer(s, &d, &n);
  } else {
    if (times == 1 && obj_is(s, &Bytes_Type)) return incref(s);
    r = bytes_new_uninit(vm, (size_t)total);
    if (!r) return NULL;
    w = BYTES_DATA(r);
  }
  for (ssize i = 0; i < times; i++) memcpy(w + i * n, d, (size_t)n);
  return r;
}

static Obj *bytes_mod(VM *vm, Obj *a, Obj *b) {
  if (!bytes_check(a) && !bytearray_check(a)) return incref(NotImplemented);
  return vm_raise(vm, &Exc_NotImplementedError,
                  "printf-style formatting of bytes is not supported");
}

/* ------------------------------------------------------------------ */
/* Iteration                                                          */
/* ------------------------------------------------------------------ */

typedef struct BytesIterObj {
  Obj ob;
  Obj *seq;                       /* bytes or bytearray (owned); NULL at end */
  ssize index;                    /* next position */
} BytesIterObj;

static Obj *bytes_iter(VM *vm, Obj *o) {
  TypeObj *t = bytearray_check(o) ? &ByteArrayIter_Type : &BytesIter_Type;
  BytesIterObj *it = (BytesIterObj *)obj_alloc(vm, t, sizeof(BytesIterObj));
  if (!it) return NULL;
  it->seq = incref(o);
  it->index = 0;
  return OBJ(it);
}

static Obj *bytesiter_next(VM *vm, Obj *o) {
  BytesIterObj *it = (BytesIterObj *)o;
  if (!it->seq) return NULL;
  const char *d;
  ssize n;
  bytes_buffer(it->seq, &d, &n);
  if (it->index >= n) {
    Obj *s = it->seq;
    it->seq = NULL;
    decref(vm, s);
    return NULL;
  }
  return int_from_i64(vm, (unsigned char)d[it->index++]);
}

static Obj *iter_self(VM *vm, Obj *o) { return incref(o); }

static void bytesiter_dealloc(VM *vm, Obj *o) {
  xdecref(vm, ((BytesIterObj *)o)->seq);
  obj_free(vm, o, sizeof(BytesIterObj));
}

static size_t bytesiter_sizeof(Obj *o) { return sizeof(BytesIterObj); }

static int bytesiter_traverse(Obj *o, visitproc visit, void *arg) {
  BytesIterObj *it = (BytesIterObj *)o;
  return it->seq ? visit(it->seq, EDGE_OTHER, 0, NULL, arg) : 0;
}

TypeObj BytesIter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "bytes_iterator",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(BytesIterObj),
  .dealloc = bytesiter_dealloc,
  .sizeof_ = bytesiter_sizeof,
  .traverse = bytesiter_traverse,
  .iter = iter_self,
  .iternext = bytesiter_next,
};

TypeObj ByteArrayIter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "bytearray_iterator",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(BytesIterObj),
  .dealloc = bytesiter_dealloc,
  .sizeof_ = bytesiter_sizeof,
  .traverse = bytesiter_traverse,
  .iter = iter_self,
  .iternext = bytesiter_next,
};

/* ------------------------------------------------------------------ */
/* Constructors                                                       */
/* ------------------------------------------------------------------ */

/* Fill B (a StrBuf used as a byte buffer) from SOURCE as bytes(source,
** encoding, errors) does.  FNAME names the type in messages. */
static int bytes_from_args(VM *vm, StrBuf *b, Obj *x, Obj *enc, Obj *err) {
  if (!x) {
    if (enc || err) {
      vm_raise(vm, &Exc_TypeError, enc ? "encoding without a string argument"
                                       : "errors without a string argument");
      return -1;
    }
    return 0;
  }
  if (enc) {
    if (!str_check(x)) {
      vm_raise(vm, &Exc_TypeError, "encoding without a string argument");
      return -1;
    }
    if (!str_check(enc) || (err && !str_check(err))) {
      vm_raise(vm, &Exc_TypeError, "bytes() argument '%s' must be str, not %s",
               !str_check(enc) ? "encoding" : "errors",
               obj_type_name(!str_check(enc) ? enc : err));
      return -1;
    }
    Obj *r = str_encode(vm, x, STR_UTF8(enc), err ? STR_UTF8(err) : "strict");
    if (!r) return -1;
    int rc = sb_add(vm, b, BYTES_DATA(r), (size_t)BYTES_SIZE(r));
    decref(vm, r);
    return rc;
  }
  if (str_check(x)) {
    vm_raise(vm, &Exc_TypeError, "string argument without an encoding");
    return -1;
  }
  if (err) {
    vm_raise(vm, &Exc_TypeError, "errors without a string argument");
    return -1;
  }
  const char *d;
  ssize n;
  if (bytes_buffer(x, &d, &n)) return sb_add(vm, b, d, (size_t)n);
  if (int_check(x) || TYPE(x)->index) {
    ssize count = obj_as_ssize(vm, x);
    if (count == -1 && vm_exc_occurred(vm)) return -1;
    if (count < 0) {
      vm_raise(vm, &Exc_ValueError, "negative count");
      return -1;
    }
    char *w = sb_reserve(vm, b, (size_t)count);
    if (!w) return -1;
    memset(w, 0, (size_t)count);
    b->len += (size_t)count;
    return 0;
  }
  if (!TYPE(x)->iter && !TYPE(x)->getitem) {
    vm_raise(vm, &Exc_TypeError, "cannot convert '%s' object to bytes", obj_type_name(x));
    return -1;
  }
  Obj *it = obj_iter(vm, x);
  if (!it) return -1;
  Obj *item;
  while ((item = obj_iternext(vm, it)) != NULL) {
    int v = byte_value(vm, item, "bytes must be in range(0, 256)");
    decref(vm, item);
    if (v < 0 || sb_addc(vm, b, (char)v) < 0) { decref(vm, it); return -1; }
  }
  decref(vm, it);
  return vm_exc_occurred(vm) ? -1 : 0;
}

static Obj *bytes_call_new(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  static const char *const names[] = {"source", "encoding", "errors"};
  Obj *a[3] = {NULL, NULL, NULL};
  if (callable != OBJ(&Bytes_Type))
    return vm_raise(vm, &Exc_NotImplementedError,
                    "subclasses of bytes are not supported");
  if (args_parse(vm, "bytes", args, nargs, kwnames, names, 3, 0, a) < 0) return NULL;
  if (a[0] && obj_is(a[0], &Bytes_Type) && !a[1] && !a[2]) return incref(a[0]);
  StrBuf b;
  sb_init(&b);
  if (bytes_from_args(vm, &b, a[0], a[1], a[2]) < 0) { sb_free(&b); return NULL; }
  Obj *r = bytes_new(vm, b.p, b.len);
  sb_free(&b);
  return r;
}

static Obj *bytearray_call_new(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                               Obj *kwnames) {
  return ba_alloc(vm, (TypeObj *)callable);
}

static int bytearray_init(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  static const char *const names[] = {"source", "encoding", "errors"};
  Obj *a[3] = {NULL, NULL, NULL};
  if (args_parse(vm, "bytearray", args, nargs, kwnames, names, 3, 0, a) < 0) return -1;
  StrBuf b;
  sb_init(&b);
  if (bytes_from_args(vm, &b, a[0], a[1], a[2]) < 0) { sb_free(&b); return -1; }
  int rc = ba_resize(vm, self, (ssize)b.len);
  if (rc == 0 && b.len) memcpy(BA(self)->data, b.p, b.len);
  sb_free(&b);
  return rc;
}

/* ------------------------------------------------------------------ */
/* Shared methods                                                     */
/* ------------------------------------------------------------------ */

static int no_kw(VM *vm, Obj *self, const char *name, Obj *kwnames) {
  if (kwnames && TUPLE_SIZE(kwnames)) {
    vm_raise(vm, &Exc_TypeError, "%s.%s() takes no keyword arguments",
             TYPE(self)->name, name);
    return -1;
  }
  return 0;
}

static int nargs_in(VM *vm, Obj *self, const char *name, size_t nargs, Obj *kwnames,
                    size_t min, size_t max) {
  if (no_kw(vm, self, name, kwnames) < 0) return -1;
  if (nargs >= min && nargs <= max) return 0;
  if (min == max)
    vm_raise(vm, &Exc_TypeError, "%s.%s() takes %s (%zu given)", TYPE(self)->name, name,
             min == 0 ? "no arguments" : min == 1 ? "exactly one argument" : "arguments",
             nargs);
  else
    vm_raise(vm, &Exc_TypeError, "%s expected at %s %zu argument%s, got %zu", name,
             nargs < min ? "least" : "most", nargs < min ? min : max,
             (nargs < min ? min : max) == 1 ? "" : "s", nargs);
  return -1;
}

static int opt_index(VM *vm, Obj *o, ssize *out) {
  if (o == None) return 0;
  if (!int_check(o) && !TYPE(o)->index) {
    vm_raise(vm, &Exc_TypeError,
             "slice indices must be integers or None or have an __index__ method");
    return -1;
  }
  ssize v = obj_as_ssize(vm, o);
  if (v == -1 && vm_exc_occurred(vm)) {
    if (!vm_exc_matches(vm, &Exc_OverflowError)) return -1;
    vm_exc_clear(vm);
    Obj *i = obj_index(vm, o);
    if (!i) return -1;
    v = int_sign(i) < 0 ? INTPTR_MIN : INTPTR_MAX;
    decref(vm, i);
  }
  *out = v;
  return 0;
}

static int get_range(VM *vm, Obj *const *args, size_t nargs, ssize len, ssize *start,
                     ssize *end) {
  *start = 0;
  *end = INTPTR_MAX;
  if (nargs > 0 && opt_index(vm, args[0], start) < 0) return -1;
  if (nargs > 1 && opt_index(vm, args[1], end) < 0) return -1;
  if (*end > len) *end = len;
  else if (*end < 0) { *end += len; if (*end < 0) *end = 0; }
  if (*start < 0) { *start += len; if (*start < 0) *start = 0; }
  return 0;
}

static ssize find_common(VM *vm, Obj *self, const char *name, Obj *const *args,
                         size_t nargs, Obj *kwnames, bool reverse) {
  if (nargs_in(vm, self, name, nargs, kwnames, 1, 3) < 0) return -2;
  const char *d, *nd;
  ssize n, nn, start, end;
  char byte;
  bytes_buffer(self, &d, &n);
  if (get_needle(vm, args[0], &nd, &nn, &byte) < 0) return -2;
  if (get_range(vm, args + 1, nargs - 1, n, &start, &end) < 0) return -2;
  if (end - start < nn) return -1;
  ssize k = reverse ? brfind(d + start, end - start, nd, nn)
                    : bfind(d + start, end - start, nd, nn);
  return k < 0 ? -1 : start + k;
}

static Obj *b_find(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  ssize r = find_common(vm, self, "find", args, nargs, kwnames, false);
  return r == -2 ? NULL : int_from_i64(vm, r);
}

static Obj *b_rfind(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  ssize r = find_common(vm, self, "rfind", args, nargs, kwnames, true);
  return r == -2 ? NULL : int_from_i64(vm, r);
}

static Obj *b_index(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  ssize r = find_common(vm, self, "index", args, nargs, kwnames, false);
  if (r == -1) return vm_raise(vm, &Exc_ValueError, "subsection not found");
  return r == -2 ? NULL : int_from_i64(vm, r);
}

static Obj *b_rindex(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  ssize r = find_common(vm, self, "rindex", args, nargs, kwnames, true);
  if (r == -1) return vm_raise(vm, &Exc_ValueError, "subsection not found");
  return r == -2 ? NULL : int_from_i64(vm, r);
}

static Obj *b_count(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "count", nargs, kwnames, 1, 3) < 0) return NULL;
  const char *d, *nd;
  ssize n, nn, start, end;
  char byte;
  bytes_buffer(self, &d, &n);
  if (get_needle(vm, args[0], &nd, &nn, &byte) < 0) return NULL;
  if (get_range(vm, args + 1, nargs - 1, n, &start, &end) < 0) return NULL;
  if (start > n || end < start) return int_from_i64(vm, 0);
  if (nn == 0) return int_from_i64(vm, end - start + 1);
  ssize c = 0, i = start;
  while (true) {
    ssize k = bfind(d + i, end - i, nd, nn);
    if (k < 0) break;
    c++;
    i += k + nn;
  }
  return int_from_i64(vm, c);
}

static Obj *tailmatch(VM *vm, Obj *self, const char *name, Obj *const *args,
                      size_t nargs, Obj *kwnames, bool at_end) {
  if (nargs_in(vm, self, name, nargs, kwnames, 1, 3) < 0) return NULL;
  const char *d;
  ssize n, start, end;
  bytes_buffer(self, &d, &n);
  if (get_range(vm, args + 1, nargs - 1, n, &start, &end) < 0) return NULL;
  Obj *x = args[0];
  Obj *const *subs = &x;
  ssize nsubs = 1;
  if (tuple_check(x)) { subs = TUPLE_ITEMS(x); nsubs = TUPLE_SIZE(x); }
  for (ssize i = 0; i < nsubs; i++) {
    const char *sd;
    ssize sn;
    if (!bytes_buffer(subs[i], &sd, &sn)) {
      if (subs == &x)
        return vm_raise(vm, &Exc_TypeError,
                        "%s first arg must be bytes or a tuple of bytes, not %s", name,
                        obj_type_name(x));
      return vm_raise(vm, &Exc_TypeError, "a bytes-like object is required, not '%s'",
                      obj_type_name(subs[i]));
    }
    if (start > n || end - start < sn) continue;
    const char *at = at_end ? d + end - sn : d + start;
    if (memcmp(at, sd, (size_t)sn) == 0) return bool_new(true);
  }
  return bool_new(false);
}

static Obj *b_startswith(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  return tailmatch(vm, self, "startswith", args, nargs, kwnames, false);
}

static Obj *b_endswith(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  return tailmatch(vm, self, "endswith", args, nargs, kwnames, true);
}

static int need_buffer(VM *vm, Obj *o, const char **d, ssize *n) {
  if (bytes_buffer(o, d, n)) return 0;
  vm_raise(vm, &Exc_TypeError, "a bytes-like object is required, not '%s'",
           obj_type_name(o));
  return -1;
}

static inline bool bspace(unsigned char c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D);
}

static int append_piece(VM *vm, Obj *list, Obj *self, const char *d, ssize n) {
  Obj *p = same_kind(vm, self, d, (size_t)n);
  if (!p) return -1;
  int r = list_append(vm, list, p);
  decref(vm, p);
  return r;
}

static Obj *split_common(VM *vm, Obj *self, const char *name, Obj *const *args,
                         size_t nargs, Obj *kwnames, bool reverse) {
  Obj *sep = NULL, *maxo = NULL;
  size_t nkw = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
  if (nargs + nkw > 2)
    return vm_raise(vm, &Exc_TypeError, "%s() takes at most 2 arguments (%zu given)",
                    name, nargs + nkw);
  if (nargs > 0) sep = args[0];
  if (nargs > 1) maxo = args[1];
  for (size_t k = 0; k < nkw; k++) {
    Obj *key = TUPLE_GET(kwnames, k);
    if (str_eq_cstr(key, "sep")) sep = args[nargs + k];
    else if (str_eq_cstr(key, "maxsplit")) maxo = args[nargs + k];
    else
      return vm_raise(vm, &Exc_TypeError, "'%S' is an invalid keyword argument for %s()",
                      key, name);
  }
  ssize maxsplit = -1;
  if (maxo) {
    maxsplit = obj_as_ssize(vm, maxo);
    if (maxsplit == -1 && vm_exc_occurred(vm)) return NULL;
  }
  if (maxsplit < 0) maxsplit = INTPTR_MAX;
  const char *d, *sd = NULL;
  ssize n, sn = 0;
  bytes_buffer(self, &d, &n);
  if (sep && sep != None) {
    if (need_buffer(vm, sep, &sd, &sn) < 0) return NULL;
    if (sn == 0) return vm_raise(vm, &Exc_ValueError, "empty separator");
  }
  Obj *list = list_new(vm, 0);
  if (!list) return NULL;
  if (!sd) {
    if (!reverse) {
      ssize i = 0;
      while (true) {
        while (i < n && bspace((unsigned char)d[i])) i++;
        if (i >= n) break;
        ssize a = i;
        if (maxsplit-- == 0) {
          if (append_piece(vm, list, self, d + a, n - a) < 0) goto fail;
          break;
        }
        while (i < n && !bspace((unsigned char)d[i])) i++;
        if (append_piece(vm, list, self, d + a, i - a) < 0) goto fail;
      }
    } else {
      ssize i = n;
      while (true) {
        while (i > 0 && bspace((unsigned char)d[i - 1])) i--;
        if (i <= 0) break;
        ssize e = i;
        if (maxsplit-- == 0) {
          if (append_piece(vm, list, self, d, e) < 0) goto fail;
          break;
        }
        while (i > 0 && !bspace((unsigned char)d[i - 1])) i--;
        if (append_piece(vm, list, self, d + i, e - i) < 0) goto fail;
      }
      list_reverse(list);
    }
    return list;
  }
  if (!reverse) {
    ssize i = 0;
    while (maxsplit-- > 0) {
      ssize k = bfind(d + i, n - i, sd, sn);
      if (k < 0) break;
      if (append_piece(vm, list, self, d + i, k) < 0) goto fail;
      i += k + sn;
    }
    if (append_piece(vm, list, self, d + i, n - i) < 0) goto fail;
  } else {
    ssize e = n;
    while (maxsplit-- > 0) {
      ssize k = brfind(d, e, sd, sn);
      if (k < 0) break;
      if (append_piece(vm, list, self, d + k + sn, e - k - sn) < 0) goto fail;
      e = k;
    }
    if (append_piece(vm, list, self, d, e) < 0) goto fail;
    list_reverse(list);
  }
  return list;
fail:
  decref(vm, list);
  return NULL;
}

static Obj *b_split(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return split_common(vm, self, "split", args, nargs, kwnames, false);
}

static Obj *b_rsplit(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return split_common(vm, self, "rsplit", args, nargs, kwnames, true);
}

static Obj *strip_common(VM *vm, Obj *self, const char *name, Obj *const *args,
                         size_t nargs, Obj *kwnames, bool left, bool right) {
  if (nargs_in(vm, self, name, nargs, kwnames, 0, 1) < 0) return NULL;
  const char *d, *cd = NULL;
  ssize n, cn = 0;
  bytes_buffer(self, &d, &n);
  if (nargs && args[0] != None && need_buffer(vm, args[0], &cd, &cn) < 0) return NULL;
  ssize a = 0, e = n;
#define STRIPPED(c) (cd ? memchr(cd, (unsigned char)(c), (size_t)cn) != NULL \
                        : bspace((unsigned char)(c)))
  if (left) while (a < e && STRIPPED(d[a])) a++;
  if (right) while (e > a && STRIPPED(d[e - 1])) e--;
#undef STRIPPED
  return same_kind(vm, self, d + a, (size_t)(e - a));
}

static Obj *b_strip(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return strip_common(vm, self, "strip", args, nargs, kwnames, true, true);
}

static Obj *b_lstrip(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return strip_common(vm, self, "lstrip", args, nargs, kwnames, true, false);
}

static Obj *b_rstrip(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return strip_common(vm, self, "rstrip", args, nargs, kwnames, false, true);
}

static Obj *b_replace(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "replace", nargs, kwnames, 2, 3) < 0) return NULL;
  const char *d, *od, *nd;
  ssize n, on, nn, count = -1;
  bytes_buffer(self, &d, &n);
  if (need_buffer(vm, args[0], &od, &on) < 0 || need_buffer(vm, args[1], &nd, &nn) < 0)
    return NULL;
  if (nargs > 2) {
    count = obj_as_ssize(vm, args[2]);
    if (count == -1 && vm_exc_occurred(vm)) return NULL;
  }
  StrBuf b;
  sb_init(&b);
  ssize i = 0, done = 0;
  if (on == 0) {
    while (count < 0 || done < count) {
      if (sb_add(vm, &b, nd, (size_t)nn) < 0) goto fail;
      done++;
      if (i >= n) break;
      if (sb_addc(vm, &b, d[i++]) < 0) goto fail;
    }
  } else {
    while (count < 0 || done < count) {
      ssize k = bfind(d + i, n - i, od, on);
      if (k < 0) break;
      if (sb_add(vm, &b, d + i, (size_t)k) < 0 || sb_add(vm, &b, nd, (size_t)nn) < 0)
        goto fail;
      i += k + on;
      done++;
    }
  }
  if (i < n && sb_add(vm, &b, d + i, (size_t)(n - i)) < 0) goto fail;
  {
    Obj *r = done ? same_kind(vm, self, b.p, b.len) : same_kind(vm, self, d, (size_t)n);
    sb_free(&b);
    return r;
  }
fail:
  sb_free(&b);
  return NULL;
}

static Obj *b_join(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "join", nargs, kwnames, 1, 1) < 0) return NULL;
  Obj *list = seq_to_list(vm, args[0]);
  if (!list) {
    if (vm_exc_matches(vm, &Exc_TypeError)) {
      vm_exc_clear(vm);
      return vm_raise(vm, &Exc_TypeError, "can only join an iterable");
    }
    return NULL;
  }
  const char *sd;
  ssize sn;
  bytes_buffer(self, &sd, &sn);
  StrBuf b;
  sb_init(&b);
  for (ssize i = 0; i < LIST_SIZE(list); i++) {
    const char *d;
    ssize n;
    if (!bytes_buffer(LIST_ITEMS(list)[i], &d, &n)) {
      vm_raise(vm, &Exc_TypeError,
               "sequence item %zd: expected a bytes-like object, %s found", i,
               obj_type_name(LIST_ITEMS(list)[i]));
      goto fail;
    }
    if ((i && sb_add(vm, &b, sd, (size_t)sn) < 0) || sb_add(vm, &b, d, (size_t)n) < 0)
      goto fail;
  }
  decref(vm, list);
  {
    Obj *r = bytearray_check(self) ? bytearray_new(vm, b.p, b.len)
                                   : bytes_new(vm, b.p, b.len);
    sb_free(&b);
    return r;
  }
fail:
  decref(vm, list);
  sb_free(&b);
  return NULL;
}

static Obj *b_decode(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  static const char *const names[] = {"encoding", "errors"};
  Obj *a[2] = {NULL, NULL};
  if (args_parse(vm, "decode", args, nargs, kwnames, names, 2, 0, a) < 0) return NULL;
  for (int i = 0; i < 2; i++)
    if (a[i] && !str_check(a[i]))
      return vm_raise(vm, &Exc_TypeError, "decode() argument '%s' must be str, not %s",
                      names[i], obj_type_name(a[i]));
  const char *d;
  ssize n;
  bytes_buffer(self, &d, &n);
  return bytes_decode(vm, d, (size_t)n, a[0] ? STR_UTF8(a[0]) : "utf-8",
                      a[1] ? STR_UTF8(a[1]) : "strict");
}

static Obj *b_hex(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  static const char *const names[] = {"sep", "bytes_per_sep"};
  Obj *a[2] = {NULL, NULL};
  if (args_parse(vm, "hex", args, nargs, kwnames, names, 2, 0, a) < 0) return NULL;
  const char *d;
  ssize n;
  bytes_buffer(self, &d, &n);
  char sep = 0;
  ssize per = 1;
  if (a[0]) {
    const char *sd;
    ssize sn;
    if (str_check(a[0])) { sd = STR_UTF8(a[0]); sn = STR_NBYTES(a[0]); }
    else if (!bytes_buffer(a[0], &sd, &sn))
      return vm_raise(vm, &Exc_TypeError, "sep must be str or bytes.");
    if (sn != 1 || (unsigned char)sd[0] >= 0x80)
      return vm_raise(vm, &Exc_ValueError, "sep must be length 1.");
    sep = sd[0];
  }
  if (a[1]) {
    per = obj_as_ssize(vm, a[1]);
    if (per == -1 && vm_exc_occurred(vm)) return NULL;
  }
  StrBuf b;
  sb_init(&b);
  ssize group = per < 0 ? -per : per;
  for (ssize i = 0; i < n; i++) {
    /* groups count from the right for positive bytes_per_sep */
    if (sep && group && i > 0) {
      bool cut = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (cut && sb_addc(vm, &b, sep) < 0) goto fail;
    }
    unsigned char c = (unsigned char)d[i];
    char h[2] = {hexdig[c >> 4], hexdig[c & 15]};
    if (sb_add(vm, &b, h, 2) < 0) goto fail;
  }
  return sb_finish(vm, &b);
fail:
  sb_free(&b);
  return NULL;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static Obj *b_fromhex(VM *vm, Obj *cls, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (kwnames && TUPLE_SIZE(kwnames))
    return vm_raise(vm, &Exc_TypeError, "fromhex() takes no keyword arguments");
  if (nargs != 1)
    return vm_raise(vm, &Exc_TypeError, "fromhex() takes exactly one argument (%zu given)",
                    nargs);
  if (!str_check(args[0]))
    return vm_raise(vm, &Exc_TypeError, "fromhex() argument must be str, not %s",
                    obj_type_name(args[0]));
  const char *s = STR_UTF8(args[0]);
  ssize n = STR_NBYTES(args[0]);
  StrBuf b;
  sb_init(&b);
  ssize i = 0;
  while (i < n) {
    if (bspace((unsigned char)s[i])) { i++; continue; }
    int hi = hexval(s[i]), lo = i + 1 < n ? hexval(s[i + 1]) : -1;
    if (hi < 0 || lo < 0) {
      ssize at = hi < 0 ? i : i + 1;
      sb_free(&b);
      return vm_raise(vm, &Exc_ValueError,
                      "non-hexadecimal number found in fromhex() arg at position %zd",
                      utf8_count(s, (size_t)at, true, NULL, NULL, NULL));
    }
    if (sb_addc(vm, &b, (char)(hi * 16 + lo)) < 0) { sb_free(&b); return NULL; }
    i += 2;
  }
  Obj *r = (TypeObj *)cls == &ByteArray_Type ? bytearray_new(vm, b.p, b.len)
                                              : bytes_new(vm, b.p, b.len);
  sb_free(&b);
  return r;
}

typedef bool (*bpred)(unsigned char);
static bool bp_digit(unsigned char c) { return c - '0' < 10u; }
static bool bp_alpha(unsigned char c) { return (unsigned)((c | 32) - 'a') < 26u; }
static bool bp_alnum(unsigned char c) { return bp_digit(c) || bp_alpha(c); }
static bool bp_space(unsigned char c) { return bspace(c); }

static Obj *all_bytes(VM *vm, Obj *self, const char *name, size_t nargs, Obj *kwnames,
                      bpred p) {
  if (nargs_in(vm, self, name, nargs, kwnames, 0, 0) < 0) return NULL;
  const char *d;
  ssize n;
  bytes_buffer(self, &d, &n);
  if (n == 0) return bool_new(false);
  for (ssize i = 0; i < n; i++)
    if (!p((unsigned char)d[i])) return bool_new(false);
  return bool_new(true);
}

static Obj *b_isdigit(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return all_bytes(vm, self, "isdigit", nargs, kwnames, bp_digit);
}
static Obj *b_isalpha(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return all_bytes(vm, self, "isalpha", nargs, kwnames, bp_alpha);
}
static Obj *b_isalnum(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return all_bytes(vm, self, "isalnum", nargs, kwnames, bp_alnum);
}
static Obj *b_isspace(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return all_bytes(vm, self, "isspace", nargs, kwnames, bp_space);
}

static Obj *case_bytes(VM *vm, Obj *self, const char *name, size_t nargs, Obj *kwnames,
                       bool upper) {
  if (nargs_in(vm, self, name, nargs, kwnames, 0, 0) < 0) return NULL;
  const char *d;
  ssize n;
  bytes_buffer(self, &d, &n);
  StrBuf b;
  sb_init(&b);
  char *w = sb_reserve(vm, &b, (size_t)n);
  if (!w) { sb_free(&b); return NULL; }
  for (ssize i = 0; i < n; i++) {
    unsigned char c = (unsigned char)d[i];
    if (upper && c - 'a' < 26u) c -= 32;
    else if (!upper && c - 'A' < 26u) c += 32;
    w[i] = (char)c;
  }
  b.len = (size_t)n;
  Obj *r = bytearray_check(self) ? bytearray_new(vm, b.p, b.len) : bytes_new(vm, b.p, b.len);
  sb_free(&b);
  return r;
}

static Obj *b_upper(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return case_bytes(vm, self, "upper", nargs, kwnames, true);
}
static Obj *b_lower(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return case_bytes(vm, self, "lower", nargs, kwnames, false);
}

static Obj *partition_common(VM *vm, Obj *self, const char *name, Obj *const *args,
                             size_t nargs, Obj *kwnames, bool reverse) {
  if (nargs_in(vm, self, name, nargs, kwnames, 1, 1) < 0) return NULL;
  const char *d, *sd;
  ssize n, sn;
  bytes_buffer(self, &d, &n);
  if (need_buffer(vm, args[0], &sd, &sn) < 0) return NULL;
  if (sn == 0) return vm_raise(vm, &Exc_ValueError, "empty separator");
  ssize k = reverse ? brfind(d, n, sd, sn) : bfind(d, n, sd, sn);
  Obj *p[3];
  if (k < 0) {
    p[0] = same_kind(vm, self, reverse ? "" : d, reverse ? 0 : (size_t)n);
    p[1] = same_kind(vm, self, "", 0);
    p[2] = same_kind(vm, self, reverse ? d : "", reverse ? (size_t)n : 0);
  } else {
    p[0] = same_kind(vm, self, d, (size_t)k);
    p[1] = same_kind(vm, self, sd, (size_t)sn);
    p[2] = same_kind(vm, self, d + k + sn, (size_t)(n - k - sn));
  }
  Obj *t = p[0] && p[1] && p[2] ? tuple_pack(vm, 3, p[0], p[1], p[2]) : NULL;
  for (int i = 0; i < 3; i++) xdecref(vm, p[i]);
  return t;
}

static Obj *b_partition(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return partition_common(vm, self, "partition", args, nargs, kwnames, false);
}
static Obj *b_rpartition(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  return partition_common(vm, self, "rpartition", args, nargs, kwnames, true);
}

static Obj *b_removeaffix(VM *vm, Obj *self, const char *name, Obj *const *args,
                          size_t nargs, Obj *kwnames, bool suffix) {
  if (nargs_in(vm, self, name, nargs, kwnames, 1, 1) < 0) return NULL;
  const char *d, *pd;
  ssize n, pn;
  bytes_buffer(self, &d, &n);
  if (need_buffer(vm, args[0], &pd, &pn) < 0) return NULL;
  if (pn && pn <= n && memcmp(suffix ? d + n - pn : d, pd, (size_t)pn) == 0)
    return same_kind(vm, self, suffix ? d : d + pn, (size_t)(n - pn));
  return same_kind(vm, self, d, (size_t)n);
}

static Obj *b_removeprefix(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  return b_removeaffix(vm, self, "removeprefix", args, nargs, kwnames, false);
}
static Obj *b_removesuffix(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  return b_removeaffix(vm, self, "removesuffix", args, nargs, kwnames, true);
}

static Obj *b_getnewargs(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  if (nargs_in(vm, self, "__getnewargs__", nargs, kwnames, 0, 0) < 0) return NULL;
  Obj *b = bytes_new(vm, BYTES_DATA(self), (size_t)BYTES_SIZE(self));
  if (!b) return NULL;
  Obj *t = tuple_pack(vm, 1, b);
  decref(vm, b);
  return t;
}

/* ------------------------------------------------------------------ */
/* More str-like methods: case, padding, tabs, lines, translation     */
/* ------------------------------------------------------------------ */

static inline bool b_isup(unsigned char c) { return c - 'A' < 26u; }
static inline bool b_islo(unsigned char c) { return c - 'a' < 26u; }

/* SELF's kind holding the N bytes at B's buffer; releases B. */
static Obj *finish_kind(VM *vm, Obj *self, StrBuf *b) {
  Obj *r = b->failed ? NULL
           : bytearray_check(self) ? bytearray_new(vm, b->p, b->len)
                                   : bytes_new(vm, b->p, b->len);
  sb_free(b);
  return r;
}

enum { CASE_SWAP, CASE_CAPITALIZE, CASE_TITLE };

static Obj *recase(VM *vm, Obj *self, const char *name, size_t nargs, Obj *kwnames,
                   int how) {
  if (nargs_in(vm, self, name, nargs, kwnames, 0, 0) < 0) return NULL;
  const char *d;
  ssize n;
  bytes_buffer(self, &d, &n);
  StrBuf b;
  sb_init(&b);
  char *w = sb_reserve(vm, &b, (size_t)n);
  if (!w) { sb_free(&b); return NULL; }
  bool prev_cased = false;
  for (ssize i = 0; i < n; i++) {
    unsigned char c = (unsigned char)d[i];
    bool up = b_isup(c), lo = b_islo(c);
    switch (how) {
    case CASE_SWAP:
      if (up) c += 32;
      else if (lo) c -= 32;
      break;
    case CASE_CAPITALIZE:
      if (i == 0 && lo) c -= 32;
      else if (i > 0 && up) c += 32;
      break;
    default:   /* title: upper after an uncased byte, lower after a cased one */
      if (prev_cased && up) c += 32;
      else if (!prev_cased && lo) c -= 32;
      prev_cased = up || lo;
      break;
    }
    w[i] = (char)c;
  }
  b.len = (size_t)n;
  return finish_kind(vm, self, &b);
}

static Obj *b_swapcase(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return recase(vm, self, "swapcase", nargs, kwnames, CASE_SWAP);
}
static Obj *b_capitalize(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return recase(vm, self, "capitalize", nargs, kwnames, CASE_CAPITALIZE);
}
static Obj *b_title(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return recase(vm, self, "title", nargs, kwnames, CASE_TITLE);
}

static bool bp_ascii(unsigned char c) { return c < 128; }

static Obj *b_isascii(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "isascii", nargs, kwnames, 0, 0) < 0) return NULL;
  const char *d;
  ssize n;
  bytes_buffer(self, &d, &n);
  for (ssize i = 0; i < n; i++)
    if (!bp_ascii((unsigned char)d[i])) return bool_new(false);
  return bool_new(true);
}

/* islower / isupper: some cased byte, none of the other case. */
static Obj *cased_only(VM *vm, Obj *self, const char *name, size_t nargs, Obj *kwnames,
                       bool upper) {
  if (nargs_in(vm, self, name, nargs, kwnames, 0, 0) < 0) return NULL;
  const char *d;
  ssize n;
  bytes_buffer(self, &d, &n);
  bool cased = false;
  for (ssize i = 0; i < n; i++) {
    unsigned char c = (unsigned char)d[i];
    if (upper ? b_islo(c) : b_isup(c)) return bool_new(false);
    if (upper ? b_isup(c) : b_islo(c)) cased = true;
  }
  return bool_new(cased);
}
static Obj *b_islower(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return cased_only(vm, self, "islower", nargs, kwnames, false);
}
static Obj *b_isupper(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return cased_only(vm, self, "isupper", nargs, kwnames, true);
}

static Obj *b_istitle(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "istitle", nargs, kwnames, 0, 0) < 0) return NULL;
  const char *d;
  ssize n;
  bytes_buffer(self, &d, &n);
  bool cased = false, prev_cased = false;
  for (ssize i = 0; i < n; i++) {
    unsigned char c = (unsigned char)d[i];
    if (b_isup(c)) {
      if (prev_cased) return bool_new(false);
      prev_cased = cased = true;
    } else if (b_islo(c)) {
      if (!prev_cased) return bool_new(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return bool_new(cased);
}

/* The width argument and the fill byte of center/ljust/rjust. */
static int pad_args(VM *vm, Obj *self, const char *name, Obj *const *args, size_t nargs,
                    Obj *kwnames, ssize *width, char *fill) {
  if (nargs_in(vm, self, name, nargs, kwnames, 1, 2) < 0) return -1;
  *width = obj_as_ssize(vm, args[0]);
  if (*width == -1 && vm_exc_occurred(vm)) return -1;
  *fill = ' ';
  if (nargs == 2) {
    const char *fd;
    ssize fn;
    if ((!obj_isinstance(args[1], &Bytes_Type) && !bytearray_check(args[1])) ||
        !bytes_buffer(args[1], &fd, &fn) || fn != 1) {
      vm_raise(vm, &Exc_TypeError,
               "%s() argument 2 must be a byte string of length 1, not %s", name,
               obj_type_name(args[1]));
      return -1;
    }
    *fill = fd[0];
  }
  return 0;
}

static Obj *pad(VM *vm, Obj *self, ssize left, ssize right, char fill) {
  const char *d;
  ssize n;
  bytes_buffer(self, &d, &n);
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return same_kind(vm, self, d, (size_t)n);
  StrBuf b;
  sb_init(&b);
  char *w = sb_reserve(vm, &b, (size_t)(left + n + right));
  if (!w) { sb_free(&b); return NULL; }
  memset(w, fill, (size_t)left);
  if (n) memcpy(w + left, d, (size_t)n);
  memset(w + left + n, fill, (size_t)right);
  b.len = (size_t)(left + n + right);
  return finish_kind(vm, self, &b);
}

static Obj *b_center(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  ssize width;
  char fill;
  if (pad_args(vm, self, "center", args, nargs, kwnames, &width, &fill) < 0) return NULL;
  ssize n = bytes_len(vm, self);
  if (width <= n) return pad(vm, self, 0, 0, fill);
  ssize marg = width - n, left = marg / 2 + (marg & width & 1);
  return pad(vm, self, left, marg - left, fill);
}
static Obj *b_ljust(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  ssize width;
  char fill;
  if (pad_args(vm, self, "ljust", args, nargs, kwnames, &width, &fill) < 0) return NULL;
  return pad(vm, self, 0, width - bytes_len(vm, self), fill);
}
static Obj *b_rjust(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  ssize width;
  char fill;
  if (pad_args(vm, self, "rjust", args, nargs, kwnames, &width, &fill) < 0) return NULL;
  return pad(vm, self, width - bytes_len(vm, self), 0, fill);
}

static Obj *b_zfill(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "zfill", nargs, kwnames, 1, 1) < 0) return NULL;
  ssize width = obj_as_ssize(vm, args[0]);
  if (width == -1 && vm_exc_occurred(vm)) return NULL;
  const char *d;
  ssize n;
  bytes_buffer(self, &d, &n);
  if (width <= n) return same_kind(vm, self, d, (size_t)n);
  Obj *r = pad(vm, self, width - n, 0, '0');
  if (!r) return NULL;
  char *w;
  ssize rn;
  bytes_buffer(r, (const char **)&w, &rn);
  if (n && (d[0] == '+' || d[0] == '-')) {
    w[0] = d[0];
    w[width - n] = '0';
  }
  return r;
}

static Obj *b_expandtabs(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  static const char *const names[] = {"tabsize"};
  Obj *a[1] = {NULL};
  if (args_parse(vm, "expandtabs", args, nargs, kwnames, names, 1, 0, a) < 0) return NULL;
  ssize tab = 8;
  if (a[0]) {
    tab = obj_as_ssize(vm, a[0]);
    if (tab == -1 && vm_exc_occurred(vm)) return NULL;
  }
  const char *d;
  ssize n;
  bytes_buffer(self, &d, &n);
  StrBuf b;
  sb_init(&b);
  ssize col = 0;
  for (ssize i = 0; i < n && !b.failed; i++) {
    char c = d[i];
    if (c == '\t') {
      if (tab > 0) {
        ssize k = tab - col % tab;
        char *w = sb_reserve(vm, &b, (size_t)k);
        if (!w) break;
        memset(w, ' ', (size_t)k);
        b.len += (size_t)k;
        col += k;
      }
    } else {
      sb_addc(vm, &b, c);
      col = c == '\n' || c == '\r' ? 0 : col + 1;
    }
  }
  return finish_kind(vm, self, &b);
}

static Obj *b_splitlines(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  static const char *const names[] = {"keepends"};
  Obj *a[1] = {NULL};
  if (args_parse(vm, "splitlines", args, nargs, kwnames, names, 1, 0, a) < 0) return NULL;
  int keep = 0;
  if (a[0] && (keep = obj_truthy(vm, a[0])) < 0) return NULL;
  const char *d;
  ssize n;
  bytes_buffer(self, &d, &n);
  Obj *list = list_new(vm, 0);
  if (!list) return NULL;
  ssize i = 0;
  while (i < n) {
    ssize j = i;
    while (j < n && d[j] != '\n' && d[j] != '\r') j++;
    ssize eol = j;
    if (j < n) j += d[j] == '\r' && j + 1 < n && d[j + 1] == '\n' ? 2 : 1;
    if (append_piece(vm, list, self, d + i, (keep ? j : eol) - i) < 0) {
      decref(vm, list);
      return NULL;
    }
    i = j;
  }
  return list;
}

/* bytes.maketrans(frm, to): a static method. */
static Obj *b_maketrans(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  (void)self;
  if (kwnames && TUPLE_SIZE(kwnames))
    return vm_raise(vm, &Exc_TypeError, "maketrans() takes no keyword arguments");
  if (nargs != 2)
    return vm_raise(vm, &Exc_TypeError, "maketrans expected 2 arguments, got %zu", nargs);
  const char *fd, *td;
  ssize fn, tn;
  if (need_buffer(vm, args[0], &fd, &fn) < 0 || need_buffer(vm, args[1], &td, &tn) < 0)
    return NULL;
  if (fn != tn)
    return vm_raise(vm, &Exc_ValueError, "maketrans arguments must have same length");
  char table[256];
  for (int i = 0; i < 256; i++) table[i] = (char)i;
  for (ssize i = 0; i < fn; i++) table[(unsigned char)fd[i]] = td[i];
  return bytes_new(vm, table, 256);
}

static Obj *b_translate(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  static const char *const names[] = {"table", "delete"};
  Obj *a[2] = {NULL, NULL};
  if (nargs > 1 || (nargs == 0 && !(kwnames && TUPLE_SIZE(kwnames)))) {
    if (nargs == 0)
      return vm_raise(vm, &Exc_TypeError, "translate expected at least 1 argument, got 0");
  }
  for (ssize k = 0; kwnames && k < TUPLE_SIZE(kwnames); k++)
    if (str_eq_cstr(TUPLE_GET(kwnames, k), "table"))
      return vm_raise(vm, &Exc_TypeError,
                      "translate() takes at least 1 positional argument (0 given)");
  if (args_parse(vm, "translate", args, nargs, kwnames, names, 2, 1, a) < 0) return NULL;
  const char *tab = NULL, *dd = "";
  ssize tn = 0, dn = 0;
  if (a[0] != None) {
    if (need_buffer(vm, a[0], &tab, &tn) < 0) return NULL;
    if (tn != 256)
      return vm_raise(vm, &Exc_ValueError, "translation table must be 256 characters long");
  }
  if (a[1] && need_buffer(vm, a[1], &dd, &dn) < 0) return NULL;
  bool del[256] = {false};
  for (ssize i = 0; i < dn; i++) del[(unsigned char)dd[i]] = true;
  const char *d;
  ssize n;
  bytes_buffer(self, &d, &n);
  StrBuf b;
  sb_init(&b);
  char *w = sb_reserve(vm, &b, (size_t)n);
  if (!w) { sb_free(&b); return NULL; }
  ssize m = 0;
  for (ssize i = 0; i < n; i++) {
    unsigned char c = (unsigned char)d[i];
    if (del[c]) continue;
    w[m++] = tab ? tab[c] : (char)c;
  }
  b.len = (size_t)m;
  if (!bytearray_check(self) && m == n && memcmp(w, d, (size_t)n) == 0 &&
      obj_is(self, &Bytes_Type)) {
    sb_free(&b);
    return incref(self);
  }
  return finish_kind(vm, self, &b);
}

/* bytes.__bytes__(): SELF as exact bytes. */
static Obj *b_bytes(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "__bytes__", nargs, kwnames, 0, 0) < 0) return NULL;
  if (obj_is(self, &Bytes_Type)) return incref(self);
  const char *d;
  ssize n;
  bytes_buffer(self, &d, &n);
  return bytes_new(vm, d, (size_t)n);
}

/* bytearray.__alloc__(): bytes allocated for the data. */
static Obj *ba_alloc_m(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "__alloc__", nargs, kwnames, 0, 0) < 0) return NULL;
  return int_from_i64(vm, (int64_t)BA(self)->alloc);
}

#define SHARED_METHODS                                  \
  {"decode", b_decode, 0},                              \
  {"hex", b_hex, 0},                                    \
  {"fromhex", b_fromhex, METH_CLASS},                   \
  {"join", b_join, 0},                                  \
  {"find", b_find, 0},                                  \
  {"rfind", b_rfind, 0},                                \
  {"index", b_index, 0},                                \
  {"rindex", b_rindex, 0},                              \
  {"count", b_count, 0},                                \
  {"startswith", b_startswith, 0},                      \
  {"endswith", b_endswith, 0},                          \
  {"split", b_split, 0},                                \
  {"rsplit", b_rsplit, 0},                              \
  {"strip", b_strip, 0},                                \
  {"lstrip", b_lstrip, 0},                              \
  {"rstrip", b_rstrip, 0},                              \
  {"replace", b_replace, 0},                            \
  {"upper", b_upper, 0},                                \
  {"lower", b_lower, 0},                                \
  {"isdigit", b_isdigit, 0},                            \
  {"isalpha", b_isalpha, 0},                            \
  {"isalnum", b_isalnum, 0},                            \
  {"isspace", b_isspace, 0},                            \
  {"partition", b_partition, 0},                        \
  {"rpartition", b_rpartition, 0},                      \
  {"removeprefix", b_removeprefix, 0},                  \
  {"removesuffix", b_removesuffix, 0},                  \
  {"swapcase", b_swapcase, 0},                          \
  {"capitalize", b_capitalize, 0},                      \
  {"title", b_title, 0},                                \
  {"isascii", b_isascii, 0},                            \
  {"islower", b_islower, 0},                            \
  {"isupper", b_isupper, 0},                            \
  {"istitle", b_istitle, 0},                            \
  {"center", b_center, 0},                              \
  {"ljust", b_ljust, 0},                                \
  {"rjust", b_rjust, 0},                                \
  {"zfill", b_zfill, 0},                                \
  {"expandtabs", b_expandtabs, 0},                      \
  {"splitlines", b_splitlines, 0},                      \
  {"maketrans", b_maketrans, METH_STATIC},              \
  {"translate", b_translate, 0}

static const MethodDef bytes_methods[] = {
  SHARED_METHODS,
  {"__getnewargs__", b_getnewargs, 0},
  {"__bytes__", b_bytes, 0},
  {NULL, NULL, 0}
};

/* ------------------------------------------------------------------ */
/* bytearray mutation                                                 */
/* ------------------------------------------------------------------ */

static int ba_setitem(VM *vm, Obj *o, Obj *key, Obj *value) {
  ByteArrayObj *ba = BA(o);
  if (!obj_is(key, &Slice_Type)) {
    if (!int_check(key) && !TYPE(key)->index) {
      vm_raise(vm, &Exc_TypeError, "bytearray indices must be integers or slices, not %s",
               obj_type_name(key));
      return -1;
    }
    ssize i = seq_index(vm, o, key, ba->size, "bytearray index out of range");
    if (i < 0) return -1;
    if (!value) {
      memmove(ba->data + i, ba->data + i + 1, (size_t)(ba->size - i - 1));
      return ba_resize(vm, o, ba->size - 1);
    }
    int v = byte_value(vm, value, "byte must be in range(0, 256)");
    if (v < 0) return -1;
    ba->data[i] = (char)v;
    return 0;
  }
  ssize start, stop, step;
  ssize len = slice_indices(vm, key, ba->size, &start, &stop, &step);
  if (len < 0) return -1;
  /* the new bytes, copied first (VALUE may be O itself) */
  StrBuf b;
  sb_init(&b);
  if (value) {
    if (int_check(value) || str_check(value)) {
      vm_raise(vm, &Exc_TypeError,
               "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      return -1;
    }
    if (bytes_from_args(vm, &b, value, NULL, NULL) < 0) { sb_free(&b); return -1; }
  }
  ssize nv = (ssize)b.len;
  int rc = 0;
  if (step == 1) {
    ssize old = ba->size, tail = old - start - len;
    if (nv > len) {
      if (ba_resize(vm, o, old + nv - len) < 0) { sb_free(&b); return -1; }
      memmove(ba->data + start + nv, ba->data + start + len, (size_t)tail);
    } else if (nv < len) {
      memmove(ba->data + start + nv, ba->data + start + len, (size_t)tail);
      rc = ba_resize(vm, o, old + nv - len);
    }
    if (nv) memcpy(ba->data + start, b.p, (size_t)nv);
  } else if (!value) {
    /* delete an extended slice: keep the others in order */
    if (step < 0) { start = start + step * (len - 1); step = -step; }
    ssize w = start, r = start, k = 0;
    for (; r < ba->size; r++) {
      if (k < len && r == start + k * step) { k++; continue; }
      ba->data[w++] = ba->data[r];
    }
    rc = ba_resize(vm, o, w);
  } else {
    if (nv != len) {
      vm_raise(vm, &Exc_ValueError,
               "attempt to assign bytes of size %zd to extended slice of size %zd", nv,
               len);
      sb_free(&b);
      return -1;
    }
    for (ssize i = 0, j = start; i < len; i++, j += step) ba->data[j] = b.p[i];
  }
  sb_free(&b);
  return rc;
}

static Obj *ba_append(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "append", nargs, kwnames, 1, 1) < 0) return NULL;
  int v = byte_value(vm, args[0], "byte must be in range(0, 256)");
  if (v < 0) return NULL;
  if (ba_resize(vm, self, BA(self)->size + 1) < 0) return NULL;
  BA(self)->data[BA(self)->size - 1] = (char)v;
  return none_new();
}

static int ba_extend_with(VM *vm, Obj *self, Obj *x) {
  if (str_check(x)) {
    vm_raise(vm, &Exc_TypeError, "expected iterable of integers; got: 'str'");
    return -1;
  }
  if (!bytes_check(x) && !bytearray_check(x) && !TYPE(x)->iter && !TYPE(x)->getitem) {
    vm_raise(vm, &Exc_TypeError, "can't extend bytearray with %s", obj_type_name(x));
    return -1;
  }
  StrBuf b;
  sb_init(&b);
  if (bytes_from_args(vm, &b, x, NULL, NULL) < 0) { sb_free(&b); return -1; }
  ssize old = BA(self)->size;
  int rc = ba_resize(vm, self, old + (ssize)b.len);
  if (rc == 0 && b.len) memcpy(BA(self)->data + old, b.p, b.len);
  sb_free(&b);
  return rc;
}

static Obj *ba_extend(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "extend", nargs, kwnames, 1, 1) < 0) return NULL;
  if (ba_extend_with(vm, self, args[0]) < 0) return NULL;
  return none_new();
}

static Obj *ba_iadd(VM *vm, Obj *a, Obj *b) {
  if (!bytearray_check(a)) return incref(NotImplemented);
  const char *d;
  ssize n;
  if (!bytes_buffer(b, &d, &n))
    return vm_raise(vm, &Exc_TypeError, "can't concat %s to bytearray", obj_type_name(b));
  ssize old = BA(a)->size;
  if (ba_resize(vm, a, old + n) < 0) return NULL;
  /* B may be A, whose data the resize may have moved */
  if (n) memmove(BA(a)->data + old, b == a ? BA(a)->data : d, (size_t)n);
  return incref(a);
}

static Obj *ba_pop(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "pop", nargs, kwnames, 0, 1) < 0) return NULL;
  ByteArrayObj *ba = BA(self);
  ssize i = -1;
  if (nargs) {
    i = obj_as_ssize(vm, args[0]);
    if (i == -1 && vm_exc_occurred(vm)) return NULL;
  }
  if (ba->size == 0) return vm_raise(vm, &Exc_IndexError, "pop from empty bytearray");
  if (i < 0) i += ba->size;
  if (i < 0 || i >= ba->size) return vm_raise(vm, &Exc_IndexError, "pop index out of range");
  int v = (unsigned char)ba->data[i];
  memmove(ba->data + i, ba->data + i + 1, (size_t)(ba->size - i - 1));
  if (ba_resize(vm, self, ba->size - 1) < 0) return NULL;
  return int_from_i64(vm, v);
}

static Obj *ba_insert(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "insert", nargs, kwnames, 2, 2) < 0) return NULL;
  ByteArrayObj *ba = BA(self);
  ssize i = obj_as_ssize(vm, args[0]);
  if (i == -1 && vm_exc_occurred(vm)) return NULL;
  int v = byte_value(vm, args[1], "byte must be in range(0, 256)");
  if (v < 0) return NULL;
  ssize n = ba->size;
  if (i < 0) { i += n; if (i < 0) i = 0; }
  if (i > n) i = n;
  if (ba_resize(vm, self, n + 1) < 0) return NULL;
  memmove(ba->data + i + 1, ba->data + i, (size_t)(n - i));
  ba->data[i] = (char)v;
  return none_new();
}

static Obj *ba_remove(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "remove", nargs, kwnames, 1, 1) < 0) return NULL;
  int v = byte_value(vm, args[0], "byte must be in range(0, 256)");
  if (v < 0) return NULL;
  ByteArrayObj *ba = BA(self);
  char *p = ba->size ? memchr(ba->data, v, (size_t)ba->size) : NULL;
  if (!p) return vm_raise(vm, &Exc_ValueError, "value not found in bytearray");
  ssize i = p - ba->data;
  memmove(ba->data + i, ba->data + i + 1, (size_t)(ba->size - i - 1));
  if (ba_resize(vm, self, ba->size - 1) < 0) return NULL;
  return none_new();
}

static Obj *ba_clear(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "clear", nargs, kwnames, 0, 0) < 0) return NULL;
  if (ba_resize(vm, self, 0) < 0) return NULL;
  return none_new();
}

static Obj *ba_copy(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "copy", nargs, kwnames, 0, 0) < 0) return NULL;
  return bytearray_new(vm, BA(self)->data, (size_t)BA(self)->size);
}

static Obj *ba_reverse(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs_in(vm, self, "reverse", nargs, kwnames, 0, 0) < 0) return NULL;
  char *d = BA(self)->data;
  for (ssize i = 0, j = BA(self)->size - 1; i < j; i++, j--) {
    char t = d[i];
    d[i] = d[j];
    d[j] = t;
  }
  return none_new();
}

static const MethodDef bytearray_methods[] = {
  SHARED_METHODS,
  {"append", ba_append, 0},
  {"extend", ba_extend, 0},
  {"pop", ba_pop, 0},
  {"insert", ba_insert, 0},
  {"remove", ba_remove, 0},
  {"clear", ba_clear, 0},
  {"copy", ba_copy, 0},
  {"reverse", ba_reverse, 0},
  {"__alloc__", ba_alloc_m, 0},
  {NULL, NULL, 0}
};

static int bytes_bool(VM *vm, Obj *o) { return bytes_len(vm, o) != 0; }

/* ------------------------------------------------------------------ */
/* The types                                                          */
/* ------------------------------------------------------------------ */

TypeObj Bytes_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "bytes",
  .tag = HT_TAG_BYTES,
  .basicsize = sizeof(BytesObj),
  .itemsize = 1,
  .flags = TF_BASETYPE,
  .base = &Object_Type,
  .dealloc = bytes_dealloc,
  .sizeof_ = bytes_sizeof,
  .new_ = bytes_call_new,
  .repr = bytes_repr,
  .hash = bytes_hash,
  .richcmp = bytes_richcmp,
  .iter = bytes_iter,
  .len = bytes_len,
  .getitem = bytes_getitem,
  .contains = bytes_contains,
  .bool_ = bytes_bool,
  .binop = {
    [BINOP_ADD] = bytes_concat,
    [BINOP_MUL] = bytes_repeat,
    [BINOP_MOD] = bytes_mod,
  },
  .methods = bytes_methods,
  .doc = "bytes(iterable_of_ints) -> bytes\n"
         "bytes(string, encoding[, errors]) -> bytes\n"
         "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
         "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
         "bytes() -> empty bytes object",
};

static Obj *ba_imul(VM *vm, Obj *a, Obj *b) {
  if (!bytearray_check(a)) return incref(NotImplemented);
  Obj *r = bytes_repeat(vm, a, b);
  if (!r) return NULL;
  ssize n = BA(r)->size;
  int rc = ba_resize(vm, a, n);
  if (rc == 0 && n) memcpy(BA(a)->data, BA(r)->data, (size_t)n);
  decref(vm, r);
  return rc < 0 ? NULL : incref(a);
}

TypeObj ByteArray_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "bytearray",
  .tag = HT_TAG_BYTES,
  .basicsize = sizeof(ByteArrayObj),
  .flags = TF_BASETYPE,
  .base = &Object_Type,
  .dealloc = bytearray_dealloc,
  .sizeof_ = bytearray_sizeof,
  .new_ = bytearray_call_new,
  .init = bytearray_init,
  .repr = bytearray_repr,
  .richcmp = bytes_richcmp,
  .iter = bytes_iter,
  .len = bytes_len,
  .getitem = bytes_getitem,
  .setitem = ba_setitem,
  .contains = bytes_contains,
  .bool_ = bytes_bool,
  .binop = {
    [BINOP_ADD] = bytes_concat,
    [BINOP_MUL] = bytes_repeat,
    [BINOP_MOD] = bytes_mod,
  },
  .inplace = {
    [BINOP_ADD] = ba_iadd,
    [BINOP_MUL] = ba_imul,
  },
  .methods = bytearray_methods,
};
