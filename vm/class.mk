# classes: __build_class__, heap types, instances, dunder slots (vm/class.c)
libhtvm_la_SOURCES += vm/class.c
