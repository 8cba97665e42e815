# alloc/: libheaptrail, the tagged arena, the recorder, the profile and its readers.
# Components add sources to libheaptrail_la_SOURCES in their own fragments.
lib_LTLIBRARIES += libheaptrail.la
libheaptrail_la_SOURCES = alloc/tags.h alloc/tags.c
libheaptrail_la_CFLAGS = $(AM_CFLAGS) $(JEMALLOC_CFLAGS) $(UNWIND_CFLAGS) $(SQLITE_CFLAGS)
libheaptrail_la_LIBADD = $(JEMALLOC_LIBS) $(UNWIND_LIBS) $(SQLITE_LIBS) $(PTHREAD_LIBS) -lm
HT_LIBS = libheaptrail.la $(JEMALLOC_LIBS) $(UNWIND_LIBS) $(SQLITE_LIBS) $(PTHREAD_LIBS) -lm

include alloc/arena.mk
include alloc/recorder.mk
include alloc/analysis.mk
include alloc/graph.mk
include alloc/leaks.mk
