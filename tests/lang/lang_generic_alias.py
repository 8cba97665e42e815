import collections
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], collections.deque[int])
a=list[int]; print(a.__origin__, a.__args__, a.__parameters__, a == list[int], hash(a)==hash(list[int]), a(), type(a), repr(type(a)))
class C:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(C[int], C["x"])
class D(C): pass
print(D[1, 2])
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
print(list[int, str], dict[int], list["X"], list[3])
try:
    object[int]
except TypeError as e:
    print(e)
try:
    int[3]
except TypeError as e:
    print(e)
