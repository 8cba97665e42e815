"""The same loop as prealloc.py with `del result` before each reassignment:
the old buffer is freed first, so the loop peaks at three 8 MB buffers."""
import numpy as np

N = 1000
data = np.random.random((N, N))
weights = np.ones((N, N))
result = data.copy()
for step in range(5):
    del result
    result = data.copy()
print(result.shape, result.nbytes)
