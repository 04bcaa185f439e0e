# The checklist self-check on the shipped trafficking-indicators checklist:
# a personal number as case reference (and as a note) is refused with the
# explanation on screen and nothing stored; a run is answered half-way and the
# process is killed (SIGKILL); started again, the same run is resumed with its
# earlier answers and note, finished, and the live assessment shows the
# outcome the declared rules give (background facts alone: information and
# support, never a suspicion); the summary is written 0600 without the
# notes (and with them when asked); the quick-hide key clears the screen.
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }
CHECKLIST=checklists/trafficking-indicators.yaml
# The English title of an outcome, as the checklist writes it.
outcome_title() {
  awk -v id="  - id: $1" '$0 == id {f = 1} f && /^      en: / {sub(/^      en: /, ""); print; exit}' "$CHECKLIST"
}

term_start 80 24 check trafficking-indicators
term_wait "No runs of this checklist yet."
term_has "+ Start a new run"
term_keys Enter
term_wait "Case reference (no personal data):"
term_keys "850317-1234" Enter
term_wait "looks like a Swedish personal identity number"
term_has "was not saved"
[ "$(db "SELECT count(*) FROM checklist_run")" = 0 ] || fail "a run was stored with a personal number"
term_keys x
term_wait "Case reference (no personal data): 850317-1234"
term_keys C-u "Case 17" Enter
term_wait "Case: Case 17   answered 0 of 61   section 1 of 7"
term_has "Background – context, not signs  (context, never counted as a sign)"
term_has "Indicator 1 of 15 in this section, weight: none (context, never counted)"
term_has "The answers suggest: No signs noted"

# Every background fact yes (poverty, little Swedish, long hours, a permit
# tied to the employer, ...): information on rights, no suspicion.
term_keys y y y y y y y y y y y y y y y
term_wait "answered 15 of 61"
term_has "Deceptive recruitment  (not present)"
term_has "The answers suggest: No sign that anyone is harming her"
term_has "(severity: none)"
[ "$(db "SELECT outcome_id FROM checklist_run")" = context-only ] || fail "background alone gave $(db "SELECT outcome_id FROM checklist_run")"

# Further (38 of 61): deceptive recruitment present (1 strong + 1 medium),
# coercive recruitment unknown, abuse of vulnerability not asked, the first
# three of exploitation (1 strong + 1 medium yes).
term_keys y y n n n n n
term_keys u u u u u u u
term_keys x x x x x x
term_keys y y n
term_wait "answered 38 of 61"
term_has "Exploitation  (counts as present)"
term_has "Indicator 4 of 8 in this section"
# A note on the last answer; a personal number in it is refused too.
term_keys k e
term_wait "Note (no personal data):"
term_keys "born 19850317-1234" Enter
term_wait "The note looks like a Swedish personal identity number"
term_keys x
term_wait "Note (no personal data): born 19850317-1234"
term_keys C-u "seen at the evening visit" Enter
term_wait "Note: seen at the evening visit"
[ "$(db "SELECT count(*) FROM checklist_answer WHERE note LIKE '%1234%'")" = 0 ] || fail "a note with a personal number was stored"

# Kill the process outright: every answer given so far must be there.
pid=$(term_pid)
[ -n "$pid" ] && kill -KILL "$pid"
term_wait "EXIT=137"
tm kill-server
[ "$(db "SELECT count(*) FROM checklist_answer")" = 38 ] || fail "answers lost: $(db "SELECT count(*) FROM checklist_answer")"
[ "$(db "SELECT outcome_id FROM checklist_run")" = some-signs ] || fail "outcome not saved: $(db "SELECT outcome_id FROM checklist_run")"

# Start again and resume the same run where it stopped.
term_start 80 24 check trafficking-indicators
term_wait "Start a new run, or resume one"
term_has "Case 17"
term_has "38/61 answered"
term_keys Enter # the unfinished run is selected
term_wait "answered 38 of 61"
term_has "Indicator 4 of 8 in this section"
term_has "Answer: Not answered"
term_keys k
# ("Answer: No" alone would also match "Answer: Not answered": wait for the move)
term_wait "Indicator 3 of 8 in this section"
term_has "Answer: No"
term_has "Note: seen at the evening visit"
term_keys k
term_wait "Answer: Yes"
term_keys j j
term_wait "Indicator 4 of 8 in this section"

