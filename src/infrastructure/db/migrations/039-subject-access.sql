-- Subject access (issue 21): the data protection officer's duty, granted by an administrator beside
-- the account's role (docs/adr/0012), and the requests they answer. A request keeps how the person
-- was named (an NHS number or a person's id) and the clock; its draft is worked out afresh from the
-- record each time it is opened (src/domain/subject-access/), so the officer's decisions are kept by
-- the item's stable key; the release keeps the disclosure exactly as it was released.
-- No row refers to a case: a case disposed of or withdrawn leaves the requests that were answered.
CREATE TABLE data_protection_officers (
  user_id          text PRIMARY KEY REFERENCES users (id),
  granted_at       timestamptz NOT NULL,
  granted_by       text NOT NULL REFERENCES users (id),
  granted_by_name  text NOT NULL
);

CREATE TABLE subject_access_requests (
  id                   text PRIMARY KEY,
  -- The controller answering: the officer's organisation. Its officers see the request.
  organisation_id      text NOT NULL REFERENCES organisations (id),
  received_on          date NOT NULL,
  due_on               date NOT NULL,
  -- How the requester was named: an NHS number (of a parent, or of the child whose request a parent
  -- makes) or a person's id in a case. At least one.
  nhs_number           text,
  person_id            text,
  -- A child's request made by a parent: the parent's NHS number, so their own details are theirs.
  parent_nhs_number    text,
  -- The person as found when the request was made, for the list ("Sarah Hart, mother").
  subject_name         text NOT NULL,
  created_at           timestamptz NOT NULL,
  created_by           text NOT NULL REFERENCES users (id),
  created_by_name      text NOT NULL,
  CHECK (nhs_number IS NOT NULL OR person_id IS NOT NULL)
);
CREATE INDEX subject_access_requests_organisation_idx ON subject_access_requests (organisation_id, due_on);

-- Extended once, by two further months, with the reason told to the requester.
CREATE TABLE subject_access_extensions (
  request_id       text PRIMARY KEY REFERENCES subject_access_requests (id),
  due_on           date NOT NULL,
  reason           text NOT NULL,
  extended_at      timestamptz NOT NULL,
  extended_by      text NOT NULL REFERENCES users (id),
  extended_by_name text NOT NULL
);

-- The officer's decision on each item the rules marked: redact or disclose, and why. A decision made
-- again replaces the earlier one (the audit trail keeps each).
CREATE TABLE subject_access_redactions (
  request_id       text NOT NULL REFERENCES subject_access_requests (id),
  item_key         text NOT NULL,
  decision         text NOT NULL CHECK (decision IN ('redact', 'disclose')),
  reason           text NOT NULL,
  decided_at       timestamptz NOT NULL,
  decided_by       text NOT NULL REFERENCES users (id),
  decided_by_name  text NOT NULL,
  PRIMARY KEY (request_id, item_key)
);

-- Released once: the disclosure as released (the items, redactions applied), from which its PDF is made.
CREATE TABLE subject_access_releases (
  request_id       text PRIMARY KEY REFERENCES subject_access_requests (id),
  released_at      timestamptz NOT NULL,
  released_by      text NOT NULL REFERENCES users (id),
  released_by_name text NOT NULL,
  disclosure       jsonb NOT NULL
);
