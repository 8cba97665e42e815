import collections
print(int | None, int | str | None, (int | str) == (str | int), type(int | str))
print((int | str).__args__, list[int] | None, int | list)
print(list[int] | list[int], int | list[int] | int, (int | str) | (str | float))
u = int | str
print(u.__args__, u.__parameters__, type(u).__name__, hash(u) == hash(str | int))
print(u == (int | str | int), u != int, u == int)
try:
    isinstance(1, list[int] | None)
except TypeError as e:
    print(e)
print(isinstance(None, int | None), isinstance("a", int | float), issubclass(int, str | None))
print(isinstance(3, int | str), issubclass(bool, int | str), isinstance(2.5, (str, int | float)))
try:
    u[int]
except TypeError as e:
    print(e)
try:
    int | 3
except TypeError as e:
    print(e)
try:
    print(int | "str")
except TypeError as e:
    print(e)
print(collections.deque | None, type(None) | int, None | int)
class A:
    pass
print(A | None, int | A, type(None) | None, int | int)
print(bool(u), u.__or__(float), u.__ror__(float), type.__or__(int, str))
print(type.__or__(int, 3), (int | str).__or__(4))
def f(x: int | None = None, y: list[str] | None = None) -> dict[str, int | float]:
    return {"x": x or 0}
print(f(), f(2), f.__annotations__ if hasattr(f, "__annotations__") else "")
print(type[int], type[int] | None, list[list[int]], tuple[()], tuple[int, ...])
