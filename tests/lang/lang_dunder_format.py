# __format__: format(), f-strings and str.format pass the spec to
# __format__; the default object.__format__ rejects non-empty specs.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "":
            return f"{self.cents / 100:.2f}"
        if spec == "words":
            return f"{self.cents // 100} dollars and {self.cents % 100} cents"
        return format(self.cents / 100, spec)

    def __str__(self):
        return "Money!"


m = Money(123456)
print(format(m), format(m, "words"), f"{m:>12,.1f}|", "{:^14.3f}|".format(m))
print(f"{m}", str(m), "{}".format(m), f"{m!s}", "{0:words}".format(m))


class Plain:
    def __str__(self):
        return "plain"


print(format(Plain()), f"{Plain()}", f"{Plain()!s:>8}")
try:
    format(Plain(), "10")
except TypeError as e:
    print("TypeError:", e)


class Bad:
    def __format__(self, spec):
        return 5


try:
    f"{Bad()}"
except TypeError as e:
    print("TypeError:", e)
print(f"{3.14159:{'.'}{2}f}", format(255, "#x"), format("s", "*^5"))
