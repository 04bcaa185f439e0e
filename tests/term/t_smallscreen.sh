# Knowledge checks on the smallest terminal (60x16) and at 80x24, on a
# curriculum written here with long questions, choices and explanations:
# every choice of a question can be reached and seen, the feedback never
# writes over a choice, the list of wrong answers scrolls to the last
# question, the footers name only keys that work (and keep "? help"), a check
# left half-way reads as started, the module titles get the width there is,
# and the end of the course is said; in English and in Swedish.
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }

# The exact line (tmux leaves out trailing spaces): nothing written over it.
line_is() {
  term_screen | grep -qxF -- "$1" || { fail "no line '$1'"; term_screen | sed 's/^/    | /'; }
}
# The footer, without the language key at its right.
footer_is() {
  got=$(term_screen | tail -n 1 | sed -E 's/ +F2 (svenska|English)$//')
  [ "$got" = " $1" ] || fail "footer '$got', expected ' $1'"
}
# A footer of two rows (a screen with a keymap splits it between two
# keys): both rows, joined as one.
footer2_is() {
  got=$(term_screen | tail -n 2 | sed -E 's/ +F2 (svenska|English)$//; s/^ //' | paste -sd '\n' | sed ':a;N;$!ba;s/\n/  /')
  [ "$got" = "$1" ] || fail "footer '$got', expected '$1'"
}

content="$T_TMP/content"
mkdir -p "$content/curricula" "$content/checklists"
{
  cat <<'YAML'
kind: curriculum
id: long-course
version: 1
reviewed: 2026-11-20
sources:
  - id: brb
    title: Brottsbalken (1962:700)
    publisher: Sveriges riksdag
    year: 2024
title: {sv: Lång kurs, en: Long course}
audience: {sv: Socialsekreterare, en: Social workers}
modules:
  - id: route
    title:
      sv: Samverkan och miljöförvaltningens väg in
      en: The partnership and the environmental-health route
    minutes: 10
    pages:
      - id: p1
        title: {sv: Inledning, en: Introduction}
        sources: [brb]
        body: {sv: Miljöförvaltningen gör tillsyn., en: Environmental health inspects.}
    check:
      pass_mark: 50
      questions:
        - id: route
          type: single
          text:
            sv: Vilken väg tar miljöinspektörerna när de ser tecken på exploatering vid en tillsyn på en massagesalong?
            en: Which route do the environmental-health inspectors take when they see signs of exploitation during an inspection of a parlour?
          choices:
            - text: {sv: "Alfa: de stänger salongen på stället och kallar polisen till lokalen direkt, utan att prata med någon", en: "Alpha: they close the parlour on the spot and call the police to the premises at once, without talking to anyone"}
            - text: {sv: "Beta: de ger kvinnorna en skriftlig varning om att deras arbetstillstånd kan dras in av Migrationsverket", en: "Bravo: they give the women a written warning that their work permits may be withdrawn by Migrationsverket"}
            - text: {sv: "Gamma: de skriver bara ner vad de har sett i tillsynsrapporten och gör sedan ingenting mer åt saken", en: "Charlie: they only write down what they saw in the inspection report and then do nothing more about it"}
            - text: {sv: "Delta: de berättar för den regionala samordnaren och polisen, och ärendet går vidare därifrån", en: "Delta: they tell the regional coordinator and the police, and the case goes on from there with the others"}
              correct: true
          explanation:
            sv: Inspektörerna utreder inte brott själva. De tar kontakt med den regionala samordnaren mot människohandel och med polisen, som tar ärendet vidare. Kvinnorna ska mötas med stöd.
            en: Inspectors do not investigate crimes themselves. They contact the regional coordinator against human trafficking and the police, who take the case on. The women are met with support.
        - id: both
          type: multi
          text: {sv: Vilka två stämmer? Välj alla som stämmer., en: Which two are true? Choose all that apply.}
          choices:
            - text: {sv: Att köpa sex är brottsligt, en: Buying sex is a crime}
              correct: true
            - text: {sv: Koppleri är brottsligt, en: Procuring is a crime}
              correct: true
            - text: {sv: Att sälja sex är brottsligt, en: Selling sex is a crime}
          explanation: {sv: Köp och koppleri är brott; att sälja är det inte., en: Buying and procuring are crimes; selling is not.}
pre_post_check:
  pass_mark: 60
  questions:
YAML
  for n in 1 2 3 4 5 6 7 8; do
    cat <<YAML
    - id: p$n
      type: single
      text: {sv: "Fråga $n av åtta om lagen?", en: "Question $n of eight about the law?"}
      choices:
        - text: {sv: "Fel svar $n", en: "Wrong answer $n"}
        - text: {sv: "Rätt svar $n", en: "Right answer $n"}
          correct: true
      explanation:
        sv: "Förklaring $n: köp av sexuell tjänst är ett brott, men att sälja är det inte. Den som säljer ska mötas med stöd och inte med misstanke, och samtalet ska ske med tolk vid behov."
        en: "Explanation $n: buying a sexual service is a crime, but selling one is not. The person who sells is met with support rather than suspicion, with an interpreter when needed."
YAML
  done
} > "$content/curricula/long.yaml"
"$TILLIT" validate "$content" > "$T_TMP/validate.out" 2>&1 || fail "the curriculum of this test is not valid: $(cat "$T_TMP/validate.out")"

