# A typo never gives an empty report with exit 0: `stats` and `export` on a
# database path that does not exist exit 66 and make no file; an
# organisation or curriculum that matches nothing exits 66 and names the
# closest; a name typed in other case (or without its accents) matches as
# the collation says. `stats FILE.xml` shows a report's statistics, or those
# of reports merged.
. tests/term/lib.sh
U=00000000-0000-4000-8000-000000000

# ---- a database path that names nothing: 66, nothing made ----
for cmd in stats "export -o $T_TMP/none.xml"; do
  # shellcheck disable=SC2086
  expect 66 "no database at $T_TMP/typo.db" "$TILLIT" --db "$T_TMP/typo.db" $cmd
  [ -e "$T_TMP/typo.db" ] && fail "'$cmd' made a database"
done
[ -e "$T_TMP/none.xml" ] && fail "export wrote a report without a database"
expect 66 "no database at $TILLIT_DB" "$TILLIT" stats
[ -e "$TILLIT_DB" ] && fail "stats made the default database"
expect 66 "no database at $T_TMP/no/such/dir/x.db" "$TILLIT" --db "$T_TMP/no/such/dir/x.db" export
[ -e "$T_TMP/no" ] && fail "export made a folder for a database"

# ---- names that match nothing ----
term_new_db "$TILLIT_DB"
expect 66 'no organisation is called "Malmö stad": the database has none yet' \
  "$TILLIT" stats --organisation "Malmö stad"
sqlite3 "$TILLIT_DB" <<EOF || fail "cannot fill the database"
INSERT INTO organisation (id, uuid, name, type) VALUES
  (1, '${U}101', 'Malmö stad', 'social_services'), (2, '${U}102', 'Polisen Syd', 'police'),
  (3, '${U}103', 'Malmö Kommun', 'other_authority'), (4, '${U}104', 'Länsstyrelsen Skåne', 'other_authority'), (5, '${U}105', 'Café Lotus', 'ngo');
INSERT INTO participant (id, uuid, name, organisation_id, level) VALUES
  (1, '${U}201', NULL, 1, 'operational'), (2, '${U}202', NULL, 2, 'operational');
INSERT INTO training_session (id, uuid, kind, curriculum_id, curriculum_version, content_hash,
  date, start_time, end_time) VALUES
  (1, '${U}301', 'group', 'thai-massage-parlours', '1', '0123456789abcdef', '2025-03-10', '09:00', '12:00'),
  (2, '${U}302', 'group', 'old-course', '1', '0123456789abcdef', '2025-04-10', '09:00', '11:00');
INSERT INTO attendance (session_id, participant_id, status) VALUES (1, 1, 'present'), (1, 2, 'present'),
  (2, 2, 'present');
INSERT INTO check_attempt (uuid, session_id, participant_id, check_id, phase, attempt_no, finished_at,
  score, max_score, passed) VALUES
  ('${U}401', 1, 1, 'pre_post', 'pre', 1, '2025-03-10T09:10:00Z', 1, 4, 0),
  ('${U}402', 1, 1, 'pre_post', 'post', 1, '2025-03-10T11:50:00Z', 3, 4, 1);
EOF
expect 66 'no organisation is called "Malmo stad"; the closest: "Malmö stad"' \
  "$TILLIT" stats --organisation "Malmo stad"
expect 66 'the closest: "Polisen Syd"' "$TILLIT" export --organisation "Polisen Sud" -o "$T_TMP/typo.xml"
[ -e "$T_TMP/typo.xml" ] && fail "export wrote a report for an organisation that matches nothing"
expect 66 'no organisation is called "Socialtjänsten", nor anything close to it' \
  "$TILLIT" stats --organisation "Socialtjänsten"
expect 66 'no curriculum has the id "thai-massage-parlour"; the closest: "thai-massage-parlours"' \
  "$TILLIT" stats --curriculum thai-massage-parlour
expect 66 'the closest: "old-course"' "$TILLIT" export --curriculum old-cours
# A curriculum of the content with no session yet is no typo: an empty report.
expect 0 "Sessions         0" "$TILLIT" --content tests/fixtures/content stats --curriculum \
  "$(sed -n 's/^id: *//p' tests/fixtures/content/curricula/*.yaml | head -1)"

