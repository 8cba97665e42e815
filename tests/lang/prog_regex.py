# A small regular-expression engine: a recursive-descent parser for
# literals, '.', character classes with ranges and negation, grouping,
# alternation and the *, +, ? quantifiers; compilation to a Thompson NFA;
# simulation with state sets (no backtracking); search, findall and a
# comparison against a naive backtracking matcher.


class RegexError(ValueError):
    def __init__(self, msg, pattern, pos):
        super().__init__(f"{msg} at position {pos} in {pattern!r}")
        self.pos = pos


class Lit:
    def __init__(self, ch): self.ch = ch
    def __repr__(self): return f"Lit({self.ch!r})"


class Any:
    def __repr__(self): return "Any()"


class Class:
    def __init__(self, ranges, negate):
        self.ranges, self.negate = ranges, negate

    def matches(self, ch):
        hit = any(lo <= ch <= hi for lo, hi in self.ranges)
        return hit != self.negate

    def __repr__(self):
        body = "".join(lo if lo == hi else f"{lo}-{hi}" for lo, hi in self.ranges)
        return f"Class({'^' if self.negate else ''}{body})"


class Seq:
    def __init__(self, items): self.items = items
    def __repr__(self): return f"Seq({self.items})"


class Alt:
    def __init__(self, options): self.options = options
    def __repr__(self): return f"Alt({self.options})"


class Repeat:
    def __init__(self, node, lo, hi): self.node, self.lo, self.hi = node, lo, hi
    def __repr__(self): return f"Repeat({self.node}, {self.lo}, {self.hi})"


class Parser:
    def __init__(self, pattern):
        self.p = pattern
        self.i = 0

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def parse(self):
        node = self.alt()
        if self.peek() is not None:
            raise RegexError("unbalanced parenthesis", self.p, self.i)
        return node

    def alt(self):
        options = [self.seq()]
        while self.peek() == "|":
            self.i += 1
            options.append(self.seq())
        return options[0] if len(options) == 1 else Alt(options)

    def seq(self):
        items = []
        while self.peek() not in (None, "|", ")"):
            items.append(self.quantified())
        return Seq(items)

    def quantified(self):
        start = self.i
        atom = self.atom()
        q = self.peek()
        if q in ("*", "+", "?"):
            if isinstance(atom, Repeat):
                raise RegexError("multiple repeat", self.p, self.i)
            self.i += 1
            lo, hi = {"*": (0, None), "+": (1, None), "?": (0, 1)}[q]
            atom = Repeat(atom, lo, hi)
            if self.peek() in ("*", "+", "?"):
                raise RegexError("multiple repeat", self.p, self.i)
        elif atom is None:
            raise RegexError("nothing to repeat", self.p, start)
        return atom

    def atom(self):
        ch = self.peek()
        if ch in ("*", "+", "?"):
            raise RegexError("nothing to repeat", self.p, self.i)
        self.i += 1
        if ch == "(":
            node = self.alt()
            if self.peek() != ")":
                raise RegexError("missing ), unterminated subpattern", self.p, self.i)
            self.i += 1
            return node
        if ch == ".":
            return Any()
        if ch == "[":
            return self.char_class()
        if ch == "\\":
            if self.peek() is None:
                raise RegexError("bad escape (end of pattern)", self.p, self.i - 1)
            esc = self.p[self.i]
            self.i += 1
            shorthand = {"d": [("0", "9")], "w": [("a", "z"), ("A", "Z"), ("0", "9"), ("_", "_")],
                         "s": [(" ", " "), ("\t", "\t"), ("\n", "\n")]}
            if esc in shorthand:
                return Class(shorthand[esc], False)
            return Lit(esc)
        return Lit(ch)

    def char_class(self):
        negate = self.peek() == "^"
        if negate:
            self.i += 1
        ranges = []
        first = True
        while True:
            ch = self.peek()
            if ch is None:
                raise RegexError("unterminated character set", self.p, self.i)
            if ch == "]" and not first:
                self.i += 1
                return Class(ranges, negate)
            self.i += 1
            first = False
            if self.peek() == "-" and self.i + 1 < len(self.p) and self.p[self.i + 1] != "]":
                hi = self.p[self.i + 1]
                if hi < ch:
                    raise RegexError(f"bad character range {ch}-{hi}", self.p, self.i)
                ranges.append((ch, hi))
                self.i += 2
            else:
                ranges.append((ch, ch))


class State:
    __slots__ = ("test", "out", "out2")

    def __init__(self, test=None, out=None, out2=None):
        self.test, self.out, self.out2 = test, out, out2


MATCH = State()


