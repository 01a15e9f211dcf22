-- Issue 21: a person added to the wrong family is withdrawn by two people, as a whole record made in
-- error is (migration 037): the lead professional proposes it, with the reason; a safeguarding lead or
-- manager who oversees the case, and is not the proposer, confirms
-- (src/domain/withdrawal/withdrawal-rules.ts). The confirmation removes the person's rows (this one
-- included) under icp.removing_case (migration 036) and leaves a tombstone in the audit chain (action
-- person.withdrawn). One proposal a person.
CREATE TABLE person_withdrawals (
  case_id            text NOT NULL REFERENCES cases (id),
  person_id          text NOT NULL,
  reason             text NOT NULL,
  proposed_at        timestamptz NOT NULL,
  proposed_by        text NOT NULL REFERENCES users (id),
  proposed_by_name   text NOT NULL,
  PRIMARY KEY (case_id, person_id),
  FOREIGN KEY (case_id, person_id) REFERENCES people (case_id, id)
);
