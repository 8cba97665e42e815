	if x:
        pass