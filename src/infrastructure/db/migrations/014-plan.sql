-- The multi-agency plan around the baby (issue 13): one current plan per case, versioned like the
-- profile. Each save appends the whole plan as a new version (case_id, version); the current plan is
-- the highest version, and versions are never changed, so the plan's history is the rows themselves.
-- Why whole versions in jsonb rather than tables of items and actions: the plan is read and written
-- whole (the page's form and PUT /plan both send all of it), a version must show the plan exactly as
-- it stood, and items and actions keep their ids from version to version, so what refers to them
-- (check answers on contacts, later) refers to the id and reads the text from the version in force.
-- A plan holds at most 40 items and 60 actions (domain/plan/plan.types.ts), so a version is small.
-- The case row is locked by the change (application/cases/change-case.ts) before the version is read
-- and written, so two saves over the same version cannot both win; the primary key says so too.
CREATE TABLE case_plans (
  case_id          text NOT NULL REFERENCES cases (id),
  version          integer NOT NULL CHECK (version >= 1),
  level            text NOT NULL CHECK (level IN ('universal', 'early-help', 'child-in-need', 'child-protection', 'looked-after')),
  -- ["outcome in plain words", ...]
  outcomes         jsonb NOT NULL,
  -- [{ "id", "text", "question", "factorId"?, "personId"?, "checkedBy": [kind], "frequency", "since" }]
  check_items      jsonb NOT NULL,
  -- [{ "id", "text", "owner": { "userId" } | { "name" }, "dueOn", "status", "droppedReason"? }]
  actions          jsonb NOT NULL,
  recorded_at      timestamptz NOT NULL,
  recorded_by      text REFERENCES users (id),
  recorded_by_name text NOT NULL,
  PRIMARY KEY (case_id, version)
);

CREATE TRIGGER case_plans_append_only BEFORE UPDATE OR DELETE ON case_plans
  FOR EACH ROW EXECUTE FUNCTION profile_history_refuse_change();
