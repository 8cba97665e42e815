# enum: reusing a name in an Enum body is an error (needs the metaclass's
# __prepare__ namespace to see both assignments).
from enum import Enum

try:
    class Dup(Enum):
        A = 1
        A = 2
except TypeError as e:
    print("TypeError:", e)

try:
    class Clash(Enum):
        A = 1

        def A(self):
            return 0
except TypeError as e:
    print("TypeError:", e)
print("done")
