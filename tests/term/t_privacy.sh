# Data protection from the command line (docs/privacy.md): a participant
# entered in the program is forgotten after a confirmation typed on the
# terminal, and then neither the database nor its WAL holds the name
# (strings) and `tillit stats` shows the same numbers; the register extract;
# purge with its dry run; a purge killed with kill -9 leaves all or nothing;
# the access log refuses the sqlite3 shell; exit codes 64, 66, 73; a
# group's shared folder gives 0660 files.
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }

# ---- a participant entered in the program ----
term_group_session 100 30 2026-11-26
term_add_new_attendee "Greta Lindqvist" "Kommunen"
term_wait "Attendees (1)"
term_keys q
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"
tm kill-server
"$TILLIT" stats > "$T_TMP/stats.before" 2>&1 || fail "stats failed"
grep -q "Greta" "$TILLIT_DB" "$TILLIT_DB-wal" 2>/dev/null || fail "the name is not in the database: test set-up"

# ---- forget: a typed confirmation on a terminal; anything but yes changes nothing ----
term_start 100 30 forget greta
term_wait "Type 'yes' to go on:"
term_keys "no" Enter
term_wait "Nothing was changed."
term_wait "EXIT=0"
tm kill-server
[ "$(db "SELECT count(*) FROM participant WHERE name = 'Greta Lindqvist'")" = 1 ] || fail "'no' changed the participant"
term_start 100 30 forget greta
term_wait "Greta Lindqvist, Kommunen"
term_has "Removed: the name"
term_wait "Type 'yes' to go on:"
term_keys "yes" Enter
term_wait "The participant was anonymised."
term_wait "EXIT=0"
tm kill-server
for f in "$TILLIT_DB" "$TILLIT_DB-wal"; do
  [ -e "$f" ] || continue
  strings "$f" | grep -q "Greta" && fail "'Greta' is still in $f"
done
"$TILLIT" stats > "$T_TMP/stats.after" 2>&1
cmp -s "$T_TMP/stats.before" "$T_TMP/stats.after" || fail "stats changed: $(diff "$T_TMP/stats.before" "$T_TMP/stats.after")"
expect 0 "forget" "$TILLIT" log --kind forget
grep -q "Greta" "$T_TMP/out" && fail "the log names the participant"

# ---- the register extract, by the id now that the name is gone ----
uuid=$(db "SELECT uuid FROM participant")
expect 0 "register extract" "$TILLIT" extract "$uuid" -o "$T_TMP/extract.txt"
[ "$(stat -c %a "$T_TMP/extract.txt")" = 600 ] || fail "extract.txt is not 0600"
[ "$(stat -c %a "$T_TMP/extract.xml")" = 600 ] || fail "extract.xml is not 0600"
grep -q "2026-11-26" "$T_TMP/extract.txt" || fail "the extract lacks the session"
grep -q "A copy of personal data" "$T_TMP/extract.txt" || fail "the extract lacks the notice"
xmllint --noout --schema export/tillit-extract.xsd "$T_TMP/extract.xml" 2>"$T_TMP/xsd" || fail "extract.xml: $(cat "$T_TMP/xsd")"
expect 66 "no participant matches 'Nobody'" "$TILLIT" extract Nobody -o "$T_TMP/x.txt"
expect 73 "cannot create the extract there" "$TILLIT" extract "$uuid" -o "$T_TMP/no/such/x.txt"
expect 66 "no participant matches" "$TILLIT" forget Nobody --yes
expect 64 "give --yes" "$TILLIT" forget "$uuid"

# ---- retention and purge ----
db "INSERT INTO training_session (uuid, kind, curriculum_id, curriculum_version, content_hash, date, start_time)
    VALUES ('old-1', 'group', 'c', '1', 'h', '2015-02-03', '09:00');
    INSERT INTO checklist_run (uuid, checklist_id, checklist_version, content_hash, case_ref, updated_at)
    VALUES ('run-old', 'cl', '1', 'h', 'x', '2015-01-01T00:00:00Z');"
expect 0 "training         3y" "$TILLIT" retention training 3y
expect 0 "checklist-runs   2y" "$TILLIT" retention checklist-runs 2y
expect 64 "not a retention period" "$TILLIT" retention training 3w
expect 64 "not a kind of record" "$TILLIT" retention people 3y
expect 0 "training sessions:   1" "$TILLIT" purge --dry-run
[ "$(db "SELECT count(*) FROM training_session")" = 2 ] || fail "the dry run deleted"
expect 64 "give --yes" "$TILLIT" purge
expect 0 "Deleted:" "$TILLIT" purge --yes --vacuum
[ "$(db "SELECT count(*) FROM training_session WHERE uuid = 'old-1'")" = 0 ] || fail "purge kept the old session"
[ "$(db "SELECT count(*) FROM checklist_run")" = 0 ] || fail "purge kept the old run"
"$TILLIT" stats > "$T_TMP/stats.purged" 2>&1
cmp -s "$T_TMP/stats.before" "$T_TMP/stats.purged" || fail "stats of the kept session changed"

