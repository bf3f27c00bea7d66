#!/usr/bin/env sh
# Regenerate every output in examples/ from the seed resolution (tests/test_examples.py checks them).
set -e
cd "$(dirname "$0")"
akn convert A_RES_76_187.seed.md -o A_RES_76_187.xml
akn convert A_RES_76_187.seed.md -o A_RES_76_187.html
