x
    y