# A __hash__ returning an int that fits a C long is used as is; only larger
# ones are reduced (CPython: slot_tp_hash).  heaptrail once reduced every result.
class H:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


for h in [5, -5, 2**61, 2**62, -(2**62), 2**63 - 25, -(2**63), 2**64 + 3]:
    print(hash(H(h)) == hash(h), hash(H(h)) == h)
