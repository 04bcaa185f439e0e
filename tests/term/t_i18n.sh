# Swedish and English: the main menu and the checklist screens in both
# languages, chosen by --lang or by the locale (LANG=sv_SE.UTF-8, which this
# machine may not even have); F2 switches interface and content on the fly
# (menu, content list, checklist run, statistics); a text without English is
# a warning from `validate` (exit 0) and shown in Swedish; organisations are
# listed in Swedish order.
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }
# Ends this tmux server and waits until it is gone, so that the next
# term_start does not reach a server on its way out.
term_stop() {
  tm kill-server 2>/dev/null
  i=0; while tm has-session 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
}

# ---- the main menu, --lang sv ----
term_start 120 24 --lang sv
term_wait "Genomför ett utbildningstillfälle"
term_has "> Genomför ett utbildningstillfälle"
term_has "Självstudier"
term_has "Bedömning med checklista"
term_has "Statistik och export"
term_has "Avsluta"
term_has "1 utbildning, 2 checklistor  |  databas $TILLIT_DB"
term_has "Enter öppna  j/k flytta  ? hjälp  q avsluta"
term_has "F2 English"
term_lacks "Run a training session"
term_keys '?'
term_wait "Tangenter i huvudmenyn"
term_has "q: avsluta (allt är redan sparat); Esc avslutar aldrig"
# F2: English at once, the same item still selected; F2 again: Swedish.
term_keys Escape j F2
term_wait "> Self-study"
term_has "Run a training session"
term_has "1 curriculum, 2 checklists  |  database $TILLIT_DB"
term_has "Language: English (F2 switches back to Swedish)"
term_has "Enter open  j/k move  ? help  q quit"
term_has "F2 svenska"
term_keys F2
term_wait "> Självstudier"
term_has "Språk: svenska (F2 byter tillbaka till engelska)"
# The content in use, in Swedish, on another screen; F2 works there too.
term_keys 5 Enter
term_wait "Innehåll som används"
term_has "Alla 3 filer är giltiga."
term_has "utbildning thai-massage-parlours"
term_has "Indikatorer på människohandel och exploatering"
term_keys F2
term_wait "Content in use"
term_has "curriculum thai-massage-parlours"
term_has "Indicators of trafficking and exploitation"
term_keys q q
term_wait "EXIT=0"
term_stop

# ---- --lang en wins over a Swedish locale ----
T_LANG=sv_SE.UTF-8 term_start 80 24 --lang en
term_wait "Run a training session"
term_has "Enter open  j/k move  ? help  q quit"
term_has "F2 svenska"
term_keys q
term_wait "EXIT=0"
term_stop

# ---- a Swedish locale without --lang (sv_SE need not be installed) ----
T_LANG=sv_SE.UTF-8 term_start 80 24
term_wait "Genomför ett utbildningstillfälle"
term_has "Enter öppna  j/k flytta  ? hjälp  q avsluta"
term_keys q
term_wait "EXIT=0"
term_stop
T_LANGUAGE=sv term_start 80 24
term_wait "Genomför ett utbildningstillfälle"
term_keys q
term_wait "EXIT=0"
term_stop

# ---- the checklist screens in Swedish ----
T_LANG=sv_SE.UTF-8 term_start 80 24 check trafficking-indicators
term_wait "Checklistan har inte använts ännu."
term_has "Indikatorer på människohandel och exploatering – massagesalonger"
term_has "+ Påbörja en ny genomgång"
term_has "Enter öppna  n ny genomgång  j/k flytta  d ta bort  ? hjälp  q tillbaka"
term_keys Enter
term_wait "Ärendereferens (inga personuppgifter):"
term_keys "850317-1234" Enter
term_wait "Ärendereferensen ser ut att innehålla ett svenskt personnummer"
term_has "sparades inte"
term_keys x
term_wait "Ärendereferens (inga personuppgifter): 850317-1234"
term_keys C-u "Ärende 17" Enter
term_wait "Ärende: Ärende 17   besvarade 0 av 61   avsnitt 1 av 7"
term_has "Bakgrund – sammanhang, inte tecken  (sammanhang, räknas aldrig som tecken)"
term_has "Indikator 1 av 15 i avsnittet, vikt: ingen (sammanhang, räknas aldrig)"
term_has "Svar: Inte besvarad"
term_has "j Ja   n Nej   v Vet inte"
term_has "Bedömning: ett stöd, aldrig ett bevis (PgDn/PgUp)"
term_has "Svaren tyder på:"
term_has "j/n/v/x svar  f/b flytta  e anteckning  c ärendeanteckning  g vägledning"
term_has "? hjälp  q tillbaka"
# In Swedish y answers yes (ja) as in English, and so does j; b goes back
# (t_checklist_sv.sh has the Swedish keys in full).
term_keys y
term_wait "besvarade 1 av 61"
term_keys b
term_wait "Svar: Ja"
# F2 on the run screen: the checklist's own text and the interface in English.
term_keys F2
term_wait "Case: Ärende 17   answered 1 of 61   section 1 of 7"
term_has "Background – context, not signs  (context, never counted as a sign)"
term_has "Indicator 1 of 15 in this section, weight: none (context, never counted)"
term_has "Answer: Yes"
term_has "The answers suggest:"
term_keys F2
term_wait "Bakgrund – sammanhang, inte tecken  (sammanhang, räknas aldrig som tecken)"
# The case summary in Swedish, with the date as YYYY-MM-DD.
term_keys s
term_wait "Sammanfattning av ärendet (utan anteckningar)"
term_has "SAMMANFATTNING AV ÄRENDET (tillit)"
term_has "Checklista:   Indikatorer på människohandel"
term_has "Ärende:       Ärende 17"
term_has "Påbörjad:     $(date +%Y-%m-%d)"
term_has "Besvarade:    1 av 61 (60 inte besvarade)"
term_keys q q
term_wait "Påbörja en ny genomgång eller fortsätt en tidigare"
term_has "Ärende 17"
term_has "$(date +%Y-%m-%d)"
term_has "1/61 besvarade"
term_keys q
term_wait "> Genomför ett utbildningstillfälle" # the menu under the checklist
term_keys q
term_wait "EXIT=0"
term_stop

