# vm/numbers.mk
