/*
** jsonout.c -- the streaming JSON writer (jsonout.h).
*/
#include <inttypes.h>
#include <math.h>
#include "jsonout.h"

void ht_json_init(ht_json *j, FILE *out, int pretty) {
  j->out = out;
  j->pretty = pretty;
  j->depth = 0;
  j->want_value = 0;
  j->error = 0;
}

static void newline(ht_json *j) {
  if (!j->pretty) return;
  putc('\n', j->out);
  for (int i = 0; i < j->depth; i++) fputs("  ", j->out);
}

/* Before any value: the comma and indent inside an array, nothing after a
** key.  Returns 0 when a value may be written here. */
static int before_value(ht_json *j) {
  if (j->error) return -1;
  if (j->depth == 0) {
    if (j->want_value) j->error = 1;   /* cannot happen: keys need an object */
    return j->error ? -1 : 0;
  }
  if (j->kind[j->depth - 1] == '{') {
    if (!j->want_value) {
      j->error = 1;                    /* a value where a key is due */
      return -1;
    }
    j->want_value = 0;
    return 0;
  }
  if (j->count[j->depth - 1]++) putc(',', j->out);
  newline(j);
  return 0;
}

void ht_json_escape(FILE *out, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    switch (*p) {
    case '"': fputs("\\\"", out); break;
    case '\\': fputs("\\\\", out); break;
    case '\n': fputs("\\n", out); break;
    case '\r': fputs("\\r", out); break;
    case '\t': fputs("\\t", out); break;
    case '\b': fputs("\\b", out); break;
    case '\f': fputs("\\f", out); break;
    default:
      if (*p < 0x20 || *p == 0x7f) fprintf(out, "\\u%04x", *p);
      else putc(*p, out);
    }
  }
}

static void begin(ht_json *j, char kind) {
  if (before_value(j)) return;
  if (j->depth == HT_JSON_MAXDEPTH) {
    j->error = 1;
    return;
  }
  putc(kind, j->out);
  j->kind[j->depth] = kind;
  j->count[j->depth] = 0;
  j->depth++;
}

void ht_json_begin_object(ht_json *j) { begin(j, '{'); }
void ht_json_begin_array(ht_json *j) { begin(j, '['); }

void ht_json_end(ht_json *j) {
  if (j->error) return;
  if (j->depth == 0 || j->want_value) {
    j->error = 1;
    return;
  }
  int n = j->count[j->depth - 1];
  char kind = j->kind[j->depth - 1];
  j->depth--;
  if (n) newline(j);
  putc(kind == '{' ? '}' : ']', j->out);
}

void ht_json_key(ht_json *j, const char *key) {
  if (j->error) return;
  if (j->depth == 0 || j->kind[j->depth - 1] != '{' || j->want_value) {
    j->error = 1;
    return;
  }
  if (j->count[j->depth - 1]++) putc(',', j->out);
  newline(j);
  putc('"', j->out);
  ht_json_escape(j->out, key);
  fputs(j->pretty ? "\": " : "\":", j->out);
  j->want_value = 1;
}

void ht_json_str(ht_json *j, const char *s) {
  if (!s) {
    ht_json_null(j);
    return;
  }
  if (before_value(j)) return;
  putc('"', j->out);
  ht_json_escape(j->out, s);
  putc('"', j->out);
}

void ht_json_int(ht_json *j, int64_t v) {
  if (before_value(j)) return;
  fprintf(j->out, "%" PRId64, v);
}

void ht_json_double(ht_json *j, double v) {
  if (before_value(j)) return;
  if (isfinite(v)) fprintf(j->out, "%.17g", v);
  else fputs("null", j->out);
}

void ht_json_bool(ht_json *j, int v) {
  if (before_value(j)) return;
  fputs(v ? "true" : "false", j->out);
}

void ht_json_null(ht_json *j) {
  if (before_value(j)) return;
  fputs("null", j->out);
}

int ht_json_finish(ht_json *j) {
  if (j->depth || j->want_value) j->error = 1;
  putc('\n', j->out);
  if (fflush(j->out) || ferror(j->out)) return -1;
  return j->error ? -1 : 0;
}
