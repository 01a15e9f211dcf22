-- Quality assurance audits (issue 16): a safeguarding lead audits their organisation's open cases of
-- babies under one and unborn babies, all of them or a random sample of N drawn from a seed (kept, so
-- the same sample can be drawn again), answering five questions for each case (yes, no or not
-- applicable, with a note) beside what the record said then. The rules are in
-- src/domain/quality-audits/. An audit and its cases never change; an answer may be given again
-- (the latest counts). When a case's personal data is removed, its place in audits goes with it.
CREATE TABLE quality_audits (
  id               text PRIMARY KEY,
  organisation_id  text NOT NULL REFERENCES organisations (id),
  scope            text NOT NULL CHECK (scope IN ('all', 'sample')),
  -- A sample: how many cases were asked for and the seed they were drawn with.
  sample_size      integer CHECK (sample_size BETWEEN 1 AND 500),
  seed             integer CHECK (seed BETWEEN 1 AND 2147483647),
  -- How many cases were in scope on the day (the sample's pool, or every case audited).
  in_scope         integer NOT NULL CHECK (in_scope >= 0),
  -- The service's day it was started: the day ages were counted on.
  started_on       date NOT NULL,
  started_at       timestamptz NOT NULL,
  started_by       text NOT NULL REFERENCES users (id),
  started_by_name  text NOT NULL,
  CHECK ((scope = 'sample') = (sample_size IS NOT NULL AND seed IS NOT NULL))
);
CREATE INDEX quality_audits_by_organisation ON quality_audits (organisation_id, started_at);

CREATE TABLE quality_audit_cases (
  audit_id  text NOT NULL REFERENCES quality_audits (id),
  case_id   text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  -- The order the cases were drawn in (or the order of the list, for every case).
  position  integer NOT NULL,
  PRIMARY KEY (audit_id, case_id),
  UNIQUE (audit_id, position)
);

CREATE TABLE quality_audit_answers (
  audit_id          text NOT NULL,
  case_id           text NOT NULL,
  question          text NOT NULL CHECK (question IN ('profile-current', 'father-assessed', 'seen-awake', 'plan-checked', 'supervision')),
  answer            text NOT NULL CHECK (answer IN ('yes', 'no', 'not-applicable')),
  note              text NOT NULL CHECK (length(note) <= 2000),
  -- What the record said beside the question when it was answered, in words.
  record_said       text NOT NULL,
  answered_at       timestamptz NOT NULL,
  answered_by       text NOT NULL REFERENCES users (id),
  answered_by_name  text NOT NULL,
  PRIMARY KEY (audit_id, case_id, question),
  FOREIGN KEY (audit_id, case_id) REFERENCES quality_audit_cases (audit_id, case_id) ON DELETE CASCADE
);
