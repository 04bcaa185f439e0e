# Someone who comes back is the same participant: Anna Berg attends one group
# session, and in a second one typing her name offers her (with her
# organisation, level and when she was last seen) next to "New participant";
# picking her adds an attendance, not a person, so `tillit stats` counts her
# once. Picking her again on the same roll call is refused with a message.
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }

# new_session DATE: starts a group session of the fixture course on DATE.
new_session() { term_group_session 100 30 "$1"; }

# close_and_quit: closes the session at 12:00 and leaves the program.
close_and_quit() {
  term_keys c
  term_wait "Close the session now?"
  term_keys y
  term_wait "End time:"
  term_keys C-u "12:00" Enter
  term_wait "Session closed at 12:00."
  term_keys q
  term_wait "EXIT=0"
  tm kill-server
}

# ---- session 1: Anna Berg is new (nobody is registered yet: no list) ----
new_session 2026-11-26
term_keys a
term_wait "Name (optional"
term_has "Part of a name finds those registered before"
term_keys "Anna Berg" Enter
term_wait "New organisation..."
term_lacks "Registered before?"
term_keys Enter
term_wait "Organisation name:"
term_keys "Kommunen" Enter
term_wait "Type of organisation"
term_keys Enter
term_wait "Level of work"
term_keys j Enter
term_wait "Attendees (1)"
term_has "Anna Berg"
close_and_quit

# ---- session 2: her name offers her, preselected; Enter picks her ----
new_session 2026-12-03
term_keys a
term_wait "Name (optional"
term_keys "anna berg" Enter
term_wait "Registered before?"
term_has "New participant: anna berg"
term_has "> Anna Berg, Kommunen, last seen 2026-11-26, Strategic"
term_keys Enter
term_wait "Attendees (1)"
term_has "Anna Berg              Kommunen             Strategic   present"
term_lacks "Organisation name:"
# part of the name finds her again; she is marked and picking her is refused
term_keys a
term_wait "Name (optional"
term_keys "BERG" Enter
term_wait "Registered before?"
term_has "> New participant: BERG"
term_has "Anna Berg, Kommunen, last seen 2026-12-03, Strategic  (on this roll call already)"
term_keys j Enter
term_wait "Anna Berg is on this session's roll call already."
term_has "Attendees (1)"
# Esc in the list adds no one
term_keys a
term_wait "Name (optional"
term_keys "Berg" Enter
term_wait "Registered before?"
term_keys Escape
term_keys "?" # the help opens only once the list is closed
term_wait "Keys of the session"
term_has "someone registered before"
term_lacks "Registered before?"
term_keys Enter
term_wait "Attendees (1)"
close_and_quit

[ "$(db "SELECT count(*) FROM participant")" = 1 ] || fail "participants: $(db 'SELECT name FROM participant')"
[ "$(db "SELECT count(*) FROM attendance a JOIN participant p ON p.id = a.participant_id
         WHERE p.name = 'Anna Berg' AND p.level = 'strategic' AND a.status = 'present'")" = 2 ] ||
  fail "attendances: $(db 'SELECT * FROM attendance')"
[ "$(db "SELECT count(DISTINCT session_id) FROM attendance")" = 2 ] || fail "not in two sessions"
"$TILLIT" stats > "$T_TMP/stats" 2>&1 || fail "stats exited $?"
for want in "Sessions         2 (2 group, 0 self-study)" "Attendances      2" \
  "Participants     1 from 1 organisation"; do
  grep -qF -- "$want" "$T_TMP/stats" || fail "stats lacks '$want': $(cat "$T_TMP/stats")"
done

# Self-study lists nobody (it is private), but Anna Berg finds herself by
# her exact name and organisation, studies alone and stays one person.
term_start 80 24 --content tests/fixtures/content study
term_wait "I have taken part before"
term_keys j j Enter
term_wait "Your name, as you gave it:"
term_keys "anna berg" Enter
term_wait "Your organisation"
term_keys Enter
term_wait "Your self-studies (personal code"
term_lacks "last seen"
term_keys Enter
term_wait "Choose a curriculum"
term_keys Enter
term_wait "Anna Berg  not taken yet"
term_keys q
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"
tm kill-server
[ "$(db "SELECT count(*) FROM participant")" = 1 ] || fail "self-study made a new participant: $(db 'SELECT name FROM participant')"
[ "$(db "SELECT count(*) FROM attendance a JOIN training_session s ON s.id = a.session_id WHERE s.kind = 'self'")" = 1 ] ||
  fail "no self-study attendance"
term_finish
