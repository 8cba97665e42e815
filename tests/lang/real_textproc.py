# Text processing: word frequencies, a greedy line wrapper, justified
# paragraphs, a Caesar/Vigenere cipher, run-length coding and a KWIC index.
import string

TEXT = """It was the best of times, it was the worst of times; it was the age of
wisdom, it was the age of foolishness -- it was the epoch of belief, it was
the epoch of incredulity: it was the season of Light, it was the season of
Darkness. It was the spring of hope, it was the winter of despair!"""


def words(text):
    table = str.maketrans(string.punctuation, " " * len(string.punctuation))
    return text.lower().translate(table).split()


def wrap(text, width):
    lines, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = cur + " " + w if cur else w
    if cur:
        lines.append(cur)
    return lines


def justify(line, width):
    ws = line.split()
    if len(ws) == 1:
        return line.ljust(width)
    gaps = len(ws) - 1
    spaces = width - sum(map(len, ws))
    q, r = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(ws[:-1]):
        out += w + " " * (q + (1 if i < r else 0))
    return out + ws[-1]


def vigenere(text, key, decrypt=False):
    out = []
    k = [ord(c) - 97 for c in key.lower()]
    i = 0
    for ch in text:
        if ch.isalpha():
            base = 65 if ch.isupper() else 97
            shift = -k[i % len(k)] if decrypt else k[i % len(k)]
            out.append(chr((ord(ch) - base + shift) % 26 + base))
            i += 1
        else:
            out.append(ch)
    return "".join(out)


def rle(s):
    if not s:
        return []
    runs = [[s[0], 1]]
    for ch in s[1:]:
        if ch == runs[-1][0]:
            runs[-1][1] += 1
        else:
            runs.append([ch, 1])
    return "".join(["%d%s" % (n, c) if n > 1 else c for c, n in runs])


ws = words(TEXT)
freq = {}
for w in ws:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
print(len(ws), len(freq), top)
print("longest:", max(ws, key=len), "| first alphabetically:", min(ws), "| avg len: %.3f" % (sum(map(len, ws)) / len(ws)))
flat = " ".join(TEXT.split())
for width in (30, 45):
    print("+" + "-" * width + "+")
    lines = wrap(flat, width)
    for ln in lines[:-1]:
        print("|" + justify(ln, width) + "|")
    print("|" + lines[-1].ljust(width) + "|")
print("|" + "centered".center(30, ".") + "|", "right".rjust(12, "_"))
secret = vigenere("Attack at Dawn, said the General!", "lemon")
print(secret, "->", vigenere(secret, "lemon", decrypt=True))
caesar = str.maketrans(string.ascii_lowercase, string.ascii_lowercase[3:] + string.ascii_lowercase[:3])
print("hello world".translate(caesar), "khoor".translate({ord(c): ord(p) for c, p in zip("defghijklmnopqrstuvwxyzabc", string.ascii_lowercase)}))
print(rle("aaabccddddde"), rle("abc"), rle(""), rle("zzzzzzzzzzzz"))
index = {}
for lineno, line in enumerate(TEXT.splitlines(), 1):
    for w in set(words(line)):
        index.setdefault(w, []).append(lineno)
for w in ["it", "age", "season", "hope", "despair", "missing"]:
    print("%-8s %s" % (w, index.get(w, "-")))
sentences = [s.strip() for s in TEXT.replace("\n", " ").replace("!", ".").split(".") if s.strip()]
print(len(sentences), [s[:20] for s in sentences])
print(TEXT.count("it was"), TEXT.lower().count("it was"), TEXT.find("age"), TEXT.rfind("age"), TEXT.index("Light"))
print("-".join(reversed(flat.split()[:6])), flat.title()[:40], flat.swapcase()[:20], flat.upper().isupper())
caps = [w for w in TEXT.split() if w[0].isupper()]
print(caps, sorted(set([c for c in flat if c in string.punctuation])))
