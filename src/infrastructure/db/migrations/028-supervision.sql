-- Supervision of a case (issue 16): a supervisor and a practitioner in the same organisation talk
-- through a case with the prompts of reflective supervision, and record their answers, the analysis,
-- the decisions and the actions (which join the plan as its next version). One row a supervision,
-- never changed. The profile's version at that moment is kept, so the next supervision shows what
-- changed since; the names of the two are kept as they were then. The rules are in
-- src/domain/supervision/; a supervision is written through the one way to change a case.
CREATE TABLE case_supervisions (
  case_id            text NOT NULL REFERENCES cases (id),
  id                 text NOT NULL,
  held_on            date NOT NULL,
  practitioner_id    text NOT NULL REFERENCES users (id),
  practitioner_name  text NOT NULL,
  supervisor_id      text NOT NULL REFERENCES users (id),
  supervisor_name    text NOT NULL,
  -- { "script", "missing-voices", "unthinkable", "changed", "stuck" }: the answer to each prompt
  answers            jsonb NOT NULL,
  stuck              text NOT NULL CHECK (stuck IN ('yes', 'no', 'not-sure')),
  analysis           text NOT NULL,
  decisions          text NOT NULL,
  -- [{ "text", "owner", "dueOn" }]
  actions            jsonb NOT NULL,
  profile_version    integer NOT NULL,
  plan_version       integer,
  recorded_at        timestamptz NOT NULL,
  recorded_by        text NOT NULL REFERENCES users (id),
  recorded_by_name   text NOT NULL,
  CHECK (practitioner_id <> supervisor_id),
  PRIMARY KEY (case_id, id)
);

-- The latest supervision of each case (the list of cases due), and a supervision by its id.
CREATE INDEX case_supervisions_by_day ON case_supervisions (case_id, held_on);

CREATE TRIGGER case_supervisions_append_only BEFORE UPDATE OR DELETE ON case_supervisions
  FOR EACH ROW EXECUTE FUNCTION profile_history_refuse_change();
