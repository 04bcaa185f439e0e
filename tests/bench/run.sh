#!/bin/sh
# make bench: figures and ratios, printed; nothing is asserted. See
# docs/performance.md for what each line means and the targets.
#   OUT=build  SCALES="100 10000 100000"
set -u
out=${OUT:-build}
B="$out/bench"
T=${TILLIT:-$out/tillit}
SCALES=${SCALES:-"100 10000 100000"}
work=$(mktemp -d "${TMPDIR:-/tmp}/tillit-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

# stat CMD...: runs CMD quietly; sets SECS and RSS_KB from runstat.
stat() {
  "$B/runstat" "$@" > /dev/null 2> "$work/stat"
  rc=$?
  set -- $(tail -1 "$work/stat"); SECS=$1; RSS_KB=$2
  return $rc
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo

echo "== export (tillit export vs sqlite3 reading the same rows) =="
printf '%-9s %11s %9s %9s %7s %10s\n' sessions attendances export_s floor_s ratio peak_MiB
FLOOR_SQL="SELECT s.uuid, s.date, s.start_time, s.end_time, s.location, s.trainer, a.status, p.uuid, o.name, o.type, p.level
  FROM training_session s JOIN attendance a ON a.session_id = s.id JOIN participant p ON p.id = a.participant_id
  JOIN organisation o ON o.id = p.organisation_id ORDER BY s.id;
  SELECT c.session_id, c.participant_id, c.check_id, c.phase, c.score, c.max_score, c.passed, x.question_id, x.chosen, x.correct
  FROM check_attempt c JOIN check_answer x ON x.attempt_id = c.id ORDER BY c.session_id, c.participant_id;
  SELECT session_id, participant_id, module_id, completed_at, seconds_spent FROM module_progress;
  SELECT checklist_id, outcome_id, substr(created_at, 1, 7), count(*) FROM checklist_run GROUP BY 1, 2, 3;"
for n in $SCALES; do
  db="$work/s$n.db"
  "$B/gen" "$db" "$n" > /dev/null || { echo "gen failed"; exit 1; }
  atts=$(sqlite3 "$db" "SELECT count(*) FROM attendance")
  stat sqlite3 "$db" "$FLOOR_SQL"; floor=$SECS
  if stat "$T" --db "$db" export -o "$work/r.xml"; then
    printf '%-9s %11s %9s %9s %7s %10s\n' "$n" "$atts" "$SECS" "$floor" "$(ratio "$SECS" "$floor")" "$(mib "$RSS_KB")"
  else
    printf '%-9s %11s %9s %9s %7s %10s\n' "$n" "$atts" "n/a" "$floor" "n/a" "n/a"
  fi
done
echo

echo "== content loading (tillit validate vs plain libyaml parse) =="
sh tests/bench/content_tree.sh "$work/tree" 200 10
files=$(ls "$work"/tree/curricula/*.yaml | wc -l)
size=$(du -sk "$work/tree" | cut -f1)
stat "$B/yaml_floor" "$work"/tree/curricula/*.yaml; floor=$SECS
stat "$T" validate "$work/tree"; v=$SECS
echo "$files files, $size KiB: validate ${v}s, libyaml ${floor}s, ratio $(ratio "$v" "$floor"), peak $(mib "$RSS_KB") MiB"
echo

echo "== start-up to the first drawn main menu, then q =="
for content in "" "$work/tree"; do
  db="$work/startup.db"
  args="--db $db"; [ -n "$content" ] && args="$args --content $content"
  best=999
  for i in 1 2 3 4 5; do
    printf q > "$work/q"
    stat script -qec "$T $args" /dev/null < "$work/q"
    best=$(awk -v a="$SECS" -v b="$best" 'BEGIN { print (a < b) ? a : b }')
  done
  label="shipped content"; [ -n "$content" ] && label="large tree ($files files)"
  echo "$label: best of 5 ${best}s"
done
echo

echo "== checklist answers committed per second (each its own durable transaction) =="
echo "$("$B/commit_rate" "$work/commit.db" 2000) answers/s"
