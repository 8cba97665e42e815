# A tiny spreadsheet: cells hold numbers, text or formulas (=A1+B2*2,
# =SUM(A1:A5), =IF(...)); formulas are parsed to closures, dependencies are
# tracked in both directions, recalculation follows a topological order,
# cycles and errors propagate as #CYCLE / #DIV/0 / #REF values, and the
# sheet renders as a text table.


class CellError(Exception):
    code = "#ERR"


class DivZero(CellError):
    code = "#DIV/0"


class RefError(CellError):
    code = "#REF"


class CycleError(CellError):
    code = "#CYCLE"


class NameErr(CellError):
    code = "#NAME"


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(ord("A") + r) + s
    return s


def split_ref(ref):
    i = 0
    while i < len(ref) and ref[i].isalpha():
        i += 1
    if i == 0 or i == len(ref) or not ref[i:].isdigit():
        raise RefError(ref)
    return col_index(ref[:i]), int(ref[i:]) - 1


def expand_range(a, b):
    c1, r1 = split_ref(a)
    c2, r2 = split_ref(b)
    return [f"{col_name(c)}{r + 1}" for r in range(min(r1, r2), max(r1, r2) + 1)
            for c in range(min(c1, c2), max(c1, c2) + 1)]


FUNCS = {
    "SUM": lambda *xs: sum(xs),
    "MAX": lambda *xs: max(xs),
    "MIN": lambda *xs: min(xs),
    "AVG": lambda *xs: sum(xs) / len(xs),
    "COUNT": lambda *xs: len(xs),
    "IF": lambda c, a, b: a if c else b,
    "ABS": abs,
    "ROUND": lambda x, n=0: round(x, int(n)),
}


