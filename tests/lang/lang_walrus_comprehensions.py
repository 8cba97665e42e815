# Assignment expressions inside comprehensions bind in the enclosing
# scope; nested comprehensions; conditional expressions in comprehensions.
data = [3, 8, 1, 9, 4]
big = [y for x in data if (y := x * 2) > 6]
print(big, y)
total = 0
running = [total := total + x for x in data]
print(running, total)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)], [x for row in matrix for x in row if x % 2])
print({x: ("even" if x % 2 == 0 else "odd") for x in range(4)}, {len(w) for w in "a bb cc ddd".split()})
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed, list(zip(*matrix)) == [tuple(r) for r in transposed])


def find_first_long(words):
    if any(len(found := w) > 4 for w in words):
        return found
    return None


print(find_first_long(["hi", "hello", "hey", "greetings"]), find_first_long(["a"]))
while (n := len(data)) > 3:
    data.pop()
print(n, data)