# ---- the checklist screens in English: the same run, the same screens ----
term_start 80 24 --lang en check trafficking-indicators
term_wait "Start a new run, or resume one (most recent first):"
term_has "1/61 answered"
term_keys Enter # the unfinished run is selected
term_wait "Case: Ärende 17   answered 1 of 61"
term_has "y/n/u/x answer  j/k move  e note  c case note  g guidance  s summary  ? help"
term_has "Assessment, live: an aid, never proof"
term_keys q q q
term_wait "EXIT=0"
term_stop

# ---- content without English: a warning, and Swedish in its place ----
root="$T_TMP/content"
mkdir -p "$root/curricula"
sed '/^  en: Example course$/d' tests/fixtures/good/curriculum.yaml > "$root/curricula/example.yaml"
grep -q "Example course" "$root/curricula/example.yaml" && fail "the fixture's English title was not removed"
"$TILLIT" validate "$root/curricula/example.yaml" > "$T_TMP/out" 2>&1; got=$?
[ "$got" = 0 ] || fail "validate with only warnings exited $got: $(cat "$T_TMP/out")"
grep -qE "^$root/curricula/example.yaml:11:3: warning: text has no English \(en\) version" "$T_TMP/out" ||
  fail "no warning for the missing English: $(cat "$T_TMP/out")"
grep -qF "1 file valid, 1 warning" "$T_TMP/out" || fail "no count of warnings: $(cat "$T_TMP/out")"
"$TILLIT" --lang sv validate "$root/curricula/example.yaml" 2>&1 | grep -qF "1 fil är giltig, 1 varning" ||
  fail "the summary of validate is not in Swedish"
term_start 120 24 --lang en --content "$root"
term_wait "Run a training session"
term_keys 5 Enter
term_wait "Content in use"
term_has "Exempelkurs"
term_keys q q
term_wait "EXIT=0"
term_lacks "warning:" # the program itself ignores warnings
term_stop

# ---- organisations in Swedish order ----
db "INSERT INTO organisation (uuid, name, type) VALUES
  ('00000000-0000-4000-8000-000000000001', 'Örebro kommun', 'social_services'),
  ('00000000-0000-4000-8000-000000000002', 'Åmåls kommun', 'police'),
  ('00000000-0000-4000-8000-000000000003', 'Zinkgruvan', 'ngo'),
  ('00000000-0000-4000-8000-000000000004', 'Älmhults kommun', 'health_care'),
  ('00000000-0000-4000-8000-000000000005', 'arboga', 'ngo');" || fail "cannot add organisations"
term_start 80 24 --lang sv study
term_wait "Jag är ny: påbörja självstudier"
term_keys Enter
term_wait "Välj en utbildning"
term_keys Enter
term_wait "Ditt namn (frivilligt, kan lämnas tomt):"
term_keys Enter
term_wait "Ny organisation..."
order=$(term_screen | grep -oE "(arboga|Zinkgruvan|Åmåls kommun|Älmhults kommun|Örebro kommun) \(" | tr -d '(' | tr '\n' ';')
[ "$order" = "arboga ;Zinkgruvan ;Åmåls kommun ;Älmhults kommun ;Örebro kommun ;" ] ||
  fail "organisations not in Swedish order: $order"
term_has "Åmåls kommun (Polis)"
term_keys Escape
term_wait "Genomför ett utbildningstillfälle"

# ---- the statistics screen: its lines and period follow F2 too ----
term_keys 4 Enter
term_wait "Period för statistiken"
term_has "De senaste 12 månaderna"
term_keys j j j Enter
term_wait "Statistik: Alla datum"
term_has "Tillfällen       0 (0 i grupp, 0 självstudier)"
term_has "Efter typ av organisation och nivå"
term_keys F2
term_wait "Statistics: All dates"
term_has "Sessions         0 (0 group, 0 self-study)"
term_has "By organisation type and level"
term_keys q q
term_wait "EXIT=0"
term_finish
