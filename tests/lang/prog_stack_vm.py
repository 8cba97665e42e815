# A compiler from a tiny imperative language to a stack-machine bytecode,
# with a disassembler and an interpreter loop: statements (assignment,
# while, if/else, print, functions with return), expression compilation
# with constant folding, jump patching, and runtime errors with line numbers.

OPS = ["CONST", "LOAD", "STORE", "ADD", "SUB", "MUL", "DIV", "MOD", "LT", "LE", "EQ",
       "NE", "NOT", "NEG", "JUMP", "JUMP_IF_FALSE", "PRINT", "CALL", "RET", "POP", "HALT"]
OP = {name: i for i, name in enumerate(OPS)}
HAS_ARG = {"CONST", "LOAD", "STORE", "JUMP", "JUMP_IF_FALSE", "CALL", "PRINT"}
BINOPS = {"+": "ADD", "-": "SUB", "*": "MUL", "/": "DIV", "%": "MOD", "<": "LT",
          "<=": "LE", "==": "EQ", "!=": "NE"}
FOLD = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
        "%": lambda a, b: a % b, "<": lambda a, b: int(a < b), "<=": lambda a, b: int(a <= b),
        "==": lambda a, b: int(a == b), "!=": lambda a, b: int(a != b)}


class CompileError(Exception):
    pass


class VMError(Exception):
    def __init__(self, msg, func, line):
        super().__init__(f"{msg} (in {func}, line {line})")


def tokenize(line):
    toks, i = [], 0
    while i < len(line):
        c = line[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(line) and line[j].isdigit():
                j += 1
            toks.append(int(line[i:j]))
            i = j
        elif c.isalpha():
            j = i
            while j < len(line) and (line[j].isalnum() or line[j] == "_"):
                j += 1
            toks.append(line[i:j])
            i = j
        elif line[i:i + 2] in ("<=", "==", "!="):
            toks.append(line[i:i + 2])
            i += 2
        elif c in "+-*/%<()=,!":
            toks.append(c)
            i += 1
        elif c == '"':
            j = line.index('"', i + 1)
            toks.append(("str", line[i + 1:j]))
            i = j + 1
        else:
            raise CompileError(f"bad character {c!r}")
    return toks


class Function:
    def __init__(self, name, params):
        self.name = name
        self.params = params
        self.code = []
        self.lines = []
        self.consts = []
        self.names = list(params)

    def emit(self, op, arg=None, line=0):
        self.code.append((OP[op], arg))
        self.lines.append(line)
        return len(self.code) - 1

    def const(self, value):
        if value not in self.consts:
            self.consts.append(value)
        return self.consts.index(value)

    def name_index(self, name):
        if name not in self.names:
            self.names.append(name)
        return self.names.index(name)

    def disassemble(self):
        out = [f"function {self.name}({', '.join(self.params)}):"]
        for pc, ((op, arg), line) in enumerate(zip(self.code, self.lines)):
            name = OPS[op]
            text = f"  {line:3d} {pc:4d} {name:<14}"
            if name == "CONST":
                text += f"{arg} ({self.consts[arg]!r})"
            elif name in ("LOAD", "STORE"):
                text += f"{arg} ({self.names[arg]})"
            elif arg is not None:
                text += str(arg)
            out.append(text.rstrip())
        return "\n".join(out)


class ExprCompiler:
    PREC = [("==", "!="), ("<", "<="), ("+", "-"), ("*", "/", "%")]

    def __init__(self, toks):
        self.toks = toks
        self.i = 0

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self):
        t = self.peek()
        self.i += 1
        return t

    def parse(self, level=0):
        if level == len(self.PREC):
            return self.unary()
        left = self.parse(level + 1)
        while self.peek() in self.PREC[level]:
            op = self.take()
            right = self.parse(level + 1)
            if left[0] == "num" and right[0] == "num" and op in FOLD:
                left = ("num", FOLD[op](left[1], right[1]))
            else:
                left = ("bin", op, left, right)
        return left

    def unary(self):
        t = self.take()
        if t == "-":
            e = self.unary()
            return ("num", -e[1]) if e[0] == "num" else ("neg", e)
        if t == "!":
            return ("not", self.unary())
        if isinstance(t, int):
            return ("num", t)
        if isinstance(t, tuple):
            return ("num", t[1])
        if t == "(":
            e = self.parse()
            if self.take() != ")":
                raise CompileError("expected )")
            return e
        if isinstance(t, str) and t.isidentifier():
            if self.peek() == "(":
                self.take()
                args = []
                while self.peek() != ")":
                    args.append(self.parse())
                    if self.peek() == ",":
                        self.take()
                self.take()
                return ("call", t, args)
            return ("var", t)
        raise CompileError(f"unexpected token {t!r}")


