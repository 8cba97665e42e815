/*
** str.c -- the str type: construction, UTF-8, interning, hashing, repr,
** comparison, concatenation, indexing, slicing and iteration.
**
** Layout (object.h): one STR block holding the StrObj header, the UTF-8
** bytes and a NUL.  A str never changes after it is published, so its hash
** is computed once and cached, and the `ascii` flag (every byte < 128) lets
** indexing and slicing skip the UTF-8 scan.  Non-ASCII indexing walks the
** bytes from whichever end of the string is closer to the wanted index.
**
** Ownership: the empty string and the one-character ASCII strings live in
** struct VM for the VM's lifetime and are handed out (with a new reference)
** by every constructor here; the intern table vm->interned maps a str to
** itself and holds both references until text_fini().
**
** A str may hold lone surrogates (U+D800..U+DFFF, as '\ud800' in source
** does); they are stored with their 3-byte generalised UTF-8 form, which
** strict decoding and encoding reject.
**
** The methods live in strmethods.c, formatting in strformat.c.
*/
#define _GNU_SOURCE 1   /* memmem */
#include <stdio.h>
#include <string.h>

#include "vm.h"
#include "str.h"

#define STR_HEADER offsetof(StrObj, data)

/* ------------------------------------------------------------------ */
/* UTF-8                                                              */
/* ------------------------------------------------------------------ */

static inline bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

int utf8_decode_one(const char *s, size_t n, bool surrogates, uint32_t *cp,
                    const char **why) {
  const unsigned char *p = (const unsigned char *)s;
  unsigned c = p[0];
  unsigned lo = 0x80, hi = 0xBF;  /* allowed range of the second byte */
  int need;
  if (c < 0x80) { *cp = c; return 1; }
  if (c < 0xC2 || c > 0xF4) { *why = "invalid start byte"; return -1; }
  if (c < 0xE0) need = 2;
  else if (c < 0xF0) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    else if (c == 0xED && !surrogates) hi = 0x9F;
  } else {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    else if (c == 0xF4) hi = 0x8F;
  }
  for (int k = 1; k < need; k++) {
    if ((size_t)k >= n) { *why = "unexpected end of data"; return -k; }
    unsigned b = p[k];
    if (k == 1 ? (b < lo || b > hi) : !is_cont((unsigned char)b)) {
      *why = "invalid continuation byte";
      return -k;
    }
  }
  size_t i = 0;
  *cp = utf8_next(s, &i);
  return need;
}

ssize utf8_count(const char *s, size_t n, bool surrogates, bool *ascii,
                 size_t *bad, size_t *badlen) {
  size_t i = 0;
  ssize count = 0;
  bool all_ascii = true;
  while (i < n) {
    /* ASCII runs, eight bytes at a time */
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
      count += 8;
    }
    if (i >= n) break;
    if ((unsigned char)s[i] < 0x80) { i++; count++; continue; }
    uint32_t cp;
    const char *why;
    int k = utf8_decode_one(s + i, n - i, surrogates, &cp, &why);
    if (k < 0) {
      if (bad) *bad = i;
      if (badlen) *badlen = (size_t)-k;
      if (ascii) *ascii = false;
      return -1;
    }
    all_ascii = false;
    i += (size_t)k;
    count++;
  }
  if (ascii) *ascii = all_ascii;
  return count;
}

/* Code points in valid UTF-8: the bytes that are not continuation bytes.
** ASCII runs are skipped eight bytes at a time. */
static ssize utf8_length(const char *s, size_t n, bool *ascii) {
  ssize cont = 0;
  bool all_ascii = true;
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (!(w & 0x8080808080808080ull)) { i += 8; continue; }
    }
    unsigned char c = (unsigned char)s[i++];
    if (c >= 0x80) {
      all_ascii = false;
      cont += is_cont(c);
    }
  }
  if (ascii) *ascii = all_ascii;
  return (ssize)n - cont;
}

/* ------------------------------------------------------------------ */
/* StrBuf                                                             */
/* ------------------------------------------------------------------ */

void sb_init(StrBuf *b) {
  b->p = b->small;
  b->len = 0;
  b->cap = sizeof b->small;
  b->failed = false;
}

void sb_free(StrBuf *b) {
  if (b->p != b->small) ht_free(HT_TAG_VMINTERNAL, b->p, b->cap);
  sb_init(b);
}

char *sb_reserve(VM *vm, StrBuf *b, size_t n) {
  if (b->failed) return NULL;
  if (n <= b->cap - b->len) return b->p + b->len;
  size_t want = b->len + n;
  if (want < b->len) goto nomem;
  size_t cap = b->cap * 2;
  if (cap < want) cap = want + want / 4 + 16;
  char *np;
  if (b->p == b->small) {
    np = ht_alloc(HT_TAG_VMINTERNAL, cap);
    if (np) memcpy(np, b->p, b->len);
  } else {
    np = ht_realloc(HT_TAG_VMINTERNAL, b->p, b->cap, cap);
  }
  if (!np) goto nomem;
  b->p = np;
  b->cap = cap;
  return b->p + b->len;
nomem:
  b->failed = true;
  vm_raise_nomem(vm);
  return NULL;
}

int sb_add(VM *vm, StrBuf *b, const char *s, size_t n) {
  char *w = sb_reserve(vm, b, n);
  if (!w) return -1;
  memcpy(w, s, n);
  b->len += n;
  return 0;
}

int sb_addc(VM *vm, StrBuf *b, char c) {
  if (b->len < b->cap && !b->failed) { b->p[b->len++] = c; return 0; }
  return sb_add(vm, b, &c, 1);
}

int sb_addcp(VM *vm, StrBuf *b, uint32_t cp) {
  char *w = sb_reserve(vm, b, 4);
  if (!w) return -1;
  b->len += (size_t)utf8_put(w, cp);
  return 0;
}

int sb_addstr(VM *vm, StrBuf *b, Obj *s) {
  return sb_add(vm, b, STR_UTF8(s), (size_t)STR_NBYTES(s));
}

int sb_fill(VM *vm, StrBuf *b, uint32_t cp, ssize count) {
  if (count <= 0) return 0;
  char enc[4];
  int k = utf8_put(enc, cp);
  char *w = sb_reserve(vm, b, (size_t)count * (size_t)k);
  if (!w) return -1;
  if (k == 1) memset(w, enc[0], (size_t)count);
  else
    for (ssize i = 0; i < count; i++) memcpy(w + i * k, enc, (size_t)k);
  b->len += (size_t)count * (size_t)k;
  return 0;
}

