/*
** main.c -- the `heaptrail` program.
**
**   heaptrail run [-o FILE] [--no-trace] [--native] script.py [args...]
**       Run the script on the VM.  Unless --no-trace, every allocation is
**       recorded into FILE (default: the script's path with .py replaced by
**       .heaptrail.db).  The exit status is the script's: 0, 1 after an
**       uncaught exception (traceback on stderr), or the SystemExit code.
**       The profile is closed -- complete and valid -- whatever the script
**       did.
**   heaptrail dis script.py
**       Print the disassembly of the script and of every code object nested
**       in it, as `python3 -m dis` does (vm/dis.c does the printing).
**   heaptrail sql [options] FILE SQL...
**       Query a profile (alloc/cli-sql.c).
**
** Usage errors exit with status 2, as python3 does for a script it cannot
** open.
*/
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include "frame.h"
#include "str.h"
#include "recorder.h"
#include "profile.h"
#include "analysis.h"
#include "graph.h"        /* heaptrail graph|why (alloc/cli-graph.c) */
#include "snapshot.h"     /* heap snapshots, --refs (vm/snapshot.c) */
#if __has_include("compile.h")
#include "compile.h"
#else
Obj *compile_module(VM *vm, const char *src, size_t n, Obj *filename);
int dis_code(VM *vm, Obj *code);
#endif

uint32_t vm_stack_node(void *ud);

static const char usage_text[] =
  "usage: heaptrail run [-o FILE] [--no-trace] [--native] script.py [args...]\n"
  "         snapshots: [--refs] [--snapshot-every N] [--snapshot-gc] [--no-snapshot-peak] [--no-snapshot-exit]\n"
  "       heaptrail dis script.py\n"
  "       heaptrail sql [--header] [--json] [--check] [--readonly] FILE SQL...\n"
  "       heaptrail report FILE [--format text|json] [--top N]\n"
  "       heaptrail leaks FILE [--format text|json|html] [-o OUT] [--between A B] [--fail-on BYTES]\n"
  "       heaptrail flame FILE --folded [--metric peak|total]\n"
  "       heaptrail diff A B [--format text|json]\n"
  "       heaptrail graph FILE [--at SEQ|--at-peak|--snapshot N] [--root OBJ|--focus OBJ --depth K] [--format dot|json|text]\n"
  "       heaptrail why FILE OBJ [--at SEQ|--at-peak|--snapshot N]\n";

static int usage(FILE *out, int status) {
  fputs(usage_text, out);
  return status;
}

/* The absolute form of PATH, as CPython's _Py_abspath: the working folder
** joined to a relative path, without normalising.  Caller frees. */
static char *abspath(const char *path) {
  if (path[0] == '/') return strdup(path);
  char cwd[4096];
  if (!getcwd(cwd, sizeof cwd)) return strdup(path);
  size_t n = strlen(cwd) + strlen(path) + 2;
  char *r = malloc(n);
  if (r) snprintf(r, n, "%s/%s", cwd, path);
  return r;
}

/* Read PATH whole (malloc'd, NUL-terminated).  NULL with errno set. */
static char *slurp(const char *path, size_t *n) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return NULL;
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  if (!buf) {
    fclose(fp);
    errno = ENOMEM;
    return NULL;
  }
  for (;;) {
    if (len + 1 >= cap) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) {
        free(buf);
        fclose(fp);
        errno = ENOMEM;
        return NULL;
      }
      buf = nb;
      cap *= 2;
    }
    size_t k = fread(buf + len, 1, cap - len - 1, fp);
    if (k == 0) break;
    len += k;
  }
  if (ferror(fp)) {
    int e = errno ? errno : EIO;
    free(buf);
    fclose(fp);
    errno = e;
    return NULL;
  }
  fclose(fp);
  buf[len] = 0;
  *n = len;
  return buf;
}

static char *read_script(const char *script, char **abs, size_t *n) {
  *abs = abspath(script);
  if (!*abs) {
    fprintf(stderr, "heaptrail: out of memory\n");
    return NULL;
  }
  char *src = slurp(*abs, n);
  if (!src)
    fprintf(stderr, "heaptrail: can't open file '%s': [Errno %d] %s\n", *abs,
            errno, strerror(errno));
  return src;
}

static char *default_output(const char *abs) {
  size_t n = strlen(abs);
  char *r = malloc(n + 16);
  if (!r) return NULL;
  memcpy(r, abs, n + 1);
  if (n > 3 && !strcmp(r + n - 3, ".py")) r[n - 3] = 0;
  strcat(r, ".heaptrail.db");
  return r;
}

static char *join_argv(int argc, char **argv) {
  size_t n = 1;
  for (int i = 0; i < argc; i++) n += strlen(argv[i]) + 1;
  char *r = malloc(n);
  if (!r) return NULL;
  r[0] = 0;
  for (int i = 0; i < argc; i++) {
    if (i) strcat(r, " ");
    strcat(r, argv[i]);
  }
  return r;
}

