# Exceptions interacting with loops: break/continue inside try/except,
# handlers inside loops, else clauses, and exceptions escaping a for loop.
results = []
for i in range(6):
    try:
        if i % 3 == 0:
            raise ValueError(i)
        if i == 4:
            break
        results.append(i)
    except ValueError as e:
        results.append(f"V{e}")
        continue
    finally:
        results.append(f"f{i}")
else:
    results.append("no break")
print(results)


def first_int(values):
    for v in values:
        try:
            return int(v)
        except (TypeError, ValueError):
            continue
    return None


print(first_int(["a", None, "12", "3"]), first_int(["x"]), first_int([]))
count = 0
while True:
    try:
        count += 1
        if count > 3:
            raise StopIteration("enough")
    except StopIteration as s:
        print("stopped after", count - 1, s)
        break
total = 0
for a in [1, 2, 0, 4]:
    try:
        total += 12 // a
    except ZeroDivisionError:
        total -= 100
    else:
        total += 1
print(total)
try:
    for x in [1, 2, 3]:
        if x == 2:
            raise KeyError(x)
except KeyError as k:
    print("escaped loop with", k, "x =", x)
