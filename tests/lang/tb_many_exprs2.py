# Carets in f-strings, callbacks called from C (sorted's key=, map),
# comprehensions, generators, line continuations: a __context__ chain.
class O:
    def method(self, a): return a
obj = O()
d = {}
zero = 0
lst = [1, 2]
none = None
def f(*a): return None
def deco_fail(fn):
    return fn.__wrapped__
class Cls:
    def __init__(self):
        self.x = none.y
def gen_fail():
    yield 1
    yield 1 / zero
def t0():
    x = f"value: {none.attr}"
def t1():
    x = f"{lst[0]} and {lst[5]}"
def t2():
    x = f"{'a' + 1}"
def t3():
    x = sorted([3, 1, 2], key=lambda v: v / zero)
def t4():
    x = list(map(lambda v: v.nope, [1]))
def t5():
    x = [v for v in (w / zero for w in [1])]
def t6():
    x = {k: k / zero for k in [1]}
def t7():
    x = next(iter([]))
def t8():
    x = max([])
def t9():
    x = sum([1, 'a'])
def t10():
    x = deco_fail(f)
def t11():
    x = obj.method()
def t12():
    x = Cls()
def t13():
    x = '%d' % 'a'
def t14():
    x = '{}{}'.format(1)
def t15():
    x = [1, 2][none]
def t16():
    x = getattr(obj, 'zz')
def t17():
    x = (1, 2) + [3]
def t18():
    x = {1, 2} - [1]
def t19():
    x = lst * 'a'
def t20():
    x = -'a' + 1
def t21():
    x = lst[0] if lst[5] else 0
def t22():
    x = lst[0] and lst[9]
def t23():
    x = [lst[0], lst[9]][0]
def t24():
    x = print(*lst, sep=none.x)
def t25():
    x = dict.fromkeys(5)
def t26():
    x = int(lst)
def t27():
    x = 1 + \
    none
def t28():
    x = gen_fail()
def t29():
    x = list(gen_fail())
tests = [t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17, t18, t19, t20, t21, t22, t23, t24, t25, t26, t27, t28, t29]
def run(i):
    if i == len(tests):
        raise RuntimeError('end')
    try:
        tests[i]()
    except Exception:
        run(i + 1)
    else:
        run(i + 1)
run(0)
