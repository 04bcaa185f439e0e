# Hostile files given to the real binary: each gets a clear message and its
# documented exit status, nothing crashes (the ASan build checks memory), and
# nothing on disk changes.
. tests/term/lib.sh


: > "$T_TMP/empty.yaml"
expect 65 "empty.yaml: the file is empty" "$TILLIT" validate "$T_TMP/empty.yaml"

printf 'kind: curriculum\nid: \377\376\n' > "$T_TMP/latin1.yaml"
expect 65 "latin1.yaml:2:5: not valid UTF-8 text" "$TILLIT" validate "$T_TMP/latin1.yaml"

head -c 52428800 /dev/zero | tr '\0' '#' > "$T_TMP/big.yaml"
expect 65 "big.yaml: file too large (52428800 bytes" "$TILLIT" validate "$T_TMP/big.yaml"

awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "" }' > "$T_TMP/deep.yaml"
expect 65 "deep.yaml:1:33: nesting deeper than 32 levels" "$TILLIT" validate "$T_TMP/deep.yaml"

{ echo 'a: &a ["x","x","x","x","x","x","x","x","x"]'
  for l in b c d e f g h i; do
    p=$(printf '%s' "$l" | tr 'b-i' 'a-h')
    echo "$l: &$l [*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p]"
  done; } > "$T_TMP/bomb.yaml"
expect 65 "bomb.yaml:1:4: anchors (&a) are not allowed" "$TILLIT" validate "$T_TMP/bomb.yaml"

printf '\0\0\0binary\0' > "$T_TMP/nul.yaml"
"$TILLIT" validate "$T_TMP/nul.yaml" > /dev/null 2>&1; [ $? = 65 ] || fail "binary file: not 65"

# A truncated database: refused, unchanged.
term_start 80 24 --db "$T_TMP/t.db"
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"
tm kill-server
sqlite3 "$T_TMP/t.db" "PRAGMA journal_mode=DELETE; CREATE TABLE pad(x); INSERT INTO pad SELECT randomblob(4000) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<50) SELECT i FROM n);" > /dev/null
truncate -s 16384 "$T_TMP/t.db"
cp "$T_TMP/t.db" "$T_TMP/t.orig"
term_start 80 24 --db "$T_TMP/t.db"
term_wait "truncated"
term_wait "EXIT=65"
tm kill-server
cmp -s "$T_TMP/t.db" "$T_TMP/t.orig" || fail "the truncated database was changed"

# A database with damaged pages inside (whole length, valid header): the
# statistics and the export stop with exit 65 and SQLite's reason, write no
# report, and change nothing; the statistics screen says so and goes on.
term_new_db "$T_TMP/m.db"
sqlite3 "$T_TMP/m.db" "INSERT INTO organisation (uuid, name, type) SELECT printf('u%d', i), printf('Organisation %d %s', i, hex(randomblob(60))), 'police' FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<400) SELECT i FROM n); INSERT INTO participant (uuid, organisation_id, level) SELECT printf('p%d', id), id, 'strategic' FROM organisation;"
pages=$(sqlite3 "$T_TMP/m.db" "PRAGMA page_count")
for p in $(seq 2 3 "$pages"); do   # a b-tree page type no page has, and garbage after it
  printf '\033\377\377\377\377\377\377\377' | dd of="$T_TMP/m.db" bs=1 seek=$(((p - 1) * 4096)) conv=notrunc 2> /dev/null
done
cp "$T_TMP/m.db" "$T_TMP/m.orig"
expect 65 "malformed" "$TILLIT" --db "$T_TMP/m.db" stats
expect 65 "malformed" "$TILLIT" --db "$T_TMP/m.db" export -o "$T_TMP/m.xml"
[ -e "$T_TMP/m.xml" ] && fail "an export of a damaged database left a report"
term_start 80 24 --db "$T_TMP/m.db"
term_wait "Run a training session"
term_keys j j j Enter
term_wait "Period of the statistics"
term_keys j j j Enter
term_wait "Cannot read the statistics"
term_wait "malformed"
term_keys q
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"
tm kill-server
cmp -s "$T_TMP/m.db" "$T_TMP/m.orig" || fail "the damaged database was changed"

# A database folder the user may not enter.
if command -v setpriv >/dev/null && [ "$(id -u)" = 0 ]; then
  mkdir -m 0700 "$T_TMP/private"
  chmod 0755 "$T_TMP"
  term_install_public # nobody may not enter the checkout
  setpriv --reuid=nobody --regid=nogroup --clear-groups env TILLIT_DB="$T_TMP/private/x.db" \
    script -qec "$T_PUBLIC_TILLIT" /dev/null > "$T_TMP/priv.out" 2>&1 < /dev/null; got=$?
  [ "$got" = 73 ] || fail "folder without permission: exit $got, expected 73"
  grep -q "Permission denied" "$T_TMP/priv.out" || fail "folder without permission: $(head -c 200 "$T_TMP/priv.out")"
  [ -e "$T_TMP/private/x.db" ] && fail "a database was created in the private folder"
fi
term_finish
