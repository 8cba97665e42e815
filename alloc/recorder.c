/*
** recorder.c -- the VM-thread side of the allocation log (recorder.h).
**
** ht_rec_event() is the hot path: it reads the clock once every
** HTR_CLOCK_EVERY events, asks the VM for the current stack node, appends a
** 16-byte record (rec-internal.h) to the current chunk and publishes the chunk's complete
** prefix with one release store (about 7 ns in all; the writer thread packs
** chunks into the compact format of encode.h, off the VM's time).  A full
** chunk is handed to the writer (writer.c) through a queue; a fresh buffer
** comes back from the free list, or is allocated while fewer than
** HTR_MAX_BUFS exist, or else the VM waits for the writer (back-pressure
** keeps memory bounded).
**
** Signals: the SIGINT/SIGTERM handler never touches SQLite or a lock.  It
** asks the writer (an atomic flag the writer polls at least every 20 ms) to
** store everything published, commit and finalize, waits on a pipe for the
** answer, then re-raises the signal with the default action.  Events are
** published only once complete, so a signal that lands in the middle of
** ht_rec_event loses at most that one event.
*/
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "rec-internal.h"
#include "schema.h"

htr_state htr = { .lock_fd = -1, .sig_pipe = { -1, -1 } };
int ht_rec_active;

uint64_t htr_clock_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void htr_set_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(htr.err, sizeof htr.err, fmt, ap);
  va_end(ap);
}

const char *ht_rec_error(void) { return htr.err; }

uint64_t ht_rec_seq(void) { return htr.seq; }

void ht_rec_set_stack_fn(ht_stack_fn fn, void *ud) {
  htr.stack_fn = fn;
  htr.stack_ud = ud;
}

/* ---- chunk hand-over ---- */

/* Once the signal handlers are installed, the VM thread blocks SIGINT and
** SIGTERM while it holds htr.mu: a handler that interrupted it there would
** wait for a writer that waits for the mutex. */
static int handlers_installed;

static void sig_hold(sigset_t *old) {
  if (handlers_installed) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, old);
  }
}

static void sig_release(const sigset_t *old) {
  if (handlers_installed) pthread_sigmask(SIG_SETMASK, old, NULL);
}

static void buf_start(htr_buf *b) {
  b->next = NULL;
  b->first_seq = htr.seq;
  b->t0 = htr.now;
  b->n = b->nticks = b->nx = 0;
  atomic_store_explicit(&b->pub, 0, memory_order_relaxed);
  htr.buf = b;
  atomic_store_explicit(&htr.cur, b, memory_order_release);
}

/* Queue the current chunk and start a new one. */
static void rec_handoff(void) {
  htr_buf *b = htr.buf, *nb;
  int failed;
  sigset_t old;
  atomic_store_explicit(&htr.cur, NULL, memory_order_release);  /* see writer.c store_partial */
  sig_hold(&old);
  pthread_mutex_lock(&htr.mu);
  if (htr.q_tail) htr.q_tail->next = b;
  else htr.q_head = b;
  htr.q_tail = b;
  pthread_cond_signal(&htr.wake_writer);
  while (!(nb = htr.free_bufs)) {
    if (htr.nbufs < HTR_MAX_BUFS && (nb = malloc(sizeof *nb))) {
      htr.nbufs++;
      nb->next = NULL;
      break;
    }
    pthread_cond_wait(&htr.wake_vm, &htr.mu);
  }
  htr.free_bufs = nb->next;
  failed = htr.failed;
  pthread_mutex_unlock(&htr.mu);
  sig_release(&old);
  buf_start(nb);
  if (failed && ht_rec_active) {
    /* The writer cannot store anything more: stop logging now rather than
    ** letting the run believe it is being recorded. */
    ht_rec_active = 0;
    if (!htr.reported) {
      htr.reported = 1;
      fprintf(stderr, "heaptrail: %s; recording stopped\n", htr.err);
    }
  }
}

static inline __attribute__((always_inline)) void emit(unsigned kind, unsigned tag,
                                                       uint64_t obj, uint64_t old,
                                                       uint64_t size) {
  htr_buf *b = htr.buf;
  uint32_t i = b->n;
  htr_rec *r = &b->rec[i];
  uint32_t native = htr.native && kind != HT_EV_SAMPLE ? htr_native_capture() : 0;
  r->stack = htr.stack_fn ? htr.stack_fn(htr.stack_ud) : 0;
  r->obj = obj;
  uint32_t kt = kind | (tag & 0xff) << 3;
  if (__builtin_expect(size < HTR_SIZE_INLINE && !old && !native, 1)) {
    r->kts = kt | (uint32_t)size << HTR_SIZE_SHIFT;
  } else {
    htr_xrec *x = &b->x[b->nx++];   /* at most one per event: never full */
    x->old = old;
    x->size = size;
    x->native = native;
    r->kts = kt | HTR_X_FLAG;
  }
  b->n = ++i;
  htr.seq++;
  atomic_store_explicit(&b->pub, ((uint64_t)i << 32) | b->nticks, memory_order_release);
  if (i == HTR_CHUNK_EVENTS) rec_handoff();
}

