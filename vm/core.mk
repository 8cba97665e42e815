# vm/core.mk: the VM core -- lifecycle, interpreter, objects, types,
# functions, frames, exceptions, the cycle collector, import, and the
# `heaptrail` program.
libhtvm_la_SOURCES += vm/frame.h vm/gc.h \
  vm/vm.c vm/eval.c vm/object.c vm/type.c vm/core-descr.c vm/func.c \
  vm/frame.c vm/gc.c vm/exc.c vm/module.c
heaptrail_SOURCES += vm/main.c
heaptrail_CFLAGS = $(AM_CFLAGS) $(JEMALLOC_CFLAGS) $(SQLITE_CFLAGS)

check_PROGRAMS += tests/unit/test-vm-core
TESTS += tests/unit/test-vm-core
tests_unit_test_vm_core_SOURCES = tests/unit/test-vm-core.c tests/unit/tap.h
tests_unit_test_vm_core_CFLAGS = $(AM_CFLAGS) $(JEMALLOC_CFLAGS)
tests_unit_test_vm_core_LDADD = libhtvm.la $(HT_LIBS)
