# A string template engine: a lexer splitting text/{{ expr }}/{% tag %},
# a parser building a node tree (if/elif/else, for with loop variables),
# dotted-name resolution over dicts, objects and sequences, filters with
# arguments, and clear errors with line numbers.


class TemplateError(Exception):
    def __init__(self, msg, line):
        super().__init__(f"line {line}: {msg}")
        self.line = line


class TemplateSyntaxError(TemplateError):
    pass


class UndefinedError(TemplateError):
    pass


def lex(src):
    """Yield (kind, text, line) with kind in text/var/tag."""
    pos, line = 0, 1
    while pos < len(src):
        starts = [(src.find(o, pos), o) for o in ("{{", "{%")]
        starts = [(i, o) for i, o in starts if i >= 0]
        if not starts:
            yield "text", src[pos:], line
            return
        i, opener = min(starts)
        if i > pos:
            yield "text", src[pos:i], line
            line += src.count("\n", pos, i)
        closer = "}}" if opener == "{{" else "%}"
        j = src.find(closer, i + 2)
        if j < 0:
            raise TemplateSyntaxError(f"unclosed {opener!r}", line)
        yield ("var" if opener == "{{" else "tag"), src[i + 2:j].strip(), line
        line += src.count("\n", i, j)
        pos = j + 2


class Text:
    def __init__(self, text):
        self.text = text

    def render(self, ctx, out):
        out.append(self.text)


class Var:
    def __init__(self, expr, line):
        self.line = line
        name, *filters = [p.strip() for p in expr.split("|")]
        self.name = name
        self.filters = []
        for f in filters:
            fname, _, arg = f.partition(":")
            self.filters.append((fname.strip(), arg.strip() or None))

    def render(self, ctx, out):
        value = ctx.resolve(self.name, self.line)
        for fname, arg in self.filters:
            try:
                func = FILTERS[fname]
            except KeyError:
                raise TemplateError(f"unknown filter {fname!r}", self.line) from None
            value = func(value, arg) if arg is not None else func(value)
        out.append(str(value))


class If:
    def __init__(self, branches, else_body):
        self.branches = branches
        self.else_body = else_body

    def render(self, ctx, out):
        for cond, line, body in self.branches:
            negate = cond.startswith("not ")
            name = cond[4:] if negate else cond
            if bool(ctx.resolve(name, line, strict=False)) != negate:
                body.render(ctx, out)
                return
        if self.else_body:
            self.else_body.render(ctx, out)


class For:
    def __init__(self, target, source, line, body, empty):
        self.target, self.source, self.line = target, source, line
        self.body, self.empty = body, empty

    def render(self, ctx, out):
        seq = list(ctx.resolve(self.source, self.line))
        if not seq:
            if self.empty:
                self.empty.render(ctx, out)
            return
        names = [t.strip() for t in self.target.split(",")]
        for i, item in enumerate(seq):
            scope = {"loop": {"index": i + 1, "first": i == 0, "last": i == len(seq) - 1,
                              "length": len(seq)}}
            if len(names) == 1:
                scope[names[0]] = item
            else:
                scope.update(zip(names, item))
            with ctx.push(scope):
                self.body.render(ctx, out)


class Body:
    def __init__(self, nodes):
        self.nodes = nodes

    def render(self, ctx, out):
        for n in self.nodes:
            n.render(ctx, out)


class Scope:
    def __init__(self, ctx, scope):
        self.ctx, self.scope = ctx, scope

    def __enter__(self):
        self.ctx.stack.append(self.scope)

    def __exit__(self, *exc):
        self.ctx.stack.pop()


class Context:
    def __init__(self, data):
        self.stack = [data]

    def push(self, scope):
        return Scope(self, scope)

    def resolve(self, dotted, line, strict=True):
        head, *rest = dotted.split(".")
        if head.isdigit():
            return int(head)
        if head.startswith('"') and head.endswith('"'):
            return head[1:-1]
        for scope in reversed(self.stack):
            if head in scope:
                value = scope[head]
                break
        else:
            if strict:
                raise UndefinedError(f"{head!r} is undefined", line)
            return None
        for part in rest:
            try:
                if isinstance(value, dict):
                    value = value[part]
                elif part.isdigit():
                    value = value[int(part)]
                else:
                    value = getattr(value, part)
            except (KeyError, IndexError, AttributeError):
                if strict:
                    raise UndefinedError(f"{dotted!r} has no {part!r}", line) from None
                return None
        return value() if callable(value) else value


