-- An agency's external id names its own record on one baby's chronology. Keyed per organisation
-- alone, a caller could send the id of an entry on a case they may not see and be answered with that
-- entry as a "duplicate". Keyed per case and organisation, a retry still finds the caller's own
-- entry, and the same id on another case is new. The stored ids were unique per organisation, so
-- they are unique per case and organisation too: no row needs changing.
DROP INDEX chronology_entries_external_idx;
CREATE UNIQUE INDEX chronology_entries_external_idx ON chronology_entries (case_id, organisation_id, external_id) WHERE external_id IS NOT NULL;
