# A missing key: the subscript's brackets get ^, the value ~.
table = {"a": 1, "b": 2}


def lookup(key):
    value = table[key]
    return value


def lookup_nested(rows, i, j):
    return rows[i][j] + 1


print(lookup("a"))
print(lookup_nested([[1, 2], [3]], 0, 1))
print(lookup_nested([[1, 2], [3]], 1, 1))
