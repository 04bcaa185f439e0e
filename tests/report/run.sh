#!/bin/sh
# The HTML report (tillit report) end to end, against OUT/tillit:
#   - golden files: the report of the fixture site (tests/report/fixture_db.c)
#     for 2025 in English and Swedish, compared with
#     tests/fixtures/report/golden-LANG.html after normalising (the date it
#     was written and the version); UPDATE_GOLDEN=1 rewrites them
#   - it parses with `xmllint --html` without an error (libxml2's HTML 4
#     parser knows no SVG, so "Tag svg invalid" and the like for the SVG
#     elements are the only messages allowed), and every chart, each <svg>
#     element, parses as XML in the SVG namespace
#   - a merged report of two sites gives the same HTML as the report of
#     their combined data (but for the line that says how many reports
#     were merged)
#   - a report of format 2 (before the question analysis and the indicator
#     counts) gives a report that says what it lacks, and merged with one
#     of format 3 the numbers of the combined data without indicator counts
#   - bad input: an invalid report is refused with file:line and exit 65
#     before anything is written, a DOCTYPE too, a missing one is 66, an
#     unwritable folder 73, and an older file of the same name stays
#   - in a real browser: headless Chromium prints each language to PDF
#     (pdfinfo: the expected pages; pdftotext: the headings and figures)
#     and takes a PNG screenshot of the first page (OUT/report/first-page.png,
#     the picture in README.md); skipped with a message when Chromium is
#     not installed (make deps installs it when it can)
# Ends with "report: N passed, N failed".
out=${1:-build}
T="$(pwd)/$out/tillit"
FIXTURE_DB="$(pwd)/$out/report/fixture_db"
GOLDEN=tests/fixtures/report
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tillit-report-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LANG=C.UTF-8
unset LANGUAGE LC_ALL LC_MESSAGES TILLIT_DB
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=1"
passed=0; failed=0
pass() { passed=$((passed + 1)); }
fail() { echo "  FAIL: $*"; failed=$((failed + 1)); }
check() { if "$@"; then pass; else fail "$*"; fi; }

"$FIXTURE_DB" "$tmp" || { echo "fixture_db failed"; exit 1; }

# report DB LANG FILE: the 2025 report of DB in LANG.
report() { "$T" --db "$1" report --year 2025 --lang "$2" -o "$3"; }

# One tag per line, the date written and the version blanked.
normalise() {
  sed -e 's/></>\n</g' "$1" |
    sed -e 's/<td class="meta">[0-9-]* (\([^)]*\) [0-9.]*)/<td class="meta">DATE (\1 VERSION)/'
}

# ---- golden files, xmllint, SVG ----

for lang in en sv; do
  html="$tmp/site-$lang.html"
  if ! report "$tmp/site1.db" "$lang" "$html"; then fail "report $lang"; continue; fi
  normalise "$html" > "$tmp/site-$lang.norm"
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$tmp/site-$lang.norm" "$GOLDEN/golden-$lang.html"; fi
  if diff -u "$GOLDEN/golden-$lang.html" "$tmp/site-$lang.norm" > "$tmp/diff"; then pass; else
    head -40 "$tmp/diff"; fail "$lang: the HTML differs from $GOLDEN/golden-$lang.html"
  fi

  xmllint --html --noout "$html" 2> "$tmp/lint"
  rc=$?
  grep 'HTML parser error' "$tmp/lint" | grep -v -E 'Tag (svg|rect|text|line) invalid$' > "$tmp/lint-errors"
  if [ "$rc" -eq 0 ] && [ ! -s "$tmp/lint-errors" ]; then pass; else
    cat "$tmp/lint-errors"; fail "$lang: xmllint --html finds errors (exit $rc)"
  fi

  # Each chart on its own, parsed as XML in the SVG namespace.
  rm -f "$tmp"/chart-*.svg
  CHART_DIR="$tmp" perl -0777 -ne 'my $i = 0; while (/(<svg\b.*?<\/svg>)/sg) {
    open(my $f, ">", sprintf("%s/chart-%d.svg", $ENV{CHART_DIR}, $i++)) or die; print $f $1; close $f; }' "$html"
  charts=0
  for svg in "$tmp"/chart-*.svg; do
    [ -f "$svg" ] || continue
    charts=$((charts + 1))
    if xmllint --noout "$svg" && [ "$(xmllint --xpath 'namespace-uri(/*)' "$svg")" = "http://www.w3.org/2000/svg" ]; then pass; else
      fail "$lang: chart $svg is not valid SVG"
    fi
  done
  # reach, knowledge distribution, months, checklist runs
  check [ "$charts" -eq 4 ]
