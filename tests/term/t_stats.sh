# Statistics and the report from the outside: a database filled here with
# the sqlite3 command line (two group sessions and a self-study, three
# participants of two organisations, a pre/post check, a checklist run);
# `tillit stats` prints its numbers, `tillit export` writes a report that
# xmllint accepts (and exits 73 / 74 without leaving a file when it cannot),
# `tillit merge` counts a report given twice once and refuses a DOCTYPE, and
# the statistics screen shows the same summary with a bar per month, for a
# period picked on screen, and exports from there.
. tests/term/lib.sh
XSD=export/tillit-report.xsd
U=00000000-0000-4000-8000-000000000

term_new_db "$TILLIT_DB"
sqlite3 "$TILLIT_DB" <<EOF || fail "cannot fill the database"
INSERT INTO organisation (id, uuid, name, type) VALUES
  (1, '${U}101', 'Malmö stad', 'social_services'), (2, '${U}102', 'Polisen Syd', 'police');
INSERT INTO participant (id, uuid, name, organisation_id, level) VALUES
  (1, '${U}201', 'Anna Andersson', 1, 'operational'), (2, '${U}202', NULL, 1, 'strategic'),
  (3, '${U}203', NULL, 2, 'operational');
INSERT INTO training_session (id, uuid, kind, curriculum_id, curriculum_version, content_hash,
  date, start_time, end_time, trainer, location) VALUES
  (1, '${U}301', 'group', 'thai-massage-parlours', '1', '0123456789abcdef', '2025-03-10', '09:00', '12:00', 'Eva <Tränare>', 'Malmö'),
  (2, '${U}302', 'group', 'thai-massage-parlours', '1', '0123456789abcdef', '2025-04-02', '13:00', '15:00', 'Eva', 'Lund'),
  (3, '${U}303', 'self', 'thai-massage-parlours', '1', '0123456789abcdef', '2025-04-20', '10:00', NULL, NULL, NULL);
INSERT INTO attendance (session_id, participant_id, status) VALUES
  (1, 1, 'present'), (1, 2, 'present'), (1, 3, 'late'), (2, 1, 'present'), (2, 3, 'absent');
INSERT INTO module_progress (session_id, participant_id, module_id, page, pages_total, seconds_spent, completed_at)
  VALUES (3, 2, 'law', 2, 3, 600, '2025-04-20T10:30:00Z');
INSERT INTO check_attempt (uuid, session_id, participant_id, check_id, phase, attempt_no, finished_at,
  score, max_score, passed) VALUES
  ('${U}401', 1, 1, 'pre_post', 'pre', 1, '2025-03-10T09:10:00Z', 2, 4, 0),
  ('${U}402', 1, 1, 'pre_post', 'post', 1, '2025-03-10T11:50:00Z', 4, 4, 1);
INSERT INTO checklist_run (uuid, checklist_id, checklist_version, content_hash, case_ref, outcome_id, created_at)
  VALUES ('${U}501', 'trafficking-indicators', '1', '0123456789abcdef', 'CASE-7', 'signs', '2025-03-15T10:00:00Z');
EOF

# ---- tillit stats ----
"$TILLIT" stats > "$T_TMP/stats" 2>&1 || fail "stats exited $?"
for want in "Period: all dates" "Sessions         3 (2 group, 1 self-study)" "Attendances      5" \
  "Participants     3 from 2 organisations" "Training time    5 h 00 min" \
  "Participant time 11 h 00 min" "Study time       0 h 10 min" \
  "Checklist runs   1" "police                operational    1       1        1" \
  "    Exploitation and the law" "      1 started, 0 completed, check not taken" \
  "thai-massage-parlours v1: 3 sessions, 3 participants, 5 attendances" \
  "knowledge: pre 50.0, post 100.0, gain +50.0 (1 with both)" \
  "  2025-03 ########################################" "  2025-04 ##########################      " ; do
  grep -qF -- "$want" "$T_TMP/stats" || fail "stats lacks '$want': $(cat "$T_TMP/stats")"
