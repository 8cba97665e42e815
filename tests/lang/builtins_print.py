# print(): sep, end, file, flush, and writing through a file object's write().
import sys

print()
print(1, 2, 3)
print(1, 2, 3, sep=", ")
print("a", "b", sep="", end="|\n")
print("x", end="")
print("y")
print(*[10, 20, 30], sep="-")
print(None, True, 3.5, [1, "two"], (3,), {"k": 4})
print("sep None", sep=None, end=None)
print("multi\nline")
print("unicode: héllo ☃")
print("flushed", flush=True)
print(file=None)


n = sys.stdout.write("written directly\n")
print(n)
print(sys.stdout.write(""))

for bad in ({"sep": 1}, {"end": b"x"}, {"foo": 1}):
    try:
        print("never", **bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    print("x", file=42)
except AttributeError as e:
    print("AttributeError:", e)
