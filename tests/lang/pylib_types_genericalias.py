# types: GenericAlias and UnionType objects made by calling the types.
import types

ga = types.GenericAlias(list, (int,))
print(ga, ga == list[int], ga.__origin__, ga.__args__)
print(types.GenericAlias(dict, (str, int)), (int | None).__args__)
