class C(B, metaclass=M):
    """doc"""
    x: int = 1
    def m(self, /, a, *, b=2, **k) -> None:
        super().m()
        return self.__x
@dec
def g(*a): yield from a
async def h():
    async with a as b: await c
    async for i in d: pass
