/*
** test-str.c -- the text component's C API: UTF-8 validation, lengths,
** the cached and interned strings, str_fromf conversions, repr quoting,
** hashing, slicing helpers, formatting entry points, codecs, and that
** every STR and BYTES block is released again (at VM teardown too).
**
** Expected values were checked against /usr/bin/python3 (CPython 3.11).
*/
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "str.h"
#include "tap.h"
#include "vm.h"

static VM *vm;

/* "Type: message" of the pending exception (cleared); "" if none. */
static const char *take_exc(void) {
  static char buf[400];
  if (!vm_exc_occurred(vm)) return "";
  Obj *e = vm_exc_fetch(vm);
  Obj *s = obj_str(vm, e);
  snprintf(buf, sizeof buf, "%s: %s", TYPE(e)->name, s ? STR_UTF8(s) : "?");
  if (s) decref(vm, s);
  else vm_exc_clear(vm);
  decref(vm, e);
  return buf;
}

/* Check that O is a str equal to WANT, then release O.  The rest names
** the test, printf-style. */
static int is_str(Obj *o, const char *want, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));
static int is_str(Obj *o, const char *want, const char *fmt, ...) {
  char what[200];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  if (!o) {
    tap_ok(0, "%s: got exception %s", what, take_exc());
    return 0;
  }
  int ok = str_check(o) && str_eq_cstr(o, want);
  if (!tap_ok(ok, "%s", what)) tap_diag("got <%s> want <%s>", STR_UTF8(o), want);
  decref(vm, o);
  return ok;
}

/* Check that the last call failed with exception text WANT. */
static void is_exc(Obj *o, const char *want, const char *what) {
  if (o) {
    tap_ok(0, "%s: no exception", what);
    decref(vm, o);
    return;
  }
  const char *got = take_exc();
  if (!tap_ok(!strcmp(got, want), "%s", what)) tap_diag("got <%s> want <%s>", got, want);
}

static void test_utf8(void) {
  static const struct {
    const char *s;
    size_t n;
    ssize count;                  /* -1 = invalid */
    bool surrogates;
  } cases[] = {
    {"", 0, 0, false},
    {"abc", 3, 3, false},
    {"caf\xc3\xa9", 5, 4, false},
    {"\xe2\x82\xac", 3, 1, false},
    {"\xf0\x9f\x98\x80x", 5, 2, false},
    {"\xc0\x80", 2, -1, false},               /* overlong NUL */
    {"\xe0\x80\x80", 3, -1, false},           /* overlong */
    {"\xed\xa0\x80", 3, -1, false},           /* surrogate, strict */
    {"\xed\xa0\x80", 3, 1, true},             /* surrogate, allowed */
    {"\xf4\x90\x80\x80", 4, -1, false},       /* > U+10FFFF */
    {"\xe2\x82", 2, -1, false},               /* truncated */
    {"a\xff", 2, -1, false},
    {"abcdefgh\xc3\xa9" "abcdefgh", 18, 17, false},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    bool ascii;
    ssize n = utf8_count(cases[i].s, cases[i].n, cases[i].surrogates, &ascii, NULL, NULL);
    tap_ok(n == cases[i].count, "utf8_count case %zu: %zd code points", i, n);
  }
  uint32_t cp;
  const char *why = "";
  int k = utf8_decode_one("\xe2\x82x", 3, false, &cp, &why);
  tap_ok(k == -2 && !strcmp(why, "invalid continuation byte"),
         "maximal subpart of E2 82 78 is 2 bytes, invalid continuation");
  k = utf8_decode_one("\xf0\x9f\x98", 3, false, &cp, &why);
  tap_ok(k == -3 && !strcmp(why, "unexpected end of data"), "F0 9F 98 at the end");
  k = utf8_decode_one("\x80", 1, false, &cp, &why);
  tap_ok(k == -1 && !strcmp(why, "invalid start byte"), "lone continuation byte");
  k = utf8_decode_one("\xf0\x9f\x98\x80", 4, false, &cp, &why);
  tap_ok(k == 4 && cp == 0x1F600, "U+1F600 decodes");
}

