/*
** mod_random.c -- the `random` module: CPython's Random class on the
** Mersenne Twister MT19937, giving the same numbers as CPython 3.11 after
** the same seed.
**
** A Random object (tag OTHER) holds the 624-word twister state, the index
** of the next word, and gauss()'s spare value.  Seeding follows CPython:
**   - an int seeds init_by_array() with the 32-bit words of abs(n), least
**     significant first (one zero word for 0);
**   - a float seeds with hash(x) read as an unsigned 64-bit int;
**   - str, bytes and bytearray (version 2) seed with the int made of the
**     bytes followed by their SHA-512 digest (big-endian), as random.py's
**     int.from_bytes(a + sha512(a).digest()); version 1 uses the old string
**     hash;
**   - None seeds from 624 words of the system's entropy (getrandom, then
**     /dev/urandom, then time and pid).
** random() is genrand_res53: (a * 2**26 + b) / 2**53 from two words
** shifted right by 5 and 6.  getrandbits(k) fills k bits by 32-bit words,
** least significant first, dropping the low bits of the last word.
** Integer choices use _randbelow_with_getrandbits (k = n.bit_length(),
** draw k bits until below n), so randrange, randint, choice, shuffle and
** sample consume the generator exactly as CPython does; choices, uniform
** and the distributions use random() and the C library's log, exp, sqrt,
** cos, sin, pow -- the ones CPython's math module calls.
**
** The module's functions (random.random, random.seed ...) are the bound
** methods of a hidden instance, as in random.py.
*/
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/random.h>

#include "containers.h"
#include "int.h"
#include "modules.h"
#include "stdmods.h"
#include "str.h"
#include "vm.h"

#define MT_N 624
#define MT_M 397

typedef struct RandomObj {
  Obj ob;
  int index;                      /* next word of state; MT_N = regenerate */
  uint32_t state[MT_N];           /* the twister's state */
  Obj *gauss_next;                /* gauss()'s spare value, NULL for None (owned float) */
} RandomObj;

#define R(o) ((RandomObj *)(o))
#define RND_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

/* ------------------------------------------------------------------ */
/* MT19937                                                            */
/* ------------------------------------------------------------------ */

