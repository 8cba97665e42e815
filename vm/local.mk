# vm/: the language.  libhtvm is a convenience library holding the whole VM;
# the heaptrail program links it with libheaptrail.  Components add sources
# to libhtvm_la_SOURCES in their own fragments.
noinst_LTLIBRARIES += libhtvm.la
libhtvm_la_SOURCES =
libhtvm_la_CFLAGS = $(AM_CFLAGS) $(JEMALLOC_CFLAGS)
bin_PROGRAMS += heaptrail
heaptrail_SOURCES =
heaptrail_LDADD = libhtvm.la $(HT_LIBS)
# the contracts between the VM's components
noinst_HEADERS += vm/object.h vm/vm.h vm/opcodes.h

include vm/core.mk
include vm/frontend.mk
include vm/numbers.mk
include vm/text.mk
include vm/containers.mk
include vm/modules.mk
include vm/stdmods.mk
include vm/snapshot.mk
include vm/class.mk
include vm/pylib.mk
include vm/gen.mk
