class C:
    [x := 1 for y in z]
