# make install into a temporary DESTDIR, then the installation copied to
# another prefix and run from there, from another folder, with no
# environment variable to help: it finds its content (validate), its Swedish
# translation (--lang sv, on screen too) and its report schema (merge), also
# through XDG_DATA_DIRS alone; the installed binary names no build folder;
# both man pages format without a warning and tell what they must; bash
# completion offers the commands, options, ids and languages; make
# uninstall removes every file it installed.
. tests/term/lib.sh
SRC=$(pwd)
BUILD_DIR=$(cd "$(dirname "$TILLIT")" && pwd)
STAGE="$T_TMP/stage"
FILES=$(ls curricula/*.yaml checklists/*.yaml | wc -l)
CHECKLISTS=$(ls checklists/*.yaml | wc -l)
unset TILLIT_CONTENT TILLIT_LOCALEDIR TILLIT_SCHEMA XDG_DATA_DIRS

make --no-print-directory -s install BUILD="$BUILD_DIR" DESTDIR="$STAGE" PREFIX=/opt/tillit \
  > "$T_TMP/install.out" 2>&1 || fail "make install failed: $(tail -5 "$T_TMP/install.out")"
for f in bin/tillit share/tillit/curricula/thai-massage-parlours.yaml \
  share/tillit/checklists/trafficking-indicators.yaml share/tillit/tillit-report.xsd \
  share/locale/sv/LC_MESSAGES/tillit.mo share/man/man1/tillit.1 share/man/man5/tillit-content.5 \
  share/bash-completion/completions/tillit; do
  [ -f "$STAGE/opt/tillit/$f" ] || fail "make install did not install $f"
done

# Another prefix: the staged tree copied elsewhere, run from /.
M="$T_TMP/moved"
cp -a "$STAGE/opt/tillit" "$M"
# XDG_DATA_DIRS names an empty folder, so only the installation's own share/ counts.
export XDG_DATA_DIRS="$T_TMP/empty"
cd /
expect 0 "$FILES files valid" "$M/bin/tillit" validate
expect 0 "$FILES filer är giltiga" "$M/bin/tillit" --lang sv validate
expect 0 "Miljövariabler:" "$M/bin/tillit" --lang sv --help
# A command that only reads makes no database: the program makes it first.
term_new_db "$T_TMP/site.db"
"$M/bin/tillit" --db "$T_TMP/site.db" export -o "$T_TMP/a.xml" 2> "$T_TMP/err" || fail "export: $(cat "$T_TMP/err")"
"$M/bin/tillit" merge "$T_TMP/a.xml" -o "$T_TMP/merged.xml" 2> "$T_TMP/err" || fail "merge: $(cat "$T_TMP/err")"
xmllint --noout --schema "$M/share/tillit/tillit-report.xsd" "$T_TMP/merged.xml" 2> /dev/null ||
  fail "the merged report does not validate"
# merge really validates its input against the installed schema: a report
# that breaks it is refused.
sed 's/<period/<perioder/; s/<\/period>/<\/perioder>/' "$T_TMP/a.xml" > "$T_TMP/bad.xml"
expect 65 "bad.xml:" "$M/bin/tillit" merge "$T_TMP/bad.xml" -o "$T_TMP/m2.xml"
# Without the installation's share/, the data are missing, and said so.
mkdir -p "$T_TMP/lonely/bin"
cp "$M/bin/tillit" "$T_TMP/lonely/bin/"
expect 66 "$T_TMP/lonely/share/tillit" "$T_TMP/lonely/bin/tillit" validate
# ... and XDG_DATA_DIRS alone finds them.
XDG_DATA_DIRS="relative/share:$M/share" expect 0 "$FILES filer är giltiga" "$T_TMP/lonely/bin/tillit" --lang sv validate
cd "$SRC"

# The Swedish menu on screen, of the moved installation, from another folder.
TILLIT="$M/bin/tillit"
term_start 100 24 --lang sv
term_wait "Genomför ett utbildningstillfälle"
term_has "$CHECKLISTS checklistor" # the content was found
term_keys q
term_wait "EXIT=0"

# No path of the source or build folder in the installed binary.
strings -a "$M/bin/tillit" | grep -F -e "$SRC" -e "$BUILD_DIR" > "$T_TMP/paths" &&
  fail "the installed binary names the build folder: $(head -3 "$T_TMP/paths")"

# The man pages: no groff warning; every command, variable and status told.
for page in man1/tillit.1 man5/tillit-content.5; do
  LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$M/share/man/$page" > "$T_TMP/page" 2> "$T_TMP/warn" ||
    fail "man $page failed"
  [ -s "$T_TMP/warn" ] && fail "man $page warns: $(head -5 "$T_TMP/warn")"
  [ -s "$T_TMP/page" ] || fail "man $page is empty"
done
LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$M/share/man/man1/tillit.1" 2> /dev/null > "$T_TMP/page"
for word in train study check export merge stats validate retention purge forget extract log --db --content --lang --plain --with-names \
  TILLIT_DB TILLIT_CONTENT TILLIT_LOCALEDIR TILLIT_SCHEMA XDG_DATA_HOME XDG_DATA_DIRS TMPDIR \
  "EXIT STATUS" 64 65 66 73 74 78 EXAMPLES "tillit-content(5)"; do
  grep -qF -- "$word" "$T_TMP/page" || fail "tillit(1) does not mention $word"
done
# Every environment variable --help names is in the manual.
"$M/bin/tillit" --help | grep -oE '\b(TILLIT|XDG)_[A-Z_]+' | sort -u | while read -r v; do
  grep -qF "$v" "$T_TMP/page" || echo "$v"
done > "$T_TMP/missing"
[ -s "$T_TMP/missing" ] && fail "tillit(1) lacks $(cat "$T_TMP/missing")"

# bash completion, as bash-completion loads it, for the installed program.
complete_line() {
  PATH="$M/bin:$PATH" bash -c '
    . /usr/share/bash-completion/bash_completion
    . "$1"
    COMP_LINE=$2; COMP_POINT=${#COMP_LINE}
    read -r -a COMP_WORDS <<< "$COMP_LINE"
    case $COMP_LINE in *" ") COMP_WORDS+=("") ;; esac
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _tillit tillit "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}" | sort' sh "$M/share/bash-completion/completions/tillit" "$1"
}
# want LINE WORDS...: completing LINE offers exactly WORDS.
want() {
  line=$1; shift
  got=$(complete_line "$line" | tr '\n' ' ')
  exp=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
  [ "$got" = "$exp" ] || fail "completing '$line' gave '$got', expected '$exp'"
}
want "tillit " check export extract forget log merge purge retention stats study train validate
want "tillit s" stats study
want "tillit retention " access-log checklist-runs training
want "tillit --" --content --db --help --lang --plain --version
want "tillit check --p" --plain
want "tillit --lang " en sv
want "tillit check " inspection-observations trafficking-indicators
want "tillit --lang sv train " thai-massage-parlours
want "tillit export --c" --content --curriculum
want "tillit export --curriculum " thai-massage-parlours
want "tillit export --with-names -" --content --curriculum --db --from --help --lang --organisation --to \
  --version --with-names -o
want "tillit --content $SRC/tests/fixtures/content study " $(sed -n 's/^id: *//p' tests/fixtures/content/curricula/*.yaml)

make --no-print-directory -s uninstall BUILD="$BUILD_DIR" DESTDIR="$STAGE" PREFIX=/opt/tillit > /dev/null 2>&1 ||
  fail "make uninstall failed"
left=$(find "$STAGE" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
term_finish