# Finish: the rest of exploitation no, coercion at destination 2 strong yes
# (documents, debt) and the rest no, vulnerability at destination no: the
# ILO combination holds in all three stages.
term_keys n n n n n
term_keys y y n n n n n n n n n n
term_keys n n n n n n
term_wait "All 61 indicators answered. s shows the case summary."
title=$(outcome_title strong-signs | cut -d" " -f1-4)
[ -n "$title" ] || fail "no title for strong-signs in $CHECKLIST"
term_has "!!! The answers suggest: $title"
term_has "Do this first: Consult the national support line today"
[ "$(db "SELECT outcome_id FROM checklist_run")" = strong-signs ] || fail "outcome is $(db "SELECT outcome_id FROM checklist_run")"
[ "$(db "SELECT count(*) FROM checklist_run")" = 1 ] || fail "resuming made a second run"

# The summary, on screen and in files.
term_keys s
term_wait "Case summary (notes left out)"
term_has "Case:         Case 17"
term_has "... more below: PgDn"
term_keys End
term_wait "... more above: PgUp"
term_has "Does the person seem to be under 18?"
term_keys Home
term_wait "Case:         Case 17"
term_has "trafficking-indicators, version"
term_keys w
term_wait "Write the summary to:"
term_keys C-u "$T_TMP/summary.txt" Enter
term_wait "Include the notes?"
term_keys n
term_wait "Summary written, mode 0600, notes left out"
[ "$(stat -c %a "$T_TMP/summary.txt" 2>/dev/null)" = 600 ] || fail "summary mode is not 600"
grep -qF "Answered:     61 of 61 (0 not answered)" "$T_TMP/summary.txt" || fail "summary lacks the answers count"
grep -qF "The answers suggest: $title" "$T_TMP/summary.txt" || fail "summary lacks the outcome"
grep -qF "What this assessment can and cannot tell" "$T_TMP/summary.txt" || fail "summary lacks the disclaimer"
grep -qF "evening visit" "$T_TMP/summary.txt" && fail "the summary has the note though not asked"
term_keys w
term_wait "Write the summary to:"
term_keys C-u "$T_TMP/with-notes.txt" Enter
term_wait "Include the notes?"
term_keys y
term_wait "Summary written, mode 0600, notes included"
grep -qF "Note: seen at the evening visit" "$T_TMP/with-notes.txt" || fail "the note is missing though asked for"
[ "$(stat -c %a "$T_TMP/with-notes.txt" 2>/dev/null)" = 600 ] || fail "summary with notes mode is not 600"
term_keys f
term_wait "The run is marked finished"
[ "$(db "SELECT finished_at IS NOT NULL FROM checklist_run")" = 1 ] || fail "finish not saved"

# Quick hide: one key clears everything but a neutral title; only the same
# key brings the program back.
hidden() { [ "$(term_screen | grep -c .)" = 1 ] && [ "$(term_screen | head -1)" = Notes ]; }
term_keys C-x
i=0; until hidden || [ $i -ge 100 ]; do sleep 0.1; i=$((i + 1)); done
hidden || { fail "quick hide left text on the screen"; term_screen | sed 's/^/    | /'; }
term_keys q Enter Escape
sleep 0.3
hidden || fail "a key other than Ctrl-X brought the screen back"
term_keys C-x
term_wait "Case summary (notes left out)"
# ... also while a question is open: the question comes back after
term_keys w
term_wait "Write the summary to:"
term_keys C-x
i=0; until hidden || [ $i -ge 100 ]; do sleep 0.1; i=$((i + 1)); done
hidden || fail "quick hide did not work in a prompt"
term_keys C-x
term_wait "Write the summary to:"
term_keys Escape
term_wait "Case summary (notes left out)"

term_keys q
term_wait "answered 61 of 61"
term_keys q
term_wait "61/61 answered  finished"
term_keys q
term_wait "Checklist self-check"
term_keys q
term_wait "EXIT=0"
term_finish
