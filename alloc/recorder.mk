# alloc/recorder.mk: the recorder and profile (filled in by the recorder component)