static int sb_vprintf(VM *vm, StrBuf *b, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  char *w = sb_reserve(vm, b, 64);
  if (!w) { va_end(ap2); return -1; }
  int n = vsnprintf(w, b->cap - b->len, fmt, ap);
  if (n < 0) { va_end(ap2); return 0; }
  if ((size_t)n >= b->cap - b->len) {
    w = sb_reserve(vm, b, (size_t)n + 1);
    if (!w) { va_end(ap2); return -1; }
    vsnprintf(w, (size_t)n + 1, fmt, ap2);
  }
  va_end(ap2);
  b->len += (size_t)n;
  return 0;
}

int sb_printf(VM *vm, StrBuf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = sb_vprintf(vm, b, fmt, ap);
  va_end(ap);
  return r;
}

Obj *sb_finish(VM *vm, StrBuf *b) {
  if (b->failed) { sb_free(b); return NULL; }
  Obj *r = str_new_trusted(vm, b->p, b->len);
  sb_free(b);
  return r;
}

/* ------------------------------------------------------------------ */
/* Allocation                                                         */
/* ------------------------------------------------------------------ */

static size_t str_size(ssize nbytes) { return STR_HEADER + (size_t)nbytes + 1; }

Obj *str_new_uninit(VM *vm, size_t nbytes, ssize length, bool ascii) {
  if (nbytes > (size_t)INTPTR_MAX - STR_HEADER - 1) return vm_raise_nomem(vm);
  StrObj *s = (StrObj *)obj_alloc(vm, &Str_Type, STR_HEADER + nbytes + 1);
  if (!s) return NULL;
  s->length = length;
  s->nbytes = (ssize)nbytes;
  s->hash = -1;
  s->ascii = ascii;
  s->interned = 0;
  s->data[nbytes] = '\0';
  return OBJ(s);
}

/* The cached string for a 0- or 1-byte ASCII text, or NULL. */
static inline Obj *cached(VM *vm, const char *s, size_t n) {
  if (n == 0) return vm->empty_str ? incref(vm->empty_str) : NULL;
  if (n == 1 && (unsigned char)s[0] < 128 && vm->char_cache[(unsigned char)s[0]])
    return incref(vm->char_cache[(unsigned char)s[0]]);
  return NULL;
}

static Obj *str_make(VM *vm, const char *s, size_t n, ssize length, bool ascii) {
  Obj *c = cached(vm, s, n);
  if (c) return c;
  Obj *r = str_new_uninit(vm, n, length, ascii);
  if (r && n) memcpy(STR_UTF8(r), s, n);
  return r;
}

Obj *str_new_trusted(VM *vm, const char *utf8, size_t nbytes) {
  Obj *c = cached(vm, utf8, nbytes);
  if (c) return c;
  bool ascii;
  ssize len = utf8_length(utf8, nbytes, &ascii);
  return str_make(vm, utf8, nbytes, len, ascii);
}

