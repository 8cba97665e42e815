# sys module facts: exc_info()/exception() inside handlers, generators and
# __exit__, float_info/int_info records, int string-conversion limits.
import sys
print(sys.exc_info(), sys.exception())
def show():
    t, v, tb = sys.exc_info()
    return (t.__name__ if t else None, repr(v), type(tb).__name__, tb.tb_lineno if tb else None)
try:
    {}["k"]
except KeyError:
    print(show(), repr(sys.exception()))
    try:
        int("x")
    except ValueError:
        print(show())
    print(show())
print(show(), sys.exc_info())
def gen():
    try:
        raise TypeError("in gen")
    except TypeError:
        yield show()
        yield show()
g = gen()
print(next(g)); print(show())
try:
    raise OSError(2, "nope")
except OSError:
    print(next(g))
class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exit sees", show(), a[0].__name__ if a[0] else None)
        return True
with CM():
    raise RuntimeError("boom")
try:
    sys.exc_info(1)
except TypeError as e:
    print(e)
print(sys.float_info.max, sys.float_info.min_exp, sys.float_info.radix, sys.float_info[6], len(sys.float_info), sys.int_info.bits_per_digit)
print(sys.float_info.epsilon == 2.0 ** -52, sys.float_info.mant_dig, tuple(sys.int_info), sys.version_info[:1], sys.maxsize.bit_length())
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(30000)
s = str(3 ** 20000)
print(len(s), s[:10], int(s) == 3 ** 20000)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 50000)))
sys.set_int_max_str_digits(4300)
for f in (lambda: sys.set_int_max_str_digits(5), lambda: str(10 ** 5000), lambda: int("1" * 5000)):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
print(sys.getrecursionlimit(), sys.intern("ab" + "c"), sys.getdefaultencoding(), sys.byteorder, sys.maxunicode)
