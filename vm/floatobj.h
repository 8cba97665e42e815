/*
** floatobj.h -- the float type's entry points beyond object.h, and the
** number-to-text machinery shared by int and float (vm/floatrepr.c).
**
** A float is one arena block (tag FLOAT) holding a FloatObj (object.h):
** the header and an IEEE double.  Floats are immutable.
**
** Text: repr(x) is the shortest string that reads back as x (CPython's
** repr, David Gay's mode 0), found by a search over precisions with
** correctly rounded printf/strtod from glibc; fixed-precision formats come
** straight from glibc's correctly rounded printf.  float_to_string lays
** the digits out exactly as CPython's PyOS_double_to_string does, and the
** format-spec mini-language for int and float (int_format, float_format)
** follows CPython's formatter_unicode.c: fill, align, sign, z, #, 0, width,
** grouping with ',' or '_', precision and the presentation types.
**
** (Named floatobj.h, not float.h: vm/ is on the include path and must not
** shadow the C library's <float.h>.)
*/
#ifndef HT_FLOATOBJ_H
#define HT_FLOATOBJ_H

#include "object.h"

/* Is O a float or an instance of a subclass of float? */
static inline bool float_check(Obj *o) {
  return o->type == &Float_Type ||
         ((o->type->flags & TF_HEAPTYPE) && type_is_subtype(o->type, &Float_Type));
}

/* The slot functions (NotImplemented when an operand is not a number). */
Obj *float_add(VM *vm, Obj *a, Obj *b);
Obj *float_sub(VM *vm, Obj *a, Obj *b);
Obj *float_mul(VM *vm, Obj *a, Obj *b);
Obj *float_truediv(VM *vm, Obj *a, Obj *b);
Obj *float_floordiv(VM *vm, Obj *a, Obj *b);
Obj *float_mod(VM *vm, Obj *a, Obj *b);
Obj *float_pow(VM *vm, Obj *a, Obj *b);
Obj *float_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op);
hash_t float_hash(VM *vm, Obj *o);
Obj *float_repr(VM *vm, Obj *o);
/* divmod(a, b) where a or b is a float: a new 2-tuple of floats. */
Obj *float_divmod(VM *vm, Obj *a, Obj *b);
/* x ** y with CPython's special cases and errors: ZeroDivisionError "0.0
** cannot be raised to a negative power", OverflowError (34, 'Numerical
** result out of range'). */
Obj *float_pow_double(VM *vm, double x, double y);
/* hash(v) for a finite or infinite double (not NaN): CPython's value. */
hash_t float_hash_double(double v);

/* The float(...) constructor (type->new_). */
Obj *float_type_new(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                    Obj *kwnames);
/* float(o) for any object, as float() with one argument.  New float. */
Obj *float_from_obj(VM *vm, Obj *o);
/* Parse S (N bytes, already mapped to ASCII) as float() does; ORIG is the
** object named in "could not convert string to float: %R".  0 or -1. */
int float_parse(VM *vm, const char *s, size_t n, Obj *orig, double *out);

/* format(v, spec) for a float value V; SPEC has N bytes.  Empty SPEC gives
** repr(v). */
Obj *float_format(VM *vm, double v, const char *spec, size_t n);

/* PyOS_double_to_string: X as text in CODE 'e' 'E' 'f' 'F' 'g' 'G' or 'r'
** (repr) with PREC digits and FR_* flags.  Returns a NUL-terminated arena
** block (free with big_free(p, *CAP)) of *LEN bytes, or NULL when memory
** ran out (no exception set). */
#define FR_SIGN      1   /* always write a sign */
#define FR_ADD_DOT_0 2   /* integral values keep ".0" */
#define FR_ALT       4   /* '#': keep the point and trailing zeros */
#define FR_NO_NEG_0  8   /* 'z': -0.0 rounds to 0 */
char *float_to_string(double x, char code, int prec, int flags, size_t *len,
                      size_t *cap);

#endif
