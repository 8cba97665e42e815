# exit(code) raises SystemExit(code): the process status is the code.
print("before exit")
try:
    exit()
except SystemExit as e:
    print("caught", repr(e.code), e.args)
try:
    quit(5)
except SystemExit as e:
    print("caught", e.code)
exit(3)
print("not reached")
