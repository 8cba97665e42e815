def t(v):
    print("eval", v)
    return v
print(t(0) and t(1))
print(t(1) and t(2))
print(t(0) or t(3))
print(t(4) or t(5))
print(not 0, not 1, not [], not [0])
print(None or "default", "" or 0 or [] or "last")