done
"$TILLIT" stats --from 2025-04-01 --to 2025-04-30 > "$T_TMP/april" || fail "stats of April exited $?"
grep -qF "Sessions         2 (1 group, 1 self-study)" "$T_TMP/april" || fail "April: $(cat "$T_TMP/april")"
grep -q "2025-03" "$T_TMP/april" && fail "April shows March"
"$TILLIT" stats --organisation "Malmö stad" > "$T_TMP/malmo" || fail "stats of one organisation exited $?"
grep -qF "from 1 organisation" "$T_TMP/malmo" && ! grep -qF "1 organisations" "$T_TMP/malmo" &&
  grep -qF "Only the organisation: Malmö stad" "$T_TMP/malmo" && ! grep -qF "police" "$T_TMP/malmo" ||
  fail "one organisation: $(cat "$T_TMP/malmo")"
"$TILLIT" stats --with-names > /dev/null 2>&1; [ $? = 64 ] || fail "stats takes --with-names"
expect 64 "UTF-8 text" "$TILLIT" export --organisation "$(printf 'Malm\366 stad')" -o "$T_TMP/latin1.xml"
expect 64 "UTF-8 text" "$TILLIT" stats --organisation "$(printf 'A\001B')"
[ -e "$T_TMP/latin1.xml" ] && fail "a report was written for a name that is not UTF-8"
"$TILLIT" stats --from 2025-13-01 > /dev/null 2>&1; [ $? = 64 ] || fail "a bad date is not a usage error"

# ---- tillit export ----
"$TILLIT" export -o "$T_TMP/r.xml" || fail "export exited $?"
xmllint --noout --schema "$XSD" "$T_TMP/r.xml" 2>/dev/null || fail "the export does not validate"
grep -qF 'trainer="Eva &lt;Tränare&gt;"' "$T_TMP/r.xml" || fail "trainer not escaped"
grep -q "CASE-7\|Anna" "$T_TMP/r.xml" && fail "the report shows a case reference or a name"
"$TILLIT" export --with-names --organisation "Malmö stad" > "$T_TMP/names.xml" || fail "export to stdout exited $?"
xmllint --noout --schema "$XSD" "$T_TMP/names.xml" 2>/dev/null || fail "the stdout export does not validate"
grep -qF 'name="Anna Andersson"' "$T_TMP/names.xml" || fail "--with-names shows no name"
grep -qF 'organisationType="police"' "$T_TMP/names.xml" && fail "--organisation shows the police"
"$TILLIT" export > /dev/full 2> "$T_TMP/full"; got=$?
[ "$got" = 74 ] || fail "export to a full disk exited $got"
grep -q "No space left on device" "$T_TMP/full" || fail "full disk: $(cat "$T_TMP/full")"
# A pipe, a link and a folder as -o: the pipe gets the report and stays a
# pipe, the file a link names is replaced and the link stays, a folder is
# refused (73) and left as it is.
mkfifo "$T_TMP/pipe"
cat "$T_TMP/pipe" > "$T_TMP/from-pipe.xml" &
"$TILLIT" export -o "$T_TMP/pipe" || fail "export into a pipe exited $?"
wait
[ -p "$T_TMP/pipe" ] || fail "the pipe was replaced by a file"
xmllint --noout --schema "$XSD" "$T_TMP/from-pipe.xml" 2>/dev/null || fail "the report read from the pipe is not valid"
echo old > "$T_TMP/real.xml"; ln -s real.xml "$T_TMP/link.xml"
"$TILLIT" export -o "$T_TMP/link.xml" || fail "export through a link exited $?"
[ -L "$T_TMP/link.xml" ] || fail "the link was replaced"
xmllint --noout --schema "$XSD" "$T_TMP/real.xml" 2>/dev/null || fail "the file behind the link has no report"
expect 73 "is a folder" "$TILLIT" export -o "$T_TMP"
"$TILLIT" export -o "$T_TMP/missing/r.xml" 2> "$T_TMP/err"; got=$?
[ "$got" = 73 ] || fail "export into a missing folder exited $got"
[ -e "$T_TMP/missing" ] && fail "a folder was created"
if command -v setpriv > /dev/null && [ "$(id -u)" = 0 ]; then
  chmod 0755 "$T_TMP"
  mkdir -m 0755 "$T_TMP/root-only" "$T_TMP/nobody"
  cp "$TILLIT_DB" "$T_TMP/nobody/t.db"
  chown -R nobody "$T_TMP/nobody"
  term_install_public # nobody may not enter the checkout
  setpriv --reuid=nobody --regid=nogroup --clear-groups "$T_PUBLIC_TILLIT" --db "$T_TMP/nobody/t.db" export \
    -o "$T_TMP/root-only/r.xml" 2> "$T_TMP/err"; got=$?
  [ "$got" = 73 ] || fail "export into an unwritable folder exited $got: $(cat "$T_TMP/err")"
  grep -q "Permission denied" "$T_TMP/err" || fail "unwritable folder: $(cat "$T_TMP/err")"
  [ -z "$(ls -A "$T_TMP/root-only")" ] || fail "a partial file was left: $(ls -A "$T_TMP/root-only")"
