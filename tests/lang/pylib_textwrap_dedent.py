# textwrap: dedent and indent, as used for docstrings and messages.
import textwrap


def usage():
    return textwrap.dedent("""\
        Usage: tool [options] FILE

          -h, --help     show this help
          -v             verbose
        """)


print(usage(), end="")
print(textwrap.indent(usage(), "  | "), end="")
cases = ["    a\n    b\n", "  a\n    b\n  c", "\ta\n\tb", "\ta\n    b", "  \n    a\n      b\n  \n",
         "a\n  b", "", "   ", "\n\n", "    x\n\n    y\n", "  \t a\n  \t b\n", "  a\r\n  b\r\n",
         "   hello\n  \t\n   world", " \ta\n \tb\n  c"]
for c in cases:
    print(repr(textwrap.dedent(c)))
for c in cases + ["a\nb\n\nc", "x\r\ny\rz"]:
    print(repr(textwrap.indent(c, "> ")), repr(textwrap.indent(c, "+", lambda line: True)))
print(textwrap.indent("one\n\ntwo\n", "# ", lambda line: line.startswith("t")), end="")
code = '''
    def f(x):
        if x:
            return 1
        return 0
'''
print(textwrap.dedent(code))
print(textwrap.indent(textwrap.dedent(code).strip(), "    "))
