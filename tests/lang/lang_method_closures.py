# Methods that create closures over self and arguments; lambdas in class
# bodies; instance methods returned as callbacks.
class Button:
    def __init__(self, label):
        self.label = label
        self.handlers = []

    def on_click(self, fn):
        self.handlers.append(fn)
        return fn

    def click(self):
        return [h(self) for h in self.handlers]

    def make_greeter(self, greeting):
        def greeter(name):
            return f"{greeting}, {name}, from {self.label}"
        return greeter

    label_upper = property(lambda self: self.label.upper())
    double = staticmethod(lambda x: x * 2)


btn = Button("ok")


@btn.on_click
def first(b):
    return "first " + b.label


btn.on_click(lambda b: "second " + b.label_upper)
print(btn.click(), first.__name__)
g = btn.make_greeter("Hello")
btn.label = "OK!"
print(g("ann"), Button.double(21))
callbacks = [Button(str(i)).make_greeter("hey") for i in range(3)]
print([cb("x") for cb in callbacks])
counter_makers = []
for i in range(3):
    counter_makers.append(lambda i=i: i * 10)
print([f() for f in counter_makers])
