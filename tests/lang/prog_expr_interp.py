# A small expression language: tokenizer, recursive-descent parser, AST
# classes and a tree-walking evaluator with variables, functions and errors.


class LangError(Exception):
    """Base class of every error the little language reports."""


class TokenizeError(LangError):
    pass


class ParseError(LangError):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at {pos}")
        self.pos = pos


class EvalError(LangError):
    pass


class Token:
    __slots__ = ("kind", "text", "pos")

    def __init__(self, kind, text, pos):
        self.kind = kind
        self.text = text
        self.pos = pos

    def __repr__(self):
        return f"Token({self.kind!r}, {self.text!r})"


KEYWORDS = {"let", "in", "if", "then", "else", "fn"}
SYMBOLS = ["==", "!=", "<=", ">=", "->", "+", "-", "*", "/", "%", "(", ")",
           "<", ">", "=", ",", "^"]


def tokenize(src):
    i = 0
    out = []
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
            continue
        if c.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            out.append(Token("num", src[i:j], i))
            i = j
            continue
        if c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            out.append(Token("kw" if word in KEYWORDS else "name", word, i))
            i = j
            continue
        for sym in SYMBOLS:
            if src.startswith(sym, i):
                out.append(Token("op", sym, i))
                i += len(sym)
                break
        else:
            raise TokenizeError(f"unexpected character {c!r} at {i}")
    out.append(Token("eof", "", len(src)))
    return out


class Node:
    fields = ()

    def __repr__(self):
        args = ", ".join(repr(getattr(self, f)) for f in self.fields)
        return f"{type(self).__name__}({args})"


class Num(Node):
    fields = ("value",)

    def __init__(self, value):
        self.value = value


class Var(Node):
    fields = ("name",)

    def __init__(self, name):
        self.name = name


class BinOp(Node):
    fields = ("op", "left", "right")

    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right


class Neg(Node):
    fields = ("operand",)

    def __init__(self, operand):
        self.operand = operand


class Let(Node):
    fields = ("name", "value", "body")

    def __init__(self, name, value, body):
        self.name, self.value, self.body = name, value, body


class If(Node):
    fields = ("cond", "then", "other")

    def __init__(self, cond, then, other):
        self.cond, self.then, self.other = cond, then, other


class Lambda(Node):
    fields = ("params", "body")

    def __init__(self, params, body):
        self.params, self.body = params, body


class Call(Node):
    fields = ("func", "args")

    def __init__(self, func, args):
        self.func, self.args = func, args


PRECEDENCE = {"==": 1, "!=": 1, "<": 2, ">": 2, "<=": 2, ">=": 2,
              "+": 3, "-": 3, "*": 4, "/": 4, "%": 4, "^": 5}
RIGHT_ASSOC = {"^"}


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.i = 0

    @property
    def tok(self):
        return self.tokens[self.i]

    def advance(self):
        t = self.tokens[self.i]
        self.i += 1
        return t

    def expect(self, kind, text=None):
        t = self.tok
        if t.kind != kind or (text is not None and t.text != text):
            want = text if text is not None else kind
            raise ParseError(f"expected {want!r}, got {t.text or 'end'!r}", t.pos)
        return self.advance()

    def parse(self):
        e = self.expr()
        self.expect("eof")
        return e

    def expr(self):
        t = self.tok
        if t.kind == "kw" and t.text == "let":
            self.advance()
            name = self.expect("name").text
            self.expect("op", "=")
            value = self.expr()
            self.expect("kw", "in")
            return Let(name, value, self.expr())
        if t.kind == "kw" and t.text == "if":
            self.advance()
            c = self.expr()
            self.expect("kw", "then")
            a = self.expr()
            self.expect("kw", "else")
            return If(c, a, self.expr())
        if t.kind == "kw" and t.text == "fn":
            self.advance()
            params = []
            while self.tok.kind == "name":
                params.append(self.advance().text)
            self.expect("op", "->")
            return Lambda(tuple(params), self.expr())
        return self.binary(1)

    def binary(self, min_prec):
        left = self.unary()
        while self.tok.kind == "op" and PRECEDENCE.get(self.tok.text, 0) >= min_prec:
            op = self.advance().text
            prec = PRECEDENCE[op]
            nxt = prec if op in RIGHT_ASSOC else prec + 1
            left = BinOp(op, left, self.binary(nxt))
        return left

    def unary(self):
        if self.tok.kind == "op" and self.tok.text == "-":
            self.advance()
            return Neg(self.unary())
        return self.postfix()

    def postfix(self):
        e = self.atom()
        while self.tok.kind == "op" and self.tok.text == "(":
            self.advance()
            args = []
            if not (self.tok.kind == "op" and self.tok.text == ")"):
                args.append(self.expr())
                while self.tok.kind == "op" and self.tok.text == ",":
                    self.advance()
                    args.append(self.expr())
            self.expect("op", ")")
            e = Call(e, args)
        return e

    def atom(self):
        t = self.tok
        if t.kind == "num":
            self.advance()
            return Num(float(t.text) if "." in t.text else int(t.text))
        if t.kind == "name":
            self.advance()
            return Var(t.text)
        if t.kind == "op" and t.text == "(":
            self.advance()
            e = self.expr()
            self.expect("op", ")")
            return e
        raise ParseError(f"unexpected {t.text or 'end'!r}", t.pos)


