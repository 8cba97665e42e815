import types
print(types.GenericAlias(list, (int,)), types.GenericAlias(dict, (str, int)), types.GenericAlias(list, int))
try:
    types.GenericAlias(list)
except TypeError as e:
    print(e)
try:
    types.GenericAlias(list, int, x=1)
except TypeError as e:
    print(e)
