# Nothing entered is final (issue 14, item 1): on the roll call an attendee
# is corrected (every question shows what is stored, Esc changes nothing)
# and one is taken off it after a question that names them; the session's
# details are corrected; a closed session is found again in the picker,
# refuses changes until reopened, is cancelled (out of `tillit stats`) and
# restored (back in it), reopened and closed again with its old end time
# proposed; an attendee without a name is "Attendee 2" ("Deltagare 2").
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }
# The sessions line of `tillit stats`.
stats_sessions() { "$TILLIT" stats 2>&1 | sed -n 's/^ *\(Sessions .*\)/\1/p'; }
# quit_and_count SESSIONS WHEN: at the main menu, quits; `tillit stats`
# then counts SESSIONS group sessions.
quit_and_count() {
  term_wait "Run a training session"
  term_keys q
  term_wait "EXIT=0"
  tm kill-server
  [ "$(stats_sessions)" = "Sessions         $1 ($1 group, 0 self-study)" ] || fail "stats $2: $(stats_sessions)"
}
# open_listed TEXT: starts tillit at the group sessions, shows the closed
# and cancelled ones too and opens the one listed as TEXT (the only one).
open_listed() {
  term_start 100 30 ${T_ARGS:-} --content tests/fixtures/content train
  term_wait "${T_MORE:-Show closed and cancelled sessions too}"
  term_lacks "Continue:"
  term_keys End Enter
  term_wait "$1"
  term_keys Down Enter
}

term_group_session 100 30 2026-11-26
term_add_new_attendee "Anna Berg" "Lunds kommun"
term_wait "Attendees (1)"
# no name: the organisation of the last one is proposed
term_keys a
term_wait "Name (optional"
term_keys Enter
term_wait "Lunds kommun (Municipal social services)"
term_keys Enter
term_wait "Level of work"
term_keys Enter
term_wait "Attendees (2)"
term_keys a
term_wait "Name (optional"
term_keys "Bo Ek" Enter
term_wait "New organisation..."
term_keys Home Enter
term_wait "Organisation name:"
term_keys "Polisen Syd" Enter
term_wait "Type of organisation"
term_keys Enter
term_wait "Level of work"
term_keys Enter
term_wait "Attendees (3)"
term_has "Attendee 2"
term_lacks "Participant"

# ---- an attendee corrected ----
term_keys Home
term_wait "Anna Berg, Lunds kommun, Operational, present"
term_keys e
term_wait "Name (empty: none): Anna Berg"
term_keys C-u "Anna Bergström" Enter
term_wait "Organisation: Lunds kommun"
term_keys C-u "Malmö stad" Enter
term_wait "Type of organisation"
term_keys Enter
term_wait "Level of work"
term_keys j Enter
term_wait "took part remotely"
term_keys j Enter
term_wait "Minutes taken part (empty: the whole session):"
term_keys 45 Enter
term_wait "Remark:"
term_keys "kom 09:45" Enter
term_wait "Attendee corrected."
term_has "Anna Bergström, Malmö stad, Strategic, late: kom 09:45"
[ "$(db "SELECT a.minutes || ' ' || o.name FROM attendance a JOIN participant p ON p.id = a.participant_id
  JOIN organisation o ON o.id = p.organisation_id WHERE p.name = 'Anna Bergström'")" = "45 Malmö stad" ] ||
  fail "the corrected attendee was not stored"
[ "$(db "SELECT count(*) FROM organisation WHERE name = 'Lunds kommun'")" = 1 ] || fail "an organisation still in use went"

# Esc at a later question: nothing of the earlier answers is stored
term_keys e
term_wait "Name (empty: none): Anna Bergström"
term_keys C-u "Anna X" Enter
term_wait "Organisation: Malmö stad"
term_keys Escape
term_wait "Anna Bergström, Malmö stad, Strategic, late: kom 09:45"
[ "$(db "SELECT count(*) FROM participant WHERE name = 'Anna X'")" = 0 ] || fail "a cancelled correction was stored"
# the minutes are proposed again when the status is set
term_keys s
term_wait "Status"
term_keys Enter
term_wait "Minutes taken part (empty: the whole session): 45"
term_keys Escape

# ---- an attendee taken off the roll call ----
term_keys End
term_wait "Bo Ek, Polisen Syd, Operational, present"
term_keys d
term_wait "Take Bo Ek off the roll call? Their pages and answers in this session are deleted too."
term_keys n
term_wait "Attendees (3)"
term_keys d
term_wait "Take Bo Ek off the roll call?"
term_keys y
term_wait "Bo Ek is off the roll call."
term_has "Attendees (2)"
[ "$(db "SELECT count(*) FROM participant WHERE name = 'Bo Ek'")" = 0 ] || fail "the removed attendee is still stored"

# ---- the session's details ----
term_keys i
term_wait "Date (YYYY-MM-DD): 2026-11-26"
term_keys C-u "2026-11-27" Enter
term_wait "Start time (HH:MM): 09:00"
term_keys C-u "10.15" Enter
term_wait "Location: Lund"
term_keys C-u "Rådhuset" Enter
term_wait "Trainer:"
term_keys "Eva Lind" Enter
term_wait "Description (optional):"
term_keys Enter
term_wait "Session details corrected."
term_has "Session 2026-11-27 10:15-(open)  Rådhuset  trainer Eva Lind"

# ---- closed, then found again in the picker ----
term_keys c
term_wait "Close the session now?"
term_keys y
term_wait "End time:"
term_keys C-u "12:15" Enter
term_wait "Session closed at 12:15."
quit_and_count 1 "before cancelling"

open_listed "Closed: 2026-11-27 10:15  example-course  Rådhuset (2 attendees)"
term_wait "Closed: c reopens it to correct it."
term_keys e
term_wait "This session is closed: c reopens it to correct it."

# ---- cancelled: out of the statistics until restored ----
term_keys x
term_wait "Cancel this session?"
term_keys y
term_wait "CANCELLED: counted in no statistics and no report; x restores it."
term_keys q
quit_and_count 0 "of a cancelled session"

open_listed "Cancelled: 2026-11-27 10:15"
term_wait "CANCELLED"
term_keys x
term_wait "Restore this session?"
term_keys y
term_wait "Session restored."
term_lacks "CANCELLED"

# ---- reopened to correct it, then closed with its end time proposed ----
term_keys c
term_wait "Reopen this closed session to correct it?"
term_keys y
term_wait "The session is open again"
term_has "10:15-(open)"
term_keys e
term_wait "Name (empty: none): Anna Bergström"
term_keys Escape
term_keys c
term_wait "Close the session now?"
term_keys y
term_wait "End time: 12:15"
term_keys Enter
term_wait "Session closed at 12:15."
quit_and_count 1 "after restoring"
[ "$(db "SELECT end_time FROM training_session")" = "12:15" ] || fail "end time after reopening"

# ---- Swedish: the place on the roll call, the keys ----
T_ARGS="--lang sv"
T_MORE="Visa även avslutade och inställda tillfällen"
open_listed "Avslutat: 2026-11-27"
term_wait "Deltagare 2"
term_has "e ändra"
term_keys q
term_wait "Genomför ett utbildningstillfälle"
term_keys q
term_wait "EXIT=0"
term_finish
