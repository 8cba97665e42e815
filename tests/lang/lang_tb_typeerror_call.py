# An uncaught TypeError from calling a method with a missing argument.
class Greeter:
    def greet(self, name, punctuation):
        return f"hi {name}{punctuation}"


g = Greeter()
print(g.greet("a", "!"))
print(g.greet("b"))
