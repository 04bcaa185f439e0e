# The command line without a terminal: validate, usage, exit codes, and bad
# databases refused with a clear message and no change on disk.
. tests/term/lib.sh

expect 0 "3 files valid" "$TILLIT" validate
expect 0 "Usage: tillit" "$TILLIT" --help
expect 0 "tillit 0." "$TILLIT" --version
expect 64 "unknown command 'frobnicate'" "$TILLIT" frobnicate
expect 64 "unknown option '--colour'" "$TILLIT" --colour
expect 64 "--lang must be sv or en" "$TILLIT" --lang de validate
expect 66 "no/such.yaml" "$TILLIT" validate no/such.yaml
# Without a terminal the plain interface answers (tests/term/t_plain.sh); at
# the end of the input it ends with 0.

# The malformed catalogue: exit 65 and file:line:col on every line.
"$TILLIT" validate tests/fixtures/bad > "$T_TMP/bad" 2>&1; got=$?
[ "$got" = 65 ] || fail "validate of the catalogue exited $got"
grep -v -E '^tests/fixtures/bad/[0-9][0-9]-[a-z0-9-]+\.(yaml|yml):([0-9]+:[0-9]+: |[^0-9])|^tillit: ' "$T_TMP/bad" |
  grep -q . && fail "lines without file:line:col: $(grep -v -E '^tests/fixtures/bad/' "$T_TMP/bad" | head -3)"

# Bad databases: refused before curses starts, file left as it was.
printf 'not a database\n' > "$T_TMP/text.db"
cp "$T_TMP/text.db" "$T_TMP/text.orig"
term_start 80 24 --db "$T_TMP/text.db"
term_wait "not a tillit database"
term_wait "EXIT=65"
tm kill-server
cmp -s "$T_TMP/text.db" "$T_TMP/text.orig" || fail "the foreign file was changed"

sqlite3 "$T_TMP/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
cp "$T_TMP/other.db" "$T_TMP/other.orig"
term_start 80 24 --db "$T_TMP/other.db"
term_wait "an SQLite database of another program"
term_wait "EXIT=65"
tm kill-server
cmp -s "$T_TMP/other.db" "$T_TMP/other.orig" || fail "the other program's database was changed"

term_start 80 24 --db "$T_TMP/missing/dir/x.db"
term_wait "cannot create database"
term_wait "EXIT=73"
tm kill-server

# A read-only database, for a user who may read but not write it.
if command -v setpriv >/dev/null && [ "$(id -u)" = 0 ]; then
  mkdir -m 0755 "$T_TMP/ro"
  term_start 80 24 --db "$T_TMP/ro/ro.db"
  term_wait "Run a training session"
  term_keys q
  term_wait "EXIT=0"
  tm kill-server
  chmod 0644 "$T_TMP/ro/ro.db"
  chmod 0755 "$T_TMP"
  cp "$T_TMP/ro/ro.db" "$T_TMP/ro.orig"
  term_install_public # nobody may not enter the checkout
  setpriv --reuid=nobody --regid=nogroup --clear-groups env TILLIT_DB="$T_TMP/ro/ro.db" \
    script -qec "$T_PUBLIC_TILLIT" /dev/null > "$T_TMP/ro.out" 2>&1 < /dev/null; got=$?
  [ "$got" = 73 ] || fail "read-only database: exit $got, expected 73: $(tr -d '\r' < "$T_TMP/ro.out" | head -3)"
  grep -q "read-only" "$T_TMP/ro.out" || fail "read-only database: no clear message: $(head -3 "$T_TMP/ro.out")"
  cmp -s "$T_TMP/ro/ro.db" "$T_TMP/ro.orig" || fail "the read-only database was changed"
fi
term_finish