/* Every HTR_CLOCK_EVERY events: read the clock, log a pending sample. */
static void rec_tick(void) {
  uint64_t t = htr_clock_ns() - htr.t_origin;
  htr.tick = HTR_CLOCK_EVERY;
  if (t > htr.now) {
    htr_buf *b = htr.buf;
    htr.now = t;
    if (b->n == 0) {
      b->t0 = t;           /* not published yet: no event has been logged */
    } else if (b->nticks < HTR_MAX_TICKS) {
      b->ticks[b->nticks].at = b->n;
      b->ticks[b->nticks].t = t;
      b->nticks++;         /* published with the next event */
    }
  }
  uint32_t s = atomic_load_explicit(&htr.sample_pending, memory_order_relaxed);
  if (s != htr.sample_emitted) {
    htr.sample_emitted = s;
    emit(HT_EV_SAMPLE, 0, s, 0, 0);
  }
}

void ht_rec_event(ht_event_kind kind, ht_tag tag, uintptr_t obj, uintptr_t old,
                  size_t size) {
  if (!ht_rec_active || htr.in_event || (unsigned)kind > HT_EV_SAMPLE) return;
  htr.in_event = 1;
  if (--htr.tick == 0) rec_tick();
  emit(kind, tag, obj, kind == HT_EV_REALLOC ? old : 0, size);
  htr.in_event = 0;
}

uint32_t ht_rec_mark(const char *label) {
  if (!ht_rec_active || htr.in_event) return 0;
  htr.in_event = 1;
  if (--htr.tick == 0) rec_tick();
  uint32_t id = 0;
  char *copy = strdup(label ? label : "");
  htr_mark *m = copy ? htr_pages_add(&htr.marks) : NULL;
  if (!m) {
    free(copy);
    htr_set_error("out of memory logging a mark");
  } else {
    id = htr.marks.n - 1;
    m->seq = htr.seq;
    m->t = htr.now;
    m->label = copy;
    htr_pages_publish(&htr.marks);
    emit(HT_EV_MARK, 0, id, 0, 0);
  }
  htr.in_event = 0;
  return id;
}

int ht_rec_flush(void) {
  if (atomic_load(&htr.state) != HTR_RUNNING) {
    htr_set_error("no recorder is open");
    return -1;
  }
  if (htr.buf->n) rec_handoff();
  sigset_t old;
  sig_hold(&old);
  pthread_mutex_lock(&htr.mu);
  uint64_t req = ++htr.flush_req;
  pthread_cond_signal(&htr.wake_writer);
  while (htr.flush_done < req && !htr.failed) pthread_cond_wait(&htr.wake_vm, &htr.mu);
  int rc = htr.failed ? -1 : 0;
  pthread_mutex_unlock(&htr.mu);
  sig_release(&old);
  return rc;
}

/* ---- open and close ---- */

static void free_buffers(void) {
  htr_buf *b, *next;
  for (b = htr.q_head; b; b = next) { next = b->next; free(b); }
  for (b = htr.free_bufs; b; b = next) { next = b->next; free(b); }
  free(htr.buf);
  htr.q_head = htr.q_tail = htr.free_bufs = htr.buf = NULL;
  atomic_store(&htr.cur, NULL);
  htr.nbufs = 0;
}

static void release_all(void) {
  free_buffers();
  htr_intern_free();
  for (int i = 0; i < 2; i++)
    if (htr.sig_pipe[i] >= 0) { close(htr.sig_pipe[i]); htr.sig_pipe[i] = -1; }
  if (htr.lock_fd >= 0) { close(htr.lock_fd); htr.lock_fd = -1; }
  pthread_mutex_destroy(&htr.mu);
  pthread_cond_destroy(&htr.wake_writer);
  pthread_cond_destroy(&htr.wake_vm);
  free(htr.path);
  htr.path = NULL;
  atomic_store(&htr.state, HTR_CLOSED);
}

