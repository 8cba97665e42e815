# vm/text.mk
