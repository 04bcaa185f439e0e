# Content past its review date: `validate` warns on standard error with
# file:line:col and exits 0, `--strict` fails with 65, `--as-of` checks a
# coming date; the main menu and the start of a session say so on screen.
. tests/term/lib.sh

# The shipped content is within its review dates; the stale fixture is not.
expect 0 "3 files valid" "$TILLIT" validate --strict
"$TILLIT" validate tests/fixtures/stale > "$T_TMP/out" 2> "$T_TMP/err"; got=$?
[ "$got" = 0 ] || fail "validate of stale content exited $got, expected 0"
grep -qF "1 file valid, 2 warnings" "$T_TMP/out" || fail "summary: $(cat "$T_TMP/out")"
grep -qF "tests/fixtures/stale/curricula/stale.yaml:5:12: warning: past its review date (review_by 2020-06)" "$T_TMP/err" ||
  fail "no file:line:col warning on stderr: $(cat "$T_TMP/err")"
grep -qF "stale.yaml:11:16: warning: source 'brb' is past its review date" "$T_TMP/err" ||
  fail "no warning for the source: $(cat "$T_TMP/err")"
grep -q "warning:" "$T_TMP/out" && fail "warnings went to standard output"
expect 65 "2 warnings in 1 file (--strict)" "$TILLIT" validate --strict tests/fixtures/stale
# Planning ahead: the shipped files fall due after 2027-12.
expect 65 "warnings in 3 files (--strict)" "$TILLIT" validate --strict --as-of 2028-01-01
expect 0 "3 files valid" "$TILLIT" validate --strict --as-of 2027-12-31
expect 64 "--as-of needs a date" "$TILLIT" validate --as-of tomorrow
expect 64 "unknown option '--strikt'" "$TILLIT" validate --strikt

# On screen: the menu names the stale file; starting a session on it says so.
term_start 80 24 --lang en --content tests/fixtures/stale
term_wait "Past its review date (2020-06): \"Old course\""
term_has "Run a training session"
term_keys Enter
term_wait "Choose a curriculum"
term_keys Enter
term_wait "was due for review by 2020-06"
term_keys Escape
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"
term_finish
