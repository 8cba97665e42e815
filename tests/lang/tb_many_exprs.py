# Carets for many kinds of failing expressions, each raised while handling
# the previous one, so that one run prints them all as a __context__ chain.
class O:
    def method(self, a): return a
obj = O()
obj2 = O()
d = {}
dd = {'a': {}}
zero = 0
lst = [1, 2]
none = None
not_callable = 5
def f(*a): return None
def g(*a): return h2()
def h(): return 1
def h2(): return 1 / 0
def t0():
    x = d['missing']
def t1():
    y = obj.attr
def t2():
    z = f(1, 2)
def t3():
    w = 1 / zero
def t4():
    lst[10]
def t5():
    obj.b.c
def t6():
    f(g(h()))
def t7():
    x = -none
def t8():
    not_callable()
def t9():
    x = [1][5] + 1
def t10():
    x = {**none}
def t11():
    x = (*none,)
def t12():
    for q in none: pass
def t13():
    x = none[1:2]
def t14():
    x = 1 < 'a'
def t15():
    x = 'a' in 5
def t16():
    del d['nope']
def t17():
    none['k'] = 1
def t18():
    x, y = 1
def t19():
    x = f'{none.attr}'
def t20():
    x = (lambda: 1/0)()
def t21():
    import nonexistent_mod_zz
def t22():
    x = int('z')
def t23():
    x = none.attr.more
def t24():
    s = 1; s += 'a'
def t25():
    none.attr = 1
def t26():
    x = [i for i in none]
def t27():
    x = abs('a')
def t28():
    x = 2 ** 'a'
def t29():
    x = ~'a'
def t30():
    x = obj2.method(1)(2)
def t31():
    x = dd['a']['b']
def t32():
    x = lst[1] + lst[0] * none
def t33():
    x = lst [ 0 ] [ 1 ]
def t34():
    x = (lst)[9]
def t35():
    x = f(1)(2)(3)
def t36():
    x = len(5) + 1
def t37():
    x = [1, 2, none + 1]
def t38():
    x = {'k': none.x}
def t39():
    x = dict(a=none.b)
def t40():
    print(none.x, 1)
def t41():
    x = 'abc'.nope()
def t42():
    x = none if none.y else 1
def t43():
    x = 1 if True else none
def t44():
    x = lst[0:none.q]
def t45():
    x = obj == obj.zz
def t46():
    x = str(none.q)
def t47():
    x = lst.index(99)
def t48():
    x = sorted([1, 'a'])
def t49():
    x = (lst[0] + none) * 2
def t50():
    x = (lst[0] * 2) + none
def t51():
    x = lst[0] * (2 + none)
def t52():
    x = 1 < lst[0] < none
def t53():
    x = obj.method(1, a=2)
def t54():
    x = obj.method(none.x, 2)
def t55():
    x = d.get('a').upper()
def t56():
    x = dd['a'].get('z').x
def t57():
    x = lst[0] // zero
def t58():
    x = lst[0] ** -none
def t59():
    x = lst[0] << none
def t60():
    x = 'é' + lst[0]
def t61():
    x = {1: 2}[lst]
def t62():
    x = f(*none)
def t63():
    x = f(**none)
def t64():
    x = [*none]
def t65():
    x = obj.method(1, 2, 3)
def t66():
    x = O(1)
tests = [t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17, t18, t19, t20, t21, t22, t23, t24, t25, t26, t27, t28, t29, t30, t31, t32, t33, t34, t35, t36, t37, t38, t39, t40, t41, t42, t43, t44, t45, t46, t47, t48, t49, t50, t51, t52, t53, t54, t55, t56, t57, t58, t59, t60, t61, t62, t63, t64, t65, t66]
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
