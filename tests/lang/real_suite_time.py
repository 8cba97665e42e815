# time's calendar side on fixed timestamps (gmtime only, so that the output
# does not depend on the machine's time zone): struct_time, strftime,
# asctime, and their argument checks.
import time

print(time.gmtime(0))
print(time.gmtime(1700000000.9))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %U %w %%", time.gmtime(86400 * 365)))
print(time.asctime(time.gmtime(0)), "|", time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 1, 0)))
t = time.gmtime(5)
print(t[0], t[-1], len(t), t.tm_gmtoff, t[:3], tuple(t), t == tuple(t), type(t).__name__)
print(time.struct_time((1, 2, 3, 4, 5, 6, 0, 1, 0)), isinstance(t, time.struct_time))
s = time.struct_time((2024, 2, 29, 12, 30, 45, 3, 60, 0, "XYZ", 3600))
print(s, s.tm_zone, s.tm_gmtoff, time.strftime("%Z %z %A %B %d %I %p %y %C %e", s))
print(time.strftime("%c|%x|%X|%D|%T|%G-%V-%u", time.gmtime(1234567890)), time.gmtime(1e9).tm_yday)
print(time.strftime("%Y-%m-%d", (2000, 0, 0, 0, 0, 0, 0, 0, 0)), time.asctime((2000, 1, 1, 0, 0, 0, 6, 1, 0)),
      time.strftime("", time.gmtime(0)) == "", time.gmtime(-1))
for ts in (0, 951782400, 1234567890, -86400 * 366, 4102444800):
    g = time.gmtime(ts)
    print(ts, tuple(g), time.asctime(g), time.strftime("%j %U %W", g))
days = {}
for k in range(14):
    name = time.strftime("%A", time.gmtime(86400 * k))
    days[name] = days.get(name, 0) + 1
print(days)
for f in (lambda: time.gmtime("x"), lambda: time.gmtime(1e20), lambda: time.strftime("%Y", (1,)),
          lambda: time.strftime("%Y", (2000, 13, 1, 0, 0, 0, 0, 1, 0)), lambda: time.strftime("%Y", (2000, 1, 1, 0, 0, 0, 0, 1.5, 0)),
          lambda: time.asctime((2000, 1, 1, 25, 0, 0, 0, 1, 0)), lambda: time.strftime(5), lambda: time.struct_time((1, 2)),
          lambda: time.mktime(5), lambda: time.gmtime(float("nan")), lambda: time.gmtime(2 ** 70),
          lambda: time.struct_time(range(12)), lambda: time.asctime((1,)), lambda: time.mktime((1, 2)),
          lambda: time.strftime("%Y", (2000, 1, 32, 0, 0, 0, 0, 1, 0)), lambda: time.strftime("%Y", (2000, 1, 1, 0, 60, 0, 0, 1, 0))):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
