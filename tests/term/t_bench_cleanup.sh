# make bench removes its temporary folder (it grows past a gigabyte)
# however it ends: Ctrl-C in the terminal, SIGTERM (a time limit), or an
# ordinary end. No terminal is needed. A stand-in for the database generator (the first step)
# makes its database and waits, so the stop comes in the middle of a run.
. tests/term/lib.sh
FAKE="$T_TMP/fakebuild"
mkdir -p "$FAKE/bench"
cat > "$FAKE/bench/gen" <<'EOS'
#!/bin/sh
: > "$1"
[ -n "$GEN_FAILS" ] && exit 1
exec sleep 60
EOS
chmod +x "$FAKE/bench/gen"
export OUT="$FAKE" SCALES=100 RUNS=1

# wait_for_database DIR: until the run's database exists in DIR.
wait_for_database() {
  i=0
  while [ $i -lt $((${T_WAIT_SECONDS:-10} * 10)) ]; do
    ls "$1"/tillit-bench-*/s100.db > /dev/null 2>&1 && return 0
    sleep 0.1; i=$((i + 1))
  done
  fail "the benchmark never made its database in $1"
}

# Ctrl-C reaches the script and the command it runs (the terminal's
# foreground group), and so does timeout(1)'s SIGTERM. A command started in
# the background ignores SIGINT: env gives it back its default.
for sig in INT TERM; do
  mkdir "$T_TMP/$sig"
  TMPDIR="$T_TMP/$sig" env --default-signal=INT sh tests/bench/run.sh > "$T_TMP/bench.out" 2>&1 &
  pid=$!
  wait_for_database "$T_TMP/$sig"
  kill -"$sig" "$pid"
  pkill -"$sig" -P "$pid"
  wait "$pid"; got=$?
  want=143; [ "$sig" = INT ] && want=130
  [ "$got" = "$want" ] || fail "SIG$sig: exit $got, expected $want: $(cat "$T_TMP/bench.out")"
  [ -z "$(ls -A "$T_TMP/$sig")" ] || fail "SIG$sig left $(ls -A "$T_TMP/$sig")"
done

# An ordinary end (here: the generator fails) leaves nothing either.
mkdir "$T_TMP/exit"
TMPDIR="$T_TMP/exit" GEN_FAILS=1 sh tests/bench/run.sh > "$T_TMP/bench.out" 2>&1; got=$?
[ "$got" = 1 ] || fail "a failed generator: exit $got, expected 1"
grep -qF "gen failed" "$T_TMP/bench.out" || fail "no 'gen failed': $(cat "$T_TMP/bench.out")"
[ -z "$(ls -A "$T_TMP/exit")" ] || fail "the end left $(ls -A "$T_TMP/exit")"
term_finish
