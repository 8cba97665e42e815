# list error messages
def show(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__ + ':', e)

a = [1, 2, 3]
show(lambda: a[3])
show(lambda: a[-4])
show(lambda: a['x'])
show(lambda: a[1.5])
show(lambda: a[2**100])
show(lambda: a + 1)
show(lambda: a + (1,))
show(lambda: a * 1.5)
show(lambda: a * 'x')
show(lambda: 'x' * a)
show(lambda: [].pop())
show(lambda: a.pop(10))
show(lambda: a.remove(42))
show(lambda: a.index(42))
show(lambda: a.index(1, 1))
show(lambda: a.insert(1))
show(lambda: a.append())
show(lambda: a.append(1, 2))
show(lambda: a.copy(1))
show(lambda: a.sort(1))
show(lambda: a.sort(foo=1))
show(lambda: [3, 'a'].sort())
show(lambda: a < 1)
show(lambda: a[::0])
show(lambda: a['a':])
show(lambda: list(1))
show(lambda: list(1, 2))
show(lambda: [].extend(5))
show(lambda: hash([]))
show(lambda: a.pop(1.0))
show(lambda: a.index(1, 'x'))

def assign(target, key, value):
    target[key] = value

def delete(target, key):
    del target[key]

b = [1, 2, 3, 4]
show(lambda: assign(b, 10, 0))
show(lambda: assign(b, slice(None, None, 2), [1]))
show(lambda: assign(b, slice(2, 5, 2), [1, 2]))
show(lambda: assign(b, slice(1, 2), 5))
show(lambda: delete(b, 7))
show(lambda: delete([], 0))
show(lambda: assign(b, 'k', 1))
print(b)

def mutate_during_sort():
    l = [3, 2, 1]
    def key(x):
        l.append(x)
        return x
    l.sort(key=key)

show(mutate_during_sort)
l = list(range(5))
def mut_key(x):
    l.clear()
    return -x
show(lambda: l.sort(key=mut_key))
print(l)
