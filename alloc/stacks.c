/*
** stacks.c -- interning of code locations and script-stack nodes.
**
** A script stack is a path in a tree whose nodes are (parent, code, line), as
** in memray and tracemalloc: pushing a frame or moving to another line moves a
** cursor in the tree, and an event stores the cursor, one integer.  Codes and
** nodes live in paged arrays (rec-internal.h) so the writer can store new rows
** while the VM keeps appending; lookups go through open-addressing hashes of
** ids, owned by the VM thread.
*/
#include <stdlib.h>
#include <string.h>
#include "rec-internal.h"

int htr_pages_init(htr_pages *pg, size_t elsize) {
  pg->page = calloc(HTR_MAX_PAGES, sizeof *pg->page);
  if (!pg->page) return -1;
  pg->elsize = elsize;
  pg->n = 0;
  if (!htr_pages_add(pg)) return -1;   /* item 0 is reserved */
  htr_pages_publish(pg);
  return 0;
}

void *htr_pages_add(htr_pages *pg) {
  uint32_t i = pg->n, p = i >> HTR_PAGE_SHIFT;
  if (p >= HTR_MAX_PAGES) return NULL;
  if (!pg->page[p]) {
    pg->page[p] = calloc(HTR_PAGE_ITEMS, pg->elsize);
    if (!pg->page[p]) return NULL;
  }
  pg->n = i + 1;
  return htr_pages_at(pg, i);
}

void htr_pages_free(htr_pages *pg, void (*fini)(void *item)) {
  if (!pg->page) return;
  if (fini)
    for (uint32_t i = 1; i < pg->n; i++) fini(htr_pages_at(pg, i));
  for (uint32_t p = 0; p < HTR_MAX_PAGES && pg->page[p]; p++) free(pg->page[p]);
  free(pg->page);
  memset(pg, 0, sizeof *pg);
}

uint32_t htr_hash_mix(uint64_t a, uint64_t b) {
  uint64_t h = a * 0x9e3779b97f4a7c15ull ^ (b + 0x632be59bd9b4e019ull);
  h ^= h >> 31;
  h *= 0xd6e8feb86659fd93ull;
  h ^= h >> 32;
  return (uint32_t)h;
}

uint32_t htr_hash_find(const htr_hash *h, const htr_pages *pg, uint32_t hash,
                       int (*eq)(const void *item, const void *key), const void *key) {
  if (!h->slot) return 0;
  for (uint32_t i = hash & h->mask;; i = (i + 1) & h->mask) {
    uint32_t id = h->slot[i];
    if (!id) return 0;
    if (eq(htr_pages_at(pg, id), key)) return id;
  }
}

static void hash_put(uint32_t *slot, uint32_t mask, uint32_t id, uint32_t hash) {
  uint32_t i = hash & mask;
  while (slot[i]) i = (i + 1) & mask;
  slot[i] = id;
}

int htr_hash_add(htr_hash *h, const htr_pages *pg, uint32_t id, uint32_t hash,
                 uint32_t (*hashof)(const void *item)) {
  if (!h->slot || (h->count + 1) * 2 > h->mask + 1) {
    uint32_t cap = h->slot ? (h->mask + 1) * 2 : 1024;
    uint32_t *s = calloc(cap, sizeof *s);
    if (!s) return -1;
    if (h->slot) {
      for (uint32_t i = 0; i <= h->mask; i++)
        if (h->slot[i]) hash_put(s, cap - 1, h->slot[i], hashof(htr_pages_at(pg, h->slot[i])));
      free(h->slot);
    }
    h->slot = s;
    h->mask = cap - 1;
  }
  hash_put(h->slot, h->mask, id, hash);
  h->count++;
  return 0;
}

void htr_hash_free(htr_hash *h) {
  free(h->slot);
  memset(h, 0, sizeof *h);
}

/* ---- codes ---- */

