-- Issue 21: a case whose transfer was cancelled may be closed for transfer again, so a case may have
-- several transfers: each its own row, its own pack and its own receipt task, the cancelled ones kept
-- as the case's history. A transfer has an id of its own (the pack's identifier); the transfers sent
-- before this keep the identifier their pack already had. At most one transfer of a case is in force
-- (not cancelled): the lead professional's close locks the case, and this index holds it besides.
ALTER TABLE case_transfers ADD COLUMN id text;
UPDATE case_transfers SET id = case_id || '-transfer';
ALTER TABLE case_transfers ALTER COLUMN id SET NOT NULL;
ALTER TABLE case_transfers DROP CONSTRAINT case_transfers_pkey;
ALTER TABLE case_transfers ADD PRIMARY KEY (id);
CREATE UNIQUE INDEX case_transfers_one_in_force ON case_transfers (case_id) WHERE cancelled_at IS NULL;
CREATE INDEX case_transfers_case_sent ON case_transfers (case_id, sent_at);

-- Issue 21: a transfer merged into a record here (mergeInto) proposes the people it does not match by
-- NHS number, for someone here to confirm or reject, as a FHIR import proposes them (migration 041),
-- instead of adding them. The proposal keeps the person as the pack sent them (all their details, and
-- their relationships to the pack's other people as ids here), so that one confirmed as a new person
-- is added as sent. Null for a proposal from a FHIR import.
ALTER TABLE fhir_proposed_people ADD COLUMN sent_in_transfer jsonb;
