/*
** snapshot.c -- heap snapshots and the --refs log, VM side (snapshot.h).
**
** The walk.  A snapshot is one breadth-first traversal: every root is given
** to the spool and queued, then each queued object is described (node) and
** traversed (edges), queuing what it reaches for the first time.  When the
** queue runs dry, the objects the collector tracks that were not reached are
** added as "unreached" roots and walked too, so garbage cycles show up even
** between collections.  The visited set is a malloc'd open-addressing table
** of object pointers; nothing touches the tagged arena, and no Python code
** runs: reprs are made here in C from the objects' fields.
**
** Labels.  The edge kinds of object.h become words ("item", "value", ...)
** and labels ("[3]", "key 'k'", "attr 'a'", "local 'x'", "__closure__[0]")
** here, in one function used by the snapshots and by --refs alike, so that a
** logged store replaces exactly the edge the snapshot has under that label.
**
** The poll.  A poll point compares the recorder's seq with the last one
** seen, then sums the live bytes of the object tags (the arena's exact
** counters) -- at most every 8 events, and at the first end of a call after
** the heap rose -- against the running maximum and the next thresholds
** (snapshot.h), and the seq against the next every-N point.
**
** --refs (the second half of the file): the eval loop reports each store;
** each report becomes a record of the spool, and any object the log has not
** described yet is described in full first.  The set of described blocks
** forgets a block when the arena frees or moves it: an arena observer
** (ht_arena_set_observer, alloc/arena.h) installed only with --refs.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "frame.h"
#include "gc.h"
#include "recorder.h"
#include "snapshot.h"
#include "snapstore.h"

uint8_t snap_hooks;
uint8_t snap_refs;
uint8_t snap_gc;

#define KIB 1024u
#define MIB (1024u * 1024u)
#define REDESCRIBE_MAX 256      /* builtin calls: re-log receivers this small */

/* ------------------------------------------------------------------ */
/* Configuration and trigger state                                    */
/* ------------------------------------------------------------------ */

static struct {
  /* options (set before the VM starts) */
  int at_exit;                 /* exit snapshot */
  int at_peak;                 /* peak snapshots */
  int at_gc;                   /* a snapshot per collection */
  int refs;                    /* --refs */
  uint64_t every;              /* every N events, 0 = never */
  /* state while recording */
  VM *vm;                      /* the VM being recorded (borrowed) */
  int active;                  /* snapshots are being taken */
  int busy;                    /* a snapshot or description is running */
  uint64_t last_seq;           /* seq at the last poll */
  uint64_t next_every;         /* seq of the next every-N snapshot */
  uint64_t max_seen;           /* highest live object bytes polled */
  uint64_t persist_at;         /* keep a peak snapshot at this many bytes */
  uint64_t cand_bytes;         /* live bytes of the last candidate or kept peak */
  int have_cand;               /* a candidate is waiting */
  uint64_t cand_nodes;         /* nodes walked by candidates */
  int rising;                  /* the last sum was a new maximum */
  uint64_t last_nodes;         /* nodes of the last snapshot */
  const ht_tag_stats *stats[HT_NTAGS]; /* object tags' counters */
  int nstats;
  Obj *list_append, *list_extend;      /* method descriptors (borrowed) */
} C = {.at_exit = 1, .at_peak = 1};

const char snap_run_usage[] =
  "[--refs] [--snapshot-every N] [--snapshot-gc] [--no-snapshot-peak] [--no-snapshot-exit]";

int snap_run_option(int argc, char **argv, int i) {
  const char *a = argv[i];
  if (!strcmp(a, "--refs")) {
    C.refs = 1;
    return 1;
  }
  if (!strcmp(a, "--snapshot-gc")) {
    C.at_gc = 1;
    return 1;
  }
  if (!strcmp(a, "--no-snapshot-peak")) {
    C.at_peak = 0;
    return 1;
  }
  if (!strcmp(a, "--no-snapshot-exit")) {
    C.at_exit = 0;
    return 1;
  }
  if (!strcmp(a, "--no-snapshots")) {
    C.at_exit = C.at_peak = C.at_gc = 0;
    C.every = 0;
    return 1;
  }
  const char *v = NULL;
  int used = 0;
  if (!strcmp(a, "--snapshot-every")) {
    if (i + 1 >= argc) {
      fprintf(stderr, "heaptrail run: --snapshot-every needs a number of events\n");
      return -1;
    }
    v = argv[i + 1];
    used = 2;
  } else if (!strncmp(a, "--snapshot-every=", 17)) {
    v = a + 17;
    used = 1;
  } else {
    return 0;
  }
  char *end;
  unsigned long long n = strtoull(v, &end, 10);
  if (!*v || *end || n == 0 || v[0] == '-') {
    fprintf(stderr, "heaptrail run: --snapshot-every needs a positive number of events, "
                    "not '%s'\n", v);
    return -1;
  }
  C.every = n;
  return used;
}

/* Live bytes of the object tags (exact arena counters). */
static uint64_t live_object_bytes(void) {
  uint64_t b = 0;
  for (int i = 0; i < C.nstats; i++) b += C.stats[i]->cur_bytes;
  return b;
}

/* How far the peak must pass the last candidate: a little at a local
** maximum (a return), a lot anywhere else.  USED and BUDGET are the nodes
** candidates walked so far and may walk: as the budget runs down the steps
** grow (1/256 of the heap, then 1/64, 1/16, 1/4), so a heap that climbs
** slowly for a long time keeps enough budget for the top of its climb. */
static uint64_t cand_step(uint64_t live, int at_return, uint64_t used, uint64_t budget) {
  int shift = used < budget / 4 ? 8 : used < budget / 2 ? 6 : used < budget / 4 * 3 ? 4 : 2;
  uint64_t s = at_return ? live >> shift : live / 4;
  uint64_t min = at_return ? 256 : 64 * KIB;
  return s < min ? min : s;
}

static int take(VM *vm, int trigger, const char *label, Obj *extra, GCHead *garbage,
                int candidate);



/* A peak snapshot is kept when the peak doubles (and grows by 1 MiB): a
** heap growing to H costs about 2 H of walking, not 10 H as 10% steps would;
** the final candidate catches the top between two doublings. */
static uint64_t persist_step(uint64_t live) {
  return live < MIB ? MIB : live;
}

