s = "Hello, World"
print(len(s), s.upper(), s.lower(), s.split(", "), s.replace("l", "L"))
print("-".join(["a", "b", "c"]), "  pad  ".strip(), s.find("World"), s.startswith("Hell"))
print(f"{s!r} has {len(s)} chars; pi ~ {3.14159:.2f}; {42:>5}|{'x':<3}|")
print("%s is %d years and %.1f%%" % ("Tom", 30, 99.5))
print("{} + {} = {}".format(1, 2, 3), "{name}!".format(name="hi"))
