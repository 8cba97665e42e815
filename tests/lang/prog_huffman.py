# Huffman coding end to end: frequency counting, tree building with heapq
# (ties broken by an insertion counter so the code is deterministic),
# canonical code assignment, bit packing into bytes, decoding through the
# tree, a compact header format, and run-length encoding for comparison.
import heapq
from collections import Counter


class Leaf:
    __slots__ = ("symbol", "weight")

    def __init__(self, symbol, weight):
        self.symbol, self.weight = symbol, weight


class Node:
    __slots__ = ("left", "right", "weight")

    def __init__(self, left, right):
        self.left, self.right = left, right
        self.weight = left.weight + right.weight


def build_tree(freqs):
    if not freqs:
        raise ValueError("cannot build a code for empty input")
    heap = []
    for order, (sym, w) in enumerate(sorted(freqs.items())):
        heap.append((w, order, Leaf(sym, w)))
    heapq.heapify(heap)
    counter = len(heap)
    if len(heap) == 1:
        w, _, leaf = heap[0]
        return Node(leaf, Leaf(None, 0))
    while len(heap) > 1:
        w1, _, a = heapq.heappop(heap)
        w2, _, b = heapq.heappop(heap)
        heapq.heappush(heap, (w1 + w2, counter, Node(a, b)))
        counter += 1
    return heap[0][2]


def code_lengths(tree):
    lengths = {}

    def walk(node, depth):
        if isinstance(node, Leaf):
            if node.symbol is not None:
                lengths[node.symbol] = max(depth, 1)
            return
        walk(node.left, depth + 1)
        walk(node.right, depth + 1)

    walk(tree, 0)
    return lengths


def canonical_codes(lengths):
    codes = {}
    code = 0
    prev_len = 0
    for sym, n in sorted(lengths.items(), key=lambda kv: (kv[1], kv[0])):
        code <<= n - prev_len
        codes[sym] = format(code, f"0{n}b")
        code += 1
        prev_len = n
    return codes


class BitWriter:
    def __init__(self):
        self.buf = bytearray()
        self.acc = 0
        self.nbits = 0

    def write(self, bits):
        for b in bits:
            self.acc = (self.acc << 1) | (b == "1")
            self.nbits += 1
            if self.nbits == 8:
                self.buf.append(self.acc)
                self.acc = self.nbits = 0

    def finish(self):
        pad = (8 - self.nbits) % 8
        if self.nbits:
            self.buf.append(self.acc << pad)
        return bytes(self.buf), pad


def bits_of(data, pad):
    for i, byte in enumerate(data):
        limit = 8 - pad if i == len(data) - 1 else 8
        for k in range(limit):
            yield "1" if byte >> (7 - k) & 1 else "0"


def encode(text):
    freqs = Counter(text)
    codes = canonical_codes(code_lengths(build_tree(freqs)))
    w = BitWriter()
    for ch in text:
        w.write(codes[ch])
    payload, pad = w.finish()
    header = bytearray([len(codes), pad])
    for sym in sorted(codes):
        raw = sym.encode()
        header += bytes([len(raw)]) + raw + bytes([len(codes[sym])])
    return bytes(header) + payload, codes


def decode(blob):
    n, pad = blob[0], blob[1]
    pos = 2
    lengths = {}
    for _ in range(n):
        k = blob[pos]
        sym = blob[pos + 1:pos + 1 + k].decode()
        lengths[sym] = blob[pos + 1 + k]
        pos += k + 2
    table = {v: k for k, v in canonical_codes(lengths).items()}
    out, cur = [], ""
    for bit in bits_of(blob[pos:], pad):
        cur += bit
        if cur in table:
            out.append(table[cur])
            cur = ""
    if cur:
        raise ValueError(f"trailing bits {cur!r}")
    return "".join(out)


def rle(text):
    out = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and text[j] == text[i]:
            j += 1
        out.append(f"{j - i}{text[i]}" if j - i > 1 else text[i])
        i = j
    return "".join(out)


SAMPLES = [
    "abracadabra",
    "aaaaaaaaaaaaaaaaaaaab",
    "mississippi river",
    "the quick brown fox jumps over the lazy dog " * 3,
    "zzzzzz",
    "naïve café — déjà vu",
]

for text in SAMPLES:
    blob, codes = encode(text)
    back = decode(blob)
    bits = sum(len(codes[c]) for c in text)
    raw_bits = len(text.encode()) * 8
    print(f"{text[:24]!r:28} {len(codes):2d} symbols {bits:4d} bits vs {raw_bits:4d} "
          f"({bits / raw_bits:6.1%}) blob {len(blob):3d}B ok={back == text}")

_, codes = encode("abracadabra")
print("abracadabra codes:", sorted(codes.items(), key=lambda kv: (len(kv[1]), kv[0])))
_, codes = encode(SAMPLES[3])
by_len = {}
for sym, c in codes.items():
    by_len.setdefault(len(c), []).append(sym)
for n in sorted(by_len):
    print(f"  length {n}: {''.join(sorted(by_len[n]))!r}")
kraft = sum(2 ** -len(c) for c in codes.values())
print("kraft sum:", kraft, "| prefix free:",
      not any(a != b and b.startswith(a) for a in codes.values() for b in codes.values()))
blob, _ = encode("hello")
print("blob bytes:", list(blob), blob.hex())
print("rle:", rle("WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW"), rle("abc"), rle(""))
try:
    encode("")
except ValueError as e:
    print("ValueError:", e)
corrupt = bytearray(encode("abracadabra")[0])
corrupt[1] = 0
try:
    print(decode(bytes(corrupt)))
except ValueError as e:
    print("ValueError:", e)
