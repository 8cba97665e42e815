# The string module's constants, capwords, and simple uses of them.
import string

print(repr(string.ascii_letters), repr(string.ascii_lowercase), repr(string.ascii_uppercase))
print(repr(string.digits), repr(string.hexdigits), repr(string.octdigits))
print(repr(string.punctuation), repr(string.whitespace), len(string.printable), string.printable[-6:] == string.whitespace)
print(string.capwords("the  quick brown\tfox"), string.capwords("a-b c-d", "-"))
secret = "Hello, World!"
shift = 3
table = str.maketrans(string.ascii_lowercase + string.ascii_uppercase,
                      string.ascii_lowercase[shift:] + string.ascii_lowercase[:shift]
                      + string.ascii_uppercase[shift:] + string.ascii_uppercase[:shift])
print(secret.translate(table), all(c in string.hexdigits for c in "c0ffee"))
print(sum(c in string.punctuation for c in secret), [c for c in "a1 b2" if c in string.digits])
t = string.Template("$who likes ${what}s, $$5")
print(t.substitute(who="Ann", what="apple"), t.safe_substitute(who="Bo"))