def compile_node(node, nxt):
    """Return the start state of an NFA fragment that continues to `nxt`."""
    if isinstance(node, Lit):
        return State(lambda c, ch=node.ch: c == ch, nxt)
    if isinstance(node, Any):
        return State(lambda c: c != "\n", nxt)
    if isinstance(node, Class):
        return State(node.matches, nxt)
    if isinstance(node, Seq):
        for item in reversed(node.items):
            nxt = compile_node(item, nxt)
        return nxt
    if isinstance(node, Alt):
        start = compile_node(node.options[-1], nxt)
        for opt in reversed(node.options[:-1]):
            start = State(None, compile_node(opt, nxt), start)
        return start
    if isinstance(node, Repeat):
        if node.hi == 1:
            return State(None, compile_node(node.node, nxt), nxt)
        loop = State(None, None, nxt)
        loop.out = compile_node(node.node, loop)
        return loop if node.lo == 0 else compile_node(node.node, loop)
    raise TypeError(f"cannot compile {node!r}")


def closure(states):
    seen, stack, out = set(), list(states), []
    while stack:
        s = stack.pop()
        if id(s) in seen:
            continue
        seen.add(id(s))
        if s.test is None and s is not MATCH:
            stack.append(s.out2)
            stack.append(s.out)
        else:
            out.append(s)
    return out


class Regex:
    def __init__(self, pattern):
        self.pattern = pattern
        self.tree = Parser(pattern).parse()
        self.start = compile_node(self.tree, MATCH)

    def match_at(self, text, pos):
        """Longest match starting at pos: returns end index or -1."""
        current = closure([self.start])
        last = pos if MATCH in current else -1
        i = pos
        while current and i < len(text):
            ch = text[i]
            current = closure([s.out for s in current if s is not MATCH and s.test(ch)])
            i += 1
            if MATCH in current:
                last = i
        return last

    def fullmatch(self, text):
        return self.match_at(text, 0) == len(text) or self._full(text)

    def _full(self, text):
        current = closure([self.start])
        for ch in text:
            current = closure([s.out for s in current if s is not MATCH and s.test(ch)])
        return MATCH in current

    def search(self, text):
        for start in range(len(text) + 1):
            end = self.match_at(text, start)
            if end >= 0:
                return start, end
        return None

    def findall(self, text):
        out, pos = [], 0
        while pos <= len(text):
            end = self.match_at(text, pos)
            if end > pos:
                out.append(text[pos:end])
                pos = end
            else:
                pos += 1
        return out


def naive(node, text, i):
    """Backtracking matcher: yields every end index reachable from i."""
    if isinstance(node, Lit):
        if i < len(text) and text[i] == node.ch:
            yield i + 1
    elif isinstance(node, Any):
        if i < len(text) and text[i] != "\n":
            yield i + 1
    elif isinstance(node, Class):
        if i < len(text) and node.matches(text[i]):
            yield i + 1
    elif isinstance(node, Seq):
        def go(k, j):
            if k == len(node.items):
                yield j
                return
            for mid in naive(node.items[k], text, j):
                yield from go(k + 1, mid)
        yield from go(0, i)
    elif isinstance(node, Alt):
        for opt in node.options:
            yield from naive(opt, text, i)
    elif isinstance(node, Repeat):
        def rep(count, j):
            if count >= node.lo:
                yield j
            if node.hi is None or count < node.hi:
                for mid in naive(node.node, text, j):
                    if mid != j:
                        yield from rep(count + 1, mid)
        yield from rep(0, i)


CASES = [
    ("a(b|c)*d", ["ad", "abcbd", "abxd", "abcbcbcbcd"]),
    ("colou?r", ["color", "colour", "colouur"]),
    ("[0-9]+(\\.[0-9]+)?", ["42", "3.14", "3.", ".5"]),
    ("\\w+@\\w+\\.(com|org)", ["me@site.org", "me@site.net", "a_b@c1.com"]),
    ("(a|ab)(c|bcd)(d*)", ["abcd", "acd", "abcdddd"]),
    ("[^aeiou ]+", ["rhythm", "strength", "queue"]),
    ("(x+x+)+y", ["xxxxxxxxxy", "xxxxxxxxxxxxxxxxxxxxxxxxxx"]),
]

for pattern, texts in CASES:
    r = Regex(pattern)
    results = []
    for t in texts:
        fast = r._full(t)
        slow = len(t) in set(naive(r.tree, t, 0)) if len(t) < 20 else fast
        results.append(f"{t}:{'Y' if fast else 'n'}{'' if fast == slow else '!'}")
    print(f"{pattern:<22} {' '.join(results)}")

print(Parser("a[b-d]|e*").parse())
log = "GET /index.html 200 1532; POST /api/v1 500 12; GET /img/logo.png 304 0"
print(Regex("[A-Z]+").findall(log))
print(Regex("[0-9][0-9][0-9]").findall(log))
print(Regex("/[a-z0-9/.]+").findall(log))
print(Regex("\\d+").search("order #4521 shipped"), Regex("z").search("abc"), Regex("b*").search("abc"))
for bad in ["a**", "(ab", "ab)", "[a-", "*a", "[z-a]", "a\\", "x|+"]:
    try:
        Regex(bad)
        print(f"{bad!r}: compiled?!")
    except RegexError as e:
        print(f"{bad!r}: {e}")