fi

# ---- tillit merge ----
"$TILLIT" merge "$T_TMP/r.xml" "$T_TMP/r.xml" -o "$T_TMP/m.xml" 2> "$T_TMP/notes" || fail "merge exited $?"
xmllint --noout --schema "$XSD" "$T_TMP/m.xml" 2>/dev/null || fail "the merge does not validate"
grep -qF '<totals sessions="3" groupSessions="2" selfStudySessions="1" attendances="5" participants="3"' \
  "$T_TMP/m.xml" || fail "a report merged twice did not count once: $(grep totals "$T_TMP/m.xml")"
grep -q "adds nothing" "$T_TMP/notes" || fail "no note on the repeated report"
{ head -1 "$T_TMP/r.xml"; echo '<!DOCTYPE report [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
  tail -n +2 "$T_TMP/r.xml"; } > "$T_TMP/evil.xml"
"$TILLIT" merge "$T_TMP/r.xml" "$T_TMP/evil.xml" -o "$T_TMP/m2.xml" 2> "$T_TMP/err"; got=$?
[ "$got" = 65 ] || fail "merge of a DOCTYPE exited $got"
grep -qF "evil.xml:2: a DOCTYPE is not allowed" "$T_TMP/err" || fail "DOCTYPE: $(cat "$T_TMP/err")"
[ -e "$T_TMP/m2.xml" ] && fail "a refused merge left a file"

# ---- the statistics screen ----
# A table scrolled past its column heads keeps them in sight at the top (80x16:
# 11 lines down, the police row is under the pinned heads, the next row below).
term_start 80 16
term_wait "Run a training session"
term_keys 4 Enter
term_wait "Period of the statistics"
term_keys j j j Enter
term_wait "Statistics: All dates"
term_keys j j j j j j j j j j j
term_wait_line 4 "social services       operational"
term_screen | sed -n 3p | grep -qF "type                  level       orgs" ||
  fail "the column heads are not pinned: $(term_screen | sed -n 3p)"
term_lacks "By organisation type and level"
term_keys k
term_wait_line 4 "police                operational"
term_screen | sed -n 3p | grep -qF "type                  level" || fail "the heads left their row"
term_keys q
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"
tm kill-server

