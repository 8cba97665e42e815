# A warehouse inventory: classes with properties and validation, class and
# static methods, __slots__, ordering dunders, a registry built by a class
# decorator, restock planning and a formatted report.
from functools import total_ordering

REGISTRY = {}


def register(kind):
    def deco(cls):
        REGISTRY[kind] = cls
        cls.kind = kind
        return cls
    return deco


class ValidationError(ValueError):
    pass


@total_ordering
class Money:
    __slots__ = ("cents",)

    def __init__(self, cents):
        object.__setattr__(self, "cents", int(cents))

    def __setattr__(self, name, value):
        raise AttributeError("Money is immutable")

    @classmethod
    def parse(cls, text):
        whole, _, frac = text.strip().lstrip("$").partition(".")
        return cls(int(whole.replace(",", "")) * 100 + int((frac + "00")[:2]))

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __mul__(self, n):
        return Money(self.cents * n)

    __rmul__ = __mul__

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __hash__(self):
        return hash(self.cents)

    def __str__(self):
        return f"${self.cents / 100:,.2f}"

    def __repr__(self):
        return f"Money({self.cents})"


class Product:
    kind = "generic"
    _count = 0

    def __init__(self, sku, name, price, qty=0, reorder_at=5):
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty
        self.reorder_at = reorder_at
        Product._count += 1

    @property
    def price(self):
        return self._price

    @price.setter
    def price(self, value):
        if isinstance(value, str):
            value = Money.parse(value)
        if not isinstance(value, Money) or value.cents <= 0:
            raise ValidationError(f"{self.sku}: bad price {value!r}")
        self._price = value

    @property
    def qty(self):
        return self._qty

    @qty.setter
    def qty(self, n):
        if n < 0:
            raise ValidationError(f"{self.sku}: quantity cannot be negative ({n})")
        self._qty = n

    @property
    def value(self):
        return self.price * self.qty

    @property
    def needs_reorder(self):
        return self.qty <= self.reorder_at

    @staticmethod
    def valid_sku(sku):
        return len(sku) == 6 and sku[:2].isalpha() and sku[2:].isdigit()

    @classmethod
    def from_row(cls, row):
        kind, sku, name, price, qty, *extra = [f.strip() for f in row.split("|")]
        klass = REGISTRY.get(kind, cls)
        if not cls.valid_sku(sku):
            raise ValidationError(f"bad sku {sku!r}")
        return klass(sku, name, price, int(qty), *extra)

    @classmethod
    def created(cls):
        return cls._count

    def describe(self):
        return f"{self.sku} {self.name:<14} {self.kind:<10} {self.qty:>4} @ {str(self.price):>9}"

    def __repr__(self):
        return f"{type(self).__name__}({self.sku!r})"


@register("perishable")
class Perishable(Product):
    def __init__(self, sku, name, price, qty=0, days="7"):
        super().__init__(sku, name, price, qty, reorder_at=10)
        self.days = int(days)

    @property
    def value(self):
        base = super().value
        return base if self.days > 3 else base * 0 + Money(base.cents // 2)

    def describe(self):
        return super().describe() + f"  ({self.days}d left)"


@register("fragile")
class Fragile(Product):
    handling = Money(250)

    @property
    def value(self):
        return super().value + self.handling * self.qty


@register("bulk")
class Bulk(Product):
    def __init__(self, sku, name, price, qty=0, unit="kg"):
        super().__init__(sku, name, price, qty, reorder_at=50)
        self.unit = unit

    def describe(self):
        return super().describe() + f" per {self.unit}"


ROWS = """\
perishable | MK0001 | milk          | 1.25   | 40 | 5
perishable | BR0002 | bread         | 2.10   | 8  | 2
fragile    | GL0003 | wine glass    | 6.00   | 24
bulk       | RC0004 | rice          | 1.80   | 120 | kg
generic    | HM0005 | hammer        | 14.99  | 3
bulk       | NL0006 | nails         | 0.05   | 4000 | box
generic    | 12BAD7 | broken        | 1.00   | 1
generic    | SC0008 | scissors      | -3.00  | 7
fragile    | VS0009 | vase          | 1,249.50 | 2
"""

inventory = {}
for row in ROWS.splitlines():
    try:
        p = Product.from_row(row)
    except ValidationError as e:
        print("skipped:", e)
        continue
    inventory[p.sku] = p

print(f"{len(inventory)} products loaded, {Product.created()} constructed")
for p in sorted(inventory.values(), key=lambda p: (p.kind, p.name)):
    print(p.describe())

total = sum(p.value for p in inventory.values())
print("stock value:", total, repr(total))
by_kind = {}
for p in inventory.values():
    by_kind.setdefault(p.kind, []).append(p)
for kind in sorted(by_kind):
    items = by_kind[kind]
    print(f"{kind:>10}: {len(items)} items, value {sum(i.value for i in items)}")

try:
    inventory["HM0005"].qty -= 5
except ValidationError as e:
    print("error:", e)
inventory["HM0005"].qty -= 1
reorder = [p for p in inventory.values() if p.needs_reorder]
print("reorder:", reorder)
most = max(inventory.values(), key=lambda p: p.value)
cheapest = min(inventory.values(), key=lambda p: p.price)
print("most valuable line:", most.name, most.value, "| cheapest:", cheapest.name, cheapest.price)
prices = sorted({p.price for p in inventory.values()})
print([str(m) for m in prices])
print(Money(5) <= Money(7), Money(9) > Money(7), Money(3) == Money(3), Money(3) != 3)
try:
    Money(1).cents = 5
except AttributeError as e:
    print("AttributeError:", e)
print(isinstance(inventory["MK0001"], Product), issubclass(Bulk, Perishable),
      sorted(REGISTRY), Perishable.kind, Product.kind)
