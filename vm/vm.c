/*
** vm.c -- the VM's lifecycle: start-up (types, singletons, builtins,
** sys.argv, __main__), running the main script, and a teardown that releases
** every object so the arena's per-tag live counts return to zero.
**
** Start-up order matters: the text component's strings (text_init) and the
** containers' empty tuple (containers_init) come first because readying a
** type interns names and builds dicts and tuples; then every static type is
** readied; then the builtins module, sys.argv and __main__.
**
** Teardown runs in the reverse spirit of CPython's finalize_modules: clear
** the current exception, then every module's dict (values first, so cycles
** through globals break), collect cycles until nothing is left, then release
** the VM-level objects, the static types' dicts, and finally each
** component's cached objects (interned strings last, since dict keys
** everywhere are interned strings).
**
** This file also keeps the C-recursion guard and the recorder's stack
** callback: each event asks for the current script stack, which is the
** chain of running frames; a frame caches its node for its current line, and
** interning a new node costs one ht_rec_stack() call.
*/
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <sys/resource.h>
#include "frame.h"
#include "gc.h"
#include "str.h"
#include "containers.h"
#include "modules.h"
#include "recorder.h"
#if __has_include("compile.h")
#include "compile.h"
#else
Obj *compile_module(VM *vm, const char *src, size_t n, Obj *filename);
#endif

void exc_types_prepare(void);

/* Components' lifecycle hooks: each exists only if that component needs
** it, so they are weak references. */
extern void text_init(VM *vm) __attribute__((weak));
extern void text_fini(VM *vm) __attribute__((weak));
extern void containers_init(VM *vm) __attribute__((weak));
extern void containers_fini(VM *vm) __attribute__((weak));
extern void numbers_init(VM *vm) __attribute__((weak));
extern void numbers_fini(VM *vm) __attribute__((weak));
extern void modules_fini(VM *vm) __attribute__((weak));
extern void frontend_fini(VM *vm) __attribute__((weak));

/* ------------------------------------------------------------------ */
/* The C recursion guard                                              */
/* ------------------------------------------------------------------ */

static void set_stack_limit(VM *vm) {
  char *here = __builtin_frame_address(0);
  struct rlimit rl;
  size_t size = 8u << 20;
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
    size = (size_t)rl.rlim_cur;
  if (size > (256u << 20)) size = 256u << 20;
  /* keep a quarter (at least 256 KB) for the deepest C calls */
  size_t margin = size / 4;
  if (margin < (256u << 10)) margin = 256u << 10;
  vm->c_stack_limit = here - (size - margin);
}

int vm_enter_recursive(VM *vm, const char *where) {
  char probe;
  if (vm->depth >= vm->recursion_limit || &probe < vm->c_stack_limit) {
    vm_raise(vm, &Exc_RecursionError, "maximum recursion depth exceeded%s", where);
    return -1;
  }
  vm->depth++;
  return 0;
}

void vm_leave_recursive(VM *vm) { vm->depth--; }

/* ------------------------------------------------------------------ */
/* Output                                                             */
/* ------------------------------------------------------------------ */

int vm_write_stdout(VM *vm, const char *s, size_t n) {
  FILE *out = vm->out ? vm->out : stdout;
  if (n && fwrite(s, 1, n, out) != n) {
    vm_raise(vm, &Exc_OSError, "[Errno %d] %s", errno, strerror(errno));
    return -1;
  }
  return 0;
}

/* ------------------------------------------------------------------ */
/* Start-up                                                           */
/* ------------------------------------------------------------------ */

static int setup_main(VM *vm, const char *script) {
  Obj *name = str_intern_cstr(vm, "__main__");
  if (!name) return -1;
  Obj *m = module_new_named(vm, name);
  if (!m) return -1;
  vm->main_module = m;
  Obj *d = ((ModuleObj *)m)->dict;
  Obj *bmod = dict_get_cstr(vm, vm->modules, "builtins");
  Obj *ann = dict_new(vm);
  if (!ann) return -1;
  int ra = dict_set_cstr(vm, d, "__annotations__", ann);
  decref(vm, ann);
  if (ra < 0) return -1;
  if (!bmod || dict_set_cstr(vm, d, "__builtins__", bmod) < 0) return -1;
  if (script) {
    Obj *file = str_from_cstr(vm, script);
    if (!file) return -1;
    int r = dict_set_cstr(vm, d, "__file__", file);
    decref(vm, file);
    if (r < 0 || dict_set_cstr(vm, d, "__cached__", None) < 0) return -1;
  }
  return dict_set(vm, vm->modules, name, m);
}

