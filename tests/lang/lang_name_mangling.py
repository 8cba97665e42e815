# Private name mangling: __name inside a class body becomes _Class__name,
# so subclasses do not clash; dunder names are not mangled.
class Account:
    __count = 0

    def __init__(self, owner):
        self.__owner = owner
        Account.__count += 1

    def owner(self):
        return self.__owner

    @classmethod
    def count(cls):
        return cls.__count

    def __secret(self):
        return "account secret"

    def reveal(self):
        return self.__secret()


class Savings(Account):
    def __init__(self, owner):
        super().__init__(owner)
        self.__owner = "savings-" + owner

    def both(self):
        return self.__owner, self.owner()

    def __secret(self):
        return "savings secret"


s = Savings("ann")
print(s.both(), s.reveal(), Account.count())
print(sorted(vars(s)))
print(s._Account__owner, s._Savings__owner, Account._Account__count)
try:
    s.__owner
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(Account, "__secret"), hasattr(Account, "_Account__secret"))


class _Under:
    def __init__(self):
        self.__x = 1
        self.__y__ = 2


print(sorted(vars(_Under())))
