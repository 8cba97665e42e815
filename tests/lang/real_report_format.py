# A sales report printer exercising str.format's mini-language, f-string
# format specs and %-formatting side by side.
import math

SALES = [
    ("north", "widget", 1250, 3.5),
    ("north", "gadget", 310, 12.25),
    ("south", "widget", 980, 3.5),
    ("south", "gizmo", 42, 199.99),
    ("east", "gadget", 0, 12.25),
    ("west", "gizmo", 7, 199.99),
    ("west", "widget", 12345, 3.4),
]


def money(x):
    return "${:,.2f}".format(x)


def header(title, width=60, fill="="):
    print("{0:{f}^{w}}".format(" " + title + " ", f=fill, w=width))


header("Sales by line")
print("{:<6}|{:^8}|{:>7}|{:>10}|{:>14}".format("region", "item", "qty", "price", "total"))
for region, item, qty, price in SALES:
    total = qty * price
    print(f"{region:<6}|{item:^8}|{qty:>7d}|{price:>10.2f}|{money(total):>14}")

header("Totals", fill="-")
by_region = {}
for region, item, qty, price in SALES:
    by_region[region] = by_region.get(region, 0) + qty * price
grand = sum(by_region.values())
for region in sorted(by_region, key=by_region.get, reverse=True):
    share = by_region[region] / grand
    bar = "*" * int(share * 40)
    print("%-6s %12.2f %6.1f%% %s" % (region, by_region[region], share * 100, bar))
print("%(n)d regions, grand total %(t).3f" % {"n": len(by_region), "t": grand})

header("Number formats", 40, "~")
for v in (0, 1, -1, 7, 255, 1000000, -123456789):
    print("{0:d} {0:+d} {0: d} {0:x} {0:#X} {0:o} {0:#b} {0:,} {0:_} {0:08d} {0:<6}|{0:^7}|".format(v))
for x in (0.0, 1.5, -2.25, 3.14159265, 1e-7, 12345.6789, 1e22, float("inf"), float("nan")):
    print(f"{x:g} {x:.3g} {x:e} {x:.2E} {x:10.4f} {x:+.1f} {x:%} {x:.0f} {x!r} {x:>12}")
print("{:.2%} {:.0%} {:,.3f} {:_.1f}".format(0.1234, 0.5, 1234567.891, 9876543.21))
print(format(42, "c"), format(0x263A, "c"), format(3.0, ""), format(10 ** 20, ","), format(-0.0, "g"))

header("Strings", 40)
names = ["Ada", "Grace", "Barbara", "Edsger"]
for i, n in enumerate(names):
    print("[{:>10}] [{:<10}] [{:^10}] [{:*^9}] [{:.3}] [{!r:>12}]".format(n, n, n, n, n, n))
    print("%3d. %-8s|%8s|%.2s|%r|%5.1s|" % (i, n, n, n, n, n))
print("{0}{1}{0}".format("ab", "cd"), "{}-{}".format(*"xy"), "{a[1]}/{b[k]}".format(a=[1, 2], b={"k": 3}))

class Temp:
    def __init__(self, c):
        self.c = c

    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1] + "f") + "F"
        return format(self.c, spec) + "C"

    def __str__(self):
        return "Temp(%s)" % self.c

t = Temp(21.5)
print(f"{t}", f"{t:.1F}", f"{t:>8.2}", "{:.0F}".format(t), "{!s}".format(t), f"{t!s:>14}")
print("%s|%r|%a" % ("é", "é", "é"), "%c%c" % (65, "z"), "%5s|%-5s|" % (None, True))
print("%x %X %o %#x %#o %e %G %i %u" % (255, 255, 8, 255, 8, 12345.678, 1e-10, 3, 4))
print("%*d|%-*d|%.*f" % (5, 42, 5, 42, 2, math.pi), "100%% done", "%s" % (1, ) , "%s" % [1, 2])
w = 12
print(f"{'nested':{'>'}{w}}|{math.e:{w}.{3}f}|{'{}'}|{{literal}}|{3+4=}|{names[0]!r:^9}")
try:
    print("{:d}".format(1.5))
except ValueError as e:
    print("ValueError:", e)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("a",))
except TypeError as e:
    print("TypeError:", e)
try:
    print("{0} {}".format(1, 2))
except ValueError as e:
    print("ValueError:", e)
try:
    print("{:,s}".format("a"))
except ValueError as e:
    print("ValueError:", e)
try:
    print("not all" % 5)
except TypeError as e:
    print("TypeError:", e)
