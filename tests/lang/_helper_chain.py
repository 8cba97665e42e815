# A sibling module that itself imports _helper_mod (to check that the
# module is shared, not executed twice).
import _helper_mod
from _helper_mod import register

register("from _helper_chain")
CHAIN_SEES = len(_helper_mod.registry)


def total():
    return len(_helper_mod.registry)