# ---- the access log cannot be edited with the sqlite3 shell ----
n=$(db "SELECT count(*) FROM access_log")
db "UPDATE access_log SET os_user = 'someone else'" 2>"$T_TMP/upd" && fail "the shell changed a log entry"
grep -q "append-only" "$T_TMP/upd" || fail "UPDATE refused without the reason: $(cat "$T_TMP/upd")"
db "DELETE FROM access_log" 2>/dev/null && fail "the shell deleted log entries"
[ "$(db "SELECT count(*) FROM access_log")" = "$n" ] || fail "the log lost entries"
expect 0 "retention-set" "$TILLIT" log --user "$(id -un)" --from 2026-01-01
expect 64 "not a kind of log entry" "$TILLIT" log --kind nonsense

# ---- kill -9 in the middle of a purge: all or nothing ----
db "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
    INSERT INTO training_session (uuid, kind, curriculum_id, curriculum_version, content_hash, date, start_time,
    description) SELECT 'bulk-' || i, 'group', 'c', '1', 'h', '2016-01-01', '09:00', hex(randomblob(200)) FROM n;"
"$TILLIT" purge --yes > /dev/null 2>&1 &
pid=$!
# Killed once the purge has begun writing to the WAL (or has finished).
i=0
while [ $i -lt 2000 ] && kill -0 $pid 2>/dev/null && [ "$(stat -c %s "$TILLIT_DB-wal" 2>/dev/null || echo 0)" -lt 100000 ]; do
  i=$((i + 1)); sleep 0.01
done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
left=$(db "SELECT count(*) FROM training_session WHERE uuid LIKE 'bulk-%'")
[ "$left" = 0 ] || [ "$left" = 20000 ] || fail "a killed purge left $left of 20000 sessions"
[ "$(db "PRAGMA integrity_check")" = ok ] || fail "the database is damaged after kill -9"

# ---- a read-only database: 73 and unchanged ----
if command -v setpriv >/dev/null && [ "$(id -u)" = 0 ]; then
  mkdir -m 0755 "$T_TMP/ro"
  cp "$TILLIT_DB" "$T_TMP/ro/ro.db"; chmod 0644 "$T_TMP/ro/ro.db"; chmod 0755 "$T_TMP"
  cp "$T_TMP/ro/ro.db" "$T_TMP/ro.orig"
  term_install_public # nobody may not enter the checkout
  for cmd in "forget $uuid --yes" "purge --yes" "retention training 1y"; do
    setpriv --reuid=nobody --regid=nogroup --clear-groups "$T_PUBLIC_TILLIT" --db "$T_TMP/ro/ro.db" $cmd \
      > "$T_TMP/ro.out" 2>&1 < /dev/null; got=$?
    [ "$got" = 73 ] || fail "$cmd on a read-only database: exit $got: $(head -3 "$T_TMP/ro.out")"
  done
  cmp -s "$T_TMP/ro/ro.db" "$T_TMP/ro.orig" || fail "the read-only database was changed"
fi

# ---- a database that is not there is missing input, and none is made ----
for cmd in log "purge --dry-run" "forget Greta --yes" "extract Greta -o $T_TMP/x.txt" retention; do
  expect 66 "no database at" "$TILLIT" --db "$T_TMP/typo.db" $cmd
done
[ -e "$T_TMP/typo.db" ] && fail "a command made the missing database"

# ---- a group's shared folder ----
mkdir "$T_TMP/shared"; chmod 2770 "$T_TMP/shared"
(umask 077; "$TILLIT" --db "$T_TMP/shared/site.db" retention training 3y > /dev/null 2>&1) || fail "cannot create in the shared folder"
[ "$(stat -c %a "$T_TMP/shared/site.db")" = 660 ] || fail "shared folder: site.db is $(stat -c %a "$T_TMP/shared/site.db")"
mkdir "$T_TMP/private"
"$TILLIT" --db "$T_TMP/private/site.db" retention training 3y > /dev/null 2>&1
[ "$(stat -c %a "$T_TMP/private/site.db")" = 600 ] || fail "private folder: site.db is not 0600"
term_finish
