-- Issue 21: a case closed for transfer says so on its own row, so the statement that locks the cases
-- for a change reads it from the newest version of the row it locked. On PostgreSQL (READ COMMITTED)
-- a sub-select of case_transfers in that statement sees the database as it was when the statement
-- began, before it waited for the lock: a change queued behind the transaction that closed the case
-- would miss the closure. Closing for transfer writes both columns in its transaction; cancelling the
-- transfer clears them. Backfilled from the transfers already sent.
ALTER TABLE cases ADD COLUMN closed_for_transfer_to text;
ALTER TABLE cases ADD COLUMN closed_for_transfer_at timestamptz;
ALTER TABLE cases ADD CONSTRAINT cases_closed_for_transfer_both CHECK ((closed_for_transfer_to IS NULL) = (closed_for_transfer_at IS NULL));
UPDATE cases SET closed_for_transfer_to = t.to_area, closed_for_transfer_at = t.sent_at FROM case_transfers t WHERE t.case_id = cases.id;

-- A transfer cancelled by the sending area (the receiving area refused it, or it was sent by mistake)
-- while its receipt was not confirmed: who cancelled it, when and why stay in the transfer's history.
ALTER TABLE case_transfers ADD COLUMN cancelled_at timestamptz;
ALTER TABLE case_transfers ADD COLUMN cancelled_by text REFERENCES users (id);
ALTER TABLE case_transfers ADD COLUMN cancelled_by_name text;
ALTER TABLE case_transfers ADD COLUMN cancel_reason text CHECK (length(cancel_reason) BETWEEN 1 AND 2000);
ALTER TABLE case_transfers ADD CONSTRAINT case_transfers_cancelled_all CHECK (
  (cancelled_at IS NULL) = (cancelled_by_name IS NULL) AND (cancelled_at IS NULL) = (cancel_reason IS NULL)
  AND (cancelled_at IS NULL OR receipt_confirmed_at IS NULL)
);
