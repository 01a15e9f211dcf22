-- A form posted twice records once (H5, ADR 0026). Each form that records something new on a case
-- carries a one-time submission id, made when the form was shown; the record's change stores it here,
-- in its own transaction, with the id of what it recorded. A second post with the same id finds it
-- and is sent to that record instead of recording again; two posts at once are kept to one by the
-- primary key (the second's transaction fails on it and is answered the same way). Keyed by user too:
-- an id is only ever looked up for the user who posted it. Removed with the case's other rows
-- (remove-case-data.ts finds every case_id column).
CREATE TABLE form_submissions (
  case_id        text NOT NULL REFERENCES cases (id),
  submission_id  uuid NOT NULL,
  user_id        text NOT NULL REFERENCES users (id),
  action         text NOT NULL,
  record_id      text NOT NULL,
  submitted_at   timestamptz NOT NULL,
  PRIMARY KEY (case_id, user_id, submission_id)
);