Obj *str_new(VM *vm, const char *utf8, size_t nbytes) {
  Obj *c = cached(vm, utf8, nbytes);
  if (c) return c;
  bool ascii;
  size_t bad = 0, badlen = 0;
  ssize len = utf8_count(utf8, nbytes, true, &ascii, &bad, &badlen);
  if (len < 0) {
    uint32_t cp;
    const char *why = "invalid start byte";
    utf8_decode_one(utf8 + bad, nbytes - bad, true, &cp, &why);
    return vm_raise(vm, &Exc_UnicodeDecodeError,
                    "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                    (unsigned char)utf8[bad], bad, why);
  }
  return str_make(vm, utf8, nbytes, len, ascii);
}

Obj *str_new_replace(VM *vm, const char *s, size_t n) {
  bool ascii;
  ssize len = utf8_count(s, n, false, &ascii, NULL, NULL);
  if (len >= 0) return str_make(vm, s, n, len, ascii);
  StrBuf b;
  sb_init(&b);
  size_t i = 0;
  while (i < n) {
    uint32_t cp;
    const char *why;
    int k = utf8_decode_one(s + i, n - i, false, &cp, &why);
    if (k > 0) {
      if (sb_add(vm, &b, s + i, (size_t)k) < 0) break;
      i += (size_t)k;
    } else {
      if (sb_addcp(vm, &b, 0xFFFD) < 0) break;
      i += (size_t)-k;
    }
  }
  return sb_finish(vm, &b);
}

Obj *str_from_cstr(VM *vm, const char *s) {
  return str_new(vm, s, strlen(s));
}

Obj *str_from_codepoint(VM *vm, int64_t cp) {
  if (cp < 0 || cp >= 0x110000)
    return vm_raise(vm, &Exc_ValueError, "chr() arg not in range(0x110000)");
  char buf[4];
  int k = utf8_put(buf, (uint32_t)cp);
  return str_make(vm, buf, (size_t)k, 1, cp < 128);
}

static void str_dealloc(VM *vm, Obj *o) {
  if (vm->str_pos_str == o) vm->str_pos_str = NULL;
  obj_free(vm, o, str_size(STR_NBYTES(o)));
}

static size_t str_sizeof(Obj *o) { return str_size(STR_NBYTES(o)); }

/* ------------------------------------------------------------------ */
/* Interning and the VM-lifetime strings                              */
/* ------------------------------------------------------------------ */

void text_init(VM *vm) {
  Obj *e = str_new_uninit(vm, 0, 0, true);
  vm->empty_str = e;
  for (int c = 0; c < 128; c++) {
    Obj *s = str_new_uninit(vm, 1, 1, true);
    if (s) STR_UTF8(s)[0] = (char)c;
    vm->char_cache[c] = s;
  }
  vm->interned = dict_new(vm);
  if (!vm->interned) vm_exc_clear(vm);
}

void text_fini(VM *vm) {
  if (vm->interned) {
    Obj *d = vm->interned;
    vm->interned = NULL;
    decref(vm, d);
  }
  for (int c = 0; c < 128; c++) {
    xdecref(vm, vm->char_cache[c]);
    vm->char_cache[c] = NULL;
  }
  xdecref(vm, vm->empty_str);
  vm->empty_str = NULL;
}

void str_intern_inplace(VM *vm, Obj **p) {
  Obj *s = *p;
  if (!obj_is(s, &Str_Type) || ((StrObj *)s)->interned || !vm->interned)
    return;
  Obj *t = dict_get(vm, vm->interned, s);
  if (t) {
    *p = incref(t);
    decref(vm, s);
    return;
  }
  if (vm_exc_occurred(vm)) { vm_exc_clear(vm); return; }
  if (dict_set(vm, vm->interned, s, s) < 0) { vm_exc_clear(vm); return; }
  ((StrObj *)s)->interned = 1;
}

/* A str on the C stack, used as a lookup key without allocating. */
typedef union StackStr {
  StrObj s;                       /* the header */
  char raw[STR_HEADER + 120];     /* header + up to 119 bytes + NUL */
} StackStr;

Obj *str_intern_cstr(VM *vm, const char *cs) {
  size_t n = strlen(cs);
  if (vm->interned && n < sizeof(StackStr) - STR_HEADER) {
    StackStr key;
    bool ascii;
    ssize len = utf8_count(cs, n, true, &ascii, NULL, NULL);
    if (len >= 0) {
      key.s.ob.refcnt = IMMORTAL_REF;
      key.s.ob.type = &Str_Type;
      key.s.length = len;
      key.s.nbytes = (ssize)n;
      key.s.hash = -1;
      key.s.ascii = ascii;
      key.s.interned = 0;
      memcpy(key.s.data, cs, n + 1);
      Obj *t = dict_get(vm, vm->interned, OBJ(&key.s));
      if (t) return t;
      if (vm_exc_occurred(vm)) return NULL;
    }
  }
  Obj *s = str_new(vm, cs, n);
  if (!s) return NULL;
  if (!vm->interned) {
    /* No table (start-up failed): keep the string alive anyway. */
    return s;
  }
  str_intern_inplace(vm, &s);
  if (!((StrObj *)s)->interned) { decref(vm, s); return vm_raise_nomem(vm); }
  decref(vm, s);                  /* the table keeps it alive */
  return s;
}

/* ------------------------------------------------------------------ */
/* str_fromf: printf plus %R %S %T %A %U                              */
/* ------------------------------------------------------------------ */

/* Append the first PREC code points (all when PREC < 0) of str S. */
static int add_prec(VM *vm, StrBuf *b, Obj *s, int prec) {
  if (prec < 0 || prec >= STR_LEN(s)) return sb_addstr(vm, b, s);
  return sb_add(vm, b, STR_UTF8(s), (size_t)str_offset(s, prec));
}

/* Append C string S, NUL-terminated or limited to PREC bytes, replacing
** invalid UTF-8 (file names, OS messages) with U+FFFD. */
static int add_cstr(VM *vm, StrBuf *b, const char *s, int prec) {
  size_t n = prec < 0 ? strlen(s) : strnlen(s, (size_t)prec);
  if (utf8_count(s, n, true, NULL, NULL, NULL) >= 0) return sb_add(vm, b, s, n);
  Obj *t = str_new_replace(vm, s, n);
  if (!t) return -1;
  int r = sb_addstr(vm, b, t);
  decref(vm, t);
  return r;
}

Obj *str_vfromf(VM *vm, const char *fmt, va_list ap) {
  StrBuf b;
  sb_init(&b);
  const char *p = fmt;
  while (*p) {
    const char *q = p;
    while (*q && *q != '%') q++;
    if (q > p && sb_add(vm, &b, p, (size_t)(q - p)) < 0) goto fail;
    if (!*q) break;
    /* parse one conversion: %[flags][width][.prec][length]conv */
    const char *start = q++;
    char spec[32];
    size_t sl = 0;
    int width = -1, prec = -1;
    spec[sl++] = '%';
    while (*q && strchr("-+ #0", *q)) { if (sl < 8) spec[sl++] = *q; q++; }
    if (*q == '*') { width = va_arg(ap, int); q++; }
    else if (*q >= '0' && *q <= '9') {
      width = 0;
      while (*q >= '0' && *q <= '9') width = width * 10 + (*q++ - '0');
    }
    if (*q == '.') {
      q++;
      if (*q == '*') { prec = va_arg(ap, int); q++; }
      else { prec = 0; while (*q >= '0' && *q <= '9') prec = prec * 10 + (*q++ - '0'); }
    }
    bool left = memchr(spec, '-', sl) != NULL;
    if (width >= 0) sl += (size_t)snprintf(spec + sl, sizeof spec - sl, "%d", width);
    if (prec >= 0) sl += (size_t)snprintf(spec + sl, sizeof spec - sl, ".%d", prec);
    char len[3] = {0};
    int nl = 0;
    while (*q && strchr("hlzjtL", *q) && nl < 2) len[nl++] = *q++;
    char conv = *q ? *q++ : '\0';
    for (int k = 0; k < nl; k++) spec[sl++] = len[k];
    spec[sl++] = conv;
    spec[sl] = '\0';
    int r = 0;
    size_t mark = b.len;          /* where this conversion's text starts */
    bool pad = false;             /* pad the text to WIDTH afterwards */
    switch (conv) {
    case '%':
      r = sb_addc(vm, &b, '%');
      break;
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
      bool sgn = conv == 'd' || conv == 'i';
      if (nl == 2 && len[0] == 'l') {
        if (sgn) r = sb_printf(vm, &b, spec, va_arg(ap, long long));
        else r = sb_printf(vm, &b, spec, va_arg(ap, unsigned long long));
      } else if (nl == 1 && len[0] == 'l') {
        if (sgn) r = sb_printf(vm, &b, spec, va_arg(ap, long));
        else r = sb_printf(vm, &b, spec, va_arg(ap, unsigned long));
      } else if (nl == 1 && (len[0] == 'z' || len[0] == 't')) {
        if (sgn) r = sb_printf(vm, &b, spec, va_arg(ap, ssize));
        else r = sb_printf(vm, &b, spec, va_arg(ap, size_t));
      } else if (nl == 1 && len[0] == 'j') {
        if (sgn) r = sb_printf(vm, &b, spec, va_arg(ap, intmax_t));
        else r = sb_printf(vm, &b, spec, va_arg(ap, uintmax_t));
      } else {
        /* int, and h/hh which are promoted to int */
        if (sgn) r = sb_printf(vm, &b, spec, va_arg(ap, int));
        else r = sb_printf(vm, &b, spec, va_arg(ap, unsigned int));
      }
      break;
    }
    case 'c': {
      int c = va_arg(ap, int);
      r = (unsigned)c < 0x110000 ? sb_addcp(vm, &b, (uint32_t)c) : 0;
      pad = true;
      break;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      r = sb_printf(vm, &b, spec, va_arg(ap, double));
      break;
    case 'p':
      r = sb_printf(vm, &b, "%p", va_arg(ap, void *));
      break;
    case 's': {
      const char *s = va_arg(ap, const char *);
      r = add_cstr(vm, &b, s ? s : "(null)", prec);
      pad = true;
      break;
    }
    case 'R': case 'S': case 'A': case 'U': case 'T': {
      Obj *o = va_arg(ap, Obj *);
      Obj *s;
      if (conv == 'T') s = str_from_cstr(vm, o ? obj_type_name(o) : "NULL");
      else if (!o) s = str_from_cstr(vm, "<NULL>");
      else if (conv == 'R') s = obj_repr(vm, o);
      else if (conv == 'A') s = str_ascii(vm, o);
      else if (conv == 'U' && str_check(o)) s = incref(o);
      else s = obj_str(vm, o);
      if (!s) goto fail;
      r = add_prec(vm, &b, s, prec);
      decref(vm, s);
      pad = true;
      break;
    }
    default:
      /* unknown conversion: copy it literally, as CPython does */
      r = sb_add(vm, &b, start, (size_t)(q - start));
      break;
    }
    if (r < 0) goto fail;
    if (pad && width > 0) {
      /* pad the text (counted in code points) with spaces */
      ssize cps = utf8_length(b.p + mark, b.len - mark, NULL);
      if (cps < width) {
        ssize k = width - cps;
        if (!sb_reserve(vm, &b, (size_t)k)) goto fail;
        if (!left) memmove(b.p + mark + k, b.p + mark, b.len - mark);
        memset(left ? b.p + b.len : b.p + mark, ' ', (size_t)k);
        b.len += (size_t)k;
      }
    }
    p = q;
  }
  return sb_finish(vm, &b);
fail:
  sb_free(&b);
  return NULL;
}

Obj *str_fromf(VM *vm, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Obj *r = str_vfromf(vm, fmt, ap);
  va_end(ap);
  return r;
}

/* ------------------------------------------------------------------ */
/* Hash, equality, order                                              */
/* ------------------------------------------------------------------ */

/* A 64-bit multiply-fold hash over 8-byte words (after wyhash's mixer).
** CPython randomises str hashes, so only quality matters here. */
static inline uint64_t mum(uint64_t a, uint64_t b) {
  __uint128_t r = (__uint128_t)a * b;
  return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static uint64_t hash_bytes(const char *s, size_t n) {
  const uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull,
                 k2 = 0x8ebc6af09c88c6e3ull;
  uint64_t h = k0 ^ (n * k1);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    h = mum(h ^ w, k1);
  }
  if (i < n) {
    uint64_t w = 0;
    memcpy(&w, s + i, n - i);
    h = mum(h ^ w ^ k2, k1);
  }
  return mum(h ^ k2, k0 ^ n);
}

hash_t str_hash(VM *vm, Obj *o) {
  StrObj *s = (StrObj *)o;
  if (s->hash != -1) return s->hash;
  hash_t h = (hash_t)hash_bytes(s->data, (size_t)s->nbytes);
  if (h == -1) h = -2;
  s->hash = h;
  return h;
}

hash_t text_hash_bytes(const char *s, size_t n) {
  hash_t h = (hash_t)hash_bytes(s, n);
  return h == -1 ? -2 : h;
}

bool str_eq(Obj *a, Obj *b) {
  if (a == b) return true;
  StrObj *x = (StrObj *)a, *y = (StrObj *)b;
  if (x->nbytes != y->nbytes) return false;
  if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
  return memcmp(x->data, y->data, (size_t)x->nbytes) == 0;
}

bool str_eq_cstr(Obj *a, const char *s) {
  size_t n = strlen(s);
  return (size_t)STR_NBYTES(a) == n && memcmp(STR_UTF8(a), s, n) == 0;
}

int str_compare(Obj *a, Obj *b) {
  /* UTF-8 byte order is code point order */
  ssize na = STR_NBYTES(a), nb = STR_NBYTES(b);
  int c = memcmp(STR_UTF8(a), STR_UTF8(b), (size_t)(na < nb ? na : nb));
  if (c) return c;
  return na < nb ? -1 : na > nb;
}

static Obj *str_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (!str_check(a) || !str_check(b)) return incref(NotImplemented);
  bool r;
  if (op == CMP_EQ || op == CMP_NE) {
    r = str_eq(a, b) == (op == CMP_EQ);
  } else {
    int c = str_compare(a, b);
    switch (op) {
    case CMP_LT: r = c < 0; break;
    case CMP_LE: r = c <= 0; break;
    case CMP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
  }
  return bool_new(r);
}

/* ------------------------------------------------------------------ */
/* repr and ascii                                                     */
/* ------------------------------------------------------------------ */

static const char hexdig[] = "0123456789abcdef";

int str_repr_to(VM *vm, StrBuf *b, Obj *s, bool ascii_only) {
  const char *d = STR_UTF8(s);
  size_t n = (size_t)STR_NBYTES(s);
  bool sq = memchr(d, '\'', n) != NULL, dq = memchr(d, '"', n) != NULL;
  char quote = (sq && !dq) ? '"' : '\'';
  /* worst case \UXXXXXXXX per code point */
  if (!sb_reserve(vm, b, n + 2)) return -1;
  if (sb_addc(vm, b, quote) < 0) return -1;
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)d[i];
    if (c < 0x80) {
      i++;
      if (c == (unsigned char)quote || c == '\\') {
        char e[2] = {'\\', (char)c};
        if (sb_add(vm, b, e, 2) < 0) return -1;
      } else if (c == '\t') {
        if (sb_add(vm, b, "\\t", 2) < 0) return -1;
      } else if (c == '\n') {
        if (sb_add(vm, b, "\\n", 2) < 0) return -1;
      } else if (c == '\r') {
        if (sb_add(vm, b, "\\r", 2) < 0) return -1;
      } else if (c < ' ' || c == 0x7F) {
        char e[4] = {'\\', 'x', hexdig[c >> 4], hexdig[c & 15]};
        if (sb_add(vm, b, e, 4) < 0) return -1;
      } else if (sb_addc(vm, b, (char)c) < 0) {
        return -1;
      }
      continue;
    }
    size_t at = i;
    uint32_t cp = utf8_next(d, &i);
    if (!ascii_only && ucd_isprintable(cp)) {
      if (sb_add(vm, b, d + at, i - at) < 0) return -1;
      continue;
    }
    char e[10];
    int k;
    if (cp <= 0xFF) {
      e[0] = '\\'; e[1] = 'x'; k = 2;
      for (int sh = 4; sh >= 0; sh -= 4) e[k++] = hexdig[(cp >> sh) & 15];
    } else if (cp <= 0xFFFF) {
      e[0] = '\\'; e[1] = 'u'; k = 2;
      for (int sh = 12; sh >= 0; sh -= 4) e[k++] = hexdig[(cp >> sh) & 15];
    } else {
      e[0] = '\\'; e[1] = 'U'; k = 2;
      for (int sh = 28; sh >= 0; sh -= 4) e[k++] = hexdig[(cp >> sh) & 15];
    }
    if (sb_add(vm, b, e, (size_t)k) < 0) return -1;
  }
  return sb_addc(vm, b, quote);
}

