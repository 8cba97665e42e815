# Generators and closures together: generators capturing enclosing
# variables (late binding), generator factories, and genexprs in class
# bodies (which only see the first iterable from the class scope).
def make_gens():
    gens = []
    for i in range(3):
        def g(i=i):
            yield i * 10
            yield i * 100
        gens.append(g())
    late = [(lambda: j) for j in range(3)]
    return gens, late


gens, late = make_gens()
print([list(g) for g in gens], [f() for f in late])


def counter_gen():
    count = 0

    def bump():
        nonlocal count
        count += 1

    while count < 3:
        bump()
        yield count


print(list(counter_gen()))


class Table:
    rows = [1, 2, 3]
    doubled = list(r * 2 for r in rows)
    factor = 10
    try:
        scaled = list(r * factor for r in rows)
    except NameError as e:
        scaled = f"NameError: {e}"


print(Table.doubled, Table.scaled)


def outer():
    prefix = "p"

    def gen(words):
        for w in words:
            yield prefix + w
    prefix = "q"
    return gen


print(list(outer()(["a", "b"])))