static void update_hooks(void) {
  snap_refs = (uint8_t)(C.active && C.refs);
  snap_gc = (uint8_t)(C.active && C.at_gc);
  snap_hooks = (uint8_t)(C.active && (C.refs || C.at_peak || C.every));
}

static void track(int on);   /* --refs: the set of described blocks, below */

void snap_attach(VM *vm, const char *profile) {
  if (!ht_rec_active) return;       /* heaptrail.snapshot() may come any time */
  if (ht_snap_open(profile, C.refs)) {
    fprintf(stderr, "heaptrail: %s; recording without heap snapshots\n", ht_snap_error());
    return;
  }
  if (C.refs) track(1);
  C.vm = vm;
  C.nstats = 0;
  for (int t = 0; t < HT_NTAGS; t++)
    if (ht_tag_kind(t) == HT_TAGKIND_OBJECT && ht_arena_stats((ht_tag)t))
      C.stats[C.nstats++] = ht_arena_stats((ht_tag)t);
  C.last_seq = ht_rec_seq();
  C.next_every = C.last_seq + C.every;
  uint64_t live = live_object_bytes();
  C.max_seen = live;
  C.persist_at = live + persist_step(live);
  C.cand_bytes = live;
  C.have_cand = 0;
  C.cand_nodes = 0;
  /* the list methods --refs logs exactly; their names are interned already
  ** (type_ready put them in the type's dict) */
  if (C.refs) {
    Obj *n = str_intern_cstr(vm, "append");
    C.list_append = n ? type_lookup(&List_Type, n) : NULL;
    n = str_intern_cstr(vm, "extend");
    C.list_extend = n ? type_lookup(&List_Type, n) : NULL;
    if (vm->exc) vm_exc_clear(vm);
  }
  C.active = 1;
  update_hooks();
  /* --refs replays from the last snapshot before a seq: the first one is
  ** the heap before the script runs */
  if (C.refs) take(vm, HT_SNAP_START, "", NULL, NULL, 0);
}

/* ------------------------------------------------------------------ */
/* --refs: the blocks the log has described                           */
/* ------------------------------------------------------------------ */

/* A set of block addresses, each with a number (a list's length when it
** was described), that forgets a block as soon as the arena frees or moves
** it: the arena's observer (alloc/arena.h) tells us, right after the
** recorder logged the event.  So an object is described once per lifetime,
** and a new object at a reused address is described again.  malloc'd: it
** never touches the tagged arena. */
static struct {
  uint64_t *key;               /* block addresses, 0 = empty slot (owned) */
  uint64_t *val;               /* the number kept with each (owned) */
  size_t mask, count;          /* slots - 1, entries */
  int observing;               /* our observer is installed */
} K;

static size_t kmix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  return (size_t)x;
}

static int known(uint64_t blk, uint64_t *val) {
  if (!K.key || !blk) return 0;
  for (size_t j = kmix(blk) & K.mask; K.key[j]; j = (j + 1) & K.mask)
    if (K.key[j] == blk) {
      if (val) *val = K.val[j];
      return 1;
    }
  return 0;
}

static void know(uint64_t blk, uint64_t val) {
  if (!blk) return;
  if ((K.count + 1) * 2 > K.mask) {
    size_t nmask = K.mask ? K.mask * 2 + 1 : 4095;
    uint64_t *nk = calloc(nmask + 1, sizeof *nk), *nv = malloc((nmask + 1) * sizeof *nv);
    if (!nk || !nv) {             /* not described: it will be described again */
      free(nk);
      free(nv);
      return;
    }
    for (size_t i = 0; K.key && i <= K.mask; i++) {
      if (!K.key[i]) continue;
      size_t j = kmix(K.key[i]) & nmask;
      while (nk[j]) j = (j + 1) & nmask;
      nk[j] = K.key[i];
      nv[j] = K.val[i];
    }
    free(K.key);
    free(K.val);
    K.key = nk;
    K.val = nv;
    K.mask = nmask;
  }
  size_t j = kmix(blk) & K.mask;
  for (; K.key[j]; j = (j + 1) & K.mask)
    if (K.key[j] == blk) {
      K.val[j] = val;
      return;
    }
  K.key[j] = blk;
  K.val[j] = val;
  K.count++;
}

/* Drop BLK (backward-shift deletion: no tombstones). */
static void forget(uint64_t blk) {
  if (!K.key || !blk) return;
  size_t i = kmix(blk) & K.mask;
  for (; K.key[i]; i = (i + 1) & K.mask)
    if (K.key[i] == blk) break;
  if (!K.key[i]) return;
  K.count--;
  for (size_t j = i;;) {
    K.key[i] = 0;
    for (;;) {
      j = (j + 1) & K.mask;
      if (!K.key[j]) return;
      size_t home = kmix(K.key[j]) & K.mask;
      /* the entry at j may move to the hole at i unless its home lies in (i, j] */
      if (i <= j ? (home <= i || home > j) : (home <= i && home > j)) break;
    }
    K.key[i] = K.key[j];
    K.val[i] = K.val[j];
    i = j;
  }
}

static void forget_all(void) {
  if (K.key) memset(K.key, 0, (K.mask + 1) * sizeof *K.key);
  K.count = 0;
}

/* The arena's observer: a freed or moved block leaves the set. */
static void refs_observer(void *ud, int kind, ht_tag tag, uintptr_t obj, uintptr_t old,
                          size_t size) {
  (void)ud;
  (void)tag;
  (void)size;
  if (kind == HT_EV_FREE) forget(obj);
  else if (kind == HT_EV_REALLOC && old) forget(old);
}

static void track(int on) {
  if (on && !K.observing) {
    K.observing = ht_arena_set_observer(refs_observer, NULL) == 0;
    if (!K.observing)
      fprintf(stderr, "heaptrail: another arena observer is installed; --refs may describe "
                      "reused blocks late\n");
  } else if (!on) {
    if (K.observing) ht_arena_set_observer(NULL, NULL);
    K.observing = 0;
    free(K.key);
    free(K.val);
    memset(&K, 0, sizeof K);
  }
}

/* ------------------------------------------------------------------ */
/* Object facts: addresses, types, sizes, reprs, labels               */
/* ------------------------------------------------------------------ */

static inline int is_static(Obj *o) { return o->refcnt >= IMMORTAL_REF / 2; }