FILTERS = {
    "upper": str.upper,
    "lower": str.lower,
    "title": str.title,
    "length": len,
    "reverse": lambda v: v[::-1],
    "join": lambda v, sep=", ": sep.join(str(x) for x in v),
    "default": lambda v, d: v if v else d,
    "pad": lambda v, n: str(v).ljust(int(n)),
    "money": lambda v: f"{v:,.2f}",
    "first": lambda v: v[0],
    "sum": sum,
}


def parse(tokens, until=()):
    nodes = []
    while True:
        tok = next(tokens, None)
        if tok is None:
            if until:
                raise TemplateSyntaxError(f"missing {{% {until[0]} %}}", -1)
            return Body(nodes), None
        kind, text, line = tok
        if kind == "text":
            nodes.append(Text(text))
        elif kind == "var":
            nodes.append(Var(text, line))
        else:
            word, _, rest = text.partition(" ")
            if word in until:
                return Body(nodes), (word, rest, line)
            if word == "if":
                branches, else_body = [], None
                cond, cline = rest, line
                while True:
                    body, end = parse(tokens, ("elif", "else", "endif"))
                    branches.append((cond, cline, body))
                    if end[0] == "elif":
                        cond, cline = end[1], end[2]
                        continue
                    if end[0] == "else":
                        else_body, end = parse(tokens, ("endif",))
                    break
                nodes.append(If(branches, else_body))
            elif word == "for":
                target, sep, source = rest.partition(" in ")
                if not sep:
                    raise TemplateSyntaxError(f"bad for tag {text!r}", line)
                body, end = parse(tokens, ("empty", "endfor"))
                empty = None
                if end[0] == "empty":
                    empty, end = parse(tokens, ("endfor",))
                nodes.append(For(target, source.strip(), line, body, empty))
            else:
                raise TemplateSyntaxError(f"unknown tag {word!r}", line)


class Template:
    def __init__(self, src):
        self.root, _ = parse(iter(list(lex(src))))

    def render(self, **data):
        out = []
        self.root.render(Context(data), out)
        return "".join(out)


class Customer:
    def __init__(self, name, vip):
        self.name = name
        self.vip = vip

    def greeting(self):
        return "Dear " + self.name.split()[0]


INVOICE = """\
{{ customer.greeting }},
{% if customer.vip %}Thank you for being a VIP!{% elif orders %}Thanks for your order.{% else %}We miss you.{% endif %}
{% for item, qty, price in orders %}{{ loop.index }}. {{ item | title | pad:12 }} x{{ qty }} @ {{ price | money }}{% if loop.last %}
   ({{ loop.length }} lines){% endif %}
{% empty %}  (no orders)
{% endfor %}Tags: {{ tags | join: / | upper }} | first tag: {{ tags | first }}
Totals: {{ totals | sum }} over {{ totals | length }} invoices; note: {{ note | default:none }}
"""

t = Template(INVOICE)
print(t.render(customer=Customer("ada lovelace", True),
               orders=[("widget", 3, 2.5), ("gadget box", 1, 1234.5), ("nut", 100, 0.05)],
               tags=["new", "priority"], totals=[10, 20, 12], note=""))
print(t.render(customer=Customer("bob", False), orders=[], tags=["x"], totals=[], note="call"))
nested = Template("{% for row in grid %}[{% for x in row %}{{ x }}{% if not loop.last %},{% endif %}"
                  "{% endfor %}]{% endfor %} {{ grid.1.0 }} {{ \"lit\" | reverse }} {{ 42 }}")
print(nested.render(grid=[[1, 2], [3], [4, 5, 6]]))

BAD = [
    ("{{ missing }}", {}),
    ("{{ user.email }}", {"user": {"name": "x"}}),
    ("{% if x %}never closed", {"x": 1}),
    ("line1\nline2 {% frobnicate %}", {}),
    ("{{ name | shout }}", {"name": "x"}),
    ("text {{ unclosed", {}),
    ("{% for x of xs %}{% endfor %}", {}),
    ("{{ items.9 }}", {"items": [1, 2]}),
]
for src, data in BAD:
    try:
        print("rendered:", Template(src).render(**data))
    except TemplateSyntaxError as e:
        print(f"syntax error  {src!r}: {e}")
    except TemplateError as e:
        print(f"render error  {src!r}: {e} [{type(e).__name__}, line attr {e.line}]")
