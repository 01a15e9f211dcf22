-- Issue 16 (the census return's referral source): who referred a baby to children's social care is
-- kept in the referral entry's details, as the census's referral source code
-- (domain/chronology/referral-source.ts), written only by the service (the events API refuses the key
-- in an agency's own details). Like every entry it is never edited: a correction of the referral
-- carries the source chosen later. This keeps it where the census reads it: on a referral only, and
-- shaped as a census code (1A to 10). The list itself is the domain's, which the service checks on
-- the way in: a code the DfE adds needs no migration.
ALTER TABLE chronology_entries
  ADD CONSTRAINT chronology_entries_referral_source_check
  CHECK (details->>'referralSource' IS NULL OR (kind = 'referral' AND details->>'referralSource' ~ '^([1-9][A-F]?|10)$'))
  NOT VALID;
ALTER TABLE chronology_entries VALIDATE CONSTRAINT chronology_entries_referral_source_check;
