-- H7 (ADR 0027, amendment of 2026-12-07; docs/domain.md, "Escalation decisions"): the alert asking a
-- safeguarding lead to confirm or overturn a decision names that decision. It links straight to the
-- decision's confirmation page, cannot be closed by an acknowledgement while the decision awaits an
-- answer, and closes for everyone it reached when a lead answers. Null for every other alert.
ALTER TABLE alerts ADD COLUMN decision_id text;
ALTER TABLE alerts ADD CONSTRAINT alerts_decision_fk FOREIGN KEY (case_id, decision_id) REFERENCES profile_decisions (case_id, id);

-- Alerts raised before this column: the decision recorded on the same case at the moment the alert was
-- raised (both are written by the one transaction that records the decision).
UPDATE alerts SET decision_id = (
  SELECT d.id FROM profile_decisions d
  WHERE d.case_id = alerts.case_id AND d.confirming_lead_id IS NOT NULL AND d.decided_at = alerts.raised_at
  ORDER BY d.id LIMIT 1
) WHERE reason = 'decision-to-confirm';
