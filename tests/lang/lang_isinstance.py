# isinstance and issubclass with classes, tuples, builtins and bool/int.
class A: pass
class B(A): pass
class C: pass


b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, C), isinstance(b, ()))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, B)), issubclass(A, object))
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int), isinstance(1.0, int))
print(isinstance([], list), isinstance({}, dict), isinstance((), tuple), isinstance("", str))
print(isinstance(None, type(None)), isinstance(A, type), isinstance(int, type), issubclass(type, object))
print(isinstance(b, (int, (str, (A,)))), isinstance(3, (float, int)))
print(isinstance(ValueError("x"), Exception), issubclass(KeyError, LookupError))
try:
    isinstance(b, "A")
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(b, A)
except TypeError as e:
    print("TypeError:", e)
print(type(b) is B, type(b) == A, type(B), type(type))