static void test_new(void) {
  Obj *s = str_new(vm, "h\xc3\xa9llo \xf0\x9f\x98\x80", 11);
  tap_ok(s && STR_LEN(s) == 7 && STR_NBYTES(s) == 11 && !((StrObj *)s)->ascii,
         "str_new counts code points, not bytes");
  tap_ok(s && str_char_at(s, 1) == 0xE9 && str_char_at(s, 6) == 0x1F600,
         "str_char_at decodes");
  tap_ok(s && str_offset(s, 6) == 7, "str_offset of the last code point");
  is_str(str_substr(vm, s, 1, 3), "\xc3\xa9l", "str_substr across a 2-byte char");
  xdecref(vm, s);
  is_exc(str_new(vm, "a\xffz", 3),
         "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1: "
         "invalid start byte",
         "str_new rejects invalid UTF-8");
  s = str_new(vm, "x", 1);
  tap_ok(s == vm->char_cache['x'], "one ASCII char comes from the cache");
  xdecref(vm, s);
  s = str_new(vm, "", 0);
  tap_ok(s == vm->empty_str, "the empty string is shared");
  xdecref(vm, s);
  is_str(str_new_replace(vm, "a\xe2\x82x\xff", 5), "a\xef\xbf\xbdx\xef\xbf\xbd",
         "str_new_replace puts one U+FFFD per maximal subpart");
  is_str(str_from_codepoint(vm, 0x20AC), "\xe2\x82\xac", "chr(0x20ac)");
  is_exc(str_from_codepoint(vm, 0x110000),
         "ValueError: chr() arg not in range(0x110000)", "chr() range");
}

static void test_fromf(void) {
  Obj *o = str_from_cstr(vm, "it's");
  is_str(str_fromf(vm, "%s|%d|%i|%u|%ld|%lld|%zd|%zu", "x", -1, 2, 3u, -4L, 5LL,
                   (ssize)-6, (size_t)7),
         "x|-1|2|3|-4|5|-6|7", "printf integer conversions");
  is_str(str_fromf(vm, "%x|%X|%c|%%|%.*s|%5d|%-4s|", 255, 255, 'q', 2, "abc", 42, "ab"),
         "ff|FF|q|%|ab|   42|ab  |", "hex, char, percent, precision, width");
  is_str(str_fromf(vm, "%c", 0xE9), "\xc3\xa9", "%%c takes a code point");
  is_str(str_fromf(vm, "%R and %S of %T", o, o, o), "\"it's\" and it's of str",
         "%%R %%S %%T");
  is_str(str_fromf(vm, "%.2S|%A", o, o), "it|\"it's\"", "%%.2S truncates, %%A is ascii()");
  Obj *e = str_from_cstr(vm, "\xc3\xa9");
  is_str(str_fromf(vm, "%A", e), "'\\xe9'", "%%A escapes non-ASCII");
  is_str(str_fromf(vm, "%s", "bad\xff"), "bad\xef\xbf\xbd", "%%s replaces invalid UTF-8");
  Obj *p = str_fromf(vm, "%p", (void *)o);
  tap_ok(p && STR_NBYTES(p) > 2, "%%p prints a pointer");
  xdecref(vm, p);
  decref(vm, e);
  decref(vm, o);
}

static void test_repr(void) {
  static const struct {
    const char *in, *out;
  } cases[] = {
    {"abc", "'abc'"},
    {"it's", "\"it's\""},
    {"say \"hi\"", "'say \"hi\"'"},
    {"both '\"", "'both \\'\"'"},
    {"a\nb\tc\\d\re", "'a\\nb\\tc\\\\d\\re'"},
    {"\x01\x7f", "'\\x01\\x7f'"},
    {"caf\xc3\xa9", "'caf\xc3\xa9'"},                         /* printable kept */
    {"\xc2\x85\xc2\xa0\xc2\xad", "'\\x85\\xa0\\xad'"},          /* Cc, Zs, Cf */
    {"\xe2\x80\x8b", "'\\u200b'"},                            /* ZWSP, Cf */
    {"\xf0\x9f\x98\x80", "'\xf0\x9f\x98\x80'"},               /* emoji kept */
    {"\xf3\xa0\x80\x81", "'\\U000e0001'"},                    /* tag, Cf */
    {"\xed\xa0\x80", "'\\ud800'"},                            /* lone surrogate */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    Obj *s = str_new(vm, cases[i].in, strlen(cases[i].in));
    is_str(s ? str_repr(vm, s) : NULL, cases[i].out, "repr %s", cases[i].out);
    xdecref(vm, s);
  }
  Obj *s = str_from_cstr(vm, "\xe2\x82\xac\xf0\x9f\x98\x80");
  is_str(str_ascii(vm, s), "'\\u20ac\\U0001f600'", "ascii() escapes everything");
  decref(vm, s);
}