# new_learner COLS ROWS DB NAME-PROMPT [--lang sv]: a new self-study, up to
# the pre-check.
new_learner() {
  cols=$1; rows=$2; TILLIT_DB="$T_TMP/$3"; prompt=$4; shift 4
  term_start "$cols" "$rows" "$@" --content "$content" study
  term_keys Enter   # a new learner
  term_keys Enter   # the one curriculum
  term_wait "$prompt"
  term_keys "Bo Ek" Enter
  term_keys Enter   # a new organisation
  term_keys "Polisen Syd" Enter Enter Enter
  term_keys Enter   # the personal code, noted
}

# ---- 60x16, English: a whole self-study ----
new_learner 60 16 en.db "Your name"
term_wait "Knowledge check before the course"
footer2_is "Enter start the check  Right next  m module  o results  q leave  ? help"
term_keys Enter
term_wait "Question 1/8 (one answer)"
footer_is "Space/1-9 choose  Enter save  j/k move  q leave  ? help"
term_keys s # not offered in self-study, and does nothing
line_is "  > 1 ( )   Wrong answer 1"
for n in 1 2 3 4 5 6 7 8; do
  term_wait "Question $n/8"
  term_keys 1 Enter
  term_wait "Not quite."
  line_is "  Not quite."
  line_is "    1 (*)   Wrong answer $n"
  line_is "    2 ( )   Right answer $n                         correct"
  [ $n -lt 8 ] && footer_is "Enter next question  q leave  ? help"
  [ $n -eq 8 ] && footer_is "Enter results  q leave  ? help"
  term_keys Enter