Obj *str_repr(VM *vm, Obj *o) {
  StrBuf b;
  sb_init(&b);
  if (str_repr_to(vm, &b, o, false) < 0) { sb_free(&b); return NULL; }
  return sb_finish(vm, &b);
}

Obj *str_ascii(VM *vm, Obj *o) {
  Obj *r = obj_repr(vm, o);
  if (!r || ((StrObj *)r)->ascii) return r;
  /* escape the non-ASCII code points of the repr, as ascii() does */
  StrBuf b;
  sb_init(&b);
  const char *d = STR_UTF8(r);
  size_t n = (size_t)STR_NBYTES(r), i = 0;
  while (i < n) {
    if ((unsigned char)d[i] < 0x80) {
      if (sb_addc(vm, &b, d[i++]) < 0) break;
      continue;
    }
    uint32_t cp = utf8_next(d, &i);
    if (cp <= 0xFF) sb_printf(vm, &b, "\\x%02x", cp);
    else if (cp <= 0xFFFF) sb_printf(vm, &b, "\\u%04x", cp);
    else sb_printf(vm, &b, "\\U%08x", cp);
  }
  decref(vm, r);
  return sb_finish(vm, &b);
}

static Obj *str_str(VM *vm, Obj *o) {
  if (obj_is(o, &Str_Type)) return incref(o);
  return str_make(vm, STR_UTF8(o), (size_t)STR_NBYTES(o), STR_LEN(o),
                  ((StrObj *)o)->ascii);
}

