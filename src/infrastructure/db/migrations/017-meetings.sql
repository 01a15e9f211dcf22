-- Professionals' meetings about a baby (issue 13): strategy discussions, child protection
-- conferences, core groups, child in need, discharge planning and professionals' meetings. One row a
-- meeting, never changed (a meeting is recorded as it was held; a mistake is a new record). The people
-- and decisions are lists read and written with the meeting, so jsonb; the kind, day and the answers
-- the clocks read (section 47, a protection plan) are columns. The rules are in
-- src/domain/meetings/meeting-rules.ts; a meeting is written through the one way to change a case.
CREATE TABLE case_meetings (
  case_id           text NOT NULL REFERENCES cases (id),
  id                text NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('strategy-discussion', 'initial-conference', 'review-conference', 'pre-birth-conference', 'core-group', 'child-in-need-meeting', 'discharge-planning-meeting', 'professionals-meeting')),
  held_on           date NOT NULL,
  chair             text NOT NULL,
  chair_independent boolean,
  parents_present   boolean NOT NULL CHECK (NOT (parents_present AND kind = 'professionals-meeting')),
  -- [{ "name", "agency" }], agency an organisation kind
  attendees         jsonb NOT NULL,
  invited_absent    jsonb NOT NULL,
  -- ["decision in words", ...]
  decisions         jsonb NOT NULL,
  dissent           text,
  -- [{ "text", "owner", "dueOn" }]
  actions           jsonb NOT NULL,
  section47         boolean CHECK (section47 IS NULL OR kind = 'strategy-discussion'),
  protection_plan   boolean CHECK (protection_plan IS NULL OR kind IN ('initial-conference', 'review-conference', 'pre-birth-conference')),
  recorded_at       timestamptz NOT NULL,
  recorded_by       text REFERENCES users (id),
  recorded_by_name  text NOT NULL,
  PRIMARY KEY (case_id, id)
);

CREATE INDEX case_meetings_by_day ON case_meetings (case_id, held_on);

CREATE TRIGGER case_meetings_append_only BEFORE UPDATE OR DELETE ON case_meetings
  FOR EACH ROW EXECUTE FUNCTION profile_history_refuse_change();
