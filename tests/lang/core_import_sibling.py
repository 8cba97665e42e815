# import of a module from the script's folder, from-import, import *.
import _core_sibling
import _core_sibling as again
from _core_sibling import twice, VALUE
print(_core_sibling.VALUE, twice(4), again is _core_sibling, _core_sibling.__name__)
from _core_sibling import *
print(VALUE, twice(5))
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from _core_sibling import missing_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
import sys
print("_core_sibling" in sys.modules)
