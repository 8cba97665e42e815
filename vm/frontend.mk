# vm/frontend.mk
