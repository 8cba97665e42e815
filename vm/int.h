/*
** int.h -- the layout of int objects, the digit-level arithmetic under them,
** and the numbers component's entry points beyond object.h.
**
** An int is one arena block (tag INT): the IntObj header followed by its
** magnitude in base 2**30 "digits", least significant first, as in CPython.
** SIZE carries the sign: the value has |SIZE| digits and is negative when
** SIZE < 0; zero has SIZE 0.  The top digit in use is never 0 (normalised).
** NALLOC is the number of digits the block holds; the block's size in bytes
** is INT_SIZE_OF(nalloc), the figure passed back to obj_free and reported
** by sys.getsizeof.
**
** Every int holds at least two digits (NALLOC >= 2), and the digits past
** |SIZE| are zero.  So any int with |SIZE| <= 2 -- every value whose
** magnitude is below 2**60 -- reads as d[0] | d[1] << 30 without a branch
** or a loop: that is the "small" fast path the eval loop and the operators
** below take (int_is_small / int_small_value).  A sum or difference of two
** small values always fits an int64, and products are checked with
** __builtin_mul_overflow.
**
** The values -5..256 are static and immortal (int_small_table), as are
** True and False (bool.c), which have this same layout with type Bool_Type.
** Ints are immutable: an operation always builds a new object (or returns
** a shared small one).
*/
#ifndef HT_INT_H
#define HT_INT_H

#include "object.h"

typedef uint32_t digit;            /* one base-2**30 digit */
typedef uint64_t twodigits;        /* holds a product of two digits plus carries */
typedef int64_t stwodigits;        /* signed twodigits for borrows */

#define INT_SHIFT 30
#define INT_BASE ((digit)1 << INT_SHIFT)
#define INT_MASK ((digit)(INT_BASE - 1))
#define INT_SMALL_MIN (-5)         /* shared static ints: INT_SMALL_MIN..MAX */
#define INT_SMALL_MAX 256
#define INT_MIN_ALLOC 2            /* every int block holds at least 2 digits */
#define INT_MAX_DIGITS ((ssize)INT32_MAX / 2)  /* beyond this: MemoryError */

struct IntObj {
  Obj ob;                          /* type: Int_Type, Bool_Type or a subclass */
  int32_t size;                    /* digits in use, negated for negative values */
  uint32_t nalloc;                 /* digits the block holds (>= INT_MIN_ALLOC) */
  digit d[];                       /* magnitude, least significant digit first */
};

/* Bytes in the block of an int holding N digits. */
#define INT_SIZE_OF(n) (offsetof(IntObj, d) + (size_t)(n) * sizeof(digit))

/* The static shared ints, with room for the two digits the fast path reads. */
typedef struct IntSmallObj {
  Obj ob;                          /* Int_Type, immortal */
  int32_t size;                    /* as IntObj */
  uint32_t nalloc;                 /* INT_MIN_ALLOC */
  digit d[INT_MIN_ALLOC];          /* as IntObj */
} IntSmallObj;
extern IntSmallObj int_small_table[INT_SMALL_MAX - INT_SMALL_MIN + 1];

/* ------------------------------------------------------------------ */
/* Fast-path helpers for the eval loop                                 */
/* ------------------------------------------------------------------ */

/* Is O (an int, bool or int subclass) below 2**60 in magnitude? */
static inline bool int_is_small(Obj *o) {
  int32_t s = ((IntObj *)o)->size;
  return s >= -2 && s <= 2;
}
/* The value of a small int (int_is_small must hold). */
static inline int64_t int_small_value(Obj *o) {
  IntObj *v = (IntObj *)o;
  int64_t m = (int64_t)v->d[0] | ((int64_t)v->d[1] << INT_SHIFT);
  return v->size < 0 ? -m : m;
}
/* Are A and B both exact ints (not bool, not subclasses) and small? */
static inline bool int_both_small(Obj *a, Obj *b) {
  return a->type == &Int_Type && b->type == &Int_Type && int_is_small(a) &&
         int_is_small(b);
}
/* A new reference to the int V; the shared object when V is in -5..256. */
static inline Obj *int_new_fast(VM *vm, int64_t v) {
  if ((uint64_t)(v - INT_SMALL_MIN) <= (uint64_t)(INT_SMALL_MAX - INT_SMALL_MIN))
    return incref((Obj *)&int_small_table[v - INT_SMALL_MIN]);
  return int_from_i64(vm, v);
}

/* ------------------------------------------------------------------ */
/* int entry points (vm/int.c) beyond object.h                          */
/* ------------------------------------------------------------------ */

