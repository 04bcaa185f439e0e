#!/bin/sh
# make bench: figures and ratios, printed; nothing is asserted. See
# docs/performance.md for what each line means and the targets.
#   OUT=build  SCALES="100 10000 100000"  RUNS=3 (best of; 1 above 10,000)
set -u
out=${OUT:-build}
B="$out/bench"
T=${TILLIT:-$out/tillit}
SCALES=${SCALES:-"100 10000 100000"}
RUNS=${RUNS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/tillit-bench-XXXXXX")
# The folder grows to more than a gigabyte: removed however the run ends.
# sh runs the EXIT trap on exit only, so a stop signal exits (after the
# command running in the foreground ends; Ctrl-C ends that one too).
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# stat CMD...: runs CMD quietly; sets SECS (wall), CPU (user + system) and
# RSS_KB from runstat.
stat() {
  "$B/runstat" "$@" > /dev/null 2> "$work/stat"
  rc=$?
  set -- $(tail -1 "$work/stat"); SECS=$1; RSS_KB=$2; CPU=$3
  return $rc
}
# best N CMD...: the best wall and CPU time of N runs (and the largest RSS).
best() {
  best_n=$1; shift
  bw=999999; bc=999999; br=0; brc=0
  for best_i in $(seq "$best_n"); do
    stat "$@" || brc=$?
    bw=$(awk -v a="$SECS" -v b="$bw" 'BEGIN { print (a < b) ? a : b }')
    bc=$(awk -v a="$CPU" -v b="$bc" 'BEGIN { print (a < b) ? a : b }')
    br=$(awk -v a="$RSS_KB" -v b="$br" 'BEGIN { print (a > b) ? a : b }')
  done
  SECS=$bw; CPU=$bc; RSS_KB=$br
  return $brc
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (wall times stretch under load; CPU times less so)"
echo

# The floor reads what the export writes: every session, everyone
# recorded in it with their organisation, their module progress, their
# attempts with every answer (attempts without answers too) and the
# checklist counts - the same rows and columns, once each, in the order
# they are stored (the export lists sessions by date, which costs it more
# reads; see docs/performance.md). The export's totals, months, groups and
# curricula are worked out from these same rows and have no floor of their
# own.
FLOOR_SQL="SELECT uuid, kind, curriculum_id, curriculum_version, content_hash, date, start_time, end_time,
    trainer, location, description FROM training_session ORDER BY date, start_time, uuid;
  SELECT a.session_id, p.uuid, p.level, o.name, o.type, a.status FROM attendance a
    JOIN participant p ON p.id = a.participant_id JOIN organisation o ON o.id = p.organisation_id;
  SELECT session_id, participant_id, module_id, page, pages_total, seconds_spent, started_at, completed_at
    FROM module_progress;
  SELECT c.session_id, c.participant_id, c.uuid, c.check_id, c.phase, c.attempt_no, c.started_at,
    c.finished_at, c.score, c.max_score, c.passed, x.question_id, x.chosen, x.correct
    FROM check_attempt c LEFT JOIN check_answer x ON x.attempt_id = c.id ORDER BY c.session_id, c.participant_id;
  SELECT checklist_id, outcome_id, substr(created_at, 1, 7), count(*) FROM checklist_run GROUP BY 1, 2, 3;"

echo "== export (tillit export vs sqlite3 reading the same rows; best of $RUNS up to 10,000 sessions) =="
printf '%-9s %11s %9s %9s %7s %9s %9s %7s %9s\n' sessions attendances export_s floor_s ratio export_cpu \
  floor_cpu cpu_rat peak_MiB
for n in $SCALES; do
  db="$work/s$n.db"
  "$B/gen" "$db" "$n" > /dev/null || { echo "gen failed"; exit 1; }
  atts=$(sqlite3 "$db" "SELECT count(*) FROM attendance")
  runs=$RUNS; [ "$n" -gt 10000 ] && runs=1
  best "$runs" sqlite3 "$db" "$FLOOR_SQL"; floor=$SECS; floor_cpu=$CPU
  if best "$runs" "$T" --db "$db" export -o "$work/r.xml"; then
    printf '%-9s %11s %9s %9s %7s %9s %9s %7s %9s\n' "$n" "$atts" "$SECS" "$floor" "$(ratio "$SECS" "$floor")" \
      "$CPU" "$floor_cpu" "$(ratio "$CPU" "$floor_cpu")" "$(mib "$RSS_KB")"
  else
    printf '%-9s %11s %9s %9s %7s\n' "$n" "$atts" "n/a" "$floor" "n/a"
  fi
  rm -f "$db" "$db-wal" "$db-shm" "$work/r.xml"
done
echo

echo "== content loading (tillit validate vs plain libyaml parse) =="
sh tests/bench/content_tree.sh "$work/tree" 200 10
files=$(ls "$work"/tree/curricula/*.yaml | wc -l)
size=$(du -sk "$work/tree" | cut -f1)
best "$RUNS" "$B/yaml_floor" "$work"/tree/curricula/*.yaml; floor=$SECS; floor_cpu=$CPU
best "$RUNS" "$T" validate "$work/tree"
echo "$files files, $size KiB: validate ${SECS}s, libyaml ${floor}s, ratio $(ratio "$SECS" "$floor")" \
  "(CPU ${CPU}s vs ${floor_cpu}s, ratio $(ratio "$CPU" "$floor_cpu")), peak $(mib "$RSS_KB") MiB"
echo

echo "== start-up to the first drawn main menu, then q =="
for content in "" "$work/tree"; do
  db="$work/startup.db"
  args="--db $db"; [ -n "$content" ] && args="$args --content $content"
  bw=999
  for i in 1 2 3 4 5; do
    printf q > "$work/q"
    stat script -qec "$T $args" /dev/null < "$work/q"
    bw=$(awk -v a="$SECS" -v b="$bw" 'BEGIN { print (a < b) ? a : b }')
  done
  label="shipped content"; [ -n "$content" ] && label="large tree ($files files)"
  echo "$label: best of 5 ${bw}s"
done
echo

echo "== checklist answers committed per second (each its own durable transaction) =="
echo "$("$B/commit_rate" "$work/commit.db" 2000) answers/s"
echo

# LOAD_PROCESSES=50 LOAD_SECONDS=60: many users on one database (docs/privacy.md).
echo "== many users on one database: ${LOAD_PROCESSES:-50} processes for ${LOAD_SECONDS:-60} s =="
"$B/load" "$work/load.db" "${LOAD_PROCESSES:-50}" "${LOAD_SECONDS:-60}" || echo "load: FAILED (see above)"
