"""A module docstring may precede the future imports."""
from __future__ import division, print_function
from __future__ import (absolute_import, generators,
                        nested_scopes, with_statement)
from __future__ import unicode_literals, generator_stop
import __future__

print(7 / 2, 7 // 2)
print(__future__.division)
print(__future__.annotations)
print(__future__.annotations.getMandatoryRelease())
print(__future__.print_function.getOptionalRelease())
print(__future__.all_feature_names)
print(__future__.__all__[:3])
print(__future__.CO_FUTURE_DIVISION, hex(__future__.CO_FUTURE_ANNOTATIONS))
print(type(__future__.division).__name__)
print(sorted([n for n in dir(__future__) if n.startswith("CO_")]))
print(division is __future__.division, print_function.compiler_flag)
