# A group of twelve at the smallest size (60x16): the course's check step
# lists as many attendees as fit, says how many more there are, and keeps
# the line on how to go on in sight.
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }

# session_of N NAME COLS ROWS DATE: a new database with one group session
# whose roll call has N attendees named "NAME 1" to "NAME N" of Lunds kommun.
session_of() {
  term_group_session "$3" "$4" "$5"
  term_keys q
  term_wait "Run a training session"
  term_keys q
  term_wait "EXIT=0"
  tm kill-server
  db "INSERT INTO organisation (uuid, name, type) VALUES ('00000000-0000-4000-8000-000000000001', 'Lunds kommun', 'social_services');
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
  INSERT INTO participant (uuid, name, organisation_id, level)
    SELECT printf('00000000-0000-4000-8000-%012d', 100 + i), printf('$2 %d', i), 1, 'operational' FROM n;
  INSERT INTO attendance (session_id, participant_id, status) SELECT 1, id, 'present' FROM participant;" ||
    fail "cannot add the $1 attendees"
}

session_of 12 Deltagare 60 16 2026-11-26

term_start 60 16 --content tests/fixtures/content train
term_wait "Continue:"
term_keys Enter
term_wait "Attendees (12)"
term_keys Enter
# the roll call's own list says "more below" too: wait for the check's line
term_wait "... and"
term_has "Deltagare 1 "
term_has "Press Enter to start the check"
term_lacks "Deltagare 12"
tm kill-server

# Twenty-five at 80x24: the roll call scrolls. Each attendee in turn is
# selected with Down (the selected one in full below the list), End and
# Home go to the last and the first, / finds one by part of the name, the
# terminal's cursor sits on the selected row, and the last one can be given
# a status.
T_TMP25="$T_TMP/25"; mkdir -p "$T_TMP25"
export TILLIT_DB="$T_TMP25/tillit.db"
session_of 25 Person 80 24 2026-11-27

# The name on the selected row ("> Person N").
selected() { term_screen | sed -n 's/^  > \(Person [0-9]*\) .*/\1/p'; }
# Waits until the selected row is no longer $1.
wait_moved() {
  i=0
  while [ "$(selected)" = "$1" ] && [ $i -lt $((${T_WAIT_SECONDS:-10} * 10)) ]; do sleep 0.1; i=$((i + 1)); done
}

term_start 80 24 --content tests/fixtures/content train
term_wait "Continue:"
term_keys Enter
term_wait "Attendees (25)"
term_has "... more below: PgDn"
seen=""
n=0
while [ $n -lt 25 ]; do
  name=$(selected)
  [ -n "$name" ] || { fail "no attendee selected after $n Down"; break; }
  term_has "$name, Lunds kommun" # the selected one in full below the list
  seen="$seen$name
"
  n=$((n + 1))
  [ $n -lt 25 ] && { term_keys Down; wait_moved "$name"; }
done
[ "$(printf '%s' "$seen" | sort -u | grep -c Person)" = 25 ] || fail "reached $(printf '%s' "$seen" | sort -u | grep -c Person) of 25 attendees"
last=$(selected)
term_has "... more above: PgUp"
term_keys Home
wait_moved "$last"
first=$(selected)
[ "$first" = "$(printf '%s' "$seen" | head -n 1)" ] || fail "Home selected '$first'"
term_keys End
wait_moved "$first"
[ "$(selected)" = "$last" ] || fail "End selected '$(selected)', not '$last'"
term_keys /
term_wait "Find (part of the text):"
term_keys C-u "person 17" Enter
term_wait "> Person 17 "
row=$(term_screen | grep -n "^  > Person 17 " | cut -d: -f1)
cursor=$(tm display-message -p '#{cursor_flag} #{cursor_y} #{cursor_x}')
[ "$cursor" = "1 $((row - 1)) 2" ] || fail "cursor at '$cursor' (flag y x), the selected row is $((row - 1))"
term_keys End
wait_moved "Person 17"
term_keys s
term_wait "Status"
term_keys j Enter
term_wait "Minutes taken part"
term_keys Enter
term_wait "$last, Lunds kommun, Operational, late"
[ "$(db "SELECT a.status FROM attendance a JOIN participant p ON p.id = a.participant_id WHERE p.name = '$last'")" = late ] ||
  fail "the last attendee's status was not stored"
term_finish
