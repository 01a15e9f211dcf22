-- Issue 4: the Infant Care Profile's stored assessments, their evidence (appended, never edited)
-- and a version row for every change. Findings are computed, never stored.
ALTER TABLE people ADD COLUMN history_checked boolean NOT NULL DEFAULT false;
ALTER TABLE cases ADD COLUMN profile_version integer NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN profile_reviewed_at timestamptz;

CREATE TABLE profile_assessments (
  case_id      text NOT NULL REFERENCES cases (id),
  factor_id    text NOT NULL,
  subject_key  text NOT NULL,  -- 'infant', 'household', or the person's id
  person_id    text,
  status       text NOT NULL CHECK (status IN ('not-assessed', 'excluded', 'present', 'cannot-assess')),
  detail       text,
  pattern      text CHECK (pattern IS NULL OR pattern IN ('stable', 'chaotic')),
  reason       text,
  protection   jsonb,
  version      integer NOT NULL DEFAULT 1,
  updated_at   timestamptz NOT NULL,
  updated_by   text REFERENCES users (id),
  PRIMARY KEY (case_id, factor_id, subject_key)
);

CREATE TABLE profile_evidence (
  case_id      text NOT NULL REFERENCES cases (id),
  id           text NOT NULL,
  factor_id    text NOT NULL,
  subject_key  text NOT NULL,
  source       text NOT NULL CHECK (source IN ('observed', 'agency-record', 'third-party', 'carer-account', 'professional-judgement')),
  note         text NOT NULL,
  indicates    text NOT NULL CHECK (indicates IN ('present', 'absent')),
  given_by     text,
  recorded_at  timestamptz NOT NULL,
  recorded_by  text REFERENCES users (id),
  recorded_by_name text NOT NULL,
  agency       text NOT NULL,
  event_id     text,
  PRIMARY KEY (case_id, id)
);
CREATE INDEX profile_evidence_factor_idx ON profile_evidence (case_id, factor_id, subject_key, recorded_at);

CREATE TABLE profile_versions (
  case_id      text NOT NULL REFERENCES cases (id),
  version      integer NOT NULL,
  changed_at   timestamptz NOT NULL,
  changed_by   text REFERENCES users (id),
  factor_id    text NOT NULL,
  subject_key  text NOT NULL,
  change       jsonb NOT NULL,
  PRIMARY KEY (case_id, version)
);
