/*
** opcodes.h -- the instruction set, listed once.
**
** An instruction is one 16-bit code unit: opcode in the low byte, argument in
** the high byte.  Arguments wider than 8 bits are built with EXTENDED_ARG
** prefixes, as in CPython (each shifts the accumulated argument left by 8).
** Jump arguments are ABSOLUTE code-unit indexes (dis prints byte offsets,
** i.e. 2 * index, as CPython does).
**
** Calls use CPython 3.11's layout: the stack holds
**     [NULL | method, callable | self, arg1 ... argN]
** PUSH_NULL starts a plain call; LOAD_METHOD pushes either (method, self) or
** (NULL, attribute).  KW_NAMES i makes consts[i] (a tuple of str) the keyword
** names of the next CALL, whose last len(kwnames) arguments are keywords.
**
** Each entry: X(NAME, HASARG, EFFECT) where EFFECT is the net stack effect as
** an expression of `oparg` and `jump` (1 when the jump is taken).  The enum,
** the names, the disassembler and the compiler's stack-depth computation are
** all derived from this list.  Opcode numbers are the list order.
*/
#ifndef HT_OPCODES_H
#define HT_OPCODES_H

#define OPCODE_LIST(X)                                                    \
  X(NOP,                   0, 0)                                          \
  X(EXTENDED_ARG,          1, 0)                                          \
  X(POP_TOP,               0, -1)                                         \
  X(PUSH_NULL,             0, 1)                                          \
  X(COPY,                  1, 1)      /* push a copy of stack[-oparg] */  \
  X(SWAP,                  1, 0)      /* swap TOS with stack[-oparg] */   \
  /* names */                                                             \
  X(LOAD_CONST,            1, 1)                                          \
  X(LOAD_FAST,             1, 1)                                          \
  X(STORE_FAST,            1, -1)                                         \
  X(DELETE_FAST,           1, 0)                                          \
  X(MAKE_CELL,             1, 0)      /* localsplus[i] = cell(localsplus[i]) */ \
  X(COPY_FREE_VARS,        1, 0)      /* copy oparg closure cells into the frame */ \
  X(LOAD_CLOSURE,          1, 1)      /* push the cell in localsplus[i] */ \
  X(LOAD_DEREF,            1, 1)                                          \
  X(STORE_DEREF,           1, -1)                                         \
  X(DELETE_DEREF,          1, 0)                                          \
  X(LOAD_CLASSDEREF,       1, 1)      /* class body: locals dict, then cell */ \
  X(LOAD_GLOBAL,           1, 1)                                          \
  X(STORE_GLOBAL,          1, -1)                                         \
  X(DELETE_GLOBAL,         1, 0)                                          \
  X(LOAD_NAME,             1, 1)                                          \
  X(STORE_NAME,            1, -1)                                         \
  X(DELETE_NAME,           1, 0)                                          \
  X(LOAD_ATTR,             1, 0)                                          \
  X(STORE_ATTR,            1, -2)     /* TOS.name = TOS1 */               \
  X(DELETE_ATTR,           1, -1)                                         \
  X(LOAD_METHOD,           1, 1)                                          \
  /* operators */                                                         \
  X(BINARY_OP,             1, -1)     /* oparg: BinOp, +13 for in-place */ \
  X(UNARY_POSITIVE,        0, 0)                                          \
  X(UNARY_NEGATIVE,        0, 0)                                          \
  X(UNARY_NOT,             0, 0)                                          \
  X(UNARY_INVERT,          0, 0)                                          \
  X(COMPARE_OP,            1, -1)     /* oparg: CmpOp */                  \
  X(IS_OP,                 1, -1)     /* oparg 1: is not */               \
  X(CONTAINS_OP,           1, -1)     /* oparg 1: not in */               \
  X(BINARY_SUBSCR,         0, -1)                                         \
  X(STORE_SUBSCR,          0, -3)     /* TOS1[TOS] = TOS2 */              \
  X(DELETE_SUBSCR,         0, -2)                                         \
  /* building */                                                          \
  X(BUILD_SLICE,           1, 1 - oparg)                                  \
  X(BUILD_TUPLE,           1, 1 - oparg)                                  \
  X(BUILD_LIST,            1, 1 - oparg)                                  \
  X(BUILD_SET,             1, 1 - oparg)                                  \
  X(BUILD_MAP,             1, 1 - 2 * oparg)                              \
  X(BUILD_CONST_KEY_MAP,   1, -oparg) /* values..., keys tuple */         \
  X(BUILD_STRING,          1, 1 - oparg)                                  \
  X(LIST_APPEND,           1, -1)     /* stack[-oparg-1].append(TOS) */   \
  X(SET_ADD,               1, -1)                                         \
  X(MAP_ADD,               1, -2)                                         \
  X(LIST_EXTEND,           1, -1)                                         \
  X(SET_UPDATE,            1, -1)                                         \
  X(DICT_UPDATE,           1, -1)                                         \
  X(DICT_MERGE,            1, -1)     /* for f(**a, **b): dup keys error */ \
  X(LIST_TO_TUPLE,         0, 0)                                          \
  X(FORMAT_VALUE,          1, ((oparg & 4) ? -1 : 0)) /* &3 conv, &4 spec */ \
  X(UNPACK_SEQUENCE,       1, oparg - 1)                                  \
  X(UNPACK_EX,             1, (oparg & 0xFF) + (oparg >> 8))              \
  /* control flow */                                                      \
  X(GET_ITER,              0, 0)                                          \
  X(FOR_ITER,              1, (jump ? -1 : 1)) /* exhausted: pop, jump */ \
  X(JUMP,                  1, 0)                                          \
  X(POP_JUMP_IF_FALSE,     1, -1)                                         \
  X(POP_JUMP_IF_TRUE,      1, -1)                                         \
  X(POP_JUMP_IF_NONE,      1, -1)                                         \
  X(POP_JUMP_IF_NOT_NONE,  1, -1)                                         \
  X(JUMP_IF_FALSE_OR_POP,  1, (jump ? 0 : -1))                            \
  X(JUMP_IF_TRUE_OR_POP,   1, (jump ? 0 : -1))                            \
  /* calls */                                                             \
  X(KW_NAMES,              1, 0)                                          \
  X(CALL,                  1, -1 - oparg)                                 \
  X(CALL_FUNCTION_EX,      1, -2 - (oparg & 1)) /* [NULL, f, args, kwargs?] */ \
  X(MAKE_FUNCTION,         1, -(((oparg & 1) != 0) + ((oparg & 2) != 0) + \
                                ((oparg & 4) != 0) + ((oparg & 8) != 0))) \
    /* code on TOS; below it: closure(8) annotations(4) kwdefaults(2) defaults(1) */ \
  X(RETURN_VALUE,          0, -1)                                         \
  /* exceptions: a block stack in the frame, as CPython 3.10 */           \
  X(SETUP_FINALLY,         1, (jump ? 1 : 0)) /* push handler block */    \
  X(POP_BLOCK,             0, 0)                                          \
  X(PUSH_EXC_INFO,         0, 1)      /* exc -> prev_exc, exc */          \
  X(POP_EXCEPT,            0, -1)     /* restore prev_exc */              \
  X(CHECK_EXC_MATCH,       0, 0)      /* exc, type -> exc, bool */        \
  X(RERAISE,               1, -1)                                         \
  X(RAISE_VARARGS,         1, -oparg)                                     \
  X(LOAD_ASSERTION_ERROR,  0, 1)                                          \
  X(LOAD_BUILD_CLASS,      0, 1)      /* builtins.__build_class__ */      \
  /* modules */                                                           \
  X(IMPORT_NAME,           1, -1)     /* level, fromlist -> module */     \
  X(IMPORT_FROM,           1, 1)                                          \
  X(IMPORT_STAR,           0, -1)                                         \
  /* with statements: SETUP_FINALLY L; BEFORE_WITH (see compile.c) */     \
  X(BEFORE_WITH,           0, 1)      /* mgr -> bound __exit__, __enter__() */ \
  X(WITH_EXCEPT_START,     0, 1)      /* exit, prev, exc -> ..., exit(type, exc, tb) */ \
  /* generators (vm/gen.c) */                                             \
  X(RETURN_GENERATOR,      0, 1)      /* frame -> generator; resumed, it  \
                                         finds the sent value pushed */   \
  X(YIELD_VALUE,           0, 0)      /* yield TOS; resumed: push sent */ \
  X(SEND,                  1, (jump ? -1 : 0)) /* recv, v -> recv, yielded; \
                                         returned: retval, jump */        \
  X(GET_YIELD_FROM_ITER,   0, 0)      /* iter(TOS) unless a generator */

typedef enum Opcode {
#define OPCODE_ENUM_(name, hasarg, effect) OP_##name,
  OPCODE_LIST(OPCODE_ENUM_)
#undef OPCODE_ENUM_
  OP_COUNT
} Opcode;

extern const char *const opcode_names[OP_COUNT];  /* "LOAD_CONST", ... (dis.c) */
extern const unsigned char opcode_hasarg[OP_COUNT];
/* Net stack effect of OP with OPARG; JUMP selects the branch (dis.c). */
int opcode_stack_effect(int op, int oparg, int jump);
/* Is OP a jump whose argument is an absolute target? */
int opcode_is_jump(int op);

#endif