/* The slot functions, for callers that know both operands are ints (or
** bools).  They return NotImplemented when an operand is not an int. */
Obj *int_add(VM *vm, Obj *a, Obj *b);
Obj *int_sub(VM *vm, Obj *a, Obj *b);
Obj *int_mul(VM *vm, Obj *a, Obj *b);
Obj *int_floordiv(VM *vm, Obj *a, Obj *b);
Obj *int_mod(VM *vm, Obj *a, Obj *b);
Obj *int_truediv(VM *vm, Obj *a, Obj *b);
Obj *int_pow(VM *vm, Obj *a, Obj *b);
Obj *int_lshift(VM *vm, Obj *a, Obj *b);
Obj *int_rshift(VM *vm, Obj *a, Obj *b);
Obj *int_and(VM *vm, Obj *a, Obj *b);
Obj *int_or(VM *vm, Obj *a, Obj *b);
Obj *int_xor(VM *vm, Obj *a, Obj *b);
Obj *int_neg(VM *vm, Obj *a);
Obj *int_invert(VM *vm, Obj *a);
Obj *int_abs(VM *vm, Obj *a);
Obj *int_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op);
hash_t int_hash(VM *vm, Obj *o);
/* repr(o) == str(o) for int: decimal, subject to the int_max_str_digits
** limit (ValueError "Exceeds the limit (4300 digits) ..."). */
Obj *int_repr(VM *vm, Obj *o);
/* A new exact int equal to O (an int, bool or int subclass). */
Obj *int_exact(VM *vm, Obj *o);
/* -1, 0 or 1 as A is <, == or > B (both ints; no exception). */
int int_compare(Obj *a, Obj *b);
/* Number of bits in |O| (0 for zero). */
int64_t int_bit_length(Obj *o);
/* O = x * 2**(*E) with 0.5 <= |x| < 1, x correctly rounded to 53 bits
** (half to even); 0.0 and *E = 0 for zero.  Never fails. */
double int_frexp(Obj *o, int64_t *e);

/* divmod(a, b) for ints: a new 2-tuple; ZeroDivisionError
** "integer division or modulo by zero". */
Obj *int_divmod(VM *vm, Obj *a, Obj *b);
/* The builtins' divmod(a, b) for any numbers (int, bool, float, in any
** mix): NotImplemented when neither is a number this component knows. */
Obj *num_divmod(VM *vm, Obj *a, Obj *b);
/* pow(a, b, m) as the builtin: M NULL or None means two-argument pow.  With
** M, all three must be ints (TypeError "pow() 3rd argument not allowed
** unless all arguments are integers"); negative exponents use the modular
** inverse (ValueError "base is not invertible for the given modulus").
** Returns NotImplemented when M is absent and neither operand is a number
** known here. */
Obj *num_pow(VM *vm, Obj *a, Obj *b, Obj *m);
/* round(x) / round(x, ndigits) for int, bool and float; NDIGITS may be
** NULL or None.  Other types: TypeError "type X doesn't define __round__
** method" (the builtin calls __round__ on instances itself). */
Obj *num_round(VM *vm, Obj *x, Obj *ndigits);

/* The int(...) constructor (type->new_); CALLABLE is the type. */
Obj *int_type_new(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                  Obj *kwnames);
/* int(o) for any object, as int(o) with one argument: __int__, __index__,
** __trunc__, str, bytes.  New exact int. */
Obj *int_from_obj(VM *vm, Obj *o);
/* Parse an int literal as the compiler sees it (S already validated by the
** lexer; underscores allowed; prefixes 0x 0o 0b).  No digit limit applies
** to hexadecimal/octal/binary; decimal literals obey the limit. */
Obj *int_from_literal(VM *vm, const char *s, size_t n);

/* The sys.get_int_max_str_digits()/set_int_max_str_digits() state, kept in
** VM.int_max_str_digits (a zeroed VM means the default, 4300).  set:
** ValueError "maxdigits must be 0 or larger than 640" for bad values;
** returns 0 or -1. */
ssize int_get_max_str_digits(VM *vm);
int int_set_max_str_digits(VM *vm, ssize maxdigits);

/* format(v, spec) for int and bool (the text component's obj_format calls
** it): the format-spec mini-language, exactly as CPython.  SPEC has N bytes
** (no NUL needed).  Types b c d o x X n, none, and e E f F g G % (through
** float).  Empty SPEC gives str(v) ('True' for bools). */
Obj *int_format(VM *vm, Obj *v, const char *spec, size_t n);

