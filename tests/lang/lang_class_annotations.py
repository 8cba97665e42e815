class M(type):
    def __new__(mcls, name, bases, ns):
        print(sorted(ns), ns.get("__annotations__"))
        return super().__new__(mcls, name, bases, ns)
class A(metaclass=M):
    x: int
    y: float = 0.0
print(A.__annotations__)