static void test_intern(void) {
  Obj *a = str_intern_cstr(vm, "spam_and_eggs");
  Obj *b = str_intern_cstr(vm, "spam_and_eggs");
  tap_ok(a && a == b && ((StrObj *)a)->interned, "str_intern_cstr gives one object");
  Obj *c = str_from_cstr(vm, "spam_and_eggs");
  tap_ok(c != a, "a fresh equal string is another object");
  str_intern_inplace(vm, &c);
  tap_ok(c == a, "str_intern_inplace swaps in the interned one");
  decref(vm, c);
  Obj *d = str_from_cstr(vm, "not_yet_interned_name");
  Obj *keep = d;
  str_intern_inplace(vm, &d);
  tap_ok(d == keep && ((StrObj *)d)->interned, "a new string becomes the interned one");
  tap_ok(str_intern_cstr(vm, "not_yet_interned_name") == d, "and is found by name");
  decref(vm, d);
}

static void test_hash_cmp(void) {
  Obj *a = str_from_cstr(vm, "hello world"), *b = str_from_cstr(vm, "hello world");
  Obj *c = str_from_cstr(vm, "hello worle");
  hash_t ha = str_hash(vm, a), hb = str_hash(vm, b), hc = str_hash(vm, c);
  tap_ok(ha == hb && ha != -1, "equal strings hash equally");
  tap_ok(ha != hc, "a one-letter change changes the hash");
  tap_ok(((StrObj *)a)->hash == ha, "the hash is cached");
  tap_ok(str_eq(a, b) && !str_eq(a, c), "str_eq");
  Obj *x = str_from_cstr(vm, "\xef\xbf\xbf"), *y = str_from_cstr(vm, "\xf0\x90\x80\x80");
  tap_ok(str_compare(x, y) < 0 && str_compare(c, a) > 0 && str_compare(a, b) == 0,
         "str_compare is code point order (U+FFFF < U+10000)");
  Obj *items[3] = {a, x, c};
  Obj *sep = str_from_cstr(vm, ", ");
  Obj *j = str_join(vm, sep, items, 3);
  tap_ok(j && STR_LEN(j) == 11 + 2 + 1 + 2 + 11, "str_join length in code points");
  xdecref(vm, j);
  is_str(str_concat(vm, sep, x), ", \xef\xbf\xbf", "str_concat");
  is_str(str_repeat(vm, sep, 3), ", , , ", "str_repeat");
  decref(vm, sep);
  decref(vm, a);
  decref(vm, b);
  decref(vm, c);
  decref(vm, x);
  decref(vm, y);
}

static void test_inplace(void) {
  Obj *s = str_from_cstr(vm, "ab");
  Obj *t = str_from_cstr(vm, "\xc3\xa9!");
  str_hash(vm, s);
  tap_ok(str_concat_inplace(vm, &s, t) == 0 && s && STR_LEN(s) == 4 && STR_NBYTES(s) == 5 &&
         !((StrObj *)s)->ascii && ((StrObj *)s)->hash == -1 &&
         str_eq_cstr(s, "ab\xc3\xa9!"),
         "str_concat_inplace grows a sole reference in place");
  Obj *other = incref(s);
  tap_ok(str_concat_inplace(vm, &s, t) == 0 && s != other && str_eq_cstr(other, "ab\xc3\xa9!") &&
         str_eq_cstr(s, "ab\xc3\xa9!\xc3\xa9!"),
         "a shared string is copied, not changed");
  decref(vm, other);
  decref(vm, s);
  decref(vm, t);
}

