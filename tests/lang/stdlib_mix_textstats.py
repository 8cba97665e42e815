# text statistics with Counter, defaultdict, groupby, string and operator
import string
from collections import Counter, defaultdict, OrderedDict
from itertools import groupby, chain, islice, pairwise
from operator import itemgetter
from functools import reduce

TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""

def words(text):
    out = []
    for raw in text.split():
        w = "".join([c for c in raw.lower() if c not in string.punctuation])
        if w:
            out.append(w)
    return out

ws = words(TEXT)
print(len(ws), len(set(ws)))
freq = Counter(ws)
print(freq.most_common(6))
by_len = defaultdict(list)
for w in sorted(set(ws)):
    by_len[len(w)].append(w)
for n in sorted(by_len):
    print(n, by_len[n])
letters = Counter(chain.from_iterable(ws))
print(letters.most_common(5), sum(letters.values()))
first = sorted(set(ws), key=itemgetter(0))
print([(k, len(list(g))) for k, g in groupby(first, key=itemgetter(0))])
bigrams = Counter(pairwise(ws))
print(bigrams.most_common(3))
lines = TEXT.splitlines()
print([string.capwords(l)[:25] for l in lines])
longest = reduce(lambda a, b: a if len(a) >= len(b) else b, ws)
print(longest, list(islice(sorted(freq, key=lambda w: (-freq[w], w)), 4)))
index = OrderedDict()
for pos, w in enumerate(ws):
    index.setdefault(w, []).append(pos)
print(list(islice(index.items(), 5)))
vowels = Counter([c for c in TEXT.lower() if c in "aeiou"])
print(sorted(vowels.items()), vowels.total())
