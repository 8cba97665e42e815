/*
** jsonout.h -- a small streaming JSON writer for the analyses' outputs.
**
** A ht_json writes to a FILE as the caller walks its data: open an object or
** an array, write members or elements, close.  The writer keeps the nesting
** (up to HT_JSON_MAXDEPTH levels) so it places the commas, and indents with
** two spaces per level when pretty printing is on.  Strings are escaped per
** RFC 8259 (bytes >= 0x80 pass through: the caller supplies UTF-8); doubles
** that are not finite are written as null, since JSON has no NaN.
**
** Usage:
**     ht_json j;
**     ht_json_init(&j, stdout, 1);
**     ht_json_begin_object(&j);
**     ht_json_key(&j, "schema"); ht_json_str(&j, "heaptrail.report");
**     ht_json_key(&j, "version"); ht_json_int(&j, 1);
**     ht_json_end(&j);
**     ht_json_finish(&j);      (writes the final newline)
**
** Misuse (a value where a key is due, too deep, unbalanced ends) sets
** j.error instead of writing invalid JSON; ht_json_finish returns -1 then.
** Ownership: the FILE is borrowed.
*/
#ifndef HT_JSONOUT_H
#define HT_JSONOUT_H

#include <stdint.h>
#include <stdio.h>

#define HT_JSON_MAXDEPTH 32

typedef struct ht_json {
  FILE *out;                          /* destination (borrowed) */
  int pretty;                         /* newline and indent between items */
  int depth;                          /* open containers */
  char kind[HT_JSON_MAXDEPTH];        /* '{' or '[' per open container */
  int count[HT_JSON_MAXDEPTH];        /* items written in each container */
  int want_value;                     /* a key was written, its value is due */
  int error;                          /* misuse detected: output is incomplete */
} ht_json;

void ht_json_init(ht_json *j, FILE *out, int pretty);

void ht_json_begin_object(ht_json *j);
void ht_json_begin_array(ht_json *j);
/* Close the innermost open object or array. */
void ht_json_end(ht_json *j);

/* The key of the next member (inside an object only). */
void ht_json_key(ht_json *j, const char *key);

void ht_json_str(ht_json *j, const char *s);     /* NULL writes null */
void ht_json_int(ht_json *j, int64_t v);
void ht_json_double(ht_json *j, double v);
void ht_json_bool(ht_json *j, int v);
void ht_json_null(ht_json *j);

/* Write a string's escaped body (no quotes) to OUT: used by the HTML and
** text printers that embed JSON. */
void ht_json_escape(FILE *out, const char *s);

/* Check that everything was closed, end the line.  Returns 0 on success, -1
** when the writer was misused or the FILE reports an error. */
int ht_json_finish(ht_json *j);

#endif