# ---- case and accents aside, as the collation: the stored spelling ----
expect 0 "Only the organisation: Malmö stad" "$TILLIT" stats --organisation "MALMÖ STAD"
grep -qF "Participants     1 from 1 organisation" "$T_TMP/out" || fail "MALMÖ STAD: $(cat "$T_TMP/out")"
expect 0 "Only the organisation: Länsstyrelsen Skåne" "$TILLIT" stats --organisation "länsstyrelsen SKÅNE"
expect 0 "Only the organisation: Café Lotus" "$TILLIT" stats --organisation "cafe lotus"
# å, ä and ö are letters of their own, not a with accents.
expect 66 'the closest: "Länsstyrelsen Skåne"' "$TILLIT" stats --organisation "lansstyrelsen skane"
expect 66 'no curriculum has the id "nothing-like-it", nor anything close to it' \
  "$TILLIT" stats --organisation "malmö stad" --curriculum nothing-like-it
"$TILLIT" export --organisation "polisen syd" -o "$T_TMP/polisen.xml" || fail "export of 'polisen syd' exited $?"
grep -qF 'organisation="Polisen Syd"' "$T_TMP/polisen.xml" || fail "the report names not the stored spelling"
grep -qF 'sessions="2"' "$T_TMP/polisen.xml" || fail "the report of 'polisen syd' lacks its sessions"

# ---- stats of a report, and of reports merged ----
"$TILLIT" export --from 2025-03-01 --to 2025-03-31 -o "$T_TMP/march.xml" || fail "export of March exited $?"
"$TILLIT" export --from 2025-04-01 --to 2025-04-30 -o "$T_TMP/april.xml" || fail "export of April exited $?"
expect 0 "Period: 2025-03-01 to 2025-03-31" "$TILLIT" stats "$T_TMP/march.xml"
grep -qF "Sessions         1 (1 group, 0 self-study)" "$T_TMP/out" || fail "stats of a report: $(cat "$T_TMP/out")"
grep -qF "Attendances      2" "$T_TMP/out" || fail "stats of a report: $(cat "$T_TMP/out")"
expect 0 "Period: 2025-03-01 to 2025-04-30" "$TILLIT" stats "$T_TMP/march.xml" "$T_TMP/april.xml"
grep -qF "Sessions         2 (2 group, 0 self-study)" "$T_TMP/out" || fail "stats of two reports: $(cat "$T_TMP/out")"
grep -qF "Participants     2 from 2 organisations" "$T_TMP/out" || fail "stats of two reports: $(cat "$T_TMP/out")"
"$TILLIT" merge "$T_TMP/march.xml" "$T_TMP/april.xml" -o "$T_TMP/spring.xml" || fail "merge exited $?"
"$TILLIT" stats "$T_TMP/spring.xml" > "$T_TMP/merged" 2>&1 || fail "stats of a merged report exited $?"
"$TILLIT" stats > "$T_TMP/direct" 2>&1 || fail "stats exited $?"
grep -v "^Period" "$T_TMP/merged" > "$T_TMP/merged.body"; grep -v "^Period" "$T_TMP/direct" > "$T_TMP/direct.body"
cmp -s "$T_TMP/merged.body" "$T_TMP/direct.body" ||
  fail "a merged report's statistics differ from the database's: $(diff "$T_TMP/merged.body" "$T_TMP/direct.body")"
# Swedish: plural forms by count and a decimal comma.
"$TILLIT" --lang sv stats "$T_TMP/march.xml" > "$T_TMP/sv" 2>&1 || fail "stats in Swedish exited $?"
grep -qF "thai-massage-parlours v1: 1 tillfälle, 2 deltagare, 2 närvarotillfällen" "$T_TMP/sv" ||
  fail "no singular in Swedish: $(cat "$T_TMP/sv")"
grep -qF "25,0" "$T_TMP/sv" && grep -qF "+50,0" "$T_TMP/sv" && ! grep -qF "25.0" "$T_TMP/sv" ||
  fail "no decimal comma in Swedish: $(cat "$T_TMP/sv")"
"$TILLIT" --lang en stats "$T_TMP/march.xml" > "$T_TMP/en" 2>&1 || fail "stats in English exited $?"
grep -qF "thai-massage-parlours v1: 1 session, 2 participants, 2 attendances" "$T_TMP/en" ||
  fail "no singular in English: $(cat "$T_TMP/en")"
grep -qF "pre 25.0, post 75.0, gain +50.0" "$T_TMP/en" || fail "English means: $(cat "$T_TMP/en")"
expect 66 "no/such.xml" "$TILLIT" stats "$T_TMP/march.xml" no/such.xml
printf '<report/>\n' > "$T_TMP/bad.xml"
expect 65 "bad.xml" "$TILLIT" stats "$T_TMP/bad.xml"
expect 64 "does not go with a report file" "$TILLIT" stats --from 2025-01-01 "$T_TMP/march.xml"
term_finish