class Closure:
    def __init__(self, params, body, env):
        self.params, self.body, self.env = params, body, env

    def __repr__(self):
        return f"<fn/{len(self.params)}>"


class Env:
    def __init__(self, names=None, parent=None):
        self.names = dict(names or {})
        self.parent = parent

    def lookup(self, name):
        env = self
        while env is not None:
            if name in env.names:
                return env.names[name]
            env = env.parent
        raise EvalError(f"unbound name {name!r}")


def apply_op(op, a, b):
    if op == "+": return a + b
    if op == "-": return a - b
    if op == "*": return a * b
    if op == "/":
        if b == 0:
            raise EvalError("division by zero")
        return a / b if isinstance(a, float) or isinstance(b, float) or a % b else a // b
    if op == "%": return a % b
    if op == "^": return a ** b
    if op == "==": return int(a == b)
    if op == "!=": return int(a != b)
    if op == "<": return int(a < b)
    if op == ">": return int(a > b)
    if op == "<=": return int(a <= b)
    if op == ">=": return int(a >= b)
    raise EvalError(f"bad operator {op}")


def evaluate(node, env, depth=0):
    if depth > 200:
        raise EvalError("too deep")
    match_type = type(node).__name__
    if match_type == "Num":
        return node.value
    if match_type == "Var":
        return env.lookup(node.name)
    if match_type == "Neg":
        return -evaluate(node.operand, env, depth + 1)
    if match_type == "BinOp":
        return apply_op(node.op, evaluate(node.left, env, depth + 1),
                        evaluate(node.right, env, depth + 1))
    if match_type == "Let":
        inner = Env({}, env)
        inner.names[node.name] = None
        inner.names[node.name] = evaluate(node.value, inner, depth + 1)
        return evaluate(node.body, inner, depth + 1)
    if match_type == "If":
        branch = node.then if evaluate(node.cond, env, depth + 1) else node.other
        return evaluate(branch, env, depth + 1)
    if match_type == "Lambda":
        return Closure(node.params, node.body, env)
    if match_type == "Call":
        f = evaluate(node.func, env, depth + 1)
        args = [evaluate(a, env, depth + 1) for a in node.args]
        if callable(f):
            return f(*args)
        if not isinstance(f, Closure):
            raise EvalError(f"cannot call {f!r}")
        if len(args) != len(f.params):
            raise EvalError(f"arity mismatch: want {len(f.params)}, got {len(args)}")
        return evaluate(f.body, Env(zip(f.params, args), f.env), depth + 1)
    raise EvalError(f"unknown node {match_type}")


GLOBALS = Env({"max": max, "min": min, "abs": abs, "pi": 3.25})

PROGRAMS = [
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ^ 3 ^ 2",
    "-4 + 10 % 3",
    "7 / 2",
    "8 / 2",
    "let x = 5 in x * x - 1",
    "let sq = fn a -> a * a in sq(12) + sq(2)",
    "let fact = fn n -> if n <= 1 then 1 else n * fact(n - 1) in fact(25)",
    "let fib = fn n -> if n < 2 then n else fib(n - 1) + fib(n - 2) in fib(15)",
    "let add = fn a b -> a + b in let inc = fn x -> add(x, 1) in inc(inc(40))",
    "max(3, 9, 4) - min(8, 2) + abs(-7)",
    "pi * 2",
    "let compose = fn f g -> fn x -> f(g(x)) in compose(fn a -> a * 3, fn b -> b + 1)(4)",
    "1 == 1.0",
    "fn a b -> a",
    "1 / 0",
    "undefined + 1",
    "(1 + 2",
    "let = 3 in 4",
    "3 $ 4",
    "let f = fn a -> a in f(1, 2)",
    "5(3)",
    "let loop = fn n -> loop(n + 1) in loop(0)",
]

if __name__ == "__main__":
    for src in PROGRAMS:
        try:
            tree = Parser(tokenize(src)).parse()
            result = evaluate(tree, GLOBALS)
        except ParseError as e:
            print(f"{src!r:50} parse error: {e} (pos {e.pos})")
        except LangError as e:
            print(f"{src!r:50} {type(e).__name__}: {e}")
        else:
            print(f"{src!r:50} = {result!r}")
    print(Parser(tokenize("let a = 1 in -a + f(2, 3)")).parse())
    print(tokenize("a->b")[:3])
    print(issubclass(ParseError, LangError), isinstance(EvalError("x"), Exception))
