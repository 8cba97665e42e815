# Non-ASCII text before the failing expression: carets count characters.
def greet(names):
    message = "héllo wörld → " + names["ünïcode"]
    return message


greet({"x": 1})
