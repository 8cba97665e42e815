#!/usr/bin/env bash
# The samples' expected outputs equal what python3 prints now.
exec "${top_srcdir:-.}/scripts/regen-lang.sh" --check --dir samples tests/samples