static uint32_t str_hash(const char *s, uint32_t h) {
  for (; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
  return h;
}

static uint32_t code_hash3(const char *f, const char *q, int line) {
  return htr_hash_mix(str_hash(f, 2166136261u), ((uint64_t)str_hash(q, 2166136261u) << 32) | (uint32_t)line);
}

static uint32_t code_hashof(const void *item) { return ((const htr_code *)item)->hash; }

typedef struct code_key {
  const char *f;               /* filename (borrowed) */
  const char *q;               /* qualname (borrowed) */
  int line;                    /* firstlineno */
} code_key;

static int code_eq(const void *item, const void *key) {
  const htr_code *c = item;
  const code_key *k = key;
  return c->firstlineno == k->line && !strcmp(c->filename, k->f) && !strcmp(c->qualname, k->q);
}

static void code_fini(void *item) {
  htr_code *c = item;
  free(c->filename);
  free(c->qualname);
}

uint32_t ht_rec_code(const char *filename, const char *qualname, int firstlineno) {
  if (atomic_load_explicit(&htr.state, memory_order_relaxed) != HTR_RUNNING) return 0;
  code_key k = { filename ? filename : "", qualname ? qualname : "", firstlineno };
  uint32_t h = code_hash3(k.f, k.q, k.line);
  uint32_t id = htr_hash_find(&htr.code_hash, &htr.codes, h, code_eq, &k);
  if (id) return id;
  char *f = strdup(k.f), *q = strdup(k.q);
  htr_code *c = f && q ? htr_pages_add(&htr.codes) : NULL;
  if (!c) goto oom;
  id = htr.codes.n - 1;
  c->filename = f;
  c->qualname = q;
  c->firstlineno = k.line;
  c->hash = h;
  if (htr_hash_add(&htr.code_hash, &htr.codes, id, h, code_hashof)) {
    htr.codes.n--;          /* not published yet: take it back */
    memset(c, 0, sizeof *c);
    goto oom;
  }
  htr_pages_publish(&htr.codes);
  return id;
oom:
  free(f);
  free(q);
  htr_set_error("out of memory interning a code location");
  return 0;
}

/* ---- stack nodes ---- */

static uint32_t node_hash3(uint32_t parent, uint32_t code, uint32_t line) {
  return htr_hash_mix(parent, ((uint64_t)code << 32) | line);
}

static uint32_t node_hashof(const void *item) {
  const htr_node *n = item;
  return node_hash3(n->parent, n->code, n->line);
}

static int node_eq(const void *item, const void *key) {
  const htr_node *a = item, *b = key;
  return a->parent == b->parent && a->code == b->code && a->line == b->line;
}

static inline htr_ncache *node_cache_at(uint32_t parent, uint32_t code, uint32_t line) {
  uint32_t h = parent * 0x9e3779b1u ^ code * 0x85ebca77u ^ line * 0xc2b2ae3du;
  return &htr.node_cache[(h ^ (h >> 16)) & (HTR_NODE_CACHE - 1)];
}

uint32_t ht_rec_stack(uint32_t parent, uint32_t code, uint32_t line) {
  if (atomic_load_explicit(&htr.state, memory_order_relaxed) != HTR_RUNNING) return 0;
  if (parent >= htr.nodes.n) parent = 0;   /* unknown parent: hang it at the root */
  htr_ncache *c = node_cache_at(parent, code, line);
  if (c->id && c->parent == parent && c->code == code && c->line == line) return c->id;
  htr_node k = { parent, code, line, 0 };
  uint32_t h = node_hash3(parent, code, line);
  uint32_t id = htr_hash_find(&htr.node_hash, &htr.nodes, h, node_eq, &k);
  if (id) {
    *c = (htr_ncache){ parent, code, line, id };
    return id;
  }
  k.depth = parent ? ((htr_node *)htr_pages_at(&htr.nodes, parent))->depth + 1 : 1;
  htr_node *n = htr_pages_add(&htr.nodes);
  if (!n) goto oom;
  id = htr.nodes.n - 1;
  *n = k;
  if (htr_hash_add(&htr.node_hash, &htr.nodes, id, h, node_hashof)) {
    htr.nodes.n--;
    goto oom;
  }
  htr_pages_publish(&htr.nodes);
  *c = (htr_ncache){ parent, code, line, id };
  return id;
oom:
  htr_set_error("out of memory interning a stack node");
  return 0;
}

int htr_intern_init(void) {
  memset(htr.node_cache, 0, sizeof htr.node_cache);
  if (htr_pages_init(&htr.codes, sizeof(htr_code)) ||
      htr_pages_init(&htr.nodes, sizeof(htr_node)) ||
      htr_pages_init(&htr.marks, sizeof(htr_mark)) ||
      htr_pages_init(&htr.natives, sizeof(htr_native)))
    return -1;
  return 0;
}

static void mark_fini(void *item) { free(((htr_mark *)item)->label); }

void htr_intern_free(void) {
  htr_pages_free(&htr.codes, code_fini);
  htr_pages_free(&htr.nodes, NULL);
  htr_pages_free(&htr.marks, mark_fini);
  htr_pages_free(&htr.natives, htr_native_free);
  htr_hash_free(&htr.code_hash);
  htr_hash_free(&htr.node_hash);
  htr_hash_free(&htr.native_hash);
}
