# A custom exception hierarchy with an error-code registry, handlers
# ordered from specific to general, and exceptions carrying data.
class ServiceError(Exception):
    code = 1
    registry = {}


def register(cls):
    ServiceError.registry[cls.code] = cls
    return cls


@register
class Timeout(ServiceError):
    code = 10


@register
class RetryableTimeout(Timeout):
    code = 11


@register
class BadRequest(ServiceError):
    code = 20

    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field


def call(code):
    cls = ServiceError.registry.get(code)
    if cls is None:
        raise ValueError(f"unknown code {code}")
    if cls is BadRequest:
        raise cls("email", "missing @")
    raise cls(f"code {code}")


for code in [10, 11, 20, 99]:
    try:
        call(code)
    except RetryableTimeout as e:
        print("retry later:", e)
    except Timeout as e:
        print("timed out:", e)
    except BadRequest as e:
        print("bad request on", e.field, "->", e)
    except ServiceError:
        print("generic service error")
    except Exception as e:
        print("other:", type(e).__name__, e)
print(sorted(ServiceError.registry), [c.__name__ for c in RetryableTimeout.__mro__[:4]])
