# vm/pylib.mk: standard-library modules written in Python (vm/lib/*.py),
# embedded in the program as source text (pylib.h).
PYLIB_FILES = vm/lib/__future__.py vm/lib/typing.py vm/lib/abc.py vm/lib/enum.py vm/lib/dataclasses.py vm/lib/types.py vm/lib/textwrap.py
libhtvm_la_SOURCES += vm/pylib.h
nodist_libhtvm_la_SOURCES = vm/pylib.c
BUILT_SOURCES += vm/pylib.c
CLEANFILES += vm/pylib.c
EXTRA_DIST += $(PYLIB_FILES) scripts/embed-py.sh
vm/pylib.c: $(top_srcdir)/scripts/embed-py.sh $(PYLIB_FILES:%=$(top_srcdir)/%)
	$(AM_V_GEN)$(MKDIR_P) vm && \
	$(SHELL) $(top_srcdir)/scripts/embed-py.sh $(PYLIB_FILES:%=$(top_srcdir)/%) > $@.tmp && \
	mv $@.tmp $@
