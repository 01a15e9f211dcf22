-- Finding the baby from an adult (issue 15): a search by name, date of birth or NHS number also
-- finds the babies a person around the baby matches. These indexes are written exactly as the
-- search's conditions on people are, so each is used: the full name's trigrams (pg_trgm's %), the
-- family name's double metaphone, and the date of birth. The NHS number's index is migration 024's.
CREATE INDEX people_name_trgm_idx ON people
  USING gin ((lower(coalesce(given_name, '') || ' ' || coalesce(family_name, ''))) gin_trgm_ops);
CREATE INDEX people_family_metaphone_idx ON people (dmetaphone(coalesce(family_name, '')));
CREATE INDEX people_date_of_birth_idx ON people (date_of_birth) WHERE date_of_birth IS NOT NULL;
