-- Consent and information sharing about a baby (issue 13; docs/domain.md "Consent and information
-- sharing"). One row a record, never changed or deleted: a consent sought (from a person on the case
-- or someone named, for what sharing, on which day, given or refused), a later withdrawal of a
-- consent given (its own row naming the consent it withdraws), and information shared without
-- consent (what, with whom, on which day, the lawful basis in words, who decided and why). The rules
-- are in src/domain/consent/consent-rules.ts; a record is written through the one way to change a
-- case. Telling the GP is a chronology entry (kind gp-informed), not a row here.
CREATE TABLE case_consents (
  case_id          text NOT NULL REFERENCES cases (id),
  id               text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('consent', 'withdrawal', 'shared-without-consent')),
  -- The day consent was sought and answered, the day it was withdrawn, or the day the information was shared.
  dated_on         date NOT NULL,
  -- consent: who was asked (a person on the case, or a name) and for what sharing, in words
  asked_person_id  text,
  asked_name       text,
  purpose          text,
  answer           text CHECK (answer IN ('given', 'refused')),
  -- withdrawal: the consent (given) it withdraws, on the same case
  withdraws        text,
  -- shared-without-consent: what, with whom, on what lawful basis, who decided (a user of the service) and why
  shared_what      text,
  shared_with      text,
  basis            text CHECK (basis IN ('safeguarding-child', 'public-task', 'legal-obligation', 'vital-interests', 'preventing-crime', 'other')),
  basis_other      text,
  decided_by       text REFERENCES users (id),
  decided_by_name  text,
  reason           text,
  note             text,
  recorded_at      timestamptz NOT NULL,
  recorded_by      text REFERENCES users (id),
  recorded_by_name text NOT NULL,
  PRIMARY KEY (case_id, id),
  FOREIGN KEY (case_id, asked_person_id) REFERENCES people (case_id, id),
  FOREIGN KEY (case_id, withdraws) REFERENCES case_consents (case_id, id),
  CHECK (kind <> 'consent' OR (purpose IS NOT NULL AND answer IS NOT NULL AND (asked_person_id IS NOT NULL OR asked_name IS NOT NULL))),
  CHECK (kind <> 'withdrawal' OR withdraws IS NOT NULL),
  CHECK (kind <> 'shared-without-consent' OR (shared_what IS NOT NULL AND shared_with IS NOT NULL AND basis IS NOT NULL AND decided_by_name IS NOT NULL AND reason IS NOT NULL)),
  CHECK (basis IS DISTINCT FROM 'other' OR basis_other IS NOT NULL)
);

CREATE INDEX case_consents_by_day ON case_consents (case_id, dated_on);

CREATE TRIGGER case_consents_append_only BEFORE UPDATE OR DELETE ON case_consents
  FOR EACH ROW EXECUTE FUNCTION profile_history_refuse_change();
