# Shared helpers for the terminal tests: each test drives the real tillit in
# a private tmux server and asserts on what the screen shows.
# Usage inside a test: term_start COLS ROWS ARGS...; term_keys KEYS...;
# term_wait TEXT; term_has TEXT; term_lacks TEXT; ok/fail. T_LANG, T_LC_ALL,
# T_LANGUAGE and T_NO_COLOR set the program's environment (none of the
# caller's leaks in).

: "${TILLIT:?TILLIT must name the binary under test}"
T_SOCK="tillit-test-$$-${T_NAME:-t}-0"
T_RUN=0
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/tillit-term-XXXXXX")
export TILLIT_DB="$T_TMP/tillit.db"
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:log_path=$T_TMP/asan"
T_FAILS=0
# English unless a test asks for Swedish (T_LANG, T_LANGUAGE): the caller's
# language settings must not leak into the program under test.
export LANG=C.UTF-8
unset LANGUAGE LC_ALL LC_MESSAGES

tm() { tmux -L "$T_SOCK" -f /dev/null "$@"; }

fail() { echo "  FAIL: $*"; T_FAILS=$((T_FAILS + 1)); }
ok() { :; }

# Starts tillit with the given arguments in a COLS x ROWS pane. When it ends,
# the pane shows "EXIT=<status>" so tests can assert on the exit code.
term_start() {
  cols=$1; rows=$2; shift 2
  # A fresh tmux server each time: a server just told to stop may still be
  # going away, and a new session on its socket then fails ("server exited
  # unexpectedly").
  tm_stop
  T_RUN=$((T_RUN + 1)); T_SOCK="tillit-test-$$-${T_NAME:-t}-$T_RUN"
  : > "$T_TMP/args"; [ $# -eq 0 ] || printf '%s\n' "$@" > "$T_TMP/args"
  cat > "$T_TMP/cmd.sh" <<EOS
#!/bin/sh
cd '$PWD'
${T_TERM:+TERM=$T_TERM; export TERM}
set --
while IFS= read -r a; do set -- "\$@" "\$a"; done < '$T_TMP/args'
'$TILLIT' "\$@"
status=\$?
stty sane 2>/dev/null
printf '\r\nEXIT=%s\n' "\$status"
sleep 600
EOS
  chmod +x "$T_TMP/cmd.sh"
  tm new-session -d -x "$cols" -y "$rows" -e "TILLIT_DB=$TILLIT_DB" -e "ASAN_OPTIONS=$ASAN_OPTIONS" \
    -e "LANG=${T_LANG:-C.UTF-8}" -e "LC_ALL=${T_LC_ALL:-}" -e "LANGUAGE=${T_LANGUAGE:-}" -e "LC_MESSAGES=" \
    -e "NO_COLOR=${T_NO_COLOR:-}" \
    -e "TERM=xterm-256color" "$T_TMP/cmd.sh"
  tm set-option -g window-size manual >/dev/null 2>&1
}

term_screen() { tm capture-pane -p 2>/dev/null; }

term_keys() { tm send-keys "$@"; }

# Waits up to T_WAIT_SECONDS (10, 30 for the sanitized build: the Makefile
# sets it) for TEXT to
# appear on the screen.
term_wait() {
  i=0
  while [ $i -lt $((${T_WAIT_SECONDS:-10} * 10)) ]; do
    term_screen | grep -qF -- "$1" && return 0
    sleep 0.1; i=$((i + 1))
  done
  fail "screen never showed '$1'"; term_screen | sed 's/^/    | /'
  return 1
}

# Waits (as term_wait) until the screen shows TEXT1 or TEXT2.
term_wait_either() {
  i=0
  while [ $i -lt $((${T_WAIT_SECONDS:-10} * 10)) ]; do
    term_screen | grep -qF -e "$1" -e "$2" && return 0
    sleep 0.1; i=$((i + 1))
  done
  fail "screen never showed '$1' nor '$2'"; term_screen | sed 's/^/    | /'
  return 1
}

# term_wait_line N TEXT: waits (as term_wait) until line N of the screen
# (1 = the top) holds TEXT.
term_wait_line() {
  i=0
  while [ $i -lt $((${T_WAIT_SECONDS:-10} * 10)) ]; do
    term_screen | sed -n "${1}p" | grep -qF -- "$2" && return 0
    sleep 0.1; i=$((i + 1))
  done
  fail "line $1 never showed '$2'"; term_screen | sed 's/^/    | /'
  return 1
}

term_has() { term_screen | grep -qF -- "$1" || { fail "screen lacks '$1'"; term_screen | sed 's/^/    | /'; }; }
term_lacks() { term_screen | grep -qF -- "$1" && fail "screen shows '$1'"; return 0; }

# expect STATUS "TEXT" CMD...: runs CMD without a terminal and checks its exit
# status and that its output (stdout and stderr) contains TEXT.
expect() {
  want=$1; text=$2; shift 2
  "$@" > "$T_TMP/out" 2>&1 < /dev/null; got=$?
  [ "$got" = "$want" ] || fail "'$*' exited $got, expected $want: $(head -c 300 "$T_TMP/out")"
  grep -qF -- "$text" "$T_TMP/out" || fail "'$*' did not print '$text': $(head -c 300 "$T_TMP/out")"
}

# term_group_session COLS ROWS DATE: starts tillit in a COLS x ROWS pane on
# the fixture content and opens a new group session of its course on DATE
# at 09:00 in Lund, up to the empty roll call (past the list of sessions
# when there are some).
term_group_session() {
  term_start "$1" "$2" --content tests/fixtures/content train
  shift 2
  # With sessions in the database the list of sessions comes first: its
  # first line starts a new one.
  term_wait_either "Choose a curriculum" "Start a new session"
  term_screen | grep -qF "Start a new session" && term_keys Home Enter
  term_session_details "$1" 09:00 Lund
}

# term_session_details DATE TIME [LOCATION]: at "Choose a curriculum",
# picks the first and gives a new session's details (no trainer, no
# description), up to the empty roll call.
term_session_details() {
  term_wait "Choose a curriculum"
  term_keys Enter
  term_wait "Date (YYYY-MM-DD):"
  term_keys C-u "$1" Enter
  term_wait "Start time (HH:MM):"
  term_keys C-u "$2" Enter
  term_wait "Location:"
  [ -z "${3:-}" ] || term_keys "$3"
  term_keys Enter
  term_wait "Trainer:"
  term_keys Enter
  term_wait "Description (optional):"
  term_keys Enter
  term_wait "No attendees yet"
}

# term_add_new_attendee NAME ORGANISATION: on a roll call, adds a new
# participant of a new organisation (the first type, the first level).
term_add_new_attendee() {
  term_keys a
  term_wait "Name (optional"
  term_keys "$1" Enter
  term_new_organisation "$2"
}

# term_new_organisation ORGANISATION: in the organisation list (at "New
# organisation..."), adds a new one of the first type, at the first level.
term_new_organisation() {
  term_wait "New organisation..."
  term_keys Home Enter
  term_wait "Organisation name:"
  term_keys "$1" Enter
  term_wait "Type of organisation"
  term_keys Enter
  term_wait "Level of work"
  term_keys Enter
}

# term_quit_from_runs: from the list of checklist runs back to the menu,
# then quits and waits for the exit; the pane is closed.
term_quit_from_runs() {
  term_wait "Start a new run"
  term_keys q
  term_wait "Checklist self-check"
  term_keys q
  term_wait "EXIT=0"
  tm kill-server
}

# The process id of the tillit running in the pane.
term_pid() { pgrep -P "$(tm display-message -p '#{pane_pid}')" -f "$TILLIT"; }

# proc_gone PID SECONDS: true when PID has ended (or is a zombie, which
# holds nothing open) within SECONDS of the call by the clock.
proc_gone() {
  deadline=$(($(date +%s%N) + $2 * 1000000000))
  while :; do
    state=$(sed 's/.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)
    { [ -z "$state" ] || [ "$state" = Z ]; } && return 0
    [ "$(date +%s%N)" -lt "$deadline" ] || return 1
    sleep 0.05
  done
}

# tm_stop: closes the pane (the program gets SIGHUP, as when an SSH
# connection drops) and makes sure it has ended. A sanitized build that is
# still running when the pane closes has been seen to spin for good in
# LeakSanitizer's exit check under heavy load (in sched_yield, its terminal
# gone): the next tests would then run on a machine with one core less. So
# what has not ended 10 s after the hang-up is killed. Tests that assert on
# how fast the program ends do so themselves (t_stop.sh), before this.
tm_stop() {
  pid=$(term_pid 2>/dev/null | head -1)
  tm kill-server 2>/dev/null
  [ -n "$pid" ] && ! proc_gone "$pid" 10 && kill -9 "$pid" 2>/dev/null
  return 0
}

# term_new_db PATH: an empty tillit database at PATH, made as a user makes
# it, by starting the program (the commands that only read make none).
term_new_db() {
  term_start 80 24 --db "$1"
  term_wait "Run a training session"
  term_keys q
  term_wait "EXIT=0"
  tm kill-server
}

# term_install_public: installs the program under test (make install) into a
# folder every user may read and sets T_PUBLIC_TILLIT to the installed
# program. A test that runs tillit as nobody uses it, because the checkout
# and its build folder may be where only their owner can enter (a clone in
# /root or in a `mktemp -d` folder): nobody could not start the program there
# (exit 126) nor read its content.
term_install_public() {
  T_PUBLIC_TILLIT="$T_TMP/public/usr/bin/tillit"
  if [ ! -x "$T_PUBLIC_TILLIT" ]; then
    chmod 0755 "$T_TMP"
    make --no-print-directory -s install BUILD="$(cd "$(dirname "$TILLIT")" && pwd)" DESTDIR="$T_TMP/public" \
      PREFIX=/usr > "$T_TMP/install.out" 2>&1 || fail "make install: $(tail -3 "$T_TMP/install.out")"
    chmod -R a+rX "$T_TMP/public"
  fi
}

term_resize() { tm resize-window -x "$1" -y "$2"; }

# Ends the test: stops tmux, reports sanitizer logs, removes the temp folder.
term_finish() {
  tm_stop
  for f in "$T_TMP"/asan*; do
    [ -e "$f" ] || continue
    fail "sanitizer report:"; sed 's/^/    /' "$f" | head -40
  done
  rm -rf "$T_TMP"
  [ "$T_FAILS" -eq 0 ]
}
