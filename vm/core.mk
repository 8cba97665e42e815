# vm/core.mk