done
# the wrong answers do not fit: they scroll, to the last one; the check
# before the course is neither passed nor failed, nor taken again
term_wait "Results: where you start from"
line_is "    Bo Ek                          0/8 (0%)"
line_is "  ... more below: PgDn"
term_lacks "8. Question 8"
footer_is "j/k/PgDn scroll  Enter/q back  ? help"
term_keys j j j j j j j j j j j j
term_wait "4. Question 4 of eight about the law?"
term_keys PgDn PgDn PgDn PgDn PgDn
term_wait "8. Question 8 of eight about the law?"
line_is "    Explanation 8: buying a sexual service is a crime,"
line_is "    interpreter when needed."
line_is "  ... more above: PgUp"
term_keys PgUp PgUp PgUp PgUp PgUp PgUp PgUp PgUp PgUp PgUp
term_wait "Bo Ek"
line_is "  1. Question 1 of eight about the law?"
# the module check: the fourth choice is out of sight until the cursor goes there
term_keys Enter Right Right
term_wait "Knowledge check: The partnership"
footer2_is "Enter start the check  Right next  Left back  m module  o results  q leave  ? help"
term_keys Enter
term_wait "Question 1/2 (one answer)"
term_lacks "Delta:"
line_is "  ... more below: PgDn"
term_keys j j j
term_wait "Delta:"
line_is "  > 4 ( )   Delta: they tell the regional coordinator and"
line_is "            the police, and the case goes on from there"
line_is "            with the others"
line_is "  ... more above: PgUp"
term_keys Space Enter
term_wait "Right."
line_is "  Right."
line_is "    1 ( )   Alpha: they close the parlour on the"
line_is "            spot and call the police to the"
term_keys PgDn
term_wait "Inspectors do not"
line_is "    4 (*)   Delta: they tell the regional          correct"
line_is "            coordinator and the police, and the"
line_is "  Inspectors do not investigate crimes themselves. They"
term_keys Enter
term_wait "Question 2/2 (tick all that apply)"
term_keys 1 2 Enter
term_wait "Right."
line_is "  Right."
line_is "    1 [x]   Buying sex is a crime                  correct"
line_is "    2 [x]   Procuring is a crime                   correct"
line_is "    3 [ ]   Selling sex is a crime"
line_is "  Buying and procuring are crimes; selling is not."
term_keys Enter
term_wait "2/2 (100%)  PASSED"
footer_is "r retake  Enter/q back  ? help"
# r starts the check again, and while it runs r is not offered
term_keys r
term_wait "Question 1/2"
term_lacks "r retake"
term_keys q
term_wait "Leave the check?"
term_keys y
term_wait "2/2 (100%) passed"
# the post-check is the last step; Right at the end says so
term_keys Right
term_wait "It is the last step of"
footer2_is "Enter start the check  Right end  Left back  m module  o results  q leave  ? help"
term_keys Enter
for n in 1 2 3 4 5 6 7 8; do
  term_wait "Question $n/8"
  term_keys 2 Enter
  term_wait "2 (*)   Right answer $n"
  term_keys Enter
done
term_wait "8/8 (100%)  PASSED"
term_keys Enter
term_wait "After the course"
term_keys Right
term_wait "End of the course: every module is completed"
[ "$(db "SELECT count(*) FROM training_session WHERE end_time IS NOT NULL")" = 1 ] || fail "self-study not completed"
# the overview: the whole title, on its own row at 60 columns
term_keys o
term_wait "Results: Long course"
line_is "  The partnership and the environmental-health route"
term_has "2/2 (100%) passed  completed"
footer_is "q back  ? help"
term_keys q q
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"
tm kill-server

# ---- 80x24: the result of the 8 questions reaches the last after scrolling ----
new_learner 80 24 wide.db "Your name"
term_wait "Knowledge check before the course"
term_keys Enter
for n in 1 2 3 4 5 6 7 8; do
  term_wait "Question $n/8"
  term_keys 1 Enter
  term_wait "1 (*)   Wrong answer $n"
  term_keys Enter
done
term_wait "Bo Ek                          0/8 (0%)"
term_lacks "8. Question 8"
line_is "  ... more below: PgDn"
term_keys PgDn PgDn PgDn PgDn
term_wait "8. Question 8 of eight about the law?"
line_is "  ... more above: PgUp"
# a wide overview: the whole title in its column, on the module's row
term_keys Enter
term_wait "Knowledge check before the course"
term_resize 120 30
term_keys o
term_wait "Results: Long course"
line_is "  The partnership and the environmental-health route   0/1  pages   0 min  not taken yet"
term_keys q q
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"
tm kill-server

