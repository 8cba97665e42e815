# abs, round, divmod, hex and bin on instances with the special methods.
class Money:
    def __init__(self, v):
        self.v = v

    def __abs__(self):
        return Money(abs(self.v))

    def __round__(self, n=None):
        return "rounded(%s, %s)" % (self.v, n)

    def __divmod__(self, other):
        return ("dm", self.v, other)

    def __index__(self):
        return self.v


print(abs(Money(-4)).v, round(Money(2)), round(Money(2), 1), divmod(Money(9), 4))
print(hex(Money(255)), bin(Money(3)))
