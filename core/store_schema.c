/* The schema, as forward migrations. Migration i brings the schema from
 * user_version i to i+1; each runs in one transaction with the version bump.
 * Never edit a published migration: add a new one. */
#include "store_internal.h"

static const char *const migrations[] = {
    /* 0 -> 1: the first schema. */
    "CREATE TABLE organisation ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  type TEXT NOT NULL CHECK (type IN ('social_services','environmental_health','police',"
    "       'migration_agency','health_care','other_authority','ngo')),"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  UNIQUE (name, type));"
    "CREATE TABLE participant ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  name TEXT,"
    "  organisation_id INTEGER NOT NULL REFERENCES organisation(id),"
    "  level TEXT NOT NULL CHECK (level IN ('operational','strategic')),"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE TABLE training_session ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  kind TEXT NOT NULL CHECK (kind IN ('group','self')),"
    "  curriculum_id TEXT NOT NULL,"
    "  curriculum_version TEXT NOT NULL,"
    "  content_hash TEXT NOT NULL,"
    "  date TEXT NOT NULL,"
    "  start_time TEXT NOT NULL,"
    "  end_time TEXT,"
    "  location TEXT, trainer TEXT, description TEXT,"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  closed_at TEXT);"
    "CREATE TABLE attendance ("
    "  session_id INTEGER NOT NULL REFERENCES training_session(id) ON DELETE CASCADE,"
    "  participant_id INTEGER NOT NULL REFERENCES participant(id),"
    "  status TEXT NOT NULL CHECK (status IN ('present','late','excused','absent')),"
    "  remark TEXT,"
    "  PRIMARY KEY (session_id, participant_id));"
    "CREATE TABLE module_progress ("
    "  session_id INTEGER NOT NULL REFERENCES training_session(id) ON DELETE CASCADE,"
    "  participant_id INTEGER NOT NULL REFERENCES participant(id),"
    "  module_id TEXT NOT NULL,"
    "  page INTEGER NOT NULL,"
    "  pages_total INTEGER NOT NULL,"
    "  seconds_spent INTEGER NOT NULL DEFAULT 0,"
    "  started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  completed_at TEXT,"
    "  PRIMARY KEY (session_id, participant_id, module_id));"
    "CREATE TABLE check_attempt ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  session_id INTEGER NOT NULL REFERENCES training_session(id) ON DELETE CASCADE,"
    "  participant_id INTEGER NOT NULL REFERENCES participant(id),"
    "  check_id TEXT NOT NULL,"
    "  phase TEXT NOT NULL CHECK (phase IN ('module','pre','post')),"
    "  attempt_no INTEGER NOT NULL,"
    "  started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  finished_at TEXT,"
    "  score INTEGER, max_score INTEGER, passed INTEGER);"
    "CREATE TABLE check_answer ("
    "  attempt_id INTEGER NOT NULL REFERENCES check_attempt(id) ON DELETE CASCADE,"
    "  question_id TEXT NOT NULL,"
    "  chosen INTEGER NOT NULL,"
    "  correct INTEGER NOT NULL,"
    "  answered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  PRIMARY KEY (attempt_id, question_id));"
    "CREATE TABLE checklist_run ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  checklist_id TEXT NOT NULL,"
    "  checklist_version TEXT NOT NULL,"
    "  content_hash TEXT NOT NULL,"
    "  case_ref TEXT NOT NULL,"
    "  outcome_id TEXT,"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  finished_at TEXT);"
    "CREATE TABLE checklist_answer ("
    "  run_id INTEGER NOT NULL REFERENCES checklist_run(id) ON DELETE CASCADE,"
    "  indicator_id TEXT NOT NULL,"
    "  answer TEXT NOT NULL CHECK (answer IN ('yes','no','unknown','not_asked')),"
    "  note TEXT,"
    "  answered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  PRIMARY KEY (run_id, indicator_id));"
    "CREATE INDEX attendance_participant ON attendance(participant_id);"
    "CREATE INDEX session_date ON training_session(date);"
    "CREATE INDEX attempt_session ON check_attempt(session_id, participant_id);"
    "CREATE INDEX run_checklist ON checklist_run(checklist_id, created_at);",

    /* 1 -> 2: a participant's attempts in a session in the order the report
     * lists them (started, number, id): without it, exporting sorted every
     * attendee's attempts anew. It serves every lookup attempt_session did. */
    "CREATE INDEX attempt_order ON check_attempt(session_id, participant_id, started_at, attempt_no, "
    "  uuid);"
    "DROP INDEX attempt_session;",

    /* 2 -> 3: data protection (docs/privacy.md). A retention rule per kind
     * of record; the access log, append-only: its triggers refuse every
     * UPDATE, and a DELETE unless tillit's purge asks for it (the function
     * tillit_log_purge exists only on tillit's own connections, so the
     * sqlite3 shell cannot) and the entry is older than the log's rule. */
    "CREATE TABLE retention_rule ("
    "  kind TEXT PRIMARY KEY CHECK (kind IN ('checklist-runs','training','access-log')),"
    "  amount INTEGER NOT NULL CHECK (amount > 0),"
    "  unit TEXT NOT NULL CHECK (unit IN ('days','months','years')),"
    "  set_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE VIEW retention_cutoff AS SELECT kind, "
    "  strftime('%Y-%m-%dT%H:%M:%SZ', 'now', printf('-%d %s', amount, unit)) AS cutoff FROM retention_rule;"
    "CREATE TABLE access_log ("
    "  id INTEGER PRIMARY KEY,"
    "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  os_user TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  detail TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX access_log_at ON access_log(at);"
    "CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log BEGIN "
    "  SELECT RAISE(ABORT, 'the access log is append-only: an entry cannot be changed'); END;"
    "CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log "
    "  WHEN NOT (tillit_log_purge() AND OLD.at < "
    "    coalesce((SELECT cutoff FROM retention_cutoff WHERE kind = 'access-log'), '')) BEGIN "
    "  SELECT RAISE(ABORT, 'the access log is append-only: only tillit purge removes entries, "
    "older than the log''s retention rule'); END;",

    /* 3 -> 4: attendance statuses "left_early" and "remote", and the minutes
     * that someone late or leaving early took part (NULL: not entered, the
     * whole session counts); sessions can be cancelled (kept, shown as
     * cancelled, out of the statistics and the report). SQLite cannot
     * change a CHECK, so the attendance table is made anew. */
    "CREATE TABLE attendance_v4 ("
    "  session_id INTEGER NOT NULL REFERENCES training_session(id) ON DELETE CASCADE,"
    "  participant_id INTEGER NOT NULL REFERENCES participant(id),"
    "  status TEXT NOT NULL CHECK (status IN ('present','late','left_early','remote','excused','absent')),"
    "  remark TEXT,"
    "  minutes INTEGER CHECK (minutes BETWEEN 1 AND 1440),"
    "  PRIMARY KEY (session_id, participant_id));"
    "INSERT INTO attendance_v4 (session_id, participant_id, status, remark) "
    "  SELECT session_id, participant_id, status, remark FROM attendance;"
    "DROP TABLE attendance;"
    "ALTER TABLE attendance_v4 RENAME TO attendance;"
    "CREATE INDEX attendance_participant ON attendance(participant_id);"
    "ALTER TABLE training_session ADD COLUMN cancelled_at TEXT;",

    /* 4 -> 5: a note on an indicator before it is answered (answer NULL:
     * not answered yet, a note only; a row with neither is not kept), and
     * a note on the whole case. The answers table is made anew, since
     * SQLite cannot drop a NOT NULL. */
    "CREATE TABLE checklist_answer_v5 ("
    "  run_id INTEGER NOT NULL REFERENCES checklist_run(id) ON DELETE CASCADE,"
    "  indicator_id TEXT NOT NULL,"
    "  answer TEXT CHECK (answer IN ('yes','no','unknown','not_asked')),"
    "  note TEXT,"
    "  answered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  CHECK (answer IS NOT NULL OR note IS NOT NULL),"
    "  PRIMARY KEY (run_id, indicator_id));"
    "INSERT INTO checklist_answer_v5 (run_id, indicator_id, answer, note, answered_at) "
    "  SELECT run_id, indicator_id, answer, note, answered_at FROM checklist_answer;"
    "DROP TABLE checklist_answer;"
    "ALTER TABLE checklist_answer_v5 RENAME TO checklist_answer;"
    "ALTER TABLE checklist_run ADD COLUMN case_note TEXT;",

    /* 5 -> 6: a learner's personal code for self-study (core/learner.h),
     * so that a learner finds their own record without a list of other
     * people's names. Plain, not hashed: six characters of base 32 are
     * found from any hash in moments, and whoever can read this file reads
     * the names beside it anyway; the code keeps other learners at the
     * same terminal out, not the database's owner. NULL: no code yet. */
    "ALTER TABLE participant ADD COLUMN study_code TEXT;"
    "CREATE UNIQUE INDEX participant_study_code ON participant(study_code);",
};

int store_migration_count(void)
{
    return (int)(sizeof migrations / sizeof migrations[0]);
}

const char *store_migration(int from_version)
{
    return migrations[from_version];
}
