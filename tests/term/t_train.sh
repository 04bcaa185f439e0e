# A full group session on a small fixture curriculum: details, two attendees
# (one named, one pseudonymous and late), the pre-check with one attendee
# skipped, a module page by page with the trainer's notes, the module check
# recorded per attendee, and closing the session; then the store is read.
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }

term_start 100 30 --content tests/fixtures/content train
term_wait "Choose a curriculum"
term_has "Example course  (2 modules, 35 min; Social workers)"
term_keys Enter
term_wait "Date (YYYY-MM-DD):"
term_keys C-u "2026-13-01" Enter
term_wait "Write the date as YYYY-MM-DD"
term_keys C-u "2026-11-26" Enter
term_wait "Start time (HH:MM):"
term_keys C-u "09:00" Enter
term_wait "Location:"
term_keys "Rådhuset, Malmö" Enter
term_wait "Trainer:"
term_keys "Anna Lind" Enter
term_wait "Description (optional):"
term_keys Enter
term_wait "No attendees yet"
term_has "Session 2026-11-26 09:00-(open)  Rådhuset, Malmö  trainer Anna Lind"
# attendee 1: named, new organisation
term_keys a
term_wait "Name (optional"
term_keys "Åsa Öberg" Enter
term_wait "New organisation..."
term_keys Enter
term_wait "Organisation name:"
term_keys "Miljöförvaltningen" Enter
term_wait "Type of organisation"
term_keys j Enter
term_wait "Level of work"
term_keys Enter
term_wait "Åsa Öberg"
# attendee 2: no name, the same organisation, strategic, late with a remark
term_keys a
term_wait "Name (optional"
term_keys Enter
term_wait "Miljöförvaltningen (Environmental health)"
term_keys Enter
term_wait "Level of work"
term_keys j Enter
term_wait "Attendees (2)"
term_keys s
term_wait "Status"
term_wait "took part remotely"
term_keys j Enter
# late: the minutes taken part, which participant time counts
term_wait "Minutes taken part (empty: the whole session):"
term_keys 0 Enter
term_wait "Write the minutes as a number from 1 to 1440"
term_keys C-u 40 Enter
term_wait "late"
term_keys r
term_wait "Remark:"
term_keys "kom 09:20" Enter
term_wait "kom 09:20"
# the selected attendee in full below the roll call
term_wait "Miljöförvaltningen, Strategic, late: kom 09:20"
# a killed program loses nothing: the open session is continued
pid=$(term_pid) # the program in this pane, not an older one still ending
[ -n "$pid" ] && kill -9 "$pid"
term_wait "EXIT=137"
tm kill-server
term_start 100 30 --content tests/fixtures/content train
term_wait "Continue: 2026-11-26 09:00  example-course  Rådhuset, Malmö (2 attendees)"
# the open session is selected: Enter continues it
term_keys Enter
term_wait "kom 09:20"
term_has "Åsa Öberg"
# present: the pre-check first; attendee 2 skipped
term_keys Enter
term_wait "Knowledge check before the course"
term_keys Enter
term_wait "Answer of: Åsa Öberg"
term_keys 1 Enter
term_wait "Answer of: Attendee 2"
term_keys s
term_wait "0 of 1 answered correctly."
term_keys Enter
term_wait "Results: where the group starts from"
term_has "Åsa Öberg                      0/1 (0%)"
term_lacks "not passed"
term_lacks "r retake"
term_has "skipped"
term_keys Enter Right
term_wait "Module 1/2: The law   Page 1/1"
term_keys Right Enter
term_wait "Answer of: Åsa Öberg"
term_keys 2 Enter
term_wait "Answer of: Attendee 2"
term_keys 1 Enter
term_wait "1 of 2 answered correctly."
term_keys Enter
term_wait "1/1 (100%)  PASSED"
term_has "0/1 (0%)  not passed"
term_keys Enter Right
term_wait "Module 2/2: Signs   Page 1/2"
term_has "Trainer's notes"
term_has "Ask the group."
term_keys t
term_wait "Text one."
term_lacks "Trainer's notes"
term_keys q
term_wait "Attendees (2)"
term_keys c
term_wait "Close the session now?"
term_keys y
term_wait "End time:"
# An end before the start is asked about (a slip, or past midnight): no
# asks for the time again.
term_keys C-u "08:15" Enter
term_wait "08:15 is not after the start, 09:00. Did the session go on past midnight?"
term_keys n
term_wait "End time:"
[ "$(db "SELECT end_time IS NULL FROM training_session")" = 1 ] || fail "a refused end time was stored"
term_keys C-u "12:15" Enter
term_wait "Session closed at 12:15."
term_keys q
term_wait "EXIT=0"
[ "$(db "SELECT end_time FROM training_session")" = "12:15" ] || fail "end time not stored"
[ "$(db "SELECT count(*) FROM attendance WHERE status='late' AND remark='kom 09:20' AND minutes=40")" = 1 ] || fail "attendance"
[ "$(db "SELECT count(*) FROM participant WHERE name IS NULL")" = 1 ] || fail "pseudonymous attendee"
[ "$(db "SELECT count(*) FROM check_attempt WHERE phase='module' AND finished_at IS NOT NULL")" = 2 ] || fail "module attempts"
[ "$(db "SELECT count(*) FROM check_answer")" = 3 ] || fail "answers: $(db 'SELECT count(*) FROM check_answer')"
[ "$(db "SELECT count(DISTINCT participant_id) FROM module_progress WHERE module_id='signs'")" = 2 ] || fail "progress per attendee"
term_finish
