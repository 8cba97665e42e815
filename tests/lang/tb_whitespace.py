# Tab indentation and trailing blanks: the source line keeps its trailing
# blanks and the carets count the tab as one column.
def f():
	return g()   


def g():
    return 1 + None  


f()
