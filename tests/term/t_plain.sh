# The plain-line interface: chosen by itself for TERM=dumb and for a pipe,
# never an escape sequence in its output, the same stored rows and outcome
# as the full-screen run for the same answers (a checklist run, a roll
# call's statuses and minutes), a clean end on SIGTERM at a
# prompt, and text that a speech synthesiser reads (espeak-ng).
. tests/term/lib.sh
PLAIN="--content tests/fixtures/plain --lang en"

# A pipe and TERM=dumb both get the plain interface (no "needs a terminal").
printf 'q\n' | "$TILLIT" $PLAIN --db "$T_TMP/pipe.db" > "$T_TMP/pipe.out" 2>&1; got=$?
[ "$got" = 0 ] || fail "a pipe exited $got"
grep -qF "Choose 1-4; ? help, lang, q quit:" "$T_TMP/pipe.out" || fail "a pipe did not get the plain menu: $(head -5 "$T_TMP/pipe.out")"
# The end of the input ends the program with 0, whatever it was doing.
"$TILLIT" $PLAIN --db "$T_TMP/pipe.db" check < /dev/null > "$T_TMP/eof.out" 2>&1; got=$?
[ "$got" = 0 ] || fail "the end of the input exited $got"
# TERM=dumb on a real terminal: the plain interface too, not a blank screen.
TILLIT_DB="$T_TMP/dumb-term.db"
T_TERM=dumb term_start 80 24 $PLAIN
term_wait "Choose 1-4; ? help, lang, q quit:"
term_has "1 Run a training session"
term_keys q Enter
term_wait "EXIT=0"
tm kill-server

# Every journey of the menu is there (golden transcripts in tests/plain).
for item in "Run a training session" "Self-study" "Checklist self-check" "Statistics"; do
  grep -qF "$item" "$T_TMP/pipe.out" || fail "the plain menu lacks '$item'"
done

# Byte by byte: no ESC (or other control character but newline) in a whole
# run, the summary and the help included.
printf '?\n3\n1\nCase 1\n1\ng\na\n?\nq\n' |
  TERM=dumb "$TILLIT" $PLAIN --db "$T_TMP/dumb.db" > "$T_TMP/dumb.out" 2>&1
LC_ALL=C tr -d '\n' < "$T_TMP/dumb.out" | LC_ALL=C grep -q '[[:cntrl:]]' &&
  fail "control characters in the plain output: $(LC_ALL=C grep -n '[[:cntrl:]]' "$T_TMP/dumb.out" | head -3 | od -c | head -5)"
# No line longer than COLUMNS (80 when unset).
awk 'length($0) > 80 { bad = 1 } END { exit bad }' "$T_TMP/dumb.out" || fail "a line longer than 80 columns"
printf '3\n1\nCase 1\n1\ns\n1\n' | COLUMNS=40 "$TILLIT" $PLAIN --db "$T_TMP/narrow.db" > "$T_TMP/narrow.out" 2>&1
LC_ALL=C.UTF-8 awk 'length($0) > 40 { print; bad = 1 } END { exit bad }' "$T_TMP/narrow.out" > "$T_TMP/long" ||
  fail "lines longer than COLUMNS=40: $(head -2 "$T_TMP/long")"

