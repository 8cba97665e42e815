# Calendar and date arithmetic from first principles: a Date class with
# validation, ordering, hashing, day arithmetic via a day-number
# conversion, weekday computation, ISO weeks, month calendars printed like
# `cal`, Easter by the anonymous Gregorian algorithm, and date parsing.

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


class DateError(ValueError):
    pass


def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year, month):
    return 29 if month == 2 and is_leap(year) else DAYS_IN_MONTH[month - 1]


class Date:
    __slots__ = ("year", "month", "day")

    def __init__(self, year, month, day):
        if not 1 <= month <= 12:
            raise DateError(f"month {month} out of range")
        if not 1 <= day <= days_in_month(year, month):
            raise DateError(f"day {day} out of range for {MONTHS[month - 1]} {year}")
        self.year, self.month, self.day = year, month, day

    @classmethod
    def parse(cls, text):
        for sep in "-/.":
            if sep in text:
                parts = text.split(sep)
                break
        else:
            raise DateError(f"cannot parse {text!r}")
        try:
            nums = [int(p) for p in parts]
        except ValueError as e:
            raise DateError(f"cannot parse {text!r}") from e
        if len(nums) != 3:
            raise DateError(f"cannot parse {text!r}")
        if sep == "-":
            y, m, d = nums
        else:
            d, m, y = nums
        return cls(y, m, d)

    def ordinal(self):
        """Days since 0001-01-01 (which is day 1), proleptic Gregorian."""
        y = self.year - 1
        days = y * 365 + y // 4 - y // 100 + y // 400
        days += sum(days_in_month(self.year, m) for m in range(1, self.month))
        return days + self.day

    @classmethod
    def from_ordinal(cls, n):
        y400, n = divmod(n - 1, 146097)
        year = y400 * 400 + 1
        y100, n = divmod(n, 36524)
        y4, n = divmod(n, 1461)
        y1, n = divmod(n, 365)
        year += y100 * 100 + y4 * 4 + y1
        if y1 == 4 or y100 == 4:
            return cls(year - 1, 12, 31)
        month = 1
        while n >= days_in_month(year, month):
            n -= days_in_month(year, month)
            month += 1
        return cls(year, month, n + 1)

    def weekday(self):
        return (self.ordinal() + 6) % 7

    def day_of_year(self):
        return self.ordinal() - Date(self.year, 1, 1).ordinal() + 1

    def iso_week(self):
        wd = self.weekday()
        thursday = Date.from_ordinal(self.ordinal() - wd + 3)
        week = (thursday.day_of_year() - 1) // 7 + 1
        return thursday.year, week, wd + 1

    def __add__(self, days):
        if not isinstance(days, int):
            return NotImplemented
        return Date.from_ordinal(self.ordinal() + days)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, Date):
            return self.ordinal() - other.ordinal()
        if isinstance(other, int):
            return self + -other
        return NotImplemented

    def _key(self):
        return (self.year, self.month, self.day)

    def __eq__(self, other):
        return isinstance(other, Date) and self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        return f"Date({self.year}, {self.month}, {self.day})"

    def __str__(self):
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __format__(self, spec):
        if spec == "long":
            return f"{WEEKDAYS[self.weekday()]}, {self.day} {MONTHS[self.month - 1]} {self.year}"
        return format(str(self), spec)


def month_calendar(year, month):
    lines = [f"{MONTHS[month - 1]} {year}".center(20).rstrip(), "Mo Tu We Th Fr Sa Su"]
    first = Date(year, month, 1).weekday()
    cells = ["  "] * first + [f"{d:2d}" for d in range(1, days_in_month(year, month) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]).rstrip())
    return "\n".join(lines)


def easter(year):
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return Date(year, month, day + 1)


def date_range(start, stop, step=1):
    d = start
    while d < stop:
        yield d
        d = d + step


print(month_calendar(2024, 2))
print()
print(month_calendar(2023, 10))
for text in ["2000-02-29", "1969-07-20", "31/12/1999", "1.1.2001", "2023-02-29",
             "2024-13-01", "12-xx-2020", "2024/01"]:
    try:
        d = Date.parse(text)
        y, w, wd = d.iso_week()
        print(f"{text:>12} -> {d:long} | day {d.day_of_year():3d} | ISO {y}-W{w:02d}-{wd} | ord {d.ordinal()}")
    except DateError as e:
        cause = f" (cause: {type(e.__cause__).__name__})" if e.__cause__ else ""
        print(f"{text:>12} -> error: {e}{cause}")

moon, y2k = Date(1969, 7, 20), Date(2000, 1, 1)
print("days from moon landing to Y2K:", y2k - moon, "| +10000 days:", moon + 10000, 10000 + moon == moon + 10000)
print("easter:", [str(easter(y)) for y in (1961, 2000, 2008, 2019, 2024, 2038)])
fridays13 = [d for d in date_range(Date(2023, 1, 1), Date(2027, 1, 1)) if d.day == 13 and d.weekday() == 4]
print("Friday 13ths 2023-2026:", ", ".join(f"{d}" for d in fridays13))
checks = 0
for n in range(1, 800000, 997):
    assert Date.from_ordinal(n).ordinal() == n, n
    checks += 1
print("ordinal round trips:", checks, "| leap years 1896-1912:", [y for y in range(1896, 1913) if is_leap(y)])
dates = [Date(2020, 5, 17), Date(1999, 12, 31), Date(2020, 1, 5), Date(2020, 5, 1)]
print(sorted(dates), min(dates), max(dates, key=lambda d: d.day))
print(len({Date(2020, 1, 1), Date(2020, 1, 1), Date(2021, 1, 1)}), Date(2020, 1, 1) <= Date(2020, 1, 1))
print(f"[{Date(2001, 9, 9):>14}] [{Date(2001, 9, 9):<12}]", Date(2024, 3, 1) - 1, Date(2024, 1, 31) + 29)
weekday_counts = {name: 0 for name in WEEKDAYS}
for d in date_range(Date(2024, 1, 1), Date(2025, 1, 1)):
    weekday_counts[WEEKDAYS[d.weekday()]] += 1
print(weekday_counts)
