# vm/modules.mk