done

# ---- a merged report of two sites = the report of their combined data ----

# The one line that differs: how many reports the numbers come from.
sites_row() { grep -v -E '^<td>(Merged from this many reports|One site.s own report)'; }
for n in 1 2; do
  "$T" --db "$tmp/site$n.db" export --from 2025-01-01 --to 2025-12-31 -o "$tmp/site$n.xml" || fail "export site $n"
done
"$T" merge "$tmp/site1.xml" "$tmp/site2.xml" -o "$tmp/merged.xml" || fail "merge"
"$T" report "$tmp/merged.xml" --lang en -o "$tmp/merged.html" || fail "report of the merged XML"
report "$tmp/both.db" en "$tmp/both.html" || fail "report of the combined data"
normalise "$tmp/merged.html" | sites_row > "$tmp/merged.norm"
normalise "$tmp/both.html" | sites_row > "$tmp/both.norm"
if diff -u "$tmp/both.norm" "$tmp/merged.norm" > "$tmp/diff"; then pass; else
  head -40 "$tmp/diff"; fail "the merged report's HTML differs from the combined data's"
fi
check grep -q 'Merged from this many reports:' "$tmp/merged.html"
# The same report from the XML as from the database.
"$T" report "$tmp/site1.xml" --lang en -o "$tmp/from-xml.html" || fail "report of site1.xml"
normalise "$tmp/from-xml.html" > "$tmp/from-xml.norm"
check cmp -s "$tmp/from-xml.norm" "$tmp/site-en.norm"

# ---- an older report: format 2, before the question analysis and the indicator counts ----

# tests/fixtures/report/site2-format2.xml is the 2025 export of site2.db
# by tillit at format 2 (main b87e4d9).
old=$GOLDEN/site2-format2.xml
"$T" report "$old" --lang en -o "$tmp/old.html"
check [ $? -eq 0 ]
check grep -q -F 'The report was written before the question analysis (report format 3) and has none.' "$tmp/old.html"
check grep -q -F 'The report has no indicator counts' "$tmp/old.html"
check [ -z "$(grep -o NaN "$tmp/old.html")" ]
# Merged with a report of format 3: the numbers of the combined data, the
# question analysis too (worked out again from the sessions), but no
# indicator counts at all, since the answers of the older report's runs
# are not known: counts without them would be too low.
"$T" merge "$tmp/site1.xml" "$old" -o "$tmp/merged-old.xml" || fail "merge with a report of format 2"
check [ "$(grep -c '<indicators' "$tmp/merged-old.xml")" -eq 0 ]
"$T" report "$tmp/merged-old.xml" --lang en -o "$tmp/merged-old.html" || fail "report of that merge"
check grep -q -F 'The report has no indicator counts' "$tmp/merged-old.html"
without_indicators() { sed -e '/^<h2>Indicators: how often/,/^<\/div>/d'; }
normalise "$tmp/merged-old.html" | sites_row | without_indicators > "$tmp/merged-old.norm"
normalise "$tmp/both.html" | sites_row | without_indicators > "$tmp/both-old.norm"
if diff -u "$tmp/both-old.norm" "$tmp/merged-old.norm" > "$tmp/diff"; then pass; else
  head -40 "$tmp/diff"; fail "the merge with a report of format 2 differs from the combined data beyond the indicators"
fi
check grep -q -F 'Review this question' "$tmp/merged-old.html"

# ---- the question analysis in the statistics summary (text and screen) ----

"$T" --db "$tmp/site1.db" stats --from 2025-01-01 --to 2025-12-31 > "$tmp/stats.txt"
check grep -q -F 'Question analysis (questions with 10 answers or more)' "$tmp/stats.txt"
check grep -q -F '18 answers, 88.9 % right, discrimination 0.46' "$tmp/stats.txt"
check grep -q -F '13 answers, 100.0 % right, discrimination none (all alike) - review this question' "$tmp/stats.txt"

# ---- bad input: refused before anything is written ----