int ht_rec_open(const char *path, const ht_rec_options *opts) {
  static const ht_rec_options defaults;
  if (atomic_load(&htr.state) != HTR_CLOSED) {
    htr_set_error("a recorder is already open");
    return -1;
  }
  if (!opts) opts = &defaults;
  /* Reset everything but the error text. */
  htr.buf = NULL;
  htr.seq = 0;
  htr.now = 0;
  htr.tick = 1;                 /* read the clock on the first event */
  htr.in_event = 0;
  htr.native = opts->native != 0;
  htr.sample_emitted = 0;
  htr.reported = 0;
  htr.q_head = htr.q_tail = htr.free_bufs = NULL;
  htr.nbufs = 0;
  htr.flush_req = htr.flush_done = 0;
  htr.stop = htr.failed = 0;
  htr.err[0] = 0;
  atomic_store(&htr.sample_pending, 0);
  atomic_store(&htr.signal_req, 0);
  htr.flush_ms = opts->flush_ms ? opts->flush_ms : 100;
  htr.sample_ms = opts->sample_ms ? opts->sample_ms : 20;
  htr.lock_fd = -1;
  htr.sig_pipe[0] = htr.sig_pipe[1] = -1;

  pthread_condattr_t ca;
  pthread_condattr_init(&ca);
  pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
  pthread_mutex_init(&htr.mu, NULL);
  pthread_cond_init(&htr.wake_writer, &ca);
  pthread_cond_init(&htr.wake_vm, NULL);
  pthread_condattr_destroy(&ca);
  atomic_store(&htr.state, HTR_CLOSING);   /* not yet RUNNING: no events */

  htr.path = strdup(path ? path : "");
  htr_buf *b = malloc(sizeof *b);
  if (!htr.path || !b || htr_intern_init() || pipe2(htr.sig_pipe, O_CLOEXEC)) {
    free(b);
    htr_set_error("%s: cannot start the recorder: %s", path ? path : "",
                  errno ? strerror(errno) : "out of memory");
    release_all();
    return -1;
  }
  htr.nbufs = 1;
  htr.t_origin = htr_clock_ns();
  buf_start(b);
  if (htr_writer_open(path, opts)) {
    release_all();
    return -1;
  }
  atomic_store(&htr.state, HTR_RUNNING);
  if (htr_writer_start()) {
    htr_writer_close();
    release_all();
    return -1;
  }
  ht_rec_active = 1;
  return 0;
}

int ht_rec_close(int exit_status) {
  if (atomic_load(&htr.state) != HTR_RUNNING) {
    htr_set_error("no recorder is open");
    return -1;
  }
  ht_rec_active = 0;
  atomic_store(&htr.state, HTR_CLOSING);
  if (htr.buf->n) rec_handoff();
  sigset_t old;
  sig_hold(&old);
  pthread_mutex_lock(&htr.mu);
  htr.stop = 1;
  pthread_cond_signal(&htr.wake_writer);
  pthread_mutex_unlock(&htr.mu);
  sig_release(&old);
  int rc = htr_writer_join();
  if (rc == 0) rc = htr_writer_finish(exit_status, 0);
  else htr_writer_close();
  release_all();
  return rc;
}

/* ---- signals ---- */

static void die_by(int sig) {
  sigset_t set;
  signal(sig, SIG_DFL);
  sigemptyset(&set);
  sigaddset(&set, sig);
  pthread_sigmask(SIG_UNBLOCK, &set, NULL);
  raise(sig);
}

/* Wait up to MS (-1: forever) for the writer's byte WANT on the pipe.
** Returns 0, -2 on a timeout, -1 when the writer gave up. */
static int wait_writer(char want, int ms) {
  struct pollfd pfd = { .fd = htr.sig_pipe[0], .events = POLLIN };
  for (;;) {
    int r = poll(&pfd, 1, ms);
    if (r < 0 && errno == EINTR) continue;
    if (r == 0) return -2;
    if (r < 0) return -1;
    char c;
    ssize_t n = read(htr.sig_pipe[0], &c, 1);
    if (n == 1 && c == want) return 0;
    if (n == 1 && c == 'x') return -1;    /* the writer gave up */
    if (n <= 0 && !(n < 0 && errno == EINTR)) return -1;
  }
}

static void say(const char *msg) {
  ssize_t n = write(2, msg, strlen(msg));
  (void)n;
}

static void on_signal(int sig) {
  static volatile sig_atomic_t busy;
  int saved = errno;
  int expected = HTR_RUNNING;
  if (!busy && atomic_compare_exchange_strong(&htr.state, &expected, HTR_SIGNALLED)) {
    busy = 1;
    ht_rec_active = 0;
    atomic_store(&htr.signal_req, sig);
    /* Phase 1: the writer stores what is published and commits (it polls
    ** signal_req at least every 20 ms).  Phase 2: it builds the derived
    ** tables, which takes a while on a big profile; wait as long as it makes
    ** progress.  A second signal aborts the wait (SA_NODEFER). */
    int ok = wait_writer('c', 10000) == 0;
    while (ok) {
      unsigned long before = atomic_load(&ht_derive_progress);
      int r = wait_writer('f', 60000);
      if (r == 0) break;
      if (r == -1 || atomic_load(&ht_derive_progress) == before) ok = 0;
    }
    if (!ok)
      say("heaptrail: could not finalize the profile before exiting; it keeps every "
          "event committed so far, and readers will finalize it\n");
  }
  errno = saved;
  die_by(sig);
}

int ht_rec_install_signal_handlers(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sa.sa_flags = SA_NODEFER;   /* a second signal re-enters and exits at once */
  sigemptyset(&sa.sa_mask);
  handlers_installed = 1;
  if (sigaction(SIGINT, &sa, NULL) || sigaction(SIGTERM, &sa, NULL)) {
    htr_set_error("cannot install signal handlers: %s", strerror(errno));
    return -1;
  }
  return 0;
}
