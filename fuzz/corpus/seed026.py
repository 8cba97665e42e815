while x
  pass