/*
** str.h -- the text component's API beyond object.h: str, bytes, bytearray.
**
** A str is one STR-tagged arena block: the StrObj header (object.h) followed
** by its UTF-8 text and a NUL.  LENGTH counts code points; when every code
** point is ASCII (the `ascii` flag) bytes and code points coincide and
** indexing is O(1), otherwise indexing scans the UTF-8 (forward or backward,
** whichever end is closer).  Strings are immutable once published; the
** functions that build one (str_new_uninit + filling the data) do so before
** anyone else sees it.
**
** The VM keeps the empty string, the 128 one-character ASCII strings and the
** intern table (a dict str -> str holding both references) in struct VM;
** text_init() creates them and text_fini() releases them.  str_new() and the
** slicing and iteration code hand out the cached strings instead of new
** blocks, as CPython does with its latin-1 singletons.
**
** bytes is one BYTES block (BytesObj + data + NUL).  bytearray is a fixed
** ByteArrayObj header (tag BYTES) with a separate, over-allocated data block
** (tag BYTES) that grows with ht_realloc.
**
** The Unicode tables (strucd.c, generated from CPython 3.11's own predicates
** by vm/gen-strucd.py) answer the character-class and case-mapping questions
** for every code point.
**
** Conventions are object.h's: new references unless "borrowed", NULL or -1
** with the exception set on the VM.
*/
#ifndef HT_STR_H
#define HT_STR_H

#include "object.h"

/* ------------------------------------------------------------------ */
/* Component lifecycle and type list                                  */
/* ------------------------------------------------------------------ */

/* The static types of this component, NULL-terminated (core readies them). */
extern TypeObj *const text_types[];
extern TypeObj StrIter_Type, StrAsciiIter_Type, BytesIter_Type, ByteArrayIter_Type;

/* Create vm->empty_str, vm->char_cache and vm->interned.  Call it before
** any str is made (before type_ready, which interns attribute names). */
void text_init(VM *vm);
/* Release the intern table and the cached strings. */
void text_fini(VM *vm);

/* ------------------------------------------------------------------ */
/* UTF-8                                                              */
/* ------------------------------------------------------------------ */

/* Number of code points in S (N bytes) when it is valid UTF-8 (no overlong
** forms, nothing past U+10FFFF; surrogates U+D800..U+DFFF only when
** SURROGATES, as a str may hold them but strict UTF-8 may not), else -1.
** *ASCII tells whether all bytes are < 128.  *BAD (may be NULL) receives
** the offset of the first bad byte and *BADLEN (may be NULL) the length of
** the bad sequence (1..3 bytes), as CPython's decoder reports them. */
ssize utf8_count(const char *s, size_t n, bool surrogates, bool *ascii,
                 size_t *bad, size_t *badlen);
/* Decode one sequence at S (N > 0 bytes left).  Returns its length (1..4)
** and sets *CP, or returns minus the length of the maximal invalid subpart
** and sets *WHY to CPython's reason ("invalid start byte", "invalid
** continuation byte", "unexpected end of data"). */
int utf8_decode_one(const char *s, size_t n, bool surrogates, uint32_t *cp,
                    const char **why);