static int cmd_run(int argc, char **argv) {
  const char *out = NULL;
  bool trace = true, native = false;
  int i = 1, k;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-o")) {
      if (++i >= argc) {
        fprintf(stderr, "heaptrail run: -o needs a file name\n");
        return usage(stderr, 2);
      }
      out = argv[i];
    } else if (!strncmp(a, "-o", 2) && a[2]) {
      out = a + 2;
    } else if (!strncmp(a, "--output=", 9)) {
      out = a + 9;
    } else if (!strcmp(a, "--no-trace")) {
      trace = false;
    } else if (!strcmp(a, "--native")) {
      native = true;
    } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      return usage(stdout, 0);
    } else if ((k = snap_run_option(argc, argv, i)) != 0) { /* vm/snapshot.c */
      if (k < 0) return usage(stderr, 2);
      i += k - 1;
    } else if (!strcmp(a, "--")) {
      i++;
      break;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "heaptrail run: unknown option %s\n", a);
      return usage(stderr, 2);
    } else {
      break;
    }
  }
  if (i >= argc) {
    fprintf(stderr, "heaptrail run: no script given\n");
    return usage(stderr, 2);
  }
  const char *script = argv[i];
  char *abs = NULL;
  size_t n = 0;
  char *src = read_script(script, &abs, &n);
  if (!src) {
    free(abs);
    return 2;
  }
  char *outpath = NULL;
  if (trace) {
    outpath = out ? strdup(out) : default_output(abs);
    char *cmdline = join_argv(argc - i, argv + i);
    ht_rec_options opts;
    memset(&opts, 0, sizeof opts);
    opts.native = native;
    opts.script = abs;
    opts.argv = cmdline;
    if (!outpath || ht_rec_open(outpath, &opts) != 0) {
      fprintf(stderr, "heaptrail: cannot record to '%s': %s\n",
              outpath ? outpath : "?", ht_rec_error());
      free(cmdline);
      free(outpath);
      free(src);
      free(abs);
      return 2;
    }
    free(cmdline);
    ht_rec_install_signal_handlers();
  }
  int status;
  VM *vm = vm_new(argc - i, argv + i, abs);
  if (!vm) {
    fprintf(stderr, "heaptrail: cannot start the VM (out of memory)\n");
    status = 1;
  } else {
    if (trace) {
      vm->tracing = true;
      ht_rec_set_stack_fn(vm_stack_node, vm);
      snap_attach(vm, outpath);            /* heap snapshots (vm/snapshot.c) */
    }
    status = vm_run_main(vm, abs, src, n);
    /* what is alive now is what the script left behind: leak reports
    ** stop here, before teardown frees everything */
    snap_at_exit(vm);                      /* the exit snapshot (vm/snapshot.c) */
    if (trace) ht_rec_mark(HT_TEARDOWN_MARK);
    vm_free(vm);
  }
  fflush(stdout);
  if (trace) {
    ht_rec_set_stack_fn(NULL, NULL);
    int closed = ht_rec_close(status);
    if (closed != 0) {
      /* the recorder's message starts with the file name */
      fprintf(stderr, "heaptrail: %s\n", ht_rec_error());
      if (status == 0) status = 1;
    }
    snap_finish(outpath, closed == 0);     /* snapshots into the profile (vm/snapshot.c) */
  }
  ht_arena_shutdown();
  free(outpath);
  free(src);
  free(abs);
  return status & 0xFF;
}

static int cmd_dis(int argc, char **argv) {
  if (argc != 2 || argv[1][0] == '-') {
    if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
      return usage(stdout, 0);
    return usage(stderr, 2);
  }
  char *abs = NULL;
  size_t n = 0;
  char *src = read_script(argv[1], &abs, &n);
  if (!src) {
    free(abs);
    return 2;
  }
  int status = 0;
  VM *vm = vm_new(1, argv + 1, abs);
  if (!vm) {
    fprintf(stderr, "heaptrail: cannot start the VM (out of memory)\n");
    status = 1;
  } else {
    Obj *fname = str_from_cstr(vm, abs);
    Obj *code = fname ? compile_module(vm, src, n, fname) : NULL;
    xdecref(vm, fname);
    /* dis_code prints the nested code objects too, as dis.dis() */
    if (!code || dis_code(vm, code) < 0) {
      if (vm_exc_occurred(vm)) vm_print_exception(vm);
      status = 1;
    }
    xdecref(vm, code);
    fflush(stdout);
    vm_free(vm);
  }
  ht_arena_shutdown();
  free(src);
  free(abs);
  return status;
}

int main(int argc, char **argv) {
  if (argc < 2) return usage(stderr, 2);
  const char *cmd = argv[1];
  if (!strcmp(cmd, "run")) return cmd_run(argc - 1, argv + 1);
  if (!strcmp(cmd, "dis")) return cmd_dis(argc - 1, argv + 1);
  if (!strcmp(cmd, "sql")) return ht_cmd_sql(argc - 1, argv + 1);
  if (!strcmp(cmd, "report")) return ht_cmd_report(argc - 1, argv + 1);
  if (!strcmp(cmd, "leaks")) return ht_cmd_leaks(argc - 1, argv + 1);
  if (!strcmp(cmd, "flame")) return ht_cmd_flame(argc - 1, argv + 1);
  if (!strcmp(cmd, "diff")) return ht_cmd_diff(argc - 1, argv + 1);
  if (!strcmp(cmd, "graph")) return ht_cmd_graph(argc - 1, argv + 1);  /* alloc/cli-graph.c */
  if (!strcmp(cmd, "why")) return ht_cmd_why(argc - 1, argv + 1);      /* alloc/cli-graph.c */
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help"))
    return usage(stdout, 0);
  if (!strcmp(cmd, "--version")) {
    puts(PACKAGE_STRING);
    return 0;
  }
  fprintf(stderr, "heaptrail: unknown command '%s'\n", cmd);
  return usage(stderr, 2);
}
