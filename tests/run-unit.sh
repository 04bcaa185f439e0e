#!/bin/sh
# Runs every cmocka unit-test program (from the top of the tree, where the
# fixtures are) and ends with one summary line: "unit: N passed, N failed".
out=$1; shift
passed=0; failed=0
for t in "$@"; do
  if "$t"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $t"; fi
done
echo "unit tests in $out:"
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
