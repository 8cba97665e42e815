# import statements inside functions bind local names; the module is
# still executed only once; importing a builtin module by name.
def use():
    import _helper_mod
    from math import sqrt as root
    return _helper_mod.greet("local"), root(16.0)


print("before first call")
print(use())
print(use())
print("_helper_mod" in globals())
import math, _helper_mod
print(math.floor(2.7), _helper_mod.VERSION)
