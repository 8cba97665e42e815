/*
** pylib.h -- standard-library modules written in Python.
**
** Some modules are simplest, and closest to CPython, written in Python: they
** live in vm/lib/NAME.py and are compiled into the program as source text
** (scripts/embed-py.sh generates vm/pylib.c at build time).  `import NAME`
** looks for them after the builtin C modules and the script's own folder,
** the place CPython's sys.path gives its standard library; their code runs
** like any imported module's, so every object they make is tagged and
** recorded as usual.  Tracebacks name them "<heaptrail>/NAME.py".
*/
#ifndef HT_PYLIB_H
#define HT_PYLIB_H

#include <stddef.h>

typedef struct PyLibModule {
  const char *name;            /* module name */
  const char *src;             /* its source, UTF-8 */
  size_t n;                    /* bytes in src */
} PyLibModule;

/* The table, ended by {NULL, NULL, 0}. */
extern const PyLibModule pylib_modules[];

#endif
