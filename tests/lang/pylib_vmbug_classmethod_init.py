# classmethod and staticmethod take their function in __init__, so a
# subclass may call super().__init__(func) (abc.abstractclassmethod does).
class cm(classmethod):
    def __init__(self, func):
        super().__init__(func)
        self.tagged = True


class K:
    @cm
    def make(cls):
        return cls.__name__


print(K.make(), K.__dict__["make"].tagged)
c = classmethod.__new__(classmethod)
classmethod.__init__(c, len)
print(c.__func__, staticmethod(len).__func__)