VM *vm_new(int argc, char **argv, const char *script) {
  if (ht_arena_init() != 0) return NULL;
  VM *vm = ht_calloc(HT_TAG_VMINTERNAL, sizeof(VM));
  if (!vm) return NULL;
  gc_init(vm);
  vm->recursion_limit = 1000;
  vm->out = stdout;
  vm->err = stderr;
  set_stack_limit(vm);

  if (text_init) text_init(vm);
  if (containers_init) containers_init(vm);
  if (numbers_init) numbers_init(vm);
  if (!vm->empty_tuple) goto fail;
  exc_types_prepare();
  if (types_ready_all(vm) < 0) goto fail;
  vm->str_main = str_intern_cstr(vm, "__main__");
  vm->str_name = str_intern_cstr(vm, "__name__");
  vm->str_doc = str_intern_cstr(vm, "__doc__");
  vm->str_builtins_key = str_intern_cstr(vm, "__builtins__");
  vm->str_init = str_intern_cstr(vm, "__init__");
  vm->str_new = str_intern_cstr(vm, "__new__");
  if (!vm->str_main || !vm->str_name || !vm->str_doc || !vm->str_builtins_key ||
      !vm->str_init || !vm->str_new)
    goto fail;
  vm->nomem_exc = exc_new(vm, &Exc_MemoryError, vm->empty_tuple);
  if (!vm->nomem_exc) goto fail;

  vm->modules = dict_new(vm);
  if (!vm->modules) goto fail;
  /* sys.argv before the builtins: sys may be imported by builtins_init */
  vm->argv = list_new(vm, 0);
  if (!vm->argv) goto fail;
  for (int i = 0; i < argc; i++) {
    Obj *a = str_new_replace(vm, argv[i], strlen(argv[i]));
    if (!a || list_append(vm, vm->argv, a) < 0) {
      xdecref(vm, a);
      goto fail;
    }
    decref(vm, a);
  }
  if (argc == 0) {
    Obj *a = str_from_cstr(vm, "");
    if (!a || list_append(vm, vm->argv, a) < 0) {
      xdecref(vm, a);
      goto fail;
    }
    decref(vm, a);
  }
  {
    /* the script's folder, for `import sibling` */
    const char *s = script ? script : "";
    const char *slash = strrchr(s, '/');
    vm->script_dir = slash ? str_new(vm, s, (size_t)(slash - s == 0 ? 1 : slash - s))
                           : str_from_cstr(vm, ".");
    if (!vm->script_dir) goto fail;
  }
  {
    Obj *bmod = builtins_init(vm);
    if (!bmod) goto fail;
    vm->builtins = incref(((ModuleObj *)bmod)->dict);
    int r = dict_set_cstr(vm, vm->modules, "builtins", bmod);
    decref(vm, bmod);
    if (r < 0) goto fail;
  }
  if (setup_main(vm, script) < 0) goto fail;
  return vm;
fail:
  if (vm->exc) vm_print_exception(vm);
  vm_free(vm);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Teardown                                                           */
/* ------------------------------------------------------------------ */

static void clear_module_dicts(VM *vm) {
  if (!vm->modules) return;
  Obj *mods = dict_values_list(vm, vm->modules);
  if (!mods) {
    vm_exc_clear(vm);
    return;
  }
  /* __main__ first, builtins last, as CPython's finalize_modules */
  for (int pass = 0; pass < 3; pass++) {
    for (ssize i = 0; i < LIST_SIZE(mods); i++) {
      Obj *m = LIST_ITEMS(mods)[i];
      if (m->type != &Module_Type) continue;
      ModuleObj *mo = (ModuleObj *)m;
      bool is_main = m == vm->main_module;
      bool is_builtins = mo->dict == vm->builtins;
      if ((pass == 0) != is_main) continue;
      if (pass == 1 && is_builtins) continue;
      if (pass == 2 && !is_builtins) continue;
      if (mo->dict) dict_clear(vm, mo->dict);
    }
  }
  decref(vm, mods);
  vm_exc_clear(vm);
}

void vm_free(VM *vm) {
  if (!vm) return;
  ht_rec_set_stack_fn(NULL, NULL);
  if (vm->out) fflush(vm->out);
  vm_exc_clear(vm);
  obj_setref(vm, &vm->handled_exc, NULL);
  if (vm->main_module && ((ModuleObj *)vm->main_module)->dict)
    dict_clear(vm, ((ModuleObj *)vm->main_module)->dict);
  /* the script's cycles go first, while builtins still exist: a suspended
  ** generator's finally or a __del__ may print */
  gc_collect_all(vm);
  clear_module_dicts(vm);
  gc_collect_all(vm);
  vm_exc_clear(vm);
  if (modules_fini) modules_fini(vm);
  if (frontend_fini) frontend_fini(vm);
  obj_setref(vm, &vm->main_module, NULL);
  if (vm->modules) dict_clear(vm, vm->modules);
  obj_setref(vm, &vm->modules, NULL);
  obj_setref(vm, &vm->builtins, NULL);
  obj_setref(vm, &vm->argv, NULL);
  obj_setref(vm, &vm->script_dir, NULL);
  obj_setref(vm, &vm->main_source, NULL);
  obj_setref(vm, &vm->nomem_exc, NULL);
  exc_fini(vm);
  gc_collect_all(vm);
  vm_exc_clear(vm);
  types_fini(vm);
  gc_collect_all(vm);
  if (numbers_fini) numbers_fini(vm);
  if (containers_fini) containers_fini(vm);
  if (text_fini) text_fini(vm);
  ht_free(HT_TAG_VMINTERNAL, vm, sizeof(VM));
}

/* ------------------------------------------------------------------ */
/* Running                                                            */
/* ------------------------------------------------------------------ */

/* Print the pending exception and turn it into an exit status. */
static int status_from_exception(VM *vm) {
  if (vm_exc_matches(vm, &Exc_SystemExit)) return exc_system_exit_status(vm);
  vm_print_exception(vm);
  return 1;
}

int vm_run_main(VM *vm, const char *filename, const char *source, size_t nbytes) {
  Obj *fname = str_new_replace(vm, filename, strlen(filename));
  if (!fname) return status_from_exception(vm);
  Obj *code = compile_module(vm, source, nbytes, fname);
  decref(vm, fname);
  if (!code) {
    if (!vm_exc_occurred(vm))
      vm_raise(vm, &Exc_RuntimeError, "compilation failed without an error");
    return status_from_exception(vm);
  }
  Obj *globals = ((ModuleObj *)vm->main_module)->dict;
  FrameObj *f = frame_new(vm, (CodeObj *)code, NULL, globals, vm->builtins, globals);
  decref(vm, code);
  if (!f) return status_from_exception(vm);
  Obj *r = vm_eval(vm, f);
  int status = 0;
  if (!r) status = status_from_exception(vm);
  else decref(vm, r);
  if (vm->out && fflush(vm->out) != 0 && status == 0) {
    fprintf(vm->err ? vm->err : stderr,
            "Exception ignored on flushing sys.stdout: %s\n", strerror(errno));
    status = 120;
  }
  return status;
}

/* ------------------------------------------------------------------ */
/* The recorder's stack callback                                      */
/* ------------------------------------------------------------------ */

/* frame_line(F), inline: the recorder asks on every event.  The same
** lookup as code_line() (func.c): one int32 per code unit in linetable. */
static inline int rec_frame_line(FrameObj *f) {
  CodeObj *co = f->code;
  ssize i = f->ip - co->xcode;
  if (__builtin_expect((size_t)i >= (size_t)co->ncode, 0)) return frame_line(f);
  return ((const int32_t *)((BytesObj *)co->linetable)->data)[i];
}

static uint32_t node_of(FrameObj *f, uint32_t parent) {
  CodeObj *co = f->code;
  if (!co->rec_code_id)
    co->rec_code_id = ht_rec_code(STR_UTF8(co->filename), STR_UTF8(co->qualname),
                                  co->firstlineno);
  int line = rec_frame_line(f);
  f->rec_node = ht_rec_stack(parent, co->rec_code_id, (uint32_t)(line > 0 ? line : 0));
  f->rec_line = line;
  return f->rec_node;
}

static inline bool cached(FrameObj *f) {
  return f->rec_node && f->rec_line == rec_frame_line(f);
}

static uint32_t frame_node(FrameObj *f) {
  FrameObj *chain[64];
  int n = 0;
  FrameObj *g = f;
  while (g && !cached(g) && n < 64) {
    chain[n++] = g;
    g = g->back;
  }
  uint32_t parent;
  if (!g) parent = 0;
  else if (cached(g)) parent = g->rec_node;
  else parent = frame_node(g);      /* more than 64 uncached frames */
  for (int i = n - 1; i >= 0; i--) parent = node_of(chain[i], parent);
  return parent;
}

uint32_t vm_stack_node(void *ud);
uint32_t vm_stack_node(void *ud) {
  VM *vm = ud;
  FrameObj *f = vm->frame;
  if (!f || !f->code) return 0;
  if (__builtin_expect(cached(f), 1)) return vm->stack_node_cache = f->rec_node;  /* most events */
  uint32_t n = frame_node(f);
  vm->stack_node_cache = n;
  return n;
}
