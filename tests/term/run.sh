#!/bin/sh
# Runs every terminal test (tests/term/t_*.sh) against OUT/tillit and ends
# with one summary line: "term (OUT): N passed, N failed".
out=${1:-build}
TILLIT="$(pwd)/$out/tillit"; export TILLIT
command -v tmux >/dev/null || { echo "tmux is missing (make deps installs it)"; exit 1; }
passed=0; failed=0
for t in tests/term/t_*.sh; do
  name=$(basename "$t" .sh)
  if T_NAME=$name sh "$t"; then
    echo "ok   $name"; passed=$((passed + 1))
  else
    echo "FAIL $name"; failed=$((failed + 1))
  fi
done
echo "terminal tests in $out:"
echo "term: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
