# sys: getsizeof (relations only: sizes are the VM's own), the recursion
# limit, argv, the standard streams, and the constants.
import sys

print(sys.getsizeof([]) < sys.getsizeof([1, 2, 3]))
print(sys.getsizeof("") < sys.getsizeof("a" * 100), sys.getsizeof(2**100) > sys.getsizeof(1))
print(sys.getsizeof(()) < sys.getsizeof((1, 2)), sys.getsizeof({}) < sys.getsizeof({i: i for i in range(100)}))
print(type(sys.getsizeof(1.5)).__name__, sys.getsizeof(1.5) > 0, sys.getsizeof(object(), 7) > 0)
items = []
sizes = set()
for i in range(20):
    items.append(i)
    sizes.add(sys.getsizeof(items))
print(1 < len(sizes) < 20)

print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())


def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


print(150 < depth(0) < 200)
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print("TypeError:", e)

print(type(sys.argv).__name__, len(sys.argv), sys.argv[0].endswith("modules_sys.py"))
print(sys.stdout.write("abc\n"), sys.stdout.write("héllo\n"))
sys.stdout.flush()
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdout is not sys.stderr)
print(sys.stdout.encoding, sys.stdout.name, sys.stderr.name)
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
print(sys.maxsize, sys.maxsize == 2**63 - 1, sys.byteorder, sys.platform)
print(sys.version.startswith("3.11"), sys.version_info[:2], sys.version_info >= (3, 8))
print(sys.version_info.major, sys.version_info.minor, len(sys.version_info))
print(type(sys.modules).__name__, "sys" in sys.modules, sys.modules["sys"] is sys)
print(type(sys.path).__name__, isinstance(sys.path[0], str))
a = "".join(["inter", "ned"])
print(sys.intern(a) is sys.intern("interned"))
x = []
before = sys.getrefcount(x)
y = x
print(sys.getrefcount(x) - before)
print(sys.getdefaultencoding(), sys.get_int_max_str_digits())
sys.set_int_max_str_digits(1000)
print(sys.get_int_max_str_digits())
try:
    str(10**1500)
except ValueError as e:
    print("ValueError:", str(e)[:40])
sys.set_int_max_str_digits(0)
print(len(str(10**5000)))
print("stderr next", flush=True)
sys.stderr.write("to stderr\n")
try:
    sys.exit(4)
except SystemExit as e:
    print("SystemExit", e.code)
sys.exit("bye")
