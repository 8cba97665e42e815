# A tokenizer and recursive-descent calculator with variables, functions,
# operator precedence, error reporting with column numbers.
import math

class Token:
    __slots__ = ("kind", "text", "col")

    def __init__(self, kind, text, col):
        self.kind, self.text, self.col = kind, text, col

    def __repr__(self):
        return f"{self.kind}:{self.text!r}@{self.col}"


class CalcError(Exception):
    pass


OPS = {"+", "-", "*", "/", "%", "^", "(", ")", ",", "="}


def tokenize(src):
    toks, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or (ch == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            if j < len(src) and src[j] in "eE":
                j += 1
                if j < len(src) and src[j] in "+-":
                    j += 1
                while j < len(src) and src[j].isdigit():
                    j += 1
            toks.append(Token("num", src[i:j], i))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            toks.append(Token("name", src[i:j], i))
            i = j
        elif ch == "*" and src[i:i + 2] == "**":
            toks.append(Token("op", "^", i))
            i += 2
        elif ch in OPS:
            toks.append(Token("op", ch, i))
            i += 1
        else:
            raise CalcError("bad character %r at column %d" % (ch, i + 1))
    toks.append(Token("end", "", len(src)))
    return toks


class Parser:
    FUNCS = {"sqrt": math.sqrt, "sin": math.sin, "cos": math.cos, "abs": abs, "max": max, "min": min,
             "floor": math.floor, "log": math.log, "hypot": math.hypot}

    def __init__(self, env):
        self.env = env

    def parse(self, src):
        self.toks = tokenize(src)
        self.i = 0
        if len(self.toks) > 2 and self.toks[0].kind == "name" and self.toks[1].text == "=":
            name = self.toks[0].text
            self.i = 2
            val = self.expr()
            self.env[name] = val
        else:
            val = self.expr()
        if self.cur().kind != "end":
            raise CalcError("unexpected %r at column %d" % (self.cur().text, self.cur().col + 1))
        return val

    def cur(self):
        return self.toks[self.i]

    def eat(self, text=None):
        t = self.cur()
        if text is not None and t.text != text:
            raise CalcError("expected %r at column %d, got %r" % (text, t.col + 1, t.text or "end"))
        self.i += 1
        return t

    def expr(self):
        v = self.term()
        while self.cur().text in ("+", "-"):
            op = self.eat().text
            r = self.term()
            v = v + r if op == "+" else v - r
        return v

    def term(self):
        v = self.unary()
        while self.cur().text in ("*", "/", "%"):
            op = self.eat().text
            r = self.unary()
            if op == "*":
                v *= r
            elif r == 0:
                raise CalcError("division by zero")
            elif op == "/":
                v = v / r if isinstance(v, float) or isinstance(r, float) or v % r else v // r
            else:
                v %= r
        return v

    def unary(self):
        if self.cur().text == "-":
            self.eat()
            return -self.unary()
        if self.cur().text == "+":
            self.eat()
            return self.unary()
        return self.power()

    def power(self):
        base = self.atom()
        if self.cur().text == "^":
            self.eat()
            return base ** self.unary()
        return base

    def atom(self):
        t = self.eat()
        if t.kind == "num":
            return float(t.text) if ("." in t.text or "e" in t.text.lower()) else int(t.text)
        if t.kind == "name":
            if self.cur().text == "(":
                self.eat("(")
                args = [self.expr()]
                while self.cur().text == ",":
                    self.eat()
                    args.append(self.expr())
                self.eat(")")
                fn = self.FUNCS.get(t.text)
                if fn is None:
                    raise CalcError("unknown function %s()" % t.text)
                return fn(*args)
            if t.text not in self.env:
                raise CalcError("undefined variable %r" % t.text)
            return self.env[t.text]
        if t.text == "(":
            v = self.expr()
            self.eat(")")
            return v
        raise CalcError("unexpected %r at column %d" % (t.text or "end", t.col + 1))


env = {"pi": math.pi, "e": math.e}
p = Parser(env)
lines = [
    "1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ** 2", "7 / 2", "8 / 2", "7 % 3", "1.5e2 + .5",
    "x = 4", "y = x * (x - 1)", "y / 5", "sqrt(x) + max(1, y, 3)", "hypot(3, 4) * cos(0)",
    "floor(pi * 1000)", "2 ^ 100", "-(-(-3))", "1 / 0", "1 +", "foo(2)", "z + 1", "3 $ 4",
    "(1 + 2", "1 2", "log(e ^ 3)", "min()",
]
for line in lines:
    try:
        print("%-24s => %r" % (line, p.parse(line)))
    except CalcError as err:
        print("%-24s !! %s" % (line, err))
    except TypeError as err:
        print("%-24s TypeError %s" % (line, err))
print(tokenize("a1 = 2.5*(b_ - 3e-2)"))
print(sorted(env.items())[:3])