/* Decode the code point at S[*I] (valid UTF-8) and advance *I. */
static inline uint32_t utf8_next(const char *s, size_t *i) {
  const unsigned char *p = (const unsigned char *)s + *i;
  uint32_t c = p[0];
  if (c < 0x80) { *i += 1; return c; }
  if (c < 0xE0) { *i += 2; return ((c & 0x1F) << 6) | (p[1] & 0x3F); }
  if (c < 0xF0) {
    *i += 3;
    return ((c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  }
  *i += 4;
  return ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
         ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}
/* Encode CP (< 0x110000) into OUT (4 bytes); returns the byte count. */
static inline int utf8_put(char *out, uint32_t cp) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

/* ------------------------------------------------------------------ */
/* A growable text buffer (internal to the text component and its     */
/* friends: repr helpers, formatting).                                */
/* ------------------------------------------------------------------ */

/* Bytes live inline until they outgrow `small`, then in a VMINTERNAL
** arena block.  The buffer must be released with sb_free() or consumed by
** sb_finish(). */
typedef struct StrBuf {
  char *p;                        /* the bytes (small or an arena block) */
  size_t len;                     /* bytes used */
  size_t cap;                     /* bytes available at p */
  bool failed;                    /* an allocation failed (MemoryError set) */
  char small[200];                /* inline storage */
} StrBuf;

void sb_init(StrBuf *b);
void sb_free(StrBuf *b);
/* Make room for N more bytes; returns the write position or NULL
** (MemoryError set).  The caller then adds N to b->len. */
char *sb_reserve(VM *vm, StrBuf *b, size_t n);
int sb_add(VM *vm, StrBuf *b, const char *s, size_t n);   /* 0 or -1 */
int sb_addc(VM *vm, StrBuf *b, char c);
int sb_addcp(VM *vm, StrBuf *b, uint32_t cp);             /* UTF-8 encode */
int sb_addstr(VM *vm, StrBuf *b, Obj *s);                 /* a str's bytes */
int sb_fill(VM *vm, StrBuf *b, uint32_t cp, ssize count); /* CP COUNT times */
int sb_printf(VM *vm, StrBuf *b, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));
/* The str made of the buffer (valid UTF-8 by construction), releasing the
** buffer.  Returns NULL if anything failed. */
Obj *sb_finish(VM *vm, StrBuf *b);

/* ------------------------------------------------------------------ */
/* str                                                                */
/* ------------------------------------------------------------------ */

/* A new str of NBYTES bytes whose data the caller fills (then NUL is
** already in place) before publishing it.  LENGTH and ASCII must describe
** the data that will be written. */
Obj *str_new_uninit(VM *vm, size_t nbytes, ssize length, bool ascii);
/* str_new without validation: UTF8 must be valid. */
Obj *str_new_trusted(VM *vm, const char *utf8, size_t nbytes);
/* Decode S as UTF-8 replacing invalid sequences by U+FFFD. */
Obj *str_new_replace(VM *vm, const char *s, size_t n);
/* chr(CP): ValueError "chr() arg not in range(0x110000)" when out of range. */
Obj *str_from_codepoint(VM *vm, int64_t cp);
/* The code point at index I (0 <= I < length). */
uint32_t str_char_at(Obj *s, ssize i);
/* Byte offset of code point I (0 <= I <= length). */
ssize str_offset(Obj *s, ssize i);
/* The substring of code points [START, STOP) (already clamped). */
Obj *str_substr(VM *vm, Obj *s, ssize start, ssize stop);
/* The substring of S between byte offsets A and B (at code point
** boundaries). */
Obj *str_from_sub(VM *vm, Obj *s, ssize a, ssize b);
/* Compare in code point order: <0, 0, >0. */
int str_compare(Obj *a, Obj *b);
/* ascii(o): repr with non-ASCII escaped. */
Obj *str_ascii(VM *vm, Obj *o);
/* Append repr(S) (a str) to B; ASCII_ONLY escapes non-ASCII as ascii(). */
int str_repr_to(VM *vm, StrBuf *b, Obj *s, bool ascii_only);
/* *PA + B, for the evaluator's `s += t`: when *PA is an exact str whose
** only reference the caller holds (refcnt 1, not interned, not a cached
** one-character or empty string) its block is grown in place with
** ht_realloc (one REALLOC event) instead of copying both operands, as
** CPython's unicode_concatenate does.  Otherwise a new str as str_concat.
** Steals the reference in *PA and stores the result there; B must be a
** str.  Returns 0, or -1 with *PA set to NULL and an exception set. */
int str_concat_inplace(VM *vm, Obj **pa, Obj *b);
/* S * N (N < 0 counts as 0). */
Obj *str_repeat(VM *vm, Obj *s, ssize n);
/* The methods table of str (strmethods.c), attached to Str_Type. */
extern const MethodDef str_methods[];

/* ------------------------------------------------------------------ */
/* Formatting (strformat.c)                                           */
/* ------------------------------------------------------------------ */

/* The str methods implemented in strformat.c (cmethods). */
Obj *str_m_format(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *str_m_format_map(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                      Obj *kwnames);
Obj *str_m___format__(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                      Obj *kwnames);
/* FMT % ARGS (printf-style). */
Obj *str_mod(VM *vm, Obj *fmt, Obj *args);
/* FMT.format(*ARGS, **KWARGS): KWARGS is a mapping or NULL. */
Obj *str_format_impl(VM *vm, Obj *fmt, Obj *const *args, size_t nargs,
                     Obj *kwargs);
/* format(S, SPEC) for a str S: SPEC (N bytes) is the mini-language. */
Obj *str_format_spec(VM *vm, Obj *s, const char *spec, size_t n);

/* ------------------------------------------------------------------ */
/* bytes and bytearray (bytes.c)                                      */
/* ------------------------------------------------------------------ */

typedef struct ByteArrayObj {
  Obj ob;
  ssize size;                     /* bytes in use */
  ssize alloc;                    /* bytes allocated at data (0: data NULL) */
  char *data;                     /* owned BYTES block of ALLOC bytes */
} ByteArrayObj;

#define BYTES_DATA(o) (((BytesObj *)(o))->data)
#define BYTES_SIZE(o) (((BytesObj *)(o))->size)
static inline bool bytes_check(Obj *o) {
  return o->type == &Bytes_Type || type_is_subtype(o->type, &Bytes_Type);
}
static inline bool bytearray_check(Obj *o) {
  return o->type == &ByteArray_Type || type_is_subtype(o->type, &ByteArray_Type);
}
/* A new bytes of N bytes whose data the caller fills. */
Obj *bytes_new_uninit(VM *vm, size_t n);
Obj *bytearray_new(VM *vm, const char *data, size_t n);
/* Borrow the buffer of a bytes or bytearray; false if O is neither. */
bool bytes_buffer(Obj *o, const char **data, ssize *size);
/* STR encoded with ENCODING ("utf-8", "ascii", "latin-1" and aliases)
** and ERRORS ("strict", "ignore", "replace"); a new bytes. */
Obj *str_encode(VM *vm, Obj *str, const char *encoding, const char *errors);
/* DATA decoded into a new str. */
Obj *bytes_decode(VM *vm, const char *data, size_t n, const char *encoding,
                  const char *errors);

/* ------------------------------------------------------------------ */
/* Unicode character database (strucd.c)                             */
/* ------------------------------------------------------------------ */

bool ucd_isprintable(uint32_t cp);
bool ucd_isalpha(uint32_t cp);
bool ucd_isdecimal(uint32_t cp);
bool ucd_isdigit(uint32_t cp);
bool ucd_isnumeric(uint32_t cp);
bool ucd_isspace(uint32_t cp);
bool ucd_isupper(uint32_t cp);
bool ucd_islower(uint32_t cp);
bool ucd_istitle(uint32_t cp);
bool ucd_iscased(uint32_t cp);
bool ucd_iscaseignorable(uint32_t cp);
bool ucd_isxidstart(uint32_t cp);
bool ucd_isxidcontinue(uint32_t cp);
bool ucd_islinebreak(uint32_t cp);
/* The hash of a byte string (str and bytes share it); never -1. */
hash_t text_hash_bytes(const char *s, size_t n);
/* Decimal digit value 0..9 of CP, or -1 (int() and float() use it). */
int ucd_decimal_value(uint32_t cp);
/* Full case mappings: write 1..3 code points to OUT, return the count. */
int ucd_toupper(uint32_t cp, uint32_t out[3]);
int ucd_tolower(uint32_t cp, uint32_t out[3]);
int ucd_totitle(uint32_t cp, uint32_t out[3]);
int ucd_tofold(uint32_t cp, uint32_t out[3]);

#endif
