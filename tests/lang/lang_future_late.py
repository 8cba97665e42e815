import sys
print("never runs")
from __future__ import division
