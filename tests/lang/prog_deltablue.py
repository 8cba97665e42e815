# A small DeltaBlue-style incremental constraint solver: a strength
# hierarchy with ordering dunders, variables, stay/edit/equality/scale
# constraints choosing their methods by walkabout strength, incremental
# add/remove with propagation, and plans extracted and executed; driven
# through the classic chain and projection scenarios.


class Strength:
    NAMES = ["required", "strong preferred", "preferred", "strong default",
             "normal", "weak default", "weakest"]

    def __init__(self, level):
        self.level = level

    def stronger(self, other):
        return self.level < other.level

    def __lt__(self, other):
        return self.level > other.level

    def __eq__(self, other):
        return isinstance(other, Strength) and self.level == other.level

    def __hash__(self):
        return self.level

    def __repr__(self):
        return f"<{self.NAMES[self.level]}>"

    def next_weaker(self):
        return STRENGTHS[min(self.level + 1, 6)]


STRENGTHS = [Strength(i) for i in range(7)]
REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = STRENGTHS


class UnsatisfiableError(Exception):
    pass


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def __repr__(self):
        return f"{self.name}={self.value}"


class Constraint:
    def __init__(self, strength):
        self.strength = strength

    def add(self, planner):
        for v in self.variables():
            v.constraints.append(self)
        planner.incremental_add(self)
        return self

    def remove(self, planner):
        planner.incremental_remove(self)

    def satisfy(self, mark, planner):
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength == REQUIRED:
                raise UnsatisfiableError(f"could not satisfy a required {type(self).__name__}")
            return None
        for v in self.inputs():
            v.mark = mark
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not planner.add_propagate(self, mark):
            raise UnsatisfiableError("cycle encountered")
        out.mark = mark
        return overridden

    def is_input(self):
        return False


class UnaryConstraint(Constraint):
    def __init__(self, v, strength):
        super().__init__(strength)
        self.v = v
        self.satisfied = False

    def variables(self):
        return [self.v]

    def choose_method(self, mark):
        self.satisfied = self.v.mark != mark and self.strength.stronger(self.v.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs(self):
        return []

    def output(self):
        return self.v

    def recalculate(self):
        self.v.walk_strength = self.strength
        self.v.stay = not self.is_input()
        if self.v.stay:
            self.execute()

    def execute(self):
        pass

    def inputs_known(self, mark):
        return True


class StayConstraint(UnaryConstraint):
    pass


class EditConstraint(UnaryConstraint):
    def is_input(self):
        return True


class BinaryConstraint(Constraint):
    FORWARD, BACKWARD, NONE = 1, -1, 0

    def __init__(self, a, b, strength):
        super().__init__(strength)
        self.a, self.b = a, b
        self.direction = self.NONE

    def variables(self):
        return [self.a, self.b]

    def choose_method(self, mark):
        a, b = self.a, self.b
        if a.mark == mark:
            ok = b.mark != mark and self.strength.stronger(b.walk_strength)
            self.direction = self.FORWARD if ok else self.NONE
        elif b.mark == mark:
            ok = a.mark != mark and self.strength.stronger(a.walk_strength)
            self.direction = self.BACKWARD if ok else self.NONE
        elif a.walk_strength.stronger(b.walk_strength) or a.walk_strength == b.walk_strength:
            self.direction = self.FORWARD if self.strength.stronger(b.walk_strength) else self.NONE
        else:
            self.direction = self.BACKWARD if self.strength.stronger(a.walk_strength) else self.NONE

    def is_satisfied(self):
        return self.direction != self.NONE

    def mark_unsatisfied(self):
        self.direction = self.NONE

    def inputs(self):
        return [self.input()] + self.extra_inputs()

    def extra_inputs(self):
        return []

    def input(self):
        return self.a if self.direction == self.FORWARD else self.b

    def output(self):
        return self.b if self.direction == self.FORWARD else self.a

    def recalculate(self):
        i, o = self.input(), self.output()
        weakest = self.strength if i.walk_strength.stronger(self.strength) else i.walk_strength
        o.walk_strength = weakest
        o.stay = all(v.stay for v in self.inputs())
        if o.stay:
            self.execute()

    def inputs_known(self, mark):
        return all(v.mark == mark or v.stay or v.determined_by is None for v in self.inputs())


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """b = a * scale + offset (forward) or a = (b - offset) // scale."""

    def __init__(self, a, scale, offset, b, strength):
        super().__init__(a, b, strength)
        self.scale, self.offset = scale, offset

    def variables(self):
        return [self.a, self.b, self.scale, self.offset]

    def extra_inputs(self):
        return [self.scale, self.offset]

    def execute(self):
        if self.direction == self.FORWARD:
            self.b.value = self.a.value * self.scale.value + self.offset.value
        else:
            self.a.value = (self.b.value - self.offset.value) // self.scale.value


class Planner:
    def __init__(self):
        self.current_mark = 0
        self.stats = {"adds": 0, "removes": 0, "plans": 0}

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, c):
        self.stats["adds"] += 1
        mark = self.new_mark()
        overridden = c.satisfy(mark, self)
        while overridden is not None:
            overridden = overridden.satisfy(mark, self)

    def incremental_remove(self, c):
        self.stats["removes"] += 1
        out = c.output()
        c.mark_unsatisfied()
        for v in c.variables():
            v.constraints.remove(c)
        unsatisfied = self.remove_propagate_from(out)
        for u in sorted(unsatisfied, key=lambda k: k.strength.level):
            self.incremental_add(u)

    def add_propagate(self, c, mark):
        todo = [c]
        while todo:
            d = todo.pop()
            if d.output().mark == mark:
                self.incremental_remove(c)
                return False
            d.recalculate()
            todo.extend(self.consuming(d.output(), d))
        return True

    def consuming(self, v, determining):
        return [c for c in v.constraints if c is not determining and c.is_satisfied()]

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied, todo = [], [out]
        while todo:
            v = todo.pop()
            for c in v.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = v.determined_by
            for c in self.consuming(v, determining):
                c.recalculate()
                todo.append(c.output())
        return unsatisfied

    def extract_plan(self, sources):
        self.stats["plans"] += 1
        mark = self.new_mark()
        plan, todo = [], list(sources)
        while todo:
            c = todo.pop(0)
            if c.output().mark != mark and c.inputs_known(mark):
                plan.append(c)
                c.output().mark = mark
                todo.extend(self.consuming(c.output(), c))
        return plan


