/*
** tags.c -- names and kinds of the allocation tags (derived from tags.h).
*/
#include "tags.h"

static const char *const tag_names[HT_NTAGS] = {
#define X_(e, name, kind) name,
  HT_TAG_LIST(X_)
#undef X_
};

static const int tag_kinds[HT_NTAGS] = {
#define X_(e, name, kind) kind,
  HT_TAG_LIST(X_)
#undef X_
};

const char *ht_tag_name(int tag) {
  return (tag >= 0 && tag < HT_NTAGS) ? tag_names[tag] : "?";
}

int ht_tag_kind(int tag) {
  return (tag >= 0 && tag < HT_NTAGS) ? tag_kinds[tag] : -1;
}
