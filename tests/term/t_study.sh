# Self-study on a small fixture curriculum: a learner starts, passes the
# pre-check, is killed (SIGKILL) in the middle of the course, resumes at the
# same page, passes the module check and the post-check, and the store holds
# the completion, the scores and the time spent.
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }

term_start 80 24 --content tests/fixtures/content study
term_wait "I am new: start a self-study"
term_keys Enter
term_wait "Choose a curriculum"
term_keys Enter
term_wait "Your name (optional"
term_keys "Bo Ek" Enter
term_wait "New organisation..."
term_keys Enter
term_wait "Organisation name:"
term_keys "Polisen Syd" Enter
term_wait "Type of organisation"
term_keys j j Enter
term_wait "Level of work"
term_keys Enter
# The learner's personal code, shown once at the start: the way back in.
term_wait "Your personal code is"
code=$(db "SELECT study_code FROM participant WHERE name='Bo Ek'")
[ ${#code} = 6 ] || fail "no personal code stored: '$code'"
term_has "Your personal code is $code."
term_keys Enter
term_wait "Knowledge check before the course"
term_has "Before the course"
term_keys Enter
term_wait "Question 1/1 (tick all that apply)"
term_keys 1 2 Enter
term_wait "Right."
term_has "Buying and procuring are crimes."
term_keys Enter
# The pre-check shows where one starts from: no passed or failed, no retake.
term_wait "Results: where you start from"
term_has "Bo Ek                          1/1 (100%)"
term_lacks "PASSED"
term_lacks "r retake"
term_keys r
term_lacks "Question 1/1"
term_keys Enter
term_wait "Everyone has taken this check. Right goes on."
term_has "1 question, to see where you start from."
term_lacks "Enter start the check"
term_keys Right
term_wait "Module 1/2: The law   Page 1/1"
term_has "Buying a sexual service is a"
term_keys Right Right
term_wait "Module 2/2: Signs   Page 1/2"
# Kill the process outright: nothing given so far may be lost.
pid=$(term_pid) # the program in this pane, not an older one still ending
[ -n "$pid" ] && kill -9 "$pid"
term_wait "EXIT=137"
tm kill-server
[ "$(db "SELECT count(*) FROM check_attempt WHERE phase='pre' AND passed=1")" = 1 ] || fail "pre-check result lost"
[ "$(db "SELECT count(*) FROM participant WHERE name='Bo Ek'")" = 1 ] || fail "learner lost"

term_start 80 24 --content tests/fixtures/content study
term_wait "I have a personal code"
term_keys j Enter
term_wait "Your personal code (6 letters and digits):"
# as written down: small letters and a dash
term_keys "$(echo "$code" | tr 'A-Z' 'a-z' | sed 's/^\(...\)/\1-/')" Enter
term_wait "Your self-studies (personal code $code)"
term_has "Continue: Example course, started"
term_keys Enter
term_wait "Module 2/2: Signs   Page 1/2"
term_keys Left
term_wait "Knowledge check: The law"
term_has "not taken yet"
term_keys Enter
term_wait "Question 1/1 (one answer)"
term_keys 1 Enter
term_wait "Not quite."
term_keys Enter
term_wait "0/1 (0%)  not passed"
term_has "Only the purchase is criminalised"
term_keys r
term_wait "Question 1/1 (one answer)"
term_keys j Space Enter
term_wait "Right."
term_keys Enter
term_wait "1/1 (100%)  PASSED"
term_keys Enter Right Right Right
term_wait "Knowledge check after the course"
term_keys Enter
term_wait "Question 1/1"
term_keys 1 2 Enter
term_wait "Right."
term_keys Enter
term_wait "Curriculum completed"
term_keys Enter
term_wait "After the course"
term_keys o
term_wait "Results: Example course"
term_has "Before the course: 1/1 (100%)    After: 1/1 (100%) passed"
term_has "1/1 (100%) passed"
term_has "completed"
# a resize in the middle of the course: notice, then the same screen back
term_resize 40 12
term_wait "Terminal too small"
term_resize 80 24
term_wait "Results: Example course"
term_keys q q
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"
[ "$(db "SELECT count(*) FROM module_progress WHERE completed_at IS NOT NULL")" = 2 ] || fail "modules not completed"
[ "$(db "SELECT count(*) FROM check_attempt WHERE check_id='law' AND finished_at IS NOT NULL")" = 2 ] || fail "module attempts"
[ "$(db "SELECT max(attempt_no) FROM check_attempt WHERE check_id='law'")" = 2 ] || fail "attempt numbers"
[ "$(db "SELECT count(*) FROM training_session WHERE kind='self' AND end_time IS NOT NULL")" = 1 ] || fail "completion not recorded"
[ "$(db "SELECT count(*) FROM check_attempt WHERE phase='post' AND score=1 AND max_score=1")" = 1 ] || fail "post-check"
term_finish
