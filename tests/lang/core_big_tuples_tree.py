def make_tree(d):
    if d == 0:
        return (None, None)
    return (make_tree(d - 1), make_tree(d - 1))
def check(t):
    l, r = t
    if l is None:
        return 1
    return 1 + check(l) + check(r)
print(check(make_tree(12)))
