# The modal widgets at the edges: a help longer than its box scrolls (at the
# smallest size, 60x16, the last keys of the checklist help were lost), and a
# window made too small while a picker is open shows only the notice, takes
# no keys until it is larger (q would otherwise go into the open widget), and
# brings the picker back as it was. Enter alone answers a yes/no question no.
. tests/term/lib.sh

term_start 60 16 check trafficking-indicators
term_wait "Start a new run"
term_keys Enter
term_wait "Case reference (no personal data):"
term_keys "Case 9" Enter
term_wait "answered 0 of 61"
term_keys "?"
term_wait "more below: j/PgDn, other keys close"
term_lacks "never proof."
term_keys NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage
term_wait "k/PgUp scrolls back, other keys close"
term_has "never proof."
term_keys k
term_wait "more below: j/PgDn, other keys close"
term_keys x
term_wait "y/n/u/x answer"
term_lacks "Checklist self-check"
# ... and an answer given afterwards still counts: the help took the x.
[ "$(sqlite3 "$TILLIT_DB" "SELECT count(*) FROM checklist_answer")" = 0 ] || fail "the key that closed the help answered"
term_keys q
term_quit_from_runs

term_start 80 24
term_wait "Run a training session"
term_keys j j j Enter
term_wait "Period of the statistics"
term_resize 50 12
term_wait "Terminal too small"
term_lacks "q quits"
term_lacks "Period of the statistics"
# q is read and ignored: the quick hide after it (which works at any size)
# shows, so the program is still there, with the picker under it.
term_keys q C-x
term_wait "Notes"
term_lacks "EXIT="
term_keys C-x
term_wait "Terminal too small"
term_resize 80 24
term_wait "Period of the statistics"
term_has "> This year"
term_keys Escape
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"
tm kill-server

# Enter alone is no: the summary is written without the notes.
term_start 80 24 check trafficking-indicators
term_wait "Case 9"
term_lacks "No signs noted" # a run with no answer has no outcome to show
term_has "0/61 answered"
term_wait "not assessed yet" # the unfinished run is selected: Enter resumes it
term_keys Enter
term_wait "answered 0 of 61"
term_keys y
term_wait "answered 1 of 61"
term_keys k e
term_wait "Note (no personal data):"
term_keys "private remark" Enter
term_keys s
term_wait "Case summary"
term_keys w
term_wait "Write the summary to:"
term_keys C-u "$T_TMP/s.txt" Enter
term_wait "Include the notes?"
term_keys Enter
term_wait "Summary written, mode 0600, notes left out"
[ -f "$T_TMP/s.txt" ] || fail "no summary written"
grep -q "private remark" "$T_TMP/s.txt" && fail "Enter included the notes"
# The next file is proposed in the folder the last one went to.
term_keys w
term_wait "Write the summary to:"
term_has "$(basename "$T_TMP")/tillit-summary-"
term_keys Escape
tm kill-server

# Long texts on the checklist screens: typing past what a case reference
# can hold is said, not silently dropped; the run screen shortens the
# reference so that the progress stays visible; a long note ends with where
# the rest is; the guidance says when there is more below; the run list
# shows the selected run's whole reference and outcome below the list.
long=$(printf 'Ärende %s' "$(printf 'x%.0s' $(seq 1 140))")
term_start 80 24 check trafficking-indicators
term_wait "Start a new run"
term_keys n
term_wait "Case reference (no personal data):"
term_keys "$long"
term_wait "That is as much as this text can hold."
term_keys Enter
term_wait "answered 0 of 61   section 1 of 7"
term_has "Case: Ärende xxx"
term_has "…   answered 0 of 61"
term_keys y k e
term_wait "Note (no personal data):"
term_keys "Call the contact at the social services on the number in the folder and ask for the duty officer of the evening, then write down the time of the call, the name of the person who answered it and what was agreed, and tell the team at the next meeting" Enter
term_wait "... the whole note: e"
term_keys g
term_wait "Guidance (g hides)"
term_resize 80 18 # (at 80x24 this guidance fits, since the run screen packs its rows)
term_wait "... more below: PgDn"
term_resize 80 24
term_keys q
term_wait "Start a new run, or resume one"
term_wait "  xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
term_has "  No sign that anyone is harming her – offer information on rights and support" # a background fact: its own outcome

# A prompt is a state of the one loop, like every screen: the quick hide
# covers it and gives it back with what was typed; F2 switches the language
# of the screen below while it stays open; Enter then gives what was typed.
term_keys n
term_wait "Case reference (no personal data):"
term_keys "Case 44"
term_wait "Case 44"
term_keys C-x
term_wait "Notes"
term_lacks "Case 44"
term_keys C-x
term_wait "Case reference (no personal data): Case 44"
term_keys F2
term_wait "Påbörja en ny genomgång"
term_has "Språk: svenska"
term_has "Case reference (no personal data): Case 44"
term_keys Enter
term_wait "Ärende: Case 44"
[ "$(sqlite3 "$TILLIT_DB" "SELECT count(*) FROM checklist_run WHERE case_ref = 'Case 44'")" = 1 ] ||
  fail "the run typed before the quick hide and F2 was not stored"

# Ctrl-C asks whether to quit, in a prompt too: no keeps the prompt with its
# text, yes ends the program at once (exit 0) and the unconfirmed text is
# not stored.
term_keys e
term_wait "Anteckning (inga personuppgifter):"
term_keys "halv mening"
term_wait "halv mening"
term_keys C-c
term_wait "Avsluta tillit? Allt som redan är sparat finns kvar."
term_keys n
term_wait "Anteckning (inga personuppgifter): halv mening"
term_keys C-c
term_wait "Avsluta tillit?"
term_keys j
term_wait "EXIT=0"
[ "$(sqlite3 "$TILLIT_DB" "SELECT count(*) FROM checklist_answer WHERE note LIKE '%halv%'")" = 0 ] ||
  fail "an unconfirmed note was stored when quitting"
term_finish
