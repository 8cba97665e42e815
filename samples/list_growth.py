"""A list growing by appends over-allocates in steps: its item array is
reallocated only at some lengths (one REALLOC event each in the profile)."""
import sys

items = []
last = sys.getsizeof(items)
growths = []
for i in range(100):
    items.append(i)
    size = sys.getsizeof(items)
    if size != last:
        growths.append(len(items))
        last = size
print("appends:", len(items))
print("reallocations:", len(growths))
print("grew at lengths:", growths)
