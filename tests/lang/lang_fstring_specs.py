# f-strings: expressions, conversions, format specs with nested fields,
# the = debugging form, quotes, dict access, calls, and multi-line.
name, width, prec = "heap", 10, 3
value = 2 / 3
items = {"a": 1, "b": [1, 2]}
print(f"{name!r:>{width}}|{value:.{prec}f}|{value:{width}.{prec}e}|{name:^{width}}|")
print(f"{name=}", f"{value=:.2f}", f"{width * 2=}", f"{ name = }", f"{items['b'][1]=}")
print(f"{'quoted'} {items['a']} {len(items)} {sorted(items)!r} {3+4}")
print(f"{value:.1%} {1e6:,.0f} {-7:+05d} {255:#06x} {'x':*<3} {12:b}")
print(f"{{braces}} {{{name}}} {'{'}{'}'}")
nested = f"outer {f'inner {name.upper()}'} end"
print(nested, f"{'a' if value > 0.5 else 'b'}", f"{[x * 2 for x in range(3)]}")
multi = (f"line {1}, "
         f"line {2}")
print(multi, f"""{name
}""", f"{(lambda z: z * 2)(21)}")
for v in [0, 1.5, -2, 10 ** 20, "s", None, True]:
    print(f"[{v!s:>8}] [{v!r:<8}] [{str(v):^8}]")
import math
print(f"{math.pi:.10f} {math.e:g} {float('inf'):>6} {-0.0:+.1f} {1/3:.20f}")
