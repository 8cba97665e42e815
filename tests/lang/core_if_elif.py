for v in (-2, 0, 3, 10):
    if v < 0:
        print(v, "neg")
    elif v == 0:
        print(v, "zero")
    elif v < 5:
        print(v, "small")
    else:
        print(v, "big")
