l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0)
print(l, len(l), l.pop(), l.index(2), sorted(l), l[::-1])
l.sort(); print(l); l.reverse(); print(l)
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.values()), list(d.items()), d.get("z"), d.get("z", 0))
del d["b"]; print(d, "a" in d, len(d))
s = {3, 1, 2}; s.add(10); s.discard(1)
print(s, 2 in s, len(s), {1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2})
t = (1, 2, 3)
print(t, t[0], t[-1], t + (4,), t * 2, len(t), t.count(2), t.index(3))