def gen(fn, node, line):
    kind = node[0]
    if kind == "num":
        fn.emit("CONST", fn.const(node[1]), line)
    elif kind == "var":
        fn.emit("LOAD", fn.name_index(node[1]), line)
    elif kind == "bin":
        gen(fn, node[2], line)
        gen(fn, node[3], line)
        fn.emit(BINOPS[node[1]], None, line)
    elif kind == "neg":
        gen(fn, node[1], line)
        fn.emit("NEG", None, line)
    elif kind == "not":
        gen(fn, node[1], line)
        fn.emit("NOT", None, line)
    elif kind == "call":
        for a in node[2]:
            gen(fn, a, line)
        fn.emit("CONST", fn.const(node[1]), line)
        fn.emit("CALL", len(node[2]), line)


def compile_program(src):
    funcs = {"main": Function("main", [])}
    stack = [("func", funcs["main"])]
    for lineno, raw in enumerate(src.splitlines(), 1):
        toks = tokenize(raw.split("#")[0])
        if not toks:
            continue
        fn = next(b[1] for b in reversed(stack) if b[0] == "func")
        head = toks[0]
        try:
            if head == "def":
                name, params = toks[1], [t for t in toks[3:-1] if t != ","]
                f = Function(name, params)
                funcs[name] = f
                stack.append(("func", f))
            elif head == "while":
                top = len(fn.code)
                gen(fn, ExprCompiler(toks[1:]).parse(), lineno)
                jf = fn.emit("JUMP_IF_FALSE", None, lineno)
                stack.append(("while", fn, top, jf))
            elif head == "if":
                gen(fn, ExprCompiler(toks[1:]).parse(), lineno)
                stack.append(("if", fn, fn.emit("JUMP_IF_FALSE", None, lineno)))
            elif head == "else":
                if stack[-1][0] != "if":
                    raise CompileError("else without if")
                kind, f, jf = stack.pop()
                j = fn.emit("JUMP", None, lineno)
                fn.code[jf] = (OP["JUMP_IF_FALSE"], len(fn.code))
                stack.append(("else", f, j))
            elif head == "end":
                if len(stack) == 1:
                    raise CompileError("end without block")
                block = stack.pop()
                if block[0] == "while":
                    fn.emit("JUMP", block[2], lineno)
                    fn.code[block[3]] = (OP["JUMP_IF_FALSE"], len(fn.code))
                elif block[0] in ("if", "else"):
                    op = "JUMP_IF_FALSE" if block[0] == "if" else "JUMP"
                    fn.code[block[2]] = (OP[op], len(fn.code))
                else:
                    fn.emit("CONST", fn.const(0), lineno)
                    fn.emit("RET", None, lineno)
            elif head == "print":
                args = [ExprCompiler(part).parse() for part in split_commas(toks[1:])]
                for a in args:
                    gen(fn, a, lineno)
                fn.emit("PRINT", len(args), lineno)
            elif head == "return":
                gen(fn, ExprCompiler(toks[1:]).parse(), lineno)
                fn.emit("RET", None, lineno)
            elif len(toks) > 1 and toks[1] == "=":
                gen(fn, ExprCompiler(toks[2:]).parse(), lineno)
                fn.emit("STORE", fn.name_index(head), lineno)
            else:
                gen(fn, ExprCompiler(toks).parse(), lineno)
                fn.emit("POP", None, lineno)
        except CompileError as e:
            raise CompileError(f"line {lineno}: {e}") from None
    if len(stack) != 1:
        raise CompileError(f"unclosed {stack[-1][0]} block")
    funcs["main"].emit("HALT", None, 0)
    return funcs


