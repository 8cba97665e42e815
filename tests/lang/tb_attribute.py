# Attribute access on None in the middle of a chain.
class User:
    def __init__(self, profile):
        self.profile = profile


def display_name(user):
    name = user.profile.name.upper()
    return name


print(display_name(User(None)))