class FormulaParser:
    def __init__(self, text):
        self.toks = self.lex(text)
        self.i = 0
        self.refs = set()

    @staticmethod
    def lex(text):
        toks, i = [], 0
        while i < len(text):
            c = text[i]
            if c.isspace():
                i += 1
            elif c.isdigit() or c == ".":
                j = i
                while j < len(text) and (text[j].isdigit() or text[j] == "."):
                    j += 1
                toks.append(float(text[i:j]) if "." in text[i:j] else int(text[i:j]))
                i = j
            elif c.isalpha():
                j = i
                while j < len(text) and text[j].isalnum():
                    j += 1
                toks.append(text[i:j].upper())
                i = j
            elif text[i:i + 2] in ("<=", ">=", "<>"):
                toks.append(text[i:i + 2])
                i += 2
            else:
                toks.append(c)
                i += 1
        return toks

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self):
        if self.i >= len(self.toks):
            raise CellError("unexpected end of formula")
        self.i += 1
        return self.toks[self.i - 1]

    def parse(self):
        f = self.compare()
        if self.peek() is not None:
            raise CellError(f"unexpected {self.peek()!r}")
        return f

    def compare(self):
        left = self.additive()
        ops = {"<": lambda a, b: a < b, ">": lambda a, b: a > b, "=": lambda a, b: a == b,
               "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b, "<>": lambda a, b: a != b}
        if self.peek() in ops:
            fn = ops[self.take()]
            right = self.additive()
            return lambda get, l=left, r=right: int(fn(l(get), r(get)))
        return left

    def additive(self):
        left = self.term()
        while self.peek() in ("+", "-"):
            op = self.take()
            right = self.term()
            if op == "+":
                left = (lambda l, r: lambda get: l(get) + r(get))(left, right)
            else:
                left = (lambda l, r: lambda get: l(get) - r(get))(left, right)
        return left

    def term(self):
        left = self.factor()
        while self.peek() in ("*", "/"):
            op = self.take()
            right = self.factor()
            if op == "*":
                left = (lambda l, r: lambda get: l(get) * r(get))(left, right)
            else:
                def div(get, l=left, r=right):
                    d = r(get)
                    if d == 0:
                        raise DivZero()
                    q = l(get) / d
                    return int(q) if q == int(q) else q
                left = div
        return left

    def factor(self):
        t = self.take()
        if t == "-":
            inner = self.factor()
            return lambda get: -inner(get)
        if isinstance(t, (int, float)):
            return lambda get: t
        if t == "(":
            e = self.compare()
            self.take()
            return e
        if isinstance(t, str) and t[0].isalpha():
            if self.peek() == "(":
                return self.call(t)
            split_ref(t)
            self.refs.add(t)
            return lambda get: get(t)
        raise CellError(f"unexpected {t!r}")

    def call(self, name):
        self.take()
        if name not in FUNCS:
            raise NameErr(name)
        args = []
        while self.peek() != ")":
            a = self.peek()
            if isinstance(a, str) and a[0].isalpha() and self.toks[self.i + 1:self.i + 2] == [":"]:
                self.i += 2
                cells = expand_range(a, self.take())
                self.refs.update(cells)
                args.append(("range", cells))
            else:
                args.append(("expr", self.compare()))
            if self.peek() == ",":
                self.take()
        self.take()
        fn = FUNCS[name]

        def invoke(get):
            vals = []
            for kind, a in args:
                if kind == "range":
                    vals.extend(v for v in map(get, a) if isinstance(v, (int, float)))
                else:
                    vals.append(a(get))
            return fn(*vals)
        return invoke


class Sheet:
    def __init__(self):
        self.raw = {}
        self.formulas = {}
        self.deps = {}
        self.values = {}
        self.evaluations = 0

    def __setitem__(self, ref, text):
        split_ref(ref)
        self.raw[ref] = text
        self.formulas.pop(ref, None)
        self.deps[ref] = set()
        if isinstance(text, str) and text.startswith("="):
            try:
                p = FormulaParser(text[1:])
                self.formulas[ref] = p.parse()
                self.deps[ref] = p.refs
            except CellError as e:
                self.formulas[ref] = e
        self.recalc()

    def dependents(self, ref):
        return sorted(r for r, d in self.deps.items() if ref in d)

    def recalc(self):
        self.values = {}
        state = {}

        def get(ref):
            if state.get(ref) == "busy":
                raise CycleError(ref)
            if ref in self.values:
                v = self.values[ref]
                if isinstance(v, CellError):
                    raise v
                return v
            state[ref] = "busy"
            try:
                self.evaluations += 1
                f = self.formulas.get(ref)
                if isinstance(f, CellError):
                    raise f
                if f is not None:
                    v = f(get)
                else:
                    v = self.raw.get(ref, 0)
                    if isinstance(v, str):
                        v = float(v) if v.replace(".", "", 1).isdigit() and "." in v else (
                            int(v) if v.isdigit() else v)
                self.values[ref] = v
                return v
            except CellError as e:
                self.values[ref] = e
                raise
            except TypeError as e:
                err = CellError(str(e))
                self.values[ref] = err
                raise err from e
            finally:
                state[ref] = "done"

        for ref in sorted(self.raw, key=lambda r: split_ref(r)[::-1]):
            try:
                get(ref)
            except CellError:
                pass

    def display(self, ref):
        v = self.values.get(ref, "")
        if isinstance(v, CellError):
            return v.code
        if isinstance(v, float):
            return f"{v:.2f}"
        return str(v)

    def render(self):
        cols = max(split_ref(r)[0] for r in self.raw) + 1
        rows = max(split_ref(r)[1] for r in self.raw) + 1
        widths = [max([3] + [len(self.display(f"{col_name(c)}{r + 1}")) for r in range(rows)])
                  for c in range(cols)]
        head = "    " + " ".join(col_name(c).center(w) for c, w in enumerate(widths))
        lines = [head.rstrip()]
        for r in range(rows):
            cells = []
            for c, w in enumerate(widths):
                text = self.display(f"{col_name(c)}{r + 1}")
                cells.append(text.rjust(w) if text[:1].isdigit() or text[:1] == "-" else text.ljust(w))
            lines.append(f"{r + 1:>3} " + " ".join(cells).rstrip())
        return "\n".join(lines)


s = Sheet()
data = {"A1": "item", "B1": "qty", "C1": "price", "D1": "total",
        "A2": "apples", "B2": "12", "C2": "0.5", "D2": "=B2*C2",
        "A3": "pears", "B3": "7", "C3": "1.25", "D3": "=B3*C3",
        "A4": "melons", "B4": "3", "C4": "2.4", "D4": "=B4*C4",
        "A5": "sum", "B5": "=SUM(B2:B4)", "D5": "=SUM(D2:D4)",
        "A6": "avg", "C6": "=ROUND(AVG(C2:C4), 3)", "D6": "=IF(D5>20, D5*0.9, D5)",
        "A7": "check", "B7": "=COUNT(A1:D4)", "C7": "=MAX(B2:B4)-MIN(B2:B4)", "D7": "=D5/(B7-B7)"}
for ref, text in data.items():
    s[ref] = text
print(s.render())
print("dependents of B2:", s.dependents("B2"), "| D6 depends on", sorted(s.deps["D6"]))
s["B2"] = "40"
print("after B2=40: D2", s.display("D2"), "D5", s.display("D5"), "D6", s.display("D6"))
s["E1"] = "=E2+1"
s["E2"] = "=E1*2"
s["E3"] = "=FOO(1)"
s["E4"] = "=A2+1"
s["E5"] = "=E3+1"
s["E6"] = "=1+"
print({r: s.display(r) for r in ["E1", "E2", "E3", "E4", "E5", "E6", "D7"]})
print("column names:", [col_name(i) for i in (0, 25, 26, 27, 51, 52, 701, 702)],
      col_index("ZZ"), col_index("AAA"))
print("range:", expand_range("B3", "A1"))
try:
    s["1A"] = "x"
except RefError as e:
    print("RefError:", e, "| code", e.code, "| is CellError:", isinstance(e, CellError))
print("evaluations so far:", s.evaluations > 0, "| cells:", len(s.raw))
