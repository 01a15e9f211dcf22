-- A change of the area's settings that the profile reads (the pre-birth milestone, late booking,
-- the unseen-period bands, missed appointments in a row) re-evaluates every case (issue 13): the
-- change queues each case here in its own transaction, and the server's background work takes the
-- queued cases in chunks, claimed with FOR UPDATE SKIP LOCKED so that two processes never take the
-- same case, writes a version where the findings changed and deletes the rows it did in the same
-- transaction. One row a case waiting; a second change before it runs adds its keys to the row.
CREATE TABLE profile_reevaluation_queue (
  case_id text PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  setting_keys text[] NOT NULL,
  queued_at timestamptz NOT NULL
);
-- The version such a re-evaluation writes is of its own kind.
ALTER TABLE profile_versions DROP CONSTRAINT profile_versions_kind_check;
ALTER TABLE profile_versions ADD CONSTRAINT profile_versions_kind_check CHECK (kind IN ('factor', 'decision', 'review', 'level', 'event', 'catalogue', 'birth', 'person', 'settings'));