/* The arena block of O: what the recorder logged. */
static inline uint64_t block_of(Obj *o) {
  if ((o->type->flags & TF_GC) && !is_static(o)) return (uint64_t)(uintptr_t)GC_HEAD(o);
  return (uint64_t)(uintptr_t)o;
}

/* A type's name as Python shows it: the qualname of a class statement's
** type, the C name of a builtin one. */
static const char *type_display(TypeObj *t) {
  if ((t->flags & TF_HEAPTYPE) && t->qualname && str_check(t->qualname))
    return STR_UTF8(t->qualname);
  return t->name ? t->name : "?";
}

static const char *type_name_of(Obj *o) { return type_display(o->type); }

static uint64_t size_of(Obj *o) {
  if (is_static(o)) return 0;
  if (o->type->sizeof_) return o->type->sizeof_(o);
  return o->type->basicsize;
}

/* Append to a bounded buffer. */
typedef struct sbuf {
  char *p;
  size_t n, at;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t len) {
  if (b->at + 1 >= b->n) return;
  size_t room = b->n - 1 - b->at;
  if (len > room) len = room;
  memcpy(b->p + b->at, s, len);
  b->at += len;
  b->p[b->at] = 0;
}

static void sb_puts(sbuf *b, const char *s) { sb_put(b, s, strlen(s)); }

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...) {
  char tmp[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n > 0) sb_put(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* A str's text (or with BYTES, a bytes object's contents), quoted, at most
** MAX characters of it; bytes >= 0x80 of a bytes object are escaped, a str's
** UTF-8 sequences are kept whole. */
static void sb_quoted(sbuf *b, const char *s, size_t n, size_t max, char q, int bytes) {
  char c = q;
  sb_put(b, &c, 1);
  size_t k = 0;
  for (size_t i = 0; i < n && k < max; i++, k++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == '\\' || ch == (unsigned char)q) {
      char e[2] = {'\\', (char)ch};
      sb_put(b, e, 2);
    } else if (ch == '\n') {
      sb_puts(b, "\\n");
    } else if (ch == '\t') {
      sb_puts(b, "\\t");
    } else if (ch < 0x20 || ch == 0x7f || (bytes && ch >= 0x80)) {
      sb_printf(b, "\\x%02x", ch);
    } else {
      /* keep UTF-8 sequences whole */
      size_t len = 1;
      if (ch >= 0xf0) len = 4;
      else if (ch >= 0xe0) len = 3;
      else if (ch >= 0xc0) len = 2;
      if (i + len > n) len = n - i;
      sb_put(b, s + i, len);
      i += len - 1;
    }
  }
  if (k < n && n > max) sb_puts(b, "...");
  sb_put(b, &c, 1);
}

/* The repr of a key or a small value for a label: 'text', 42, 1.5, None;
** other objects by type name. */
static void short_repr(sbuf *b, Obj *o) {
  if (!o) {
    sb_puts(b, "NULL");
    return;
  }
  TypeObj *t = o->type;
  if (t == &Str_Type || (t->flags & TF_STR_SUBCLASS)) {
    sb_quoted(b, STR_UTF8(o), (size_t)STR_NBYTES(o), 40, '\'', 0);
  } else if (t == &Bool_Type) {
    sb_puts(b, o == True_ ? "True" : "False");
  } else if (t == &Int_Type || (t->flags & TF_INT_SUBCLASS)) {
    if (int_fits_i64(o)) sb_printf(b, "%lld", (long long)int_as_i64_unchecked(o));
    else sb_puts(b, int_sign(o) < 0 ? "-<big int>" : "<big int>");
  } else if (t == &Float_Type) {
    char fb[32];
    sb_puts(b, float_repr_buf(FLOAT_VAL(o), fb));
  } else if (o == None) {
    sb_puts(b, "None");
  } else if (t == &Bytes_Type) {
    sb_puts(b, "b");
    sb_quoted(b, ((BytesObj *)o)->data, (size_t)((BytesObj *)o)->size, 30, '\'', 1);
  } else if (t == &Tuple_Type && TUPLE_SIZE(o) <= 3) {
    sb_puts(b, "(");
    for (ssize i = 0; i < TUPLE_SIZE(o); i++) {
      if (i) sb_puts(b, ", ");
      Obj *x = TUPLE_GET(o, i);
      if (x && x->type != &Tuple_Type) short_repr(b, x);
      else sb_puts(b, x ? "(...)" : "NULL");
    }
    sb_puts(b, TUPLE_SIZE(o) == 1 ? ",)" : ")");
  } else {
    sb_printf(b, "<%s>", type_name_of(o));
  }
}

static const char *base_name(const char *path) {
  const char *s = strrchr(path, '/');
  return s ? s + 1 : path;
}

/* "f (file.py:12)" for a frame. */
static void frame_where(FrameObj *f, sbuf *b) {
  CodeObj *co = f->code;
  const char *qn = f->func ? STR_UTF8(((FunctionObj *)f->func)->qualname) : STR_UTF8(co->qualname);
  sb_printf(b, "%s (%s:%d)", qn, base_name(STR_UTF8(co->filename)), frame_line(f));
}

