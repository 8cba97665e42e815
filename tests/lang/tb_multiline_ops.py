# Failing operations whose range spans lines: the first line is printed
# and the carets run to its last non-blank character.
class Config:
    pass


def total(parts):
    return (parts[0] +
            parts[1] +
            parts[2])


def setting(cfg):
    return (cfg
            .section
            .value)


print(total([1, 2, 3]))
try:
    setting(Config())
except AttributeError as e:
    print("AttributeError:", e)
total([1, "two", 3])
