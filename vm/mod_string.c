/*
** mod_string.c -- the `string` module: the character-class constants
** (ascii_letters, digits, punctuation, whitespace, printable ...) and
** capwords().  Template and Formatter are not provided; they are absent,
** so using them raises AttributeError.
*/
#include "config.h"

#include "modules.h"
#include "stdmods.h"
#include "str.h"
#include "vm.h"

#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define DIGITS "0123456789"
#define PUNCT "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
#define WHITE " \t\n\r\x0b\x0c"

static const char *const capwords_names[] = {"s", "sep"};
static const PyArgSpec capwords_spec = {"capwords", capwords_names, 2, 0, 1, 0, 0};

/* capwords(s, sep=None): (sep or ' ').join(w.capitalize() for w in s.split(sep)) */
static Obj *st_capwords(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  Obj *a[2];
  if (stdmods_pyargs(vm, &capwords_spec, args, nargs, kwnames, a) < 0) return NULL;
  Obj *sep = a[1] ? a[1] : None;
  Obj *words = obj_call_method(vm, a[0], "split", &sep, 1);
  if (!words) return NULL;
  Obj *caps = list_new(vm, 0), *r = NULL;
  if (!caps) goto out;
  Obj *it = obj_iter(vm, words), *w;
  if (!it) goto out;
  while ((w = stdmods_next(vm, it))) {
    Obj *c = obj_call_method(vm, w, "capitalize", NULL, 0);
    decref(vm, w);
    if (!c || list_append(vm, caps, c) < 0) {
      xdecref(vm, c);
      break;
    }
    decref(vm, c);
  }
  decref(vm, it);
  if (vm_exc_occurred(vm)) goto out;
  int t = obj_truthy(vm, sep);
  if (t < 0) goto out;
  Obj *joiner = t ? incref(sep) : str_from_cstr(vm, " ");
  if (!joiner) goto out;
  r = obj_call_method(vm, joiner, "join", &caps, 1);
  decref(vm, joiner);
out:
  xdecref(vm, caps);
  decref(vm, words);
  return r;
}

static const MethodDef string_funcs[] = {
  {"capwords", st_capwords, 0},
  {NULL, NULL, 0},
};

static const char *const string_consts[][2] = {
  {"whitespace", WHITE},
  {"ascii_lowercase", LOWER},
  {"ascii_uppercase", UPPER},
  {"ascii_letters", LOWER UPPER},
  {"digits", DIGITS},
  {"hexdigits", DIGITS "abcdef" "ABCDEF"},
  {"octdigits", "01234567"},
  {"punctuation", PUNCT},
  {"printable", DIGITS LOWER UPPER PUNCT WHITE},
};

Obj *stringmod_init(VM *vm) {
  Obj *m = stdmods_module(vm, "string", string_funcs, NULL);
  if (!m) return NULL;
  for (size_t i = 0; i < sizeof string_consts / sizeof *string_consts; i++)
    if (stdmods_set(vm, m, string_consts[i][0], str_from_cstr(vm, string_consts[i][1])) < 0) {
      decref(vm, m);
      return NULL;
    }
  return m;
}
