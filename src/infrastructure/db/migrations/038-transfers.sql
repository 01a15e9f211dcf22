-- Issue 21: transfer when a family moves to another area (docs/domain.md, "Transfer to another area").

-- The sending side: the lead professional closes the case for transfer. What was sent (the pack's
-- parts and what it held), to whom (the receiving area and the contact there) and when are kept;
-- the task to confirm receipt is due five working days after it was sent, and is closed by the lead
-- professional recording the receipt. One transfer a case: a case closed for transfer stays closed.
CREATE TABLE case_transfers (
  case_id                   text PRIMARY KEY REFERENCES cases (id),
  to_area                   text NOT NULL CHECK (length(to_area) BETWEEN 1 AND 200),
  contact                   text NOT NULL CHECK (length(contact) BETWEEN 1 AND 500),
  sent_at                   timestamptz NOT NULL,
  sent_by                   text NOT NULL REFERENCES users (id),
  sent_by_name              text NOT NULL,
  -- The area it was sent from as the pack names it (the sender's organisation).
  from_area                 text NOT NULL,
  -- What the pack held: its parts and counts of entries, people and findings.
  sent                      jsonb NOT NULL,
  receipt_due_on            date NOT NULL,
  receipt_confirmed_at      timestamptz,
  receipt_confirmed_by      text REFERENCES users (id),
  receipt_confirmed_by_name text,
  -- How receipt was confirmed ("Phoned Jo Bloggs, who has it").
  receipt_note              text,
  CHECK ((receipt_confirmed_at IS NULL) = (receipt_confirmed_by_name IS NULL))
);

-- The receiving side: a case made from another area's pack. Every entry it brought says so in its
-- details (receivedFrom: the area and the day), as an entry records its source; this row keeps
-- where it came from and the findings the sending area's profile showed when it was sent.
CREATE TABLE received_transfers (
  case_id          text PRIMARY KEY REFERENCES cases (id),
  from_area        text NOT NULL,
  sending_case_id  text NOT NULL,
  sent_at          timestamptz NOT NULL,
  received_at      timestamptz NOT NULL,
  received_by      text NOT NULL REFERENCES users (id),
  findings         jsonb NOT NULL
);
