# Classes are mutable: methods and attributes added, replaced or deleted
# after creation affect existing instances; instance attributes shadow.
class Pet:
    def sound(self):
        return "..."


p = Pet()
print(p.sound())
Pet.sound = lambda self: "meow"
print(p.sound())


def rename(self, name):
    self.name = name
    return self


Pet.rename = rename
print(p.rename("tom").name, hasattr(Pet, "rename"))
p.sound = lambda: "instance-level"
print(p.sound(), Pet().sound())
del p.sound
print(p.sound())
del Pet.sound
try:
    p.sound()
except AttributeError as e:
    print("AttributeError:", e)
Pet.legs = 4
print(p.legs, Pet().legs)
