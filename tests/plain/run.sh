#!/bin/sh
# Golden transcripts of the plain interface (calcurse's style): each
# tests/plain/NAME.in is a file of input lines, NAME.args the command line
# after `tillit --plain` (one line), NAME.out the exact output expected.
# Cases whose name shares a prefix before "--" run in order on one database
# (a run resumed after the input ended). Times and the temporary folder are
# normalised (<TIME>, <TODAY>, <NOW>, <TMP>, a pseudonym's <ID>, a
# learner's personal <CODE>).
#   tests/plain/run.sh BUILD            compare
#   tests/plain/run.sh BUILD --update   write the .out files anew (read the diff!)
out=${1:-build}; update=${2:-}
TILLIT="$(pwd)/$out/tillit"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0; failed=0
for input in tests/plain/*.in; do
  name=$(basename "$input" .in)
  group=${name%%--*}
  args=$(cat "tests/plain/$name.args")
  # shellcheck disable=SC2086 # the args file holds several words on purpose
  env -i PATH="$PATH" HOME="$tmp" TZ=UTC LANG=C.UTF-8 COLUMNS=72 TERM=dumb \
    "$TILLIT" --plain --db "$tmp/$group.db" $args < "$input" > "$tmp/$name.got" 2>&1
  echo "exit $?" >> "$tmp/$name.got"
  sed -E -e "s#$tmp#<TMP>#g" -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/<TIME>/g' \
    -e "s/$(TZ=UTC date +%F)/<TODAY>/g" -e 's/Enter: [0-9]{2}:[0-9]{2}\)/Enter: <NOW>)/g' \
    -e 's/(Participant|Deltagare) [0-9a-f]{8}/\1 <ID>/g' \
    -e 's/((code|kod)( is| är)? \**)[0-9A-Z]{6}/\1<CODE>/g' "$tmp/$name.got" > "$tmp/$name.norm"
  if [ "$update" = --update ]; then
    cp "$tmp/$name.norm" "tests/plain/$name.out"
  fi
  if cmp -s "$tmp/$name.norm" "tests/plain/$name.out"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL plain transcript $name:"
    diff -u "tests/plain/$name.out" "$tmp/$name.norm" | head -40
  fi
done
echo "plain transcripts in $out: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
