-- H1 (ADR 0027; docs/domain.md, "Escalation decisions"): a decision below the level a critical finding in
-- view suggests is not in force on one person's word. It is recorded (decisions stay append-only) naming
-- the safeguarding lead asked to confirm it; the lead's answer, confirmed or overturned with reasoning,
-- is a row of its own. A decision with no lead named needs no confirmation and is in force as before.
ALTER TABLE profile_decisions ADD COLUMN confirming_lead_id text REFERENCES users (id);

CREATE TABLE decision_confirmations (
  case_id          text NOT NULL,
  decision_id      text NOT NULL,
  answer           text NOT NULL CHECK (answer IN ('confirmed', 'overturned')),
  reasoning        text NOT NULL CHECK (length(reasoning) BETWEEN 1 AND 4000),
  answered_at      timestamptz NOT NULL,
  answered_by      text NOT NULL REFERENCES users (id),
  answered_by_name text NOT NULL,
  agency           text NOT NULL,
  PRIMARY KEY (case_id, decision_id),
  FOREIGN KEY (case_id, decision_id) REFERENCES profile_decisions (case_id, id)
);
CREATE TRIGGER decision_confirmations_append_only BEFORE UPDATE OR DELETE ON decision_confirmations
  FOR EACH ROW EXECUTE FUNCTION profile_history_refuse_change();

-- The lead asked to confirm is told by an alert of its own.
ALTER TABLE alerts DROP CONSTRAINT alerts_reason_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_reason_check CHECK (reason IN ('trigger-event', 'critical-finding', 'discharge', 'emergency-attendance', 'decision-to-confirm'));
-- Said on the alert when escalation found nobody to reach (no lead in the team's organisations and none
-- designated for the partnership).
ALTER TABLE alerts ADD COLUMN escalation_unreached text;
