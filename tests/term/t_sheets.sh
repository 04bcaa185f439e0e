# Answer sheets (issue 14, item 4): in a group's knowledge check `w`
# (named in the footer) enters one attendee's whole answer sheet at a
# time, then the next attendee's; on the results `w` opens the sheets again
# and an answer already saved is corrected (the stored result follows) or
# taken back with s. The shipped curriculum's check before the course has 8
# questions; an attendee without a name is "Attendee 2". Then in Swedish.
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }
questions=8
# The score stored for the check before the course of the attendee named $1
# (empty: the one without a name).
pre_score() {
  db "SELECT coalesce(c.score, 'none') FROM check_attempt c JOIN participant p ON p.id = c.participant_id
      WHERE c.phase = 'pre' AND coalesce(p.name, '') = '$1'"
}
# fill_sheet WHO: answers choice 1 to every question of WHO's sheet.
fill_sheet() {
  q=1
  while [ $q -le $questions ]; do
    term_wait "Question $q/$questions"
    term_wait "Answer sheet of: $1"
    term_keys 1 Enter
    q=$((q + 1))
  done
}

term_start 100 30 train
term_session_details 2026-11-26 09:00
term_add_new_attendee "Anna Berg" "Lunds kommun"
term_wait "Attendees (1)"
term_keys a
term_wait "Name (optional"
term_keys Enter
term_wait "Lunds kommun ("
term_keys Enter
term_wait "Level of work"
term_keys Enter
term_wait "Attendees (2)"
term_keys Enter
term_wait "Press Enter to start the check"
term_keys Enter
term_wait "Answer of: Anna Berg"
term_has "w answer sheets"

# ---- one whole sheet at a time ----
term_keys w
term_wait "Answer sheet of: Anna Berg (1 of 2), not answered yet"
term_has "w by question"
fill_sheet "Anna Berg (1 of 2)"
fill_sheet "Attendee 2 (2 of 2)"
term_wait "Results"
term_has "Attendee 2"
[ "$(db "SELECT count(*) FROM check_answer")" = $((2 * questions)) ] || fail "answers stored: $(db "SELECT count(*) FROM check_answer")"
[ "$(pre_score "Anna Berg")" = 5 ] || fail "Anna's score: $(pre_score "Anna Berg")" # the three multiple-choice ones wrong

# ---- an answer already saved, corrected after the results ----
term_has "w correct answers"
term_keys w
term_wait "Answer sheet of: Anna Berg (1 of 2), answer saved"
term_has "Question 1/$questions"
term_has "1 (*)" # the saved answer is shown chosen
term_keys 2 Enter
term_wait "Question 2/$questions"
[ "$(pre_score "Anna Berg")" = 4 ] || fail "the corrected answer did not change the score: $(pre_score "Anna Berg")"
[ "$(db "SELECT chosen FROM check_answer a JOIN check_attempt c ON c.id = a.attempt_id JOIN participant p
  ON p.id = c.participant_id WHERE p.name = 'Anna Berg' AND a.question_id = 'pp-parlours'")" = 2 ] ||
  fail "the corrected answer was not stored"
# another sheet, another question: Tab and Left; s takes an answer back
term_keys Tab
term_wait "Answer sheet of: Attendee 2 (2 of 2), answer saved"
term_keys Left
term_wait "Question 1/$questions"
term_keys s
term_wait "Question 2/$questions"
[ "$(db "SELECT count(*) FROM check_answer")" = $((2 * questions - 1)) ] || fail "the answer taken back is still stored"
[ "$(pre_score "")" = 4 ] || fail "the score of Attendee 2 after an answer taken back: $(pre_score "")"
term_keys Left
term_wait "Answer sheet of: Attendee 2 (2 of 2), skipped"
# in Swedish (F2): the same keys, named in Swedish
term_keys F2
term_wait "Svarsblankett för: Deltagare 2 (2 av 2), överhoppad"
term_has "w per fråga"
term_has "Tab deltagare"
term_keys q
term_wait "Lämna testet?"
term_keys y
term_wait "Kunskapstest före utbildningen"
term_finish
