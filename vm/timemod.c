/*
** timemod.c -- the `time` module: the clocks CPython's time module reads
** (clock_gettime with CLOCK_MONOTONIC, CLOCK_REALTIME and
** CLOCK_PROCESS_CPUTIME_ID), sleep(), and the calendar side: struct_time
** (a struct sequence of 9 visible fields plus tm_zone and tm_gmtoff),
** gmtime, localtime, mktime, strftime, asctime, ctime and the timezone,
** altzone, daylight and tzname constants, over the C library's
** gmtime_r/localtime_r/mktime/strftime as CPython uses them on Linux.
*/
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "floatobj.h"
#include "modules.h"
#include "str.h"
#include "vm.h"

#define TIME_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

static int64_t clock_ns(clockid_t clk) {
  struct timespec ts;
  clock_gettime(clk, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* A clock in seconds (float) or nanoseconds (int), as NS says. */
static Obj *clock_value(VM *vm, const char *qname, size_t nargs, Obj *kwnames,
                        clockid_t clk, bool ns) {
  if (mod_check_noargs(vm, qname, nargs, kwnames) < 0) return NULL;
  int64_t t = clock_ns(clk);
  return ns ? int_from_i64(vm, t) : float_new(vm, (double)t / 1e9);
}

static Obj *t_time(TIME_ARGS) {
  return clock_value(vm, "time.time", nargs, kwnames, CLOCK_REALTIME, false);
}
static Obj *t_time_ns(TIME_ARGS) {
  return clock_value(vm, "time.time_ns", nargs, kwnames, CLOCK_REALTIME, true);
}
static Obj *t_perf_counter(TIME_ARGS) {
  return clock_value(vm, "time.perf_counter", nargs, kwnames, CLOCK_MONOTONIC, false);
}
static Obj *t_perf_counter_ns(TIME_ARGS) {
  return clock_value(vm, "time.perf_counter_ns", nargs, kwnames, CLOCK_MONOTONIC, true);
}
static Obj *t_monotonic(TIME_ARGS) {
  return clock_value(vm, "time.monotonic", nargs, kwnames, CLOCK_MONOTONIC, false);
}
static Obj *t_monotonic_ns(TIME_ARGS) {
  return clock_value(vm, "time.monotonic_ns", nargs, kwnames, CLOCK_MONOTONIC, true);
}
static Obj *t_process_time(TIME_ARGS) {
  return clock_value(vm, "time.process_time", nargs, kwnames,
                     CLOCK_PROCESS_CPUTIME_ID, false);
}
static Obj *t_process_time_ns(TIME_ARGS) {
  return clock_value(vm, "time.process_time_ns", nargs, kwnames,
                     CLOCK_PROCESS_CPUTIME_ID, true);
}

/* time.sleep(secs): an int or a float (anything else: the index error
** text CPython gives); restarts after signals until the time has passed. */
static Obj *t_sleep(TIME_ARGS) {
  Obj *a;
  double secs;
  struct timespec ts;
  if (mod_check_o(vm, "time.sleep", nargs, kwnames) < 0) return NULL;
  a = args[0];
  if (obj_isinstance(a, &Float_Type)) {
    secs = FLOAT_VAL(a);
    if (isnan(secs))
      return vm_raise(vm, &Exc_ValueError, "Invalid value NaN (not a number)");
  } else {
    Obj *i = obj_index(vm, a);
    if (!i) return NULL;
    secs = int_as_double(vm, i);
    decref(vm, i);
    if (secs == -1.0 && vm_exc_occurred(vm)) return NULL;
  }
  if (secs < 0)
    return vm_raise(vm, &Exc_ValueError, "sleep length must be non-negative");
  if (secs > 9.2e9)
    return vm_raise(vm, &Exc_OverflowError,
                    "timestamp too large to convert to C _PyTime_t");
  ts.tv_sec = (time_t)secs;
  ts.tv_nsec = (long)((secs - (double)ts.tv_sec) * 1e9);
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
  return none_new();
}

/* ------------------------------------------------------------------ */
/* struct_time and the calendar functions                             */
/* ------------------------------------------------------------------ */

static const char *const struct_time_fields[] = {
  "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
  "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"};
static const StructSeqDesc struct_time_desc = {"time.struct_time",
                                               struct_time_fields, 11, 9};
extern TypeObj StructTime_Type;

/* time.struct_time(seq): 9 to 11 items, tm_zone and tm_gmtoff None when
** absent. */
static Obj *struct_time_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                            Obj *kwnames) {
  (void)type;
  if (mod_check_pos(vm, "struct_time", nargs, kwnames, 1, 1) < 0) return NULL;
  Obj *seq = obj_call1(vm, (Obj *)&Tuple_Type, args[0]);
  if (!seq) return NULL;
  ssize n = TUPLE_SIZE(seq);
  if (n < 9 || n > 11) {
    decref(vm, seq);
    return vm_raise(vm, &Exc_TypeError,
                    "time.struct_time() takes an %s %d-sequence (%zd-sequence given)",
                    n < 9 ? "at least" : "at most", n < 9 ? 9 : 11, (ssize_t)n);
  }
  Obj *items[11];
  for (ssize i = 0; i < 11; i++) items[i] = incref(i < n ? TUPLE_ITEMS(seq)[i] : None);
  decref(vm, seq);
  return structseq_new(vm, &StructTime_Type, &struct_time_desc, items);
}

TypeObj StructTime_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type), .name = "time.struct_time",
  .tag = HT_TAG_OTHER, .basicsize = sizeof(StructSeqObj),
  .itemsize = sizeof(Obj *), .dealloc = structseq_dealloc,
  .sizeof_ = structseq_sizeof, .traverse = structseq_traverse,
  .repr = structseq_repr, .hash = structseq_hash,
  .richcmp = structseq_richcmp, .getattr = structseq_getattr,
  .iter = structseq_iter, .len = structseq_len,
  .getitem = structseq_getitem, .new_ = struct_time_new,
  .doc = "The time value as returned by gmtime(), localtime(), and strptime()",
};

