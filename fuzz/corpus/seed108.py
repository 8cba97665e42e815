try:
    pass
except (A, B) as e:
    raise X from e
except* C:
    pass
else:
    pass
finally:
    del a[1:2:3], b.c
with open(f) as (a, b), c: pass
match x:
    case 1: pass
