# Single inheritance: overriding, extending with super(), attribute lookup
# through the chain, and isinstance along the hierarchy.
class Animal:
    sound = "..."
    legs = 4

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def describe(self):
        return f"{type(self).__name__}({self.name}, legs={self.legs})"


class Dog(Animal):
    sound = "woof"

    def speak(self):
        return super().speak() + "!"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        base = super().speak()
        return base.upper() if self.age < 1 else base


class Bird(Animal):
    sound = "tweet"
    legs = 2


for a in [Animal("generic"), Dog("rex"), Puppy("bit", 0.5), Puppy("old", 3), Bird("tweety")]:
    print(a.speak(), "|", a.describe(), "|", isinstance(a, Dog), isinstance(a, Animal))
print(Puppy.__mro__)
print(issubclass(Puppy, Animal), issubclass(Bird, Dog), Puppy.__bases__, Dog.__base__)
print(Puppy.sound, "speak" in Puppy.__dict__, "describe" in Puppy.__dict__)
