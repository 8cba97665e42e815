# A unittest-like mini harness: TestCase classes discovered by name,
# assertion helpers raising a custom failure, setUp/tearDown, result tallies.

class AssertionFailure(Exception):
    pass


class SkipTest(Exception):
    pass


class TestCase:
    def setUp(self):
        pass

    def tearDown(self):
        pass

    def assertEqual(self, a, b, msg=None):
        if not a == b:
            raise AssertionFailure(msg or "%r != %r" % (a, b))

    def assertTrue(self, x, msg=None):
        if not x:
            raise AssertionFailure(msg or "%r is not true" % (x,))

    def assertIn(self, item, container):
        if item not in container:
            raise AssertionFailure("%r not found in %r" % (item, container))

    def assertRaises(self, exc_type, fn, *args, **kwargs):
        try:
            fn(*args, **kwargs)
        except exc_type as e:
            return e
        except Exception as e:
            raise AssertionFailure("expected %s, got %s: %s" % (exc_type.__name__, type(e).__name__, e))
        raise AssertionFailure("%s not raised" % exc_type.__name__)

    def assertAlmostEqual(self, a, b, places=7):
        if round(abs(a - b), places) != 0:
            raise AssertionFailure("%r != %r within %d places" % (a, b, places))

    def skip(self, why):
        raise SkipTest(why)


class Result:
    def __init__(self):
        self.passed, self.failed, self.errors, self.skipped = [], [], [], []

    def summary(self):
        total = len(self.passed) + len(self.failed) + len(self.errors) + len(self.skipped)
        return "Ran %d tests: %d passed, %d failed, %d errors, %d skipped" % (
            total, len(self.passed), len(self.failed), len(self.errors), len(self.skipped))


def run_case(cls, result):
    names = sorted([n for n in dir(cls) if n.startswith("test")])
    for name in names:
        inst = cls()
        label = "%s.%s" % (cls.__name__, name)
        try:
            inst.setUp()
            try:
                getattr(inst, name)()
            finally:
                inst.tearDown()
        except AssertionFailure as e:
            result.failed.append((label, str(e)))
            print("FAIL", label)
        except SkipTest as e:
            result.skipped.append((label, str(e)))
            print("skip", label, "-", e)
        except Exception as e:
            result.errors.append((label, "%s: %s" % (type(e).__name__, e)))
            print("ERROR", label)
        else:
            result.passed.append(label)
            print("ok  ", label)


class Stack:
    def __init__(self):
        self._items = []

    def push(self, x):
        self._items.append(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()

    def __len__(self):
        return len(self._items)


class StackTests(TestCase):
    log = []

    def setUp(self):
        self.s = Stack()
        StackTests.log.append("setUp")

    def tearDown(self):
        StackTests.log.append("tearDown")

    def test_push_pop(self):
        self.s.push(1)
        self.s.push(2)
        self.assertEqual(self.s.pop(), 2)
        self.assertEqual(len(self.s), 1)

    def test_empty(self):
        e = self.assertRaises(IndexError, self.s.pop)
        self.assertEqual(str(e), "pop from empty stack")

    def test_deliberate_failure(self):
        self.assertEqual([1, 2], [1, 3])

    def test_error(self):
        return {}["missing"]

    def test_skipped(self):
        self.skip("not today")

    def helper_not_a_test(self):
        raise RuntimeError("should not run")


class MathTests(TestCase):
    def test_float(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertTrue(0.1 + 0.2 != 0.3)

    def test_division(self):
        self.assertRaises(ZeroDivisionError, lambda: 1 // 0)
        self.assertEqual(divmod(-7, 2), (-4, 1))

    def test_wrong_exception(self):
        self.assertRaises(KeyError, int, "x")

    def test_not_raised(self):
        self.assertRaises(ValueError, int, "5")

    def test_membership(self):
        self.assertIn("b", "abc")
        self.assertIn(4, [1, 2, 3])


result = Result()
for case in (StackTests, MathTests):
    run_case(case, result)
print(result.summary())
for label, why in result.failed + result.errors + result.skipped:
    print("  %-34s %s" % (label, why))
print(StackTests.log.count("setUp"), StackTests.log.count("tearDown"), StackTests.log[:4])
print(issubclass(StackTests, TestCase), [c.__name__ for c in StackTests.__mro__])
