# An export or a merge stopped by SIGTERM or SIGINT (Ctrl-C) half-way
# leaves nothing behind: no hidden temporary report beside the target, no
# temporary database in $TMPDIR; an earlier report of the same name stays as
# it was, and the exit status says which signal stopped it (128 + signal).
# The database is filled with 4,000 sessions of 10 attendees so that the
# export takes a moment; the signal is sent as soon as the temporary file
# exists. The terminal interface, stopped by a signal, ends cleanly.
. tests/term/lib.sh
export TMPDIR="$T_TMP/tmp"
mkdir -p "$TMPDIR" "$T_TMP/out"
U=00000000-0000-4000-8000-

term_new_db "$TILLIT_DB"
sqlite3 "$TILLIT_DB" <<EOF || fail "cannot fill the database"
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
INSERT INTO organisation (id, uuid, name, type)
  SELECT i, printf('${U}%012d', i), printf('Organisation %d', i), 'police' FROM n WHERE i <= 40;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
INSERT INTO participant (id, uuid, organisation_id, level)
  SELECT i, printf('${U}%012d', 100000 + i), 1 + i % 40, 'operational' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)
INSERT INTO training_session (id, uuid, kind, curriculum_id, curriculum_version, content_hash, date,
  start_time, end_time, trainer, location)
  SELECT i, printf('${U}%012d', 200000 + i), 'group', 'thai-massage-parlours', '1', '0123456789abcdef',
    printf('2025-%02d-%02d', 1 + i % 12, 1 + i % 28), '09:00', '12:00', 'Eva', 'Malmö' FROM n;
INSERT INTO attendance (session_id, participant_id, status)
  SELECT 1 + (id - 1) / 10, id, 'present' FROM participant;
EOF

# stop_when_temp SIGNAL PATTERN CMD...: runs CMD in the background and sends
# SIGNAL once a file matching PATTERN exists; sets GOT to its exit status
# and CAUGHT to 1 when the signal came before CMD had finished.
stop_when_temp() {
  sig=$1; pattern=$2; shift 2
  "$@" > /dev/null 2>&1 &
  pid=$!; CAUGHT=0
  i=0
  while [ $i -lt 3000 ] && kill -0 "$pid" 2> /dev/null; do
    if ls -d $pattern > /dev/null 2>&1; then kill "-$sig" "$pid" && CAUGHT=1; break; fi
    sleep 0.01; i=$((i + 1))
  done
  { wait "$pid"; } 2> /dev/null; GOT=$?
}

"$TILLIT" export -o "$T_TMP/out/report.xml" || fail "the first export exited $?"
cp "$T_TMP/out/report.xml" "$T_TMP/first.xml"
for sig in TERM INT; do
  want=143; [ $sig = INT ] && want=130
  # (a script's background job starts with SIGINT ignored; env gives it back)
  stop_when_temp $sig "$T_TMP/out/.report.xml.*" env --default-signal=INT "$TILLIT" export -o "$T_TMP/out/report.xml"
  if [ $CAUGHT = 1 ]; then
    [ "$GOT" = $want ] || fail "export stopped by SIG$sig exited $GOT, expected $want"
  else
    echo "  note: the export finished before SIG$sig could be sent"
  fi
  [ -z "$(ls -A "$T_TMP/out" | grep -v '^report\.xml$')" ] || fail "SIG$sig left: $(ls -A "$T_TMP/out")"
  cmp -s "$T_TMP/out/report.xml" "$T_TMP/first.xml" || fail "SIG$sig changed the earlier report"
done

stop_when_temp TERM "$TMPDIR/tillit-merge-*/merge.db" "$TILLIT" merge "$T_TMP/first.xml" -o "$T_TMP/out/all.xml"
[ $CAUGHT = 1 ] || echo "  note: the merge finished before SIGTERM could be sent"
[ $CAUGHT = 1 ] && [ "$GOT" != 143 ] && fail "merge stopped by SIGTERM exited $GOT, expected 143"
[ -z "$(ls -A "$TMPDIR")" ] || fail "the merge left in TMPDIR: $(ls -A "$TMPDIR")"
[ -z "$(ls -A "$T_TMP/out" | grep -v '^report\.xml$')" ] || fail "the merge left: $(ls -A "$T_TMP/out")"

# The terminal interface stopped by a signal ends its loop and restores the
# terminal (exit 0: everything was saved as it was given).
for sig in TERM INT HUP; do
  term_start 80 24
  term_wait "Run a training session"
  pid=$(pgrep -P "$(tm display-message -p '#{pane_pid}')" -f "$TILLIT")
  [ -n "$pid" ] && kill "-$sig" "$pid"
  term_wait "EXIT=0"
  tm kill-server
done
term_finish
