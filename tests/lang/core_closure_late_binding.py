fs = []
for i in range(3):
    def f():
        return i
    fs.append(f)
print([f() for f in fs])
def outer():
    fs = [lambda: j for j in range(3)]
    return [f() for f in fs]
print(outer())
