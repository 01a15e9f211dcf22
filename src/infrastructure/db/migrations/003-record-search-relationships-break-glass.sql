-- Issue 3: fuzzy search of records, more about each person, relationships between the people
-- around the baby, break-glass access and its review.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE INDEX cases_name_trgm_idx ON cases
  USING gin ((lower(coalesce(given_name, '') || ' ' || coalesce(family_name, ''))) gin_trgm_ops);
CREATE INDEX cases_family_metaphone_idx ON cases (dmetaphone(coalesce(family_name, '')));
CREATE INDEX cases_date_of_birth_idx ON cases (date_of_birth) WHERE date_of_birth IS NOT NULL;
CREATE INDEX cases_expected_delivery_idx ON cases (expected_delivery_date) WHERE expected_delivery_date IS NOT NULL;

ALTER TABLE cases ADD COLUMN updated_by text REFERENCES users (id);

ALTER TABLE people ADD COLUMN deceased boolean NOT NULL DEFAULT false;
ALTER TABLE people ADD COLUMN address text;
ALTER TABLE people ADD COLUMN address_restricted boolean NOT NULL DEFAULT false;
ALTER TABLE people ADD COLUMN updated_by text REFERENCES users (id);

-- Between two people around the baby: partners, former partners, separated, or parent of.
CREATE TABLE person_relationships (
  case_id          text NOT NULL REFERENCES cases (id),
  id               text NOT NULL,
  person_id        text NOT NULL,
  other_person_id  text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('partners', 'ex-partners', 'separated', 'parent-of')),
  created_at       timestamptz NOT NULL,
  created_by       text REFERENCES users (id),
  PRIMARY KEY (case_id, id),
  FOREIGN KEY (case_id, person_id) REFERENCES people (case_id, id),
  FOREIGN KEY (case_id, other_person_id) REFERENCES people (case_id, id),
  CHECK (person_id <> other_person_id)
);

-- A practitioner outside the team who opened the record, why, until when, and the lead's review.
CREATE TABLE break_glass_access (
  case_id      text NOT NULL REFERENCES cases (id),
  id           text NOT NULL,
  user_id      text NOT NULL REFERENCES users (id),
  reason       text NOT NULL,
  started_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  reviewed_by  text REFERENCES users (id),
  reviewed_at  timestamptz,
  review_note  text,
  PRIMARY KEY (case_id, id)
);
CREATE INDEX break_glass_user_idx ON break_glass_access (user_id, expires_at);
CREATE INDEX break_glass_unreviewed_idx ON break_glass_access (started_at) WHERE reviewed_at IS NULL;
