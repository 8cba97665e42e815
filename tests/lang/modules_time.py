# time: clocks move forward; sleep sleeps.
import time

t0 = time.perf_counter()
n0 = time.perf_counter_ns()
m0 = time.monotonic()
time.sleep(0.02)
t1 = time.perf_counter()
n1 = time.perf_counter_ns()
print(t1 - t0 >= 0.019, n1 - n0 >= 19_000_000, time.monotonic() > m0)
print(type(t0).__name__, type(n0).__name__, type(time.time_ns()).__name__)
print(time.time() > 1.6e9, abs(time.time() - time.time_ns() / 1e9) < 1)
print(time.process_time() >= 0, type(time.process_time_ns()).__name__)
time.sleep(0)
for call in (lambda: time.sleep(-1), lambda: time.sleep("a"), lambda: time.time(1)):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
