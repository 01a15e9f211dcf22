-- Issue 15: the people a FHIR import proposes for a record (a RelatedPerson another agency knows is
-- around the baby), kept for a practitioner to decide: add them as a new person, say they are a
-- person already recorded, or say they are not part of this family (src/domain/fhir/import/
-- proposed-person-decision.ts). An import never adds a person by itself. The same proposal sent
-- again by the same organisation is not kept twice. Removed with the case (remove-case-data.ts).
CREATE TABLE fhir_proposed_people (
  case_id              text NOT NULL REFERENCES cases (id),
  id                   text NOT NULL,
  -- Who sent it, and what it was in their Bundle (RelatedPerson/<id>, or its identifier or fullUrl).
  organisation_id      text NOT NULL REFERENCES organisations (id),
  agency               text NOT NULL,
  resource             text NOT NULL,
  given_name           text,
  family_name          text,
  -- The relationship to the baby as the import read it ('unknown' when it could not tell).
  relationship_to_infant text NOT NULL,
  -- The relationship as the sender put it, in words, for the practitioner to read.
  relationship_as_sent text,
  sex                  text,
  date_of_birth        date,
  nhs_number           text,
  received_at          timestamptz NOT NULL,
  -- What a practitioner decided: null while it waits.
  decision             text CHECK (decision IN ('new-person', 'same-person', 'not-in-family')),
  -- The person added, or the person recorded already that they are.
  person_id            text,
  decided_at           timestamptz,
  decided_by           text REFERENCES users (id),
  PRIMARY KEY (case_id, id),
  UNIQUE (case_id, organisation_id, resource),
  FOREIGN KEY (case_id, person_id) REFERENCES people (case_id, id),
  CHECK ((decision IS NULL) = (decided_at IS NULL)),
  CHECK ((decision IN ('new-person', 'same-person')) = (person_id IS NOT NULL))
);
CREATE INDEX fhir_proposed_people_waiting_idx ON fhir_proposed_people (case_id) WHERE decision IS NULL;
