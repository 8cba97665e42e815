def f():
    pass
class_like = None
assert True
assert 1 + 1 == 2, "math"
print("asserts passed")
assert 1 > 2, "one is not greater"
