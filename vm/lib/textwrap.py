"""Wrapping and filling text: wrap, fill, shorten, dedent, indent, TextWrapper.

The text is cut into chunks -- runs of whitespace, words, and the pieces
of hyphenated words and em-dashes where a line may break -- and chunks are
packed greedily into lines of at most `width` characters, as CPython 3.11's
textwrap does; words longer than a line are broken (at a hyphen when one
fits).  This VM has no `re` module, so the chunking is a hand-written
scanner with the same rules.
"""

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

_whitespace = "\t\n\x0b\x0c\r "


def _is_ws(c):
    return c in _whitespace


def _is_word(c):
    return c.isalnum() or c == "_"


def _is_letter(c):
    # a \w character that is not a digit
    return _is_word(c) and not c.isdecimal()


def _is_wordpunct(c):
    return _is_word(c) or c in "!\"'&.,?"


def _at(text, i):
    return text[i] if 0 <= i < len(text) else ""


def _emdash_at(text, p):
    """At p: two or more hyphens, then a word character."""
    n = len(text)
    j = p
    while j < n and text[j] == "-":
        j += 1
    return j - p >= 2 and j < n and _is_word(text[j])


def _hyphen_break_at(text, p):
    """text[p] is a hyphen after which a hyphenated word may break."""
    if _at(text, p) != "-":
        return False
    a, b, c = _at(text, p - 3), _at(text, p - 2), _at(text, p - 1)
    before = ((b and c and _is_letter(b) and _is_letter(c))
              or (a and c and _is_letter(a) and b == "-" and _is_letter(c)))
    if not before:
        return False
    x, y, z = _at(text, p + 1), _at(text, p + 2), _at(text, p + 3)
    if not (x and _is_letter(x)):
        return False
    return bool(y and (_is_letter(y) or (y == "-" and z and _is_letter(z))))


def _split_hyphenated(text):
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if _is_ws(c):
            j = i
            while j < n and _is_ws(text[j]):
                j += 1
        elif i > 0 and _is_wordpunct(text[i - 1]) and _emdash_at(text, i):
            j = i
            while text[j] == "-":
                j += 1
        else:
            p = i + 1
            while True:
                if _hyphen_break_at(text, p):
                    j = p + 1
                    break
                if p >= n or _is_ws(text[p]):
                    j = p
                    break
                if _is_wordpunct(text[p - 1]) and _emdash_at(text, p):
                    j = p
                    break
                p += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _split_simple(text):
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        ws = _is_ws(text[i])
        j = i
        while j < n and _is_ws(text[j]) == ws:
            j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _ends_sentence(chunk):
    """A lowercase letter, then . ! or ?, then maybe a quote, at the end."""
    k = len(chunk)
    if k and chunk[k - 1] in "\"'":
        k -= 1
    return k >= 2 and chunk[k - 1] in ".!?" and "a" <= chunk[k - 2] <= "z"


class TextWrapper:
    """Wraps paragraphs; the options are attributes, as in CPython."""

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in _whitespace:
                if c != " ":
                    text = text.replace(c, " ")
        return text

    def _split(self, text):
        if self.break_on_hyphens is True:
            chunks = _split_hyphenated(text)
        else:
            chunks = _split_simple(text)
        return [c for c in chunks if c]

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and chunk[:hyphen].strip("-") != "":
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width " + repr(self.width) + " (must be > 0)")
        if self.max_lines is not None:
            first = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(first) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks = chunks[::-1]
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                chunks.pop()
            while chunks:
                size = len(chunks[-1])
                if cur_len + size > width:
                    break
                cur_line.append(chunks.pop())
                cur_len += size
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum([len(c) for c in cur_line])
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                cur_line.pop()
            if not cur_line:
                continue
            rest_is_blank = (not chunks or (self.drop_whitespace and len(chunks) == 1
                                            and not chunks[0].strip()))
            if (self.max_lines is None or len(lines) + 1 < self.max_lines
                    or (rest_is_blank and cur_len <= width)):
                lines.append(indent + "".join(cur_line))
                continue
            # the last line allowed: end it with the placeholder
            placed = False
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + "".join(cur_line))
                    placed = True
                    break
                cur_len -= len(cur_line[-1])
                cur_line.pop()
            if not placed:
                merged = False
                if lines:
                    prev = lines[-1].rstrip()
                    if len(prev) + len(self.placeholder) <= self.width:
                        lines[-1] = prev + self.placeholder
                        merged = True
                if not merged:
                    lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        """The lines of text wrapped to self.width, without final newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """The wrapped lines of text joined into one string."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap one paragraph into a list of lines of at most width characters."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Wrap one paragraph and join its lines with newlines."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse whitespace and truncate text to width, ending in the placeholder."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


def _leading_blanks(line):
    k = 0
    while k < len(line) and line[k] in " \t":
        k += 1
    return line[:k]


def dedent(text):
    """Remove the whitespace that every non-blank line starts with."""
    lines = text.split("\n")
    for i in range(len(lines)):
        if lines[i] and lines[i].strip(" \t") == "":
            lines[i] = ""
    margin = None
    for line in lines:
        lead = _leading_blanks(line)
        if len(lead) == len(line):
            continue
        if margin is None:
            margin = lead
        elif lead.startswith(margin):
            pass
        elif margin.startswith(lead):
            margin = lead
        else:
            k = 0
            while k < len(margin) and k < len(lead) and margin[k] == lead[k]:
                k += 1
            margin = margin[:k]
    if margin:
        n = len(margin)
        lines = [line[n:] if line.startswith(margin) else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """Add prefix to the lines of text that predicate accepts (default: non-blank)."""
    out = []
    for line in text.splitlines(True):
        keep = predicate(line) if predicate is not None else line.strip()
        out.append(prefix + line if keep else line)
    return "".join(out)
