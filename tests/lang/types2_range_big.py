# range objects whose start, stop, step or length exceed 64 bits.
B = 10 ** 20
r = range(0, 10 ** 21, 10)
print(r, B * 10 in r, B + 1 in r, r[-1], r[5], r[B // 10 - 1], r[2:5], r[::-1][:3], r[::B], r.index(B), r.count(B), r.count(3))
print(range(B)[-1], range(B)[B - 1], range(-B, B, B // 2), list(range(-B, B, B // 2)), list(reversed(range(-B, B, B // 2))))
print(range(B) == range(0, B), range(B) == range(B + 1), hash(range(B)) == hash(range(0, B, 1)), range(B, B) == range(0), range(B, B + 1, 7) == range(B, B + 2, 9))
print(bool(range(B, 0)), bool(range(B)), range(B).start, range(B).stop, range(B, 0, -3).step, list(range(B, B + 3)), list(range(2 ** 63 - 2, 2 ** 63 + 1)))
it = iter(range(B, B + 5, 2))
print(type(it).__name__, next(it), it.__length_hint__(), list(it))
print(list(range(2 ** 63 - 3, 2 ** 63 + 20, 10)), range(0, 2 ** 62, 2 ** 61)[::4], 2 ** 64 in range(0, 2 ** 65, 2 ** 63))
for f in (lambda: len(range(B)), lambda: range(B)[B], lambda: range(B).index(-1), lambda: range(0, B, 0), lambda: range(B)[::0], lambda: range(1.5)):
    try:
        print(f())
    except (OverflowError, IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(range(B)[B - 10:][3], len(range(B)[B - 10:]), range(B)[-3:], range(B)[:-B + 2], range(5)[10 ** 30:], range(5)[-10 ** 30:2])
print(sum(range(B, B + 100)), max(range(B, B + 5)), min(range(-B, -B + 70, 7)), sorted(range(B, B - 3, -1)))
print(1.0 in range(3), 2 ** 70 in range(5), range(3).index(True), 3 in range(B), -1 in range(B), B - 1 in range(B))
