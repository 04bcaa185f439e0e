# Idle means asleep: at the main menu and inside a checklist run, tillit
# waits for a key without waking. Over 5 seconds it uses no CPU time
# (utime + stime in /proc/PID/stat), makes no read at all (syscr and rchar
# in /proc/PID/io: no database read) and is never woken (voluntary context
# switches in /proc/PID/status: no timer, no redraw).
. tests/term/lib.sh

# usage PID: CPU ticks, bytes read, read calls and wake-ups so far.
usage() {
  ticks=$(sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}')
  reads=$(awk '/^(syscr|rchar):/ {printf "%s ", $2}' "/proc/$1/io")
  wakes=$(awk '/^voluntary_ctxt_switches:/ {print $2}' "/proc/$1/status")
  echo "$ticks $reads$wakes"
}

# idle_for_5s WHERE: the process at rest for 5 seconds, measured.
idle_for_5s() {
  before=$(usage "$pid")
  sleep 5 # the measurement itself, not a wait for a state
  after=$(usage "$pid")
  [ "$before" = "$after" ] || fail "idle $1: cpu ticks, bytes read, read calls, wake-ups went from '$before' to '$after'"
}

term_start 80 24
term_wait "Run a training session"
pid=$(term_pid)
[ -n "$pid" ] || fail "no tillit process found"
idle_for_5s "at the main menu"

term_keys 3 Enter
term_wait "Which checklist?"
term_keys j Enter
term_wait "Start a new run"
term_keys Enter
term_wait "Case reference (no personal data):"
term_keys "Idle case" Enter
term_wait "answered 0 of"
term_keys y
term_wait "answered 1 of"
idle_for_5s "inside a checklist run"
term_keys q
term_wait "Start a new run"
term_keys q
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"
term_finish
