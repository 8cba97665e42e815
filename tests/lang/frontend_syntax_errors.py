# syntax errors from the tokenizer, the parser, the symbol table and the
# compiler: message, position and type as CPython 3.11 reports them

def show(name, e):
    print(name, type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)

try:
    import _fe_err_00
    print('_fe_err_00', "compiled")
except SyntaxError as e:
    show('_fe_err_00', e)
try:
    import _fe_err_01
    print('_fe_err_01', "compiled")
except SyntaxError as e:
    show('_fe_err_01', e)
try:
    import _fe_err_02
    print('_fe_err_02', "compiled")
except SyntaxError as e:
    show('_fe_err_02', e)
try:
    import _fe_err_03
    print('_fe_err_03', "compiled")
except SyntaxError as e:
    show('_fe_err_03', e)
try:
    import _fe_err_04
    print('_fe_err_04', "compiled")
except SyntaxError as e:
    show('_fe_err_04', e)
try:
    import _fe_err_05
    print('_fe_err_05', "compiled")
except SyntaxError as e:
    show('_fe_err_05', e)
try:
    import _fe_err_06
    print('_fe_err_06', "compiled")
except SyntaxError as e:
    show('_fe_err_06', e)
try:
    import _fe_err_07
    print('_fe_err_07', "compiled")
except SyntaxError as e:
    show('_fe_err_07', e)
try:
    import _fe_err_08
    print('_fe_err_08', "compiled")
except SyntaxError as e:
    show('_fe_err_08', e)
try:
    import _fe_err_09
    print('_fe_err_09', "compiled")
except SyntaxError as e:
    show('_fe_err_09', e)
try:
    import _fe_err_10
    print('_fe_err_10', "compiled")
except SyntaxError as e:
    show('_fe_err_10', e)
try:
    import _fe_err_11
    print('_fe_err_11', "compiled")
except SyntaxError as e:
    show('_fe_err_11', e)
try:
    import _fe_err_12
    print('_fe_err_12', "compiled")
except SyntaxError as e:
    show('_fe_err_12', e)
try:
    import _fe_err_13
    print('_fe_err_13', "compiled")
except SyntaxError as e:
    show('_fe_err_13', e)
try:
    import _fe_err_14
    print('_fe_err_14', "compiled")
except SyntaxError as e:
    show('_fe_err_14', e)
try:
    import _fe_err_15
    print('_fe_err_15', "compiled")
except SyntaxError as e:
    show('_fe_err_15', e)
try:
    import _fe_err_16
    print('_fe_err_16', "compiled")
except SyntaxError as e:
    show('_fe_err_16', e)
try:
    import _fe_err_17
    print('_fe_err_17', "compiled")
except SyntaxError as e:
    show('_fe_err_17', e)
try:
    import _fe_err_18
    print('_fe_err_18', "compiled")
except SyntaxError as e:
    show('_fe_err_18', e)
try:
    import _fe_err_19
    print('_fe_err_19', "compiled")
except SyntaxError as e:
    show('_fe_err_19', e)
try:
    import _fe_err_20
    print('_fe_err_20', "compiled")
except SyntaxError as e:
    show('_fe_err_20', e)
try:
    import _fe_err_21
    print('_fe_err_21', "compiled")
except SyntaxError as e:
    show('_fe_err_21', e)
try:
    import _fe_err_22
    print('_fe_err_22', "compiled")
except SyntaxError as e:
    show('_fe_err_22', e)
try:
    import _fe_err_23
    print('_fe_err_23', "compiled")
except SyntaxError as e:
    show('_fe_err_23', e)
try:
    import _fe_err_24
    print('_fe_err_24', "compiled")
except SyntaxError as e:
    show('_fe_err_24', e)
try:
    import _fe_err_25
    print('_fe_err_25', "compiled")
except SyntaxError as e:
    show('_fe_err_25', e)
try:
    import _fe_err_26
    print('_fe_err_26', "compiled")
except SyntaxError as e:
    show('_fe_err_26', e)
try:
    import _fe_err_27
    print('_fe_err_27', "compiled")
except SyntaxError as e:
    show('_fe_err_27', e)
try:
    import _fe_err_28
    print('_fe_err_28', "compiled")
except SyntaxError as e:
    show('_fe_err_28', e)
try:
    import _fe_err_29
    print('_fe_err_29', "compiled")
except SyntaxError as e:
    show('_fe_err_29', e)
try:
    import _fe_err_30
    print('_fe_err_30', "compiled")
except SyntaxError as e:
    show('_fe_err_30', e)
try:
    import _fe_err_31
    print('_fe_err_31', "compiled")
except SyntaxError as e:
    show('_fe_err_31', e)
try:
    import _fe_err_32
    print('_fe_err_32', "compiled")
except SyntaxError as e:
    show('_fe_err_32', e)
try:
    import _fe_err_33
    print('_fe_err_33', "compiled")
except SyntaxError as e:
    show('_fe_err_33', e)
try:
    import _fe_err_34
    print('_fe_err_34', "compiled")
except SyntaxError as e:
    show('_fe_err_34', e)
try:
    import _fe_err_35
    print('_fe_err_35', "compiled")
except SyntaxError as e:
    show('_fe_err_35', e)
try:
    import _fe_err_36
    print('_fe_err_36', "compiled")
except SyntaxError as e:
    show('_fe_err_36', e)
try:
    import _fe_err_37
    print('_fe_err_37', "compiled")
except SyntaxError as e:
    show('_fe_err_37', e)
try:
    import _fe_err_38
    print('_fe_err_38', "compiled")
except SyntaxError as e:
    show('_fe_err_38', e)
try:
    import _fe_err_39
    print('_fe_err_39', "compiled")
except SyntaxError as e:
    show('_fe_err_39', e)
try:
    import _fe_err_40
    print('_fe_err_40', "compiled")
except SyntaxError as e:
    show('_fe_err_40', e)
try:
    import _fe_err_41
    print('_fe_err_41', "compiled")
except SyntaxError as e:
    show('_fe_err_41', e)