/* A struct_time from TM (tm_gmtoff and tm_zone included). */
static Obj *tm_to_struct(VM *vm, const struct tm *tm) {
  Obj *items[11] = {
    int_from_i64(vm, (int64_t)tm->tm_year + 1900), int_from_i64(vm, tm->tm_mon + 1),
    int_from_i64(vm, tm->tm_mday), int_from_i64(vm, tm->tm_hour),
    int_from_i64(vm, tm->tm_min), int_from_i64(vm, tm->tm_sec),
    int_from_i64(vm, (tm->tm_wday + 6) % 7), int_from_i64(vm, tm->tm_yday + 1),
    int_from_i64(vm, tm->tm_isdst),
    tm->tm_zone ? str_from_cstr(vm, tm->tm_zone) : incref(None),
    int_from_i64(vm, tm->tm_gmtoff)};
  for (int i = 0; i < 11; i++)
    if (!items[i]) {
      for (int j = 0; j < 11; j++) xdecref(vm, items[j]);
      return NULL;
    }
  return structseq_new(vm, &StructTime_Type, &struct_time_desc, items);
}

/* SECS (None or absent: now) as a time_t, as _PyTime_ObjectToTime_t with
** ROUND_FLOOR. */
static int secs_arg(VM *vm, Obj *secs, time_t *out) {
  if (!secs || secs == None) {
    *out = time(NULL);
    return 0;
  }
  if (float_check(secs)) {
    double d = FLOAT_VAL(secs);
    if (isnan(d)) {
      vm_raise(vm, &Exc_ValueError, "Invalid value NaN (not a number)");
      return -1;
    }
    d = floor(d);
    if (!(d >= -9.2e18 && d <= 9.2e18)) {
      vm_raise(vm, &Exc_OverflowError, "timestamp out of range for platform time_t");
      return -1;
    }
    *out = (time_t)d;
    return 0;
  }
  Obj *iv = int_check(secs) ? incref(secs) : obj_index(vm, secs);
  if (!iv) return -1;
  int64_t v;
  int rc = int_as_i64(vm, iv, &v);
  decref(vm, iv);
  if (rc < 0) {
    if (vm_exc_matches(vm, &Exc_OverflowError)) {
      vm_exc_clear(vm);
      vm_raise(vm, &Exc_OverflowError, "timestamp out of range for platform time_t");
    }
    return -1;
  }
  *out = (time_t)v;
  return 0;
}

