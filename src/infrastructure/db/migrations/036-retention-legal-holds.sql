-- Retention and legal hold (issue 21). A legal hold (a child safeguarding practice review, an
-- inquiry, litigation) suspends the disposal of one case, or of every case a rule matches: a case
-- with a member of an organisation in its team, and/or a baby born (or due) within dates. Who set it,
-- when and why are kept; lifting it keeps the row with who lifted it and when.
CREATE TABLE legal_holds (
  id               text PRIMARY KEY,
  case_id          text REFERENCES cases (id),
  organisation_id  text REFERENCES organisations (id),
  born_from        date,
  born_to          date,
  reason           text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  set_at           timestamptz NOT NULL,
  set_by           text REFERENCES users (id),
  set_by_name      text NOT NULL,
  lifted_at        timestamptz,
  lifted_by        text REFERENCES users (id),
  lifted_by_name   text,
  CHECK (case_id IS NOT NULL OR organisation_id IS NOT NULL OR born_from IS NOT NULL OR born_to IS NOT NULL),
  CHECK (case_id IS NULL OR (organisation_id IS NULL AND born_from IS NULL AND born_to IS NULL)),
  CHECK (born_from IS NULL OR born_to IS NULL OR born_from <= born_to),
  CHECK ((lifted_at IS NULL) = (lifted_by_name IS NULL))
);
CREATE INDEX legal_holds_case_idx ON legal_holds (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX legal_holds_rules_idx ON legal_holds (set_at) WHERE case_id IS NULL;

-- Removing a case's personal data (a disposal, or a record made in error withdrawn) deletes the rows
-- of its append-only history, which nothing else may: the remover names the case it removes in the
-- transaction-local setting icp.removing_case (set_config(..., true)), and only that case's rows may go.
CREATE OR REPLACE FUNCTION profile_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.case_id IS NOT DISTINCT FROM nullif(current_setting('icp.removing_case', true), '') THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

-- An audit entry's details can be redacted (docs/domain.md, "Retention and disposal"): its details
-- become {"redacted": true} and redacted_by names the tombstone entry that did it, which is itself in
-- the chain and signs a digest of every entry it redacted (their ids and own hashes). Nothing else of
-- the entry changes, so its place and chain hash stand; `audit verify` checks a redacted entry
-- against its tombstone instead of against its details.
ALTER TABLE audit_log ADD COLUMN redacted_by text;
CREATE INDEX audit_log_redacted_by_idx ON audit_log (redacted_by) WHERE redacted_by IS NOT NULL;

-- Still append-only: the changes allowed are sealing (a place and chain hashes for an unsealed entry,
-- nothing it says changed) and redaction (the details only, once, naming the tombstone).
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL AND NEW.hash IS NOT NULL
     AND (NEW.seq, NEW.id, NEW.occurred_at, NEW.actor_user_id, NEW.actor_organisation_id, NEW.channel, NEW.action,
          NEW.outcome, NEW.subject_type, NEW.subject_id, NEW.case_id, NEW.ip, NEW.details, NEW.key_id, NEW.entry_hash, NEW.redacted_by)
         IS NOT DISTINCT FROM
         (OLD.seq, OLD.id, OLD.occurred_at, OLD.actor_user_id, OLD.actor_organisation_id, OLD.channel, OLD.action,
          OLD.outcome, OLD.subject_type, OLD.subject_id, OLD.case_id, OLD.ip, OLD.details, OLD.key_id, OLD.entry_hash, OLD.redacted_by) THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.redacted_by IS NULL AND NEW.redacted_by IS NOT NULL AND NEW.details = '{"redacted": true}'::jsonb
     AND (NEW.seq, NEW.id, NEW.occurred_at, NEW.actor_user_id, NEW.actor_organisation_id, NEW.channel, NEW.action,
          NEW.outcome, NEW.subject_type, NEW.subject_id, NEW.case_id, NEW.ip, NEW.key_id, NEW.entry_hash,
          NEW.chain_seq, NEW.prev_hash, NEW.hash)
         IS NOT DISTINCT FROM
         (OLD.seq, OLD.id, OLD.occurred_at, OLD.actor_user_id, OLD.actor_organisation_id, OLD.channel, OLD.action,
          OLD.outcome, OLD.subject_type, OLD.subject_id, OLD.case_id, OLD.ip, OLD.key_id, OLD.entry_hash,
          OLD.chain_seq, OLD.prev_hash, OLD.hash) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
