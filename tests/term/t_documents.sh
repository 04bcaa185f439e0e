# After a session: `tillit attendance` and `tillit certificate` write the
# attendance list and the certificates of participation as files, plain
# text and HTML, in Swedish and in English, compared with golden files
# (tests/fixtures/documents/; a difference is shown). Scores only with
# --with-scores; files 0600; a session named by date or id; exit codes for
# a missing session (66), several on one date (64), a missing folder (73).
. tests/term/lib.sh
U=00000000-0000-4000-8000-000000000
G=tests/fixtures/documents

term_new_db "$TILLIT_DB"
sqlite3 "$TILLIT_DB" <<EOF || fail "cannot fill the database"
INSERT INTO organisation (id, uuid, name, type) VALUES (1, '${U}101', 'Malmö stad', 'social_services'),
  (2, '${U}102', 'Polisen <Syd> & co', 'police');
INSERT INTO participant (id, uuid, name, organisation_id, level) VALUES
  (1, '${U}201', 'Åsa Öberg', 1, 'operational'), (2, '${U}202', NULL, 2, 'strategic'),
  (3, '${U}203', 'Bo Ek', 2, 'operational');
INSERT INTO training_session (id, uuid, kind, curriculum_id, curriculum_version, content_hash,
  date, start_time, end_time, trainer, location) VALUES
  (1, 'abcdef01-0000-4000-8000-000000000301', 'group', 'example-course', '1', '0123456789abcdef',
   '2025-05-06', '09:00', '12:00', 'Eva Lind', 'Lund'),
  (2, 'abcdef02-0000-4000-8000-000000000302', 'group', 'example-course', '1', '0123456789abcdef',
   '2025-05-07', '09:00', NULL, NULL, NULL),
  (3, 'abcdef03-0000-4000-8000-000000000303', 'group', 'example-course', '1', '0123456789abcdef',
   '2025-05-07', '13:00', NULL, NULL, NULL);
INSERT INTO attendance (session_id, participant_id, status, minutes) VALUES
  (1, 1, 'present', NULL), (1, 2, 'left_early', 95), (1, 3, 'absent', NULL);
INSERT INTO module_progress (session_id, participant_id, module_id, page, pages_total, completed_at) VALUES
  (1, 1, 'signs', 1, 2, '2025-05-06T11:00:00Z'), (1, 1, 'law', 0, 1, '2025-05-06T10:00:00Z'),
  (1, 2, 'law', 0, 1, '2025-05-06T10:00:00Z');
INSERT INTO check_attempt (uuid, session_id, participant_id, check_id, phase, attempt_no, finished_at,
  score, max_score, passed) VALUES
  ('${U}401', 1, 1, 'pre_post', 'pre', 1, '2025-05-06T09:10:00Z', 1, 4, 0),
  ('${U}402', 1, 1, 'pre_post', 'post', 1, '2025-05-06T11:50:00Z', 3, 4, 1);
EOF
C="--content tests/fixtures/content"

# Compares a written file with its golden file.
# T_UPDATE_GOLDEN=1 writes what the program made as the new golden file
# (then read the diff before committing it).
golden() {
  [ -n "${T_UPDATE_GOLDEN:-}" ] && cp "$1" "$G/$2"
  cmp -s "$1" "$G/$2" || fail "$2 differs: $(diff "$G/$2" "$1" | head -20)"
}

for lang in sv en; do
  mkdir -p "$T_TMP/$lang"
  "$TILLIT" --lang $lang $C attendance 2025-05-06 -o "$T_TMP/$lang/attendance.txt" || fail "attendance $lang exited $?"
  "$TILLIT" --lang $lang $C attendance abcdef01 -o "$T_TMP/$lang/attendance.html" || fail "attendance.html $lang exited $?"
  "$TILLIT" --lang $lang $C certificate 2025-05-06 -o "$T_TMP/$lang" || fail "certificate $lang exited $?"
  for f in attendance.txt attendance.html certificate-01.txt certificate-01.html certificate-02.txt \
    certificate-02.html; do
    golden "$T_TMP/$lang/$f" "$lang-$f"
  done
  # the absent one gets no certificate; nobody's scores unless asked
  [ -e "$T_TMP/$lang/certificate-03.txt" ] && fail "$lang: a certificate for someone absent"
  grep -q "%" "$T_TMP/$lang/certificate-01.txt" && fail "$lang: scores without --with-scores"
done
[ "$(stat -c %a "$T_TMP/sv/certificate-01.txt")" = 600 ] || fail "a certificate is not 0600"
[ "$(stat -c %a "$T_TMP/sv/attendance.txt")" = 600 ] || fail "the attendance list is not 0600"
mkdir "$T_TMP/scores"
"$TILLIT" --lang sv $C certificate abcdef01-0000 --attendee 1 --with-scores -o "$T_TMP/scores" ||
  fail "certificate --with-scores exited $?"
grep -qF "Kunskapstest före utbildningen: 25 %, efter: 75 %." "$T_TMP/scores/certificate-01.txt" ||
  fail "no scores with --with-scores: $(cat "$T_TMP/scores/certificate-01.txt")"
[ "$(ls "$T_TMP/scores")" = "certificate-01.html
certificate-01.txt" ] || fail "--attendee 1 wrote $(ls "$T_TMP/scores")"
expect 0 "Åsa Öberg, Malmö stad: present" "$TILLIT" $C attendance 2025-05-06

# Both name people: the access log says each was written, of which session,
# and never who is on it.
"$TILLIT" $C log --kind document-with-names > "$T_TMP/log" || fail "tillit log exited $?"
grep -q "attendance list of session abcdef01-0000" "$T_TMP/log" || fail "no log entry for the list: $(cat "$T_TMP/log")"
grep -q "1 certificate(s) of session abcdef01-0000" "$T_TMP/log" || fail "no log entry for a certificate: $(cat "$T_TMP/log")"
grep -q "Öberg" "$T_TMP/log" && fail "a name in the access log"

expect 66 "no group session 2025-05-08" "$TILLIT" attendance 2025-05-08
expect 64 "2 sessions match 2025-05-07" "$TILLIT" attendance 2025-05-07
expect 66 "no attendee 7" "$TILLIT" certificate 2025-05-06 --attendee 7 -o "$T_TMP"
expect 66 "nobody took part" "$TILLIT" certificate abcdef02 -o "$T_TMP"
expect 73 "not a folder" "$TILLIT" certificate 2025-05-06 -o "$T_TMP/missing"
expect 64 "needs -o DIR" "$TILLIT" certificate 2025-05-06
expect 64 "needs the session" "$TILLIT" attendance
expect 64 "names no session" "$TILLIT" attendance x
expect 66 "no database" "$TILLIT" --db "$T_TMP/none.db" attendance 2025-05-06
[ -e "$T_TMP/none.db" ] && fail "attendance made a database"
term_finish