# The same answers in both interfaces give the same rows and the same outcome.
answers() { sqlite3 "$1" "SELECT r.case_ref, r.outcome_id, a.indicator_id, a.answer, coalesce(a.note, '')
  FROM checklist_run r JOIN checklist_answer a ON a.run_id = r.id ORDER BY a.indicator_id"; }
printf '1\nCase 1\n2\n1\np\ne\nShe asked for the card\n\n\n1\nq\n' |
  "$TILLIT" $PLAIN --db "$T_TMP/plain.db" check > "$T_TMP/same.out" 2>&1
TILLIT_DB="$T_TMP/screen.db"
term_start 80 24 $PLAIN check
term_wait "Start a new run"
term_keys Enter
term_wait "Case reference"
term_keys "Case 1" Enter
term_wait "Does someone take her pay?"
term_keys n
term_wait "Is a debt used against her?"
term_keys y k e
term_wait "Note (no personal data):"
term_keys "She asked for the card" Enter
term_wait "Note saved."
term_keys j j j y
term_wait "Acute danger"
term_keys q
term_quit_from_runs
[ -n "$(answers "$T_TMP/plain.db")" ] || fail "the plain run stored nothing"
[ "$(answers "$T_TMP/plain.db")" = "$(answers "$T_TMP/screen.db")" ] ||
  fail "the interfaces stored different rows: plain [$(answers "$T_TMP/plain.db")] screen [$(answers "$T_TMP/screen.db")]"
answers "$T_TMP/plain.db" | grep -q '^Case 1|acute|locked|yes|$' || fail "the plain run's outcome is not acute: $(answers "$T_TMP/plain.db")"

# A case summary written in the plain interface is in the access log, as
# one written in the full-screen interface (the golden run that writes one).
HOME="$T_TMP" "$TILLIT" --plain --db "$T_TMP/logged.db" $(cat tests/plain/danger-en.args) \
  < tests/plain/danger-en.in > "$T_TMP/logged.out" 2>&1 || fail "the summary run exited $?"
[ "$(sqlite3 "$T_TMP/logged.db" "SELECT count(*) FROM access_log WHERE kind = 'summary-written'")" = 1 ] ||
  fail "the access log holds [$(sqlite3 "$T_TMP/logged.db" "SELECT kind FROM access_log")]"

# A name longer than can be entered (1000 bytes) is refused as it is typed,
# before an organisation is asked for, and the name typed next is taken.
long=$(printf '%1001s' '' | tr ' ' A)
printf '1\n2026-11-20\n9:00\nLund\nEva\n\na\n%s\nAnna\n1\nOrg\n1\n1\nq\n' "$long" |
  "$TILLIT" $PLAIN --db "$T_TMP/long.db" train > "$T_TMP/long.out" 2>&1 || fail "the long name exited $?"
grep -qF "That is more than this text can hold: at most 1000 bytes." "$T_TMP/long.out" ||
  fail "a 1001-byte name was not refused: $(grep -n 'Name' "$T_TMP/long.out" | cut -c1-80)"
[ "$(sqlite3 "$T_TMP/long.db" "SELECT group_concat(name) FROM participant")" = Anna ] ||
  fail "the roll call holds [$(sqlite3 "$T_TMP/long.db" "SELECT substr(name, 1, 20) FROM participant")]"

# The same roll call in both interfaces: Bo late for 45 minutes (after a
# refused "0"), Cecilia remote, stored alike. A session of three, made in
# the plain interface, is marked once in each.
printf '1\n2026-11-20\n9.00\nLund\nEva\n\na\nAnna\n1\nSocialtjänsten Lund\n1\n1\na\nBo\n1\nPolisen Syd\n3\n2\na\nCecilia\n3\n1\nq\n' |
  "$TILLIT" $PLAIN --db "$T_TMP/roll.db" train > "$T_TMP/roll.out" 2>&1 || fail "the plain session exited $?"
cp "$T_TMP/roll.db" "$T_TMP/roll-screen.db"
printf '2\nm\n2\n2\n0\n45\nm\n3\n4\nq\n' |
  "$TILLIT" $PLAIN --db "$T_TMP/roll.db" train > "$T_TMP/roll-mark.out" 2>&1 || fail "the plain marking exited $?"
grep -qF "Write the minutes as a number from 1 to 1440, or leave it empty." "$T_TMP/roll-mark.out" ||
  fail "0 minutes were not refused: $(tail -5 "$T_TMP/roll-mark.out")"
TILLIT_DB="$T_TMP/roll-screen.db"
term_start 80 24 $PLAIN train
term_wait "Continue:"
term_keys Enter # the open session is selected
term_wait "Attendees (3)"
term_keys Down
term_wait "Bo, Polisen Syd, Strategic, present"
term_keys s
term_wait "took part remotely"
term_keys j Enter
term_wait "Minutes taken part (empty: the whole session):"
term_keys 0 Enter
term_wait "Write the minutes as a number from 1 to 1440"
term_keys C-u 45 Enter
term_wait "Bo, Polisen Syd, Strategic, late"
term_keys Down
term_wait "Cecilia, Socialtjänsten Lund, Operational, present"
term_keys s
term_wait "took part remotely"
term_keys j j j Enter
term_wait "Cecilia, Socialtjänsten Lund, Operational, remote"
term_keys q
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"
tm kill-server
roll() { sqlite3 "$1" "SELECT p.name, a.status, coalesce(a.minutes, '-') FROM attendance a
  JOIN participant p ON p.id = a.participant_id ORDER BY p.name"; }
expected="Anna|present|-
Bo|late|45
Cecilia|remote|-"
[ "$(roll "$T_TMP/roll.db")" = "$expected" ] || fail "the plain roll call stored [$(roll "$T_TMP/roll.db")]"
[ "$(roll "$T_TMP/roll-screen.db")" = "$expected" ] ||
  fail "the full-screen roll call stored [$(roll "$T_TMP/roll-screen.db")]"

# SIGTERM and SIGHUP at a prompt in a terminal: gone within 2 s, answers kept.
for sig in TERM HUP; do
  TILLIT_DB="$T_TMP/sig-$sig.db"
  term_start 80 24 --plain $PLAIN check
  term_wait "Choose a number"
  term_keys 1 Enter
  term_wait "Case reference"
  term_keys "Case $sig" Enter
  term_wait "Does someone take her pay?"
  term_keys 1 Enter
  term_wait "Is a debt used against her?"
  pid=$(term_pid)
  [ -n "$pid" ] || fail "no plain process found"
  kill -"$sig" "$pid"
  term_wait "EXIT=0"
  [ "$(sqlite3 "$TILLIT_DB" "SELECT count(*) FROM checklist_answer WHERE answer = 'yes'")" = 1 ] ||
    fail "SIG$sig lost the answer given before it"
  tm kill-server
done

# Read aloud: the text of a checklist step through a real speech synthesiser.
if command -v espeak-ng >/dev/null; then
  head -30 "$T_TMP/same.out" > "$T_TMP/speech.txt"
  espeak-ng -v en -w "$T_TMP/speech.wav" -f "$T_TMP/speech.txt" 2> "$T_TMP/speech.err" ||
    fail "espeak-ng could not read the plain output: $(cat "$T_TMP/speech.err")"
  [ -s "$T_TMP/speech.wav" ] || fail "espeak-ng wrote no audio"
else
  fail "espeak-ng is missing (make deps installs it)"
fi
term_finish
