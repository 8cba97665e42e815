# Import failures: a missing module raises ModuleNotFoundError, a missing
# name in from-import raises ImportError, and an exception inside the
# imported module propagates to the importer.
try:
    import _no_such_module_here
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, "| name:", e.name)
try:
    from _helper_mod import does_not_exist
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    import _helper_bad
except RuntimeError as e:
    print("RuntimeError:", e)
print(issubclass(ModuleNotFoundError, ImportError))
try:
    import _helper_bad
except RuntimeError as e:
    print("second attempt re-executes:", e)
