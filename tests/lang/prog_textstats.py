# A text statistics report: tokenizing words with a small state machine,
# word frequencies sorted by count then word, sentence and paragraph
# counts, bigrams with collections.Counter, a concordance, a histogram of
# word lengths, text wrapping, and a readability score.
from collections import Counter, defaultdict

TEXT = """\
The keeper of the northern light climbed the stairs every evening at six.
There were one hundred and twelve steps, and he counted them aloud, though
the gulls were the only ones listening. At the top he wiped the great lens,
trimmed the wick, and wrote the weather into a battered ledger: wind from
the west, sea moderate, visibility fair.

In winter the stairs grew slick with frost. The keeper wore two coats and a
woollen hat his sister had knitted, forty-one winters ago, and he never once
forgot the ledger. Ships passed in the dark like slow thoughts. Some nights
the fog was so thick that the beam seemed to stop a metre from the glass!

Was the light still needed? The harbour office sent letters every spring
asking that question, and every spring the keeper wrote back the same way.
He listed the ships, the storms and the near-misses, and he signed his name
beneath the list. The office never replied, and the light kept turning.
"""

STOP = {"the", "a", "an", "and", "of", "to", "in", "it", "was", "his", "at", "on",
        "for", "with", "from", "had", "been", "that", "not", "who", "up", "no", "is",
        "he", "were", "so", "like"}


def words(text):
    """Split into lowercase words; hyphenated words and apostrophes stay whole."""
    word = []
    for ch in text + " ":
        if ch.isalpha() or (word and ch in "-'"):
            word.append(ch.lower())
        else:
            if word:
                w = "".join(word).strip("-'")
                if w:
                    yield w
                word = []


def sentences(text):
    start = 0
    flat = " ".join(text.split())
    for i, ch in enumerate(flat):
        if ch in ".!?" and (i + 1 == len(flat) or flat[i + 1] == " "):
            yield flat[start:i + 1].strip()
            start = i + 1


def syllables(word):
    vowels = "aeiouy"
    count, prev = 0, False
    for ch in word:
        v = ch in vowels
        if v and not prev:
            count += 1
        prev = v
    if word.endswith("e") and count > 1 and not word.endswith("le"):
        count -= 1
    return max(count, 1)


def wrap(text, width):
    lines, line = [], ""
    for w in text.split():
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(line)
    return lines


all_words = list(words(TEXT))
sents = list(sentences(TEXT))
paras = [p for p in TEXT.split("\n\n") if p.strip()]
print(f"characters {len(TEXT)}, words {len(all_words)}, unique {len(set(all_words))}, "
      f"sentences {len(sents)}, paragraphs {len(paras)}")

freq = Counter(w for w in all_words if w not in STOP)
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:12]
print("top words:")
for w, n in top:
    print(f"  {w:<12}{n:>3} {'#' * n}")
print("most_common(3):", freq.most_common(3))

lengths = Counter(len(w) for w in all_words)
print("word lengths:")
for n in sorted(lengths):
    print(f"  {n:2d} | {'*' * lengths[n]} {lengths[n]}")
print("mean word length: {:.3f}".format(sum(map(len, all_words)) / len(all_words)))

bigrams = Counter(zip(all_words, all_words[1:]))
repeated = sorted((pair for pair, n in bigrams.items() if n > 1), key=lambda p: (-bigrams[p], p))
print("repeated bigrams:", [" ".join(p) + f" x{bigrams[p]}" for p in repeated])

conc = defaultdict(list)
for i, s in enumerate(sents, 1):
    for w in set(words(s)):
        if w in ("keeper", "ledger", "light", "ships"):
            conc[w].append(i)
for w in sorted(conc):
    print(f"  {w!r} appears in sentences {conc[w]}")

longest = max(sents, key=len)
shortest = min(sents, key=lambda s: (len(s), s))
print(f"longest sentence ({len(longest)} chars): {longest[:40]}...")
print(f"shortest sentence: {shortest!r}")
questions = [s for s in sents if s.endswith("?")]
print("questions:", questions, "| exclamations:", sum(s.endswith("!") for s in sents))

total_syl = sum(syllables(w) for w in all_words)
fk = 206.835 - 1.015 * (len(all_words) / len(sents)) - 84.6 * (total_syl / len(all_words))
print(f"syllables {total_syl}, Flesch reading ease {fk:.1f}")
hyphenated = sorted({w for w in all_words if "-" in w})
print("hyphenated:", hyphenated)
initials = Counter(w[0] for w in all_words)
print("initial letters:", "".join(f"{c}{n}" for c, n in sorted(initials.items())))
caps = [w.strip('",.:!?') for w in TEXT.split() if w[0].isupper()]
print("capitalised tokens:", sorted(Counter(caps).items())[:8])
print("wrapped first paragraph at 36:")
for line in wrap(paras[0], 36):
    print(f"  |{line:<36}|")
vocab_by_para = [set(words(p)) for p in paras]
common = set.intersection(*vocab_by_para)
print("words in every paragraph:", sorted(common))
print("only in paragraph 3:", sorted(vocab_by_para[2] - vocab_by_para[0] - vocab_by_para[1])[:10])
