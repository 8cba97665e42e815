# string.Template facts: $-substitution, escapes, braces, invalid placeholders
# with line/column, safe_substitute, keyword overrides, custom delimiters.
import string
def run(T):
    out = []
    for tpl, args, kw in [("$who likes ${what}s, $$5", ({"who": "Ann", "what": "apple"},), {}), ("$a$b ${c}d $", (), {"a": 1, "b": [2], "c": (3,)}),
                          ("x ${bad", (), {}), ("line1\n  $ 5", (), {}), ("$1", (), {}), ("${}", (), {}), ("$x", ({"x": 1},), {"x": 2}), ("$y", ({"y": 1},), {"x": 2}),
                          ("$missing", (), {}), ("$$$x$", (), {"x": "X"}), ("${a}b$_c9 $Zz", (), {"a": "A", "_c9": "C", "Zz": "Z"}), ("", (), {}), ("$", (), {}), ("\n\n$é", (), {})]:
        t = T(tpl)
        for meth in ("substitute", "safe_substitute"):
            try:
                out.append(repr(getattr(t, meth)(*args, **kw)))
            except (KeyError, ValueError, TypeError) as e:
                out.append(type(e).__name__ + ": " + str(e))
        out.append(repr((t.is_valid(), t.get_identifiers(), t.template)))
    class P(T):
        delimiter = "%"
    out.append(P("%who $x %%").substitute(who="me"))
    class PP(T):
        delimiter = "<<"
    out.append(PP("<<a<<<<<<b <<").safe_substitute(a=1))
    try: T("$a").substitute({}, {})
    except TypeError as e: out.append(str(e))
    try: T(5).substitute()
    except TypeError as e: out.append(str(e))
    out.append(T.delimiter + T.idpattern + str(T.braceidpattern))
    return out
for line in run(string.Template):
    print(line)
