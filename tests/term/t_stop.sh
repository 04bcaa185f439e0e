# Nothing hangs: with a prompt, a picker or a yes/no question open, SIGTERM,
# SIGHUP, SIGINT and closing the terminal (tmux kill-session) each end tillit within
# 2 seconds, and the answers given before are in the database. A question
# cut short by the end does no more: no summary file is written.
. tests/term/lib.sh

# answer_two REF: a new checklist run REF with two answers (yes, no).
answer_two() {
  term_start 80 24 check trafficking-indicators
  term_wait "Start a new run"
  term_keys n # the last unfinished run is selected: n starts a new one
  term_wait "Case reference (no personal data):"
  term_keys "$1" Enter
  term_wait "answered 0 of"
  term_keys y
  term_wait "answered 1 of"
  term_keys n
  term_wait "answered 2 of"
}

open_prompt() {
  term_keys k e # a note goes with an answer: back to the last one
  term_wait "Note (no personal data):"
  term_keys "half a note"
  term_wait "half a note"
}

open_question() {
  term_keys s
  term_wait "Case summary"
  term_keys w
  term_wait "Write the summary to:"
  term_keys C-u "$T_TMP/summary-$1.txt" Enter
  term_wait "Include the notes?"
}

open_picker() {
  term_keys q
  term_wait "Start a new run"
  term_keys q
  term_wait "Checklist self-check"
  term_keys j j j Enter
  term_wait "Period of the statistics"
}

answers_of() {
  sqlite3 "$TILLIT_DB" "SELECT count(*) FROM checklist_answer a JOIN checklist_run r ON r.id = a.run_id
                        WHERE r.case_ref = '$1'"
}

for how in TERM HUP INT close; do
  for widget in prompt question picker; do
    ref="Case $how $widget"
    answer_two "$ref"
    "open_$widget" "$how"
    pid=$(term_pid)
    [ -n "$pid" ] || { fail "no tillit process found ($how, $widget)"; continue; }
    if [ $how = close ]; then tm kill-session; else kill "-$how" "$pid"; fi
    proc_gone "$pid" 2 || { fail "tillit still runs 2 s after $how with a $widget open"; kill -9 "$pid"; }
    [ "$(answers_of "$ref")" = 2 ] || fail "$how with a $widget open: $(answers_of "$ref") answers stored, not 2"
    [ -e "$T_TMP/summary-$how.txt" ] && fail "$how with the question open wrote the summary"
    tm kill-server 2>/dev/null
  done
done
term_finish
