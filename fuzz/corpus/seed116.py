ï»¿print(1)
