# A failing binary operation inside a function: ~~~~^~~~~ marks the operator.
def total(count, label):
    prefix = "n="
    return prefix + count   +   label


print(total("3", "x"))
print(total(3, "x"))