/* One %-conversion of printf-style formatting for a number V ('%d', '%i',
** '%u', '%x', '%X', '%o', '%e', '%E', '%f', '%F', '%g', '%G', '%c' for ints;
** '%r'/'%s'/'%a' are not handled here).  FLAGS is a mask of NUM_PF_*;
** WIDTH and PREC are -1 when absent.  Returns a new str, or NULL with
** TypeError "%d format: a real number is required, not str" (and the
** other CPython texts) set. */
#define NUM_PF_LJUST 1   /* '-' */
#define NUM_PF_SIGN  2   /* '+' */
#define NUM_PF_BLANK 4   /* ' ' */
#define NUM_PF_ALT   8   /* '#' */
#define NUM_PF_ZERO  16  /* '0' */
Obj *num_percent_format(VM *vm, Obj *v, char conv, int flags, int width,
                        int prec);

/* Map a str's UTF-8 text (N bytes) for numeric parsing, as CPython's
** _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode decimal digits become
** ASCII digits, Unicode white space a blank, other non-ASCII code points
** '?'.  Returns a NUL-terminated arena block of *CAP bytes (free with
** big_free) holding *OUTN bytes, or NULL with MemoryError set. */
char *num_ascii_text(VM *vm, const char *s, size_t n, size_t *outn,
                     size_t *cap);
/* round(v, ndigits) for an int V and a negative int NDIGITS (half even). */
Obj *int_round_neg(VM *vm, Obj *v, Obj *ndigits);
/* The text of |O| in BASE 2, 8, 16 or 10 (lowercase, no sign or prefix)
** as a NUL-terminated arena block of *CAP bytes (free with big_free),
** *LEN bytes long.  Base 10 obeys the int_max_str_digits limit. */
char *int_digits_base(VM *vm, Obj *o, int base, size_t *len, size_t *cap);

/* The math module (vm/mathmod.c): a new module object, or NULL. */
Obj *mathmod_init(VM *vm);

/* The types this component defines, NULL-terminated, for core to ready. */
extern TypeObj *const numbers_types[];

/* ------------------------------------------------------------------ */
/* Digit-level arithmetic (vm/bigint.c)                                */
/* ------------------------------------------------------------------ */
/* Magnitudes are digit arrays, least significant first, with explicit
** lengths; the results are not normalised unless said.  Functions that
** need scratch memory take it from the arena (tag VMINTERNAL) and return
** -1 when that fails (the caller raises MemoryError). */

/* Compare magnitudes: -1, 0, 1.  Inputs normalised. */
int big_cmp(const digit *a, ssize na, const digit *b, ssize nb);
/* z[0..na] = a + b, NA >= NB; Z may alias A.  Z needs NA + 1 digits. */
void big_add(digit *z, const digit *a, ssize na, const digit *b, ssize nb);
/* z[0..na) = a - b, |a| >= |b|, NA >= NB; Z may alias A. */
void big_sub(digit *z, const digit *a, ssize na, const digit *b, ssize nb);
/* z[0..na+nb) = a * b; Z must not alias and is fully written.  0 or -1. */
int big_mul(digit *z, const digit *a, ssize na, const digit *b, ssize nb);
/* z[0..n) = a * m + add; returns the carry-out digit.  Z may alias A. */
digit big_mul1(digit *z, const digit *a, ssize n, digit m, digit add);
/* q = a / d, returns a % d; Q may alias A; D > 0. */
digit big_divrem1(digit *q, const digit *a, ssize n, digit d);
/* Knuth's algorithm D: q[0..na-nb] = a / b, r[0..nb) = a % b, for
** NA >= NB >= 2 and b normalised.  0 or -1 (no memory). */
int big_divrem(digit *q, digit *r, const digit *a, ssize na, const digit *b,
               ssize nb);
/* z[0..n) = a << bits (0 <= BITS < INT_SHIFT); returns the carry-out.
** Z may alias A. */
digit big_lshift(digit *z, const digit *a, ssize n, int bits);
/* z[0..n) = a >> bits (0 <= BITS < INT_SHIFT); returns the bits shifted
** out, in the low BITS bits.  Z may alias A. */
digit big_rshift(digit *z, const digit *a, ssize n, int bits);
/* Bits in a digit's value (0 for 0). */
int big_bits_in_digit(digit d);
/* Convert a magnitude to base 10**9 "limbs", least significant first;
** *OUT (arena VMINTERNAL, *OUTSIZE words) belongs to the caller, who frees
** it with big_free.  0 or -1. */
int big_to_decimal(const digit *a, ssize n, uint32_t **out, ssize *outlen,
                   ssize *outsize);
/* Scratch memory for the digit routines (arena tag VMINTERNAL). */
void *big_alloc(size_t nbytes);
void big_free(void *p, size_t nbytes);

#endif
