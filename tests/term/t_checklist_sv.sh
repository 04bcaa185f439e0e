# The checklist run in Swedish, with Swedish keys: j answers "ja" (as y
# does), v "vet inte", f and b move (j and k cannot, j is ja), the arrows
# move in both languages; the footer and the help show the keys of the
# language in use, and F2 brings the English keys (j moves again). A note
# before the answer is kept without an answer; a note on the whole case is
# refused with a personal number in it, kept otherwise, and shown in the
# summary with the notes, and in a summary file only with the notes.
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }
# write_summary FILE y|n: the case summary written to FILE, with the notes or not.
write_summary() {
  term_keys w
  term_wait "Skriv sammanfattningen till:"
  term_keys C-u "$1" Enter
  term_wait "anteckningarna"
  term_keys "$2"
  term_wait "rättigheter 0600"
}
answers() { db "SELECT group_concat(coalesce(answer, '-'), ',') FROM (SELECT answer FROM checklist_answer ORDER BY rowid)"; }

T_LANG=sv_SE.UTF-8 term_start 80 24 check trafficking-indicators
term_wait "+ Påbörja en ny genomgång"
term_keys n
term_wait "Ärendereferens (inga personuppgifter):"
term_keys "Ärende 21" Enter
term_wait "besvarade 0 av 61   avsnitt 1 av 7"
term_has "j Ja   n Nej   v Vet inte   x Inte frågat eller observerat"
term_has "j/n/v/x svar  f/b flytta  e anteckning  c ärendeanteckning  g vägledning"
term_lacks "j/k flytta"

# j: ja, and on to the next indicator; y too; v: vet inte; n: nej
term_keys j
term_wait "besvarade 1 av 61"
term_has "Indikator 2 av 15 i avsnittet"
term_keys y
term_wait "besvarade 2 av 61"
term_keys v
term_wait "besvarade 3 av 61"
term_keys n
term_wait "besvarade 4 av 61"
term_has "Indikator 5 av 15 i avsnittet"
[ "$(answers)" = "yes,yes,unknown,no" ] || fail "the Swedish keys stored $(answers)"
# b and f move back and forth, and so do the arrows; k does not move
term_keys b
term_wait "Indikator 4 av 15 i avsnittet"
term_has "Svar: Nej"
term_keys Up
term_wait "Indikator 3 av 15 i avsnittet"
term_has "Svar: Vet inte"
term_keys k
term_keys f
term_wait "Indikator 4 av 15 i avsnittet"
term_keys Down
term_wait "Indikator 5 av 15 i avsnittet"
term_has "Svar: Inte besvarad"
[ "$(db "SELECT count(*) FROM checklist_answer")" = 4 ] || fail "a movement key answered"

# The help lists the Swedish keys.
term_keys "?"
term_wait "Tangenter för genomgången"
term_has "j eller y: ja, n: nej, v eller u: vet inte"
term_has "f/b (framåt/bakåt) eller Ned/Upp"
term_keys Escape
term_wait "besvarade 4 av 61"

# A note before the answer: kept with no answer, counted as nothing.
term_keys e
term_wait "Anteckning (inga personuppgifter):"
term_keys "fråga om bostaden nästa gång" Enter
term_wait "Anteckning: fråga om bostaden nästa gång"
term_has "Svar: Inte besvarad"
term_has "besvarade 4 av 61"
[ "$(db "SELECT count(*) FROM checklist_answer WHERE answer IS NULL AND note = 'fråga om bostaden nästa gång'")" = 1 ] ||
  fail "the note before the answer was not stored as a note alone"
# ... and answered afterwards, the note stays with the answer
term_keys j
term_wait "besvarade 5 av 61"
term_keys b
term_wait "Svar: Ja"
term_has "Anteckning: fråga om bostaden nästa gång"

# A note on the whole case: a personal number refused, then kept.
term_keys c
term_wait "Anteckning om hela ärendet (inga personuppgifter):"
term_keys "mor till 850317-1234" Enter
term_wait "Ärendeanteckningen ser ut att innehålla ett svenskt personnummer"
term_keys x
term_wait "Anteckning om hela ärendet (inga personuppgifter): mor till 850317-1234"
term_keys C-u "träffad två gånger på salongen, tolk från regionen" Enter
term_wait "Ärendeanteckningen är sparad."
[ "$(db "SELECT count(*) FROM checklist_run WHERE case_note LIKE '%1234%'")" = 0 ] || fail "a personal number was stored"
[ "$(db "SELECT case_note FROM checklist_run")" = "träffad två gånger på salongen, tolk från regionen" ] ||
  fail "the case note is $(db "SELECT case_note FROM checklist_run")"

# The summary: the case note with the notes, and said to be left out without.
term_keys s
term_wait "Sammanfattning av ärendet (utan anteckningar)"
term_has "Om ärendet:   utelämnad liksom anteckningarna"
term_lacks "tolk från regionen"
term_keys o
term_wait "Om ärendet:   träffad två gånger på salongen, tolk från regionen"
write_summary "$T_TMP/utan.txt" n
grep -qF "Om ärendet:   utelämnad liksom anteckningarna" "$T_TMP/utan.txt" || fail "the file does not say the case note is left out"
grep -qF "tolk från regionen" "$T_TMP/utan.txt" && fail "the case note is in the file though the notes are not"
write_summary "$T_TMP/med.txt" y
grep -qF "Om ärendet:   träffad två gånger på salongen, tolk från regionen" "$T_TMP/med.txt" || fail "the case note is not in the file with the notes"
grep -qF "Anteckning: fråga om bostaden nästa gång" "$T_TMP/med.txt" || fail "the note is not in the file with the notes"
term_keys q
term_wait "besvarade 5 av 61"

# F2: the English keys; j moves again and answers nothing.
term_keys F2
term_wait "y/n/u/x answer  j/k move"
term_has "y Yes   n No   u Don't know"
term_keys j
term_wait "Indicator 6 of 15 in this section"
[ "$(db "SELECT count(answer) FROM checklist_answer")" = 5 ] || fail "j answered in English"
term_keys F2
term_wait "j/n/v/x svar  f/b flytta"
term_keys q q q
term_wait "EXIT=0"
term_finish