static Obj *time_conv(VM *vm, const char *name, Obj *const *args, size_t nargs,
                      Obj *kwnames, bool local) {
  if (mod_check_pos(vm, name, nargs, kwnames, 0, 1) < 0) return NULL;
  time_t t;
  if (secs_arg(vm, nargs ? args[0] : NULL, &t) < 0) return NULL;
  struct tm tm;
  if (!(local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm))) {
    if (errno == EOVERFLOW) errno = 0;
    return vm_raise(vm, &Exc_OverflowError, "timestamp out of range for platform time_t");
  }
  return tm_to_struct(vm, &tm);
}

static Obj *t_gmtime(TIME_ARGS) {
  (void)self;
  return time_conv(vm, "gmtime", args, nargs, kwnames, false);
}
static Obj *t_localtime(TIME_ARGS) {
  (void)self;
  return time_conv(vm, "localtime", args, nargs, kwnames, true);
}

/* gettmarg: a struct_time or a 9-tuple of ints into TM (CPython's field
** conversions); FNAME names the caller in the wrong-length TypeError. */
static int tuple_to_tm(VM *vm, Obj *t, struct tm *tm, const char *fname) {
  Obj *const *items;
  ssize n;
  bool st = obj_is(t, &StructTime_Type);
  if (st) {
    items = ((StructSeqObj *)t)->items;
    n = 9;
  } else if (tuple_check(t)) {
    items = TUPLE_ITEMS(t);
    n = TUPLE_SIZE(t);
  } else {
    vm_raise(vm, &Exc_TypeError, "Tuple or struct_time argument required");
    return -1;
  }
  if (n != 9) {
    vm_raise(vm, &Exc_TypeError, "%s(): illegal time tuple argument", fname);
    return -1;
  }
  int v[9];
  for (int i = 0; i < 9; i++)
    if (mod_as_int(vm, items[i], &v[i]) < 0) return -1;
  memset(tm, 0, sizeof *tm);
  tm->tm_year = v[0] - 1900;
  tm->tm_mon = v[1] - 1;
  tm->tm_mday = v[2];
  tm->tm_hour = v[3];
  tm->tm_min = v[4];
  tm->tm_sec = v[5];
  tm->tm_wday = (v[6] + 1) % 7;
  if (tm->tm_wday < 0) tm->tm_wday += 7;
  tm->tm_yday = v[7] - 1;
  tm->tm_isdst = v[8];
  if (st) {
    Obj *zone = ((StructSeqObj *)t)->items[9], *off = ((StructSeqObj *)t)->items[10];
    if (zone != None && str_check(zone)) tm->tm_zone = STR_UTF8(zone);
    if (off != None && int_check(off)) {
      int64_t g;
      if (int_as_i64(vm, off, &g) < 0) return -1;
      tm->tm_gmtoff = (long)g;
    }
  }
  return 0;
}

/* checktm: the ranges strftime and asctime accept (after their fix-ups of
** zero fields). */
static int check_tm(VM *vm, struct tm *tm) {
  static const struct { int lo, hi; const char *what; } r[] = {
    {0, 11, "month out of range"}, {1, 31, "day of month out of range"},
    {0, 23, "hour out of range"}, {0, 59, "minute out of range"},
    {0, 61, "seconds out of range"}, {0, 6, "day of week out of range"},
    {0, 365, "day of year out of range"}};
  int *f[] = {&tm->tm_mon, &tm->tm_mday, &tm->tm_hour, &tm->tm_min, &tm->tm_sec,
              &tm->tm_wday, &tm->tm_yday};
  if (tm->tm_mon == -1) tm->tm_mon = 0;
  if (tm->tm_mday == 0) tm->tm_mday = 1;
  if (tm->tm_yday == -1) tm->tm_yday = 0;
  for (int i = 0; i < 7; i++)
    if (*f[i] < r[i].lo || *f[i] > r[i].hi) {
      vm_raise(vm, &Exc_ValueError, "%s", r[i].what);
      return -1;
    }
  return 0;
}

