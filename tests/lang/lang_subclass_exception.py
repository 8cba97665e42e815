# Subclassing Exception: custom __init__ storing fields, args, str/repr,
# overriding __str__, and catching by base class.
class AppError(Exception):
    pass


class HttpError(AppError):
    def __init__(self, status, reason):
        super().__init__(status, reason)
        self.status = status
        self.reason = reason

    def __str__(self):
        return f"HTTP {self.status}: {self.reason}"


class NotFound(HttpError):
    def __init__(self, path):
        super().__init__(404, "Not Found")
        self.path = path


class Quiet(AppError):
    def __init__(self):
        pass


errors = [AppError(), AppError("one"), AppError("a", 2), HttpError(500, "boom"), NotFound("/x"), Quiet()]
for e in errors:
    print(type(e).__name__, repr(str(e)), e.args, repr(e))
try:
    raise NotFound("/index.html")
except HttpError as e:
    print("caught", type(e).__name__, e.status, e.path, isinstance(e, AppError))
try:
    raise AppError("plain")
except (HttpError, KeyError):
    print("wrong handler")
except AppError as e:
    print("right handler:", e)
e = AppError("x")
e.args = ("changed", 1)
print(e, e.args)
print(issubclass(NotFound, Exception), NotFound.__mro__[3].__name__, BaseException in NotFound.__mro__)
