# Export while another process writes: a writer keeps adding, one
# transaction at a time, a session with its five attendances, a minute of
# module progress to an earlier session and a checklist run, while tillit
# exports again and again. Every report is one snapshot: its totals, its
# months and what it lists count the rows of the same moment (five
# attendances per session, the listed progress adds up to the study time,
# the checklist counts to the runs in the totals), every report is valid
# for the schema, and neither side fails with "database is locked". A last
# export, after the writer stops, counts exactly the rows in the database.
. tests/term/lib.sh

db="$T_TMP/site.db"
term_new_db "$db" # the database, schema and all

# 1,500 sessions of five attendances each: enough for an export to take a
# while, so that the writer's commits land in the middle of it.
sqlite3 "$db" ".timeout 10000" "
  INSERT INTO organisation (id, uuid, name, type) VALUES (1, 'org-1', 'Polisen Syd', 'police');
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
  INSERT INTO participant (id, uuid, organisation_id, level)
    SELECT i, printf('00000003-0000-4000-8000-%012d', i), 1, 'operational' FROM n;
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)
  INSERT INTO training_session (id, uuid, kind, curriculum_id, curriculum_version, content_hash, date,
                                start_time, end_time)
    SELECT i, printf('00000002-0000-4000-8000-%012d', i), 'group', 'course-a', '1', '0123456789abcdef',
           printf('2026-%02d-%02d', 1 + i % 12, 1 + i % 28), '09:00', '10:00' FROM n;
  INSERT INTO attendance (session_id, participant_id, status)
    SELECT s.id, p.id, 'present' FROM training_session s JOIN participant p ON p.id % 10 = s.id % 10;" ||
  fail "could not fill the database"

# The writer: one session and its five attendances per transaction, until
# told to stop; every failure (a locked database included) is logged.
writer() {
  i=0
  while [ ! -e "$T_TMP/stop" ]; do
    i=$((i + 1))
    uuid=$(printf '00000009-0000-4000-8000-%012d' "$i")
    sqlite3 "$db" ".timeout 10000" "BEGIN IMMEDIATE;
      INSERT INTO training_session (uuid, kind, curriculum_id, curriculum_version, content_hash, date,
                                    start_time, end_time)
        VALUES ('$uuid', 'group', 'course-a', '1', '0123456789abcdef', '2026-06-15', '13:00', '14:00');
      INSERT INTO attendance (session_id, participant_id, status)
        SELECT s.id, p.id, 'present' FROM training_session s, participant p
        WHERE s.uuid = '$uuid' AND p.id <= 5;
      INSERT INTO module_progress (session_id, participant_id, module_id, page, pages_total, seconds_spent)
        SELECT session_id, participant_id, 'writer-$i', 1, 5, 60 FROM attendance
        WHERE session_id = 1 + $i % 1500 LIMIT 1;
      INSERT INTO checklist_run (uuid, checklist_id, checklist_version, content_hash, case_ref, outcome_id,
                                 created_at)
        VALUES ('$uuid', 'ilo', '1', 'h', 'case', 'signs', '2026-06-15T10:00:00Z');
      COMMIT;" >> "$T_TMP/writer.log" 2>&1 || echo "writer: transaction $i failed" >> "$T_TMP/writer.log"
  done
  echo "$i" > "$T_TMP/writes"
}
writer &
writer_pid=$!

attr() { sed -n "s/.*<$2 [^>]*\\b$3=\"\\([0-9]*\\)\".*/\\1/p" "$1" | head -1; }
month_sum() { sed -n 's/.*<month month="[^"]*" sessions="\([0-9]*\)".*/\1/p' "$1" | awk '{s += $1} END {print s + 0}'; }
# Seconds of the PT<h>H<m>M<s>S durations given on standard input, summed.
seconds() { sed 's/PT\([0-9]*\)H\([0-9]*\)M\([0-9]*\)S/\1 \2 \3/' | awk '{s += $1 * 3600 + $2 * 60 + $3} END {print s + 0}'; }

# Checks that report $1 counts one moment's rows; $2: what to call it.
consistent() {
  r=$1
  sessions=$(attr "$r" totals sessions); atts=$(attr "$r" totals attendances)
  listed=$(grep -c '<session ' "$r"); attendees=$(grep -c '<attendee ' "$r")
  [ -n "$sessions" ] && [ "$sessions" -ge 1500 ] || fail "$2: totals say '$sessions' sessions"
  [ "$listed" = "$sessions" ] || fail "$2: $listed sessions listed, totals say $sessions"
  [ "$attendees" = "$atts" ] || fail "$2: $attendees attendees listed, totals say $atts attendances"
  [ "$atts" = $((sessions * 5)) ] || fail "$2: $atts attendances for $sessions sessions of five"
  [ "$(month_sum "$r")" = "$sessions" ] || fail "$2: the months add up to $(month_sum "$r"), not $sessions"
  study=$(sed -n 's/.*<totals [^>]*studyTime="\([^"]*\)".*/\1/p' "$r" | seconds)
  listed_study=$(sed -n 's/.*<progress [^>]*timeSpent="\([^"]*\)".*/\1/p' "$r" | seconds)
  [ "$listed_study" = "$study" ] || fail "$2: the progress listed adds up to ${listed_study}s, totals say ${study}s"
  runs=$(attr "$r" totals checklistRuns)
  counted=$(sed -n 's/.*<checklist id="[^"]*" runs="\([0-9]*\)".*/\1/p' "$r" | awk '{s += $1} END {print s + 0}')
  [ "$counted" = "$runs" ] || fail "$2: checklist use counts $counted runs, totals say $runs"
  xmllint --noout --schema export/tillit-report.xsd "$r" 2> "$T_TMP/xmllint" ||
    fail "$2: not valid: $(head -3 "$T_TMP/xmllint")"
}

n=1
while [ $n -le 6 ]; do
  before=$(sqlite3 "$db" ".timeout 10000" "SELECT count(*) FROM training_session")
  "$TILLIT" --db "$db" export -o "$T_TMP/r$n.xml" > "$T_TMP/export.out" 2>&1 ||
    fail "export $n failed: $(head -3 "$T_TMP/export.out")"
  after=$(sqlite3 "$db" ".timeout 10000" "SELECT count(*) FROM training_session")
  consistent "$T_TMP/r$n.xml" "export $n"
  sessions=$(attr "$T_TMP/r$n.xml" totals sessions)
  [ "$sessions" -ge "$before" ] && [ "$sessions" -le "$after" ] ||
    fail "export $n: $sessions sessions, outside the $before..$after that existed while it ran"
  n=$((n + 1))
done

touch "$T_TMP/stop"
wait "$writer_pid"
[ "$(cat "$T_TMP/writes")" -ge 2 ] || fail "the writer wrote nothing while the exports ran"
grep -q . "$T_TMP/writer.log" && fail "the writer failed: $(head -3 "$T_TMP/writer.log")"
grep -qi "locked" "$T_TMP/export.out" && fail "an export met a locked database"

# At rest, the report counts exactly what is stored.
"$TILLIT" --db "$db" export -o "$T_TMP/last.xml" || fail "the last export failed"
consistent "$T_TMP/last.xml" "the last export"
stored=$(sqlite3 "$db" "SELECT count(*) FROM training_session")
[ "$(attr "$T_TMP/last.xml" totals sessions)" = "$stored" ] ||
  fail "the last export counts $(attr "$T_TMP/last.xml" totals sessions) sessions, the database $stored"
term_finish
