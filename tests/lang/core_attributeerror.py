x = 5
x.nothing
