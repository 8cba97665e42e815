# A module imported by two modules executes once; import * honours
# __all__; sys.modules holds imported modules.
import sys
import _helper_chain
import _helper_mod
from _helper_mod import *

print(_helper_chain.CHAIN_SEES, _helper_chain.total(), _helper_mod.registry)
register("from main")
print(_helper_chain.total(), VERSION, greet("bo"))
print("_private" in globals(), "make_square" in globals(), "Shape" in globals())
print("_helper_mod" in sys.modules, sys.modules["_helper_chain"] is _helper_chain)
print(__name__)
