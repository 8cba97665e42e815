x = """abc
def