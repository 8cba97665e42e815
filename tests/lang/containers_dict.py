# dict: order, methods, views, operators, errors
d = {'b': 1, 'a': 2}
d['c'] = 3
d['b'] = 10
print(d, len(d), d['a'], 'a' in d, 'z' not in d)
del d['a']
d['a'] = 0
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get('a'), d.get('zz'), d.get('zz', 5), d.setdefault('b', 99), d.setdefault('n', []), d)
d['n'].append(1)
print(d.pop('n'), d.pop('zz', 'dflt'), d)
print(d.popitem(), d)
e = d.copy()
e['q'] = 1
print(d, e, d == e, d != e, d == {'c': 3, 'b': 10}, {1: 2} == {1: 2.0})
e.update({'x': 1}, y=2)
e.update([('z', 3), ['w', 4]])
e.update(k=0)
print(e)
e.clear()
print(e, len(e), bool(e), bool(d))
print(dict(), dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({5: 6}, c=7), dict(zip('ab', range(2))))
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), {}.fromkeys(range(3), 'v'))
print({i: i * i for i in range(6)}, {k: v for k, v in [('x', 1), ('y', 2)]})
f = {1: 'one', 2: 'two'}
g = {2: 'TWO', 3: 'three'}
print(f | g, g | f, f)
f |= g
print(f)
f |= [(4, 'four')]
print(f)
k = {'a': 1, 'b': 2, 'c': 3}
ks, vs, its = k.keys(), k.values(), k.items()
print(ks, vs, its, len(ks), 'a' in ks, 2 in vs, ('b', 2) in its, ('b', 3) in its)
k['d'] = 4
print(ks, list(reversed(k)), list(reversed(ks)), list(reversed(vs)), list(reversed(its)))
print(sorted(ks & {'a', 'd', 'x'}), sorted(ks | {'e'}), sorted(ks - {'a'}), sorted(ks ^ {'a', 'z'}))
print(ks == {'a', 'b', 'c', 'd'}, ks < {'a', 'b', 'c', 'd', 'e'}, ks >= {'a'}, its == {('a', 1), ('b', 2), ('c', 3), ('d', 4)})
print(ks.isdisjoint({'x'}), ks.isdisjoint(['a']), sorted(its & {('a', 1), ('a', 2)}))
nested = {'self': None}
nested['self'] = nested
print(nested)
m = {}
for i in range(20):
    m[i] = i
for i in range(0, 20, 3):
    del m[i]
m[3] = 'back'
print(m)
for i in range(100):
    m['k%d' % i] = i
for i in range(90):
    del m['k%d' % i]
print(m)
mixed = {1: 'int', 1.0: 'float', True: 'bool', 2: 'two'}
print(mixed)
t = {(1, 2): 'tuple', frozenset([1]): 'fs', None: 'none', 'x': {'inner': [1, {2: 3}]}}
print(t, t[1, 2], t[frozenset({1})])
it = iter({'p': 1, 'q': 2})
print(next(it), list(it))
print(list({'x': 1}.items())[0], type({}.keys()).__name__, type(iter({})).__name__)
def show(fn):
    try:
        print('ok', fn())
    except Exception as e:
        print(type(e).__name__ + ':', e)
show(lambda: d['missing'])
show(lambda: {}[(1, 2)])
show(lambda: {}.pop(1))
show(lambda: {}.popitem())
show(lambda: {}.get())
show(lambda: {}.get(1, 2, 3))
show(lambda: dict(1))
show(lambda: dict([1]))
show(lambda: dict([(1, 2, 3)]))
show(lambda: dict(1, 2))
show(lambda: {}.update(1))
show(lambda: {[]: 1})
show(lambda: {} | 1)
show(lambda: {} < {})
show(lambda: hash({}))
show(lambda: {}.keys(1))
def grow():
    x = {1: 1}
    for key in x:
        x[key + 1] = 1
show(grow)
def shrink():
    x = {1: 1, 2: 2}
    for key in x:
        del x[key]
show(shrink)
def change_keys():
    x = {1: 1, 2: 2}
    for key in x:
        del x[key]
        x[key + 10] = 1
show(change_keys)
