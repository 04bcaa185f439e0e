# An organisation name of 300 bytes (å, ä, ö throughout: the old 128-byte
# rows cut it inside a character) survives entry on the roll call, storage,
# the statistics screen's list of organisations and the export filtered by
# it, and `tillit stats` / `tillit export --organisation` with it.
. tests/term/lib.sh
XSD=export/tillit-report.xsd
PART="Länsstyrelsen i Västra Götaland, enheten för social hållbarhet och jämställdhet; "
NAME="$(printf '%s%s%s%s' "$PART" "$PART" "$PART" "$PART" | head -c 299)X"
[ "$(printf '%s' "$NAME" | wc -c)" = 300 ] || fail "the test's name is not 300 bytes"

# ---- entry: a new attendee's new organisation ----
term_group_session 100 30 2026-11-26
term_keys a
term_wait "Name (optional"
term_keys "Anna" Enter
term_wait "New organisation..."
term_keys Enter
term_wait "Organisation name:"
term_keys "$NAME" Enter
term_wait "Type of organisation"
term_keys Enter
term_wait "Level of work"
term_keys Enter
term_wait "Attendees (1)"
term_has "Anna, Länsstyrelsen i Västra Götaland"
# the roll call's column is cut, and says so with "…" at its end
term_screen | grep -qE "^ +> Anna +Länsstyrelsen i Vä[^ ]*… " || fail "the cut organisation does not end in …: $(term_screen | grep '> Anna')"

# ---- storage ----
stored=$(sqlite3 "$TILLIT_DB" "SELECT name FROM organisation")
[ "$stored" = "$NAME" ] || fail "stored as '$stored'"

# ---- the statistics screen: the name picked from its list, and exported ----
term_keys q
term_wait "> Run a training session"
term_keys 4
term_wait "> Statistics and export"
term_keys Enter
term_wait "Period of the statistics"
term_keys j j j Enter
term_wait "Statistics: All dates"
term_keys e
term_wait "Curriculum in the report"
term_keys Enter
term_wait "Organisation in the report"
term_keys j Enter
term_wait "Include participants' names"
term_keys n
term_wait "Save the report as:"
term_keys C-u "$T_TMP/screen.xml" Enter
term_wait "Report written to $T_TMP/screen.xml"
xmllint --noout --schema "$XSD" "$T_TMP/screen.xml" 2>/dev/null || fail "the screen's export does not validate"
grep -qF "<scope organisation=\"$NAME\"" "$T_TMP/screen.xml" || fail "the screen's export has another scope: $(grep scope "$T_TMP/screen.xml")"
grep -qF '<totals sessions="1"' "$T_TMP/screen.xml" || fail "the screen's export: $(grep totals "$T_TMP/screen.xml")"
term_keys q
term_wait "> Statistics and export"
term_keys q
term_wait "EXIT=0"

# ---- the command line ----
"$TILLIT" stats --organisation "$NAME" > "$T_TMP/stats" || fail "stats exited $?"
grep -qF "from 1 organisation" "$T_TMP/stats" || fail "stats: $(cat "$T_TMP/stats")"
grep -qF "Sessions         1" "$T_TMP/stats" || fail "stats: $(cat "$T_TMP/stats")"
"$TILLIT" export --organisation "$NAME" -o "$T_TMP/cli.xml" || fail "export exited $?"
grep -qF "<scope organisation=\"$NAME\"" "$T_TMP/cli.xml" || fail "the export has another scope"
grep -qF '<totals sessions="1"' "$T_TMP/cli.xml" || fail "the export: $(grep totals "$T_TMP/cli.xml")"
term_finish
