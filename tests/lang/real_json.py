# A JSON-like encoder and decoder written in plain Python: recursive
# descent parsing with a position cursor, escapes, pretty printing, errors.

class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__("%s at position %d" % (msg, pos))
        self.pos = pos


ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
REV_ESCAPES = {v: "\\" + k for k, v in ESCAPES.items() if k != "/"}


class Decoder:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def error(self, msg):
        raise ParseError(msg, self.pos)

    def ws(self):
        while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
            self.pos += 1

    def peek(self):
        self.ws()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def expect(self, ch):
        if self.peek() != ch:
            self.error("expected %r" % ch)
        self.pos += 1

    def value(self):
        ch = self.peek()
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        if ch == "-" or ch.isdigit():
            return self.number()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return val
        self.error("unexpected %r" % ch if ch else "unexpected end")

    def obj(self):
        self.expect("{")
        out = {}
        if self.peek() == "}":
            self.pos += 1
            return out
        while True:
            if self.peek() != '"':
                self.error("object key must be a string")
            k = self.string()
            self.expect(":")
            out[k] = self.value()
            if self.peek() == ",":
                self.pos += 1
                continue
            self.expect("}")
            return out

    def arr(self):
        self.expect("[")
        out = []
        if self.peek() == "]":
            self.pos += 1
            return out
        while True:
            out.append(self.value())
            if self.peek() == ",":
                self.pos += 1
            else:
                self.expect("]")
                return out

    def string(self):
        self.pos += 1
        chunks = []
        while True:
            if self.pos >= len(self.text):
                self.error("unterminated string")
            ch = self.text[self.pos]
            if ch == '"':
                self.pos += 1
                return "".join(chunks)
            if ch == "\\":
                nxt = self.text[self.pos + 1]
                if nxt == "u":
                    chunks.append(chr(int(self.text[self.pos + 2:self.pos + 6], 16)))
                    self.pos += 6
                    continue
                if nxt not in ESCAPES:
                    self.error("bad escape \\%s" % nxt)
                chunks.append(ESCAPES[nxt])
                self.pos += 2
                continue
            chunks.append(ch)
            self.pos += 1

    def number(self):
        start = self.pos
        if self.text[self.pos] == "-":
            self.pos += 1
        while self.pos < len(self.text) and (self.text[self.pos].isdigit() or self.text[self.pos] in ".eE+-"):
            self.pos += 1
        lit = self.text[start:self.pos]
        try:
            return float(lit) if any([c in lit for c in ".eE"]) else int(lit)
        except ValueError:
            self.error("bad number %r" % lit)


def loads(text):
    d = Decoder(text)
    v = d.value()
    if d.peek():
        d.error("trailing data")
    return v


def encode_str(s):
    out = []
    for ch in s:
        if ch in REV_ESCAPES:
            out.append(REV_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) > 0x7E:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def dumps(v, indent=None, level=0, sort_keys=False):
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = ", " if indent is None else ","
    if v is None:
        return "null"
    if v is True or v is False:
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return encode_str(v)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        return "[" + sep.join([pad + dumps(x, indent, level + 1, sort_keys) for x in v]) + end + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        keys = sorted(v) if sort_keys else list(v)
        items = [pad + encode_str(str(k)) + ": " + dumps(v[k], indent, level + 1, sort_keys) for k in keys]
        return "{" + sep.join(items) + end + "}"
    raise TypeError("Object of type %s is not JSON serializable" % type(v).__name__)


doc = {"name": "heap\ttrail", "version": [1, 2, 3], "ok": True, "none": None, "pi": 3.14159,
       "nested": {"z": [], "a": {}, "list": [1, -2.5e-3, "é\u2603", [False]]}, "big": 2 ** 70}
text = dumps(doc)
print(text)
back = loads(text)
print(back == doc, back["nested"]["list"][2], type(back["big"]).__name__)
print(dumps(doc, indent=2, sort_keys=True))
print(loads(' [1, 2 , {"a" : "b\\n\\u0041"} ,  -0.5, 1E2, true,null ] '))
for bad in ['{"a" 1}', "[1, 2", '"abc', "{1: 2}", "[1] x", "tru", '"\\q"', "", "-"]:
    try:
        print("parsed", loads(bad))
    except ParseError as e:
        print("ParseError:", e, "| pos", e.pos)
try:
    dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
