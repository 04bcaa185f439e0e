# Deleting a checklist run from the start list: d asks for the case
# reference to be typed; a wrong one deletes nothing; the right one deletes
# the run with its answers and notes, and `strings` finds its case
# reference (and its note) in neither the database nor its write-ahead log,
# while the program is still running; it is never listed again; the access
# log says a run was deleted without its reference. In Swedish as well.
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }
# in_files TEXT: TEXT is in the database or its WAL, as strings(1) reads them.
in_files() { cat "$TILLIT_DB" "$TILLIT_DB-wal" 2>/dev/null | strings | grep -qF -- "$1"; }

# new_run REF NOTE: a run REF with two answers, a note on the first.
new_run() {
  term_keys n
  term_wait "Case reference (no personal data):"
  term_keys "$1" Enter
  term_wait "answered 0 of 61"
  term_keys y
  term_wait "answered 1 of 61"
  term_keys k e
  term_wait "Note (no personal data):"
  term_keys "$2" Enter
  term_wait "Note: $2"
  term_keys j n
  term_wait "answered 2 of 61"
  term_keys q
  term_wait "Start a new run, or resume one"
}

term_start 80 24 check trafficking-indicators
term_wait "+ Start a new run"
new_run "Case KEEP-0001" "seen at KEEP visit"
new_run "Case GONE-4711" "seen at GONE visit"
term_has "Enter open  n new run  j/k move  d delete  ? help  q back"
in_files "GONE-4711" || fail "the case reference is not in the files to begin with"

# d on "+ Start a new run" deletes nothing: it says to choose a run
term_keys Home d
term_wait "Choose the run to delete first"
# the newest run first: GONE, selected
term_keys Down
term_wait "> Case GONE-4711"
term_keys d
term_wait "Delete for good? Type its case reference:"
term_keys "Case GONE" Enter
term_wait "nothing was deleted"
[ "$(db "SELECT count(*) FROM checklist_run")" = 2 ] || fail "a wrong reference deleted a run"
term_has "Case GONE-4711"
term_keys d
term_wait "Delete for good? Type its case reference:"
term_keys Escape
term_wait "Start a new run, or resume one"
[ "$(db "SELECT count(*) FROM checklist_run")" = 2 ] || fail "Esc deleted a run"
term_keys d
term_wait "Delete for good? Type its case reference:"
term_keys "Case GONE-4711" Enter
term_wait "The run is deleted for good, with its answers and notes."
term_lacks "GONE-4711"
term_has "Case KEEP-0001"
[ "$(db "SELECT count(*) FROM checklist_run")" = 1 ] || fail "runs: $(db "SELECT count(*) FROM checklist_run")"
[ "$(db "SELECT count(*) FROM checklist_answer")" = 2 ] || fail "answers: $(db "SELECT count(*) FROM checklist_answer")"
# (the checks above read the database through sqlite3, which writes nothing)
in_files "GONE-4711" && fail "strings finds the deleted case reference in the database or its WAL"
in_files "GONE visit" && fail "strings finds the deleted note in the database or its WAL"
in_files "KEEP-0001" || fail "the other run's reference is gone too"
ls "$TILLIT_DB-wal" > /dev/null 2>&1 && [ -s "$TILLIT_DB-wal" ] && fail "the WAL is not empty after the delete"
term_keys q q
term_wait "EXIT=0"

# Never listed again; the access log names the deleted run by its UUID only.
term_start 80 24 check trafficking-indicators
term_wait "Start a new run, or resume one"
term_has "Case KEEP-0001"
term_lacks "GONE"
term_keys q q
term_wait "EXIT=0"
expect 0 "run-deleted" "$TILLIT" log --kind run-deleted
grep -q "GONE" "$T_TMP/out" && fail "the access log holds the deleted case reference"
[ "$(db "SELECT count(*) FROM access_log WHERE kind = 'run-deleted'")" = 1 ] || fail "the delete is not logged once"
in_files "GONE-4711" && fail "strings finds the deleted case reference after the program ended"

# In Swedish: the same keys, the question in Swedish.
T_LANG=sv_SE.UTF-8 term_start 80 24 check trafficking-indicators
term_wait "Påbörja en ny genomgång eller fortsätt en tidigare"
term_has "d ta bort"
term_wait "> Case KEEP-0001" # the unfinished run is selected
term_keys d
term_wait "Ta bort för gott? Skriv ärendereferensen:"
term_keys "Case KEEP-0001" Enter
term_wait "Genomgången är borttagen för gott, med sina svar och anteckningar."
term_wait "Checklistan har inte använts ännu."
in_files "KEEP-0001" && fail "strings finds the case reference deleted in Swedish"
[ "$(db "SELECT count(*) FROM checklist_answer")" = 0 ] || fail "answers left: $(db "SELECT count(*) FROM checklist_answer")"
term_keys q q
term_wait "EXIT=0"
term_finish