/* ------------------------------------------------------------------ */
/* Concatenation, join, repetition                                    */
/* ------------------------------------------------------------------ */

Obj *str_concat(VM *vm, Obj *a, Obj *b) {
  if (STR_NBYTES(a) == 0 && obj_is(b, &Str_Type)) return incref(b);
  if (STR_NBYTES(b) == 0 && obj_is(a, &Str_Type)) return incref(a);
  size_t na = (size_t)STR_NBYTES(a), nb = (size_t)STR_NBYTES(b);
  Obj *r = str_new_uninit(vm, na + nb, STR_LEN(a) + STR_LEN(b),
                          ((StrObj *)a)->ascii && ((StrObj *)b)->ascii);
  if (!r) return NULL;
  memcpy(STR_UTF8(r), STR_UTF8(a), na);
  memcpy(STR_UTF8(r) + na, STR_UTF8(b), nb);
  return r;
}

int str_concat_inplace(VM *vm, Obj **pa, Obj *b) {
  Obj *a = *pa;
  StrObj *s = (StrObj *)a;
  size_t na = (size_t)s->nbytes, nb = (size_t)STR_NBYTES(b);
  if (a->refcnt == 1 && obj_is(a, &Str_Type) && !s->interned && na > 1 && nb > 0 &&
      a != b) {
    if (nb > (size_t)INTPTR_MAX - STR_HEADER - 1 - na) {
      *pa = NULL;
      decref(vm, a);
      vm_raise_nomem(vm);
      return -1;
    }
    if (vm->str_pos_str == a) vm->str_pos_str = NULL;
    StrObj *r = ht_realloc(HT_TAG_STR, a, str_size((ssize)na), str_size((ssize)(na + nb)));
    if (!r) {
      *pa = NULL;
      decref(vm, a);
      vm_raise_nomem(vm);
      return -1;
    }
    memcpy(r->data + na, STR_UTF8(b), nb);
    r->data[na + nb] = '\0';
    r->nbytes = (ssize)(na + nb);
    r->length += STR_LEN(b);
    r->ascii = r->ascii && ((StrObj *)b)->ascii;
    r->hash = -1;
    *pa = OBJ(r);
    return 0;
  }
  Obj *r = str_concat(vm, a, b);
  decref(vm, a);
  *pa = r;
  return r ? 0 : -1;
}

Obj *str_join(VM *vm, Obj *sep, Obj *const *items, size_t n) {
  if (n == 0) return incref(vm->empty_str);
  size_t total = 0;
  ssize length = 0;
  bool ascii = ((StrObj *)sep)->ascii;
  for (size_t i = 0; i < n; i++) {
    if (!str_check(items[i]))
      return vm_raise(vm, &Exc_TypeError,
                      "sequence item %zu: expected str instance, %s found", i,
                      obj_type_name(items[i]));
    total += (size_t)STR_NBYTES(items[i]);
    length += STR_LEN(items[i]);
    ascii = ascii && ((StrObj *)items[i])->ascii;
  }
  if (n == 1 && obj_is(items[0], &Str_Type)) return incref(items[0]);
  size_t ns = (size_t)STR_NBYTES(sep);
  total += ns * (n - 1);
  length += STR_LEN(sep) * (ssize)(n - 1);
  Obj *r = str_new_uninit(vm, total, length, ascii);
  if (!r) return NULL;
  char *w = STR_UTF8(r);
  for (size_t i = 0; i < n; i++) {
    if (i && ns) { memcpy(w, STR_UTF8(sep), ns); w += ns; }
    size_t k = (size_t)STR_NBYTES(items[i]);
    memcpy(w, STR_UTF8(items[i]), k);
    w += k;
  }
  return r;
}

