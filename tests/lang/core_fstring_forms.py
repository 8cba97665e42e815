x = 10; name = "py"
print(f"{x}", f"{x!r}", f"{name!r}", f"{x=}", f"{x + 1}", f"{{braces}}", f"{x:04d}", f"{x:x}")
w = 8
print(f"[{name:>{w}}]", f"[{name:^{w}}]", f"[{3.14159:.{2}f}]")
print(f"{'nested ' + name}")
