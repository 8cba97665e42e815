# A JSON-like serializer, pretty printer and parser written from scratch:
# recursion over dicts and lists, string escaping, number formatting, a
# character-level parser with error positions, and a round-trip check.


class EncodeError(TypeError):
    pass


class DecodeError(ValueError):
    def __init__(self, msg, text, pos):
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        super().__init__(f"{msg}: line {line} column {col} (char {pos})")
        self.pos = pos


ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r",
           "\b": "\\b", "\f": "\\f"}


def quote(s):
    out = ['"']
    for ch in s:
        if ch in ESCAPES:
            out.append(ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) > 0x7e:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def encode(obj, indent=None, sort_keys=False, _level=0, _seen=None):
    if _seen is None:
        _seen = []
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, int):
        return str(obj)
    if isinstance(obj, float):
        if obj != obj or obj in (float("inf"), float("-inf")):
            raise EncodeError(f"cannot encode {obj!r}")
        return repr(obj)
    if isinstance(obj, str):
        return quote(obj)
    if isinstance(obj, (list, tuple, dict)):
        for s in _seen:
            if s is obj:
                raise EncodeError("circular reference detected")
        _seen.append(obj)
        try:
            if isinstance(obj, dict):
                items = list(obj.items())
                if sort_keys:
                    items.sort(key=lambda kv: kv[0])
                for k, _ in items:
                    if not isinstance(k, str):
                        raise EncodeError(f"keys must be str, not {type(k).__name__}")
                parts = [quote(k) + ": " + encode(v, indent, sort_keys, _level + 1, _seen)
                         for k, v in items]
                brackets = "{}"
            else:
                parts = [encode(v, indent, sort_keys, _level + 1, _seen) for v in obj]
                brackets = "[]"
        finally:
            _seen.pop()
        if not parts:
            return brackets
        if indent is None:
            return brackets[0] + ", ".join(parts) + brackets[1]
        pad = " " * (indent * (_level + 1))
        end_pad = " " * (indent * _level)
        return (brackets[0] + "\n" + ",\n".join(pad + p for p in parts)
                + "\n" + end_pad + brackets[1])
    raise EncodeError(f"Object of type {type(obj).__name__} is not serializable")


class Decoder:
    WS = " \t\n\r"

    def __init__(self, text):
        self.text = text
        self.pos = 0

    def error(self, msg):
        raise DecodeError(msg, self.text, self.pos)

    def skip(self):
        while self.pos < len(self.text) and self.text[self.pos] in self.WS:
            self.pos += 1

    def peek(self):
        self.skip()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def decode(self):
        value = self.value()
        if self.peek():
            self.error("Extra data")
        return value

    def value(self):
        c = self.peek()
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        if c == "-" or c.isdigit():
            return self.number()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return val
        self.error("Expecting value")

    def obj(self):
        self.pos += 1
        result = {}
        if self.peek() == "}":
            self.pos += 1
            return result
        while True:
            if self.peek() != '"':
                self.error("Expecting property name")
            key = self.string()
            if self.peek() != ":":
                self.error("Expecting ':' delimiter")
            self.pos += 1
            result[key] = self.value()
            c = self.peek()
            self.pos += 1
            if c == "}":
                return result
            if c != ",":
                self.pos -= 1
                self.error("Expecting ',' delimiter")

    def arr(self):
        self.pos += 1
        result = []
        if self.peek() == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            c = self.peek()
            self.pos += 1
            if c == "]":
                return result
            if c != ",":
                self.pos -= 1
                self.error("Expecting ',' delimiter")

    def string(self):
        self.pos += 1
        out = []
        rev = {v[1]: k for k, v in ESCAPES.items()}
        while True:
            if self.pos >= len(self.text):
                self.error("Unterminated string")
            c = self.text[self.pos]
            if c == '"':
                self.pos += 1
                return "".join(out)
            if c == "\\":
                e = self.text[self.pos + 1]
                if e == "u":
                    out.append(chr(int(self.text[self.pos + 2:self.pos + 6], 16)))
                    self.pos += 6
                    continue
                if e not in rev:
                    self.error("Invalid \\escape")
                out.append(rev[e])
                self.pos += 2
                continue
            out.append(c)
            self.pos += 1

    def number(self):
        start = self.pos
        if self.text[self.pos] == "-":
            self.pos += 1
        while self.pos < len(self.text) and self.text[self.pos] in "0123456789.eE+-":
            self.pos += 1
        s = self.text[start:self.pos]
        try:
            return float(s) if any(c in s for c in ".eE") else int(s)
        except ValueError:
            self.pos = start
            self.error("Bad number")


def depth(obj):
    if isinstance(obj, dict):
        return 1 + max((depth(v) for v in obj.values()), default=0)
    if isinstance(obj, list):
        return 1 + max((depth(v) for v in obj), default=0)
    return 0


def leaves(obj, path="$"):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from leaves(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from leaves(v, f"{path}[{i}]")
    else:
        yield path, obj


doc = {
    "name": "heaptrail",
    "version": [0, 4, 1],
    "tags": ["vm", "profiler", "arena"],
    "ratio": 0.75,
    "big": 2 ** 70,
    "nested": {"empty_list": [], "empty_obj": {}, "flag": True, "none": None,
               "text": 'say "hi"\n\tbye \u00e9'},
    "matrix": [[1, 2], [3, 4.5], [-6e-07, 1e+22]],
}

print(encode(doc))
print(encode(doc, indent=2, sort_keys=True))
back = Decoder(encode(doc, indent=4)).decode()
print("round trip equal:", back == doc)
print("depth:", depth(doc))
for path, value in leaves(doc):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        print(f"  {path:<18} {value!r}")

bad_inputs = ['{"a": 1,}', '[1, 2', '{"a" 1}', '[1 2]', 'tru', '"abc', '{"x": -}',
              '[1, 2] 3', '{\n  "k": [1,\n  @]}', '"bad \\q escape"']
for text in bad_inputs:
    try:
        Decoder(text).decode()
    except DecodeError as e:
        print(f"{text!r:24} -> {e}")

cyclic = [1, 2]
cyclic.append(cyclic)
for thing in (cyclic, {"s": {1, 2}}, {1: "x"}, float("nan"), (1, (2, 3))):
    try:
        print("ok:", encode(thing))
    except EncodeError as e:
        print("EncodeError:", e, "| is TypeError:", isinstance(e, TypeError))
