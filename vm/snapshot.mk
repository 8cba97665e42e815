# vm/snapshot.mk: heap snapshots and the --refs log, VM side (snapshot.h).
# The spool, the tables and the readers are in alloc/graph.mk.
libhtvm_la_SOURCES += vm/snapshot.h vm/snapshot.c
