# The resume default (issue 14, item 2): a list that starts with "Start new"
# selects the most recent unfinished item, so that Enter after a break
# continues it instead of making a duplicate. Group sessions: the most
# recent open one (not a closed one); checklist runs: the most recent run
# not finished. (Self-study: t_study.sh continues with Enter.)
. tests/term/lib.sh
db() { sqlite3 "$TILLIT_DB" "$1"; }

term_group_session 80 24 2026-11-26
term_keys q
term_wait "Run a training session"
term_keys Enter
term_wait "> Continue: 2026-11-26 09:00"
# a second session, started from the same list
term_keys Home Enter
term_session_details 2026-11-27 10:00
term_has "Session 2026-11-27 10:00-(open)"
term_keys q
term_wait "Run a training session"
term_keys Enter
term_wait "> Continue: 2026-11-27 10:00"
term_has "  Continue: 2026-11-26 09:00"
term_keys Enter
term_wait "Session 2026-11-27 10:00-(open)"
# closed, the other open one is the default
term_keys c
term_wait "Close the session now?"
term_keys y
term_wait "End time:"
term_keys C-u 11:00 Enter
term_wait "Session closed at 11:00."
term_keys Enter
term_wait "> Continue: 2026-11-26 09:00"
term_lacks "2026-11-27"
term_has "Show closed and cancelled sessions too"
term_keys Enter
term_wait "Session 2026-11-26 09:00-(open)"
term_keys q
term_wait "Run a training session"
term_keys q
term_wait "EXIT=0"
[ "$(db "SELECT count(*) FROM training_session")" = 2 ] || fail "Enter made another session"

# Checklist runs: the newest is finished, the one before it is not.
db "INSERT INTO checklist_run (uuid, checklist_id, checklist_version, content_hash, case_ref, updated_at, finished_at)
  VALUES ('00000000-0000-4000-8000-000000000001', 'ilo-test', '1', 'x', 'Case older', '2026-12-01T10:00:00Z', NULL),
         ('00000000-0000-4000-8000-000000000002', 'ilo-test', '1', 'x', 'Case newest', '2026-12-05T10:00:00Z',
          '2026-12-05T10:00:00Z'),
         ('00000000-0000-4000-8000-000000000003', 'ilo-test', '1', 'x', 'Case oldest', '2026-11-01T10:00:00Z', NULL);" ||
  fail "cannot add the runs"
term_start 80 24 --content tests/fixtures/content check ilo-test
term_wait "Start a new run, or resume one"
term_wait "> Case older"
term_keys Enter
term_wait "Case: Case older"
term_keys q
term_wait "> Case older"
term_keys q
term_wait "Checklist self-check"
term_keys q
term_wait "EXIT=0"
[ "$(db "SELECT count(*) FROM checklist_run")" = 3 ] || fail "Enter made another run"
term_finish
