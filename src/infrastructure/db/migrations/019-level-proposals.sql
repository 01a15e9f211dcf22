-- Proposals to change the level of support (issue 13): someone in the team who may not change the
-- level proposes a change with a reason; the lead professional or a safeguarding lead accepts it
-- (the level changes, with its own profile version) or declines it with a reason. A case has at most
-- one open proposal. The rules are in src/domain/access/level-change.ts; every write goes through the
-- one way to change a case (src/application/profile/level-proposals.ts).
CREATE TABLE level_proposals (
  case_id            text NOT NULL REFERENCES cases (id),
  id                 text NOT NULL,
  from_level         text NOT NULL CHECK (from_level IN ('universal', 'early-help', 'child-in-need', 'child-protection', 'looked-after')),
  to_level           text NOT NULL CHECK (to_level IN ('universal', 'early-help', 'child-in-need', 'child-protection', 'looked-after')),
  reason             text NOT NULL,
  proposed_at        timestamptz NOT NULL,
  proposed_by        text REFERENCES users (id),
  proposed_by_name   text NOT NULL,
  proposed_by_agency text NOT NULL,
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined')),
  decided_at         timestamptz,
  decided_by         text REFERENCES users (id),
  decided_by_name    text,
  decision_reason    text,
  -- The profile version the accepted change of level wrote.
  profile_version    integer,
  PRIMARY KEY (case_id, id),
  CHECK (from_level <> to_level),
  CHECK ((status = 'open') = (decided_at IS NULL)),
  CHECK (status <> 'declined' OR decision_reason IS NOT NULL)
);

CREATE UNIQUE INDEX level_proposals_one_open ON level_proposals (case_id) WHERE status = 'open';
CREATE INDEX level_proposals_by_case ON level_proposals (case_id, proposed_at);
