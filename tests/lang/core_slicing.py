s = list(range(10))
print(s[2:5], s[:3], s[7:], s[::2], s[::-1], s[-3:], s[1:8:3], s[8:1:-2])
t = "hello world"
print(t[::-1], t[-5:], t[:-6])
s[2:4] = ["a", "b", "c"]
print(s)
s[::2] = [0] * len(s[::2])
print(s)
del s[1:3]
print(s)
print((1, 2, 3, 4)[1:3])