Obj *str_repeat(VM *vm, Obj *s, ssize n) {
  if (n <= 0 || STR_NBYTES(s) == 0) return incref(vm->empty_str);
  if (n == 1 && obj_is(s, &Str_Type)) return incref(s);
  size_t k = (size_t)STR_NBYTES(s);
  if (k > (size_t)INTPTR_MAX / (size_t)n)
    return vm_raise(vm, &Exc_OverflowError, "repeated string is too long");
  Obj *r = str_new_uninit(vm, k * (size_t)n, STR_LEN(s) * n, ((StrObj *)s)->ascii);
  if (!r) return NULL;
  char *w = STR_UTF8(r);
  if (k == 1) {
    memset(w, STR_UTF8(s)[0], (size_t)n);
  } else {
    /* double the filled prefix until done */
    memcpy(w, STR_UTF8(s), k);
    size_t done = k, all = k * (size_t)n;
    while (done < all) {
      size_t c = done < all - done ? done : all - done;
      memcpy(w + done, w, c);
      done += c;
    }
  }
  return r;
}

/* ------------------------------------------------------------------ */
/* Indexing and slicing                                               */
/* ------------------------------------------------------------------ */

ssize str_offset(Obj *o, ssize i) {
  StrObj *s = (StrObj *)o;
  if (s->ascii) return i;
  const unsigned char *d = (const unsigned char *)s->data;
  if (i <= s->length / 2) {
    ssize off = 0;
    while (i > 0) {
      off++;
      while (off < s->nbytes && is_cont(d[off])) off++;
      i--;
    }
    return off;
  }
  ssize off = s->nbytes, k = s->length - i;
  while (k > 0) {
    off--;
    while (off > 0 && is_cont(d[off])) off--;
    k--;
  }
  return off;
}

/* str_offset with the VM's position cache: indexing a non-ASCII string
** at increasing (or decreasing) indices walks only the distance from the
** previous index, so `for i in range(len(s)): s[i]` stays linear. */
static ssize str_offset_vm(VM *vm, Obj *o, ssize i) {
  StrObj *s = (StrObj *)o;
  if (s->ascii) return i;
  ssize from_i = 0, from_off = 0;                       /* the start */
  if (s->length - i < i) { from_i = s->length; from_off = s->nbytes; }
  if (vm->str_pos_str == o) {
    ssize dist = i - vm->str_pos_index;
    if (dist < 0) dist = -dist;
    ssize best = i - from_i;
    if (best < 0) best = -best;
    if (dist < best) { from_i = vm->str_pos_index; from_off = vm->str_pos_offset; }
  }
  const unsigned char *d = (const unsigned char *)s->data;
  ssize off = from_off;
  for (ssize k = from_i; k < i; k++) {
    off++;
    while (off < s->nbytes && is_cont(d[off])) off++;
  }
  for (ssize k = from_i; k > i; k--) {
    off--;
    while (off > 0 && is_cont(d[off])) off--;
  }
  vm->str_pos_str = o;
  vm->str_pos_index = i;
  vm->str_pos_offset = off;
  return off;
}

uint32_t str_char_at(Obj *s, ssize i) {
  if (((StrObj *)s)->ascii) return (unsigned char)STR_UTF8(s)[i];
  size_t off = (size_t)str_offset(s, i);
  return utf8_next(STR_UTF8(s), &off);
}

Obj *str_substr(VM *vm, Obj *s, ssize start, ssize stop) {
  if (start <= 0 && stop >= STR_LEN(s) && obj_is(s, &Str_Type))
    return incref(s);
  if (stop <= start) return incref(vm->empty_str);
  StrObj *so = (StrObj *)s;
  if (so->ascii)
    return str_make(vm, so->data + start, (size_t)(stop - start), stop - start, true);
  ssize a = str_offset_vm(vm, s, start);
  /* walk forward from A rather than scanning again from an end */
  const unsigned char *d = (const unsigned char *)so->data;
  ssize b = a, k = stop - start;
  while (k > 0) {
    b++;
    while (b < so->nbytes && is_cont(d[b])) b++;
    k--;
  }
  bool ascii;
  ssize len = utf8_length(so->data + a, (size_t)(b - a), &ascii);
  return str_make(vm, so->data + a, (size_t)(b - a), len, ascii);
}

Obj *str_from_sub(VM *vm, Obj *s, ssize a, ssize b) {
  StrObj *so = (StrObj *)s;
  if (a == 0 && b == so->nbytes && obj_is(s, &Str_Type)) return incref(s);
  if (so->ascii) return str_make(vm, so->data + a, (size_t)(b - a), b - a, true);
  return str_new_trusted(vm, so->data + a, (size_t)(b - a));
}

static Obj *str_slice(VM *vm, Obj *s, Obj *slice) {
  ssize start, stop, step;
  ssize n = slice_indices(vm, slice, STR_LEN(s), &start, &stop, &step);
  if (n < 0) return NULL;
  if (n == 0) return incref(vm->empty_str);
  if (step == 1) return str_substr(vm, s, start, start + n);
  StrObj *so = (StrObj *)s;
  if (so->ascii) {
    Obj *r = str_new_uninit(vm, (size_t)n, n, true);
    if (!r) return NULL;
    char *w = STR_UTF8(r);
    for (ssize i = 0, j = start; i < n; i++, j += step) w[i] = so->data[j];
    if (n == 1) {
      Obj *c = cached(vm, w, 1);
      if (c) { decref(vm, r); return c; }
    }
    return r;
  }
  StrBuf b;
  sb_init(&b);
  const unsigned char *d = (const unsigned char *)so->data;
  ssize off = str_offset_vm(vm, s, start);
  for (ssize i = 0; i < n; i++) {
    ssize end = off + 1;
    while (end < so->nbytes && is_cont(d[end])) end++;
    if (sb_add(vm, &b, so->data + off, (size_t)(end - off)) < 0) break;
    if (i == n - 1) break;
    /* move STEP code points from OFF */
    ssize k = step;
    if (k > 0) {
      while (k > 0) {
        off++;
        while (off < so->nbytes && is_cont(d[off])) off++;
        k--;
      }
    } else {
      while (k < 0) {
        off--;
        while (off > 0 && is_cont(d[off])) off--;
        k++;
      }
    }
  }
  return sb_finish(vm, &b);
}

