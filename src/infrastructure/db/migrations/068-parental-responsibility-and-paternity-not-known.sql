-- "Not known" to "Does he have parental responsibility?" and "Is paternity confirmed?" is an answer
-- (H4): it was stored as null, the same as a question never asked, and shown as "Not recorded". The
-- two columns (booleans since migration 002) now hold 'yes', 'no' or 'not-known'; null stays "not
-- recorded". What was true is 'yes', what was false 'no' (docs/domain.md, "Fathers and other men").
ALTER TABLE people ALTER COLUMN parental_responsibility TYPE text
  USING CASE parental_responsibility WHEN true THEN 'yes' WHEN false THEN 'no' END;
ALTER TABLE people ALTER COLUMN paternity_confirmed TYPE text
  USING CASE paternity_confirmed WHEN true THEN 'yes' WHEN false THEN 'no' END;
ALTER TABLE people ADD CONSTRAINT people_parental_responsibility_answer
  CHECK (parental_responsibility IN ('yes', 'no', 'not-known'));
ALTER TABLE people ADD CONSTRAINT people_paternity_confirmed_answer
  CHECK (paternity_confirmed IN ('yes', 'no', 'not-known'));
-- A person proposed from a merged transfer and not yet decided keeps the details as sent (migration
-- 051): their true and false become 'yes' and 'no' too, so the person added from them can be stored.
UPDATE fhir_proposed_people
SET sent_in_transfer = jsonb_set(
  jsonb_set(sent_in_transfer, '{person,parentalResponsibility}',
    CASE sent_in_transfer #> '{person,parentalResponsibility}' WHEN 'true'::jsonb THEN '"yes"'::jsonb WHEN 'false'::jsonb THEN '"no"'::jsonb ELSE 'null'::jsonb END),
  '{person,paternityConfirmed}',
  CASE sent_in_transfer #> '{person,paternityConfirmed}' WHEN 'true'::jsonb THEN '"yes"'::jsonb WHEN 'false'::jsonb THEN '"no"'::jsonb ELSE 'null'::jsonb END)
WHERE sent_in_transfer ? 'person';