/* The struct tm for an optional time-tuple argument T (absent: now). */
static int tm_arg(VM *vm, Obj *t, struct tm *tm, const char *fname) {
  if (t) return tuple_to_tm(vm, t, tm, fname);
  time_t now = time(NULL);
  localtime_r(&now, tm);
  return 0;
}

static const char *const strftime_names[] = {"format", "t"};
static const ModArgSpec strftime_spec = {"strftime", strftime_names, 2, 2, 2, 1};

static Obj *t_strftime(TIME_ARGS) {
  (void)self;
  Obj *a[2];
  if (mod_args(vm, &strftime_spec, args, nargs, kwnames, a) < 0) return NULL;
  if (!str_check(a[0]))
    return vm_raise(vm, &Exc_TypeError, "strftime() argument 1 must be str, not %s",
                    obj_type_name(a[0]));
  struct tm tm;
  if (tm_arg(vm, a[1], &tm, "strftime") < 0 || check_tm(vm, &tm) < 0) return NULL;
  if (tm.tm_isdst < -1) tm.tm_isdst = -1;
  else if (tm.tm_isdst > 1) tm.tm_isdst = 1;
  const char *fmt = STR_UTF8(a[0]);
  size_t flen = (size_t)STR_NBYTES(a[0]);
  if (memchr(fmt, 0, flen))
    return vm_raise(vm, &Exc_ValueError, "embedded null character");
  if (flen == 0) return str_from_cstr(vm, "");
  /* strftime returns 0 both for "too small" and for an empty result; a
  ** buffer 256 times the format's size is CPython's bound too */
  for (size_t cap = 1024;; cap *= 2) {
    char *buf = malloc(cap);
    if (!buf) return vm_raise_nomem(vm);
    size_t n = strftime(buf, cap, fmt, &tm);
    if (n > 0 || cap >= 256 * flen) {
      Obj *r = str_new(vm, buf, n);
      free(buf);
      return r;
    }
    free(buf);
  }
}