/* s[key]: an index (one-character str) or a slice. */
static Obj *str_getitem(VM *vm, Obj *s, Obj *key) {
  if (obj_is(key, &Slice_Type)) return str_slice(vm, s, key);
  if (!int_check(key) && !TYPE(key)->index)
    return vm_raise(vm, &Exc_TypeError, "string indices must be integers, not '%s'",
                    obj_type_name(key));
  ssize i = obj_as_ssize(vm, key);
  if (i == -1 && vm_exc_occurred(vm)) return NULL;
  ssize n = STR_LEN(s);
  if (i < 0) i += n;
  if (i < 0 || i >= n)
    return vm_raise(vm, &Exc_IndexError, "string index out of range");
  StrObj *so = (StrObj *)s;
  if (so->ascii) return incref(vm->char_cache[(unsigned char)so->data[i]]);
  ssize off = str_offset_vm(vm, s, i), end = off + 1;
  while (end < so->nbytes && is_cont((unsigned char)so->data[end])) end++;
  return str_make(vm, so->data + off, (size_t)(end - off), 1, end - off == 1);
}

static int str_setitem(VM *vm, Obj *s, Obj *key, Obj *value) {
  if (value)
    vm_raise(vm, &Exc_TypeError, "'str' object does not support item assignment");
  else
    vm_raise(vm, &Exc_TypeError, "'str' object doesn't support item deletion");
  return -1;
}

static ssize str_len(VM *vm, Obj *s) { return STR_LEN(s); }

static int str_bool(VM *vm, Obj *s) { return STR_NBYTES(s) != 0; }

/* Find NEEDLE (m bytes) in HAY (n bytes); byte offset or -1. */
static ssize find_bytes(const char *hay, size_t n, const char *needle, size_t m) {
  if (m == 0) return 0;
  if (m > n) return -1;
  if (m == 1) {
    const char *p = memchr(hay, needle[0], n);
    return p ? p - hay : -1;
  }
  const char *p = memmem(hay, n, needle, m);
  return p ? p - hay : -1;
}

static int str_contains(VM *vm, Obj *s, Obj *item) {
  if (!str_check(item)) {
    vm_raise(vm, &Exc_TypeError, "'in <string>' requires string as left operand, not %s",
             obj_type_name(item));
    return -1;
  }
  return find_bytes(STR_UTF8(s), (size_t)STR_NBYTES(s), STR_UTF8(item),
                    (size_t)STR_NBYTES(item)) >= 0;
}

/* ------------------------------------------------------------------ */
/* Operators                                                          */
/* ------------------------------------------------------------------ */

/* May OTHER's type answer the reflected operation DUNDER itself? */
static bool may_reflect(VM *vm, Obj *other, const char *dunder) {
  if (!(TYPE(other)->flags & TF_HEAPTYPE)) return false;
  for (TypeObj *t = TYPE(other); t; t = t->base) {
    if (!(t->flags & TF_HEAPTYPE)) break;
    if (t->dict && dict_get_cstr(vm, t->dict, dunder)) return true;
  }
  return false;
}

static Obj *str_add(VM *vm, Obj *a, Obj *b) {
  if (str_check(a) && str_check(b)) return str_concat(vm, a, b);
  if (!str_check(a)) return incref(NotImplemented);
  /* a class's __radd__ gets its turn (its type's slot, reflected) before
  ** concatenation's error, as CPython's numeric slots come first */
  binaryfunc rslot = TYPE(b)->binop[BINOP_ADD];
  if (rslot && rslot != str_add && may_reflect(vm, b, "__radd__")) {
    Obj *r = rslot(vm, a, b);
    if (r != NotImplemented) return r;
    decref(vm, r);
  }
  return vm_raise(vm, &Exc_TypeError, "can only concatenate str (not \"%s\") to str",
                  obj_type_name(b));
}

static Obj *str_mul(VM *vm, Obj *a, Obj *b) {
  Obj *s = str_check(a) ? a : b, *n = s == a ? b : a;
  if (!int_check(n) && !TYPE(n)->index) {
    /* str on the left: the other operand's __rmul__ gets its turn now (its
    ** type's slot, called reflected), as CPython tries both numeric slots
    ** before sequence repetition; when it declines too, repetition's
    ** error.  str on the right: the left's __mul__ has already declined. */
    binaryfunc rslot = TYPE(n)->binop[BINOP_MUL];
    if (s == a && rslot && rslot != str_mul && may_reflect(vm, n, "__rmul__")) {
      Obj *r = rslot(vm, a, b);
      if (r != NotImplemented) return r;
      decref(vm, r);
    }
    return vm_raise(vm, &Exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                    obj_type_name(n));
  }
  int64_t k;
  Obj *idx = obj_index(vm, n);
  if (!idx) return NULL;
  if (int_as_i64(vm, idx, &k) < 0) {
    decref(vm, idx);
    if (!vm_exc_matches(vm, &Exc_OverflowError)) return NULL;
    vm_exc_clear(vm);
    return vm_raise(vm, &Exc_OverflowError,
                    "cannot fit 'int' into an index-sized integer");
  }
  decref(vm, idx);
  if (k > 0 && STR_NBYTES(s) > 0 && (uint64_t)k > (uint64_t)INTPTR_MAX / (uint64_t)STR_NBYTES(s))
    return vm_raise(vm, &Exc_OverflowError, "repeated string is too long");
  return str_repeat(vm, s, (ssize)k);
}

static Obj *str_mod_op(VM *vm, Obj *a, Obj *b) {
  if (!str_check(a)) return incref(NotImplemented);
  return str_mod(vm, a, b);
}

/* ------------------------------------------------------------------ */
/* Iteration                                                          */
/* ------------------------------------------------------------------ */

typedef struct StrIterObj {
  Obj ob;
  Obj *str;                       /* the str (owned); NULL when exhausted */
  ssize off;                      /* byte offset of the next code point */
} StrIterObj;