/* The short repr of a node (<= 60 chars), made from the object's fields. */
static void node_repr(VM *vm, Obj *o, char *buf, size_t n) {
  sbuf b = {buf, n, 0};
  buf[0] = 0;
  TypeObj *t = o->type;
  if (t == &Str_Type || (t->flags & TF_STR_SUBCLASS) || t == &Bool_Type ||
      t == &Int_Type || (t->flags & TF_INT_SUBCLASS) || t == &Float_Type || o == None ||
      t == &Bytes_Type) {
    short_repr(&b, o);
    if ((t == &Str_Type || (t->flags & TF_STR_SUBCLASS)) && STR_LEN(o) > 40)
      sb_printf(&b, " (%lld chars)", (long long)STR_LEN(o));
  } else if (t == &Tuple_Type || (t->flags & TF_TUPLE_SUBCLASS)) {
    sb_printf(&b, "len %lld", (long long)TUPLE_SIZE(o));
  } else if (t == &List_Type || (t->flags & TF_LIST_SUBCLASS)) {
    sb_printf(&b, "len %lld", (long long)LIST_SIZE(o));
  } else if (t == &Dict_Type || (t->flags & TF_DICT_SUBCLASS)) {
    sb_printf(&b, "len %lld", (long long)dict_size(o));
  } else if ((t == &Set_Type || t == &FrozenSet_Type) && t->len) {
    sb_printf(&b, "len %lld", (long long)t->len(vm, o));
  } else if (t == &Function_Type) {
    FunctionObj *fn = (FunctionObj *)o;
    if (fn->qualname && str_check(fn->qualname)) sb_puts(&b, STR_UTF8(fn->qualname));
  } else if (t == &Code_Type) {
    CodeObj *co = (CodeObj *)o;
    sb_printf(&b, "%s (%s:%d)", STR_UTF8(co->qualname), base_name(STR_UTF8(co->filename)),
              co->firstlineno);
  } else if (t == &Cell_Type) {
    Obj *r = ((CellObj *)o)->ref;
    if (!r) sb_puts(&b, "empty");
    else short_repr(&b, r);
  } else if (t == &Frame_Type) {
    frame_where((FrameObj *)o, &b);
  } else if (t == &Module_Type) {
    Obj *nm = ((ModuleObj *)o)->name;
    if (nm && str_check(nm)) sb_puts(&b, STR_UTF8(nm));
  } else if (t == &Type_Type || (t->flags & TF_TYPE_SUBCLASS)) {
    sb_puts(&b, type_display((TypeObj *)o));
  } else if (t == &Builtin_Type) {
    BuiltinObj *bi = (BuiltinObj *)o;
    if (bi->def && bi->def->name) sb_puts(&b, bi->def->name);
    if (bi->self && bi->self->type != &Module_Type)
      sb_printf(&b, " of %s", type_name_of(bi->self));
  } else if (t == &Method_Type) {
    MethodObj *m = (MethodObj *)o;
    if (m->func && m->func->type == &Function_Type && ((FunctionObj *)m->func)->qualname)
      sb_printf(&b, "%s", STR_UTF8(((FunctionObj *)m->func)->qualname));
    if (m->self) sb_printf(&b, " of %s", type_name_of(m->self));
  } else if (t->flags & TF_EXC_SUBCLASS) {
    ExcObj *e = (ExcObj *)o;
    if (e->args && TUPLE_SIZE(e->args) >= 1 && TUPLE_GET(e->args, 0) &&
        str_check(TUPLE_GET(e->args, 0)))
      short_repr(&b, TUPLE_GET(e->args, 0));
  }
}

/* Word and label of an edge. */
static const char *edge_label(Obj *src, Obj *child, EdgeKind k, ssize idx, Obj *name,
                              char *buf, size_t n) {
  sbuf b = {buf, n, 0};
  buf[0] = 0;
  const char *nm = name && str_check(name) ? STR_UTF8(name) : NULL;
  TypeObj *st = src->type;
  switch (k) {
  case EDGE_ITEM:
    sb_printf(&b, "[%lld]", (long long)idx);
    return "item";
  case EDGE_KEY:
    if (st == &Dict_Type || (st->flags & TF_DICT_SUBCLASS)) {
      sb_puts(&b, "(key) ");
      short_repr(&b, child);
    } else {
      sb_puts(&b, "member ");
      short_repr(&b, child);
    }
    return "key";
  case EDGE_VALUE:
    sb_puts(&b, "key ");
    short_repr(&b, name);
    return "value";
  case EDGE_ATTR:
    sb_printf(&b, "attr '%s'", nm ? nm : "?");
    return "attr";
  case EDGE_LOCAL:
    sb_printf(&b, "local '%s'", nm ? nm : "?");
    return "local";
  case EDGE_CELLVAR:
    sb_printf(&b, "cell '%s'", nm ? nm : "?");
    return "cell";
  case EDGE_FREEVAR:
    sb_printf(&b, "free '%s'", nm ? nm : "?");
    return "free";
  case EDGE_CLOSURE:
    sb_printf(&b, "__closure__[%lld]", (long long)idx);
    return "closure";
  case EDGE_CONTENTS:
    sb_puts(&b, "cell_contents");
    return "contents";
  case EDGE_GLOBALS:
    sb_puts(&b, st == &Frame_Type ? "f_globals" : "__globals__");
    return "globals";
  case EDGE_BACK:
    sb_puts(&b, "f_back");
    return "back";
  case EDGE_CODE:
    sb_puts(&b, st == &Frame_Type ? "f_code" : "__code__");
    return "code";
  case EDGE_DEFAULTS:
    sb_puts(&b, idx == 1 ? "__kwdefaults__" : "__defaults__");
    return "defaults";
  case EDGE_FUNC:
    sb_puts(&b, st == &Frame_Type ? "f_func" : "__func__");
    return "func";
  case EDGE_SELF:
    sb_puts(&b, "__self__");
    return "self";
  case EDGE_TYPE:
    sb_puts(&b, "__class__");
    return "type";
  case EDGE_DICT:
    sb_puts(&b, st == &Frame_Type ? "f_locals" : "__dict__");
    return "dict";
  case EDGE_CONST:
    sb_printf(&b, "co_consts[%lld]", (long long)idx);
    return "const";
  case EDGE_STACK:
    sb_printf(&b, "stack[%lld]", (long long)idx);
    return "stack";
  default:
    break;
  }
  if (nm) {
    sb_puts(&b, nm);
  } else if (st == &Function_Type && idx >= 0 && idx <= 5) {
    /* function_traverse's order (func.c) */
    static const char *const fn_other[] = {"__builtins__", "__closure__", "__name__",
                                           "__qualname__", "__module__", "__doc__"};
    sb_puts(&b, fn_other[idx]);
  } else if (st == &Code_Type && idx >= 0 && idx <= 7) {
    /* code_traverse's order (func.c) */
    static const char *const co_other[] = {"co_names", "co_varnames", "co_cellvars",
                                           "co_freevars", "co_filename", "co_name",
                                           "co_qualname", "co_linetable"};
    sb_puts(&b, co_other[idx]);
  } else if ((st->flags & TF_EXC_SUBCLASS) && idx >= 0 && idx <= 4) {
    /* exc_traverse's order (exc.c) */
    static const char *const exc_other[] = {"args", "__traceback__", "__context__",
                                            "__cause__", "__notes__"};
    sb_puts(&b, exc_other[idx]);
  } else if (st == &Frame_Type && idx == 0) {
    sb_puts(&b, "f_builtins");
  } else if (st == &Module_Type && idx == 0) {
    sb_puts(&b, "__name__");
  } else {
    sb_printf(&b, "ref #%lld", (long long)idx);
  }
  return "other";
}

