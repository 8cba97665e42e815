# An error inside a list comprehension and a lambda.
def invert_all(values):
    return [1 / v for v in values]


apply = lambda f, xs: f(xs)
print(apply(invert_all, [1, 2, 4]))
apply(invert_all, [1, 0])