/* "Thu Jan  1 00:00:00 1970", as CPython's _asctime (not the C library's). */
static Obj *format_asctime(VM *vm, const struct tm *tm) {
  static const char days[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return str_fromf(vm, "%s %s%3d %.2d:%.2d:%.2d %d", days[tm->tm_wday],
                   months[tm->tm_mon], tm->tm_mday, tm->tm_hour, tm->tm_min,
                   tm->tm_sec, 1900 + tm->tm_year);
}

static Obj *t_asctime(TIME_ARGS) {
  (void)self;
  if (mod_check_pos(vm, "asctime", nargs, kwnames, 0, 1) < 0) return NULL;
  struct tm tm;
  if (tm_arg(vm, nargs ? args[0] : NULL, &tm, "asctime") < 0 || check_tm(vm, &tm) < 0)
    return NULL;
  return format_asctime(vm, &tm);
}

static Obj *t_ctime(TIME_ARGS) {
  (void)self;
  if (mod_check_pos(vm, "ctime", nargs, kwnames, 0, 1) < 0) return NULL;
  time_t t;
  struct tm tm;
  if (secs_arg(vm, nargs ? args[0] : NULL, &t) < 0) return NULL;
  if (!localtime_r(&t, &tm))
    return vm_raise(vm, &Exc_OverflowError, "timestamp out of range for platform time_t");
  return format_asctime(vm, &tm);
}

static Obj *t_mktime(TIME_ARGS) {
  (void)self;
  if (mod_check_pos(vm, "mktime", nargs, kwnames, 1, 1) < 0) return NULL;
  struct tm tm;
  if (tuple_to_tm(vm, args[0], &tm, "mktime") < 0) return NULL;
  tm.tm_wday = -1;   /* sentinel: mktime() sets it on success */
  time_t t = mktime(&tm);
  if (t == (time_t)-1 && tm.tm_wday == -1)
    return vm_raise(vm, &Exc_OverflowError, "mktime argument out of range");
  return float_new(vm, (double)t);
}

static const MethodDef time_funcs[] = {
  {"gmtime", t_gmtime, 0},
  {"localtime", t_localtime, 0},
  {"mktime", t_mktime, 0},
  {"strftime", t_strftime, 0},
  {"asctime", t_asctime, 0},
  {"ctime", t_ctime, 0},
  {"time", t_time, 0},
  {"time_ns", t_time_ns, 0},
  {"perf_counter", t_perf_counter, 0},
  {"perf_counter_ns", t_perf_counter_ns, 0},
  {"monotonic", t_monotonic, 0},
  {"monotonic_ns", t_monotonic_ns, 0},
  {"process_time", t_process_time, 0},
  {"process_time_ns", t_process_time_ns, 0},
  {"sleep", t_sleep, 0},
  {NULL, NULL, 0},
};

/* timezone, altzone, daylight, tzname: from January's and July's local
** time this year, as CPython's init_timezone. */
static int set_zone_consts(VM *vm, Obj *m) {
  Obj *d = ((ModuleObj *)m)->dict;
  tzset();
  time_t now = time(NULL);
  struct tm jan, jul, tm;
  gmtime_r(&now, &tm);
  memset(&jan, 0, sizeof jan);
  jan.tm_year = tm.tm_year;
  jan.tm_mday = 1;
  jan.tm_isdst = -1;
  jul = jan;
  jul.tm_mon = 6;
  time_t tjan = mktime(&jan), tjul = mktime(&jul);
  localtime_r(&tjan, &jan);
  localtime_r(&tjul, &jul);
  long janoff = -jan.tm_gmtoff, juloff = -jul.tm_gmtoff;
  const char *janname = jan.tm_zone ? jan.tm_zone : "", *julname = jul.tm_zone ? jul.tm_zone : "";
  Obj *tz = NULL, *az = NULL, *dl = NULL, *names = NULL, *n1 = NULL, *n2 = NULL;
  int rc = -1;
  if (janoff < juloff) {          /* DST is reversed in the southern hemisphere */
    tz = int_from_i64(vm, juloff);
    az = int_from_i64(vm, janoff);
    n1 = str_from_cstr(vm, julname);
    n2 = str_from_cstr(vm, janname);
  } else {
    tz = int_from_i64(vm, janoff);
    az = int_from_i64(vm, juloff);
    n1 = str_from_cstr(vm, janname);
    n2 = str_from_cstr(vm, julname);
  }
  dl = int_from_i64(vm, janoff != juloff);
  if (tz && az && dl && n1 && n2) names = tuple_pack(vm, 2, n1, n2);
  if (names && dict_set_cstr(vm, d, "timezone", tz) == 0 &&
      dict_set_cstr(vm, d, "altzone", az) == 0 &&
      dict_set_cstr(vm, d, "daylight", dl) == 0 &&
      dict_set_cstr(vm, d, "tzname", names) == 0)
    rc = 0;
  xdecref(vm, tz);
  xdecref(vm, az);
  xdecref(vm, dl);
  xdecref(vm, n1);
  xdecref(vm, n2);
  xdecref(vm, names);
  return rc;
}

Obj *timemod_init(VM *vm) {
  Obj *m = module_new(vm, "time", time_funcs);
  if (!m) return NULL;
  if (dict_set_cstr(vm, ((ModuleObj *)m)->dict, "struct_time", (Obj *)&StructTime_Type) < 0 ||
      set_zone_consts(vm, m) < 0) {
    decref(vm, m);
    return NULL;
  }
  return m;
}