/* Edges of type objects, which have no traverse slot. */
static int type_edges(Obj *o, visitproc visit, void *arg) {
  TypeObj *t = (TypeObj *)o;
  int r;
  if (t->dict && (r = visit(t->dict, EDGE_DICT, 0, NULL, arg))) return r;
  if (t->mro && (r = visit(t->mro, EDGE_OTHER, -1, NULL, arg))) return r;
  if (t->bases && (r = visit(t->bases, EDGE_OTHER, -2, NULL, arg))) return r;
  if (t->base && (r = visit((Obj *)t->base, EDGE_OTHER, -3, NULL, arg))) return r;
  if (t->qualname && (r = visit(t->qualname, EDGE_OTHER, -4, NULL, arg))) return r;
  if (t->module && (r = visit(t->module, EDGE_OTHER, -5, NULL, arg))) return r;
  return 0;
}

static int traverse_any(Obj *o, visitproc visit, void *arg) {
  if (o->type->traverse) return o->type->traverse(o, visit, arg);
  if (o->type == &Type_Type || (o->type->flags & TF_TYPE_SUBCLASS)) return type_edges(o, visit, arg);
  return 0;
}

/* Labels of type_edges' pseudo indexes. */
static const char *fix_type_label(Obj *src, ssize idx, char *buf, size_t n) {
  static const char *const names[] = {"__mro__", "__bases__", "__base__", "__qualname__",
                                      "__module__"};
  if ((src->type == &Type_Type || (src->type->flags & TF_TYPE_SUBCLASS)) && !src->type->traverse &&
      idx < 0 && idx >= -5) {
    snprintf(buf, n, "%s", names[-idx - 1]);
    return buf;
  }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* The walk                                                           */
/* ------------------------------------------------------------------ */

typedef struct walk {
  VM *vm;
  uintptr_t *set;              /* visited objects (owned) */
  size_t mask, count;
  Obj **queue;                 /* objects to describe (owned) */
  size_t head, tail, cap;
  Obj *cur;                    /* the object being traversed */
  uint64_t cur_block;          /* its block */
  int know;                    /* fill the --refs set of described blocks */
  int oom;                     /* ran out of memory: the snapshot is partial */
  size_t nodes, edges;         /* counts */
} walk;

static size_t ptr_hash(uintptr_t p) {
  uint64_t x = (uint64_t)p;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 29;
  return (size_t)x;
}

/* Mark O visited; returns 1 if it was new. */
static int visit_mark(walk *w, Obj *o) {
  if ((w->count + 1) * 2 > w->mask) {
    size_t nmask = w->mask ? w->mask * 2 + 1 : 8191;
    uintptr_t *ns = calloc(nmask + 1, sizeof *ns);
    if (!ns) {
      w->oom = 1;
      return 0;
    }
    for (size_t i = 0; w->set && i <= w->mask; i++) {
      uintptr_t p = w->set[i];
      if (!p) continue;
      size_t j = ptr_hash(p) & nmask;
      while (ns[j]) j = (j + 1) & nmask;
      ns[j] = p;
    }
    free(w->set);
    w->set = ns;
    w->mask = nmask;
  }
  uintptr_t p = (uintptr_t)o;
  size_t j = ptr_hash(p) & w->mask;
  for (; w->set[j]; j = (j + 1) & w->mask)
    if (w->set[j] == p) return 0;
  w->set[j] = p;
  w->count++;
  return 1;
}

static int visited(const walk *w, Obj *o) {
  if (!w->set) return 0;
  uintptr_t p = (uintptr_t)o;
  for (size_t j = ptr_hash(p) & w->mask; w->set[j]; j = (j + 1) & w->mask)
    if (w->set[j] == p) return 1;
  return 0;
}

static void enqueue(walk *w, Obj *o) {
  if (!o || !visit_mark(w, o)) return;
  if (w->tail == w->cap) {
    /* compact the consumed head, then grow */
    if (w->head) {
      memmove(w->queue, w->queue + w->head, (w->tail - w->head) * sizeof *w->queue);
      w->tail -= w->head;
      w->head = 0;
    }
    if (w->tail == w->cap) {
      size_t cap = w->cap ? w->cap * 2 : 4096;
      Obj **nq = realloc(w->queue, cap * sizeof *nq);
      if (!nq) {
        w->oom = 1;
        return;
      }
      w->queue = nq;
      w->cap = cap;
    }
  }
  w->queue[w->tail++] = o;
}

static void root(walk *w, const char *kind, const char *name, Obj *o) {
  if (!o) return;
  ht_snap_root(kind, name, block_of(o));
  enqueue(w, o);
}

static int walk_visit(Obj *child, EdgeKind k, ssize idx, Obj *name, void *arg) {
  walk *w = arg;
  if (!child) return 0;
  char label[160], fixed[32];
  const char *kind = edge_label(w->cur, child, k, idx, name, label, sizeof label);
  const char *lab = k == EDGE_OTHER && !name ? fix_type_label(w->cur, idx, fixed, sizeof fixed) : NULL;
  ht_snap_edge(w->cur_block, block_of(child), kind, lab ? lab : label);
  w->edges++;
  enqueue(w, child);
  return 0;
}

static void describe_node(walk *w, Obj *o) {
  char repr[128];
  node_repr(w->vm, o, repr, sizeof repr);
  uint64_t blk = block_of(o);
  ht_snap_node(blk, (int)o->type->tag, type_name_of(o), size_of(o), repr);
  if (w->know)
    know(blk, o->type == &List_Type ? (uint64_t)LIST_SIZE(o) : 0);
  w->nodes++;
}

static void drain(walk *w) {
  while (w->head < w->tail && !w->oom) {
    Obj *o = w->queue[w->head++];
    describe_node(w, o);
    w->cur = o;
    w->cur_block = block_of(o);
    traverse_any(o, walk_visit, w);
  }
}

static int unreached_cb(Obj *o, void *arg) {
  walk *w = arg;
  if (!visited(w, o)) root(w, "unreached", "tracked by the collector, reached by no root", o);
  return 0;
}

/* Is M a module of the program (loaded from a file) rather than a builtin? */
static int user_module(ModuleObj *m) {
  if (!m->dict || !dict_check(m->dict)) return 0;
  ssize pos = 0;
  Obj *k, *v;
  while (dict_next(m->dict, &pos, &k, &v))
    if (str_check(k) && str_eq_cstr(k, "__file__")) return 1;
  return 0;
}

static void add_roots(walk *w, Obj *extra, GCHead *garbage) {
  VM *vm = w->vm;
  char name[256];
  /* user roots */
  if (vm->modules && dict_check(vm->modules)) {
    ssize pos = 0;
    Obj *k, *v;
    while (dict_next(vm->modules, &pos, &k, &v)) {
      if (v->type != &Module_Type || !user_module((ModuleObj *)v)) continue;
      snprintf(name, sizeof name, "%s", str_check(k) ? STR_UTF8(k) : "?");
      root(w, "globals", name, ((ModuleObj *)v)->dict);
    }
  }
  for (FrameObj *f = vm->frame; f; f = f->back) {
    sbuf b = {name, sizeof name, 0};
    name[0] = 0;
    frame_where(f, &b);
    root(w, "frame", name, (Obj *)f);
  }
  if (extra) root(w, "temp", "result of the builtin call that just returned", extra);
  if (vm->exc) root(w, "exception", "being raised", vm->exc);
  if (vm->handled_exc) root(w, "exception", "being handled", vm->handled_exc);
  /* VM internals */
  root(w, "internal", "sys.modules", vm->modules);
  if (vm->modules && dict_check(vm->modules)) {
    ssize pos = 0;
    Obj *k, *v;
    while (dict_next(vm->modules, &pos, &k, &v)) {
      if (v->type == &Module_Type && user_module((ModuleObj *)v)) continue;
      snprintf(name, sizeof name, "module %s", str_check(k) ? STR_UTF8(k) : "?");
      root(w, "internal", name, v);
    }
  }
  root(w, "internal", "builtins", vm->builtins);
  root(w, "internal", "__main__", vm->main_module);
  root(w, "internal", "interned strings", vm->interned);
  root(w, "internal", "empty str", vm->empty_str);
  root(w, "internal", "empty tuple", vm->empty_tuple);
  for (int i = 0; i < 128; i++) root(w, "internal", "one-character strings", vm->char_cache[i]);
  root(w, "internal", "preallocated MemoryError", vm->nomem_exc);
  root(w, "internal", "sys.argv", vm->argv);
  root(w, "internal", "script folder", vm->script_dir);
  root(w, "internal", "source line cache", vm->source_cache);
  root(w, "internal", "main script source", vm->main_source);
  root(w, "internal", "sys.stdout", vm->sys_stdout);
  root(w, "internal", "sys.stderr", vm->sys_stderr);
  for (ssize i = 0; i < vm->nready_types; i++) {
    TypeObj *t = vm->ready_types[i];
    snprintf(name, sizeof name, "type %s", t->name ? t->name : "?");
    root(w, "internal", name, (Obj *)t);
  }
  drain(w);
  /* what the collector is about to free */
  if (garbage) {
    for (GCHead *g = garbage->next; g != garbage; g = g->next)
      if (!visited(w, GC_OBJ(g)))
        root(w, "garbage", "found unreachable by the cycle collector", GC_OBJ(g));
    drain(w);
  }
  gc_foreach(vm, unreached_cb, w);
  drain(w);
}

/* Take one snapshot.  Returns 0 on success. */
static int take(VM *vm, int trigger, const char *label, Obj *extra, GCHead *garbage,
                int candidate) {
  if (!C.active || C.busy || !ht_snap_active()) return 0;
  C.busy = 1;
  walk w;
  memset(&w, 0, sizeof w);
  w.vm = vm;
  /* --refs: a permanent snapshot restarts the set of described blocks, so a
  ** replay from it describes everything the snapshot lacks */
  w.know = C.refs && !candidate;
  if (w.know) forget_all();
  uint64_t live = live_object_bytes();
  int rc = -1;
  if (ht_snap_begin(trigger, label, live, candidate, NULL) == 0) {
    add_roots(&w, extra, garbage);
    rc = ht_snap_end();
    C.last_nodes = w.nodes;
    if (w.oom)
      fprintf(stderr, "heaptrail: out of memory during a heap snapshot; it is partial\n");
  }
  free(w.set);
  free(w.queue);
  C.last_seq = ht_rec_seq();      /* our own SNAPSHOT event is not news */
  C.busy = 0;
  return rc;
}

/* ------------------------------------------------------------------ */
/* Triggers                                                           */
/* ------------------------------------------------------------------ */

int snap_take(VM *vm, const char *label) {
  if (!C.active) return 0;
  take(vm, HT_SNAP_EXPLICIT, label, NULL, NULL, 0);
  return 0;
}

/* The running frame's value stack is visible only while F->sp is set; poll
** points pass what they hold in EXTRA. */
static void poll(VM *vm, Obj *extra, int at_return) {
  if (!C.active || C.busy) return;
  uint64_t seq = ht_rec_seq();
  /* Summing the counters costs more than the rest: do it when 8 events
  ** passed since the last sum, or at the end of a call while the heap was
  ** rising (so the top of a climb is caught at its first return). */
  if (seq - C.last_seq < 8 && !(at_return && C.rising && seq != C.last_seq)) {
    if (!(C.every && seq >= C.next_every)) return;
  }
  C.last_seq = seq;
  if (C.every && seq >= C.next_every) {
    C.next_every = seq + C.every;
    char label[64];
    snprintf(label, sizeof label, "every %llu events", (unsigned long long)C.every);
    take(vm, HT_SNAP_EVERY, label, extra, NULL, 0);
  }
  if (!C.at_peak) return;
  uint64_t live = live_object_bytes();
  C.rising = live > C.max_seen;
  if (live < C.max_seen || (live == C.max_seen && !at_return)) return;
  C.max_seen = live;
  char label[80];
  if (live >= C.persist_at) {
    snprintf(label, sizeof label, "peak %llu bytes", (unsigned long long)live);
    take(vm, HT_SNAP_PEAK, label, extra, NULL, 0);
    if (C.have_cand) ht_snap_drop_candidate();
    C.have_cand = 0;
    C.persist_at = live + persist_step(live);
    C.cand_bytes = live;
  } else if (!C.refs) {
    /* with --refs the exact peak comes from the replay: no candidates.
    ** Candidates may walk 100000 nodes plus one per 64 events so far (a
    ** node costs about four events' worth of recording: about 6% more
    ** time at most); a budget in work, not time, so the same run takes the
    ** same snapshots. */
    uint64_t budget = 100000 + seq / 64;
    if (C.cand_nodes >= budget ||
        live < C.cand_bytes + cand_step(C.cand_bytes, at_return, C.cand_nodes, budget))
      return;
    snprintf(label, sizeof label, "peak %llu bytes", (unsigned long long)live);
    if (take(vm, HT_SNAP_PEAK, label, extra, NULL, 1) == 0) {
      C.have_cand = 1;
      C.cand_bytes = live;
    }
    C.cand_nodes += C.last_nodes;
  }
}

/* The running frame's value stack is visible only while F->sp is set; poll
** points pass what they hold in EXTRA. */
void snap_poll(VM *vm, Obj *extra) { poll(vm, extra, 0); }

void snap_poll_return(VM *vm) {
  if (C.at_peak || C.every) poll(vm, NULL, 1);
}

void snap_at_gc(VM *vm, int generation, GCHead *unreachable) {
  if (!C.active || !C.at_gc || C.busy) return;
  size_t n = 0;
  for (GCHead *g = unreachable->next; g != unreachable; g = g->next) n++;
  char label[80];
  snprintf(label, sizeof label, "gc generation %d: %zu unreachable", generation, n);
  take(vm, HT_SNAP_GC, label, NULL, unreachable, 0);
}

void snap_at_exit(VM *vm) {
  if (!C.active) return;
  if (C.at_exit) take(vm, HT_SNAP_EXIT, "", NULL, NULL, 0);
  if (C.have_cand) ht_snap_keep_candidate();
  C.have_cand = 0;
  C.active = 0;
  update_hooks();
  track(0);
}

int snap_finish(const char *profile, int recorded_ok) {
  track(0);
  if (!ht_snap_active()) {
    if (ht_snap_error()[0]) fprintf(stderr, "heaptrail: %s\n", ht_snap_error());
    ht_snap_discard();
    return ht_snap_error()[0] ? -1 : 0;
  }
  C.active = 0;
  update_hooks();
  if (!recorded_ok) {
    ht_snap_discard();
    return -1;
  }
  char err[1024];
  if (ht_snap_store(profile, err, sizeof err)) {
    fprintf(stderr, "heaptrail: the heap snapshots could not be stored in '%s': %s\n", profile,
            err);
    return -1;
  }
  return 0;
}

/* ------------------------------------------------------------------ */
/* --refs                                                             */
/* ------------------------------------------------------------------ */

typedef struct dstack {
  Obj **v;
  size_t n, cap;
  int oom;
} dstack;

static void dpush(dstack *s, Obj *o) {
  if (s->n == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 256;
    Obj **nv = realloc(s->v, cap * sizeof *nv);
    if (!nv) {
      s->oom = 1;
      return;
    }
    s->v = nv;
    s->cap = cap;
  }
  s->v[s->n++] = o;
}

typedef struct dctx {
  Obj *src;                    /* the object being described */
  uint64_t src_block;
  dstack *todo;                /* unknown children to describe next */
} dctx;

static int describe_visit(Obj *child, EdgeKind k, ssize idx, Obj *name, void *arg) {
  dctx *d = arg;
  if (!child) return 0;
  char label[160], fixed[32];
  const char *kind = edge_label(d->src, child, k, idx, name, label, sizeof label);
  const char *lab = k == EDGE_OTHER && !name ? fix_type_label(d->src, idx, fixed, sizeof fixed) : NULL;
  ht_snap_edge(d->src_block, block_of(child), kind, lab ? lab : label);
  if (!known(block_of(child), NULL)) dpush(d->todo, child);
  return 0;
}

/* Log a full description of O (even if it was described before) and of
** every object it reaches that the log has not described yet. */
static void describe(VM *vm, Obj *o) {
  dstack todo = {0};
  C.busy = 1;
  dpush(&todo, o);
  int first = 1;
  while (todo.n && !todo.oom) {
    Obj *x = todo.v[--todo.n];
    uint64_t blk = block_of(x);
    if (!first && known(blk, NULL)) continue;
    first = 0;
    know(blk, x->type == &List_Type ? (uint64_t)LIST_SIZE(x) : 0);
    char repr[128];
    node_repr(vm, x, repr, sizeof repr);
    ht_snap_describe(blk, (int)x->type->tag, type_name_of(x), size_of(x), repr);
    dctx d = {x, blk, &todo};
    traverse_any(x, describe_visit, &d);
    ht_snap_describe_end();
  }
  free(todo.v);
  C.busy = 0;
}

/* Make sure O is described (once per lifetime). */
static void ensure(VM *vm, Obj *o) {
  if (o && !known(block_of(o), NULL)) describe(vm, o);
}

static int count_visit(Obj *child, EdgeKind k, ssize idx, Obj *name, void *arg) {
  (void)child; (void)k; (void)idx; (void)name;
  return ++*(size_t *)arg > REDESCRIBE_MAX;
}

/* O's references changed in a way we cannot name: describe it again when it
** is small, else mark it stale. */
static void redescribe(VM *vm, Obj *o) {
  if (!known(block_of(o), NULL)) {
    describe(vm, o);
    return;
  }
  size_t n = 0;
  if (traverse_any(o, count_visit, &n)) ht_snap_ref_stale(block_of(o));
  else describe(vm, o);
}

/* SRC's edge (KIND, LABEL) now points to DST (NULL: gone). */
static void log_set(VM *vm, Obj *src, const char *kind, const char *label, Obj *dst) {
  if (!known(block_of(src), NULL)) {
    describe(vm, src);            /* covers DST too */
    return;
  }
  ensure(vm, dst);
  ht_snap_ref_set(block_of(src), kind, label, dst ? block_of(dst) : 0);
}

void snap_ref_local(VM *vm, FrameObj *f, int slot) {
  if (!C.active || C.busy) return;
  CodeObj *co = f->code;
  Obj *v = f->localsplus[slot];
  int firstfree = co->nlocalsplus - co->nfreevars;
  EdgeKind k = slot < co->nlocals ? EDGE_LOCAL : slot >= firstfree ? EDGE_FREEVAR : EDGE_CELLVAR;
  if (slot < co->nlocals && v && v->type == &Cell_Type) k = EDGE_CELLVAR;
  char label[160];
  const char *kind = edge_label((Obj *)f, v, k, slot, code_slot_name(co, slot), label,
                                sizeof label);
  log_set(vm, (Obj *)f, kind, label, v);
}

void snap_ref_cell(VM *vm, Obj *cell) {
  if (!C.active || C.busy || !cell) return;
  log_set(vm, cell, "contents", "cell_contents", ((CellObj *)cell)->ref);
}

/* Keys whose hash and equality run no Python code. */
static int plain_key(Obj *k) {
  TypeObj *t = k->type;
  return t == &Str_Type || t == &Int_Type || t == &Bool_Type || t == &Float_Type || k == None;
}

void snap_ref_dict(VM *vm, Obj *dict, Obj *key) {
  if (!C.active || C.busy || !dict) return;
  if (dict->type != &Dict_Type || !key || !plain_key(key)) {
    redescribe(vm, dict);
    return;
  }
  Obj *exc = vm->exc;             /* dict_get never raises for plain keys */
  Obj *v = dict_get(vm, dict, key);
  if (vm->exc != exc) {
    vm_exc_clear(vm);
    if (exc) vm_exc_restore(vm, incref(exc));
    redescribe(vm, dict);
    return;
  }
  char label[160];
  const char *kind = edge_label(dict, key, EDGE_KEY, 0, NULL, label, sizeof label);
  log_set(vm, dict, kind, label, v ? key : NULL);
  if (!known(block_of(dict), NULL)) return;
  kind = edge_label(dict, v, EDGE_VALUE, 0, key, label, sizeof label);
  log_set(vm, dict, kind, label, v);
}

void snap_ref_attr(VM *vm, Obj *owner, Obj *name) {
  if (!C.active || C.busy || !owner) return;
  TypeObj *t = owner->type;
  if (t == &Module_Type && ((ModuleObj *)owner)->dict) {
    snap_ref_dict(vm, ((ModuleObj *)owner)->dict, name);
  } else if ((t == &Type_Type || (t->flags & TF_TYPE_SUBCLASS)) && ((TypeObj *)owner)->dict) {
    snap_ref_dict(vm, ((TypeObj *)owner)->dict, name);
  } else if (t == &Function_Type && ((FunctionObj *)owner)->dict) {
    snap_ref_dict(vm, ((FunctionObj *)owner)->dict, name);
    redescribe(vm, owner);
  } else if (t->dictoffset > 0 && *(Obj **)((char *)owner + t->dictoffset)) {
    Obj *d = *(Obj **)((char *)owner + t->dictoffset);
    if (!known(block_of(owner), NULL)) {
      describe(vm, owner);
    } else if (!known(block_of(d), NULL)) {
      /* the store made the instance's __dict__ */
      log_set(vm, owner, "dict", "__dict__", d);
    } else {
      snap_ref_dict(vm, d, name);
    }
  } else {
    redescribe(vm, owner);
  }
}

void snap_ref_item(VM *vm, Obj *container, Obj *key) {
  if (!C.active || C.busy || !container) return;
  TypeObj *t = container->type;
  if (t == &List_Type && key && (key->type == &Int_Type || key->type == &Bool_Type) &&
      int_fits_i64(key)) {
    int64_t i = int_as_i64_unchecked(key);
    if (i < 0) i += LIST_SIZE(container);
    uint64_t known_len;
    if (i >= 0 && i < LIST_SIZE(container) && known(block_of(container), &known_len) &&
        (ssize)known_len == LIST_SIZE(container)) {
      char label[48];
      snprintf(label, sizeof label, "[%lld]", (long long)i);
      log_set(vm, container, "item", label, LIST_ITEMS(container)[i]);
      return;
    }
  } else if (t == &Dict_Type && key) {
    snap_ref_dict(vm, container, key);
    return;
  }
  redescribe(vm, container);
}

/* LIST grew at its end since it was last described: log the new items. */
static void log_tail(VM *vm, Obj *list) {
  uint64_t was;
  if (!known(block_of(list), &was) || (ssize)was > LIST_SIZE(list)) {
    redescribe(vm, list);
    return;
  }
  for (ssize i = (ssize)was; i < LIST_SIZE(list); i++) {
    char label[48];
    snprintf(label, sizeof label, "[%lld]", (long long)i);
    log_set(vm, list, "item", label, LIST_ITEMS(list)[i]);
  }
  know(block_of(list), (uint64_t)LIST_SIZE(list));
}

void snap_ref_append(VM *vm, Obj *list) {
  if (!C.active || C.busy || !list) return;
  if (list->type == &List_Type) log_tail(vm, list);
  else redescribe(vm, list);
}

void snap_after_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs, Obj *res) {
  if (!C.active || C.busy) return;
  if (C.refs) {
    Obj *recv = NULL;
    const char *meth = NULL;
    if (callable->type == &MethodDescr_Type && nargs >= 1) {
      recv = args[0];
      if (callable == C.list_append) meth = "append";
      else if (callable == C.list_extend) meth = "extend";
    } else if (callable->type == &Builtin_Type) {
      BuiltinObj *bi = (BuiltinObj *)callable;
      if (bi->self && bi->self->type != &Module_Type) {
        recv = bi->self;
        meth = bi->def ? bi->def->name : NULL;
      } else if (bi->def && bi->def->name && nargs >= 2 &&
                 (!strcmp(bi->def->name, "setattr") || !strcmp(bi->def->name, "delattr"))) {
        snap_ref_attr(vm, args[0], args[1]);
      }
    }
    if (recv && known(block_of(recv), NULL)) {
      if (recv->type == &List_Type && meth &&
          (!strcmp(meth, "append") || !strcmp(meth, "extend")))
        log_tail(vm, recv);
      else if (recv->type->traverse || recv->type == &Type_Type)
        redescribe(vm, recv);
    }
  }
  if (C.at_peak || C.every) poll(vm, res, 1);   /* the end of a call: a local maximum */
}

void snap_frame_start(VM *vm, FrameObj *f) {
  if (!C.active || C.busy) return;
  if (C.refs) {
    char name[256];
    sbuf b = {name, sizeof name, 0};
    name[0] = 0;
    frame_where(f, &b);
    describe(vm, (Obj *)f);
    ht_snap_ref_root("frame", name, block_of((Obj *)f));
  }
  if (C.at_peak || C.every) snap_poll(vm, NULL);
}