def split_commas(toks):
    parts, cur, depth = [], [], 0
    for t in toks:
        if t == "," and depth == 0:
            parts.append(cur)
            cur = []
            continue
        depth += (t == "(") - (t == ")")
        cur.append(t)
    return parts + [cur] if cur else parts


def run(funcs, max_steps=200000):
    out = []
    frames = [(funcs["main"], 0, [None] * 16)]
    stack = []
    steps = 0
    fn, pc, local = frames.pop()
    while True:
        steps += 1
        if steps > max_steps:
            raise VMError("step limit", fn.name, fn.lines[pc])
        op, arg = fn.code[pc]
        pc += 1
        name = OPS[op]
        if name == "CONST":
            stack.append(fn.consts[arg])
        elif name == "LOAD":
            v = local[arg]
            if v is None:
                raise VMError(f"variable {fn.names[arg]!r} used before assignment", fn.name, fn.lines[pc - 1])
            stack.append(v)
        elif name == "STORE":
            local[arg] = stack.pop()
        elif name in ("ADD", "SUB", "MUL", "DIV", "MOD", "LT", "LE", "EQ", "NE"):
            b, a = stack.pop(), stack.pop()
            if name in ("DIV", "MOD") and b == 0:
                raise VMError("division by zero", fn.name, fn.lines[pc - 1])
            if name == "DIV":
                stack.append(a // b)
            else:
                sym = {v: k for k, v in BINOPS.items()}[name]
                stack.append(FOLD[sym](a, b))
        elif name == "NEG":
            stack.append(-stack.pop())
        elif name == "NOT":
            stack.append(int(not stack.pop()))
        elif name == "JUMP":
            pc = arg
        elif name == "JUMP_IF_FALSE":
            if not stack.pop():
                pc = arg
        elif name == "PRINT":
            vals = stack[len(stack) - arg:]
            del stack[len(stack) - arg:]
            out.append(" ".join(str(v) for v in vals))
        elif name == "CALL":
            callee = funcs.get(stack.pop())
            args = stack[len(stack) - arg:]
            del stack[len(stack) - arg:]
            if len(frames) > 100:
                raise VMError("call stack overflow", fn.name, fn.lines[pc - 1])
            frames.append((fn, pc, local))
            fn, pc = callee, 0
            local = args + [None] * 16
        elif name == "RET":
            fn, pc, local = frames.pop()
        elif name == "POP":
            stack.pop()
        elif name == "HALT":
            return out, steps


PROGRAM = """
def fact(n)
  if n <= 1
    return 1
  end
  return n * fact(n - 1)
end
def gcd(a, b)
  while b != 0
    t = b
    b = a % b
    a = t
  end
  return a
end
def collatz(n)
  steps = 0
  while n != 1
    if n % 2 == 0
      n = n / 2
    else
      n = 3 * n + 1
    end
    steps = steps + 1
  end
  return steps
end
i = 1
while i <= 6
  print i, fact(i)
  i = i + 1
end
print "gcd", gcd(1071, 462), gcd(17, 5)
print "collatz 27 takes", collatz(27), "steps"
x = 2 * 3 + 4 * (5 - 1)   # folded to 22
print "folded", x, -(-x), !x, !0
print "fact 30", fact(30)
"""

funcs = compile_program(PROGRAM)
out, steps = run(funcs)
print("\n".join(out))
print("steps:", steps)
print(funcs["gcd"].disassemble())
print("main consts:", funcs["main"].consts)
print("main code size:", len(funcs["main"].code), "| functions:", sorted(funcs))
BAD = ["x = 1 / 0\nprint x", "print y", "def f(n)\nreturn f(n + 1)\nend\nf(1)",
       "while 1\nx = 1", "end", "x = 3 $ 4", "x = (1 + 2", "else"]
for src in BAD:
    try:
        out, _ = run(compile_program(src))
        print("ran:", out)
    except CompileError as e:
        print("CompileError:", e)
    except VMError as e:
        print("VMError:", e)