/* CPython 3.11 has a separate type (str_ascii_iterator) for iterators over
** ASCII strings; both share this layout and code. */
static Obj *str_iter(VM *vm, Obj *s) {
  StrIterObj *it = (StrIterObj *)obj_alloc(
      vm, ((StrObj *)s)->ascii ? &StrAsciiIter_Type : &StrIter_Type,
      sizeof(StrIterObj));
  if (!it) return NULL;
  it->str = incref(s);
  it->off = 0;
  return OBJ(it);
}

static Obj *striter_next(VM *vm, Obj *o) {
  StrIterObj *it = (StrIterObj *)o;
  Obj *s = it->str;
  if (!s) return NULL;
  if (it->off >= STR_NBYTES(s)) {
    it->str = NULL;
    decref(vm, s);
    return NULL;
  }
  const char *d = STR_UTF8(s);
  unsigned char c = (unsigned char)d[it->off];
  if (c < 0x80) {
    it->off++;
    return incref(vm->char_cache[c]);
  }
  ssize a = it->off, e = a + 1;
  while (e < STR_NBYTES(s) && is_cont((unsigned char)d[e])) e++;
  it->off = e;
  return str_make(vm, d + a, (size_t)(e - a), 1, false);
}

static Obj *iter_self(VM *vm, Obj *o) { return incref(o); }

static void striter_dealloc(VM *vm, Obj *o) {
  xdecref(vm, ((StrIterObj *)o)->str);
  obj_free(vm, o, sizeof(StrIterObj));
}

static size_t striter_sizeof(Obj *o) { return sizeof(StrIterObj); }

static int striter_traverse(Obj *o, visitproc visit, void *arg) {
  StrIterObj *it = (StrIterObj *)o;
  return it->str ? visit(it->str, EDGE_OTHER, 0, NULL, arg) : 0;
}

static Obj *striter_length_hint(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                                Obj *kwnames) {
  StrIterObj *it = (StrIterObj *)self;
  if (!it->str) return int_from_i64(vm, 0);
  ssize left;
  if (((StrObj *)it->str)->ascii) left = STR_NBYTES(it->str) - it->off;
  else left = utf8_length(STR_UTF8(it->str) + it->off,
                          (size_t)(STR_NBYTES(it->str) - it->off), NULL);
  return int_from_i64(vm, left);
}

static const MethodDef striter_methods[] = {
  {"__length_hint__", striter_length_hint, 0},
  {NULL, NULL, 0}
};

TypeObj StrIter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "str_iterator",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(StrIterObj),
  .dealloc = striter_dealloc,
  .sizeof_ = striter_sizeof,
  .traverse = striter_traverse,
  .iter = iter_self,
  .iternext = striter_next,
  .methods = striter_methods,
};

TypeObj StrAsciiIter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "str_ascii_iterator",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(StrIterObj),
  .dealloc = striter_dealloc,
  .sizeof_ = striter_sizeof,
  .traverse = striter_traverse,
  .iter = iter_self,
  .iternext = striter_next,
  .methods = striter_methods,
};

/* ------------------------------------------------------------------ */
/* The constructor                                                    */
/* ------------------------------------------------------------------ */

static Obj *str_call_new(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  static const char *const names[] = {"object", "encoding", "errors"};
  Obj *a[3] = {NULL, NULL, NULL};
  if (callable != OBJ(&Str_Type))
    return vm_raise(vm, &Exc_NotImplementedError,
                    "subclasses of str are not supported");
  if (args_parse(vm, "str", args, nargs, kwnames, names, 3, 0, a) < 0) return NULL;
  if (!a[0]) return incref(vm->empty_str);
  if (!a[1] && !a[2]) return obj_str(vm, a[0]);
  const char *enc = "utf-8", *errors = "strict";
  if (a[1]) {
    if (!str_check(a[1]))
      return vm_raise(vm, &Exc_TypeError,
                      "str() argument 'encoding' must be str, not %s",
                      obj_type_name(a[1]));
    enc = STR_UTF8(a[1]);
  }
  if (a[2]) {
    if (!str_check(a[2]))
      return vm_raise(vm, &Exc_TypeError,
                      "str() argument 'errors' must be str, not %s",
                      obj_type_name(a[2]));
    errors = STR_UTF8(a[2]);
  }
  const char *data;
  ssize size;
  if (str_check(a[0]))
    return vm_raise(vm, &Exc_TypeError, "decoding str is not supported");
  if (!bytes_buffer(a[0], &data, &size))
    return vm_raise(vm, &Exc_TypeError,
                    "decoding to str: need a bytes-like object, %s found",
                    obj_type_name(a[0]));
  return bytes_decode(vm, data, (size_t)size, enc, errors);
}

/* ------------------------------------------------------------------ */
/* The type                                                           */
/* ------------------------------------------------------------------ */

TypeObj Str_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "str",
  .tag = HT_TAG_STR,
  .basicsize = sizeof(StrObj),
  .itemsize = 1,
  .flags = TF_BASETYPE | TF_STR_SUBCLASS,
  .base = &Object_Type,
  .dealloc = str_dealloc,
  .sizeof_ = str_sizeof,
  .new_ = str_call_new,
  .repr = str_repr,
  .str = str_str,
  .hash = str_hash,
  .richcmp = str_richcmp,
  .iter = str_iter,
  .len = str_len,
  .getitem = str_getitem,
  .setitem = str_setitem,
  .contains = str_contains,
  .bool_ = str_bool,
  .binop = {
    [BINOP_ADD] = str_add,
    [BINOP_MUL] = str_mul,
    [BINOP_MOD] = str_mod_op,
  },
  .methods = str_methods,
  .doc = "str(object='') -> str\n"
         "str(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
         "Create a new string object from the given object. If encoding or\n"
         "errors is specified, then the object must expose a data buffer\n"
         "that will be decoded using the given encoding and error handler.\n"
         "Otherwise, returns the result of object.__str__() (if defined)\n"
         "or repr(object).\n"
         "encoding defaults to sys.getdefaultencoding().\n"
         "errors defaults to 'strict'.",
};

TypeObj *const text_types[] = {
  &Str_Type, &StrIter_Type, &StrAsciiIter_Type, &Bytes_Type, &ByteArray_Type,
  &BytesIter_Type, &ByteArrayIter_Type, NULL
};
