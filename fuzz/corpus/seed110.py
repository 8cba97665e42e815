def f():
    x = 1
    def g():
        nonlocal x
        x += 1
        def h():
            return x
        return h
    return g
for i in range(10):
    if i % 2: continue
    elif i > 7: break
else:
    pass
while True:
    try:
        break
    finally:
        print("f")
