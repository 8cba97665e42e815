é = 1; x = 1abc
