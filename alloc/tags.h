/*
** tags.h -- the one list of allocation tags.
**
** Every block the VM allocates carries a tag naming what kind of thing it is.
** Object tags name Python object kinds; internal tags name memory the VM uses
** for itself (parser, compiler, stacks), which a leak report must keep apart
** from user objects.  This X-macro is the only place tags are listed: the enum,
** the names, the per-tag stats array, the profile's `tag` table and the
** viewer's legend are all derived from it.  Tag numbers are stored in
** profiles, so append new tags at the end of their group and never reorder.
**
**   X(ENUM, "name", kind)     kind is HT_TAGKIND_OBJECT or HT_TAGKIND_INTERNAL
*/
#ifndef HT_TAGS_H
#define HT_TAGS_H

#define HT_TAGKIND_OBJECT   0
#define HT_TAGKIND_INTERNAL 1

#define HT_TAG_LIST(X)                                   \
  X(FRAME,     "frame",     HT_TAGKIND_OBJECT)           \
  X(CELL,      "cell",      HT_TAGKIND_OBJECT)           \
  X(FUNCTION,  "function",  HT_TAGKIND_OBJECT)           \
  X(CODE,      "code",      HT_TAGKIND_OBJECT)           \
  X(TUPLE,     "tuple",     HT_TAGKIND_OBJECT)           \
  X(LIST,      "list",      HT_TAGKIND_OBJECT)           \
  X(DICT,      "dict",      HT_TAGKIND_OBJECT)           \
  X(SET,       "set",       HT_TAGKIND_OBJECT)           \
  X(STR,       "str",       HT_TAGKIND_OBJECT)           \
  X(BYTES,     "bytes",     HT_TAGKIND_OBJECT)           \
  X(INT,       "int",       HT_TAGKIND_OBJECT)           \
  X(FLOAT,     "float",     HT_TAGKIND_OBJECT)           \
  X(CLASS,     "class",     HT_TAGKIND_OBJECT)           \
  X(INSTANCE,  "instance",  HT_TAGKIND_OBJECT)           \
  X(METHOD,    "method",    HT_TAGKIND_OBJECT)           \
  X(GENERATOR, "generator", HT_TAGKIND_OBJECT)           \
  X(MODULE,    "module",    HT_TAGKIND_OBJECT)           \
  X(EXCEPTION, "exception", HT_TAGKIND_OBJECT)           \
  X(ITERATOR,  "iterator",  HT_TAGKIND_OBJECT)           \
  X(ARRAY,     "array",     HT_TAGKIND_OBJECT)           \
  X(OTHER,     "other",     HT_TAGKIND_OBJECT)           \
  X(AST,       "ast",       HT_TAGKIND_INTERNAL)         \
  X(COMPILER,  "compiler",  HT_TAGKIND_INTERNAL)         \
  X(INTERN,    "intern",    HT_TAGKIND_INTERNAL)         \
  X(STACK,     "vmstack",   HT_TAGKIND_INTERNAL)         \
  X(VMINTERNAL,"vminternal",HT_TAGKIND_INTERNAL)

typedef enum ht_tag {
#define HT_TAG_ENUM_(e, name, kind) HT_TAG_##e,
  HT_TAG_LIST(HT_TAG_ENUM_)
#undef HT_TAG_ENUM_
  HT_NTAGS
} ht_tag;

/* Name of a tag ("frame", "cell", ...); "?" for an out-of-range value. */
const char *ht_tag_name(int tag);
/* HT_TAGKIND_OBJECT or HT_TAGKIND_INTERNAL; -1 for an out-of-range value. */
int ht_tag_kind(int tag);

#endif
