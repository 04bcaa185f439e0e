# Self-study is private: a learner at a shared terminal is never shown other
# learners. Typing part of a name lists nobody; a learner finds their own
# record by the personal code shown when they started, or by their exact
# name and organisation, and then sees only their own self-studies. In
# English and in Swedish.
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }
C="--content tests/fixtures/content"

# new_learner NAME ORG: a new learner starts a self-study and leaves at the
# pre-check; $code is their personal code, as the screen showed it.
new_learner() {
  term_start 80 24 $C study
  term_wait "I am new: start a self-study"
  term_keys Enter
  term_wait "Choose a curriculum"
  term_keys Enter
  term_wait "Your name (optional"
  term_keys "$1" Enter
  term_wait "New organisation..."
  term_lacks "Registered before?"
  term_lacks "Bo Ek"
  term_lacks "last seen"
  term_new_organisation "$2"
  term_wait "Your personal code is"
  code=$(term_screen | sed -n 's/.*Your personal code is \([0-9A-Z]\{6\}\)\..*/\1/p' | head -1)
  [ ${#code} = 6 ] || fail "no code on the screen"
  [ "$(db "SELECT study_code FROM participant WHERE name='$1'")" = "$code" ] || fail "code of $1 not stored"
  term_keys Enter
  term_wait "Knowledge check before the course"
  term_keys q
  term_wait "Run a training session"
  term_keys q
  term_wait "EXIT=0"
}

new_learner "Bo Ek" "Polisen Syd"; bo=$code
# Part of Bo's name lists nobody: not his name, organisation or dates.
new_learner "Ek" "Noomi"; ek=$code
[ "$bo" != "$ek" ] || fail "two learners got the same code"

# By name and organisation: part of the name finds nobody, the exact name
# (case aside) finds Bo and only his own self-studies.
term_start 80 24 $C study
term_wait "I have taken part before"
term_keys j j Enter
term_wait "Your name, as you gave it:"
term_keys "Bo" Enter
term_wait "Your organisation"
term_keys j
term_wait "> Polisen Syd"
term_keys Enter
term_wait "No one named Bo is registered at Polisen Syd."
term_lacks "Bo Ek"
term_keys j j Enter
term_wait "Your name, as you gave it:"
term_keys C-u "bo ek" Enter
term_wait "Your organisation"
term_keys j
term_wait "> Polisen Syd"
term_keys Enter
term_wait "Your self-studies (personal code $bo)"
term_has "Continue: Example course, started"
[ "$(term_screen | grep -c "Continue:")" = 1 ] || fail "Bo's list holds another's self-study"
term_lacks "Noomi"
term_keys Escape
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"

# By code: what is no code, a code nobody has, then Ek's own code.
term_start 80 24 $C study
term_wait "I have a personal code"
term_keys j Enter
term_wait "Your personal code (6 letters and digits):"
term_keys "Ek" Enter
term_wait "A personal code is 6 letters and digits"
nobody=ZZZZZZ; [ "$bo" = $nobody ] || [ "$ek" = $nobody ] && nobody=YYYYYY
term_keys C-u "$nobody" Enter
term_wait "No one has the code $nobody."
term_keys C-u "$ek" Enter
term_wait "Your self-studies (personal code $ek)"
[ "$(term_screen | grep -c "Continue:")" = 1 ] || fail "Ek's list holds another's self-study"
term_lacks "Bo Ek"
term_lacks "Polisen Syd"
# continuing it: the course where Ek left it, by Ek's name
term_keys Enter
term_wait "Knowledge check before the course"
term_has "Ek  not taken yet"
term_keys q
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"

# In Swedish, by Bo's code: his own self-study only.
term_start 80 24 --lang sv $C study
term_wait "Jag har en personlig kod"
term_keys j Enter
term_wait "Din personliga kod (6 bokstäver och siffror):"
term_keys "$bo" Enter
term_wait "Dina självstudier (personlig kod $bo)"
[ "$(term_screen | grep -c "Fortsätt:")" = 1 ] || fail "Bo's Swedish list holds another's self-study"
term_lacks "Noomi"
term_keys Escape
term_wait "Genomför ett utbildningstillfälle"

term_finish
