# alloc/arena.mk: the tagged arena (filled in by the arena component)
