x = 1
def setx(v):
    global x
    x = v
def getx():
    return x
setx(5)
print(x, getx())
def newglobal():
    global created
    created = "yes"
newglobal()
print(created)
