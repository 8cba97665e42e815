# Several collections types in one small job: a log analysis with Counter,
# defaultdict(list), deque as a sliding window, namedtuple records and an
# OrderedDict of first-seen order.
from collections import Counter, defaultdict, deque, namedtuple, OrderedDict

Entry = namedtuple("Entry", "t level msg")
LOG = """\
1 INFO start
2 WARN disk 80%
3 INFO request /a
4 ERROR timeout /a
5 INFO request /b
6 WARN disk 85%
7 ERROR timeout /b
8 ERROR crash
9 INFO request /a
10 INFO stop"""
entries = [Entry(int(t), lvl, msg) for t, lvl, msg in (line.split(" ", 2) for line in LOG.splitlines())]
levels = Counter(e.level for e in entries)
by_level = defaultdict(list)
first_seen = OrderedDict()
window = deque(maxlen=3)
alerts = []
for e in entries:
    by_level[e.level].append(e.t)
    first_seen.setdefault(e.msg.split()[0], e.t)
    window.append(e)
    if sum(w.level == "ERROR" for w in window) >= 2:
        alerts.append((e.t, [w.t for w in window]))
print(levels.most_common(), dict(by_level))
print(list(first_seen.items()), alerts)
print(max(entries, key=lambda e: len(e.msg)), entries[3]._replace(level="FATAL"))