static uint32_t genrand_uint32(RandomObj *r) {
  static const uint32_t mag01[2] = {0x0u, 0x9908b0dfu};
  uint32_t *mt = r->state, y;
  if (r->index >= MT_N) {
    int kk;
    for (kk = 0; kk < MT_N - MT_M; kk++) {
      y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
      mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1u];
    }
    for (; kk < MT_N - 1; kk++) {
      y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
      mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1u];
    }
    y = (mt[MT_N - 1] & 0x80000000u) | (mt[0] & 0x7fffffffu);
    mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1u];
    r->index = 0;
  }
  y = mt[r->index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

static void init_genrand(RandomObj *r, uint32_t s) {
  uint32_t *mt = r->state;
  mt[0] = s;
  for (int i = 1; i < MT_N; i++)
    mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
  r->index = MT_N;
}

static void init_by_array(RandomObj *r, const uint32_t *key, size_t len) {
  uint32_t *mt = r->state;
  init_genrand(r, 19650218u);
  size_t i = 1, j = 0, k = MT_N > len ? MT_N : len;
  for (; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
    i++;
    j++;
    if (i >= MT_N) {
      mt[0] = mt[MT_N - 1];
      i = 1;
    }
    if (j >= len) j = 0;
  }
  for (k = MT_N - 1; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
    i++;
    if (i >= MT_N) {
      mt[0] = mt[MT_N - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000u;
}

static double random_double(RandomObj *r) {
  uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* getrandbits(k) for k <= 64. */
static uint64_t getrandbits64(RandomObj *r, int k) {
  if (k == 0) return 0;
  if (k <= 32) return genrand_uint32(r) >> (32 - k);
  uint64_t lo = genrand_uint32(r);
  uint64_t hi = genrand_uint32(r) >> (64 - k);
  return hi << 32 | lo;
}

/* ------------------------------------------------------------------ */
/* Big ints <-> 32-bit words                                          */
/* ------------------------------------------------------------------ */

/* The 32-bit words of |N| (an int), least significant first, in a new
** VMINTERNAL block of *NWORDS (>= 1) words. */
static uint32_t *int_words(VM *vm, Obj *n, size_t *nwords) {
  IntObj *v = (IntObj *)n;
  size_t ndig = (size_t)(v->size < 0 ? -v->size : v->size);
  int64_t bits = int_bit_length(n);
  size_t nw = bits ? (size_t)((bits - 1) / 32 + 1) : 1;
  uint32_t *w = ht_calloc(HT_TAG_VMINTERNAL, nw * sizeof(uint32_t));
  if (!w) {
    vm_raise_nomem(vm);
    return NULL;
  }
  uint64_t acc = 0;
  int accbits = 0;
  size_t out = 0;
  for (size_t i = 0; i < ndig; i++) {
    acc |= (uint64_t)v->d[i] << accbits;
    accbits += INT_SHIFT;
    while (accbits >= 32 && out < nw) {
      w[out++] = (uint32_t)acc;
      acc >>= 32;
      accbits -= 32;
    }
  }
  if (accbits > 0 && out < nw) w[out++] = (uint32_t)acc;
  *nwords = nw;
  return w;
}

/* A new int from N little-endian 32-bit words. */
static Obj *int_from_words(VM *vm, const uint32_t *w, size_t n) {
  if (n <= 2) return int_from_u64(vm, n == 2 ? (uint64_t)w[1] << 32 | w[0] : n ? w[0] : 0);
  size_t len = n * 8;
  char *hex = ht_alloc(HT_TAG_VMINTERNAL, len + 1);
  if (!hex) return vm_raise_nomem(vm);
  for (size_t i = 0; i < n; i++) snprintf(hex + i * 8, 9, "%08x", w[n - 1 - i]);
  Obj *r = int_from_str(vm, hex, len, 16);
  ht_free(HT_TAG_VMINTERNAL, hex, len + 1);
  return r;
}

/* getrandbits(k) as a new int. */
static Obj *getrandbits_obj(VM *vm, RandomObj *r, int64_t k) {
  if (k <= 64) return int_from_u64(vm, getrandbits64(r, (int)k));
  size_t n = (size_t)((k - 1) / 32 + 1);
  uint32_t *w = ht_alloc(HT_TAG_VMINTERNAL, n * sizeof(uint32_t));
  if (!w) return vm_raise_nomem(vm);
  for (size_t i = 0; i < n; i++, k -= 32) {
    uint32_t x = genrand_uint32(r);
    if (k < 32) x >>= 32 - k;
    w[i] = x;
  }
  Obj *res = int_from_words(vm, w, n);
  ht_free(HT_TAG_VMINTERNAL, w, n * sizeof(uint32_t));
  return res;
}

static int bit_length64(uint64_t n) { return n ? 64 - __builtin_clzll(n) : 0; }

/* _randbelow for 0 < n < 2**63. */
static uint64_t randbelow64(RandomObj *r, uint64_t n) {
  int k = bit_length64(n);
  uint64_t x = getrandbits64(r, k);
  while (x >= n) x = getrandbits64(r, k);
  return x;
}

/* _randbelow(n) for an int n > 0: a new int. */
static Obj *randbelow_obj(VM *vm, RandomObj *r, Obj *n) {
  if (int_fits_i64(n)) return int_from_u64(vm, randbelow64(r, (uint64_t)int_as_i64_unchecked(n)));
  int64_t k = int_bit_length(n);
  for (;;) {
    Obj *x = getrandbits_obj(vm, r, k);
    if (!x) return NULL;
    if (int_compare(x, n) < 0) return x;
    decref(vm, x);
  }
}

/* ------------------------------------------------------------------ */
/* SHA-512 (FIPS 180-4), for seeding with str and bytes                */
/* ------------------------------------------------------------------ */

static const uint64_t sha512_k[80] = {
  0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL,
  0xe9b5dba58189dbbcULL, 0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL,
  0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL, 0xd807aa98a3030242ULL,
  0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
  0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL,
  0xc19bf174cf692694ULL, 0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL,
  0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL, 0x2de92c6f592b0275ULL,
  0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
  0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL,
  0xbf597fc7beef0ee4ULL, 0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
  0x06ca6351e003826fULL, 0x142929670a0e6e70ULL, 0x27b70a8546d22ffcULL,
  0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
  0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL,
  0x92722c851482353bULL, 0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL,
  0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL, 0xd192e819d6ef5218ULL,
  0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
  0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL,
  0x34b0bcb5e19b48a8ULL, 0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL,
  0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL, 0x748f82ee5defb2fcULL,
  0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
  0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL,
  0xc67178f2e372532bULL, 0xca273eceea26619cULL, 0xd186b8c721c0c207ULL,
  0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL, 0x06f067aa72176fbaULL,
  0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
  0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL,
  0x431d67c49c100d4cULL, 0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL,
  0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

#define ROTR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static void sha512_block(uint64_t h[8], const unsigned char *p) {
  uint64_t w[80];
  for (int i = 0; i < 16; i++) {
    uint64_t x = 0;
    for (int j = 0; j < 8; j++) x = x << 8 | p[i * 8 + j];
    w[i] = x;
  }
  for (int i = 16; i < 80; i++) {
    uint64_t s0 = ROTR64(w[i - 15], 1) ^ ROTR64(w[i - 15], 8) ^ (w[i - 15] >> 7);
    uint64_t s1 = ROTR64(w[i - 2], 19) ^ ROTR64(w[i - 2], 61) ^ (w[i - 2] >> 6);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 80; i++) {
    uint64_t S1 = ROTR64(e, 14) ^ ROTR64(e, 18) ^ ROTR64(e, 41);
    uint64_t ch = (e & f) ^ (~e & g);
    uint64_t t1 = hh + S1 + ch + sha512_k[i] + w[i];
    uint64_t S0 = ROTR64(a, 28) ^ ROTR64(a, 34) ^ ROTR64(a, 39);
    uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
    uint64_t t2 = S0 + maj;
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d;
  h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha512(const unsigned char *data, size_t n, unsigned char out[64]) {
  uint64_t h[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
    0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
    0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
  };
  size_t i = 0;
  for (; i + 128 <= n; i += 128) sha512_block(h, data + i);
  unsigned char buf[256];
  size_t rest = n - i;
  memcpy(buf, data + i, rest);
  buf[rest] = 0x80;
  size_t total = rest + 1 + 16 <= 128 ? 128 : 256;
  memset(buf + rest + 1, 0, total - rest - 1);
  uint64_t bits = (uint64_t)n * 8;   /* the high 64 bits of the length are 0 */
  for (int j = 0; j < 8; j++) buf[total - 1 - j] = (unsigned char)(bits >> (8 * j));
  sha512_block(h, buf);
  if (total == 256) sha512_block(h, buf + 128);
  for (int j = 0; j < 8; j++)
    for (int b = 0; b < 8; b++) out[j * 8 + b] = (unsigned char)(h[j] >> (56 - 8 * b));
}

/* ------------------------------------------------------------------ */
/* Seeding                                                            */
/* ------------------------------------------------------------------ */

static void seed_words(RandomObj *r, const uint32_t *key, size_t n) {
  init_by_array(r, key, n);
}

static void seed_u64(RandomObj *r, uint64_t v) {
  uint32_t key[2] = {(uint32_t)v, (uint32_t)(v >> 32)};
  seed_words(r, key, key[1] ? 2 : 1);
}

static void seed_entropy(RandomObj *r) {
  uint32_t key[MT_N];
  size_t got = 0;
  while (got < sizeof key) {
    ssize_t k = getrandom((char *)key + got, sizeof key - got, 0);
    if (k <= 0) break;
    got += (size_t)k;
  }
  if (got < sizeof key) {
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
      while (got < sizeof key) {
        ssize_t k = read(fd, (char *)key + got, sizeof key - got);
        if (k <= 0) break;
        got += (size_t)k;
      }
      close(fd);
    }
  }
  if (got < sizeof key) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint32_t k2[5] = {(uint32_t)ts.tv_sec, (uint32_t)((uint64_t)ts.tv_sec >> 32),
                      (uint32_t)ts.tv_nsec, (uint32_t)getpid(), (uint32_t)clock()};
    seed_words(r, k2, 5);
    return;
  }
  seed_words(r, key, MT_N);
}

/* Seed with the big-endian integer of DATA (N bytes). */
static int seed_be_bytes(VM *vm, RandomObj *r, const unsigned char *data, size_t n) {
  while (n && data[0] == 0) {
    data++;
    n--;
  }
  size_t nw = n ? (n + 3) / 4 : 1;
  uint32_t *w = ht_calloc(HT_TAG_VMINTERNAL, nw * sizeof(uint32_t));
  if (!w) {
    vm_raise_nomem(vm);
    return -1;
  }
  for (size_t i = 0; i < n; i++) {
    size_t pos = n - 1 - i;   /* byte i from the least significant end */
    w[i / 4] |= (uint32_t)data[pos] << (8 * (i % 4));
  }
  seed_words(r, w, nw);
  ht_free(HT_TAG_VMINTERNAL, w, nw * sizeof(uint32_t));
  return 0;
}

static int random_seed(VM *vm, RandomObj *r, Obj *a, Obj *version) {
  int64_t ver = 2;
  if (version) {
    if (!int_check(version) || !int_fits_i64(version)) {
      ver = 0;   /* neither 1 nor 2 */
    } else {
      ver = int_as_i64_unchecked(version);
    }
  }
  obj_setref(vm, &r->gauss_next, NULL);
  if (!a || a == None) {
    seed_entropy(r);
    return 0;
  }
  bool isstr = str_check(a), isbytes = bytes_check(a), isba = bytearray_check(a);
  if (ver == 1 && (isstr || isbytes)) {
    /* the old string hash */
    const char *p = isstr ? STR_UTF8(a) : BYTES_DATA(a);
    ssize len = isstr ? STR_LEN(a) : BYTES_SIZE(a);
    size_t nb = (size_t)(isstr ? STR_NBYTES(a) : BYTES_SIZE(a)), i = 0;
    uint64_t x = 0;
    if (len) {
      size_t j = 0;
      x = (uint64_t)(isstr ? utf8_next(p, &j) : (unsigned char)p[0]) << 7;
    }
    while (i < nb) {
      uint32_t c = isstr ? utf8_next(p, &i) : (unsigned char)p[i++];
      x = (1000003u * x) ^ c;
    }
    x ^= (uint64_t)len;
    /* -2 if x == -1: x is never negative here */
    seed_u64(r, x);
    return 0;
  }
  if (ver == 2 && (isstr || isbytes || isba)) {
    const char *data;
    ssize n;
    if (isstr) {
      data = STR_UTF8(a);
      n = STR_NBYTES(a);
    } else if (!bytes_buffer(a, &data, &n)) {
      vm_raise(vm, &Exc_TypeError, "cannot read the seed's bytes");
      return -1;
    }
    size_t total = (size_t)n + 64;
    unsigned char *buf = ht_alloc(HT_TAG_VMINTERNAL, total);
    if (!buf) {
      vm_raise_nomem(vm);
      return -1;
    }
    memcpy(buf, data, (size_t)n);
    sha512((const unsigned char *)data, (size_t)n, buf + n);
    int rc = seed_be_bytes(vm, r, buf, total);
    ht_free(HT_TAG_VMINTERNAL, buf, total);
    return rc;
  }
  if (int_check(a)) {
    size_t nw;
    uint32_t *w = int_words(vm, a, &nw);
    if (!w) return -1;
    seed_words(r, w, nw);
    ht_free(HT_TAG_VMINTERNAL, w, nw * sizeof(uint32_t));
    return 0;
  }
  if (!(a->type == &Float_Type || type_is_subtype(a->type, &Float_Type)) && !isstr &&
      !isbytes && !isba) {
    vm_raise(vm, &Exc_TypeError,
             "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    return -1;
  }
  hash_t h = obj_hash(vm, a);
  if (h == -1) return -1;
  seed_u64(r, (uint64_t)h);
  return 0;
}

/* ------------------------------------------------------------------ */
/* The Random type                                                    */
/* ------------------------------------------------------------------ */

/* A subclass that overrides the generator's primitives would need every
** method to call back into Python, as random.py's methods do; that is not
** supported: such a subclass gets a clear error instead of numbers from
** the wrong source.  Returns 0, or -1 with NotImplementedError. */
static int check_primitives(VM *vm, Obj *self) {
  if (self->type == &Random_Type) return 0;
  static const char *const prims[] = {"random", "getrandbits", "_randbelow"};
  for (size_t i = 0; i < sizeof prims / sizeof *prims; i++) {
    Obj *name = str_intern_cstr(vm, prims[i]);
    if (!name) return -1;
    if (type_lookup(self->type, name) != type_lookup(&Random_Type, name)) {
      vm_raise(vm, &Exc_NotImplementedError,
               "random.Random subclasses that override %s() are not supported", prims[i]);
      return -1;
    }
  }
  return 0;
}

#define CHECK_PRIMITIVES(self) \
  do { if (check_primitives(vm, (self)) < 0) return NULL; } while (0)

static Obj *random_alloc(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  RandomObj *r = (RandomObj *)gc_alloc(vm, (TypeObj *)type, ((TypeObj *)type)->basicsize);
  if (!r) return NULL;
  init_genrand(r, 5489u);
  return (Obj *)r;
}

static const char *const init_names[] = {"x"};
static const PyArgSpec init_spec = {"Random.__init__", init_names, 1, 0, 0, 0, 1};

static int random_init(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  Obj *x;
  if (stdmods_pyargs(vm, &init_spec, args, nargs, kwnames, &x) < 0) return -1;
  if (self->type != &Random_Type) {
    /* Random.__init__ calls self.seed(x), which a subclass may override */
    Obj *sx = x ? x : None;
    Obj *r = obj_call_method(vm, self, "seed", &sx, 1);
    if (!r) return -1;
    decref(vm, r);
    obj_setref(vm, &R(self)->gauss_next, NULL);
    return 0;
  }
  return random_seed(vm, R(self), x, NULL);
}

/* A GC type although it holds only a float, so that subclasses (which
** carry a __dict__) keep the same allocation scheme. */
static int random_traverse(Obj *o, visitproc visit, void *arg) {
  return R(o)->gauss_next ? visit(R(o)->gauss_next, EDGE_OTHER, 0, NULL, arg) : 0;
}

static int random_clear(VM *vm, Obj *o) {
  obj_setref(vm, &R(o)->gauss_next, NULL);
  return 0;
}

static void random_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  random_clear(vm, o);
  gc_free(vm, o, o->type->basicsize);
}

static size_t random_sizeof(Obj *o) { return sizeof(GCHead) + o->type->basicsize; }

static const char *const seed_names[] = {"a", "version"};
static const PyArgSpec seed_spec = {"Random.seed", seed_names, 2, 0, 0, 0, 1};

static Obj *rnd_seed(RND_ARGS) {
  Obj *a[2];
  if (stdmods_pyargs(vm, &seed_spec, args, nargs, kwnames, a) < 0) return NULL;
  if (random_seed(vm, R(self), a[0], a[1]) < 0) return NULL;
  return none_new();
}

static Obj *rnd_random(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  if (mod_check_noargs(vm, "Random.random", nargs, kwnames) < 0) return NULL;
  return float_new(vm, random_double(R(self)));
}

static Obj *rnd_getrandbits(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  if (mod_check_o(vm, "Random.getrandbits", nargs, kwnames) < 0) return NULL;
  Obj *ko = obj_index(vm, args[0]);
  if (!ko) return NULL;
  int64_t k;
  int rc = int_as_i64(vm, ko, &k);
  decref(vm, ko);
  if (rc < 0) return NULL;
  if (k < 0) return vm_raise(vm, &Exc_ValueError, "number of bits must be non-negative");
  return getrandbits_obj(vm, R(self), k);
}

static Obj *rnd_randbytes(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  static const char *const names[] = {"n"};
  static const PyArgSpec spec = {"Random.randbytes", names, 1, 0, 1, 0, 1};
  Obj *no;
  if (stdmods_pyargs(vm, &spec, args, nargs, kwnames, &no) < 0) return NULL;
  Obj *ni = obj_index(vm, no);
  if (!ni) return NULL;
  ssize n = obj_as_ssize(vm, ni);
  decref(vm, ni);
  if (n == -1 && vm_exc_occurred(vm)) return NULL;
  if (n < 0) return vm_raise(vm, &Exc_ValueError, "number of bits must be non-negative");
  Obj *b = bytes_new_uninit(vm, (size_t)n);
  if (!b) return NULL;
  unsigned char *p = (unsigned char *)BYTES_DATA(b);
  int64_t k = (int64_t)n * 8;
  for (ssize i = 0; i < n; i += 4, k -= 32) {
    uint32_t x = genrand_uint32(R(self));
    if (k < 32) x >>= 32 - k;
    for (ssize j = 0; j < 4 && i + j < n; j++) p[i + j] = (unsigned char)(x >> (8 * j));
  }
  return b;
}

/* operator.index(v), else int(v) when equal (random.py's deprecated float
** path), else ValueError(MSG). */
static Obj *range_arg(VM *vm, Obj *v, const char *msg) {
  if (int_check(v)) return incref(v);
  Obj *i = obj_index(vm, v);
  if (i || !vm_exc_matches(vm, &Exc_TypeError)) return i;
  vm_exc_clear(vm);
  i = int_from_obj(vm, v);
  if (!i) return NULL;
  int eq = obj_eq(vm, i, v);
  if (eq <= 0) {
    decref(vm, i);
    return eq < 0 ? NULL : vm_raise(vm, &Exc_ValueError, "%s", msg);
  }
  return i;
}

static int64_t floordiv64(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return q;
}

/* randrange(start, stop, step) with STOP and STEP NULL when omitted. */
static Obj *randrange_impl(VM *vm, RandomObj *r, Obj *start, Obj *stop, Obj *step) {
  Obj *istart = range_arg(vm, start, "non-integer arg 1 for randrange()");
  Obj *istop = NULL, *istep = NULL, *width = NULL, *n = NULL, *res = NULL;
  if (!istart) return NULL;
  if (!stop || stop == None) {
    if (step) {
      vm_raise(vm, &Exc_TypeError, "Missing a non-None stop argument");
      goto out;
    }
    if (int_sign(istart) > 0) res = randbelow_obj(vm, r, istart);
    else vm_raise(vm, &Exc_ValueError, "empty range for randrange()");
    goto out;
  }
  if (!(istop = range_arg(vm, stop, "non-integer stop for randrange()"))) goto out;
  if (step && !(istep = range_arg(vm, step, "non-integer step for randrange()"))) goto out;
  /* the common case in C */
  if (int_fits_i64(istart) && int_fits_i64(istop) && (!istep || int_fits_i64(istep))) {
    int64_t a = int_as_i64_unchecked(istart), b = int_as_i64_unchecked(istop);
    int64_t s = istep ? int_as_i64_unchecked(istep) : 1, w;
    if (a > -((int64_t)1 << 61) && a < ((int64_t)1 << 61) && b > -((int64_t)1 << 61) &&
        b < ((int64_t)1 << 61) && s > -((int64_t)1 << 61) && s < ((int64_t)1 << 61)) {
      w = b - a;
      if (s == 1) {
        if (w > 0) res = int_from_i64(vm, a + (int64_t)randbelow64(r, (uint64_t)w));
        else vm_raise(vm, &Exc_ValueError, "empty range for randrange() (%lld, %lld, %lld)",
                      (long long)a, (long long)b, (long long)w);
        goto out;
      }
      int64_t cnt;
      if (s > 0) cnt = floordiv64(w + s - 1, s);
      else if (s < 0) cnt = floordiv64(w + s + 1, s);
      else {
        vm_raise(vm, &Exc_ValueError, "zero step for randrange()");
        goto out;
      }
      if (cnt <= 0) {
        vm_raise(vm, &Exc_ValueError, "empty range for randrange()");
        goto out;
      }
      int64_t pick = (int64_t)randbelow64(r, (uint64_t)cnt);
      Obj *po = int_from_i64(vm, pick), *so = istep, *prod;
      if (!po) goto out;
      prod = obj_binop(vm, so, po, BINOP_MUL);
      decref(vm, po);
      if (!prod) goto out;
      res = obj_binop(vm, istart, prod, BINOP_ADD);
      decref(vm, prod);
      goto out;
    }
  }
  if (!(width = obj_binop(vm, istop, istart, BINOP_SUB))) goto out;
  bool step1 = !istep || (int_fits_i64(istep) && int_as_i64_unchecked(istep) == 1);
  if (step1) {
    if (int_sign(width) > 0) {
      Obj *x = randbelow_obj(vm, r, width);
      if (x) {
        res = obj_binop(vm, istart, x, BINOP_ADD);
        decref(vm, x);
      }
    } else {
      vm_raise(vm, &Exc_ValueError, "empty range for randrange() (%S, %S, %S)", istart, istop,
               width);
    }
    goto out;
  }
  int sg = int_sign(istep);
  if (sg == 0) {
    vm_raise(vm, &Exc_ValueError, "zero step for randrange()");
    goto out;
  }
  {
    Obj *adj = int_from_i64(vm, sg > 0 ? -1 : 1);
    Obj *t1 = adj ? obj_binop(vm, width, istep, BINOP_ADD) : NULL;
    Obj *t2 = t1 ? obj_binop(vm, t1, adj, BINOP_ADD) : NULL;
    n = t2 ? obj_binop(vm, t2, istep, BINOP_FLOORDIV) : NULL;
    xdecref(vm, adj);
    xdecref(vm, t1);
    xdecref(vm, t2);
    if (!n) goto out;
  }
  if (int_sign(n) <= 0) {
    vm_raise(vm, &Exc_ValueError, "empty range for randrange()");
    goto out;
  }
  {
    Obj *x = randbelow_obj(vm, r, n);
    Obj *prod = x ? obj_binop(vm, istep, x, BINOP_MUL) : NULL;
    if (prod) res = obj_binop(vm, istart, prod, BINOP_ADD);
    xdecref(vm, x);
    xdecref(vm, prod);
  }
out:
  decref(vm, istart);
  xdecref(vm, istop);
  xdecref(vm, istep);
  xdecref(vm, width);
  xdecref(vm, n);
  return res;
}

static const char *const randrange_names[] = {"start", "stop", "step"};
static const PyArgSpec randrange_spec = {"Random.randrange", randrange_names, 3, 0, 1, 0, 1};

static Obj *rnd_randrange(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  Obj *a[3];
  if (stdmods_pyargs(vm, &randrange_spec, args, nargs, kwnames, a) < 0) return NULL;
  return randrange_impl(vm, R(self), a[0], a[1], a[2]);
}

static const char *const randint_names[] = {"a", "b"};
static const PyArgSpec randint_spec = {"Random.randint", randint_names, 2, 0, 2, 0, 1};

static Obj *rnd_randint(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  Obj *a[2];
  if (stdmods_pyargs(vm, &randint_spec, args, nargs, kwnames, a) < 0) return NULL;
  /* the fast path: small ints */
  if (a[0]->type == &Int_Type && a[1]->type == &Int_Type && int_is_small(a[0]) &&
      int_is_small(a[1])) {
    int64_t lo = int_small_value(a[0]), hi = int_small_value(a[1]);
    if (hi >= lo)
      return int_from_i64(vm, lo + (int64_t)randbelow64(R(self), (uint64_t)(hi - lo + 1)));
  }
  Obj *one = int_from_i64(vm, 1);
  Obj *b1 = obj_binop(vm, a[1], one, BINOP_ADD);
  decref(vm, one);
  if (!b1) return NULL;
  Obj *r = randrange_impl(vm, R(self), a[0], b1, NULL);
  decref(vm, b1);
  return r;
}

/* seq[i] with an integer index. */
static Obj *seq_index(VM *vm, Obj *seq, ssize i) {
  if (seq->type == &List_Type && i < LIST_SIZE(seq)) return incref(LIST_ITEMS(seq)[i]);
  if (seq->type == &Tuple_Type && i < TUPLE_SIZE(seq)) return incref(TUPLE_GET(seq, i));
  Obj *io = int_from_i64(vm, i);
  if (!io) return NULL;
  Obj *r = obj_getitem(vm, seq, io);
  decref(vm, io);
  return r;
}

static const char *const choice_names[] = {"seq"};
static const PyArgSpec choice_spec = {"Random.choice", choice_names, 1, 0, 1, 0, 1};

static Obj *rnd_choice(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  Obj *seq;
  if (stdmods_pyargs(vm, &choice_spec, args, nargs, kwnames, &seq) < 0) return NULL;
  ssize n = obj_len(vm, seq);
  if (n < 0) return NULL;
  if (n == 0) return vm_raise(vm, &Exc_IndexError, "Cannot choose from an empty sequence");
  return seq_index(vm, seq, (ssize)randbelow64(R(self), (uint64_t)n));
}

static const char *const shuffle_names[] = {"x"};
static const PyArgSpec shuffle_spec = {"Random.shuffle", shuffle_names, 1, 0, 1, 0, 1};

static Obj *rnd_shuffle(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  Obj *x;
  if (stdmods_pyargs(vm, &shuffle_spec, args, nargs, kwnames, &x) < 0) return NULL;
  ssize n = obj_len(vm, x);
  if (n < 0) return NULL;
  for (ssize i = n - 1; i >= 1; i--) {
    ssize j = (ssize)randbelow64(R(self), (uint64_t)i + 1);
    if (x->type == &List_Type && i < LIST_SIZE(x)) {
      Obj **it = LIST_ITEMS(x), *t = it[i];
      it[i] = it[j];
      it[j] = t;
      continue;
    }
    Obj *xj = seq_index(vm, x, j);
    if (!xj) return NULL;
    Obj *xi = seq_index(vm, x, i);
    if (!xi) {
      decref(vm, xj);
      return NULL;
    }
    Obj *io = int_from_i64(vm, i), *jo = int_from_i64(vm, j);
    int rc = io && jo ? obj_setitem(vm, x, io, xj) : -1;
    if (rc == 0) rc = obj_setitem(vm, x, jo, xi);
    xdecref(vm, io);
    xdecref(vm, jo);
    decref(vm, xi);
    decref(vm, xj);
    if (rc < 0) return NULL;
  }
  return none_new();
}

/* collections.abc.Sequence, for the types this VM has. */
static bool is_sequence(Obj *o) {
  static TypeObj *const seqs[] = {&List_Type, &Tuple_Type, &Str_Type, &Range_Type,
                                  &Bytes_Type, &ByteArray_Type, &Deque_Type};
  for (size_t i = 0; i < sizeof seqs / sizeof *seqs; i++)
    if (obj_isinstance(o, seqs[i])) return true;
  return false;
}

/* A small open-addressing set of indices, for sample(). */
typedef struct IdxSet {
  ssize *slots;                   /* -1 = empty (VMINTERNAL block) */
  size_t cap;                     /* power of two */
} IdxSet;

static bool idxset_add(IdxSet *s, ssize v) {   /* false if present */
  size_t m = s->cap - 1, i = (size_t)v * 0x9e3779b97f4a7c15ULL >> 7 & m;
  while (s->slots[i] != -1) {
    if (s->slots[i] == v) return false;
    i = (i + 1) & m;
  }
  s->slots[i] = v;
  return true;
}

static const char *const sample_names[] = {"population", "k", "counts"};
static const PyArgSpec sample_spec = {"Random.sample", sample_names, 2, 0, 2, 1, 1};

static Obj *sample_impl(VM *vm, RandomObj *r, Obj *population, Obj *ko, Obj *counts);

static Obj *sample_counts(VM *vm, RandomObj *r, Obj *population, ssize n, Obj *ko,
                          Obj *counts) {
  Obj *cum = list_new(vm, 0), *total = NULL, *range = NULL, *sel = NULL, *res = NULL;
  if (!cum) return NULL;
  Obj *it = obj_iter(vm, counts), *c;
  if (!it) goto out;
  while ((c = stdmods_next(vm, it))) {
    Obj *t = total ? obj_binop(vm, total, c, BINOP_ADD) : incref(c);
    decref(vm, c);
    if (!t || list_append(vm, cum, t) < 0) {
      xdecref(vm, t);
      break;
    }
    obj_setref(vm, &total, t);
  }
  decref(vm, it);
  if (vm_exc_occurred(vm)) goto out;
  if (LIST_SIZE(cum) != n) {
    vm_raise(vm, &Exc_ValueError, "The number of counts does not match the population");
    goto out;
  }
  if (n == 0) {
    vm_raise(vm, &Exc_IndexError, "pop from empty list");
    goto out;
  }
  Obj *last = list_pop(vm, cum);
  if (!last) goto out;
  obj_setref(vm, &total, last);
  if (!int_check(total)) {
    vm_raise(vm, &Exc_TypeError, "Counts must be integers");
    goto out;
  }
  if (int_sign(total) <= 0) {
    vm_raise(vm, &Exc_ValueError, "Total of counts must be greater than zero");
    goto out;
  }
  int64_t tot;
  if (int_as_i64(vm, total, &tot) < 0) goto out;
  if (!(range = range_new(vm, 0, tot, 1))) goto out;
  if (!(sel = sample_impl(vm, r, range, ko, NULL))) goto out;
  res = list_new(vm, 0);
  for (ssize i = 0; res && i < LIST_SIZE(sel); i++) {
    ssize idx = bisect_right_index(vm, cum, LIST_ITEMS(sel)[i], 0, -1);
    Obj *item = idx < 0 ? NULL : seq_index(vm, population, idx);
    if (!item || list_append(vm, res, item) < 0) {
      xdecref(vm, item);
      obj_setref(vm, &res, NULL);
      break;
    }
    decref(vm, item);
  }
out:
  decref(vm, cum);
  xdecref(vm, total);
  xdecref(vm, range);
  xdecref(vm, sel);
  return res;
}

static Obj *sample_impl(VM *vm, RandomObj *r, Obj *population, Obj *ko, Obj *counts) {
  if (!is_sequence(population))
    return vm_raise(vm, &Exc_TypeError,
                    "Population must be a sequence.  For dicts or sets, use sorted(d).");
  ssize n = obj_len(vm, population);
  if (n < 0) return NULL;
  if (counts && counts != None) return sample_counts(vm, r, population, n, ko, counts);
  Obj *kzero = int_from_i64(vm, 0), *no = int_from_i64(vm, n);
  int ok1 = kzero && no ? obj_richcmp_bool(vm, kzero, ko, CMP_LE) : -1;
  int ok2 = ok1 > 0 ? obj_richcmp_bool(vm, ko, no, CMP_LE) : ok1;
  xdecref(vm, kzero);
  xdecref(vm, no);
  if (ok2 < 0) return NULL;
  if (!ok2) return vm_raise(vm, &Exc_ValueError, "Sample larger than population or is negative");
  ssize k = obj_as_ssize(vm, ko);
  if (k == -1 && vm_exc_occurred(vm)) return NULL;
  Obj *result = list_new(vm, k);
  if (!result) return NULL;
  for (ssize i = 0; i < k; i++) LIST_ITEMS(result)[i] = incref(None);
  double setsize = 21;
  if (k > 5) setsize += pow(4.0, ceil(log((double)k * 3) / log(4.0)));
  if ((double)n <= setsize) {
    Obj *pool = seq_to_list(vm, population);
    if (!pool) goto fail;
    for (ssize i = 0; i < k; i++) {
      ssize j = (ssize)randbelow64(r, (uint64_t)(n - i));
      obj_setref(vm, &LIST_ITEMS(result)[i], incref(LIST_ITEMS(pool)[j]));
      obj_setref(vm, &LIST_ITEMS(pool)[j], incref(LIST_ITEMS(pool)[n - i - 1]));
    }
    decref(vm, pool);
  } else {
    IdxSet s;
    s.cap = 16;
    while (s.cap < (size_t)k * 2 + 2) s.cap <<= 1;
    s.slots = ht_alloc(HT_TAG_VMINTERNAL, s.cap * sizeof(ssize));
    if (!s.slots) {
      vm_raise_nomem(vm);
      goto fail;
    }
    memset(s.slots, 0xff, s.cap * sizeof(ssize));
    for (ssize i = 0; i < k; i++) {
      ssize j = (ssize)randbelow64(r, (uint64_t)n);
      while (!idxset_add(&s, j)) j = (ssize)randbelow64(r, (uint64_t)n);
      Obj *item = seq_index(vm, population, j);
      if (!item) {
        ht_free(HT_TAG_VMINTERNAL, s.slots, s.cap * sizeof(ssize));
        goto fail;
      }
      obj_setref(vm, &LIST_ITEMS(result)[i], item);
    }
    ht_free(HT_TAG_VMINTERNAL, s.slots, s.cap * sizeof(ssize));
  }
  return result;
fail:
  decref(vm, result);
  return NULL;
}

static Obj *rnd_sample(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  Obj *a[3];
  if (stdmods_pyargs(vm, &sample_spec, args, nargs, kwnames, a) < 0) return NULL;
  return sample_impl(vm, R(self), a[0], a[1], a[2]);
}

static const char *const choices_names[] = {"population", "weights", "cum_weights", "k"};
static const PyArgSpec choices_spec = {"Random.choices", choices_names, 2, 0, 1, 2, 1};

static Obj *rnd_choices(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  RandomObj *r = R(self);
  Obj *a[4];
  if (stdmods_pyargs(vm, &choices_spec, args, nargs, kwnames, a) < 0) return NULL;
  Obj *population = a[0], *weights = a[1] == None ? NULL : a[1];
  Obj *cum = a[2] == None ? NULL : a[2];
  ssize k = 1;
  ssize n = obj_len(vm, population);
  if (n < 0) return NULL;
  if (a[3]) {
    Obj *ki = obj_index(vm, a[3]);
    if (!ki) return NULL;
    k = obj_as_ssize(vm, ki);
    decref(vm, ki);
    if (k == -1 && vm_exc_occurred(vm)) return NULL;
    if (k < 0) k = 0;
  }
  Obj *result = list_new(vm, 0), *cumw = NULL;
  if (!result) return NULL;
  if (!cum) {
    if (!weights) {
      double dn = (double)n;
      for (ssize i = 0; i < k; i++) {
        double x = floor(random_double(r) * dn);
        Obj *item = seq_index(vm, population, (ssize)x);
        if (!item || list_append(vm, result, item) < 0) {
          xdecref(vm, item);
          goto fail;
        }
        decref(vm, item);
      }
      return result;
    }
    /* cum_weights = list(accumulate(weights)) */
    Obj *it = obj_iter(vm, weights), *w, *total = NULL;
    if (!it) {
      if (vm_exc_matches(vm, &Exc_TypeError) && int_check(weights)) {
        vm_exc_clear(vm);
        vm_raise(vm, &Exc_TypeError, "The number of choices must be a keyword argument: k=%R",
                 weights);
      }
      goto fail;
    }
    if (!(cumw = list_new(vm, 0))) {
      decref(vm, it);
      goto fail;
    }
    while ((w = stdmods_next(vm, it))) {
      Obj *t = total ? obj_binop(vm, total, w, BINOP_ADD) : incref(w);
      decref(vm, w);
      if (!t || list_append(vm, cumw, t) < 0) {
        xdecref(vm, t);
        break;
      }
      obj_setref(vm, &total, t);
    }
    xdecref(vm, total);
    decref(vm, it);
    if (vm_exc_occurred(vm)) goto fail;
  } else {
    if (weights) {
      vm_raise(vm, &Exc_TypeError, "Cannot specify both weights and cumulative weights");
      goto fail;
    }
    cumw = incref(cum);
  }
  ssize nc = obj_len(vm, cumw);
  if (nc < 0) goto fail;
  if (nc != n) {
    vm_raise(vm, &Exc_ValueError, "The number of weights does not match the population");
    goto fail;
  }
  Obj *lastw = nc ? seq_index(vm, cumw, nc - 1) : NULL;
  if (!lastw) {
    if (!vm_exc_occurred(vm)) vm_raise(vm, &Exc_IndexError, "list index out of range");
    goto fail;
  }
  Obj *zero = float_new(vm, 0.0);
  Obj *totalo = zero ? obj_binop(vm, lastw, zero, BINOP_ADD) : NULL;
  xdecref(vm, zero);
  decref(vm, lastw);
  if (!totalo) goto fail;
  double total = num_as_double(vm, totalo);
  decref(vm, totalo);
  if (vm_exc_occurred(vm)) goto fail;
  if (total <= 0.0) {
    vm_raise(vm, &Exc_ValueError, "Total of weights must be greater than zero");
    goto fail;
  }
  if (!isfinite(total)) {
    vm_raise(vm, &Exc_ValueError, "Total of weights must be finite");
    goto fail;
  }
  for (ssize i = 0; i < k; i++) {
    Obj *x = float_new(vm, random_double(r) * total);
    if (!x) goto fail;
    ssize idx = bisect_right_index(vm, cumw, x, 0, n - 1);
    decref(vm, x);
    if (idx < 0) goto fail;
    Obj *item = seq_index(vm, population, idx);
    if (!item || list_append(vm, result, item) < 0) {
      xdecref(vm, item);
      goto fail;
    }
    decref(vm, item);
  }
  decref(vm, cumw);
  return result;
fail:
  xdecref(vm, cumw);
  decref(vm, result);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Distributions                                                      */
/* ------------------------------------------------------------------ */

static const char *const uniform_names[] = {"a", "b"};
static const PyArgSpec uniform_spec = {"Random.uniform", uniform_names, 2, 0, 2, 0, 1};

/* a + (b - a) * random(), with the numbers' own arithmetic */
static Obj *rnd_uniform(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  Obj *a[2];
  if (stdmods_pyargs(vm, &uniform_spec, args, nargs, kwnames, a) < 0) return NULL;
  Obj *d = obj_binop(vm, a[1], a[0], BINOP_SUB);
  if (!d) return NULL;
  Obj *u = float_new(vm, random_double(R(self)));
  Obj *p = u ? obj_binop(vm, d, u, BINOP_MUL) : NULL;
  decref(vm, d);
  xdecref(vm, u);
  if (!p) return NULL;
  Obj *r = obj_binop(vm, a[0], p, BINOP_ADD);
  decref(vm, p);
  return r;
}

/* A float parameter (int or float), or -1.0 with TypeError. */
static bool get_double(VM *vm, Obj *o, double deflt, double *out) {
  if (!o) {
    *out = deflt;
    return true;
  }
  *out = num_as_double(vm, o);
  return !vm_exc_occurred(vm);
}

static bool math_error(VM *vm) {
  vm_raise(vm, &Exc_ValueError, "math domain error");
  return false;
}

static bool m_log(VM *vm, double x, double *out) {
  if (isnan(x)) {
    *out = x;
    return true;
  }
  if (x <= 0) return math_error(vm);
  *out = log(x);
  return true;
}

static bool m_sqrt(VM *vm, double x, double *out) {
  if (x < 0) return math_error(vm);
  *out = sqrt(x);
  return true;
}

static bool fdiv(VM *vm, double a, double b, double *out) {
  if (b == 0.0) {
    vm_raise(vm, &Exc_ZeroDivisionError, "float division by zero");
    return false;
  }
  *out = a / b;
  return true;
}

/* float ** float for the distributions' operands (positive bases). */
static bool fpow(VM *vm, double x, double y, double *out) {
  if (x == 0.0 && y < 0.0) {
    vm_raise(vm, &Exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return false;
  }
  if (x < 0.0 && y != floor(y)) {
    vm_raise(vm, &Exc_ValueError, "math domain error");
    return false;
  }
  *out = pow(x, y);
  return true;
}

#define DIST_SPEC(var, qname, ...)                                           \
  static const char *const var##_names[] = {__VA_ARGS__};                    \
  static const PyArgSpec var##_spec = {qname, var##_names,                  \
                                       sizeof var##_names / sizeof(char *), 0, 0, 0, 1}

static double gauss_pair(RandomObj *r, double *spare) {
  double x2pi = random_double(r) * (2 * M_PI);
  double g2rad = sqrt(-2.0 * log(1.0 - random_double(r)));
  *spare = sin(x2pi) * g2rad;
  return cos(x2pi) * g2rad;
}

DIST_SPEC(gauss, "Random.gauss", "mu", "sigma");

static Obj *rnd_gauss(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  RandomObj *r = R(self);
  Obj *a[2];
  double mu, sigma, z;
  if (stdmods_pyargs(vm, &gauss_spec, args, nargs, kwnames, a) < 0) return NULL;
  if (!get_double(vm, a[0], 0.0, &mu) || !get_double(vm, a[1], 1.0, &sigma)) return NULL;
  if (r->gauss_next) {
    z = FLOAT_VAL(r->gauss_next);
    obj_setref(vm, &r->gauss_next, NULL);
  } else {
    double spare;
    z = gauss_pair(r, &spare);
    Obj *s = float_new(vm, spare);
    if (!s) return NULL;
    obj_setref(vm, &r->gauss_next, s);
  }
  return float_new(vm, mu + z * sigma);
}

static double nv_magic(void) { return 4 * exp(-0.5) / sqrt(2.0); }

static double normalvariate(RandomObj *r) {
  double z;
  for (;;) {
    double u1 = random_double(r), u2 = 1.0 - random_double(r);
    z = nv_magic() * (u1 - 0.5) / u2;
    double zz = z * z / 4.0;
    if (zz <= -log(u2)) break;
  }
  return z;
}

DIST_SPEC(normal, "Random.normalvariate", "mu", "sigma");

static Obj *rnd_normalvariate(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  Obj *a[2];
  double mu, sigma;
  if (stdmods_pyargs(vm, &normal_spec, args, nargs, kwnames, a) < 0) return NULL;
  if (!get_double(vm, a[0], 0.0, &mu) || !get_double(vm, a[1], 1.0, &sigma)) return NULL;
  return float_new(vm, mu + normalvariate(R(self)) * sigma);
}

static const char *const lognorm_names[] = {"mu", "sigma"};
static const PyArgSpec lognorm_spec = {"Random.lognormvariate", lognorm_names, 2, 0, 2, 0, 1};

static Obj *rnd_lognormvariate(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  Obj *a[2];
  double mu, sigma;
  if (stdmods_pyargs(vm, &lognorm_spec, args, nargs, kwnames, a) < 0) return NULL;
  if (!get_double(vm, a[0], 0.0, &mu) || !get_double(vm, a[1], 1.0, &sigma)) return NULL;
  double v = exp(mu + normalvariate(R(self)) * sigma);
  if (isinf(v)) return vm_raise(vm, &Exc_OverflowError, "math range error");
  return float_new(vm, v);
}

static const char *const expo_names[] = {"lambd"};
static const PyArgSpec expo_spec = {"Random.expovariate", expo_names, 1, 0, 1, 0, 1};

static Obj *rnd_expovariate(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  Obj *a;
  double lambd, l, v;
  if (stdmods_pyargs(vm, &expo_spec, args, nargs, kwnames, &a) < 0) return NULL;
  if (!get_double(vm, a, 1.0, &lambd)) return NULL;
  if (!m_log(vm, 1.0 - random_double(R(self)), &l) || !fdiv(vm, -l, lambd, &v)) return NULL;
  return float_new(vm, v);
}

DIST_SPEC(tri, "Random.triangular", "low", "high", "mode");

static Obj *rnd_triangular(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  Obj *a[3];
  double low, high, mode, c, s;
  if (stdmods_pyargs(vm, &tri_spec, args, nargs, kwnames, a) < 0) return NULL;
  if (!get_double(vm, a[0], 0.0, &low) || !get_double(vm, a[1], 1.0, &high)) return NULL;
  double u = random_double(R(self));
  if (!a[2] || a[2] == None) {
    c = 0.5;
  } else {
    if (!get_double(vm, a[2], 0.0, &mode)) return NULL;
    if (high - low == 0.0) return a[0] ? incref(a[0]) : float_new(vm, low);
    c = (mode - low) / (high - low);
  }
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    double t = low;
    low = high;
    high = t;
  }
  if (!m_sqrt(vm, u * c, &s)) return NULL;
  return float_new(vm, low + (high - low) * s);
}

static const char *const vonmises_names[] = {"mu", "kappa"};
static const PyArgSpec vonmises_spec = {"Random.vonmisesvariate", vonmises_names, 2, 0, 2, 0, 1};

static Obj *rnd_vonmisesvariate(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  RandomObj *r = R(self);
  Obj *a[2];
  double mu, kappa;
  if (stdmods_pyargs(vm, &vonmises_spec, args, nargs, kwnames, a) < 0) return NULL;
  if (!get_double(vm, a[0], 0.0, &mu) || !get_double(vm, a[1], 0.0, &kappa)) return NULL;
  if (kappa <= 1e-6) return float_new(vm, 2 * M_PI * random_double(r));
  double s = 0.5 / kappa, rr = s + sqrt(1.0 + s * s), z;
  for (;;) {
    double u1 = random_double(r);
    z = cos(M_PI * u1);
    double d = z / (rr + z), u2 = random_double(r);
    if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp(d)) break;
  }
  double q = 1.0 / rr, f = (q + z) / (1.0 + q * z), u3 = random_double(r), theta;
  theta = u3 > 0.5 ? mu + acos(f) : mu - acos(f);
  /* Python's float % keeps the sign of the divisor */
  double m = fmod(theta, 2 * M_PI);
  if (m != 0.0 && m < 0) m += 2 * M_PI;
  else if (m == 0.0) m = copysign(0.0, 2 * M_PI);
  return float_new(vm, m);
}

static bool gammavariate(VM *vm, RandomObj *r, double alpha, double beta, double *out) {
  if (alpha <= 0.0 || beta <= 0.0) {
    vm_raise(vm, &Exc_ValueError, "gammavariate: alpha and beta must be > 0.0");
    return false;
  }
  if (alpha > 1.0) {
    double ainv = sqrt(2.0 * alpha - 1.0), bbb = alpha - log(4.0), ccc = alpha + ainv;
    double sg = 1.0 + log(4.5);
    for (;;) {
      double u1 = random_double(r);
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      double u2 = 1.0 - random_double(r);
      double v = log(u1 / (1.0 - u1)) / ainv, x = alpha * exp(v);
      double z = u1 * u1 * u2, rr = bbb + ccc * v - x;
      if (rr + sg - 4.5 * z >= 0.0 || rr >= log(z)) {
        *out = x * beta;
        return true;
      }
    }
  }
  if (alpha == 1.0) {
    *out = -log(1.0 - random_double(r)) * beta;
    return true;
  }
  double x;
  for (;;) {
    double u = random_double(r), b = (M_E + alpha) / M_E, p = b * u;
    if (p <= 1.0) {
      if (!fpow(vm, p, 1.0 / alpha, &x)) return false;
    } else {
      double l;
      if (!m_log(vm, (b - p) / alpha, &l)) return false;
      x = -l;
    }
    double u1 = random_double(r);
    if (p > 1.0) {
      double t;
      if (!fpow(vm, x, alpha - 1.0, &t)) return false;
      if (u1 <= t) break;
    } else if (u1 <= exp(-x)) {
      break;
    }
  }
  *out = x * beta;
  return true;
}

static const char *const gamma_names[] = {"alpha", "beta"};
static const PyArgSpec gamma_spec = {"Random.gammavariate", gamma_names, 2, 0, 2, 0, 1};

static Obj *rnd_gammavariate(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  Obj *a[2];
  double alpha, beta, v;
  if (stdmods_pyargs(vm, &gamma_spec, args, nargs, kwnames, a) < 0) return NULL;
  if (!get_double(vm, a[0], 0, &alpha) || !get_double(vm, a[1], 0, &beta)) return NULL;
  if (!gammavariate(vm, R(self), alpha, beta, &v)) return NULL;
  return float_new(vm, v);
}

static const PyArgSpec beta_spec = {"Random.betavariate", gamma_names, 2, 0, 2, 0, 1};

static Obj *rnd_betavariate(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  Obj *a[2];
  double alpha, beta, y, z;
  if (stdmods_pyargs(vm, &beta_spec, args, nargs, kwnames, a) < 0) return NULL;
  if (!get_double(vm, a[0], 0, &alpha) || !get_double(vm, a[1], 0, &beta)) return NULL;
  if (!gammavariate(vm, R(self), alpha, 1.0, &y)) return NULL;
  if (y == 0.0) return float_new(vm, 0.0);
  if (!gammavariate(vm, R(self), beta, 1.0, &z)) return NULL;
  return float_new(vm, y / (y + z));
}

static const char *const pareto_names[] = {"alpha"};
static const PyArgSpec pareto_spec = {"Random.paretovariate", pareto_names, 1, 0, 1, 0, 1};

static Obj *rnd_paretovariate(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  Obj *a;
  double alpha, e, v;
  if (stdmods_pyargs(vm, &pareto_spec, args, nargs, kwnames, &a) < 0) return NULL;
  if (!get_double(vm, a, 0, &alpha)) return NULL;
  double u = 1.0 - random_double(R(self));
  if (!fdiv(vm, -1.0, alpha, &e) || !fpow(vm, u, e, &v)) return NULL;
  return float_new(vm, v);
}

static const char *const weibull_names[] = {"alpha", "beta"};
static const PyArgSpec weibull_spec = {"Random.weibullvariate", weibull_names, 2, 0, 2, 0, 1};

static Obj *rnd_weibullvariate(RND_ARGS) {
  CHECK_PRIMITIVES(self);
  Obj *a[2];
  double alpha, beta, e, l, v;
  if (stdmods_pyargs(vm, &weibull_spec, args, nargs, kwnames, a) < 0) return NULL;
  if (!get_double(vm, a[0], 0, &alpha) || !get_double(vm, a[1], 0, &beta)) return NULL;
  double u = 1.0 - random_double(R(self));
  if (!m_log(vm, u, &l) || !fdiv(vm, 1.0, beta, &e) || !fpow(vm, -l, e, &v)) return NULL;
  return float_new(vm, alpha * v);
}

/* ------------------------------------------------------------------ */
/* State                                                              */
/* ------------------------------------------------------------------ */

static Obj *rnd_getstate(RND_ARGS) {
  RandomObj *r = R(self);
  if (mod_check_noargs(vm, "Random.getstate", nargs, kwnames) < 0) return NULL;
  Obj *st = tuple_new(vm, MT_N + 1);
  if (!st) return NULL;
  for (int i = 0; i <= MT_N; i++) {
    Obj *v = int_from_u64(vm, i < MT_N ? r->state[i] : (uint64_t)r->index);
    if (!v) {
      for (int j = i; j <= MT_N; j++) TUPLE_ITEMS(st)[j] = incref(None);
      decref(vm, st);
      return NULL;
    }
    TUPLE_ITEMS(st)[i] = v;
  }
  Obj *three = int_from_i64(vm, 3);
  Obj *res = three ? tuple_pack(vm, 3, three, st, r->gauss_next ? r->gauss_next : None) : NULL;
  xdecref(vm, three);
  decref(vm, st);
  return res;
}

static int set_internal_state(VM *vm, RandomObj *r, Obj *state, bool mod32) {
  if (!tuple_check(state)) {
    vm_raise(vm, &Exc_TypeError, "state vector must be a tuple");
    return -1;
  }
  if (TUPLE_SIZE(state) != MT_N + 1) {
    vm_raise(vm, &Exc_ValueError, "state vector is the wrong size");
    return -1;
  }
  uint32_t st[MT_N];
  for (int i = 0; i < MT_N; i++) {
    Obj *v = TUPLE_GET(state, i);
    if (!int_check(v)) {
      vm_raise(vm, &Exc_TypeError, "an integer is required (got type %s)", obj_type_name(v));
      return -1;
    }
    int64_t x;
    if (mod32) {
      Obj *m = int_from_u64(vm, (uint64_t)1 << 32);
      Obj *rem = m ? obj_binop(vm, v, m, BINOP_MOD) : NULL;
      xdecref(vm, m);
      if (!rem) return -1;
      x = int_as_i64_unchecked(rem);
      decref(vm, rem);
    } else {
      if (int_sign(v) < 0) {
        vm_raise(vm, &Exc_OverflowError, "can't convert negative int to unsigned");
        return -1;
      }
      if (int_as_i64(vm, v, &x) < 0) return -1;
    }
    st[i] = (uint32_t)x;
  }
  Obj *iv = TUPLE_GET(state, MT_N);
  int64_t index;
  if (!int_check(iv)) {
    vm_raise(vm, &Exc_TypeError, "an integer is required (got type %s)", obj_type_name(iv));
    return -1;
  }
  if (int_as_i64(vm, iv, &index) < 0) return -1;
  if (index < 0 || index > MT_N) {
    vm_raise(vm, &Exc_ValueError, "invalid state");
    return -1;
  }
  memcpy(r->state, st, sizeof st);
  r->index = (int)index;
  return 0;
}

static Obj *rnd_setstate(RND_ARGS) {
  static const char *const names[] = {"state"};
  static const PyArgSpec spec = {"Random.setstate", names, 1, 0, 1, 0, 1};
  RandomObj *r = R(self);
  Obj *state;
  if (stdmods_pyargs(vm, &spec, args, nargs, kwnames, &state) < 0) return NULL;
  Obj *zero = int_from_i64(vm, 0);
  Obj *version = zero ? obj_getitem(vm, state, zero) : NULL;
  xdecref(vm, zero);
  if (!version) return NULL;
  int64_t ver = int_check(version) && int_fits_i64(version) ? int_as_i64_unchecked(version) : 0;
  if (ver != 2 && ver != 3) {
    vm_raise(vm, &Exc_ValueError,
             "state with version %S passed to Random.setstate() of version 3", version);
    decref(vm, version);
    return NULL;
  }
  decref(vm, version);
  Obj *items = seq_to_tuple(vm, state);
  if (!items) return NULL;
  if (TUPLE_SIZE(items) != 3) {
    if (TUPLE_SIZE(items) > 3)
      vm_raise(vm, &Exc_ValueError, "too many values to unpack (expected 3)");
    else
      vm_raise(vm, &Exc_ValueError, "not enough values to unpack (expected 3, got %zd)",
               (ssize_t)TUPLE_SIZE(items));
    decref(vm, items);
    return NULL;
  }
  Obj *g = TUPLE_GET(items, 2);
  int rc = set_internal_state(vm, r, TUPLE_GET(items, 1), ver == 2);
  if (rc == 0) {
    if (g == None) {
      obj_setref(vm, &r->gauss_next, NULL);
    } else {
      double d = num_as_double(vm, g);
      Obj *f = vm_exc_occurred(vm) ? NULL : float_new(vm, d);
      if (!f) rc = -1;
      else obj_setref(vm, &r->gauss_next, f);
    }
  }
  decref(vm, items);
  return rc < 0 ? NULL : none_new();
}

static const MethodDef random_methods[] = {
  {"seed", rnd_seed, 0},
  {"random", rnd_random, 0},
  {"getrandbits", rnd_getrandbits, 0},
  {"randbytes", rnd_randbytes, 0},
  {"randrange", rnd_randrange, 0},
  {"randint", rnd_randint, 0},
  {"choice", rnd_choice, 0},
  {"shuffle", rnd_shuffle, 0},
  {"sample", rnd_sample, 0},
  {"choices", rnd_choices, 0},
  {"uniform", rnd_uniform, 0},
  {"triangular", rnd_triangular, 0},
  {"gauss", rnd_gauss, 0},
  {"normalvariate", rnd_normalvariate, 0},
  {"lognormvariate", rnd_lognormvariate, 0},
  {"expovariate", rnd_expovariate, 0},
  {"vonmisesvariate", rnd_vonmisesvariate, 0},
  {"gammavariate", rnd_gammavariate, 0},
  {"betavariate", rnd_betavariate, 0},
  {"paretovariate", rnd_paretovariate, 0},
  {"weibullvariate", rnd_weibullvariate, 0},
  {"getstate", rnd_getstate, 0},
  {"setstate", rnd_setstate, 0},
  {NULL, NULL, 0},
};

/* random.Random is a Python class in CPython: messages name it "Random";
** its __module__ is "random" (a static immortal str). */
static StrObj random_str = {
  .ob = OBJ_STATIC_INIT(&Str_Type), .length = 6, .nbytes = 6, .hash = -1,
  .ascii = 1, .data = "random",
};

TypeObj Random_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "Random",
  .module = (Obj *)&random_str,
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(RandomObj),
  .flags = TF_GC | TF_BASETYPE,
  .dealloc = random_dealloc,
  .sizeof_ = random_sizeof,
  .traverse = random_traverse,
  .clear = random_clear,
  .new_ = random_alloc,
  .init = random_init,
  .methods = random_methods,
  .doc = "Random number generator base class used by bound module functions.\n\n"
         "Used to instantiate instances of Random to get generators that don't\n"
         "share state.",
};

static TypeObj *const random_types[] = {&Random_Type, NULL};

Obj *randommod_init(VM *vm) {
  Obj *m = stdmods_module(vm, "random", NULL, random_types);
  if (!m) return NULL;
  Obj *inst = obj_call0(vm, (Obj *)&Random_Type);
  if (!inst) goto fail;
  for (const MethodDef *d = random_methods; d->name; d++) {
    Obj *bound = obj_getattr_cstr(vm, inst, d->name);
    if (stdmods_set(vm, m, d->name, bound) < 0) {
      decref(vm, inst);
      goto fail;
    }
  }
  int rc = stdmods_set(vm, m, "_inst", inst);
  if (rc < 0) goto fail;
  if (stdmods_set(vm, m, "NV_MAGICCONST", float_new(vm, nv_magic())) < 0 ||
      stdmods_set(vm, m, "TWOPI", float_new(vm, 2 * M_PI)) < 0 ||
      stdmods_set(vm, m, "LOG4", float_new(vm, log(4.0))) < 0 ||
      stdmods_set(vm, m, "SG_MAGICCONST", float_new(vm, 1.0 + log(4.5))) < 0 ||
      stdmods_set(vm, m, "BPF", int_from_i64(vm, 53)) < 0 ||
      stdmods_set(vm, m, "RECIP_BPF", float_new(vm, 1.0 / 9007199254740992.0)) < 0)
    goto fail;
  return m;
fail:
  decref(vm, m);
  return NULL;
}
