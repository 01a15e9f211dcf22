-- Records people can find (issue 14): the household's address, with a flag that keeps it to the lead
-- professional and oversight (a refuge: never in search results), the registered GP practice (its
-- ODS code), the birth hospital and, before the birth, the mother's NHS number, which finds the
-- unborn baby's record. The postcode is kept apart from the address lines, in Royal Mail's form
-- ("DE1 2AB"), so that a search by postcode can use an index.
ALTER TABLE cases ADD COLUMN address text;
ALTER TABLE cases ADD COLUMN postcode text;
ALTER TABLE cases ADD COLUMN address_restricted boolean NOT NULL DEFAULT false;
ALTER TABLE cases ADD COLUMN gp_practice_name text;
ALTER TABLE cases ADD COLUMN gp_practice_ods_code text CHECK (gp_practice_ods_code ~ '^[A-Z][0-9]{5}$');
ALTER TABLE cases ADD COLUMN birth_hospital text;
ALTER TABLE cases ADD COLUMN mother_nhs_number text CHECK (mother_nhs_number ~ '^[0-9]{10}$');

CREATE INDEX cases_mother_nhs_number_idx ON cases (mother_nhs_number) WHERE mother_nhs_number IS NOT NULL;
-- Only addresses that are not restricted are ever searched by postcode.
CREATE INDEX cases_postcode_idx ON cases (postcode) WHERE postcode IS NOT NULL AND NOT address_restricted;
-- A parent's NHS number finds the baby's record through the people around the baby too.
CREATE INDEX people_nhs_number_idx ON people (nhs_number) WHERE nhs_number IS NOT NULL;
