"""Reassignment: `result = data.copy()` builds the new array while the old
one is still bound to `result`, so the loop peaks at four 8 MB buffers
(data, weights, old result, new result).  See prealloc_del.py."""
import numpy as np

N = 1000
data = np.random.random((N, N))
weights = np.ones((N, N))
result = data.copy()
for step in range(5):
    result = data.copy()
print(result.shape, result.nbytes)
