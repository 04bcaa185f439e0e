# A full disk: the database lives on a small tmpfs that is filled up while
# a checklist run is open. The answer given then is refused on screen with
# the reason ("Not saved: ... full"), the screen keeps the last saved state,
# the program goes on; once there is room again the next answer is saved.
# Every answer saved before the disk filled is still there, the database is
# intact, and a case summary written to the full disk fails with a message
# and leaves no partial file. Opening another database on the full disk
# ends with exit 74 and the system's reason. Needs root (mount); skipped
# with a message otherwise.
. tests/term/lib.sh
DISK="$T_TMP/disk"
mkdir -p "$DISK"
if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=1m,mode=0700 tmpfs "$DISK" 2>/dev/null; then
  echo "  skipped: mounting a small tmpfs needs root"
  rm -rf "$T_TMP"
  exit 0
fi
cleanup() { tm kill-server 2>/dev/null; sleep 0.2; umount "$DISK" 2>/dev/null; }
trap cleanup EXIT
TILLIT_DB="$DISK/tillit.db"
db() { sqlite3 "$TILLIT_DB" "$1"; }
fill_disk() { dd if=/dev/zero of="$DISK/filler" bs=4k > /dev/null 2>&1; sync; }

term_start 80 24 check trafficking-indicators
term_wait "No runs of this checklist yet."
term_keys Enter
term_wait "Case reference (no personal data):"
term_keys "Case 5" Enter
term_wait "answered 0 of 61"
term_keys y n y
term_wait "answered 3 of 61"

fill_disk
[ "$(df --output=avail "$DISK" | tail -1 | tr -d ' ')" = 0 ] || fail "the disk did not fill up"
term_keys y
term_wait "Not saved:"
term_wait "disk is full"   # (the status line wraps; the reason is at its end)
term_has "answered 3 of 61"
term_has "Indicator 4 of 15 in this section"
# A case summary written to the full disk: refused, no file left behind.
term_keys s
term_wait "Case summary"
term_keys w
term_wait "Write the summary to:"
term_keys C-u "$DISK/summary.txt" Enter
term_wait "Include the notes?"
term_keys n
term_wait "No space left on device"
ls "$DISK" | grep -v -e '^tillit\.db' -e '^filler$' | grep -q . && fail "a partial file was left: $(ls "$DISK")"
# Another database on the full disk cannot be made: exit 74 and the reason.
# (the program makes it; `stats` only reads and makes none: 66)
expect 66 "no database" "$TILLIT" --db "$DISK/other.db" stats
script -qec "'$TILLIT' --db '$DISK/other.db'" /dev/null > "$T_TMP/other.out" 2>&1 < /dev/null; got=$?
[ "$got" = 74 ] || fail "a new database on the full disk: exit $got, expected 74: $(tr -d '\r' < "$T_TMP/other.out" | head -3)"
grep -q "full" "$T_TMP/other.out" || fail "a new database on the full disk: no reason: $(head -3 "$T_TMP/other.out")"
[ -e "$DISK/other.db" ] && fail "a database file was left on the full disk"

# Room again: the same answer is saved now.
rm -f "$DISK/filler"
term_keys Escape
term_wait "Indicator 4 of 15 in this section"
term_keys y
term_wait "answered 4 of 61"
term_keys q
term_wait "Start a new run, or resume one"
term_has "4/61 answered"
term_keys q
term_wait "Checklist self-check"
term_keys q
term_wait "EXIT=0"
tm kill-server
[ "$(db "SELECT count(*) FROM checklist_answer")" = 4 ] || fail "answers: $(db "SELECT count(*) FROM checklist_answer")"
[ "$(db "PRAGMA integrity_check")" = ok ] || fail "integrity: $(db "PRAGMA integrity_check")"
[ "$(db "SELECT group_concat(answer, ',') FROM (SELECT answer FROM checklist_answer ORDER BY rowid)")" = "yes,no,yes,yes" ] ||
  fail "answers are $(db "SELECT group_concat(answer, ',') FROM checklist_answer")"
cleanup
trap - EXIT
term_finish
