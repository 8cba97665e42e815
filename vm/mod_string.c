/*
** mod_string.c -- the `string` module: the character-class constants
** (ascii_letters, digits, punctuation, whitespace, printable ...),
** capwords(), and Template.  Template is Python source (TEMPLATE_SRC)
** run in the module's dict when the module is created, so its methods are
** ordinary Python functions, subclassable as CPython's; having no `re`, it
** scans for placeholders by hand, and a subclass that overrides pattern,
** idpattern, braceidpattern or flags raises NotImplementedError (changing
** delimiter works).  Formatter is not provided: it is absent, so using it
** raises AttributeError.
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

/* string.Template, after CPython's semantics for the default pattern:
** $$ -> $, $identifier and ${identifier} (ASCII identifiers) substituted,
** any other $ invalid (ValueError with line and column from substitute,
** kept as is by safe_substitute). */
static const char TEMPLATE_SRC[] =
  "_sentinel_dict = {}\n"
  "_ID_START = frozenset(ascii_letters + '_')\n"
  "_ID_CHARS = frozenset(ascii_letters + digits + '_')\n"
  "\n"
  "\n"
  "class _ChainMap:\n"
  "    def __init__(self, first, second):\n"
  "        self.first = first\n"
  "        self.second = second\n"
  "\n"
  "    def __getitem__(self, key):\n"
  "        try:\n"
  "            return self.first[key]\n"
  "        except KeyError:\n"
  "            pass\n"
  "        try:\n"
  "            return self.second[key]\n"
  "        except KeyError:\n"
  "            raise KeyError(key) from None\n"
  "\n"
  "\n"
  "class Template:\n"
  "    \"\"\"A string class for supporting $-substitutions.\"\"\"\n"
  "\n"
  "    delimiter = '$'\n"
  "    idpattern = r'(?a:[_a-z][_a-z0-9]*)'\n"
  "    braceidpattern = None\n"
  "\n"
  "    def __init_subclass__(cls, **kws):\n"
  "        for name in ('pattern', 'idpattern', 'braceidpattern', 'flags'):\n"
  "            if name in vars(cls):\n"
  "                raise NotImplementedError(\n"
  "                    'string.Template subclasses that set %r are not supported '\n"
  "                    '(no re module); only delimiter may be changed' % name)\n"
  "\n"
  "    def __init__(self, template):\n"
  "        self.template = template\n"
  "\n"
  "    def _placeholders(self):\n"
  "        # (kind, start, end, name) for each match of CPython's pattern:\n"
  "        # delimiter followed by delimiter | identifier | {identifier} | nothing\n"
  "        t = self.template\n"
  "        if not isinstance(t, str):\n"
  "            raise TypeError('expected string or bytes-like object, got %r'\n"
  "                            % type(t).__name__)\n"
  "        d = self.delimiter\n"
  "        dl = len(d)\n"
  "        n = len(t)\n"
  "        out = []\n"
  "        i = 0\n"
  "        while dl:\n"
  "            j = t.find(d, i)\n"
  "            if j < 0:\n"
  "                break\n"
  "            k = j + dl\n"
  "            if t.startswith(d, k):\n"
  "                out.append(('escaped', j, k + dl, None))\n"
  "                i = k + dl\n"
  "                continue\n"
  "            if k < n and t[k] in _ID_START:\n"
  "                e = k + 1\n"
  "                while e < n and t[e] in _ID_CHARS:\n"
  "                    e += 1\n"
  "                out.append(('named', j, e, t[k:e]))\n"
  "                i = e\n"
  "                continue\n"
  "            if k + 1 < n and t[k] == '{' and t[k + 1] in _ID_START:\n"
  "                e = k + 2\n"
  "                while e < n and t[e] in _ID_CHARS:\n"
  "                    e += 1\n"
  "                if e < n and t[e] == '}':\n"
  "                    out.append(('named', j, e + 1, t[k + 1:e]))\n"
  "                    i = e + 1\n"
  "                    continue\n"
  "            out.append(('invalid', j, k, None))\n"
  "            i = k\n"
  "        return out\n"
  "\n"
  "    def _invalid(self, i):\n"
  "        lines = self.template[:i].splitlines(keepends=True)\n"
  "        if not lines:\n"
  "            colno = 1\n"
  "            lineno = 1\n"
  "        else:\n"
  "            colno = i - len(''.join(lines[:-1]))\n"
  "            lineno = len(lines)\n"
  "        raise ValueError('Invalid placeholder in string: line %d, col %d' %\n"
  "                         (lineno, colno))\n"
  "\n"
  "    def _expand(self, mapping, kws, safe):\n"
  "        if mapping is _sentinel_dict:\n"
  "            mapping = kws\n"
  "        elif kws:\n"
  "            mapping = _ChainMap(kws, mapping)\n"
  "        t = self.template\n"
  "        parts = []\n"
  "        pos = 0\n"
  "        for kind, start, end, name in self._placeholders():\n"
  "            parts.append(t[pos:start])\n"
  "            pos = end\n"
  "            if kind == 'named':\n"
  "                if safe:\n"
  "                    try:\n"
  "                        parts.append('%s' % (mapping[name],))\n"
  "                    except KeyError:\n"
  "                        parts.append(t[start:end])\n"
  "                else:\n"
  "                    parts.append('%s' % (mapping[name],))\n"
  "            elif kind == 'escaped':\n"
  "                parts.append(self.delimiter)\n"
  "            elif safe:\n"
  "                parts.append(t[start:end])\n"
  "            else:\n"
  "                self._invalid(end)\n"
  "        parts.append(t[pos:])\n"
  "        return ''.join(parts)\n"
  "\n"
  "    def substitute(self, mapping=_sentinel_dict, /, **kws):\n"
  "        return self._expand(mapping, kws, False)\n"
  "\n"
  "    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):\n"
  "        return self._expand(mapping, kws, True)\n"
  "\n"
  "    def is_valid(self):\n"
  "        for kind, start, end, name in self._placeholders():\n"
  "            if kind == 'invalid':\n"
  "                return False\n"
  "        return True\n"
  "\n"
  "    def get_identifiers(self):\n"
  "        ids = []\n"
  "        for kind, start, end, name in self._placeholders():\n"
  "            if kind == 'named' and name not in ids:\n"
  "                ids.append(name)\n"
  "        return ids\n";

Obj *stringmod_init(VM *vm) {
  Obj *m = stdmods_module(vm, "string", string_funcs, NULL);
  if (!m) return NULL;
  for (size_t i = 0; i < sizeof string_consts / sizeof *string_consts; i++)
    if (stdmods_set(vm, m, string_consts[i][0], str_from_cstr(vm, string_consts[i][1])) < 0) {
      decref(vm, m);
      return NULL;
    }
  Obj *fname = str_from_cstr(vm, "<frozen string>");
  Obj *r = fname ? vm_exec_source(vm, TEMPLATE_SRC, sizeof TEMPLATE_SRC - 1, fname,
                                  ((ModuleObj *)m)->dict)
                 : NULL;
  xdecref(vm, fname);
  if (!r) {
    decref(vm, m);
    return NULL;
  }
  decref(vm, r);
  return m;
}
