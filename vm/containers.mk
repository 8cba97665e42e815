# vm/containers.mk
