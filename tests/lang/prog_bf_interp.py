# A Brainf*ck toolchain: a parser that builds a bracket map and reports
# unbalanced brackets, a peephole optimizer to an intermediate op list
# (run-length folding, clear loops, move loops), two interpreters checked
# against each other, and a generator that writes programs printing text.


class BFSyntaxError(SyntaxError):
    pass


class BFRuntimeError(RuntimeError):
    pass


def bracket_map(code):
    stack, pairs = [], {}
    for i, ch in enumerate(code):
        if ch == "[":
            stack.append(i)
        elif ch == "]":
            if not stack:
                raise BFSyntaxError(f"unmatched ']' at {i}")
            j = stack.pop()
            pairs[i], pairs[j] = j, i
    if stack:
        raise BFSyntaxError(f"unmatched '[' at {stack[-1]}")
    return pairs


def run_plain(code, data=b"", tape_len=3000, max_steps=2_000_000):
    code = "".join(ch for ch in code if ch in "+-<>[].,")
    jump = bracket_map(code)
    tape = bytearray(tape_len)
    ptr = pc = steps = 0
    inp = list(data)
    out = []
    while pc < len(code):
        steps += 1
        if steps > max_steps:
            raise BFRuntimeError("step limit exceeded")
        ch = code[pc]
        if ch == "+":
            tape[ptr] = (tape[ptr] + 1) & 255
        elif ch == "-":
            tape[ptr] = (tape[ptr] - 1) & 255
        elif ch == ">":
            ptr += 1
            if ptr >= tape_len:
                raise BFRuntimeError("pointer ran off the right end")
        elif ch == "<":
            ptr -= 1
            if ptr < 0:
                raise BFRuntimeError("pointer ran off the left end")
        elif ch == ".":
            out.append(tape[ptr])
        elif ch == ",":
            tape[ptr] = inp.pop(0) if inp else 0
        elif ch == "[" and tape[ptr] == 0:
            pc = jump[pc]
        elif ch == "]" and tape[ptr] != 0:
            pc = jump[pc]
        pc += 1
    return bytes(out), steps


def compile_ops(code):
    code = "".join(ch for ch in code if ch in "+-<>[].,")
    bracket_map(code)
    ops = []
    i = 0
    while i < len(code):
        ch = code[i]
        if code.startswith("[-]", i) or code.startswith("[+]", i):
            ops.append(("clear", 0))
            i += 3
            continue
        if ch in "+-<>":
            j = i
            while j < len(code) and code[j] == ch:
                j += 1
            n = j - i
            if ch in "+-":
                ops.append(("add", n if ch == "+" else -n))
            else:
                ops.append(("move", n if ch == ">" else -n))
            i = j
            continue
        ops.append(({"[": "open", "]": "close", ".": "out", ",": "in"}[ch], 0))
        i += 1
    stack = []
    for k, (op, _) in enumerate(ops):
        if op == "open":
            stack.append(k)
        elif op == "close":
            j = stack.pop()
            ops[j] = ("open", k)
            ops[k] = ("close", j)
    return ops


def run_ops(ops, data=b""):
    tape = [0] * 3000
    ptr = pc = 0
    inp = list(data)
    out = bytearray()
    executed = 0
    while pc < len(ops):
        op, arg = ops[pc]
        executed += 1
        if op == "add":
            tape[ptr] = (tape[ptr] + arg) % 256
        elif op == "move":
            ptr += arg
        elif op == "clear":
            tape[ptr] = 0
        elif op == "out":
            out.append(tape[ptr])
        elif op == "in":
            tape[ptr] = inp.pop(0) if inp else 0
        elif op == "open":
            if not tape[ptr]:
                pc = arg
        elif op == "close":
            if tape[ptr]:
                pc = arg
        pc += 1
    return bytes(out), executed


def make_printer(text):
    """Generate a BF program printing `text`, reusing the previous cell value."""
    parts = []
    cur = 0
    for ch in text.encode():
        diff = ch - cur
        if abs(diff) > 12:
            q, r = divmod(abs(diff), 10)
            sign = "+" if diff > 0 else "-"
            parts.append(">" + "+" * q + "[<" + sign * 10 + ">-]<" + sign * r)
        else:
            parts.append(("+" if diff > 0 else "-") * abs(diff))
        parts.append(".")
        cur = ch
    return "".join(parts)


HELLO = ("++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<."
         "+++.------.--------.>>+.>++.")
REVERSE = ">,[>,]<[.<]"
ADD_DIGITS = ",>,[<+>-]<------------------------------------------------."
SQUARES_UP_TO = "++++[>+++++<-]>[<+++++>-]+<+[>[>+>+<<-]++>>[<<+>>-]>>>[-]++>[-]+>>>+[[-]++++++>>>]<<<[[<++++++++<++>>-]+<.<[>----<-]<]<<[>>>>>[>>>[-]+++++++++<[>-<-]+++++++++>[-[<->-]+[<<<]]<[>+<-]>]<<-]<<-]"

programs = [("hello", HELLO, b""), ("reverse", REVERSE, b"stressed"),
            ("add", ADD_DIGITS, b"34"), ("squares", SQUARES_UP_TO, b"")]
outputs = {}
for name, code, data in programs:
    out1, steps = run_plain(code, data)
    outputs[name] = out1
    ops = compile_ops(code)
    out2, executed = run_ops(ops, data)
    text = out1.decode()
    shown = text if len(text) < 40 else text[:30].replace("\n", " ") + "..."
    print(f"{name:8} {shown!r} same={out1 == out2} steps={steps} ops={len(ops)} executed={executed}")

sq = outputs["squares"].decode().split()
print("squares:", len(sq), sq[:6], sq[-1])

for msg in ["Hi!", "heaptrail VM", "zZ ~ \u00e9"]:
    prog = make_printer(msg)
    out, steps = run_plain(prog)
    print(f"printer for {msg!r}: {len(prog)} chars, output ok: {out.decode() == msg}, steps {steps}")

for bad in ["[[]", "+]", "<", "+[]", "]["]:
    try:
        run_plain(bad, max_steps=1000)
    except BFSyntaxError as e:
        print(f"{bad!r}: syntax error: {e}")
    except BFRuntimeError as e:
        print(f"{bad!r}: runtime error: {e}")
print(issubclass(BFSyntaxError, SyntaxError), BFRuntimeError.__mro__[1].__name__)
print(compile_ops("+++[->++<]>[-]...")[:6])
