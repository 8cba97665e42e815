# vm/gen.mk: generators -- generator objects, their frames, send/throw/close
# (vm/gen.c).
libhtvm_la_SOURCES += vm/gen.h vm/gen.c
# samples/generator_frames.py: N suspended generators hold N frames
TESTS += tests/samples/generator-frames.sh
