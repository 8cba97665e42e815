# Classes created inside functions: each call makes a new class object;
# methods close over the function's locals; isinstance across calls.
def make_counter_class(step):
    label = f"by{step}"

    class Counter:
        def __init__(self):
            self.n = 0

        def tick(self):
            self.n += step
            return self.n

        def name(self):
            return label

    return Counter


C2, C5 = make_counter_class(2), make_counter_class(5)
a, b = C2(), C5()
print(a.tick(), a.tick(), b.tick(), a.name(), b.name())
print(C2 is C5, C2.__name__ == C5.__name__, isinstance(a, C5), isinstance(a, C2), C2.__qualname__)
C2b = make_counter_class(2)
print(C2b is C2, type(C2b()).__name__, C2.tick.__code__ is C5.tick.__code__)
