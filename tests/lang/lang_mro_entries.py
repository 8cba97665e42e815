class Entry:
    def __mro_entries__(self, bases):
        print("entries of", len(bases), "bases")
        return (dict,)
class A(Entry(), list.__class__ and object):
    pass
print(A.__mro__, A.__orig_bases__[1])
class B(list):
    pass
print(hasattr(B, "__orig_bases__"))
