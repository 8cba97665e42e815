import typing as t, collections
from typing import List, Dict, Optional, Tuple, Any, Callable, Union, TypeVar, Generic
T = t.TypeVar("T"); K=t.TypeVar("K", bound=int); C=t.TypeVar("C", covariant=True)
print(t.List, t.List[int], t.Dict[str, t.List[int]], t.Optional[int], t.Union[int, str], t.Union[int], t.Union[int, None, str], t.Optional[t.Union[int,str]])
print(t.Tuple[int, ...], t.Tuple[()], t.Callable[[int, str], bool], t.Callable[..., int], t.Any, T, K, C, t.Set[T], t.Dict[str, T][int])
print(t.Iterable[int], t.Iterator[str], t.Sequence[float], t.Mapping[str,int], t.Type[int], t.Deque[int], t.DefaultDict[str,int], t.Counter[str])
print(t.List[int] == t.List[int], t.List[int].__origin__, t.List[int].__args__, t.Dict[str,T].__parameters__)
class Stack(t.Generic[T]):
    def __init__(self): self.items: t.List[T] = []
    def push(self, x: T) -> None: self.items.append(x)
print(Stack[int], Stack.__mro__, Stack[int]().items, Stack.__parameters__, Stack.__orig_bases__)
s = Stack(); s.push(3); print(s.items)
print(t.cast(int, "x"), t.TYPE_CHECKING, t.Literal[1, "a"], t.ClassVar[int], t.Final[int])
try: isinstance(1, t.List[int])
except TypeError as e: print(e)
print(t.Optional[int] == t.Union[int, None], t.Union[int, str] == t.Union[str, int])
print(repr(t.Union), repr(t.Optional), t.NoReturn, t.AnyStr, t.Text, t.Hashable, t.Sized, t.Callable, t.Tuple, t.Generic)
try: t.List[int]()
except TypeError as e: print(e)
@t.overload
def g(x: int) -> int: ...
def g(x): return x
print(g(3))
print(t.List[int] | None, int | t.List[int], t.Optional[t.List[int]])
def f(a: List[int], b: Optional[Dict[str, Tuple[int, ...]]] = None) -> Union[int, str]:
    return sum(a)
print(f([1, 2]), f.__annotations__["b"])
UserId = t.NewType("UserId", int)
print(UserId(5))
