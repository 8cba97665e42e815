# A sibling module that fails while being imported.
value = 1
raise RuntimeError("_helper_bad refuses to load")
