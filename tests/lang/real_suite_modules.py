# Facts about the small standard modules: itertools, operator, copy, heapq,
# bisect, string, math, random -- each printed.
import itertools, operator, copy, heapq, bisect, string, math, random

print(list(itertools.islice(itertools.count(5, 3), 4)), list(itertools.islice("abcdefg", 1, 6, 2)))
print(list(itertools.islice(itertools.count(0.5, 0.25), 3)), list(itertools.repeat("x", 3)))
print(list(itertools.chain("ab", [1], ())), list(itertools.chain.from_iterable([[1, 2], "cd"])))
print(list(itertools.product("ab", repeat=2)), len(list(itertools.product(range(3), range(4), range(2)))))
print(list(itertools.permutations([1, 2, 3], 2)), len(list(itertools.permutations(range(5)))))
print(list(itertools.combinations("abcd", 2)), list(itertools.combinations(range(3), 0)), list(itertools.combinations([], 1)))
print(list(itertools.combinations_with_replacement("ab", 2)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4, 1, 5], max)))
print([(k, list(g)) for k, g in itertools.groupby("aaabccdd")], [k for k, g in itertools.groupby([1, 1, 2, 1])])
print(list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1])), list(itertools.filterfalse(None, [0, 1, 0, 2])))
print(list(itertools.pairwise("abcd")), [list(t) for t in itertools.tee([1, 2], 2)])
c = itertools.cycle("xy")
print([next(c) for _ in range(5)], repr(itertools.count(3)), repr(itertools.repeat(1, 2)))

print(operator.add(2, 3), operator.mul("a", 3), operator.neg(4), operator.not_(0), operator.truediv(1, 4))
print(operator.itemgetter(1)("abc"), operator.itemgetter(0, 2)("abc"), operator.attrgetter("real")(5))
print(operator.methodcaller("split", ",")("a,b"), operator.contains([1, 2], 2), operator.getitem({1: "x"}, 1))
print(sorted([(2, "b"), (1, "c"), (2, "a")], key=operator.itemgetter(0)), operator.index(7), operator.floordiv(-7, 2))
lst = [1, 2, 3]
operator.setitem(lst, 0, 9); operator.delitem(lst, 1)
print(lst, operator.lt(1, 2), operator.eq("a", "a"), operator.is_(None, None), operator.concat([1], [2]))
print(operator.iadd([1], [2]), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.pow(2, 5), operator.mod(7, 3))

a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(b, d, b[1] is a[1], d[1] is a[1])
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
class P:
    def __init__(self, v): self.v = v
    def __repr__(self): return "P(%r)" % (self.v,)
p = P([1])
p2, p3 = copy.copy(p), copy.deepcopy(p)
p.v.append(2)
print(p2, p3, copy.copy((1, 2)), copy.deepcopy({"a": (1, [2])}))

h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 3]
heapq.heapify(data)
print(data, heapq.nlargest(2, [5, 1, 8, 3]), heapq.nsmallest(3, "hello"), heapq.heappushpop([1, 5], 3), heapq.heapreplace([1, 5], 3))
print(heapq.nsmallest(2, [(1, "b"), (0, "z"), (1, "a")], key=lambda t: t[1]), list(heapq.merge([1, 4, 7], [2, 3, 9])))

s = [1, 2, 4, 4, 4, 7]
print(bisect.bisect_left(s, 4), bisect.bisect_right(s, 4), bisect.bisect(s, 0), bisect.bisect_left(s, 10, 0, 3))
bisect.insort(s, 5); bisect.insort_left(s, 4)
print(s, bisect.bisect_left([(1, "a"), (3, "b")], (2,)))
print([bisect.bisect([60, 70, 80, 90], g) for g in (33, 99, 77, 70, 89, 90, 100)])

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation, len(string.printable), string.ascii_uppercase[::5])
print(string.capwords("hello   big world"), string.capwords("a-b-c", "-"))

print(math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), math.sqrt(2), math.isqrt(99), math.gcd(12, 18), math.lcm(4, 6))
print(math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(1), math.pow(2, 0.5))
print(math.sin(math.pi / 6), math.cos(0), math.atan2(1, 1), math.degrees(math.pi), math.radians(180), math.hypot(3, 4, 12))
print(math.isclose(0.1 + 0.2, 0.3), math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan), math.copysign(3, -0.0))
print(math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(-7, 3), math.remainder(7, 4), math.dist((0, 0), (3, 4)))
print(math.tau, math.inf, -math.inf, math.erf(1), math.gamma(5), math.lgamma(10), math.expm1(1e-10), math.log1p(1e-10))
for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.exp(1000), lambda: math.isqrt(-1)):
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)

random.seed(2024)
print(random.random(), random.randint(1, 6), random.randrange(10), random.randrange(3, 30, 3), random.choice("abcdef"))
deck = list(range(10))
random.shuffle(deck)
print(deck, random.uniform(-1, 1), random.sample(range(100), 5), random.choices("abc", k=4))
print(random.getrandbits(40), random.gauss(0, 1) if False else "", random.randint(10 ** 20, 10 ** 21))
r1, r2 = random.Random(5), random.Random(5)
print([r1.random() for _ in range(3)] == [r2.random() for _ in range(3)], r1.randint(0, 9), random.Random("seed").random())
