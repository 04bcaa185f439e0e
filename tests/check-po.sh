#!/bin/sh
# Every text the code marks for translation (_, N_, _n in core/ and tui/)
# has a translation in each po/LANG.po that is neither missing nor fuzzy,
# and every catalogue passes msgfmt --check (printf formats match).
# Run by `make po-check` (and so by `make test`), which passes the xgettext
# options of `make pot` in XGETTEXT_FLAGS.
: "${XGETTEXT_FLAGS:?run this as 'make po-check'}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tillit-po-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C # msgfmt's own report in English, whatever the caller's locale
# shellcheck disable=SC2086 # the flags are words
xgettext $XGETTEXT_FLAGS -o "$tmp/tillit.pot" core/*.c tui/*.c || exit 1
failed=0
for po in po/*.po; do
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "$po" "$tmp/tillit.pot" || exit 1
  if ! msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2> "$tmp/stats"; then
    echo "FAIL $po: msgfmt --check:"; sed 's/^/  /' "$tmp/stats"; failed=1; continue
  fi
  if grep -qE 'untranslated|fuzzy' "$tmp/stats"; then
    echo "FAIL $po: $(cat "$tmp/stats") (run 'make pot', then translate these):"
    msgattrib --untranslated "$tmp/merged.po" | grep '^msgid "' | grep -v '^msgid ""$' | head -20 | sed 's/^/  /'
    msgattrib --only-fuzzy "$tmp/merged.po" | grep '^msgid "' | grep -v '^msgid ""$' | head -20 | sed 's/^/  fuzzy: /'
    failed=1
  else
    echo "ok   $po: $(cat "$tmp/stats")"
  fi
done
[ "$failed" -eq 0 ]
