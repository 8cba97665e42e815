# A bank and inventory simulation: accounts as classes with validation,
# transactions in dicts, reports sorted with keys, sets of flagged accounts.
import random


class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"account {account.number} cannot cover {amount:.2f} (balance {account.balance:.2f})")
        self.account = account
        self.amount = amount


class Account:
    next_number = 1000
    kind = "basic"
    fee = 0.0

    def __init__(self, owner, balance=0.0):
        Account.next_number += 1
        self.number = Account.next_number
        self.owner = owner
        self.balance = balance
        self.log = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive, got %r" % (amount,))
        self.balance += amount
        self.log.append(("dep", amount))

    def withdraw(self, amount):
        total = amount + self.fee
        if total > self.balance + self.overdraft():
            raise InsufficientFunds(self, total)
        self.balance -= total
        self.log.append(("wd", total))

    def overdraft(self):
        return 0.0

    def __repr__(self):
        return f"{type(self).__name__}(#{self.number}, {self.owner!r}, {self.balance:.2f})"

    def __lt__(self, other):
        return (self.balance, self.number) < (other.balance, other.number)


class Checking(Account):
    kind = "checking"
    fee = 0.25

    def overdraft(self):
        return 100.0


class Savings(Account):
    kind = "savings"
    rate = 0.02

    def accrue(self):
        interest = round(self.balance * self.rate / 12, 2)
        self.deposit(interest) if interest > 0 else None
        return interest


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}
        self.by_owner = {}
        self.flagged = set()
        self.failures = 0

    def open(self, cls, owner, initial=0.0):
        acct = cls(owner, initial)
        self.accounts[acct.number] = acct
        self.by_owner.setdefault(owner, []).append(acct)
        return acct

    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except InsufficientFunds as e:
            self.failures += 1
            self.flagged.add(src)
            return str(e)
        except KeyError:
            return "no such account %d" % src
        else:
            self.accounts[dst].deposit(amount)
            return None
        finally:
            self.last = (src, dst, amount)

    def total(self):
        return round(sum([a.balance for a in self.accounts.values()]), 2)

    def report(self):
        print(f"== {self.name}: {len(self.accounts)} accounts, total {self.total():,.2f} ==")
        for owner in sorted(self.by_owner):
            accts = self.by_owner[owner]
            line = ", ".join(["%s %.2f" % (a.kind, a.balance) for a in sorted(accts)])
            print(f"  {owner:<8} {line}")


rng = random.Random(99)
bank = Bank("First Heap")
owners = ["ada", "bob", "cy", "dee", "eve"]
for o in owners:
    bank.open(Checking, o, rng.randint(0, 300))
    if rng.random() < 0.6:
        bank.open(Savings, o, float(rng.randrange(100, 2000, 50)))
bank.report()
numbers = sorted(bank.accounts)
errors = []
for step in range(40):
    src, dst = rng.sample(numbers, 2)
    amount = round(rng.uniform(5, 250), 2)
    msg = bank.transfer(src, dst, amount)
    if msg:
        errors.append(msg)
print(bank.transfer(1, numbers[0], 5.0), bank.last)
for a in bank.accounts.values():
    if isinstance(a, Savings):
        a.accrue()
bank.report()
print("failures:", bank.failures, "flagged:", sorted(bank.flagged))
for e in errors[:4]:
    print(" ", e)
richest = max(bank.accounts.values(), key=lambda a: a.balance)
poorest = min(bank.accounts.values())
print("richest:", richest, "poorest:", poorest)
print(sorted(bank.accounts.values(), key=lambda a: (a.kind, -a.balance))[:3])
kinds = {}
for a in bank.accounts.values():
    kinds.setdefault(a.kind, []).append(a.number)
print({k: len(v) for k, v in sorted(kinds.items())}, sum([len(a.log) for a in bank.accounts.values()]))
try:
    bank.accounts[numbers[0]].deposit(-5)
except ValueError as e:
    print("ValueError:", e)
inventory = {"apple": 12, "pear": 0, "fig": 7, "kiwi": 3}
orders = [("apple", 5), ("fig", 9), ("pear", 1), ("kiwi", 3), ("plum", 1), ("apple", 7)]
backlog = []
for item, qty in orders:
    have = inventory.get(item)
    if have is None:
        backlog.append((item, qty, "unknown"))
    elif have < qty:
        backlog.append((item, qty - have, "short"))
        inventory[item] = 0
    else:
        inventory[item] -= qty
print(inventory, backlog)
empty = {k for k, v in inventory.items() if not v}
print(sorted(empty), sorted(inventory.items(), key=lambda kv: (-kv[1], kv[0])), inventory.pop("fig"), inventory.popitem())
