def l1(a):
    def l2(b):
        def l3(c):
            def l4(d):
                return a + b + c + d
            return l4
        return l3
    return l2
print(l1(1)(2)(3)(4))
print(l1(1)(2)(3).__qualname__)
