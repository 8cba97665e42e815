# wraps / update_wrapper in decorators; cmp_to_key
from functools import wraps, update_wrapper, cmp_to_key, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES

def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args, kwargs)
        return func(*args, **kwargs)
    return wrapper

@logged
def add(a, b=1):
    """Add two numbers."""
    return a + b

print(add(2, b=5), add.__name__, add.__doc__, add.__wrapped__.__name__, add.__qualname__)

def counted(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return update_wrapper(wrapper, func)

@counted
def square(x):
    "square it"
    return x * x

print([square(i) for i in range(4)], square.calls, square.__name__, square.__doc__)
def target():
    pass
target.attr = "copied"
def shell():
    pass
update_wrapper(shell, target, assigned=("__name__",), updated=())
print(shell.__name__, hasattr(shell, "attr"), shell.__wrapped__ is target)
update_wrapper(shell, target)
print(shell.attr, shell.__dict__["attr"])
print(WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)

def compare_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)

words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
print(sorted(words, key=cmp_to_key(compare_len_then_alpha)))
print(sorted(words, key=cmp_to_key(compare_len_then_alpha), reverse=True))
print(max(words, key=cmp_to_key(compare_len_then_alpha)), min([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
K = cmp_to_key(lambda a, b: a - b)
print(K(1) < K(2), K(2) <= K(2), K(3) == K(3), K(3) != K(3), K(5) > K(1), K(5).obj)
try:
    K(1) < 2
except TypeError as e:
    print("TypeError", e)
try:
    hash(K(1))
except TypeError as e:
    print("TypeError", e)
