# Module level: a division by zero inside a call's argument.
zero = 0
values = [1, 2, 3]
print(sum(values), values[0] / zero, "never")
