# In danger, the action comes first: one sign of acute danger (violence)
# answered yes, and the assessment panel shows the outcome, marked "!!!"
# with its severity, and what to do first ("call 112") at its top, on the
# first screen without scrolling, at 60x16 and 80x24, in English and in
# Swedish; also with a long note above it, a status message, the panel
# scrolled to its end and the guidance open. In colour (red) where the
# terminal has it, never with NO_COLOR set; the marker and the word show the
# severity without colour. The summary file has the same head first.
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }
ACT="Do this first: Acute danger to life or health: call 112."
OUTCOME="!!! The answers suggest: Possible acute danger – act now"
ACT_SV="Gör detta först: Akut fara för liv eller hälsa: ring 112."
OUTCOME_SV="!!! Svaren tyder på: Möjlig akut fara – agera nu"
RED=$(printf '\033[31m')

# danger_run COLS ROWS REF: a new run REF in a COLS x ROWS pane, at the
# violence indicator (section 6, "Coercion at destination", the 4th).
danger_run() {
  term_start "$1" "$2" check trafficking-indicators
  term_wait "n new run" # the last run is selected: at 60x16 "+ Start a new run" is out of sight
  term_keys n
  term_wait "Case reference (no personal data):"
  term_keys "$3" Enter
  term_wait "answered 0 of 61   section 1 of 7"
  term_keys BTab BTab
  term_wait "section 6 of 7"
  term_keys Down Down Down
  term_wait "violence"
}

# wait_gone TEXT: waits until TEXT has left the screen.
wait_gone() {
  i=0
  while term_screen | grep -qF -- "$1"; do
    [ $i -lt $((${T_WAIT_SECONDS:-10} * 10)) ] || { fail "'$1' stayed on the screen"; return 1; }
    sleep 0.1; i=$((i + 1))
  done
}

# head_in_sight: the outcome line and the first action are on the screen.
head_in_sight() {
  term_has "$OUTCOME"
  term_has "$ACT"
  term_has "(severity: high)"
}

for size in "60 16" "80 24"; do
  # shellcheck disable=SC2086 # two words: columns and rows
  danger_run $size "Case D $size"
  term_lacks "!!!"
  # A note before the answer, three rows long at 60 columns: the head
  # still gets its rows.
  term_keys e
  term_wait "Note (no personal data):"
  term_keys "bruises on both arms, says she fell on the stairs at the parlour; asked twice, alone, with the interpreter from the region" Enter
  term_wait "Note saved."
  term_keys y
  term_wait "answered 1 of 61"
  head_in_sight
  [ "$(db "SELECT outcome_id FROM checklist_run WHERE case_ref = 'Case D $size'")" = acute-danger ] ||
    fail "$size: the outcome is $(db "SELECT outcome_id FROM checklist_run WHERE case_ref = 'Case D $size'")"
  # the action comes before any explanation: no "Why" above it
  term_screen | awk -v act="$ACT" 'index($0, act) {exit} /Why: the checklist/ {bad = 1} END {exit bad}' ||
    fail "$size: an explanation above the action"
  # back on the answered indicator, where the note is shown too
  term_keys Up
  term_wait "Answer: Yes"
  head_in_sight
  # scrolled to the end of the assessment (its first line gone): the head stays
  term_keys PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn
  wait_gone "You answered yes to at least one sign"
  head_in_sight
  # the guidance opened over the assessment: the head stays there too
  term_keys g
  term_wait "Guidance (g hides)"
  head_in_sight
  term_keys g
  term_wait "Assessment, live"
  # colour where the terminal has it: the outcome line is red
  tm capture-pane -e -p | grep -F -- "!!!" | grep -qF "$RED" || fail "$size: the outcome is not in colour"
  term_keys q
  term_wait "Start a new run, or resume one"
  term_keys q q
  term_wait "EXIT=0"
done

# The summary file: the head first in its assessment.
term_start 80 24 check trafficking-indicators
term_wait "Case D 80 24"
term_keys Enter # the most recent unfinished run is selected
term_wait "answered 1 of 61"
term_keys s
term_wait "Case summary"
term_keys w
term_wait "Write the summary to:"
term_keys C-u "$T_TMP/danger.txt" Enter
term_wait "Include the notes?"
term_keys n
term_wait "Summary written"
grep -A2 "^Assessment$" "$T_TMP/danger.txt" | grep -qF "!!! The answers suggest: Possible acute danger" ||
  fail "the summary file does not start its assessment with the outcome"
grep -qF "$ACT" "$T_TMP/danger.txt" || fail "the summary file lacks the first action"
term_keys q q q q
term_wait "EXIT=0"

# NO_COLOR: no colour at all, the marker and the word still there.
T_NO_COLOR=1 term_start 60 16 check trafficking-indicators
term_wait "> Case D "
term_keys Enter # the most recent unfinished run is selected
term_wait "answered 1 of 61"
head_in_sight
tm capture-pane -e -p | grep -qF "$RED" && fail "colour though NO_COLOR is set"
term_keys q q q
term_wait "EXIT=0"

# Swedish, at the smallest size, with a status message shown as well.
T_LANG=sv_SE.UTF-8 term_start 60 16 check trafficking-indicators
term_wait "n ny genomgång"
term_keys n
term_wait "Ärendereferens (inga personuppgifter):"
term_keys "Ärende D" Enter
term_wait "besvarade 0 av 61   avsnitt 1 av 7"
term_keys BTab BTab
term_wait "avsnitt 6 av 7"
term_keys f f f
term_wait "våld"
term_keys j
term_wait "besvarade 1 av 61"
term_has "$OUTCOME_SV"
term_has "$ACT_SV"
term_has "(allvarlighetsgrad: hög)"
# a note saved: its status message takes a row too
term_keys b
term_wait "Svar: Ja"
term_keys e
term_wait "Anteckning (inga personuppgifter):"
term_keys "blåmärken på armarna" Enter
term_wait "Anteckningen är sparad."
term_has "$OUTCOME_SV"
term_has "$ACT_SV"
term_keys PgDn PgDn PgDn
wait_gone "Du har svarat ja på minst ett tecken"
term_has "$OUTCOME_SV"
term_has "$ACT_SV"
term_keys q q q
term_wait "EXIT=0"
term_finish
