# Number conversions: Roman numerals both ways with strict validation,
# English number words (short scale, up to 10**36) and back, ordinals,
# base conversion to any base 2..36, and round-trip checks over ranges.


class RomanError(ValueError):
    pass


ROMAN_PAIRS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
               (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n):
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"expected int, got {type(n).__name__}")
    if not 0 < n < 4000:
        raise RomanError(f"{n} is out of range (1..3999)")
    out = []
    for value, letters in ROMAN_PAIRS:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(s):
    s = s.upper()
    if not s or any(ch not in ROMAN_VALUES for ch in s):
        raise RomanError(f"invalid roman numeral {s!r}")
    total = 0
    for i, ch in enumerate(s):
        v = ROMAN_VALUES[ch]
        if i + 1 < len(s) and ROMAN_VALUES[s[i + 1]] > v:
            total -= v
        else:
            total += v
    if to_roman(total) != s:
        raise RomanError(f"non-canonical roman numeral {s!r} (did you mean {to_roman(total)}?)")
    return total


ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = ["", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion",
          "sextillion", "septillion", "octillion", "nonillion", "decillion", "undecillion"]


def _below_thousand(n):
    words = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += [ONES[hundreds], "hundred"]
    if rest:
        if hundreds:
            words.append("and")
        if rest < 20:
            words.append(ONES[rest])
        else:
            t, o = divmod(rest, 10)
            words.append(TENS[t] + ("-" + ONES[o] if o else ""))
    return words


def to_words(n):
    if n == 0:
        return "zero"
    if n < 0:
        return "minus " + to_words(-n)
    groups = []
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    if len(groups) > len(SCALES):
        raise OverflowError("number too large to name")
    parts = []
    for idx in range(len(groups) - 1, -1, -1):
        g = groups[idx]
        if not g:
            continue
        words = _below_thousand(g)
        if idx == 0 and len(groups) > 1 and g < 100:
            words = ["and"] + words
        parts.append(" ".join(words + ([SCALES[idx]] if idx else [])))
    return " ".join(parts)


def from_words(text):
    text = text.replace("-", " ").replace(",", " ")
    tokens = [t for t in text.split() if t != "and"]
    sign = 1
    if tokens and tokens[0] in ("minus", "negative"):
        sign, tokens = -1, tokens[1:]
    small = {w: i for i, w in enumerate(ONES)}
    small.update({w: 10 * i for i, w in enumerate(TENS) if w})
    scales = {w: 1000 ** i for i, w in enumerate(SCALES) if w}
    total = current = 0
    for t in tokens:
        if t in small:
            current += small[t]
        elif t == "hundred":
            current *= 100
        elif t in scales:
            total += current * scales[t]
            current = 0
        else:
            raise ValueError(f"unknown number word {t!r}")
    return sign * (total + current)


def ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(n, base):
    if not 2 <= base <= 36:
        raise ValueError(f"base must be in 2..36, not {base}")
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, d = divmod(n, base)
        out.append(DIGITS[d])
    return sign + "".join(reversed(out))


for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 0, 4000, -5]:
    try:
        r = to_roman(n)
        print(f"{n:5d} = {r:<14} back {from_roman(r)}")
    except RomanError as e:
        print(f"{n:5d}: {e}")
for s in ["mcmlxxxiv", "IIII", "VX", "IC", "MMXXIV", "", "ABC", "xlii"]:
    try:
        print(f"{s!r:>12} -> {from_roman(s)}")
    except RomanError as e:
        print(f"{s!r:>12} -> RomanError: {e}")
try:
    to_roman(2.5)
except TypeError as e:
    print("TypeError:", e)
print("all 1..3999 round trip:", all(from_roman(to_roman(i)) == i for i in range(1, 4000)))
longest = max(range(1, 4000), key=lambda i: (len(to_roman(i)), i))
print("longest numeral:", longest, to_roman(longest))

for n in [0, 7, 13, 21, 100, 101, 110, 999, 1000, 1001, 1010, 12345, 1000000, 1002003,
          -40, 2 ** 64, 10 ** 21 + 17]:
    w = to_words(n)
    back = from_words(w)
    print(f"{n}: {w}{'' if back == n else '  <-- MISMATCH ' + str(back)}")
sample = range(0, 2000000, 97)
print(sum(1 for i in sample if from_words(to_words(i)) == i), "of", len(sample), "round trip")
letters = sum(len(to_words(i).replace(" ", "").replace("-", "")) for i in range(1, 1001))
print("letters used writing 1..1000:", letters)
print([ordinal(i) for i in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 1003)])
for n, b in [(255, 2), (255, 16), (-255, 7), (10 ** 20, 36), (0, 5), (123456789, 36)]:
    s = to_base(n, b)
    print(f"{n} in base {b}: {s} (int() agrees: {int(s, b) == n})")
try:
    to_base(5, 40)
except ValueError as e:
    print("ValueError:", e)
try:
    to_words(10 ** 40)
except OverflowError as e:
    print("OverflowError:", e)
try:
    from_words("twelve dozen")
except ValueError as e:
    print("ValueError:", e)