# ---- 60x16, Swedish: a check left half-way, then the end of an unfinished course ----
new_learner 60 16 sv.db "Ditt namn" --lang sv
term_wait "Kunskapstest före utbildningen"
term_has "inte gjort ännu"
footer2_is "Enter starta testet  Höger nästa  m modul  o resultat  q lämna  ? hjälp"
term_keys Enter
for n in 1 2 3; do
  term_wait "Fråga $n/8 (ett svar)"
  term_keys 1 Enter
  term_wait "Inte riktigt."
  line_is "  Inte riktigt."
  line_is "    1 (*)   Fel svar $n"
  line_is "    2 ( )   Rätt svar $n                               rätt"
  term_keys Enter
done
term_wait "Fråga 4/8"
footer_is "1-9 välj  Enter spara  j/k flytta  q lämna  ? hjälp"
term_keys q
term_wait "Lämna testet?"
term_keys y
term_wait "påbörjat: 3 av 8 besvarade"
term_keys o
term_wait "Resultat: Lång kurs"
line_is "  Samverkan och miljöförvaltningens väg in"
term_has "Före utbildningen: påbörjat: 3 av 8 besvarade"
term_keys q Enter
term_wait "Fråga 4/8"
for n in 4 5 6 7 8; do
  term_wait "Fråga $n/8"
  term_keys 1 Enter
  term_wait "1 (*)   Fel svar $n"
  term_keys Enter
done
term_wait "Resultat: var du börjar"
line_is "    Bo Ek                          0/8 (0%)"
footer_is "j/k/PgDn bläddra  Enter/q tillbaka  ? hjälp"
line_is "  ... mer nedanför: PgDn"
term_keys PgDn PgDn PgDn PgDn PgDn PgDn
term_wait "8. Fråga 8 av åtta om lagen?"
line_is "  ... mer ovanför: PgUp"
# the module check: every choice can be reached, the verdict has its own line
term_keys Enter Right Right Enter
term_wait "Fråga 1/2 (ett svar)"
term_lacks "Delta:"
term_keys j j j
term_wait "Delta:"
line_is "  > 4 ( )   Delta: de berättar för den regionala"
term_keys 1 Enter
term_wait "Inte riktigt."
line_is "  Inte riktigt."
line_is "    1 (*)   Alfa: de stänger salongen på stället"
term_keys q
term_wait "Lämna testet?"
term_keys y
term_keys Right Right
term_wait "Utbildningen är slut: 0 av 1 modul är klar."
term_keys q
term_wait "Genomför ett utbildningstillfälle"
term_keys q
term_wait "EXIT=0"
tm kill-server

# ---- 60x16, Swedish, a group: s skips an attendee, the count has its own line ----
TILLIT_DB="$T_TMP/group.db"
term_start 60 16 --lang sv --content "$content" train
term_keys Enter
term_wait "ÅÅÅÅ-MM-DD"
term_keys Enter Enter Enter Enter Enter
term_keys a
term_wait "Namn (frivilligt"
term_keys "Åsa Öberg" Enter
term_keys Enter
term_keys "Miljöförvaltningen" Enter Enter Enter
term_wait "Åsa Öberg"
term_keys Enter
term_wait "Kunskapstest före utbildningen"
term_keys Enter
term_wait "Svar från: Åsa Öberg"
footer_is "1-9 välj  Enter spara  s hoppa över  q lämna  ? hjälp"
term_keys 1 Enter
term_wait "0 av 1 svarade rätt."
line_is "  0 av 1 svarade rätt."
line_is "    1 ( )   Fel svar 1"
line_is "    2 ( )   Rätt svar 1                               rätt"
term_keys Enter
term_wait "Fråga 2/8"
term_keys s
term_wait "0 av 0 svarade rätt."
term_keys q
term_wait "Lämna testet?"
term_keys y
term_keys q q q
term_wait "EXIT=0"
term_finish
