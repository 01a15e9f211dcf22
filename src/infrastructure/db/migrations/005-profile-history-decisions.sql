-- Issue 4, continued: every kind of profile change is a version (a factor, an escalation decision,
-- a review, a change of level), each with who, when, why and the findings it left; escalation
-- decisions; a carer's known responses to stress. History is appended, never edited.
ALTER TABLE profile_versions ALTER COLUMN factor_id DROP NOT NULL;
ALTER TABLE profile_versions ALTER COLUMN subject_key DROP NOT NULL;
ALTER TABLE profile_versions ADD COLUMN kind text NOT NULL DEFAULT 'factor'
  CHECK (kind IN ('factor', 'decision', 'review', 'level'));
ALTER TABLE profile_versions ADD COLUMN changed_by_name text;
ALTER TABLE profile_versions ADD COLUMN why text;
-- The findings after the change: [{ "id", "severity", "rationale" }]; null for versions written before this column.
ALTER TABLE profile_versions ADD COLUMN findings jsonb;

ALTER TABLE profile_assessments ADD COLUMN responses jsonb;

CREATE TABLE profile_decisions (
  case_id          text NOT NULL REFERENCES cases (id),
  id               text NOT NULL,
  decision         text NOT NULL CHECK (decision IN ('no-further-action', 'universal-plus', 'early-help-assessment', 'referral-to-childrens-social-care', 'strategy-discussion')),
  reasoning        text NOT NULL,
  lead_consulted   boolean NOT NULL,
  lead_name        text,
  -- The findings in view when it was decided: [{ "id", "severity", "rationale" }].
  findings         jsonb NOT NULL,
  profile_version  integer NOT NULL,
  decided_at       timestamptz NOT NULL,
  decided_by       text REFERENCES users (id),
  decided_by_name  text NOT NULL,
  agency           text NOT NULL,
  PRIMARY KEY (case_id, id)
);
CREATE INDEX profile_decisions_case_idx ON profile_decisions (case_id, decided_at);

CREATE FUNCTION profile_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER profile_versions_append_only BEFORE UPDATE OR DELETE ON profile_versions
  FOR EACH ROW EXECUTE FUNCTION profile_history_refuse_change();
CREATE TRIGGER profile_evidence_append_only BEFORE UPDATE OR DELETE ON profile_evidence
  FOR EACH ROW EXECUTE FUNCTION profile_history_refuse_change();
CREATE TRIGGER profile_decisions_append_only BEFORE UPDATE OR DELETE ON profile_decisions
  FOR EACH ROW EXECUTE FUNCTION profile_history_refuse_change();
