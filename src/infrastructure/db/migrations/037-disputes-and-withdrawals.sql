-- Issue 21: disputes beside chronology entries, and records made in error withdrawn by two people.

-- A person disputes a recorded fact (a chronology entry). The dispute is kept beside the entry,
-- never replacing it; the profile reads the disputed fact as conflicting information
-- (src/domain/profile/dispute-evidence.ts). Never changed: a later dispute is a new row.
CREATE TABLE chronology_disputes (
  case_id          text NOT NULL REFERENCES cases (id),
  id               text NOT NULL,
  entry_id         text NOT NULL,
  -- Who disputes it, in words, as they were named ("the mother, Jo Smith").
  disputed_by      text NOT NULL,
  -- What they say is wrong, in their words.
  text             text NOT NULL,
  recorded_at      timestamptz NOT NULL,
  recorded_by      text REFERENCES users (id),
  recorded_by_name text NOT NULL,
  organisation_id  text NOT NULL REFERENCES organisations (id),
  agency           text NOT NULL,
  PRIMARY KEY (case_id, id),
  FOREIGN KEY (case_id, entry_id) REFERENCES chronology_entries (case_id, id)
);
CREATE INDEX chronology_disputes_entry_idx ON chronology_disputes (case_id, entry_id, recorded_at);
CREATE TRIGGER chronology_disputes_append_only BEFORE UPDATE OR DELETE ON chronology_disputes
  FOR EACH ROW EXECUTE FUNCTION profile_history_refuse_change();

ALTER TABLE profile_versions DROP CONSTRAINT profile_versions_kind_check;
ALTER TABLE profile_versions ADD CONSTRAINT profile_versions_kind_check CHECK (kind IN ('factor', 'decision', 'review', 'level', 'event', 'catalogue', 'birth', 'person', 'settings', 'team', 'plan', 'growth', 'dispute'));

-- A record made in error (created for the wrong baby) is withdrawn by two people: the lead
-- professional proposes, with the reason; a safeguarding lead or manager who oversees the case, and
-- is not the proposer, confirms (src/domain/withdrawal/withdrawal-rules.ts). The confirmation removes
-- the case's rows, this one included (icp.removing_case, migration 036), and leaves a tombstone in
-- the audit chain (action case.withdrawn). One proposal a case.
CREATE TABLE case_withdrawals (
  case_id            text PRIMARY KEY REFERENCES cases (id),
  reason             text NOT NULL,
  proposed_at        timestamptz NOT NULL,
  proposed_by        text NOT NULL REFERENCES users (id),
  proposed_by_name   text NOT NULL
);
