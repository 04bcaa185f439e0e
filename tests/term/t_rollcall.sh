# A group of twelve at the smallest size (60x16): the course's check step
# lists as many attendees as fit, says how many more there are, and keeps
# the line on how to go on in sight.
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }

term_group_session 60 16 2026-11-26
term_keys q
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"
tm kill-server
db "INSERT INTO organisation (uuid, name, type) VALUES ('00000000-0000-4000-8000-000000000001', 'Lunds kommun', 'social_services');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
INSERT INTO participant (uuid, name, organisation_id, level)
  SELECT printf('00000000-0000-4000-8000-%012d', 100 + i), printf('Deltagare %d', i), 1, 'operational' FROM n;
INSERT INTO attendance (session_id, participant_id, status) SELECT 1, id, 'present' FROM participant;" ||
  fail "cannot add the attendees"

term_start 60 16 --content tests/fixtures/content train
term_wait "Continue:"
term_keys j Enter
term_wait "Attendees (12)"
term_keys Enter
term_wait "more"
term_has "... and"
term_has "Deltagare 1 "
term_has "Press Enter to start the check"
term_lacks "Deltagare 12"
term_finish