term_start 100 40
term_wait "Run a training session"
term_keys 4
term_wait "> Statistics and export"
term_keys Enter
term_wait "Period of the statistics"
term_has "Last 12 months"
term_keys j j j Enter
term_wait "Statistics: All dates"
term_has "Sessions         3 (2 group, 1 self-study)"
term_has "Participants     3 from 2 organisations"
term_has "social services       strategic      1       1        2"
term_has "Attendances per month"
term_has "p period  e export"
# Bars in 100 columns: 80 for the largest month (3), 53 for April (2).
term_screen | grep -qE "2025-03 (█){80} 3" || fail "no full bar for March: $(term_screen | grep 2025-03)"
term_screen | grep -qE "2025-04 (█){53} 2" || fail "no 2/3 bar for April: $(term_screen | grep 2025-04)"
# Another period, typed in.
term_keys p
term_wait "Choose dates..."
term_keys k Enter
term_wait "From (YYYY-MM-DD"
term_keys 2025-04-01 Enter
term_wait "To (YYYY-MM-DD"
term_keys 2025-04-30 Enter
term_wait "Statistics: 2025-04-01 to 2025-04-30"
term_has "Sessions         2 (1 group, 1 self-study)"
term_lacks "2025-03 █"
# The export, with the same choices as the command.
term_keys e
term_wait "Curriculum in the report"
term_keys Enter
term_wait "Organisation in the report"
term_has "Malmö stad"
term_has "Polisen Syd"
term_keys Enter
term_wait "Include participants' names"
term_keys n
term_wait "Save the report as:"
term_has "$(pwd)/tillit-report-2025-04-01-2025-04-30.xml"
term_keys C-u "$T_TMP/screen.xml" Enter
term_wait "Report written to $T_TMP/screen.xml"
xmllint --noout --schema "$XSD" "$T_TMP/screen.xml" 2>/dev/null || fail "the screen's export does not validate"
grep -qF '<period from="2025-04-01" to="2025-04-30"/>' "$T_TMP/screen.xml" || fail "the screen's export lacks its period"
# Again, for one organisation picked from the list, onto the same file:
# replacing it is asked first (Enter alone: no).
export_polisen_onto_screen_xml() {
  term_keys e
  term_wait "Curriculum in the report"
  term_keys Enter
  term_wait "Organisation in the report"
  term_keys j j Enter
  term_wait "Include participants' names"
  term_keys n
  term_wait "Save the report as:"
  term_keys C-u "$T_TMP/screen.xml" Enter
  term_wait "The file exists. Replace it?"
  term_keys "$1"
}
export_polisen_onto_screen_xml Enter
sleep 0.3
grep -qF '<scope organisation=' "$T_TMP/screen.xml" && fail "the file was replaced though not confirmed"
export_polisen_onto_screen_xml y
term_wait "Report written to $T_TMP/screen.xml"
grep -qF '<scope organisation="Polisen Syd" names="false"/>' "$T_TMP/screen.xml" || fail "the picked organisation is not the report's scope"
# A wrong date is asked again with what was typed kept to correct (the
# period is not thrown away); an end before the start asks for the end
# again. A date given in advance is replaced by the first key typed, and
# kept for editing by Backspace.
term_keys p
term_wait "Choose dates..."
term_keys k Enter
term_wait "From (YYYY-MM-DD, empty: the first record): 2025-04-01"
term_keys "2025-13-01" Enter
term_wait "'2025-13-01' is not a date (YYYY-MM-DD): correct it, or Esc."
term_has "From (YYYY-MM-DD, empty: the first record): 2025-13-01"
term_keys BSpace BSpace BSpace BSpace BSpace "03-01" Enter
term_wait "To (YYYY-MM-DD, empty: the last record): 2025-04-30"
term_keys "2025-02-01" Enter
term_wait "2025-02-01 is before 2025-03-01, the start: give another end, or Esc."
term_keys "2025-03-31" Enter
term_wait "Statistics: 2025-03-01 to 2025-03-31"
term_has "Sessions         1"
term_keys q
term_wait "> Statistics and export"
term_keys q
term_wait "EXIT=0"

# A month without sessions between two with some is in the chart, empty:
# a session in June leaves May as a row of its own with 0.
sqlite3 "$TILLIT_DB" "INSERT INTO training_session (id, uuid, kind, curriculum_id, curriculum_version, content_hash,
  date, start_time, end_time) VALUES (4, '${U}304', 'group', 'thai-massage-parlours', '1', '0123456789abcdef',
  '2025-06-05', '09:00', '11:00');
INSERT INTO attendance (session_id, participant_id, status) VALUES (4, 1, 'present');" || fail "cannot add June"
"$TILLIT" stats > "$T_TMP/gap" 2>&1 || fail "stats with a gap exited $?"
months=$(grep -oE "^ *2025-0[3-6]" "$T_TMP/gap" | tr -d ' ' | tr '\n' ' ')
[ "$months" = "2025-03 2025-04 2025-05 2025-06 " ] || fail "months in the chart: '$months': $(cat "$T_TMP/gap")"
grep -qE "^ *2025-05 +0$" "$T_TMP/gap" || fail "May is not shown empty: $(grep 2025-05 "$T_TMP/gap")"
term_finish
