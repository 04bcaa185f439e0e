# The main menu opens on the shipped content with a new database, moves with
# j/k, explains its keys on ?, shows the content in use, and q (not Esc)
# quits cleanly with status 0, leaving a 0600 database behind.
. tests/term/lib.sh
term_start 80 24
term_wait "Run a training session"
term_has "Checklist self-check"
term_has "Enter open  j/k move  ? help  q quit"
term_has "database $TILLIT_DB"
term_keys j
term_wait "> Self-study"
# The terminal's cursor sits on the selected item, for a screen reader.
[ "$(tm display-message -p '#{cursor_flag} #{cursor_y} #{cursor_x}')" = "1 4 2" ] ||
  fail "cursor at $(tm display-message -p '#{cursor_flag} #{cursor_y} #{cursor_x}'), not on Self-study (1 4 2)"
# ? and F1 open the help made from the menu's keys; a key closes it, and
# the next key moves again.
term_keys ?
term_wait "Keys of the main menu"
term_has "q: quit (everything is already saved); Esc never quits"
term_has "F2: the other language (svenska / English)"
term_keys Escape k
term_wait "> Run a training session"
term_lacks "Keys of the main menu"
term_keys F1
term_wait "Keys of the main menu"
term_keys Escape k
term_wait "> Quit"
term_keys 5
term_wait "> Validate content"
term_keys Enter
term_wait "Content in use"
term_has "curriculum thai-massage-parlours"
term_has "    Meeting people who work in Thai massage parlours"
term_keys Escape
term_wait "> Validate content"
# Esc backs out of a screen but never ends the program from the menu: the
# key after it still moves the selection (keys are read in order).
term_keys Escape j
term_wait "> Quit"
term_lacks "EXIT="
term_keys q
term_wait "EXIT=0"
[ "$(stat -c %a "$TILLIT_DB")" = 600 ] || fail "database mode is $(stat -c %a "$TILLIT_DB"), not 600"
term_finish
