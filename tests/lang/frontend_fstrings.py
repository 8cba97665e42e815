# f-strings: conversions, nested format specs, '=' self-documenting form, braces,
# quotes, raw f-strings, multi-line parts
x, y, w, p = 3.14159, "str", 10, 2
print(f"{x}", f"{x!s}", f"{x!r}", f"{y!a}", f"{x:.2f}", f"{x:{w}.{p}f}|", f"{y:>{w}}|")
print(f"{x = }", f"{x=:.1f}", f"{y=!s}", f"{ y = }", f"{x*2=}")
print(f"{{}}", f"{{{x}}}", f"a{{b}}c", f"{'q'}", f'{"dq"}', f"""{'''t'''}""")
print(f"{[1, 2][0]}", f"{ {'a': 1}['a'] }", f"{(lambda v: v + 1)(1)}", f"{x if x else y}")
print(f"{3:{'>'}{5}}", f"{'é':^5}", f"{b'x'!r}", f"{None}", f"{1+1 if False else 2}")
print(F"up", rf"\n{x}", fr"{y}\t", f"{x:{'%'}}" if False else "pct")
name = "world"
print(f"hello {name!r:>12} and {name.upper():<8}!", f"{len(name):03d}")
print(f"""{'multi'
     }""", f"""line1
{name}
line3""")
