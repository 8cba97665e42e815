/*
** native.c -- native stacks: captured per event, symbolized at close.
**
** With ht_rec_options.native set, each event also carries the id of its C
** stack.  unw_backtrace() (libunwind's fast trace, about 160 ns for 24
** frames) fills an array of return addresses; the array is interned by hash
** into the `natives` paged table, so an event stores one integer and the
** writer stores each distinct stack once (native_stack.pcs, little-endian
** 64-bit words, innermost first).  The recorder's own frames are dropped.
**
** Symbols are looked up once per distinct address at the end of the run, in
** the recording process (the only place the addresses mean anything):
** dladdr() names the module and exported symbols, and libunwind's
** get_proc_name accessor (which reads the module's ELF symbol table) names
** static functions.  A profile whose run was killed has no symbols.
*/
#define _GNU_SOURCE
#define UNW_LOCAL_ONLY
#include <dlfcn.h>
#include <libunwind.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "rec-internal.h"

/* Frames of the recorder itself at the top of every trace: this function
** and ht_rec_event (emit is inlined into it). */
#define SKIP_FRAMES 2

typedef struct native_key {
  uintptr_t *pcs;              /* frames to look up (borrowed) */
  uint32_t depth;              /* their number */
  uint64_t hash;               /* their hash */
} native_key;

static uint32_t native_hashof(const void *item) {
  return (uint32_t)((const htr_native *)item)->hash;
}

static int native_eq(const void *item, const void *key) {
  const htr_native *a = item;
  const native_key *k = key;
  return a->hash == k->hash && a->depth == k->depth &&
         !memcmp(a->pcs, k->pcs, k->depth * sizeof *k->pcs);
}

void htr_native_free(void *item) { free(((htr_native *)item)->pcs); }

__attribute__((noinline)) uint32_t htr_native_capture(void) {
  void *raw[HTR_NATIVE_MAX + SKIP_FRAMES];
  int n = unw_backtrace(raw, HTR_NATIVE_MAX + SKIP_FRAMES);
  native_key k;
  if (n <= SKIP_FRAMES) return 0;
  k.pcs = (uintptr_t *)(raw + SKIP_FRAMES);
  k.depth = (uint32_t)(n - SKIP_FRAMES);
  k.hash = 0x84222325cbf29ce4ull;
  for (uint32_t i = 0; i < k.depth; i++) k.hash = htr_hash_mix(k.hash, k.pcs[i]) + (k.hash << 7);
  uint32_t id = htr_hash_find(&htr.native_hash, &htr.natives, (uint32_t)k.hash, native_eq, &k);
  if (id) return id;
  uintptr_t *copy = malloc(k.depth * sizeof *copy);
  htr_native *ns = copy ? htr_pages_add(&htr.natives) : NULL;
  if (!ns) {
    free(copy);
    return 0;
  }
  memcpy(copy, k.pcs, k.depth * sizeof *copy);
  ns->pcs = copy;
  ns->depth = k.depth;
  ns->hash = k.hash;
  id = htr.natives.n - 1;
  if (htr_hash_add(&htr.native_hash, &htr.natives, id, (uint32_t)k.hash, native_hashof)) {
    htr.natives.n--;
    free(copy);
    memset(ns, 0, sizeof *ns);
    return 0;
  }
  htr_pages_publish(&htr.natives);
  return id;
}

static int cmp_pc(const void *a, const void *b) {
  uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;
  return x < y ? -1 : x > y;
}

int htr_native_symbolize(sqlite3 *db) {
  uint32_t nstacks = atomic_load(&htr.natives.pub);
  size_t total = 0, n = 0;
  for (uint32_t i = 1; i < nstacks; i++) total += ((htr_native *)htr_pages_at(&htr.natives, i))->depth;
  if (!total) return 0;
  uintptr_t *pcs = malloc(total * sizeof *pcs);
  if (!pcs) {
    htr_set_error("%s: out of memory symbolizing native stacks", htr.path);
    return -1;
  }
  for (uint32_t i = 1; i < nstacks; i++) {
    const htr_native *ns = htr_pages_at(&htr.natives, i);
    memcpy(pcs + n, ns->pcs, ns->depth * sizeof *pcs);
    n += ns->depth;
  }
  qsort(pcs, n, sizeof *pcs, cmp_pc);
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO native_symbol(pc, module, symbol, offset) "
                                  "VALUES(?1, ?2, ?3, ?4)", -1, &st, NULL);
  unw_accessors_t *acc = unw_get_accessors(unw_local_addr_space);
  for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
    if (i && pcs[i] == pcs[i - 1]) continue;
    /* A return address points after the call: look up the byte before it. */
    uintptr_t pc = pcs[i], look = pc ? pc - 1 : pc;
    Dl_info info;
    char name[512];
    const char *module = NULL, *symbol = NULL;
    long long offset = 0;
    memset(&info, 0, sizeof info);
    if (dladdr((void *)look, &info)) {
      module = info.dli_fname;
      if (info.dli_sname && info.dli_saddr) {
        symbol = info.dli_sname;
        offset = (long long)(pc - (uintptr_t)info.dli_saddr);
      }
    }
    unw_word_t off = 0;
    if (!symbol && acc && acc->get_proc_name &&
        acc->get_proc_name(unw_local_addr_space, look, name, sizeof name, &off, NULL) == 0) {
      symbol = name;
      offset = (long long)off + 1;
    }
    sqlite3_bind_int64(st, 1, (sqlite3_int64)pc);
    if (module) sqlite3_bind_text(st, 2, module, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, 2);
    if (symbol) sqlite3_bind_text(st, 3, symbol, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, 3);
    sqlite3_bind_int64(st, 4, offset);
    rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    sqlite3_reset(st);
  }
  if (rc != SQLITE_OK)
    htr_set_error("%s: cannot store native symbols: %s", htr.path, sqlite3_errmsg(db));
  sqlite3_finalize(st);
  free(pcs);
  return rc == SQLITE_OK ? 0 : -1;
}
