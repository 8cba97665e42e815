# A bank ledger: accounts with integer cents, a custom exception hierarchy,
# `raise ... from`, try/except/else/finally, transactions as context
# managers that roll back on error, and an audit report.


class LedgerError(Exception):
    """Root of the ledger's errors."""


class AccountError(LedgerError):
    def __init__(self, account_id, msg):
        super().__init__(account_id, msg)
        self.account_id = account_id

    def __str__(self):
        return f"account {self.account_id}: {self.args[1]}"


class InsufficientFunds(AccountError):
    def __init__(self, account_id, balance, wanted):
        super().__init__(account_id, f"balance {fmt(balance)} < {fmt(wanted)}")
        self.shortfall = wanted - balance


class AccountFrozen(AccountError):
    pass


class TransferFailed(LedgerError):
    pass


def fmt(cents):
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}${cents // 100:,}.{cents % 100:02d}"


class Account:
    def __init__(self, acct_id, owner, balance=0, overdraft=0):
        self.id = acct_id
        self.owner = owner
        self._balance = balance
        self.overdraft = overdraft
        self.frozen = False
        self.history = []

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < -self.overdraft:
            raise InsufficientFunds(self.id, self._balance, self._balance - value)
        self._balance = value

    def check(self):
        if self.frozen:
            raise AccountFrozen(self.id, "frozen")

    def deposit(self, cents, memo="deposit"):
        self.check()
        if cents <= 0:
            raise ValueError(f"deposit must be positive, got {cents}")
        self.balance += cents
        self.history.append((memo, cents))

    def withdraw(self, cents, memo="withdrawal"):
        self.check()
        if cents <= 0:
            raise ValueError(f"withdrawal must be positive, got {cents}")
        self.balance -= cents
        self.history.append((memo, -cents))

    def __repr__(self):
        return f"Account({self.id}, {self.owner!r}, {fmt(self._balance)})"


class Transaction:
    """Snapshot balances on entry; restore them if the block raises."""

    log = []

    def __init__(self, bank, label, *accounts):
        self.bank = bank
        self.label = label
        self.accounts = accounts

    def __enter__(self):
        self.saved = [(a, a._balance, len(a.history)) for a in self.accounts]
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            Transaction.log.append(f"commit {self.label}")
            return False
        for acct, bal, n in self.saved:
            acct._balance = bal
            del acct.history[n:]
        Transaction.log.append(f"rollback {self.label}: {exc_type.__name__}")
        return False


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}
        self.next_id = 100

    def open(self, owner, balance=0, overdraft=0):
        self.next_id += 1
        acct = Account(self.next_id, owner, balance, overdraft)
        self.accounts[acct.id] = acct
        return acct

    def __getitem__(self, acct_id):
        try:
            return self.accounts[acct_id]
        except KeyError:
            raise LedgerError(f"no such account {acct_id}") from None

    def transfer(self, src_id, dst_id, cents):
        src, dst = self[src_id], self[dst_id]
        try:
            with Transaction(self, f"{src_id}->{dst_id} {fmt(cents)}", src, dst):
                src.withdraw(cents, f"to {dst_id}")
                dst.deposit(cents, f"from {src_id}")
        except AccountError as e:
            raise TransferFailed(f"transfer of {fmt(cents)} failed") from e

    def total(self):
        return sum(a.balance for a in self.accounts.values())


def run_ops(bank, ops):
    for op in ops:
        kind, *args = op
        outcome = "?"
        try:
            if kind == "transfer":
                bank.transfer(*args)
            elif kind == "deposit":
                bank[args[0]].deposit(args[1])
            elif kind == "withdraw":
                bank[args[0]].withdraw(args[1])
            elif kind == "freeze":
                bank[args[0]].frozen = True
            else:
                raise NotImplementedError(kind)
        except TransferFailed as e:
            cause = e.__cause__
            outcome = f"FAILED {e} <- {type(cause).__name__}: {cause}"
            if isinstance(cause, InsufficientFunds):
                outcome += f" (short {fmt(cause.shortfall)})"
        except LedgerError as e:
            outcome = f"ledger error: {e}"
        except (ValueError, NotImplementedError) as e:
            outcome = f"rejected {type(e).__name__}: {e}"
        else:
            outcome = "ok"
        finally:
            print(f"{kind:>8} {str(args):<22} {outcome}")


bank = Bank("First Heap")
alice = bank.open("alice", 150000)
bob = bank.open("bob", 2500, overdraft=1000)
carol = bank.open("carol")
start_total = bank.total()

run_ops(bank, [
    ("transfer", 101, 102, 40000),
    ("transfer", 102, 103, 43000),
    ("transfer", 102, 103, 50000),
    ("withdraw", 103, 99),
    ("deposit", 103, -5),
    ("deposit", 999, 10),
    ("freeze", 103),
    ("transfer", 101, 103, 100),
    ("withdraw", 101, 1000),
    ("audit", 1),
    ("transfer", 103, 101, 1),
])

print()
for acct in bank.accounts.values():
    print(repr(acct))
    for memo, amount in acct.history:
        print(f"    {memo:<12}{fmt(amount):>12}")
print("total before", fmt(start_total), "after", fmt(bank.total()))
print("\n".join(Transaction.log))

chain = []
try:
    try:
        bank.transfer(102, 101, 10 ** 9)
    except TransferFailed as outer:
        raise RuntimeError("batch aborted") from outer
except RuntimeError as err:
    e = err
    while e is not None:
        chain.append(type(e).__name__)
        e = e.__cause__ or e.__context__
print(" <- ".join(chain))
print(InsufficientFunds(7, 100, 250).args, InsufficientFunds.__mro__[1:4])
