#!/usr/bin/env bash
# expected-fresh.sh -- TAP: every expected output in tests/lang equals what
# CPython 3.11 prints now (see scripts/regen-lang.sh).
exec "${top_srcdir:-.}/scripts/regen-lang.sh" --check
