# unpack_sequence-style kernel plus a table-driven state machine: heavy
# tuple/list unpacking, swaps, star targets, nested loops over pairs.

def unpack_loop(n):
    a = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    total = 0
    for _ in range(n):
        a0, a1, a2, a3, a4, a5, a6, a7, a8, a9 = a
        b0, b1, b2, b3, b4, b5, b6, b7, b8, b9 = [a9, a8, a7, a6, a5, a4, a3, a2, a1, a0]
        total += a0 * b0 + a9 * b9 - a4 * b5
        a0, a9 = a9, a0
        first, *rest = a
        *init, last = rest
        total += first + last + len(init)
    return total


def rotate(seq, k):
    k %= len(seq) or 1
    head, tail = seq[:k], seq[k:]
    return tail + head


def transpose(rows):
    return [list(col) for col in zip(*rows)]


TRANSITIONS = {
    ("idle", "coin"): ("ready", "accept coin"),
    ("ready", "coin"): ("ready", "return coin"),
    ("ready", "push"): ("vending", "dispense"),
    ("vending", "take"): ("idle", "thank you"),
    ("idle", "push"): ("idle", "insert coin first"),
}


def run_machine(events):
    state = "idle"
    log = []
    for ev in events:
        try:
            state, action = TRANSITIONS[state, ev]
        except KeyError as err:
            (bad_state, bad_ev), = [err.args[0]]
            action = "ignored %s in %s" % (bad_ev, bad_state)
        log.append(action)
    return state, log


print(unpack_loop(1000))
x, y = 1, 2
x, y = y, x
(p, q), r = (x, y), [3]
print(x, y, p, q, r)
a, *b, c = range(6)
print(a, b, c)
[d, [e, *f]], g = ([1, [2, 3, 4]], "gg")
print(d, e, f, g)
for i, (k, v) in enumerate(sorted({"b": 2, "a": 1}.items())):
    print(i, k, v)
pairs = [(n, n * n) for n in range(5)]
xs, sq = zip(*pairs)
print(xs, sq, dict(pairs), list(map(sum, pairs)))
h, *_ = "hello"
print(h, _)
for fst, *others in [(1, 2, 3), (4,), "ab"]:
    print(fst, others)
print(rotate([1, 2, 3, 4, 5], 2), rotate([], 3), rotate("abcdef", -1))
print(transpose([[1, 2, 3], [4, 5, 6]]), transpose([]))
state, log = run_machine(["push", "coin", "coin", "push", "coin", "take", "take", "dance"])
print(state, log)
m = [[1, 2], [3, 4]]
(m[0][0], m[1][1]), m[0][1] = (m[1][1], m[0][0]), "x"
print(m)
i = 0
vals = [0, 0, 0]
i, vals[i] = 2, 5
print(i, vals)
try:
    u, w = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    u, w, z = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    u, *w, z = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    u, w = 5
except TypeError as e:
    print("TypeError:", e)
print([*"ab", *[1, 2], *range(2)], (*"xy",), {*"aa", *"b"} == {"a", "b"}, {**{"a": 1}, "b": 2, **{"a": 3}})
def star(*args, **kwargs):
    return args, kwargs
print(star(*[1, 2], 3, *(), **{"k": 1}), star(**dict(a=1), b=2))
