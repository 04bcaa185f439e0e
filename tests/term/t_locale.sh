# Swedish letters render under a UTF-8 locale, and a non-UTF-8 locale falls
# back to C.UTF-8 instead of drawing garbage.
. tests/term/lib.sh
export TILLIT_DB="$T_TMP/åäö-Malmö.db"
T_LC_ALL=C term_start 80 24
term_wait "Run a training session"
term_has "åäö-Malmö.db"
term_keys q
term_wait "EXIT=0"
term_finish