static void test_format(void) {
  Obj *s = str_from_cstr(vm, "ab");
  static const struct {
    const char *spec, *out;
  } cases[] = {
    {"", "ab"}, {"5", "ab   "}, {">5", "   ab"}, {"^6", "  ab  "}, {"*^7", "**ab***"},
    {".1", "a"}, {"05", "ab000"}, {"\xc3\xa9>4", "\xc3\xa9\xc3\xa9" "ab"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    Obj *spec = str_from_cstr(vm, cases[i].spec);
    is_str(obj_format(vm, s, spec), cases[i].out, "format('ab', '%s')", cases[i].spec);
    decref(vm, spec);
  }
  Obj *spec = str_from_cstr(vm, "+5");
  is_exc(obj_format(vm, s, spec), "ValueError: Sign not allowed in string format specifier",
         "sign in a str spec");
  decref(vm, spec);
  Obj *fmt = str_from_cstr(vm, "%s|%5s|%-3r|%(x)s");
  is_exc(str_mod(vm, fmt, s), "TypeError: not enough arguments for format string",
         "% with too few arguments");
  decref(vm, fmt);
  fmt = str_from_cstr(vm, "<%s|%4.1s>");
  Obj *args = tuple_pack(vm, 2, s, s);
  is_str(str_mod(vm, fmt, args), "<ab|   a>", "%% with a tuple");
  decref(vm, args);
  decref(vm, fmt);
  fmt = str_from_cstr(vm, "{0}-{0!r:>6}-{{}}");
  Obj *arg[1] = {s};
  is_str(str_format_impl(vm, fmt, arg, 1, NULL), "ab-  'ab'-{}", "str.format");
  decref(vm, fmt);
  decref(vm, s);
}

static void test_codecs(void) {
  Obj *s = str_from_cstr(vm, "caf\xc3\xa9 \xe2\x82\xac");
  Obj *b = str_encode(vm, s, "utf-8", "strict");
  tap_ok(b && BYTES_SIZE(b) == 9, "encode utf-8");
  if (b) {
    is_str(bytes_decode(vm, BYTES_DATA(b), (size_t)BYTES_SIZE(b), "UTF8", "strict"),
           "caf\xc3\xa9 \xe2\x82\xac", "decode round trip");
    is_str(TYPE(b)->repr(vm, b), "b'caf\\xc3\\xa9 \\xe2\\x82\\xac'", "bytes repr");
    decref(vm, b);
  }
  is_exc(str_encode(vm, s, "ascii", "strict"),
         "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 3: "
         "ordinal not in range(128)",
         "ascii encode error");
  b = str_encode(vm, s, "latin-1", "replace");
  tap_ok(b && BYTES_SIZE(b) == 6 && BYTES_DATA(b)[3] == '\xe9' && BYTES_DATA(b)[5] == '?',
         "latin-1 with replace");
  xdecref(vm, b);
  is_exc(bytes_decode(vm, "\xe2\x82x", 3, "utf-8", "strict"),
         "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: "
         "invalid continuation byte",
         "decode error names the maximal subpart");
  is_exc(str_encode(vm, s, "utf-16", "strict"), "LookupError: unknown encoding: utf-16",
         "unknown encoding");
  decref(vm, s);
}

int main(int argc, char **argv) {
  vm = vm_new(0, NULL, "test-str");
  if (!vm) {
    printf("Bail out! vm_new failed\n");
    return 1;
  }
  uint64_t strs = ht_arena_stats(HT_TAG_STR)->cur_count;
  uint64_t bytes = ht_arena_stats(HT_TAG_BYTES)->cur_count;
  test_utf8();
  test_new();
  test_fromf();
  test_repr();
  test_hash_cmp();
  test_inplace();
  test_format();
  test_codecs();
  tap_ok(ht_arena_stats(HT_TAG_STR)->cur_count == strs,
         "every STR block made by the tests is freed (%llu -> %llu)",
         (unsigned long long)strs,
         (unsigned long long)ht_arena_stats(HT_TAG_STR)->cur_count);
  tap_ok(ht_arena_stats(HT_TAG_BYTES)->cur_count == bytes, "every BYTES block is freed");
  test_intern();
  vm_free(vm);
  tap_ok(ht_arena_stats(HT_TAG_STR)->cur_count == 0,
         "no STR block outlives the VM (%llu left)",
         (unsigned long long)ht_arena_stats(HT_TAG_STR)->cur_count);
  return tap_done();
}
