from __future__ import division, nope
print("never runs")