printf 'an older report\n' > "$tmp/keep.html"
sed -e 's/<totals sessions="[0-9]*"/<totals sessions="many"/' "$tmp/site1.xml" > "$tmp/invalid.xml"
line=$(grep -n '<totals ' "$tmp/invalid.xml" | cut -d: -f1)
"$T" report "$tmp/invalid.xml" -o "$tmp/keep.html" 2> "$tmp/err"
check [ $? -eq 65 ]
check grep -q "invalid.xml:$line: " "$tmp/err"
check [ "$(cat "$tmp/keep.html")" = "an older report" ]
"$T" report "$tmp/invalid.xml" -o "$tmp/new.html" 2> /dev/null
check [ ! -e "$tmp/new.html" ]
{ echo '<?xml version="1.0"?>'; echo '<!DOCTYPE report [<!ENTITY x "y">]>'; tail -n +2 "$tmp/site1.xml"; } > "$tmp/doctype.xml"
"$T" report "$tmp/doctype.xml" -o "$tmp/new.html" 2> "$tmp/err"
check [ $? -eq 65 ]
check grep -q 'doctype.xml:2: a DOCTYPE is not allowed' "$tmp/err"
"$T" report "$tmp/missing.xml" -o "$tmp/new.html" 2> /dev/null
check [ $? -eq 66 ]
"$T" report "$tmp/site1.xml" -o "$tmp/no-such-folder/r.html" 2> /dev/null
check [ $? -eq 73 ]
"$T" --db "$tmp/site1.db" report --year 2025 --from 2025-01-01 -o "$tmp/new.html" 2> /dev/null
check [ $? -eq 64 ]
check [ ! -e "$tmp/new.html" ]
# A stylesheet that is not one (65), or missing (66): nothing written.
printf 'not a stylesheet\n' > "$tmp/broken.xsl"
TILLIT_STYLESHEET="$tmp/broken.xsl" "$T" report "$tmp/site1.xml" -o "$tmp/new.html" 2> "$tmp/err"
check [ $? -eq 65 ]
check grep -q 'broken.xsl: not a usable stylesheet' "$tmp/err"
TILLIT_STYLESHEET="$tmp/none.xsl" "$T" report "$tmp/site1.xml" -o "$tmp/new.html" 2> /dev/null
check [ $? -eq 66 ]
check [ ! -e "$tmp/new.html" ]
# No temporary file is left beside the target.
check [ -z "$(find "$tmp" -name '.*.html.*')" ]

# ---- in a real browser ----

# chromium_run NAME ARGS...: one headless run with a fresh profile.
chromium_run() {
  name=$1; shift
  timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/chromium-profile-$name" --hide-scrollbars "$@" > /dev/null 2>&1
}

if ! command -v chromium > /dev/null 2>&1; then
  echo "  SKIP: the browser test: Chromium is not installed (make deps could not install the Debian package chromium)"
else
  for lang in en sv; do
    pdf="$tmp/site-$lang.pdf"
    chromium_run pdf-$lang --no-pdf-header-footer --print-to-pdf="$pdf" "file://$tmp/site-$lang.html"
    if [ ! -s "$pdf" ]; then fail "$lang: Chromium printed no PDF"; continue; fi
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
    # one page per part (export/report-html.xsl): the period, activities
    # and reach; knowledge; months; curricula and questions; checklists and
    # indicators; how to read the numbers
    if [ "$pages" = 6 ]; then pass; else fail "$lang: $pages pages, expected 6"; fi
    pdftotext -layout "$pdf" "$tmp/site-$lang.txt"
    while IFS= read -r want; do
      [ -n "$want" ] || continue
      if grep -q -F -- "$want" "$tmp/site-$lang.txt"; then pass; else fail "$lang: the PDF lacks '$want'"; fi
    done < "tests/report/expect-$lang.txt"
  done
  mkdir -p "$out/report"
  png="$out/report/first-page.png"
  rm -f "$png"
  chromium_run png --window-size=794,1123 --screenshot="$(pwd)/$png" "file://$tmp/site-en.html"
  if [ -s "$png" ] && [ "$(head -c 4 "$png" | od -An -c | tr -d ' ')" = '211PNG' ]; then pass; else
    fail "Chromium took no PNG screenshot"
  fi
fi

echo "report tests in $out:"
echo "report: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
