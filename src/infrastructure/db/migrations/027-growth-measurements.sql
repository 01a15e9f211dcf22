-- Growth (issue 15): weights, lengths and head circumferences of the baby, each on a day, read
-- against the UK-WHO charts; faltering growth is derived from the weights (domain/growth). A
-- measurement is recorded through the one way to change a case, so it writes a profile version of
-- its own kind, 'growth'. Never edited: a wrong measurement is recorded again, as entries are.
CREATE TABLE growth_measurements (
  case_id          text NOT NULL REFERENCES cases (id),
  id               text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('weight', 'length', 'head-circumference')),
  -- Grams for a weight, centimetres for a length or a head circumference.
  value            double precision NOT NULL CHECK (value > 0),
  measured_on      date NOT NULL,
  recorded_at      timestamptz NOT NULL,
  recorded_by      text REFERENCES users (id),
  recorded_by_name text NOT NULL,
  organisation_id  text NOT NULL REFERENCES organisations (id),
  agency           text NOT NULL,
  -- The growth page, the API, or an agency's FHIR message.
  source           text NOT NULL CHECK (source IN ('page', 'api', 'fhir')),
  -- The chronology entry it came with, if any (a FHIR Observation, a contact).
  entry_id         text,
  PRIMARY KEY (case_id, id),
  FOREIGN KEY (case_id, entry_id) REFERENCES chronology_entries (case_id, id)
);
CREATE INDEX growth_measurements_case_measured ON growth_measurements (case_id, measured_on);

ALTER TABLE profile_versions DROP CONSTRAINT profile_versions_kind_check;
ALTER TABLE profile_versions ADD CONSTRAINT profile_versions_kind_check CHECK (kind IN ('factor', 'decision', 'review', 'level', 'event', 'catalogue', 'birth', 'person', 'settings', 'team', 'plan', 'growth'));