def run_edit(planner, var, values):
    edit = EditConstraint(var, PREFERRED).add(planner)
    plan = planner.extract_plan([edit])
    for v in values:
        var.value = v
        for c in plan:
            c.execute()
    edit.remove(planner)
    return len(plan)


def chain_test(n):
    planner = Planner()
    vs = [Variable(f"v{i}") for i in range(n + 1)]
    for a, b in zip(vs, vs[1:]):
        EqualityConstraint(a, b, REQUIRED).add(planner)
    StayConstraint(vs[-1], STRONG_DEFAULT).add(planner)
    steps = run_edit(planner, vs[0], range(0, 100, 7))
    return vs[-1].value, steps, planner.stats


def projection_test(n):
    planner = Planner()
    scale, offset = Variable("scale", 10), Variable("offset", 1000)
    src, dst = [], []
    for i in range(n):
        s, d = Variable(f"src{i}", i), Variable(f"dst{i}", i)
        src.append(s)
        dst.append(d)
        StayConstraint(s, NORMAL).add(planner)
        ScaleConstraint(s, scale, offset, d, REQUIRED).add(planner)
    first = [d.value for d in dst[:4]]
    run_edit(planner, src[0], [17])
    after_src = dst[0].value
    run_edit(planner, dst[0], [1050])
    back = src[0].value
    run_edit(planner, scale, [5])
    scaled = [d.value for d in dst[:4]]
    run_edit(planner, offset, [2000])
    offs = [d.value for d in dst[:4]]
    return first, after_src, back, scaled, offs


for n in (10, 100, 400):
    last, steps, stats = chain_test(n)
    print(f"chain {n:4d}: last={last} plan={steps} stats={sorted(stats.items())}")
first, after_src, back, scaled, offs = projection_test(50)
print("projection initial:", first)
print("edit src0=17 ->", after_src, "| edit dst0=1050 -> src0 =", back)
print("scale=5:", scaled, "offset=2000:", offs)
print(sorted(STRENGTHS)[:3], REQUIRED.stronger(WEAKEST), max(STRENGTHS), REQUIRED == Strength(0))
p = Planner()
x, y = Variable("x", 3), Variable("y", 4)
EqualityConstraint(x, y, REQUIRED).add(p)
StayConstraint(y, STRONG_DEFAULT).add(p)
print(x, y)
try:
    EditConstraint(x, REQUIRED).add(p)
    EditConstraint(y, REQUIRED).add(p)
except UnsatisfiableError as e:
    print("UnsatisfiableError:", e)
