#!/usr/bin/env bash
# The bundled samples run on the VM with python3's output (tests/samples/*.out).
exec "${top_srcdir:-.}/tests/lang/run-lang.sh" samples tests/samples
