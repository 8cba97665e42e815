# expressions: operators, comparisons, unpacking, slices, literals, f-strings
a, b, c = 7, 3, -2
print(a + b * c, (a + b) * c, a // b, a % b, -a // b, a ** 2, 2 ** -1, a / b)
print(a << 2, a >> 1, a & b, a | b, a ^ b, ~a, +c, -c)
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0 != 2, 3 > 2 >= 2 > 1, "a" in "abc", 4 not in [1, 2])
print(None is None, a is not None, not [], not [0])
print(0 or "x", "" or 0 or None, 1 and 2, 0 and 1/0, [] or [] and 1)
print(a if a > b else b, "neg" if c < 0 else "pos")
x = 5
x += 2; x -= 1; x *= 3; x //= 4; x **= 2; x %= 7; x <<= 3; x |= 1; x ^= 2; x &= 0xff; x >>= 1
print(x)
lst = [1, 2, 3, 4, 5, 6]
print(lst[1:4], lst[::2], lst[::-1], lst[-2:], lst[:-4], lst[1:5:2], lst[5:1:-2])
lst[1:3] = ["a", "b", "c"]
print(lst)
del lst[::2]
print(lst)
lst[0] += "!"
print(lst)
first, *middle, last = range(6)
print(first, middle, last)
(p, q), r = (1, 2), 3
[s, [t, u]] = "x", "yz"
print(p, q, r, s, t, u)
*init, tail = "abc"
print(init, tail)
m = n = o = 0
print(m, n, o)
d = {"k": 1, **{"j": 2}, "k": 3}
print(d, {**d, "z": 0})
print([*range(3), *"ab"], (*"xy",), {*[1, 1, 2]})
print({1: "a", 2: "b"}, {}, set(), (), (1,), [])
print(b"bytes\x00\n" + rb"\n", "tab\tq'\"" '', 'it''s', u"uni", r"\d+")
print("\u00e9\U0001F600\x41\101")
print(0x1F, 0o17, 0b101, 1_000_000, 1e3, 1.5e-3, .5, 5., 1_0.0_1)
w, pr = 8, 3
val = 3.14159
print(f"{val:.{pr}f}|{val!r:>{w}}|{'s'!a}|{w=}|{w*2 = }|{{}}|{val:{w}.2f}")
print(f"{'nested' + f'{w}'}", f"{w:#x}", f"{[1, 2][0]}", f"""{w
}""")
print(len("sure"), "%s-%d" % ("x", 5), "{}{}".format(1, 2))
cnt = 0
def side():
    global cnt
    cnt += 1
    return cnt
print(side() < side() < side(), cnt)
print([i * j for i in range(1, 4) for j in range(i) if (i + j) % 2], {k: k * k for k in range(4)},
      {v % 3 for v in range(10)})
print([[r * 3 + c for c in range(3)] for r in range(2)])
print(sorted({3: 1, 1: 2}.items()), max([3, 9, 2]), min("bca"))
nums = [5, 3, 8]
nums.sort()
print(nums, nums.index(8), "-".join([str(n) for n in nums]))
print(type(...), ... is Ellipsis, __debug__)
