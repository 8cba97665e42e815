# alloc/recorder.mk: the recorder (recorder.h), the profile's schema, the
# deriver, its reader (profile.h), the `events`, `object` and `series`
# virtual tables and `heaptrail sql`.
libheaptrail_la_SOURCES += alloc/recorder.h alloc/rec-internal.h \
  alloc/encode.h alloc/encode.c alloc/recorder.c alloc/stacks.c \
  alloc/native.c alloc/writer.c alloc/schema.h alloc/schema.c alloc/derive.c \
  alloc/packed.h alloc/packed.c alloc/object-vtab.c alloc/series-vtab.c \
  alloc/events-vtab.c alloc/vtab.h alloc/vtab.c alloc/profile.h alloc/profile.c alloc/cli-sql.c
nodist_libheaptrail_la_SOURCES = alloc/schema-sql.c
BUILT_SOURCES += alloc/schema-sql.c
CLEANFILES += alloc/schema-sql.c
EXTRA_DIST += alloc/schema.sql

# schema.sql becomes one C string, ht_schema_sql: each line is quoted with
# backslashes and double quotes escaped.
alloc/schema-sql.c: $(srcdir)/alloc/schema.sql $(srcdir)/alloc/recorder.mk
	$(AM_V_GEN)$(MKDIR_P) alloc && { \
	  echo '/* Generated from alloc/schema.sql by alloc/recorder.mk; do not edit. */'; \
	  echo 'extern const char ht_schema_sql[];'; \
	  echo 'const char ht_schema_sql[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/  "/' -e 's/$$/\\n"/' \
	    $(srcdir)/alloc/schema.sql; \
	  echo '  ;'; \
	} > $@-t && mv $@-t $@

check_PROGRAMS += tests/unit/test-recorder tests/unit/test-profile
TESTS += tests/unit/test-recorder tests/unit/test-profile
tests_unit_test_recorder_SOURCES = tests/unit/test-recorder.c tests/unit/tap.h \
  tests/unit/rec-util.h
tests_unit_test_recorder_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)
tests_unit_test_recorder_LDADD = $(HT_LIBS)
tests_unit_test_profile_SOURCES = tests/unit/test-profile.c tests/unit/tap.h \
  tests/unit/rec-util.h
tests_unit_test_profile_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)
tests_unit_test_profile_CPPFLAGS = $(AM_CPPFLAGS) -DHT_TOP_SRCDIR='"$(abs_top_srcdir)"'

tests_unit_test_profile_LDADD = $(HT_LIBS)
