"""One leaked object holding others: between the marks, h is the only root
leak; its attribute dict, its list and the six strings are kept by it."""
import heaptrail


class Holder:
    pass


heaptrail.mark("a")
h = Holder()
h.items = ["x" * 40 + str(i) for i in range(6)]
heaptrail.mark("b")
print(len(h.items))
