-- The mother's name and date of birth as given when the record was made (H5): many mothers have no
-- NHS number to hand, and a family new to the area may have none, so a likely duplicate is also
-- found by her name and date of birth (docs/domain.md, "Who is in the record"). Kept on the record
-- beside mother_nhs_number (migration 024) rather than as a person: the new-record form does not ask
-- whether she lives with or cares for the baby, which a person in the household needs answered.
-- The person recorded as the mother (people) is matched on her own name and date of birth.
ALTER TABLE cases ADD COLUMN mother_given_name text;
ALTER TABLE cases ADD COLUMN mother_family_name text;
ALTER TABLE cases ADD COLUMN mother_date_of_birth date;
CREATE INDEX cases_mother_date_of_birth ON cases (mother_date_of_birth) WHERE mother_date_of_birth IS NOT NULL;
CREATE INDEX people_mother_date_of_birth ON people (date_of_birth) WHERE relationship_to_infant = 'mother' AND date_of_birth IS NOT NULL;
