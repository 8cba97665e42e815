# Bitwise operations on big and negative integers (two's complement
# semantics), shifts, bit_length, and bit_count.
a = (1 << 100) | 0b1011
b = -(1 << 70) + 5
print(a & b, a | b, a ^ b, ~a, ~b, -a & 0xFFFF)
print(a >> 98, b >> 65, b >> 200, a << 33, -1 << 100, (-1) >> 10)
print(a.bit_length(), b.bit_length(), (0).bit_length(), (-1).bit_length(), (2 ** 64).bit_length())
print(a.bit_count(), b.bit_count(), (255).bit_count(), (-255).bit_count())
x = 0
for i in range(0, 200, 7):
    x |= 1 << i
print(x, bin(x).count("1"), x & (x - 1) == x - (x & -x))
print(-5 & 3, -5 | 3, -5 ^ 3, ~0, 6 & -6, (1 << 64) - 1 & -(1 << 32))
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1.5 & 1
except TypeError as e:
    print("TypeError:", e)
